"""factcheck.checks: the one reader of figures, dates and names, shared by verify, the engines and the evals."""

from datetime import date

import pytest

from factcheck.checks import (
    compare_names, figures_compatible, find_figures, find_whens, parse_figure, parse_when, same_figure,
    support_problems, value_in_text, whens_compatible,
)


@pytest.mark.parametrize("text, written, normalized", [
    ("At least 74 people were killed", "At least 74", ">=74"),
    ("a $2.5 million heist", "$2.5 million", "~2,500,000 USD [2,450,000-2,550,000]"),
    ("a 90-day stay", "90-day", "=90 day"),
    ("they won 3-1 on Sunday", "3-1", "3-1"),
    ("twenty-five passengers", "twenty-five", "=25"),
    ("about 61 percent voted", "about 61 percent", "~61% [54.9-67.1]"),
    ("10-15 people were hurt", "10-15", "~12.5 [10-15]"),
    ("a €3bn contract", "€3bn", "~3,000,000,000 EUR [2,500,000,000-3,500,000,000]"),
    ("a loan of Rs 500 crore", "Rs 500", "=500 INR"),
    # a currency sign starts a word: the "rs" ending "covers" or "others" is not rupees
    ("the order covers four districts", "four", "=4"),
    ("the others 12 were freed", "12", "=12"),
    # in brackets after a name, an upward N-M is a record or a vote, not a range: "the Chiefs (2-13)"
    ("the Harriers (3-11) visit Dunmore on Friday", "3-11", "3-11"),
    ("the motion failed in the Senate (41-59) on Tuesday", "41-59", "41-59"),
    ("children (ages 2-13) go free", "2-13", "~7.5 [2-13]"),
    # a word ending in s after a downward N-M is not what it counts: 'as', 'this' are not plurals
    ("Marlow, now 24-2 as a professional, won", "24-2", "24-2"),
    ("the Hawks went 9-4 this month", "9-4", "9-4"),
    # a participle or 'net' between a number and its unit leaves the unit as it is
    ("he finished with 4,183 passing yards", "4,183 passing yards", "=4,183 yard"),
    ("the repairs took 20 working days", "20 working days", "=20 day"),
    ("the firm made 352 net tonnes", "352 net tonnes", "=352 tonne"),
    ("a tanker of 300 gross tonnes", "300 gross tonnes", "=300 tonne"),
    ("the strike lasted two full days", "two full days", "=2 day"),
    ("five living relatives", "five", "=5"),
    # a unanimous vote is a tally with none against
    ("the board approved it unanimously", "unanimously", "unanimous"),
    ("a unanimous verdict", "unanimous", "unanimous"),
])
def test_figures_are_read_with_hedge_unit_currency_and_score(text, written, normalized):
    figures = find_figures(text)
    assert [(f.text, f.normalized()) for f in figures] == [(written, normalized)]


@pytest.mark.parametrize("text, expected", [
    # a comma that lost its space after a height or a score: what follows is a figure of its own
    ("The suspect is 5-foot-8,135 pounds, police said", [("5-foot-8", "=1.727 foot-inch"), ("135 pounds", "=135 lb")]),
    ("the guard, 6-foot-2,210 pounds, signed on", [("6-foot-2", "=1.88 foot-inch"), ("210 pounds", "=210 lb")]),
])
def test_a_figure_after_a_height_and_a_bare_comma_is_read(text, expected):
    assert [(f.text, f.normalized()) for f in find_figures(text)] == expected


@pytest.mark.parametrize("text", ["on Feb. 14, 2024", "in 2013", "at 3:30 p.m.", "on 7 October", "the 13th floor",
                                  # a number word inside a term counts nothing
                                  "the defence forced a three-and-out", "they met one-on-one",
                                  "a two-to-one majority of members"])
def test_dates_years_times_and_terms_are_not_figures(text):
    assert find_figures(text) == []


@pytest.mark.parametrize("a, b, expected", [
    ("at least 74", "at least 67", False),  # two tallies of one count
    ("74", "67", False),
    ("28,473", "more than 28,000", True),
    ("roughly 250", "more than 250", True),
    ("5 miles", "8 km", True),  # a conversion, rounded as written
    ("5 miles", "12 km", False),
    ("30°C", "86°F", True),
    ("1.4 million", "1,400,000", True),
    ("3-1", "1-3", True),
    ("3-1", "2-1", False),
    ("unanimous", "9-0", True),  # none against
    ("unanimously", "7-2", False),
    ("unanimous", "unanimously", True),
    ("$5 million", "€5 million", None),  # different currencies do not compare
    ("40%", "40", None),
    ("4.46 pounds", "just 4.5 pounds", True),  # a measure written to one decimal may be the other rounded
    ("2.38 kg", "2.4 kg", True),
    ("1.2 miles", "1.25 miles", True),
    ("4.4 pounds", "4.5 pounds", False),  # written to the same decimal: two weights
    ("4 pounds", "4.46 pounds", False),  # a whole number is not read as a rounding
    # one unit spelled two ways converts nothing, so it adds no rounding: 'about 600m' is not 700 metres
    ("about 600m", "700 meters", False),
    ("about 8km", "10 kilometres", False),
    ("about 600m", "650 metres", True),
    ("about 600m", "about 2,000 feet", True),  # a conversion keeps its rounding
])
def test_figures_compatible(a, b, expected):
    assert figures_compatible(parse_figure(a), parse_figure(b)) is expected


def test_same_figure_ignores_hedges_not_numbers():
    assert same_figure(parse_figure("74"), parse_figure("at least 74"))
    assert not same_figure(parse_figure("74"), parse_figure("at least 67"))


@pytest.mark.parametrize("value, text, kind, anchor, expected", [
    ("74", "killed at least 74 Palestinians", None, None, True),
    ("two", "only 2 hostages", None, None, True),
    ("2", "only two hostages", None, None, True),
    ("2", "twenty-two hostages", None, None, False),
    ("$2.5 million", "jewels worth $2.5m", None, None, True),
    ("90 days", "a 90-day stay", None, None, True),
    ("Tuesday", "officials said Tuesday", "date", None, True),
    ("2024-02-13", "met on Tuesday", "date", date(2024, 2, 13), True),
    ("2024-02-14", "met on Tuesday", "date", date(2024, 2, 13), False),
    ("2024-02-14", "on Feb. 14, 2024", "date", None, True),
    ("15:00", "at 3 p.m. on Friday", "date", None, True),
    ("Maurice Cheeks", "Cheeks was hired", "name", None, False),
    ("Cheeks", "Maurice Cheeks was hired", "name", None, True),
    ("pleaded guilty", "he pleaded guilty on Monday", "status", None, True),
])
def test_value_in_text(value, text, kind, anchor, expected):
    assert value_in_text(value, text, kind=kind, anchor=anchor) is expected


@pytest.mark.parametrize("a, b, expected", [
    ("Maurice Cheeks", "Cheeks", "same"),
    ("Dr. José A. Ruiz", "Jose Ruiz", "same"),
    ("Jon Smith", "John Smith", "variant"),
    ("Tony Thompson", "Tony Tomson", "variant"),
    ("Barack Obama", "George Bush", "different"),
    ("Ellen Page", "Ellen DeGeneres", "different"),
    # how the words are joined is not the spelling
    ("T-Mobile", "T Mobile", "same"),
    ("Jean-Luc Moreau", "Jean Luc Moreau", "same"),
    ("Coca-Cola", "Coca Cola", "same"),
    # a first name and its pet form are one person; a name that merely ends in -y is not a pet form, and two
    # spellings of one name stay a variant
    ("Katie Jenkin", "Kathryn Jenkin", "same"),
    ("Danny Ortiz", "Daniel Ortiz", "same"),
    ("Eddie Hart", "Edward Hart", "same"),
    ("Mary Smith", "Marcus Smith", "different"),
    ("Leslie Ng", "Lesley Ng", "variant"),
    # a first name cut short is the same name, not a misspelling
    ("Steve Einhorn", "Steven Einhorn", "same"),
    ("Phil Schiller", "Philip Schiller", "same"),
    ("Chris Lund", "Christopher Lund", "same"),
])
def test_compare_names(a, b, expected):
    assert compare_names(a, b) == expected


@pytest.mark.parametrize("claim, cited", [
    ("No one was hurt in the fire at the depot.", "One person was hurt in the fire at the depot."),
    ("One worker was hurt in the fire at the depot.", "No one was hurt in the fire at the depot."),
    ("No one was arrested after the march in Leeds.", "Police arrested one man after the march in Leeds."),
])
def test_no_one_is_none_not_one(claim, cited):
    assert support_problems(claim, cited)


def test_support_needs_the_claims_figures_names_and_words():
    claim = "Talks will continue for another three days, an Egyptian official said."
    assert support_problems(claim, "Negotiations in Egypt will go on for three more days, an Egyptian official said.") == []
    problems = support_problems(claim, "Both officials spoke on condition of anonymity.")
    assert any("three days" in p for p in problems) and any("Egyptian" in p for p in problems)
    assert support_problems("At least 74 people were killed in the raid.", "At least 67 people were killed in the raid.")


@pytest.mark.parametrize(
    "text, figures",
    [
        ("Marines seized six AK 47 rifles and 12 magazines.", ["six", "12"]),
        ("The Navy confiscated 14 AK-47 rifles from the boat.", ["14"]),
        ("Covid-19 killed 5 people in the home.", ["5"]),
        ("Two F-16 jets were scrambled.", ["Two"]),
        ("A 3D scan found 4 cracks.", ["4"]),
        ("The UK 40 schools plan was dropped; 5km of road closed.", ["40", "5km"]),
    ],
)
def test_designations_are_not_counts(text, figures):
    assert [f.text for f in find_figures(text)] == figures


def test_a_figure_written_many_times_is_checked_and_reported_once():
    claim = "Kell beat Dunmore " + ", ".join(["6-4", "3-6"] * 300) + " in the final."
    assert support_problems(claim, "Kell beat Dunmore 6-4, 3-6 in the final.") == []
    assert support_problems(claim, "Kell beat Dunmore 6-4 in the final.") == [
        "figure '3-6' is not in the cited sentence"]


@pytest.mark.parametrize(
    "x, y, compatible",
    [
        ("3 p.m.", "3:10 p.m.", True),  # a time on the hour is a rounding
        ("7 p.m.", "6:50 p.m.", True),
        ("midnight", "11:55 p.m.", True),
        ("7 p.m.", "7:40 p.m.", False),
        ("6:40 a.m.", "7:40 a.m.", False),
        ("3:30 a.m.", "3:33 a.m.", False),  # times given to the minute are exact
    ],
)
def test_a_time_on_the_hour_is_a_rounding(x, y, compatible):
    assert whens_compatible(parse_when(x), parse_when(y)) is compatible


@pytest.mark.parametrize(
    "x, y, compatible",
    [
        ("the fire was out by 6:40 a.m.", "the fire was out by 7 a.m.", True),  # two limits both hold
        ("the fire was out by 9 a.m.", "the fire was put out at 8:15 a.m.", True),
        ("the road was clear by 6 a.m.", "the road was cleared at 7:10 a.m.", False),
        ("a call came shortly after 3:30 a.m.", "a call came at 3:33 a.m.", True),
        ("the raid began shortly after 2 a.m.", "the raid began at about 3:15 a.m.", False),  # 'after' is near it
        ("landfall came shortly before 6:30 a.m.", "landfall came at about 4:30 a.m.", False),
        ("the polls closed by 8 p.m.", "the polls closed after 9 p.m.", False),
    ],
)
def test_a_time_after_by_before_or_after_is_a_bound(x, y, compatible):
    [a], [b] = ([w for w in find_whens(t) if w.time] for t in (x, y))
    assert whens_compatible(a, b) is compatible


@pytest.mark.parametrize(
    "x, y, compatible",
    [
        ("in April 2007", "on April 3, 2007", True),  # a month holds its days
        ("in April 2007", "on March 20, 2007", False),
        ("in 2009", "in 2010", False),
        ("in 2009", "in June 2009", True),
        ("in 2009", "on Tuesday", None),  # a weekday says nothing of the year
    ],
)
def test_a_month_or_a_year_holds_its_days(x, y, compatible):
    assert whens_compatible(parse_when(x), parse_when(y)) is compatible


@pytest.mark.parametrize(
    "x, y, compatible",
    [
        ("kickoff is at 4:30 p.m. ET", "kickoff is at 1:30 p.m. PST", True),  # one moment in two zones
        ("kickoff is at 4:30 p.m. ET", "kickoff is at 4:30 p.m. PT", False),
        ("kickoff is at 4:30 p.m. ET", "kickoff is at 3:30 p.m. ET", False),  # one zone is read in one season
        ("the vote is at 10:00 GMT", "the vote is at 11:00 BST", True),
        ("the vote is at 10:00 GMT", "the vote is at 6 a.m. EDT", True),
        ("the vote is at 10:00 GMT", "the vote is at 9 a.m. EDT", False),
        ("the vote is at 16:00 (GMT)", "the vote is at 4 p.m.", True),  # one without a zone: read as written
        ("kickoff is at 4:30 p.m. ET", "kickoff is at 3:30 p.m.", None),  # whole hours apart: whose zone?
        ("kickoff is at 4:30 p.m. ET", "kickoff is at 4:45 p.m.", False),
        ("the vote is at 10:00 GMT", "the vote is at 10 p.m.", False),  # a zone makes 10:00 the 24-hour clock
    ],
)
def test_a_time_with_its_zone_is_read_in_one_zone(x, y, compatible):
    [a], [b] = ([w for w in find_whens(t) if w.time] for t in (x, y))
    assert whens_compatible(a, b) is compatible
    assert a.text.endswith(("ET", "GMT", "GMT)"))  # the zone is part of the value a reader sees


def test_a_hyphen_hanging_on_the_next_unit_gives_the_number_that_unit():
    # 'the 11- and 13-inch models' are two sizes, not a count of 11; 'two- or three-year terms' two spans
    laptops = find_figures("Storage is 128 GB in the entry-level 11-and 13-inch models.")
    terms = find_figures("Judges serve two- or three-year terms.")
    assert [(f.text, f.normalized()) for f in laptops][-2:] == [("11", "=11 inch"), ("13-inch", "=13 inch")]
    assert [f.normalized() for f in terms] == ["=2 year", "=3 year"]
    assert find_figures("He won 11 - and lost 13-inch")[0].normalized() == "=11"  # no hanging hyphen


@pytest.mark.parametrize("text, unit, value", [
    ("The quake struck twenty-six mils north of Santa Rosa.", "mile", 26),  # 'miles' with a letter dropped
    ("The route is a 5 kilometrs walk from the station.", "kilometre", 5),
    ("Crews arrived five hors later.", "hour", 5),
])
def test_a_unit_with_a_dropped_letter_is_read_as_that_unit(text, unit, value):
    [figure] = find_figures(text)
    assert (figure.unit, figure.amount) == (unit, value)
    assert text[figure.start : figure.end].split()[-1] == figure.text.split()[-1]  # the word as written


@pytest.mark.parametrize("text", ["Ten ponds were drained.", "Three tones of grey.", "He has 3 sons."])
def test_a_word_that_is_a_word_is_not_a_misspelt_unit(text):
    assert [f.dimension for f in find_figures(text)] == [None]
