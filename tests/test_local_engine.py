"""The local engine on text written for these tests (general behaviour, not the seeds)."""

import pytest

from factcheck.pipeline import analyze
from factcheck.types import ArticleIn
from tests.conftest import ecbplus_topic


def run(*texts, settings, published=None):
    articles = [ArticleIn(id=f"a{i}", source=f"Outlet {i}", text=t, published=published) for i, t in enumerate(texts)]
    return analyze(articles, engine="local", settings=settings)


def test_disputed_toll_found_and_attributed(settings):
    r = run("A tornado struck the town of Ridgeville on Sunday, killing at least 12 people, officials said. "
            "Rescue teams searched the rubble through the night.",
            "At least 19 people were killed when a tornado tore through Ridgeville on Sunday, the mayor said. "
            "Hundreds of homes were damaged.", settings=settings)
    [c] = r.contradictions
    assert c.kind == "number" and {s.normalized for s in c.sides} == {">=12", ">=19"}
    # Tallies that differ disagree; neither need be wrong ("at least 12" may well also be "at least 19").
    assert "disagree" in c.explanation and "cannot both" not in c.explanation
    for side in c.sides:
        assert r.article(side.article_id).text[side.citation.start : side.citation.end] == side.citation.quote
    dispute = [s for s in r.summary if "12" in s.text]
    assert dispute and "19" in dispute[0].text and "Outlet 0" in dispute[0].text and "Outlet 1" in dispute[0].text


@pytest.mark.parametrize(
    "first, second",
    [
        ("The quake killed 1,204 people in the province, officials said.", "More than 1,200 people were killed in the quake in the province, officials said."),
        ("Roughly 300 people were evacuated from the valley after the flood.", "More than 300 people were evacuated from the valley after the flood."),
        ("A fire at the plant killed four workers on Monday.", "Four workers were killed in a fire at the plant on Monday."),
    ],
)
def test_compatible_statements_are_not_contradictions(first, second, settings):
    assert run(first, second, settings=settings).contradictions == []


def test_status_conflict(settings):
    r = run("The army threatened to launch an offensive into the city of Marlow, where thousands are sheltering.",
            "Despite the army's escalated offensive in the city of Marlow, talks continued.", settings=settings)
    [c] = r.contradictions
    assert c.kind == "status" and {s.normalized for s in c.sides} == {"planned", "done"}


@pytest.mark.parametrize("first, second, values", [
    ("Singer Mara Olsen checked into the Linwood clinic on Thursday, her agent said.",
     "Mara Olsen never checked into the Linwood clinic, a friend told reporters on Friday.",
     {"checked", "never checked"}),
    ("The Dunmore ferry resumed sailings to the island on Tuesday.",
     "Sailings to the island have not resumed, the Dunmore ferry operator said on Tuesday.",
     {"resumed", "have not resumed"}),
    ("The Harlow city council approved the new stadium plan on Monday evening.",
     "Members said Harlow's council would approve plans for the stadium at its next meeting.",
     {"approved", "would approve"}),
    ("Castor Mining will shut its Brenna smelter next year, the company said.",
     "Castor Mining is weighing whether to shut the Brenna smelter, a spokeswoman said.",
     {"will shut", "whether to shut"}),
])
def test_each_side_of_a_status_dispute_reads_as_what_it_says(first, second, values, settings):
    """Both sides of a status dispute often use one verb: each side's value carries the words that give its
    state ('never', 'have not', 'would', 'whether to'), so a reader is not shown 'checked' against 'checked'."""
    r = run(first, second, settings=settings)
    [c] = r.contradictions
    assert c.kind == "status" and {s.value for s in c.sides} == values
    for side in c.sides:
        assert r.article(side.article_id).text[side.value_start : side.value_end] == side.value


def test_date_conflict_with_weekday(settings):
    r = run("Ministers met in Geneva on Tuesday to discuss the accord.",
            "The ministers met in Geneva on March 6, 2025, to discuss the accord.", settings=settings)
    [c] = r.contradictions  # March 6, 2025 was a Thursday
    assert c.kind == "date"


@pytest.mark.parametrize(
    "text",
    ["Another four people died in hospital from their injuries after the earthquake.",
     "Police said two women and one man died in the fire at the bank.",
     "There might have been two people killed in the earthquake, he said.",
     "In 2004 a tsunami killed 170,000 people in the province."],
)
def test_parts_guesses_and_background_are_not_totals(text, settings):
    r = run("Five people died in the earthquake in the province, officials said.", text, settings=settings)
    assert r.contradictions == []


def test_loaded_terms_outside_quotes_only(settings):
    r = run("A bold raid liberated two captives, officials said. The mayor called it “a brutal attack”.",
            "Two captives were freed in a raid, officials said.", settings=settings)
    assert sorted(t.term for t in r.loaded_language) == ["bold", "liberated"]
    assert all("bold" not in s.text for s in r.summary)


def test_summary_sentences_are_cited_and_numbers_supported(settings, seed_articles):
    r = analyze(seed_articles, engine="local", settings=settings)
    assert 120 <= sum(len(s.text.split()) for s in r.summary) <= 250
    assert all(s.citations and s.verified for s in r.summary)


def test_ecbplus_topics_run_with_exact_citations(settings):
    from factcheck.ingest import load_paths

    for topic in ("1", "8", "38"):  # 20, 37 and 41 are kept for an independent check
        r = analyze(load_paths(ecbplus_topic(topic)), engine="local", settings=settings)
        for c in r.contradictions:
            for side in c.sides:
                assert r.article(side.article_id).text[side.citation.start : side.citation.end] == side.citation.quote
        assert all(s.verified for s in r.summary)


def test_report_is_the_same_in_every_process():
    """Set iteration order changes with Python's hash seed; the report must not."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    script = ("import yaml; from pathlib import Path; from factcheck.config import Settings; "
              "from factcheck.ingest import apply_metadata, load_paths; from factcheck.pipeline import analyze; "
              "meta = yaml.safe_load(open('evals/cases/seeds.yaml'))['articles']; "
              "r = analyze(apply_metadata(load_paths([Path('seeds')]), meta), engine='local', settings=Settings(_env_file=None)); "
              "print(r.model_dump_json(exclude={'usage'}))")
    outputs = {subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(outputs) == 1


def test_a_related_sentence_that_says_something_else_does_not_corroborate(settings):
    obstacle = ("A primary obstacle, according to a mediator, is a disagreement on how many prisoners the government "
                "would release in exchange for the captives held by the rebels.")
    r = run("Negotiators from four countries met in Valmora on Tuesday to discuss a truce in the northern province. "
            + obstacle + " The talks are expected to last three days.",
            "Negotiators met in Valmora on Tuesday to discuss a truce in the northern province, officials said. "
            "The government has proposed a two-month truce in which captives would be freed in exchange for the "
            "release of prisoners held by the government. Rebel leaders have not responded to the offer.",
            settings=settings)
    [sentence] = [s for s in r.summary if s.text == obstacle]
    assert [c.article_id for c in sentence.citations] == ["a0"]


@pytest.mark.parametrize(
    "first, second, figures",
    [
        ("A tornado struck the town of Ridgeville on Sunday, killing at least 12 people, officials said. Eight of "
         "the 12 people killed in Ridgeville were in one trailer park, the county coroner said.",
         "At least 19 people were killed when a tornado tore through Ridgeville on Sunday, the mayor said. "
         "Hundreds of homes in Ridgeville were damaged by the tornado.", ("12", "19")),
        ("Harwell Foods said its annual revenue rose to €410 million, helped by strong sales of frozen meals. The "
         "€410 million in revenue beat the forecasts of most analysts, Harwell Foods said.",
         "Harwell Foods said on Tuesday that its annual revenue rose to €440 million, on strong frozen meal sales. The "
         "company will pay a dividend of 30 cents a share in May.", ("410", "440")),
    ],
)
def test_the_summary_states_a_disputed_figure_only_with_every_side(first, second, figures, settings):
    r = run(first, second, settings=settings)
    assert any(c.kind == "number" for c in r.contradictions)
    for sentence in r.summary:
        stated = [f for f in figures if f in sentence.text]
        assert not stated or len(stated) == len(figures), sentence.text


@pytest.mark.parametrize("leaning", [
    "As a result, the shaking was felt across the whole valley.",
    "Later in the round, Osei landed a left hook that sent his opponent to the canvas.",
])
def test_a_sentence_opening_on_a_connective_is_not_a_summary_sentence(leaning, settings):
    r = run("A magnitude 4.1 earthquake struck near Calder early on Thursday, the geological survey said. "
            "Osei beat Lind on points in Dunmore on Saturday night. " + leaning,
            "Crews checked bridges near Calder on Thursday after the earthquake. "
            "Lateral cracks were found in two older buildings near Calder on Thursday.", settings=settings)
    texts = [s.text for s in r.summary]
    assert leaning not in texts
    assert any(t.startswith("Lateral cracks") for t in texts)  # a word that only begins like one still opens


@pytest.mark.parametrize("leaning", [
    "A settlement, on the other hand, would let the Dunmore plant reopen within a month.",
    "The strike, however, has already cost the Dunmore plant two weeks of output.",
])
def test_a_connective_inside_a_sentence_leans_on_context_too(leaning, settings):
    r = run("Workers at the Harlow Foods plant in Dunmore went on strike on Monday over pay, the union said. " + leaning,
            "Staff at the Harlow Foods plant in Dunmore walked out on Monday in a dispute over pay.", settings=settings)
    assert r.summary and leaning not in [s.text for s in r.summary]


@pytest.mark.parametrize("text, bare", [
    ("The operation offered a glimpse of what a wider offensive might look like.", True),
    ("The official said the talks would resume on Friday.", True),
    ("The Red Cross said the talks would resume on Friday.", False),
    ("The two trains collided near Lund on Friday morning.", False),
    ("The fire brigade said the blaze was out by noon.", False),
])
def test_a_sentence_opening_on_a_bare_definite_noun_leans_on_an_earlier_one(text, bare):
    from factcheck.graph.parse import ParsedSentence
    from factcheck.graph.summary import _bare_definite_subject
    from factcheck.nlp import parse
    ps = ParsedSentence(id="a:s1", article_id="a", root_id="a", index=0, count=1, start=0, text=text,
                        doc=parse([text])[0], anchor=None, vector=None)
    assert _bare_definite_subject(ps) is bare



def test_where_only_a_copy_departs_the_summary_still_states_what_the_outlets_say(settings):
    body = ("Harlow Foods will close its Dunmore plant next year, the company said on Monday. The plant makes "
            "frozen meals for supermarkets across the region. Union leaders called the decision a betrayal of "
            "loyal staff and said they would ballot members on strike action next week. Harlow Foods said demand "
            "for frozen meals had fallen for three years in a row.")
    copy = body.replace("will close its Dunmore plant next year", "has closed its Dunmore plant")
    other = ("Harlow Foods plans to close the Dunmore plant next year, the firm announced on Monday. "
             "Union officials said they would ask members whether to strike.")
    r = run(body, copy, other, settings=settings)
    [dispute] = [c for c in r.contradictions if c.kind == "status"]
    assert {s.article_id for s in dispute.sides} == {"a0", "a1", "a2"}
    statements = [s for s in r.summary if s.kind == "statement" and "close" in s.text]
    assert statements and all(c.article_id != "a1" for s in statements for c in s.citations)
    assert any(s.kind == "dispute" for s in r.summary)


def _parsed(text):
    from factcheck.graph.parse import ParsedSentence
    from factcheck.nlp import parse
    return ParsedSentence(id="a:s1", article_id="a", root_id="a", index=0, count=1, start=0, text=text,
                          doc=parse([text])[0], anchor=None, vector=None)


@pytest.mark.parametrize("text, disputed, kept", [
    ("Marin won the Valdemor mayoral runoff on Sunday with 51.8% of the vote.", ["51.8%"],
     "Marin won the Valdemor mayoral runoff on Sunday."),
    ("Thieves raided a jewellery shop in Fairhaven early on Tuesday and escaped with watches worth £1.8m, police "
     "said.", ["£1.8m"], "Thieves raided a jewellery shop in Fairhaven early on Tuesday and escaped, police said."),
    ("Harlow Foods will cut 300 jobs at its Dunmore plant, starting on Monday.", ["Monday"],
     "Harlow Foods will cut 300 jobs at its Dunmore plant."),
    # the disputed value is what the clause says, or what its verb needs: nothing is left to say
    ("The Calder bridge reopened to traffic on Friday.", ["reopened"], None),
    ("Police put the crowd at roughly 30,000 people.", ["30,000"], None),
    ("Marin beat Kovač in the runoff on Sunday.", ["Marin"], None),
    # nor where the main clause would be left with its verb alone
    ("Benedetti's unbeaten week ended in Sunday's final in Port Alvar.", ["Sunday"], None),
    ("Walking every day was linked to a 28 percent fall in dementia risk.", ["28 percent"], None),
])
def test_a_sentence_taking_a_side_is_kept_without_the_phrase_that_does(text, disputed, kept):
    from factcheck.graph.summary import undisputed
    spans = [(text.index(v), text.index(v) + len(v)) for v in disputed]
    assert undisputed(_parsed(text), spans) == kept


@pytest.mark.parametrize("text, disputed, kept", [
    # the measure a figure is part of goes with it, and 'a' / 'an' follows the word now after it
    ("A 6.1-magnitude quake struck off Kell Island on Monday.", ["6.1"], "A quake struck off Kell Island on Monday."),
    ("A 4.8-magnitude earthquake shook Dorran overnight.", ["4.8"], "An earthquake shook Dorran overnight."),
    ("Dorran was shaken awake by a magnitude 4.8 earthquake on Friday.", ["4.8"],
     "Dorran was shaken awake by an earthquake on Friday."),
    ("A category 4 hurricane hit the Vessa coast on Sunday.", ["4"], "A hurricane hit the Vessa coast on Sunday."),
    ("An earthquake with a preliminary magnitude of 4.8 was recorded near Dorran this morning.", ["4.8"],
     "An earthquake was recorded near Dorran this morning."),
    ("The Kell council approved a budget with a total of $14 million on Tuesday.", ["$14 million"],
     "The Kell council approved a budget on Tuesday."),
    # a figure between a verb and a word that is not its noun: what the verb measures
    ("An earthquake measuring 4.8 rattled Dorran and Kell counties early Thursday.", ["4.8"], None),
    # what a measuring verb counts needs its figure
    ("The Kell rally drew about 5,000 people on Saturday.", ["about 5,000"], None),
])
def test_a_figure_is_dropped_with_the_measure_it_is_part_of(text, disputed, kept):
    from factcheck.graph.summary import undisputed
    spans = [(text.index(v), text.index(v) + len(v)) for v in disputed]
    assert undisputed(_parsed(text), spans) == kept


@pytest.mark.parametrize("text, name, shared, kept", [
    ("Teodor Marin won the Valdemor mayoral runoff on Sunday.", "Teodor Marin", {"marin"},
     "Marin won the Valdemor mayoral runoff on Sunday."),
    ("Top seed Ilona Varga won the Port Alvar Open on Sunday.", "Ilona Varga", {"varga"},
     "Top seed Varga won the Port Alvar Open on Sunday."),
])
def test_a_name_spelt_two_ways_keeps_what_every_spelling_shares(text, name, shared, kept):
    from factcheck.graph.summary import undisputed
    start = text.index(name)
    assert undisputed(_parsed(text), [(start, start + len(name), frozenset(shared))]) == kept


@pytest.mark.parametrize("text, kept", [
    # a loaded adjective or adverb goes, and 'a' / 'an' follows the word now after it
    ("Thieves carried out a brazen raid on a Fairhaven jewellery shop early on Tuesday.",
     "Thieves carried out a raid on a Fairhaven jewellery shop early on Tuesday."),
    ("The storm caused unprecedented flooding across the Vessa valley, officials said.",
     "The storm caused flooding across the Vessa valley, officials said."),
    ("Rescuers pulled off a daring evacuation of the Kell ferry on Sunday.",
     "Rescuers pulled off an evacuation of the Kell ferry on Sunday."),
    # more than a modifier, or one of a list: it cannot go cleanly
    ("The regime said the Dorran border would stay closed.", None),
    ("Police called it a brutal and senseless attack on a Kell shopkeeper.", None),
])
def test_the_summary_says_what_a_sentence_says_without_its_loaded_words(text, kept):
    from factcheck.graph.summary import undisputed, unloaded
    drop = unloaded(_parsed(text))
    assert (None if drop is None else undisputed(_parsed(text), [], drop)) == kept


@pytest.mark.parametrize("text, disputed, kept", [
    # the sentence's opening went: what is left starts a sentence
    ("Early Friday, around 1:30 a.m., the singer checked into a clinic in Dorran.", ["Friday"],
     "Around 1:30 a.m., the singer checked into a clinic in Dorran."),
    ("About 40 trains were cancelled during the morning rush, the operator Southline said.", ["About 40"],
     "Trains were cancelled during the morning rush, the operator Southline said."),
    # a singular noun left without its number has nothing before it: the sentence cannot go cleanly
    ("One person has been arrested, though no injuries have been reported.", ["One"], None),
    ("Police said one man was detained near the Kell ferry terminal.", ["one"], None),
])
def test_a_sentence_whose_opening_goes_still_reads_as_a_sentence(text, disputed, kept):
    from factcheck.graph.summary import undisputed
    spans = [(text.index(v), text.index(v) + len(v)) for v in disputed]
    assert undisputed(_parsed(text), spans) == kept


@pytest.mark.parametrize("text, advice", [
    ("The judge should know never to trust a witness with a grudge.", True),
    ("Voters ought to ask why the Kell bridge is still closed.", True),
    ("Residents should boil their water until Friday, the Dunmore council said.", False),
    ("The council said residents should boil their water until Friday.", False),
    ("Residents should boil their water until Friday, according to the Dunmore council.", False),
    ("Residents boiled their water until Friday.", False),
])
def test_advice_in_the_writers_own_voice_is_not_summary_material(text, advice):
    from factcheck.graph.summary import self_contained
    assert self_contained(_parsed(text)) is not advice


@pytest.mark.parametrize("text, kept", [
    ("A senior Dunmore council official, who asked to remain anonymous, said the budget vote would be delayed.",
     "A senior Dunmore council official said the budget vote would be delayed."),
    ("Talks on the Kell ferry strike will resume on Monday, according to two union officials, who spoke on "
     "condition of anonymity because the talks are private.",
     "Talks on the Kell ferry strike will resume on Monday, according to two union officials."),
    # a relative clause elsewhere is part of what is said
    ("The driver, who had been drinking, was charged on Friday, police said.",
     "The driver, who had been drinking, was charged on Friday, police said."),
])
def test_the_summary_leaves_out_asides_about_who_is_speaking(text, kept):
    from factcheck.graph.summary import source_asides, undisputed
    ps = _parsed(text)
    assert (undisputed(ps, [], source_asides(ps)) or text) == kept


def test_a_loaded_lead_enters_the_summary_without_its_loaded_word(settings):
    r = run("Thieves carried out a brazen raid on the Lusk jewellery store in Fairhaven on Tuesday, police said. "
            "The store was closed at the time.",
            "A senior officer, who asked not to be named, said the Kell ferry would resume sailing on Friday. "
            "No one was hurt.", settings=settings)
    statements = [s.text for s in r.summary if s.kind == "statement"]
    assert "Thieves carried out a raid on the Lusk jewellery store in Fairhaven on Tuesday, police said." in statements
    assert "A senior officer said the Kell ferry would resume sailing on Friday." in statements
    assert not any("brazen" in t or "named" in t for t in statements)


@pytest.mark.parametrize("first, second, place", [
    ("Emergency responders took the cyclist to Dorran General Hospital, where she was later pronounced dead, police "
     "said. The road was closed for six hours.",
     "Paramedics rushed the cyclist to Dorran General Hospital for treatment, where she was later pronounced dead. "
     "Friends left flowers at the junction on Sunday.", "Dorran General Hospital"),
    ("Firefighters took the driver to Harlan Royal Hospital, where he was later pronounced dead, the fire service "
     "said. The motorway was shut for five hours.",
     "Ambulance crews rushed the driver to Harlan Royal Hospital for treatment, where he was later pronounced dead. "
     "Tributes were paid by his employer.", "Harlan Royal Hospital"),
])
def test_the_summary_does_not_tell_one_thing_twice(first, second, place, settings):
    r = run(first, second, settings=settings)
    statements = [s.text for s in r.summary if s.kind == "statement"]
    assert len([t for t in statements if place in t]) == 1
    assert len(statements) >= 3  # what only one outlet tells is still there


def test_the_summary_keeps_a_disputed_lead_without_its_disputed_figure(settings):
    r = run("Marin won the Valdemor mayoral runoff on Sunday with 51.8% of the vote, the electoral office said. "
            "Turnout was low in the northern districts.",
            "Marin won the Valdemor mayoral runoff on Sunday with 53.1 percent of the vote, officials said. "
            "Kovač conceded late on Sunday night.", settings=settings)
    assert [{s.value for s in c.sides} for c in r.contradictions] == [{"51.8%", "53.1 percent"}]
    statements = [s.text for s in r.summary if s.kind == "statement"]
    assert any(t.startswith("Marin won the Valdemor mayoral runoff on Sunday") for t in statements)
    assert not any("51.8" in t or "53.1" in t for t in statements)


@pytest.mark.parametrize("first, second, disputed", [
    ("The Dunmore city council approved the new budget unanimously on Monday, the mayor said.",
     "The Dunmore city council passed the new budget by a 9-2 vote on Monday night.", {"unanimously", "9-2"}),
    ("The three-judge panel ruled unanimously for the tenants of the Marlow estate on Tuesday.",
     "The appeals panel ruled 2-1 for the Marlow estate tenants on Tuesday, with one judge dissenting.",
     {"unanimously", "2-1"}),
    # none against: the same vote
    ("The Dunmore city council approved the new budget unanimously on Monday, the mayor said.",
     "The Dunmore city council passed the new budget by a 9-0 vote on Monday night.", None),
    # unanimous praise is no vote
    ("Critics were unanimous in their praise of the Dunmore budget, the mayor said.",
     "The Dunmore city council passed the new budget by a 9-2 vote on Monday night.", None),
])
def test_a_unanimous_vote_and_a_split_one_disagree(first, second, disputed, settings):
    r = run(first, second, settings=settings)
    if disputed is None:
        assert r.contradictions == []
    else:
        [c] = r.contradictions
        assert c.kind == "number" and c.verified and {s.value for s in c.sides} == disputed


@pytest.mark.parametrize("first, second, disputed", [
    # 'take effect' is an outcome's going ahead, as 'go ahead' and 'proceed' are
    ("The Harlow smoking ban took effect in bars and restaurants on Monday, the council said.",
     "The council postponed the Harlow smoking ban in bars and restaurants until next year, officials said on Monday.",
     {"took effect", "postponed"}),
    ("The new steel tariffs took effect at midnight on Friday, the trade ministry said.",
     "The trade ministry suspended the new steel tariffs on Friday, hours before midnight.",
     {"took effect", "suspended"}),
    # 'said it would' is 'will', told in the past: two opposite plans announced cannot both be the plan
    ("Late on Tuesday the finance ministry said it would postpone the diesel duty increase by six months.",
     "The ministry said on Tuesday night that the diesel duty increase would take effect as planned on July 1.",
     {"would postpone", "would take effect"}),
    ("The organisers said the Wexley folk festival would go ahead on Saturday despite the storm warning.",
     "The organisers said on Thursday that they would cancel the Wexley folk festival because of the storm warning.",
     {"would go ahead", "would cancel"}),
])
def test_opposite_outcomes_of_one_plan(first, second, disputed, settings):
    r = run(first, second, settings=settings)
    [c] = r.contradictions
    assert c.kind == "status" and c.verified and {s.value for s in c.sides} == disputed


@pytest.mark.parametrize("first, second", [
    ("The board decided on Monday to close the Kell plant, the company said.",
     "The company closed its Kell plant on Monday, the board said."),
    ("The union agreed on Tuesday to end the Kell strike, the company said.",
     "The union ended the Kell strike on Tuesday, the company said."),
    ("The Harlow council voted on Monday to shut the Ashgrove library, officials said.",
     "The Harlow council shut the Ashgrove library on Monday, officials said."),
    ("Club president Ana Ruiz defended the decision to sack coach Tom Berg after the derby.",
     "Harwick United sacked coach Tom Berg after the derby, the club said."),
])
def test_a_decision_taken_agrees_with_the_deed_it_decided(first, second, settings):
    # what was decided may be done already or still to come: either way the two accounts agree
    assert [c for c in run(first, second, settings=settings).contradictions if c.kind == "status"] == []


@pytest.mark.parametrize("first, second", [
    ("The board decided on Monday to close the Kell plant, the company said.",
     "The board is still considering whether to close the Kell plant, the company said on Monday."),
    ("The Harlow council voted on Monday to shut the Ashgrove library, officials said.",
     "The Harlow council will vote next month on whether to shut the Ashgrove library, officials said."),
])
def test_a_decision_taken_conflicts_with_one_still_open(first, second, settings):
    [c] = run(first, second, settings=settings).contradictions
    assert c.kind == "status" and {s.normalized.split(":")[0] for s in c.sides} == {"decided", "considered"}


@pytest.mark.parametrize("first, second", [
    ("Rescuers had pulled 40 survivors from the rubble by Thursday, the fire service said.",
     "The fire service said rescuers pulled 40 survivors from the rubble on Tuesday."),
    ("Police in Fairhaven had arrested 12 people over the riot by Sunday, a spokesman said.",
     "Police in Fairhaven arrested 12 people over the riot on Friday, a spokesman said."),
])
def test_a_day_given_as_a_limit_is_not_the_day_of_the_event(first, second, settings):
    # 'by Saturday' holds for any day up to it, 'until Friday' ends a state: neither is when something happened
    assert [c for c in run(first, second, settings=settings).contradictions if c.kind == "date"] == []


def test_a_day_something_began_since_is_still_compared(settings):
    r = run("The Kell nurses' strike has gone on since Monday, the union said.",
            "The Kell nurses' strike began on Tuesday, the union said.", settings=settings)
    assert [c.kind for c in r.contradictions] == ["date"]


@pytest.mark.parametrize("first, second", [
    ("LaRue was the first to plead guilty in the Harlow bribery case, prosecutors said.",
     "LaRue pleaded guilty in the Harlow bribery case in July, prosecutors said."),
    ("The Dravik union was the first to sign the new pay deal on Monday, the ministry said.",
     "The Dravik union signed the new pay deal on Monday, the ministry said."),
    ("Kessia was the first to ratify the Orvel treaty, the foreign ministry said on Tuesday.",
     "Kessia ratified the Orvel treaty on Tuesday, the foreign ministry said."),
])
def test_the_first_to_do_a_thing_did_it(first, second, settings):
    # 'the first to sign' (the parser makes 'first' the noun) tells that the signing happened
    assert [c for c in run(first, second, settings=settings).contradictions if c.kind == "status"] == []


def test_a_hope_is_not_a_plan(settings):
    # 'would' outside reported speech is a hope or a condition, not an announced plan
    r = run("A ceasefire deal would halt the fighting in Marlow, mediators hope.",
            "Fighting continued in Marlow on Sunday, residents said.", settings=settings)
    assert [c for c in r.contradictions if c.kind == "status"] == []


@pytest.mark.parametrize("text, whole", [
    # a short sentence that says something by itself
    ("No injuries were reported.", True),
    ("There were no casualties.", True),
    ("The match lasted almost three hours.", True),
    # the tail of a quote cut at its reporting clause, an exclamation, an object that needs the sentence before
    ("Sheriff Ana Ruiz said.", False),
    ("to me it was too hard.", False),
    ("What a remarkable night.", False),
    ("Harlow had several.", False),
    ("There, police found a knife.", False),
    # a core argument pointing back with a demonstrative: what 'those terms' are, the sentence before said
    ("The union rejected those terms.", False),
    ("Shareholders approved this plan.", False),
    ("That decision was overturned.", False),
    ("The union rejected the pay offer.", True),
    # the end of a quotation the sentence before opened
    ("There was blood, ' said Maya Orr, who was hurt.", False),
    ("The water came up to the windows, \" Tom Adler told the station by telephone.", False),
    ("The doors of the hall stayed shut all night, ” the caretaker said.", False),
    ("The caretaker said the doors were kept shut all night.", True),
    # the start of a quotation the sentence after closes
    ("The harbour master told reporters on the quay: \"The ferry will not sail again this week.", False),
    ("The coach said the squad had trained hard and that the final was “ the biggest night of our lives.", False),
    ("The coach called the final “the biggest night of our lives” after training on Friday.", True),
    # quotation marks as tokenized corpora write them
    ("According to the trade magazine, `` the studio is talking to two other directors.", False),
    ("`` We were not progressing the way we wanted, '' said the general manager.", False),
    ("The studio called the magazine's report `` premature '' in a statement on Friday.", True),
    ("The mayor called the flood 'a disaster', officials said.", True),
])
def test_a_short_sentence_is_offered_only_when_it_stands_alone(text, whole):
    from factcheck.graph.summary import self_contained
    assert self_contained(_parsed(text)) is whole


@pytest.mark.parametrize("first, second, borne, background", [
    ("Storm Hedda swept across the Carrow coast on Saturday, the weather office said. "
     "Residents in Carrow have long complained about the state of the old sea wall near the harbour. "
     "Across the region the storm brought havoc to farms, roads and rail lines, with at least 12 people killed.",
     "Storm Hedda hit the Carrow coast on Saturday, forecasters said. "
     "Emergency crews said at least 12 people were killed, most of them in cars swept off flooded lanes.",
     "with at least 12 people killed", "sea wall"),
    ("Brennock Foods reported a fall in yearly profit on Thursday, the company said. "
     "The family firm was founded in a small bakery in Ardley more than a century ago. "
     "Profit was hit by restructuring at the plants in Ardley and Kells, where 350 jobs are being cut.",
     "Brennock Foods said on Thursday that its yearly profit had fallen. "
     "Unions said 350 jobs are being cut, mostly on the night shifts.",
     "where 350 jobs are being cut", "bakery"),
])
def test_a_figure_another_outlet_gives_alike_ranks_its_sentence_over_background(first, second, borne, background,
                                                                                settings):
    # the two sentences giving the figure are worded too differently to be read as saying the same; the figure
    # judged alike still tells that the sentence carries the event's facts, not background
    from factcheck.graph import CodeJudge, build_contradictions, build_graph, summarize
    from factcheck.pipeline import prepare
    articles = prepare([ArticleIn(id=f"a{i}", source=f"Outlet {i}", text=t) for i, t in enumerate((first, second))],
                       settings=settings)
    graph = build_graph(articles)
    judgments = CodeJudge().judge(graph.pairs)
    contradictions = build_contradictions(judgments, graph.cluster)
    texts = [s.text for s in summarize(graph.cluster, contradictions, max_words=40, judgments=judgments)]
    assert any(borne in t for t in texts) and not any(background in t for t in texts)
    unranked = [s.text for s in summarize(graph.cluster, contradictions, max_words=40)]
    assert any(background in t for t in unranked)  # without the figure judged alike, background ranks first


@pytest.mark.parametrize("texts, retelling", [
    (("Four people were killed on Saturday when Storm Hedda tore roofs off homes and brought down power lines across "
      "the Carrow coast, officials said. Ferries to the islands were cancelled.",
      "Storm Hedda left four people dead in Carrow on Saturday, with schools shut and the coast road closed by fallen "
      "oaks, police said. Some 3,000 homes lost power.",
      "Four people died in Carrow on Saturday as Storm Hedda battered the harbour town with winds of 90 mph, the "
      "coastguard said. The clean-up began on Sunday."), "tore roofs off homes"),
    (("Fourteen people were killed on Tuesday when a freight train ploughed into a packed commuter train outside the "
      "town of Velm, the rail operator said. Services on the line were suspended.",
      "A collision between two trains near Velm left 14 people dead on Tuesday, with dozens more injured and "
      "carriages thrown down an embankment, police said. The driver of the freight train survived.",
      "Fourteen people died near Velm on Tuesday as a commuter service was hit from behind in thick fog, the "
      "transport ministry said. An inquiry was opened on Wednesday."), "left 14 people dead"),
])
def test_the_summary_does_not_retell_a_toll_every_outlet_leads_with(texts, retelling, settings):
    # each outlet leads with the toll in its own words: the summary gives it, and leaves out a lead that only
    # gives it again
    r = run(*texts, settings=settings)
    tolls = [s.text for s in r.summary if s.kind == "statement" and any(w in s.text.lower() for w in
                                                                        ("four", "14", "fourteen"))]
    assert tolls and not any(retelling in t.lower() for t in tolls)
    assert len(tolls) < len(texts)


def test_a_short_statement_two_outlets_give_enters_the_summary(settings):
    r = run("Fire tore through a warehouse on the Kelby industrial estate in Marlow early on Sunday, the fire "
            "service said. No injuries were reported. Crews stayed at the scene through the morning.",
            "A blaze destroyed a warehouse on Marlow's Kelby industrial estate before dawn on Sunday. "
            "There were no reports of injuries. The cause is being investigated.", settings=settings)
    [s] = [s for s in r.summary if "injur" in s.text]
    assert len(s.citations) == 2


@pytest.mark.parametrize("first, second", [
    ("Thieves raided the Lusk jewellery store in Fairhaven early on Monday, police said. The store was closed at the "
     "time.", "Thieves raided the Lusk jewellery store in Fairhaven early on Monday and took watches, police said. "
     "The store reopened on Friday."),
    ("Southline suspended services on the Kell line after a signal failure, the operator said.",
     "Services on the Kell line resumed after the signal failure was fixed, Southline said."),
])
def test_what_was_so_then_and_what_undid_it_later_are_two_moments(first, second, settings):
    assert run(first, second, settings=settings).contradictions == []


@pytest.mark.parametrize("first, second", [
    ("The Harlan bridge remained closed on Friday while engineers checked the girders, officials said.",
     "The Harlan bridge reopened to cars on Friday after engineers checked the girders, officials said."),
    ("The Harlan bridge is closed to all traffic while engineers check the girders, officials said.",
     "The Harlan bridge reopened to cars on Friday after engineers checked the girders, officials said."),
    ("The Ashgrove library was still shut to readers on Tuesday after the flood, the council said.",
     "The Ashgrove library reopened to readers on Tuesday after the flood, the council said."),
])
def test_a_state_said_to_hold_still_conflicts_with_its_undoing(first, second, settings):
    [c] = run(first, second, settings=settings).contradictions
    assert c.kind == "status"


@pytest.mark.parametrize("first, second", [
    ("Southline suspended services on the Kell line on Monday after a signal failure, the operator said.",
     "Services on the Kell line resumed on Tuesday morning after the signal failure was fixed, Southline said."),
    ("The council closed the Ashgrove library on March 3 for repairs, a spokesman said.",
     "The Ashgrove library reopened to readers on May 12 after the repairs, the council said."),
])
def test_the_days_of_opposite_outcomes_are_not_one_event(first, second, settings):
    assert not [c for c in run(first, second, settings=settings).contradictions if c.kind == "date"]


@pytest.mark.parametrize("first, second, values", [
    ("Anna Berg, who was married three weeks before her husband was killed in the crash, spoke to reporters on "
     "Monday.", "Berg had married two weeks before the crash, her family said.", {"three weeks", "two weeks"}),
    ("The Dunmore mill, which was sold two years before the fire broke out, had stood empty since, the council "
     "said.", "The Dunmore mill was sold three years before the fire, according to council records.",
     {"two years", "three years"}),
])
def test_a_gap_before_something_times_the_verb_it_follows(first, second, values, settings):
    [c] = run(first, second, settings=settings).contradictions
    assert {s.value for s in c.sides} == values


@pytest.mark.parametrize("first, second, values", [
    ("Police said up to 2,000 people took to the streets of Kellport while unions shut ports and schools for the "
     "first day of the stoppage. Shops closed early.",
     "Police estimated the march at roughly 3,500 people. Several banks were shut.", {"up to 2,000", "roughly 3,500"}),
    ("Organisers said as many as 8,000 people took to the streets of Dravik while their tractors shut roads, markets "
     "and schools for the second day of the blockade. Schools stayed open.",
     "Organisers estimated the march at roughly 12,000 people. The ministry declined to comment.",
     {"as many as 8,000", "roughly 12,000"}),
])
def test_one_sources_two_counts_of_one_crowd_are_compared(first, second, values, settings):
    [c] = run(first, second, settings=settings).contradictions
    assert {s.value for s in c.sides} == values


@pytest.mark.parametrize("first, second, values", [
    # 'X on N' is X's standing, wherever the parser hangs 'on'; the clause's subject's figure is not X's
    ("The Harlow Party won 40.1 percent of the vote, ahead of the Fenwick Alliance on 30.5 percent. Turnout was high.",
     "The Fenwick Alliance, the main opposition, came second with 35.9 percent of the vote. Counting ended late.",
     {"30.5 percent", "35.9 percent"}),
    ("Varga finished the qualifying round on 68 points, ahead of Dana Kovac on 61 points. The final is on Sunday.",
     "Dana Kovac, the defending champion, finished the qualifying round with 65 points. She won the title last year.",
     {"61", "65"}),
    ("The party took 41.5 percent of the vote, ahead of the Harbour Alliance on 26.3 percent. Turnout was low.",
     "The Harbour Alliance, which has run the port city for a decade, came second with just under a quarter of the "
     "vote. Counting ended late.", {"26.3 percent", "just under a quarter"}),
])
def test_a_standing_told_as_x_on_n_is_xs(first, second, values, settings):
    [c] = run(first, second, settings=settings).contradictions
    assert {s.value for s in c.sides} == values


@pytest.mark.parametrize("first, second, values", [
    ("Trains on the Kell line remained suspended on Tuesday morning after Monday's signal failure, the operator "
     "Southline said. Buses replaced them.",
     "Kell line services resumed early on Tuesday once engineers fixed the faulty signal, according to Southline. "
     "Commuters welcomed the news.", {"suspended", "resumed"}),
    ("Ferry sailings to Marlow Island stayed suspended on Sunday because of the gale, the harbour office said. "
     "Several lorries waited at the port.",
     "Ferry sailings to Marlow Island resumed on Sunday afternoon as the gale eased, the operator said. "
     "The first boat left at 3 p.m.", {"suspended", "resumed"}),
    # a verb on two axes ('resume' goes on with a process and reopens a place) is weighed on each
    ("The Ashgrove library remained shut on Friday while the roof was repaired, the council said. Readers were sent "
     "to Penley.", "The Ashgrove library resumed lending on Friday after roof repairs, a council spokesman said. "
     "Opening hours are unchanged.", {"shut", "resumed"}),
])
def test_a_halt_said_to_hold_conflicts_with_its_resumption(first, second, values, settings):
    [c] = run(first, second, settings=settings).contradictions
    assert c.kind == "status" and {s.value for s in c.sides} == values
