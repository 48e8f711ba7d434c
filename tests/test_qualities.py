"""How well something was done to someone, told two ways (factcheck/graph/qualities.py)."""

import pytest

from tests.test_alignment import assert_no_disputes, assert_one_dispute


@pytest.mark.parametrize("first, second, expected", [
    ("The Kell plant was poorly maintained, inspectors found after the blast.",
     "The Kell plant was well maintained and had passed every inspection, its owner said after the blast.",
     {"poorly maintained", "well maintained"}),
    ("Mara Lind's crew appeared to be \"inadequately\" trained for the rescue, the report said.",
     "The coastguard said Lind was properly trained for the rescue but had no boat.",
     {'"inadequately" trained', "properly trained"}),
    ("Staff said St Anne's was understaffed on the night of the fire.",
     "St Anne's was fully staffed on the night of the fire, the hospital's director said.",
     {"understaffed", "fully staffed"}),
    ("Jonas Holm was not properly equipped for the climb, police said.",
     "Holm was well equipped for the climb, his brother told reporters.", {"not properly equipped", "well equipped"}),
])
def test_one_party_graded_two_ways_is_a_dispute(first, second, expected, settings):
    assert_one_dispute(first, second, expected, "how well ", settings)


def test_two_parties_two_deeds_or_one_grade_are_not_a_dispute(settings):
    assert_no_disputes([
        # two parties
        ("The Kell plant was poorly maintained, inspectors said.", "The Dunmore plant was well maintained, they said."),
        # two participles
        ("Jonas Holm was well equipped for the climb, police said.",
         "Holm was poorly trained for the climb, police said."),
        # one grade, said two ways
        ("Jonas Holm was well equipped for the climb.", "Holm was properly equipped for the climb, police said."),
        # no one named
        ("The crew was poorly trained, the report said.", "The crew was well trained, the company said."),
    ], settings)
