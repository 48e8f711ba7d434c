"""What someone was charged with, told two ways (factcheck/graph/charges.py)."""

import pytest

from factcheck.graph.charges import MAX_PER_ARTICLE
from tests.test_alignment import assert_no_disputes, run, values


@pytest.mark.parametrize("first, second, expected", [
    ("The driver who fled after hitting a cyclist in Kell has been charged in her murder, police said.",
     "Tomas Lind, 31, was charged with vehicular manslaughter and leaving the scene of an accident, police said.",
     {"her murder", "vehicular manslaughter"}),
    ("Prosecutors said Ana Berg was charged with murder after the death of her business partner in Dunmore.",
     "Berg, 44, has been charged with manslaughter over her partner's death, the court heard on Monday.",
     {"murder", "manslaughter"}),
])
def test_one_persons_charges_told_as_two_offences_are_a_dispute(first, second, expected, settings):
    assert values(run(first, second, settings=settings)) == [expected]


def test_more_charges_a_charge_still_to_come_or_another_persons_are_not_a_dispute(settings):
    assert_no_disputes([
        # one outlet names fewer of the charges
        ("Tomas Lind was charged with manslaughter and drunk driving after the crash on the Kell ring road.",
         "Police said the driver had been charged with drunk driving over Sunday's crash in Kell."),
        # a charge that may come, not one brought
        ("Police said Lind could be charged with murder after the raid on the Kell depot.",
         "Tomas Lind was charged with robbery on Friday over the raid on the Kell depot, court papers show."),
        # two people
        ("Tomas Lind was charged with murder after the raid on the Kell depot, police said.",
         "His accomplice, Ana Berg, was charged with robbery over the raid on the Kell depot."),
        # one offence and its kind: how two outlets translate one charge
        ("The officer was charged with murder over the killing of a teenager in Exarchia, police said.",
         "Prosecutors charged the officer with voluntary homicide over the teenager's death in Exarchia."),
        # the event the charge is about, and the day it was brought, are not offences
        ("Tomas Lind was charged on Friday in the shooting at the Kell depot.",
         "Police said Lind faces trial after being charged with murder over the Kell depot shooting."),
    ], settings)


def test_offences_one_outlet_lists_together_are_two_charges_of_one_case(settings):
    report = run("Tomas Lind was charged with murder and robbery after the raid on the Kell depot.",
                 "Police said Lind was charged with robbery over Friday's raid in Kell.",
                 "Lind, 31, has been charged with murder, a court spokeswoman said of the depot raid.",
                 settings=settings)
    assert values(report) == []


def test_charges_weighed_stay_few_on_text_that_repeats_them(settings):
    from factcheck.graph import build_graph
    from factcheck.pipeline import prepare
    from factcheck.types import ArticleIn

    first = " ".join(f"Tomas Lind was charged with murder in Kell, case {i} shows." for i in range(80))
    second = " ".join(f"Court papers filed on day {i} show that Lind has been charged with manslaughter over the "
                      "crash on the Dunmore ring road." for i in range(80))
    graph = build_graph(prepare([ArticleIn(id="a", source="A", text=first), ArticleIn(id="b", source="B", text=second)],
                                settings=settings))
    charges = [p for p in graph.pairs if p.a.role == "charge"]
    assert 0 < len(charges) <= MAX_PER_ARTICLE ** 2


def test_counts_of_one_offence_are_compared_and_counts_of_two_are_not(settings):
    from tests.test_alignment import assert_told_apart

    assert_told_apart(
        [("Tomas Lind was charged with two counts of murder, one count of attempted murder and arson.",
          "Police said Lind has been charged with two counts of murder over the fire in Kell."),
         ("Ana Berg faces three charges of fraud and one charge of forgery, prosecutors said.",
          "Berg was charged with three charges of fraud, the court heard on Monday.")],
        ("Ana Berg was charged with three counts of fraud, the court heard on Monday.",
         "Berg faces two counts of fraud and one count of theft, prosecutors said on Monday."),
        {"three", "two"}, settings)
