"""What both reports show of a contradiction's sides: whole sentence, value placed, outlet, date, versions."""

from __future__ import annotations

import pytest

from factcheck.render.sides import readable, verdict, versions, versions_line
from tests.render_fixtures import ALPHA, BETA, GAMMA, toll_report


def test_each_side_is_its_whole_sentence_with_the_value_placed():
    report = toll_report()
    found = versions(report, report.contradictions[0])
    views = [view for version in found for view in version.sides]
    assert [(v.source, v.published, v.parts) for v in views] == [
        ("Alpha News", "2024-02-13", ("", "At least 74", " people were hurt, officials said.")),  # from offsets
        ("Gamma Post", "2024-02-14", ("", "At least 74", " people were hurt in the fire, police said.")),  # found
        ("Beta Times", None, ("Officials put the number of injured at ", "67", " late on Monday.")),  # found
    ]
    assert [v.sentence for v in views] == [ALPHA.split(". ")[1], GAMMA.split(". ")[1], BETA.split(". ")[1]]


@pytest.mark.parametrize(
    "sides_versions, line",
    [
        ((1, 2, 1), "Version A: Alpha News, Gamma Post — Version B: Beta Times"),
        ((3, 3, 7), "Version A: Alpha News, Beta Times — Version B: Gamma Post"),
        # Every side in one version (an older engine): grouped by the normalized value instead.
        ((0, 0, 0), "Version A: Alpha News, Gamma Post — Version B: Beta Times"),
    ],
)
def test_sides_are_grouped_by_version(sides_versions, line):
    report = toll_report(versions=sides_versions)
    assert versions_line(versions(report, report.contradictions[0])) == line


def test_a_value_not_in_the_sentence_leaves_the_cited_words_marked():
    report = toll_report()
    c = report.contradictions[0]
    odd = c.sides[1].model_copy(update={"value": "sixty-seven", "citation": c.sides[1].citation.model_copy(
        update={"start": BETA.index("at 67"), "end": BETA.index("at 67") + 5, "quote": "at 67"})})
    report = report.model_copy(update={"contradictions": [c.model_copy(update={"sides": [c.sides[0], odd]})]})
    beta = versions(report, report.contradictions[0])[1].sides[0]
    assert beta.parts == ("Officials put the number of injured ", "at 67", " late on Monday.")


@pytest.mark.parametrize(
    "normalized, shown",
    [(">=74", "at least 74"), ("<=10", "at most 10"), (">28000", "more than 28000"), ("=67", "67"),
     ("2024-02-13 (Tuesday)", "2024-02-13 (Tuesday)"), ("began", "began")],
)
def test_readable_normalized_values(normalized, shown):
    assert readable(normalized) == shown


@pytest.mark.parametrize(
    "kind, words",
    [("number", "The figures disagree"), ("date", "The dates disagree"), ("status", "The accounts disagree on whether"),
     ("other", "The accounts disagree")],
)
def test_verdicts_say_disagree(kind, words):
    c = toll_report().contradictions[0].model_copy(update={"kind": kind})
    assert verdict(c).startswith(words) and "cannot both" not in verdict(c)
