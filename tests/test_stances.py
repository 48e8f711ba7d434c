"""A source vouching for a report in one outlet and withholding it in another (`factcheck.graph.stances`)."""

from __future__ import annotations

import pytest

from factcheck.graph.facts import stance_facts
from tests.test_alignment import run
from tests.test_local_engine import _parsed


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Two residents died of heatstroke over the weekend, the coroner's office confirmed.",
         [("the coroner's office confirmed", "asserted")]),
        ("Two deaths could be linked to the heat, while the coroner's office declined to comment.",
         [("the coroner's office declined to comment", "withheld")]),
        ("Caldbrook Energy has not confirmed what caused the failure.", [("Caldbrook Energy has not confirmed", "withheld")]),
        ("The club refused to say whether the coach had been sacked.", [("The club refused to say", "withheld")]),
        ("Norvik Ferries has not said when the new route will open.", [("Norvik Ferries has not said", "withheld")]),
        ("He said he was tired.", []),  # a pronoun names no source
    ],
)
def test_a_sources_stance_is_read_with_its_words(text, expected):
    assert [(f.text, f.status) for f in stance_facts(_parsed(text))] == expected


@pytest.mark.parametrize(
    "first, second, values",
    [
        ("Four miners were trapped underground after the tunnel collapsed on Monday, the mine operator confirmed.",
         "Rescuers said four miners may be trapped underground after the tunnel collapsed, while the mine operator "
         "declined to comment.",
         {"the mine operator confirmed", "the mine operator declined to comment"}),
        ("Harlow Mills will close its Penley plant next year, cutting 300 jobs, Harlow Mills said on Tuesday.",
         "Harlow Mills has not confirmed that it will close the Penley plant, though two managers said 300 jobs would go.",
         {"Harlow Mills said", "Harlow Mills has not confirmed"}),
        # a question of quantity the other outlet answers with a figure of the same thing
        ("Three people were hurt when a gas cylinder exploded at the bus depot on Friday, police said.",
         "Police could not say how many people were hurt when the gas cylinder exploded at the bus depot.",
         {"police said", "Police could not say"}),
        # a 'when' question the other outlet answers with a day
        ("Norvik Ferries announced that its new Kell route had been approved by the harbour board on May 4.",
         "Norvik Ferries has not said when the new Kell route will start carrying passengers.",
         {"Norvik Ferries announced", "Norvik Ferries has not said"}),
    ],
)
def test_a_source_giving_a_report_in_one_outlet_and_withholding_it_in_another_is_raised(first, second, values, settings):
    r = run(first, second, settings=settings)
    assert [{s.value for s in c.sides} for c in r.contradictions if c.kind == "attribution"] == [values]
    [c] = [c for c in r.contradictions if c.kind == "attribution"]
    assert {s.normalized for s in c.sides} == {"vouched for", "withheld"}  # what the report reads each side as


@pytest.mark.parametrize(
    "first, second",
    [
        # 'shot three people' does not say how many shots were fired
        ("A gunman shot three people at the office on Monday morning, police said.",
         "Police could not say how many shots were fired at the office on Monday morning."),
        # two sources
        ("Four miners were trapped underground after the tunnel collapsed on Monday, the mine operator confirmed.",
         "Rescuers said four miners may be trapped underground after the tunnel collapsed, while the regional "
         "governor declined to comment."),
        # 'when' is answered only by a day, 'how' only by a sentence about that happening
        ("Norvik Ferries announced that its new Kell route had been approved by the harbour board.",
         "Norvik Ferries has not said when the new Kell route will start carrying passengers."),
        ("The health board confirmed that two patients at Kell General had died on Friday.",
         "The health board has not revealed how the infection reached the ward at Kell General."),
    ],
)
def test_a_question_left_open_or_another_sources_silence_is_not_a_dispute(first, second, settings):
    assert [c for c in run(first, second, settings=settings).contradictions if c.kind == "attribution"] == []
