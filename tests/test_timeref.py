from datetime import date

import pytest

from factcheck.timeref import clash, find_times, parse_anchor


def test_weekday_resolved_against_article_date():
    [t] = find_times("the meeting Tuesday in Cairo", anchor=date(2024, 2, 14))  # a Wednesday
    assert (t.weekday, t.iso, t.statement) == ("tuesday", "2024-02-13", False)


def test_explicit_date_gets_its_weekday_and_statement_dates_are_marked():
    refs = find_times("Officials said Tuesday the talks continued on Feb. 14, 2024.")
    assert [(r.text, r.statement) for r in refs] == [("Tuesday", True), ("Feb. 14, 2024", False)]
    assert refs[1].weekday == "wednesday"


def test_year_inferred_looking_back():
    [t] = find_times("since Oct. 7", anchor=date(2024, 2, 13))
    assert t.iso == "2023-10-07"


@pytest.mark.parametrize("a, b, clashes", [("on Tuesday", "on Feb. 14, 2024", True), ("on Tuesday", "on Feb. 13, 2024", False),
                                           ("on Monday", "on Monday", False)])
def test_clash(a, b, clashes):
    assert clash(find_times(a)[0], find_times(b)[0]) is clashes


@pytest.mark.parametrize("text, iso", [("First Published: June 13, 2013 4:59 PM EDT", "2013-06-13"), ("2024-02-14", "2024-02-14"),
                                       ("no date here", None),
                                       # figures: read only where one reading is a date (month first, or day first)
                                       ("First Posted: 10 / 25 / 11 06:44 PM ET", "2011-10-25"),
                                       ("Posted 25/10/2011 at 09:12", "2011-10-25"),
                                       ("Updated 4 / 11 / 2007 1:26 PM", None), ("Score 13/14/15", None)])
def test_parse_anchor(text, iso):
    anchor = parse_anchor(text)
    assert (anchor.isoformat() if anchor else None) == iso


@pytest.mark.parametrize(
    "text, statement",
    [
        ("Unions behind the march said on Sunday they would call a general strike.", True),
        ("The club announced early on Monday that the coach had left.", True),
        ("The airline said late Friday that all flights would resume.", True),
        ("Two of the men were released on Monday without charge.", False),
        ("Police said the march on Saturday was peaceful.", False),
    ],
)
def test_a_day_after_a_speech_verb_dates_the_statement(text, statement):
    [ref] = find_times(text)
    assert ref.statement is statement


@pytest.mark.parametrize(
    "text, found",
    [
        ("Voters in 2009 approved a $3 million bond.", [("2009", "2009")]),
        ("In April 2007 the suspect was found guilty.", [("April 2007", "2007-04")]),
        ("The line is due to reopen in early 2027.", [("2027", "2027")]),
        ("Last year, voters approved a bond measure.", [("Last year", "2025")]),
        ("The jury convicted him last month.", [("last month", "2026-02")]),
        ("The hall reopened in April.", [("April", "2025-04")]),  # the latest April not after the article's date
        ("The hall will reopen in April.", [("April", "2026-04")]),  # still to come: the next one
        ("Sales grew to 2010 units, up 12%.", []),  # a number, not a year
        ("Shares fell in 2010 per cent.", []),
        ("Voters may approve it in may.", []),  # the modal, and a lower-case word, are not months
        ("The bridge was closed on April 3, 2007.", [("April 3, 2007", None)]),  # a day, read once
    ],
)
def test_months_and_years_without_a_day_are_periods(text, found):
    refs = find_times(text, anchor=date(2026, 3, 3))
    assert [(r.text, r.period) for r in refs] == found


def test_a_month_or_year_without_the_articles_date_is_read_only_when_written_in_full():
    refs = find_times("In 2009 and again last year, in April, voters said no.")
    assert [(r.text, r.period) for r in refs] == [("2009", "2009")]


@pytest.mark.parametrize("a, b, clashes", [("in April 2007", "on April 3, 2007", False), ("in 2009", "in 2010", True),
                                           ("in 2009", "on Tuesday", False)])
def test_a_period_clashes_only_with_a_day_or_period_outside_it(a, b, clashes):
    assert clash(find_times(a)[0], find_times(b)[0]) is clashes


@pytest.mark.parametrize("text, found", [
    ("He was killed in June, 2005, outside his home.", [("June, 2005", "2005-06")]),
    ("The plant closed in Sept. 2012 after a fire.", [("Sept. 2012", "2012-09")]),
    ("The law took effect in March of 2019.", [("March of 2019", "2019-03")]),
])
def test_a_month_written_with_its_year_is_read_whole_not_as_a_month_of_the_articles_year(text, found):
    refs = find_times(text, anchor=date(2026, 3, 3))
    assert [(r.text, r.period) for r in refs] == found
