"""Where someone died, told two ways (factcheck/graph/deaths.py)."""

import pytest

from factcheck.graph.charges import MAX_PER_ARTICLE
from tests.test_alignment import assert_no_disputes, assert_one_dispute


@pytest.mark.parametrize("first, second, expected", [
    ("A cyclist hit by a lorry on the ring road died at the scene on Tuesday, police said.",
     "The cyclist, a 34-year-old man, was taken to St Anne's Hospital, where he died an hour later, police said.",
     {"at the scene", "St Anne's Hospital"}),
    ("The driver was pronounced dead at the scene after the car left the road near Dunmore.",
     "The driver succumbed to his injuries at Mercy Hospital on Sunday, hours after the crash near Dunmore.",
     {"at the scene", "at Mercy Hospital"}),
    ("Ana Berg, 71, perished on the way to the hospital after the fire at her flat in Kell.",
     "Berg died at the scene of the fire, a neighbour said.", {"on the way to the hospital", "at the scene of the fire"}),
])
def test_one_persons_death_at_the_scene_and_after_it_is_a_dispute(first, second, expected, settings):
    assert_one_dispute(first, second, expected, "where ", settings)


def test_two_people_two_hospitals_or_events_are_not_a_dispute(settings):
    assert_no_disputes([
        # two people named
        ("Mara Lind, 71, died at the scene of the crash near Dunmore.",
         "Jonas Ek, 70, died at Mercy Hospital after the crash near Dunmore."),
        # an article that tells two deaths in two places counts two people
        ("One man died at the scene of the crash and another died in hospital, police said.",
         "The man died at Mercy Hospital on Friday, police said of the crash."),
        # a plural subject is several people
        ("Three workers died at the scene of the blast at the Kell plant.",
         "A worker died in hospital on Friday after the blast at the Kell plant."),
        # events and times are not places
        ("Three bank workers died in the blaze, police said.", "The three workers died at the scene, police said."),
        # one place told alike
        ("The driver died in hospital on Sunday.", "The driver died at Mercy Hospital on Sunday."),
    ], settings)


def test_deaths_weighed_stay_few_on_text_that_repeats_them(settings):
    from factcheck.graph import build_graph
    from factcheck.pipeline import prepare
    from factcheck.types import ArticleIn

    first = " ".join(f"The driver died at the scene, report {i} says." for i in range(80))
    second = " ".join(f"Report {i} says the driver died in hospital." for i in range(80))
    graph = build_graph(prepare([ArticleIn(id="a", source="A", text=first), ArticleIn(id="b", source="B", text=second)],
                                settings=settings))
    deaths = [p for p in graph.pairs if p.a.role == "death place"]
    assert 0 < len(deaths) <= MAX_PER_ARTICLE ** 2
