"""What each dispute is said to be about: the topic a reader sees in the report and in the summary's 'Reports
differ on ...' line is a question in the words of the outlets' own clause, on text written for it (general
English, no eval case)."""

import pytest

from factcheck.pipeline import analyze
from factcheck.types import ArticleIn


def run(*texts, settings):
    articles = [ArticleIn(id=f"a{i}", source=f"Outlet {i}", text=t) for i, t in enumerate(texts)]
    return analyze(articles, engine="local", settings=settings)


def topics(*texts, settings) -> list[str]:
    return [c.topic for c in run(*texts, settings=settings).contradictions]


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # a count that is the subject of its verb: 'how many' the noun, the verb as written and its complement
        ("At least 12 people were injured in the storm that hit Dunmore on Sunday, police said.",
         "Police said nine people were injured in the storm that hit Dunmore on Sunday.",
         "how many people were injured in the storm"),
        ("Some 40 passengers were taken to hospital after the Kelso express derailed on Friday.",
         "The Kelso express derailed on Friday and 25 passengers were taken to hospital, the operator said.",
         "how many passengers were taken to hospital"),
        # a count that is the object: the subject, as written, says who did it
        ("On Tuesday customs officers seized 14 rifles from the trawler at Port Enna.",
         "On Tuesday customs officers seized six rifles from the trawler at Port Enna.",
         "how many rifles customs officers seized"),
        # a measure without a noun: the question its unit asks
        ("A 41-year-old climber fell 300 metres on Mount Arden on Saturday, rescuers said.",
         "Rescuers said the 41-year-old climber fell 500 metres on Mount Arden on Saturday.",
         "how far a 41-year-old climber fell"),
        # a sum with its noun
        ("Orvane Foods reported a net profit of €50 million for the year on Thursday.",
         "On Thursday Orvane Foods reported a net profit of €65 million for the year.",
         "the net profit Orvane Foods reported"),
        ("The city council approved a budget of $12 million for the bridge on Monday.",
         "On Monday the city council approved a budget of $21 million for the bridge.",
         "the budget the city council approved"),
    ],
)
def test_a_figure_dispute_is_asked_in_its_own_words(first, second, expected, settings):
    assert topics(first, second, settings=settings) == [expected]


def test_a_figure_clause_that_says_nothing_plainly_keeps_its_nouns(settings):
    # the count hangs from a preposition ('a mother of 13' counts her children, not mothers): no question is
    # made up, the nouns and the verb are shown as before
    found = topics("Kara Holt, a mother of four, was hit by a stray bullet in Fenwick on Monday.",
                   "Kara Holt, a mother of five, was hit by a stray bullet in Fenwick on Monday.", settings=settings)
    assert all(not t.startswith("how many") for t in found)


@pytest.mark.parametrize(
    "first, second, expected",
    [
        ("The plant in Harlow will stay open, company spokeswoman Katarina Wessel said on Monday.",
         "The plant in Harlow will stay open, company spokeswoman Katharina Wessel said on Monday.",
         "the spelling of the spokeswoman's name"),
        ("The Rovers will appeal the ban, head coach Tomas Ferrer said on Monday.",
         "The Rovers will appeal the ban, head coach Tomas Ferer said on Monday.",
         "the spelling of the coach's name"),
    ],
)
def test_a_name_written_two_ways_is_a_spelling_dispute(first, second, expected, settings):
    assert topics(first, second, settings=settings) == [expected]


def test_the_summary_states_a_dispute_by_its_question(settings):
    report = run("At least 12 people were injured in the storm that hit Dunmore on Sunday, police said.",
                 "Police said nine people were injured in the storm that hit Dunmore on Sunday.", settings=settings)
    lines = [s.text for s in report.summary if s.kind == "dispute"]
    assert lines and lines[0].startswith("Reports differ on how many people were injured in the storm: ")


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # one title, one surname, two first names: which person holds the post is in dispute
        ("The bridge will reopen in May, Transport Commissioner Siobhan Rourke said on Monday.",
         "Transport Commissioner Shona Rourke said on Monday that the bridge would reopen in May.",
         "who the Transport Commissioner is"),
        ("The strike will end on Friday, union leader Marek Novak told reporters in Dunmore.",
         "Union leader Tomasz Novak told reporters in Dunmore the strike would end on Friday.",
         "who the union leader is"),
        # one person's home, two places
        ("The victim, Raj K. Chohan, 57, of College Point, died at the scene on Tuesday.",
         "Chohan, who lived in South Ozone Park, died at the scene on Tuesday, police said.",
         "where Raj Chohan lived"),
    ],
)
def test_a_name_dispute_asks_who_or_where(first, second, expected, settings):
    assert topics(first, second, settings=settings) == [expected]


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # the date is the day of a thing the verb does not tell ('to lift the trophy in Saturday's final')
        ("Ilona Varga edged Chiara Benedetti 7-6 in a deciding-set tiebreak to lift the trophy in Saturday's final "
         "in Port Alvar.",
         "Ilona Varga beat Chiara Benedetti in a deciding-set tiebreak to lift the trophy in Sunday's final in "
         "Port Alvar.",
         "the day of the final"),
        ("Union members voted to end the strike at Friday's meeting in Dunmore.",
         "Union members voted to end the strike at Thursday's meeting in Dunmore.",
         "the day of the meeting"),
    ],
)
def test_a_date_dispute_without_a_plain_clause_names_the_dated_thing(first, second, expected, settings):
    assert topics(first, second, settings=settings) == [expected]


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # the words one outlet puts on what completes the verb ('violent', 'unlawful') are not the topic's: the
        # topic keeps the noun alone when the sides word it differently
        ("At least 12 people were injured in the violent clashes in Dunmore on Sunday, police said.",
         "Police said nine people were injured in the clashes in Dunmore on Sunday.",
         "how many people were injured in the clashes"),
        ("Some 30 people were arrested at the unlawful protest in Harlow on Saturday, police said.",
         "Police said 25 people were arrested at the peaceful protest in Harlow on Saturday.",
         "how many people were arrested at the protest"),
    ],
)
def test_a_topic_takes_no_outlets_qualifying_words(first, second, expected, settings):
    assert topics(first, second, settings=settings) == [expected]
