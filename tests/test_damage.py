"""How badly a building or thing was damaged, told two ways (factcheck/graph/damage.py)."""

import pytest

from tests.test_alignment import assert_no_disputes, assert_one_dispute


@pytest.mark.parametrize("first, second, expected", [
    ("A fire overnight destroyed much of the Kellmoor library, the council said.",
     "The main part of the Kellmoor library was left largely intact with only water damage, firefighters said.",
     {"destroyed", "intact"}),
    ("The blaze gutted the Harbour Street warehouse overnight, the fire service said.",
     "The warehouse on Harbour Street was undamaged, its owner told reporters after the blaze.",
     {"gutted", "undamaged"}),
    ("The old mill at Dunrow burned to the ground on Tuesday night.",
     "The old mill at Dunrow was not destroyed, though its roof collapsed on Tuesday night.",
     {"burned", "was not destroyed"}),
])
def test_one_thing_ruined_and_unharmed_is_a_dispute(first, second, expected, settings):
    assert_one_dispute(first, second, expected, "how badly the ", settings)


def test_two_things_a_part_or_a_hedged_ruin_are_not_a_dispute(settings):
    assert_no_disputes([
        # two things
        ("The blaze gutted the Harbour Street warehouse.", "The neighbouring warehouse was untouched, police said."),
        ("The storm destroyed the marina's boathouse.", "The marina's clubhouse was undamaged."),
        # a part that is not the thing
        ("The fire destroyed part of the school's roof.", "The school was left intact, the head teacher said."),
        # a hedged ruin
        ("The fire nearly destroyed the chapel.", "The chapel was left intact, the vicar said."),
        # one grade, said two ways
        ("The fire destroyed the chapel.", "The fire razed the chapel on Sunday."),
    ], settings)
