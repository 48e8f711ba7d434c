"""Which facts the local engine pairs across outlets, on text written for each rule (general English, no eval
case): what a figure counts, what an outcome happens to, whose age a figure is."""

from dataclasses import replace

import pytest

from factcheck.graph import build_graph
from factcheck.pipeline import analyze, prepare
from factcheck.types import ArticleIn


def run(*texts, settings):
    articles = [ArticleIn(id=f"a{i}", source=f"Outlet {i}", text=t) for i, t in enumerate(texts)]
    return analyze(articles, engine="local", settings=settings)


def status_disputes(first: str, second: str, settings) -> list:
    """The status contradictions between two articles."""
    return [c for c in run(first, second, settings=settings).contradictions if c.kind == "status"]


def facts_of(text: str, kind: str, settings) -> list:
    """The facts of one kind read from `text` (analysed beside a neutral second article)."""
    other = ArticleIn(id="b", source="B", text="Crews and officials were busy in the city on Saturday.")
    graph = build_graph(prepare([ArticleIn(id="a", source="A", text=text), other], settings=settings))
    return [f for f in graph.facts.facts if f.kind == kind and f.article_id == "a"]


def date_disputes(first: str, first_published: str, second: str, second_published: str, settings) -> list:
    """The date contradictions between two articles published on the days given."""
    articles = [ArticleIn(id="a", source="A", text=first, published=first_published),
                ArticleIn(id="b", source="B", text=second, published=second_published)]
    return [c for c in analyze(articles, engine="local", settings=settings).contradictions if c.kind == "date"]


def values(report) -> list[set[str]]:
    return [{s.value for s in c.sides} for c in report.contradictions]


def assert_no_disputes(pairs: list[tuple[str, str]], settings) -> None:
    """Each pair of articles, analysed alone, gives no contradiction."""
    for first, second in pairs:
        assert values(run(first, second, settings=settings)) == [], first


def assert_told_apart(apart: list[tuple[str, str]], alike: tuple[str, str], expected: set[str], settings) -> None:
    """No pair in `apart` gives a contradiction; the two articles of `alike` give exactly the one, of `expected`."""
    assert_no_disputes(apart, settings)
    assert values(run(*alike, settings=settings)) == [expected]


def assert_one_dispute(first: str, second: str, expected: set[str], topic: str, settings) -> None:
    """The two articles give exactly one contradiction, of `expected`, whose topic starts with `topic`."""
    report = run(first, second, settings=settings)
    assert values(report) == [expected]
    assert report.contradictions[0].topic.startswith(topic), report.contradictions[0].topic


def same_disputes(report, expected: list[set[str]]) -> bool:
    """Does the report dispute exactly these sets of values, in any order?"""
    return sorted(values(report), key=sorted) == sorted(expected, key=sorted)


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # a verb that only holds or counts the figure says nothing of what happened to what is counted
        ("A ferry carrying 240 passengers ran aground off Kells Point on Friday, the coastguard said.",
         "The ferry was towed back to port with 420 passengers on board after it ran aground off Kells Point.",
         {"240", "420"}),
        ("Police counted about 300 tractors on the ring road at the height of the protest.",
         "More than 500 tractors brought the ring road to a standstill on Monday.",
         {"about 300", "More than 500"}),
    ],
)
def test_counting_and_holding_verbs_do_not_part_two_counts(first, second, expected, settings):
    assert values(run(first, second, settings=settings)) == [expected]


def test_what_happened_still_parts_two_counts(settings):
    r = run("Five people were killed when the bus overturned on the mountain road, police said.",
            "Eight people were taken to hospital after the bus overturned on the mountain road.", settings=settings)
    assert r.contradictions == []


def test_the_only_sum_about_one_thing_in_each_article_is_paired(settings):
    r = run("The county approved a $14 million upgrade of the water plant on Tuesday.",
            "The upgrade had been priced at $19 million, according to a county memo.", settings=settings)
    assert values(r) == [{"$14 million", "$19 million"}]


def test_sums_about_different_things_are_not_paired(settings):
    r = run("The county approved a $14 million upgrade of the water plant on Tuesday.",
            "A $2 million state grant will help pay for the work at the water plant.", settings=settings)
    assert r.contradictions == []


def test_many_measures_of_one_kind_need_more_than_their_noun(settings):
    # a match report: several kicks per article; the noun 'kick' does not say which kick is which
    r = run("Dale opened with a 40-yard kick. Later a 25-yard kick hit the post before a 31-yard kick won it.",
            "Rivers missed a 52-yard kick in the first half. A 45-yard kick was blocked in the third quarter.",
            settings=settings)
    assert r.contradictions == []


@pytest.mark.parametrize(
    "first, second",
    [
        ("Chief financial officer Dana Whitlock resigned on Monday, the company said.",
         "The board dismissed finance chief Dana Whitlock on Monday, hours before the results."),
        ("Head coach Marta Ruiz quit after the defeat, the club said.",
         "The club sacked head coach Marta Ruiz after the defeat."),
    ],
)
def test_an_outcome_is_compared_on_whom_it_happens_to(first, second, settings):
    [c] = run(first, second, settings=settings).contradictions
    assert c.kind == "status"


@pytest.mark.parametrize(
    "first, second, said",
    [
        # the outcome told in a relative clause happens to the noun the clause describes, and the report quotes
        # the verb with its particle
        ("Ana Ortiz will lead Carden Bank from May, succeeding Tomas Berg, who stepped down last month after a row "
         "over lending.",
         "Berg was fired by the Carden Bank board last month after a row with regulators over lending.",
         {"stepped down", "fired"}),
        ("Transport minister Pella Voss, who resigned on Friday, had faced weeks of criticism over the rail strikes.",
         "The prime minister sacked Voss on Friday after weeks of criticism over the rail strikes.",
         {"resigned", "sacked"}),
    ],
)
def test_an_outcome_in_a_relative_clause_is_the_named_persons(first, second, said, settings):
    [c] = [c for c in run(first, second, settings=settings).contradictions if c.kind == "status"]
    assert {s.value for s in c.sides} == said


@pytest.mark.parametrize(
    "first, second",
    [
        ("Harlow United completed the signing of striker Jonas Pell on Monday after a medical, the club said.",
         "Harlow United will play Pell's rival in attack on Saturday if the signing is not completed in time."),
        ("The council approved the new bus lanes on Thursday, a spokesman for the council said.",
         "Work on the bus lanes will start in March unless the council rejects the plan at Thursday's meeting."),
    ],
)
def test_an_outcome_in_a_condition_is_not_compared(first, second, settings):
    # 'if ... not completed', 'unless ... rejects': what would follow on a condition, neither done nor refused
    r = run(first, second, settings=settings)
    assert [c for c in r.contradictions if c.kind == "status"] == []


@pytest.mark.parametrize("text", [
    "Beginning May 3rd, business customers interested in registering for the tablet can do so online.",
    "Beginning in March, residents can collect the permits at the town hall.",
    "Starting June 2, season ticket holders can apply for seats in the new stand.",
])
def test_an_opening_participle_is_no_deed_done(text, settings):
    # 'Beginning May 3rd, customers can register': when something may be done, not a beginning that happened
    assert [f.status for f in facts_of(text, "status", settings)] in ([], ["possible"])


@pytest.mark.parametrize(
    "first, second",
    [
        ("The operator was able to restore power to most homes by Saturday evening.",
         "The operator restored power to most homes by Saturday evening, a spokesman said."),
        ("Firefighters managed to reopen the coast road on Tuesday afternoon.",
         "Firefighters reopened the coast road on Tuesday afternoon after the blaze."),
        # a requirement ('must close') or what might have been ('would not have resigned') says nothing of the deed
        ("The council must close the Ashgrove library, the inspectors said on Monday.",
         "The council closed the Ashgrove library on Monday, the inspectors said."),
        ("The health board must review its cancer waiting lists, the auditors said.",
         "The health board reviewed its cancer waiting lists last month, the auditors said."),
        ("The mayor would not have resigned over the scandal, his aides said.",
         "The mayor resigned over the scandal, his aides said."),
        ("The airline might have cancelled the Lisbon flights, the union said.",
         "The airline cancelled the Lisbon flights, the union said."),
    ],
)
def test_a_deed_done_is_not_disputed_by_words_that_agree_or_tell_nothing_of_it(first, second, settings):
    # 'was able to restore' and 'managed to reopen' tell the deed done
    assert status_disputes(first, second, settings) == []


@pytest.mark.parametrize("text, verb, status", [
    ("Engineers will be able to restore power by Friday.", "restore", "planned"),
    ("Crews did not manage to restore power on Monday.", "restore", "not"),
    ("Crews were unable to restore power on Monday.", "restore", "not"),
    ("Crews were able to restore power on Monday.", "restore", "done"),
    # what someone requires, and what would, could or might have been: neither tells whether it happened
    ("The regulator said the council must close the Ashgrove library.", "close", "required"),
    ("Without the levees the mayor would have resigned.", "resigned", "unreal"),
    ("The Lisbon flights could not have been cancelled, the union said.", "cancelled", "unreal"),
    ("The minister will have resigned by then.", "resigned", "planned"),
])
def test_the_words_around_a_verb_give_its_state(text, verb, status, settings):
    [fact] = [f for f in facts_of(text, "status", settings) if f.text.endswith(verb)]
    assert fact.status == status


@pytest.mark.parametrize(
    "first, second",
    [
        ("The ferry season opens on May 1, the harbour office said.",
         "The ferry season will open on May 1, the harbour office said."),
        ("The museum reopens to visitors on Saturday after a two-year refit.",
         "The museum will reopen to visitors on Saturday after a two-year refit."),
        ("Filming starts in Glasgow in October, the studio said.",
         "Filming can start in Glasgow in October once the cast is complete, the studio said."),
    ],
)
def test_the_simple_present_is_a_timetable_not_a_deed_done(first, second, settings):
    # 'opens on May 1' / 'will open on May 1': one plan said two ways
    r = run(first, second, settings=settings)
    assert [c for c in r.contradictions if c.kind == "status"] == []
    # told in the past, it is done, and at odds with the plan
    done = first.replace("opens", "opened").replace("starts", "started")
    assert [c.kind for c in run(done, second, settings=settings).contradictions] == ["status"]


@pytest.mark.parametrize(
    "first, second",
    [
        ("Minister Ilse Varga was not the author of the leaked memo and ordered an inquiry into the leak on Friday.",
         "Minister Ilse Varga ordered an inquiry into the leak on Friday."),
        ("The ferry operator would not comment and cancelled the evening crossing on Monday.",
         "The ferry operator cancelled the evening crossing on Monday because of the storm."),
    ],
)
def test_a_verb_in_its_own_tense_does_not_take_the_negation_before_and(first, second, settings):
    # 'was not the author ... and ordered an inquiry': the inquiry was ordered
    assert status_disputes(first, second, settings) == []


def test_a_participle_after_has_not_shares_the_negation(settings):
    # 'has not resigned or ordered an inquiry': one 'has not' for both
    r = run("Minister Ilse Varga has not resigned or ordered an inquiry into the leak.",
            "Minister Ilse Varga ordered an inquiry into the leak on Friday.", settings=settings)
    assert [c.kind for c in r.contradictions] == ["status"]


def test_outcomes_of_different_people_are_not_compared(settings):
    r = run("Chief financial officer Dana Whitlock resigned on Monday, the company said.",
            "The board dismissed treasurer Raj Menon on Monday, hours before the results.", settings=settings)
    assert [c for c in r.contradictions if c.kind == "status"] == []


def test_outcomes_of_different_things_are_not_compared(settings):
    r = run("Talks between the two unions continued in Leeds on Monday.",
            "The strike committee hopes for a deal that would end the walkout and halt the pickets in Leeds.",
            settings=settings)
    assert [c for c in r.contradictions if c.kind == "status"] == []


def test_ages_of_unnamed_people_are_not_compared(settings):
    r = run("A 50-year-old man was arrested at the scene on Friday, police said.",
            "A 47-year-old man was later charged with assault, police said.", settings=settings)
    assert r.contradictions == []


@pytest.mark.parametrize(
    "first, second",
    [
        # two unnamed people, each 'a ...': nothing says they are one, whatever names the sentences share
        ("The 55-year-old leader of the Harmony Church was charged with assaulting a 12-year-old girl at the ranch.",
         "The 55-year-old head of the Harmony Church stood silent at the ranch as the verdict was read."),
        ("Coach Ian Bell, 61, praised a 17-year-old striker after the Rovers won in Leeds.",
         "A 19-year-old striker scored twice as Ian Bell's Rovers won in Leeds."),
    ],
)
def test_ages_of_unnamed_people_beside_a_name_are_not_compared(first, second, settings):
    assert [c for c in run(first, second, settings=settings).contradictions if c.kind == "number"] == []


def test_ages_of_one_named_person_are_compared(settings):
    r = run("Climber Tom Keller, 32, fell 150 metres on the north face, police said.",
            "Tom Keller, 31, was airlifted from the north face after the fall, police said.", settings=settings)
    assert {"32", "31"} in values(r)


@pytest.mark.parametrize(
    "first, second, expected",
    [
        ("A skier fell about 150 metres into a crevasse on the glacier on Friday, rescuers said.",
         "Rescue teams reached him after he fell about 60 metres (200 feet) on Friday afternoon.",
         {"about 150 metres", "about 60 metres"}),
        ("Floodwater rose 2 metres in the old town overnight, the mayor told reporters.",
         "In the low streets by the harbour the river rose more than 3 metres (10 feet) before dawn.",
         {"2 metres", "more than 3 metres"}),
    ],
)
def test_the_only_measure_told_by_one_verb_in_each_article_is_paired(first, second, expected, settings):
    assert expected in values(run(first, second, settings=settings))


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # one measure given alike (8,200 MW = 8.2 GW) in two alike sentences: 'use' and 'demand' are one thing
        ("Electricity use peaked at 8,200 megawatts on Monday evening, roughly 9% above last winter's high, the grid "
         "operator said.",
         "Power demand hit 8.2 gigawatts on Monday night, about 15 percent above last winter's peak, the grid operator "
         "said.",
         {"roughly 9%", "about 15 percent"}),
        ("Box-office takings reached $4.2 million over the weekend, 20% above the studio's forecast, the distributor said.",
         "Revenue hit $4.2m over the weekend, 35 percent above the studio's forecast, the distributor said.",
         {"20%", "35 percent"}),
    ],
)
def test_figures_beside_one_measure_two_outlets_give_alike_are_paired(first, second, expected, settings):
    assert expected in values(run(first, second, settings=settings))


def test_one_sum_in_two_different_reports_does_not_join_their_nouns(settings):
    r = run("Ticket sales reached $4.2 million over the weekend, up 20% on the studio's forecast.",
            "The regulator fined the studio $4.2m on Tuesday, 35 percent more than last year's penalty.",
            settings=settings)
    assert {"20%", "35 percent"} not in values(r)


@pytest.mark.parametrize(
    "first, second",
    [
        ("Ilona Varga won the Port Alvar Open on Sunday, beating Chiara Benedetti in three sets.",
         "Ilana Varga edged Chiara Benedetti 7-6 in a deciding-set tiebreak to lift the Port Alvar Open trophy."),
        ("Katarina Holm was named chief executive of Harlow Mills on Monday, the company said.",
         "Harlow Mills appointed Katerina Holm as its chief executive on Monday."),
        # the tagger reads the first spelling as an organisation's name; the first name says it is a person's
        ("The winner was Daria Lindqvest, who finished in 2 hours 31 minutes.",
         "Daria Lindqvist won the marathon in 2 hours 31 minutes on Sunday."),
        ("The new coach is Milo Brandauer and he has signed a three-year contract.",
         "Milo Brandhauer signed a three-year contract as coach on Monday."),
        # sentences about different things: one first name and one surname spelled two ways are still one person
        ("Neighbours described Ingrid Halvorsen as a quiet woman who kept bees.",
         "The plane was landed safely by Ingrid Halvorson, the airline said on Tuesday."),
        ("Friends said Joost Verhaegen loved sailing and had two dogs.",
         "The court heard that Joost Verhagen stole 40,000 euros from the charity."),
    ],
)
def test_one_person_spelled_two_ways_is_raised(first, second, settings):
    r = run(first, second, settings=settings)
    assert [c.kind for c in r.contradictions if c.kind == "name"] == ["name"]


@pytest.mark.parametrize(
    "first, second, values",
    [
        # 'Name, age, of Place' is where news says someone lives; so is 'who lived in'
        ("Maria Lopez, 34, of Eastfield, was taken to hospital after the crash on Friday.",
         "Lopez, who lived in Northgate with her two sons, had worked at the bakery for a decade.",
         {"Eastfield", "Northgate"}),
        ("The winning ticket was bought by Anders Berg, 61, of Tromso, the lottery said.",
         "Anders Berg, who lives in Bodo, plans to share the prize with his neighbours.",
         {"Tromso", "Bodo"}),
    ],
)
def test_one_persons_home_given_as_two_places_is_raised(first, second, values, settings):
    r = run(first, second, settings=settings)
    assert [{s.value for s in c.sides} for c in r.contradictions if c.kind == "name"] == [values]


@pytest.mark.parametrize(
    "first, second",
    [
        # two people's homes
        ("Maria Lopez, 34, of Eastfield, was taken to hospital after the crash on Friday.",
         "The driver, Tom Reyes, 29, of Northgate, was arrested at the scene."),
        # one home, told two ways
        ("Maria Lopez, 34, of Eastfield, was taken to hospital after the crash on Friday.",
         "Lopez, who lived in Eastfield with her two sons, had worked at the bakery for a decade."),
        # an organisation, not a home
        ("Jane Doe, 42, of the Red Cross said the shelters were full on Sunday.",
         "Jane Doe, who lives in Northgate, said the shelters were full."),
    ],
)
def test_homes_of_two_people_or_one_home_are_not_a_dispute(first, second, settings):
    assert [c for c in run(first, second, settings=settings).contradictions if c.kind == "name"] == []


@pytest.mark.parametrize(
    "first, second, values",
    [
        ("Police said he is a gang member known by the nickname \"Sepy.\"",
         "The defendant, who lives in Hawaiian Gardens and is known by the street moniker of Sepe, is charged with murder.",
         {"Sepy", "Sepe"}),
        ("The boxer, nicknamed \"The Hammer\", won in the sixth round.",
         "Known to his fans by the nickname \"The Hamer\", the boxer stopped his rival in round six.",
         {"Hammer", "Hamer"}),
    ],
)
def test_a_nickname_spelled_two_ways_is_raised(first, second, values, settings):
    r = run(first, second, settings=settings)
    assert [{s.value for s in c.sides} for c in r.contradictions if c.kind == "name"] == [values]


@pytest.mark.parametrize(
    "first, second",
    [
        # a relative's nickname is another person's
        ("The fugitive, known by the nickname \"Tito\", was caught on Monday.",
         "His brother, nicknamed \"Tino\", was not arrested, police said."),
        # two nicknames, not one spelled two ways
        ("The fugitive, known by the nickname \"Tito\", was caught on Monday.",
         "The fugitive, nicknamed \"El Flaco\", was caught in Lisbon on Monday."),
    ],
)
def test_two_nicknames_of_two_people_or_one_are_not_a_misspelling(first, second, settings):
    assert [c for c in run(first, second, settings=settings).contradictions if c.kind == "name"] == []


@pytest.mark.parametrize(
    "first, second",
    [
        ("Mara Quist ran for 120 yards while Jonas Feld added 64 for the Falcons.",
         "Jonas Feld ran for 64 yards for the Falcons."),
        ("The council named Ruth Abbot and Olav Brenner to the new housing board on Tuesday.",
         "Olav Brenner and Ruth Abbot were named to the new housing board by the council on Tuesday."),
    ],
)
def test_two_names_are_not_two_accounts_where_one_sentence_gives_both(first, second, settings):
    assert [c for c in run(first, second, settings=settings).contradictions if c.kind == "name"] == []


def test_one_titled_person_named_two_ways_is_raised_beside_other_names(settings):
    r = run("Fire Chief Maren Olsen said the blaze was under control by noon, her deputy Tom Berg added.",
            "Fire Chief Karin Olsen said the blaze was under control by noon on Sunday.", settings=settings)
    assert [{s.value for s in c.sides} for c in r.contradictions if c.kind == "name"] == [{"Maren Olsen", "Karin Olsen"}]


@pytest.mark.parametrize(
    "first, second",
    [
        ("The Harlan River Bridge reopened to cars on Friday morning, the state transport agency said.",
         "The Harlan River Bridge will stay shut to all traffic through the weekend, officials said on Friday."),
        ("The coastal line reopened at 6 a.m. on Friday, the rail operator said.",
         "The coastal line remained closed on Friday morning while engineers replaced the stolen cable."),
        ("All non-urgent operations at the clinic have been suspended until Friday, a spokesman said.",
         "Planned operations at the clinic are going ahead as normal, a spokeswoman said on Tuesday."),
    ],
)
def test_a_state_that_holds_is_compared_with_an_outcome(first, second, settings):
    assert [c.kind for c in run(first, second, settings=settings).contradictions] == ["status"]


def test_a_state_that_agrees_is_not_a_contradiction(settings):
    r = run("The Harlan River Bridge remained closed to cars on Friday, the state transport agency said.",
            "Engineers closed the Harlan River Bridge to all traffic on Tuesday after finding a cracked girder.",
            settings=settings)
    assert [c for c in r.contradictions if c.kind == "status"] == []


def test_an_adjective_that_only_looks_like_an_outcome_is_not_one(settings):
    r = run("The champion stopped the challenger in the sixth round on Saturday night.",
            "The champion won in the sixth round of a fight that was never close, stopping the challenger.",
            settings=settings)
    assert [c for c in r.contradictions if c.kind == "status"] == []


@pytest.mark.parametrize(
    "first, second, expected",
    [
        ("Customs officers confiscated 40 kilos of cocaine from the yacht, the agency said.",
         "Officers seized 25 kilos of cocaine from the yacht in the harbour on Monday.", {"40 kilos", "25 kilos"}),
        ("Police arrested 12 people after the match, the force said on Sunday.",
         "Twenty people were detained by police after the match.", {"12", "Twenty"}),
        # taking to the streets is marching, rallying, demonstrating
        ("Organisers said 40,000 people took to the streets of Valden on Saturday to demand climate action.",
         "Some 25,000 people marched through Valden on Saturday to demand climate action, police said.",
         {"40,000", "Some 25,000"}),
        ("About 3,000 teachers rallied outside parliament in Valden on Monday.",
         "Some 5,000 teachers demonstrated outside parliament in Valden on Monday, the union said.",
         {"About 3,000", "Some 5,000"}),
    ],
)
def test_two_words_for_one_kind_of_event_pair_their_counts(first, second, expected, settings):
    assert expected in values(run(first, second, settings=settings))


@pytest.mark.parametrize(
    "first, second",
    [
        ("Police arrested 12 people after the match, the force said on Sunday.",
         "Five people were charged with affray after the match, police said."),
        ("Nine people were killed when the tower block caught fire, officials said.",
         "Fourteen people were injured when the tower block caught fire, officials said."),
        ("About 3,000 people took to the streets of Valden on Monday.",
         "Some 5,000 people were evacuated from Valden on Monday."),
    ],
)
def test_counts_of_different_kinds_of_event_are_not_paired(first, second, settings):
    assert run(first, second, settings=settings).contradictions == []


def test_a_running_total_in_the_clause_is_not_this_events_count(settings):
    r = run("So far this season the coastguard has rescued 140 people from the rocks, a spokesman said.",
            "The coastguard rescued 12 people from the rocks on Saturday, a spokesman said.", settings=settings)
    assert r.contradictions == []


@pytest.mark.parametrize(
    "text, cumulative",
    [
        ("More than 14,000 fans saw the final, the largest crowd of the tournament so far.", False),
        ("The storm left 3,000 homes without power, the highest number to date in the region.", False),
        ("So far this season the coastguard has rescued 140 people from the rocks.", True),
        ("In their five operations so far, the crew have seized 14 rifles and 923 rounds.", True),
    ],
)
def test_a_running_total_is_read_from_the_figures_own_clause(text, cumulative, settings):
    assert ("cumulative" in facts_of(text, "number", settings)[0].qualifiers) is cumulative


def test_near_nouns_are_not_the_same_measure(settings):
    # a share of the vote and a share of voters: two different percentages
    r = run("Independent candidate Ana Ruiz won Sunday's mayoral runoff in Corvel with 51.8% of the vote, the "
            "electoral office said. Her rival took 48.2%.",
            "Only 46 percent of registered voters took part. Ruiz was sworn in on Monday.", settings=settings)
    assert r.contradictions == []


@pytest.mark.parametrize(
    "text, background",
    [
        ("Turnout was 46%, down from 58% in the first round two weeks earlier.", False),
        ("Sales rose to 310 million, up from 280 million a year ago.", False),
        ("Turnout was 58% in the first round two weeks earlier.", True),
    ],
)
def test_a_time_in_a_comparison_dates_the_value_compared_with(text, background, settings):
    assert ("background" in facts_of(text, "number", settings)[0].qualifiers) is background


@pytest.mark.parametrize(
    "opening",
    ["2025-03-04 LISBON — Ministers agreed on Tuesday to extend the fishing quota talks.",
     "Updated March 4, 2025 LISBON (Reuters) — Ministers agreed on Tuesday to extend the fishing quota talks."],
)
def test_a_date_stamp_before_the_dateline_is_not_an_event_date(opening, settings):
    assert [f.text for f in facts_of(opening, "date", settings)] == ["Tuesday"]


def test_two_spellings_one_article_writes_both_of_are_two_people(settings):
    r = run("Charlene Kafoury, the victim's widow, said her son Charlie Kafoury had flown home from college.",
            "Charlie Kafoury, the victim's son, asked for privacy on Tuesday.",
            "Charlene Kafoury spoke to reporters outside the court on Tuesday.", settings=settings)
    assert [c for c in r.contradictions if c.kind == "name"] == []


@pytest.mark.parametrize(
    "first, second",
    [
        ("A Texas Ranger and an officer from the governor's office drove to Tulsa to collect Ruck.",
         "During the search of the farm, Texas Rangers found the tapes."),
        ("A Green Beret was wounded in the ambush near Kunar on Sunday.",
         "Two Green Berets were wounded in the ambush near Kunar on Sunday."),
    ],
)
def test_one_member_of_a_body_and_the_body_are_not_two_spellings(first, second, settings):
    # 'a Texas Ranger' is one of the Texas Rangers, not a person whose name is misspelled
    assert [c for c in run(first, second, settings=settings).contradictions if c.kind == "name"] == []


def dated_facts(text: str, kind: str, settings, published: str = "2026-03-03") -> list:
    """The facts of one kind read from `text` published on `published`."""
    other = ArticleIn(id="b", source="B", text="Crews and officials were busy in the city on Saturday.")
    articles = [ArticleIn(id="a", source="A", text=text, published=published), other]
    graph = build_graph(prepare(articles, settings=settings))
    return [f for f in graph.facts.facts if f.kind == kind and f.article_id == "a"]


@pytest.mark.parametrize(
    "text, value",
    [
        ("Harlow Mills posted a net profit of $93 million for last year, its best result.", "$93 million"),
        ("The charity said it had raised £2.4 million for last year, a record.", "£2.4 million"),
    ],
)
def test_the_period_a_figure_covers_is_its_year_not_an_earlier_event(text, value, settings):
    [fact] = [f for f in dated_facts(text, "number", settings) if f.text == value]
    assert "background" not in fact.qualifiers and fact.frame == {"2025"}  # published in 2026


def test_last_years_event_is_still_background(settings):
    [fact] = dated_facts("Last year's outage left 20,000 homes without power for a day.", "number", settings)[:1]
    assert "background" in fact.qualifiers


def test_a_year_in_a_comparison_does_not_frame_the_value(settings):
    facts = dated_facts("Revenue rose to $5.1 billion in 2025, up from $4.8 billion in 2024.", "number", settings)
    assert next(f for f in facts if "$5.1 billion" in f.text).frame == {"2025"}


def test_a_size_that_names_one_of_several_models_says_whose_figure_it_is(settings):
    # an article that sizes one noun two ways ('the 13-inch models ... the 15-inch models') names models by size:
    # each price is its model's, and the sizes are not one figure told two ways (ECB+ topic 40)
    laptops = "The 13-inch models start at $1,199, and the 15-inch models start at $1,799."
    assert same_disputes(run(laptops, "The 13-inch MacBook Pro starts at $2,199.", settings=settings),
                         [{"$1,199", "$2,199"}])
    assert run("The new 11-inch and 13-inch models are available now.",
               "The 15-inch model goes on sale next week.", settings=settings).contradictions == []
    flats = "The two-bedroom flats rent for £900 a month. The three-bedroom flats rent for £1,250 a month."
    assert same_disputes(run(flats, "The three-bedroom flats rent for £1,400 a month, the developer said.",
                             settings=settings), [{"£1,250", "£1,400"}])
    # one thing sized two ways is still disputed
    assert same_disputes(run("A 25-metre oak fell onto the road.", "A 15-metre oak fell onto the road, police said.",
                             settings=settings), [{"25-metre", "15-metre"}])


def test_a_figure_supposed_in_a_condition_is_not_a_figure_reported(settings):
    # a condition and what would follow from it are suppositions (ECB+ topic 43: 'If an application needs only
    # two servers, ...' / 'If the application gets busy and needs 10 servers, ...')
    assert dated_facts("If an application needs only two servers, the software is cheap.", "number", settings) == []
    assert dated_facts("If the application gets busy and needs 10 servers, it slows.", "number", settings) == []
    assert run("If the river rises two metres, 300 homes would flood, the agency said.",
               "If the river rises three metres, 900 homes would flood, the agency said.",
               settings=settings).contradictions == []
    # what holds whatever the condition is still a figure: 'If convicted, he faces up to 10 years'
    assert [f.text for f in dated_facts("If convicted, Marlow faces up to 10 years in prison.", "number", settings)] \
        == ["up to 10 years"]


def test_one_article_counting_two_kinds_of_one_noun_counts_two_things(settings):
    # 'in 133 career playoff games' / 'in 1,101 career games' (ECB+ topic 5): one article, two counts
    for text in ("In 133 career playoff games, he averaged 14.4 points. He averaged 11.1 points in 1,101 career "
                 "games.", "The airline cancelled 40 cargo flights on Monday. The airline cancelled 95 flights on "
                 "Monday, the union said."):
        assert run(text, "The union is angry.", settings=settings).contradictions == []
    # one kind counted two ways in one article is still a dispute inside it
    report = run("The airline cancelled 40 flights on Monday, its statement said. The airline cancelled 95 flights "
                 "on Monday, the union said.", "The union is angry.", settings=settings)
    assert same_disputes(report, [{"40", "95"}])


def test_counts_of_times_are_compared_only_for_one_title(settings):
    # a count of times is of the title it qualifies (ECB+ topic 5: 'a four-time NBA all-star' / 'a five-time NBA
    # All-Defensive Team honoree')
    assert run("Cheeks, a four-time NBA all-star, was fired on Friday.",
               "Cheeks is also a five-time NBA All-Defensive Team honoree.", settings=settings).contradictions == []
    olympic = "Okafor, a two-time Olympic champion, won the race on Sunday."
    assert run(olympic, "Okafor, a three-time world champion, won the race on Sunday.",
               settings=settings).contradictions == []
    report = run(olympic, "Okafor, a three-time Olympic champion, won the race on Sunday.", settings=settings)
    assert same_disputes(report, [{"two", "three"}])


@pytest.mark.parametrize("first, second", [
    # 'Before 1997' bounds the time; the five-year term was served in 1981 (ECB+ topic 26)
    ("Before 1997, Marlow had served only a five-year sentence for fraud in 1981.",
     "Marlow was serving a 12-year sentence for racketeering in 1997."),
    ("Until 2019, the plant had employed 400 people at its peak in 2008.", "The plant employed 250 people in 2019."),
])
def test_a_bounding_year_does_not_frame_the_value(first, second, settings):
    assert [c for c in run(first, second, settings=settings).contradictions if c.kind == "number"] == []
    assert dated_facts(first, "number", settings)[0].frame == {first[-5:-1]}


def test_figures_for_one_year_written_two_ways_are_compared(settings):
    articles = [
        ArticleIn(id="a", source="Wire", published="2026-03-02",
                  text="Harlow Mills reported a net profit of $88 million for 2025, up from $71 million a year earlier."),
        ArticleIn(id="b", source="Ledger", published="2026-03-03",
                  text="Harlow Mills posted a net profit of $93 million for last year, well ahead of the $80 million "
                       "forecast by analysts."),
    ]
    report = analyze(articles, engine="local", settings=settings)
    assert values(report) == [{"$88 million", "$93 million"}]
    # the dispute does not corroborate the forecast only the Ledger gives: it stays a single-source claim
    assert any("$80 million" in s.text for s in report.single_source_claims)


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # a change told by a noun is the change the verb tells
        ("Harlow Mills reported a 12% rise in sales for the third quarter on Tuesday.",
         "Sales at Harlow Mills rose 15 percent in the third quarter, the company said on Tuesday.",
         {"12%", "15 percent"}),
        ("The operator recorded a 20 percent drop in ridership on the coastal line last year.",
         "Ridership on the coastal line fell 30% last year, the operator said.", {"20 percent", "30%"}),
        # and a comparative with no verb of its own, the one a noun tells
        ("Adults who cycled to work had a 15% lower risk of heart disease, the researchers said.",
         "Cycling to work was linked to a 24 percent reduction in heart disease risk, the researchers said.",
         {"15%", "24 percent"}),
        ("Rents in Fairhaven were 6% higher in March than a year before, the agency said.",
         "The agency recorded a 9 percent rise in rents in Fairhaven in March.", {"6%", "9 percent"}),
    ],
)
def test_a_change_told_by_a_noun_or_a_comparative_is_a_change(first, second, expected, settings):
    assert values(run(first, second, settings=settings)) == [expected]


@pytest.mark.parametrize(
    "first, second",
    [
        # closing is what happened: 'lower' only says which way ('fell as much as' is the day's low)
        ("The Kestrel index closed 2% lower on Friday.",
         "The Kestrel index fell as much as 3.5% in morning trading on Friday before recovering."),
        ("The operator recorded a 20 percent drop in ridership on the coastal line last year.",
         "Delays on the coastal line fell 30% last year, the operator said."),
    ],
)
def test_changes_of_different_things_or_moments_are_not_paired(first, second, settings):
    assert values(run(first, second, settings=settings)) == []


@pytest.mark.parametrize(
    "first, second, expected",
    [
        ("The council approved the harbour plan by a 33-22 margin on Thursday.",
         "Councillors passed the harbour plan by a 31-24 vote on Thursday.", {"33-22", "31-24"}),
        ("Union members backed the pay deal by a 412-388 vote, the union said.",
         "The pay deal was accepted by union members 436-364, the union said.", {"412-388", "436-364"}),
    ],
)
def test_a_tally_after_by_is_a_tally_not_a_change(first, second, expected, settings):
    assert values(run(first, second, settings=settings)) == [expected]


@pytest.mark.parametrize(
    "first, second",
    [
        ("Three people, one of them a firefighter, were killed when the warehouse collapsed on Tuesday.",
         "Three people were killed when the warehouse collapsed on Tuesday, police said."),
        ("Four climbers, two of them guides, were rescued from the ridge on Sunday.",
         "Four climbers were rescued from the ridge on Sunday, the mountain service said."),
    ],
)
def test_a_part_described_aside_is_not_the_count(first, second, settings):
    assert run(first, second, settings=settings).contradictions == []


def test_a_partitive_that_is_what_happened_is_the_count(settings):
    [seats] = [f for f in facts_of("The Alliance won 41 of the 80 seats in the assembly.", "number", settings)
               if f.text == "41"]
    assert "part" not in seats.qualifiers


@pytest.mark.parametrize("text", ["The two other victims were treated at the county hospital.",
                                  "The gunman killed a guard and wounded two others, police said."])
def test_others_are_counted_apart_from_the_total(text, settings):
    assert "increment" in facts_of(text, "number", settings)[-1].qualifiers


def test_the_others_are_not_the_total(settings):
    r = run("Three victims were taken to the county hospital after the shooting at the depot.",
            "One man died at the depot; the two other victims were treated at the county hospital.",
            settings=settings)
    assert [c for c in r.contradictions if c.kind == "number"] == []


def test_a_sentence_whose_facts_another_outlet_states_is_not_single_source(settings):
    r = run("A convicted fraudster overpowered two guards in Dunmore on Monday and escaped on foot.",
            "Two guards were overpowered in Dunmore on Monday by a prisoner who then fled, police said.",
            settings=settings)
    assert not [c for c in r.single_source_claims if "fraudster" in c.text]


def test_times_of_different_happenings_are_not_compared(settings):
    first = ("Police said Dana Morrow opened fire at about 3 p.m. outside the depot on Kell Street and fled. "
             "A bus driver was wounded.")
    second = ("Police arrested Dana Morrow shortly before midnight two streets from the depot on Kell Street. "
              "Officers had searched the area since 3:20 p.m.")
    assert [c for c in run(first, second, settings=settings).contradictions if c.kind == "date"] == []


def test_times_of_one_happening_are_compared(settings):
    r = run("The ferry left the harbour at Port Lena at 6 a.m. on Monday, the operator said.",
            "The ferry left the harbour at Port Lena at 7:40 a.m. on Monday with 40 passengers.", settings=settings)
    assert values(r) == [{"6 a.m.", "7:40 a.m."}]


@pytest.mark.parametrize(
    "first, second, expected",
    [
        ("Around 140 trains were cancelled on Monday after cable thieves struck near Dunmore junction.",
         "Some 210 services were cancelled on Monday after cable thieves struck near Dunmore junction.",
         {"Around 140", "Some 210"}),
        ("The airline cancelled 80 flights on Friday because of the strike by ground staff.",
         "The airline cancelled 120 departures on Friday because of the strike by ground staff.",
         {"80", "120"}),
    ],
)
def test_near_nouns_told_by_one_verb_are_one_count(first, second, expected, settings):
    assert values(run(first, second, settings=settings)) == [expected]


def test_a_name_is_not_what_a_count_counts(settings):
    r = run("Hawks quarterback Dan Moss threw six in the first half as the Hawks won on Sunday.",
            "At least nine quarterbacks threw for 300 yards on Sunday as the Hawks won.", settings=settings)
    assert [c for c in r.contradictions if c.kind == "number"] == []


@pytest.mark.parametrize(
    "first, second",
    [
        ("The board approved a share buyback of up to €250 million on Thursday.",
         "A decision on the planned share buyback was postponed until May, a company spokesman said."),
        ("The council approved the new bus lanes for Harbour Road on Tuesday night.",
         "A vote on the new bus lanes was postponed until March, the council said on Tuesday."),
    ],
)
def test_a_decision_is_compared_with_what_it_is_about(first, second, settings):
    assert [c.kind for c in run(first, second, settings=settings).contradictions] == ["status"]


@pytest.mark.parametrize(
    "first, second, expected",
    [
        ("Dockers at the Harwell port held a strike that lasted six hours on Monday, the union said.",
         "Dockers ended an eight-hour strike at the Harwell port on Monday evening.", {"six hours", "eight-hour"}),
        ("The Brackwater folk festival ran for three days and drew 12,000 visitors, organisers said.",
         "The five-day Brackwater folk festival drew 12,000 visitors, organisers said.", {"three days", "five-day"}),
        ("Passengers on the stranded Orla ferry waited for seven hours before tugs arrived.",
         "Tugs reached the stranded Orla ferry after a wait of five hours, passengers said.",
         {"seven hours", "five hours"}),
    ],
)
def test_how_long_one_thing_went_on_is_compared(first, second, expected, settings):
    # "for nine hours", "a six-hour blockade", "lasted six hours", "a wait of five hours": how long what the
    # sentence tells went on, whoever it happened to
    assert values(run(first, second, settings=settings)) == [expected]


def test_a_gap_between_two_moments_is_not_how_long_something_went_on(settings):
    r = run("Firefighters reached the Keld warehouse ten minutes after the alarm sounded.",
            "The fire at the Keld warehouse burned for two hours before firefighters put it out.", settings=settings)
    assert r.contradictions == []


def test_a_duration_in_the_background_does_not_hide_the_one_that_matters(settings):
    r = run("Dockers at the Harwell port held a strike that lasted six hours on Monday. Last year's strike at the "
            "port lasted two days.",
            "Dockers ended an eight-hour strike at the Harwell port on Monday evening.", settings=settings)
    assert values(r) == [{"six hours", "eight-hour"}]


@pytest.mark.parametrize(
    "first, second",
    [
        ("Quinn threw two interceptions on Sunday as the Chiefs lost to the Colts.",
         "Quinn was one of three quarterbacks the Chiefs used on Sunday against the Colts."),
        ("The Rovers have won 12 games this season.", "The Rovers have 4 wins this season after beating the Hawks."),
    ],
)
def test_nouns_of_one_topic_are_not_one_count(first, second, settings):
    # 'interception' / 'quarterback', 'game' / 'win': words that keep company, not one thing counted
    assert run(first, second, settings=settings).contradictions == []


def test_a_dispute_on_how_long_says_so(settings):
    r = run("Dockers at the Harwell port held a strike that lasted six hours on Monday, the union said.",
            "Dockers ended an eight-hour strike at the Harwell port on Monday evening.", settings=settings)
    assert [c.topic for c in r.contradictions] == ["how long the strike lasted"]


@pytest.mark.parametrize(
    "first, second",
    [
        ("Police arrested the lorry driver in Dunmore on Sunday afternoon.",
         "The lorry overturned on the Dunmore bypass on Thursday afternoon."),
        ("Divers recovered the wreck's bell from the seabed off Kells Point on Monday evening.",
         "The trawler sank off Kells Point on Saturday night after its engine failed."),
    ],
)
def test_a_part_of_the_day_is_not_an_event_the_day_names(first, second, settings):
    # "on Sunday afternoon" dates what the verb says, like "on Sunday"; it does not make two happenings one
    assert run(first, second, settings=settings).contradictions == []


@pytest.mark.parametrize(
    "first, second, disputed",
    [
        ("The murder trial of Dorian Pike will begin on Monday at Harlow Crown Court.",
         "The fraud trial of Dorian Pike will begin on Thursday at Harlow Crown Court.", False),
        ("The murder trial of Dorian Pike will begin on Monday at Harlow Crown Court.",
         "The murder trial of Dorian Pike will begin on Thursday at Harlow Crown Court.", True),
        ("The budget vote in the assembly will take place on Tuesday, the speaker said.",
         "The confidence vote in the assembly will take place on Thursday, the speaker said.", False),
        ("The budget vote in the assembly will take place on Tuesday, the speaker said.",
         "The budget vote in the assembly will take place on Thursday, the speaker said.", True),
    ],
)
def test_two_kinds_of_one_event_noun_are_two_events(first, second, disputed, settings):
    # 'a plea and case management hearing' on September 6 / 'a bail hearing' on Wednesday (ECB+ topic 32, outside
    # the eval): the noun before the event's noun says which one it is
    found = date_disputes(first, "2026-03-04", second, "2026-03-04", settings)
    assert bool(found) == disputed


def test_a_day_a_state_still_held_is_not_the_day_it_began(settings):
    r = run("Storm Odile hit the coast of Varn province on Tuesday, toppling trees and power lines, officials said.",
            "About 38,000 homes in Varn province were still without power on Wednesday, officials said.",
            settings=settings)
    assert r.contradictions == []


def test_a_day_told_inside_a_participle_dates_the_clause_event(settings):
    # "foiled an attack on vessels transiting the gulf on Friday": the parser hangs the day on the participle
    [day] = facts_of("The coastguard foiled a smuggling run by two speedboats crossing the strait on Friday, "
                     "seizing 40 kg of cocaine.", "date", settings)
    assert (day.text, day.predicate) == ("Friday", "foil")


@pytest.mark.parametrize(
    "first, second, expected",
    [
        ("Greece's jobless rate rose to 12 percent in March, the statistics office said.",
         "Spain's jobless rate rose to 15 percent in March, the statistics office said.", []),
        ("Wayne had five catches in the win over the Hawks on Sunday.",
         "Wayne had three catches in the win over the Hawks on Sunday.", [{"five", "three"}]),
    ],
)
def test_figures_of_differently_named_owners_are_not_compared(first, second, expected, settings):
    # whose figure it is ("Spain's jobless rate", "Wayne had"): two names, two figures; one name, one figure
    assert values(run(first, second, settings=settings)) == expected


@pytest.mark.parametrize(
    "first, second, expected",
    [
        ("Norcell shares fell $2.10 to close at $31.40 on Tuesday.",
         "Veltra shares rose 40 cents to close at $12.85 on Tuesday.", []),
        ("Shares of Norcell fell $2.10 to close at $31.40 on Tuesday.",
         "Shares of Kestrel Airlines rose 40 cents to close at $12.85 on Tuesday.", []),
        ("The Halvorsen campaign raised $4.2 million in the first quarter, its filing showed.",
         "The Moreno campaign raised $2.9 million in the first quarter, its filing showed.", []),
        # one named owner: one figure, told two ways
        ("Shares of Norcell fell $2.10 to close at $31.40 on Tuesday.",
         "Norcell shares lost $3.70 to close at $29.80 on Tuesday.", [{"$2.10", "$3.70"}, {"$31.40", "$29.80"}]),
        ("The Halvorsen campaign raised $4.2 million in the first quarter, its filing showed.",
         "The Halvorsen campaign raised $2.9 million in the first quarter, its filing showed.",
         [{"$4.2 million", "$2.9 million"}]),
    ],
)
def test_a_company_or_person_named_before_the_noun_owns_the_figure(first, second, expected, settings):
    # 'EDS shares' / 'HP shares' (ECB+ topic 44, outside the eval) owned like "EDS's shares"
    assert same_disputes(run(first, second, settings=settings), expected)


@pytest.mark.parametrize(
    "text, value",
    [("The inmate escaped after two Norcell guards drove him to the airport.", "two"),
     ("At 9 a.m. navy personnel aboard the Kestrel spotted five boats.", "five")],
)
def test_the_counted_nouns_own_kind_or_a_common_noun_is_not_an_owner(text, value, settings):
    # 'two TDCJ officers' counts officers of a kind; 'navy personnel' names no one, though the tagger says ORG
    [fact] = [f for f in facts_of(text, "number", settings) if f.text == value]
    assert fact.name is None


def test_where_an_article_gives_many_such_measures_the_noun_alone_does_not_pair_them(settings):
    r = run("Luck completed an 11-yard pass to Hilton in the third quarter. He later threw a 25-yard pass to Wayne "
            "and a 9-yard pass to Allen.",
            "Luck found Wayne for a seven-yard pass in the fourth quarter.", settings=settings)
    assert r.contradictions == []


@pytest.mark.parametrize("text, word", [("The deputy, who was wed about three weeks ago, was 32.", "wed"),
                                        ("Wed, March 4: the ferry service resumed.", "Wed")])
def test_words_that_look_like_contractions_without_apostrophes_stay_words(text, word):
    # the tokenizer's "wed" = "we'd", "id" = "I'd": news writes contractions with the apostrophe
    from factcheck.nlp import parse

    [doc] = parse([text])
    assert word in [t.text for t in doc]


def test_an_apostrophe_contraction_is_still_split():
    from factcheck.nlp import parse

    [doc] = parse(["We'd like to go, and we can't."])
    assert [t.text for t in doc][:2] == ["We", "'d"] and "n't" in [t.text for t in doc]


def test_a_figure_set_off_by_commas_after_a_person_is_an_age(settings):
    # "her daughter, 11,": an age, as "Buckley, 32," is; not a count of children
    r = run("Ruiz was walking with one of her 12 children when the van hit them on Elm Street.",
            "Ruiz was walking her daughter, 11, home from school when the van hit them on Elm Street.",
            settings=settings)
    assert r.contradictions == []


def test_an_earlier_time_inside_a_comparison_does_not_make_the_value_an_earlier_one(settings):
    # "12% above last summer's high" dates the high compared with, not the 410 million litres
    r = run("Water use in Brackton peaked at 410 million litres on Monday evening, roughly 9% above last summer's "
            "high, the utility Brackwell Water said.",
            "Water use in Brackton peaked at 380 million litres last August, a record at the time.",
            settings=settings)
    assert r.contradictions == []


def test_one_sources_figure_is_compared_with_the_same_sources(settings):
    # police against police, not the police count against the organisers' claim
    r = run("Police estimated the crowd at the Kessel rally at 12,000, while organisers said 40,000 had attended.",
            "About 20,000 people attended the Kessel rally, according to a police count.", settings=settings)
    assert values(r) == [{"12,000", "About 20,000"}]


@pytest.mark.parametrize(
    "text, value, claimant",
    [
        ("Police estimated the crowd at 12,000 on Saturday.", "12,000", "police"),
        ("About 20,000 people attended, according to a police count.", "About 20,000", "police"),
        ("Organisers said 40,000 people took part, three times the police estimate of 12,000.", "12,000", "police"),
        ("Organisers said 40,000 people took part in the march.", "40,000", "organiser"),
    ],
)
def test_whose_figure_it_is(text, value, claimant, settings):
    [fact] = [f for f in facts_of(text, "number", settings) if f.text == value]
    assert fact.claimant == claimant and "forecast" not in fact.qualifiers and fact.head != "estimate"


def test_a_son_and_a_daughter_with_alike_names_are_two_people(settings):
    r = run("Dana Whitfield's son, Marco, said after the hearing that the family would appeal the ruling on Monday.",
            "Dana Whitfield's daughter, Marcia, said after the hearing that the family would appeal the ruling.",
            settings=settings)
    assert [c for c in r.contradictions if c.kind == "name"] == []


def test_a_charge_and_a_verdict_are_two_events(settings):
    # "charged on Monday" and "convicted on Thursday" are two stages of one case, not two days for one event
    r = run("Prosecutors charged Dale Morton with fraud on Monday, the county attorney's office said.",
            "A jury convicted Dale Morton of fraud on Thursday, the county attorney's office said.", settings=settings)
    assert r.contradictions == []


@pytest.mark.parametrize(
    "first, second",
    [
        ("A former employee shot to death one person at the Halvorsen printing plant on Monday, police said.",
         "A former employee shot three people at the Halvorsen printing plant on Monday, police said."),
        ("Four climbers were taken to hospital after the avalanche near Col Brava on Sunday.",
         "Nine climbers were taken by helicopter after the avalanche near Col Brava on Sunday."),
    ],
)
def test_one_verb_sending_what_it_counts_somewhere_is_not_the_bare_verb(first, second, settings):
    # "shot to death one" counts the dead, "shot three" everyone hit; "taken to hospital" is not "taken"
    assert run(first, second, settings=settings).contradictions == []


def test_a_dispute_topic_names_things_not_pronouns(settings):
    r = run("It was the Kessel stadium's second sell-out game of the season, with a crowd of 41,000 on Saturday.",
            "The Kessel stadium's second sell-out game of the season drew a crowd of 38,500 on Saturday.",
            settings=settings)
    assert [c.topic.split()[0] for c in r.contradictions] == ["crowd"]


@pytest.mark.parametrize(
    "first, second, expected",
    [
        ("Independent candidate Ilse Varga won Sunday's mayoral runoff in Oberlin with 51.8% of the vote, "
         "preliminary results showed. Turnout was 46%.",
         "Ilse Varga has been elected mayor of Oberlin after taking 53.1 percent in Sunday's second round. "
         "Only 46 percent of registered voters took part.",
         {"51.8%", "53.1 percent"}),
        ("Senator Ruth Okafor leads the race for governor with 41% support, a Kessel Institute poll found. "
         "Undecided voters make up 12%.",
         "Ruth Okafor is ahead in the race for governor after polling 38 percent in the latest Kessel Institute "
         "survey. Another 12 percent remain undecided.",
         {"41%", "38 percent"}),
    ],
)
def test_the_one_measure_given_as_one_named_partys_is_one_measure(first, second, expected, settings):
    # each article gives one percentage as Varga's (Okafor's), beside others: the party says
    # what it measures, though the verbs ('won' / 'taking') and nouns ('vote' / none) differ; the report says so
    report = run(first, second, settings=settings)
    assert values(report) == [expected]
    assert "Varga's" in report.contradictions[0].alignment or "Okafor's" in report.contradictions[0].alignment


def test_a_party_with_two_measures_of_a_kind_does_not_pair_by_the_party_alone(settings):
    r = run("Ilse Varga won Sunday's mayoral runoff in Oberlin with 51.8% of the vote; turnout in her home "
            "district, where Varga polled 70%, was higher.",
            "Ilse Varga has been elected mayor of Oberlin after taking 53.1 percent in Sunday's second round.",
            settings=settings)
    assert all("70%" not in {s.value for s in c.sides} for c in r.contradictions)


@pytest.mark.parametrize(
    "text, value, owner, claimant",
    [
        ("Peyton Hillis added 101 yards on the ground for the Chiefs.", "101 yards", "Peyton Hillis", None),
        ("The firm added 2,000 jobs last year, the minister said.", "2,000", None, "minister"),
    ],
)
def test_a_reporting_verb_with_a_figure_as_its_object_means_what_it_says(text, value, owner, claimant, settings):
    # 'added 101 yards' is his yards, not his claim; 'added 2,000 jobs, the minister said' is the minister's claim
    [fact] = [f for f in facts_of(text, "number", settings) if f.text == value]
    assert (fact.name, fact.claimant) == (owner, claimant)


@pytest.mark.parametrize(
    "first, second, expected",
    [
        ("The quake was centered about 3 miles southwest of Cobb, the Geological Survey reported on Sunday.",
         "The quake was centered about 20 miles north of Santa Rosa, the Geological Survey reported on Sunday.",
         []),
        ("Storm Alda made landfall 40 km east of Port Arlen early on Tuesday, the weather service said.",
         "Storm Alda made landfall early on Tuesday, 15 km south of Carrick Haven, the weather service said.",
         []),
        ("Storm Alda made landfall 40 km east of Port Arlen early on Tuesday, the weather service said.",
         "Storm Alda made landfall early on Tuesday, 25 km east of Port Arlen, the weather service said.",
         [{"40 km", "25 km"}]),
    ],
)
def test_a_distance_is_compared_only_with_one_from_the_same_place(first, second, expected, settings):
    # "3 miles southwest of Cobb" and "20 miles north of Santa Rosa" may both be right
    assert values(run(first, second, settings=settings)) == expected


@pytest.mark.parametrize(
    "first, second",
    [
        ("Reggie Wayne caught the winning touchdown pass with four minutes to play at Arrowhead on Sunday.",
         "Reggie Wayne's winning touchdown catch at Arrowhead on Sunday came one week after he returned from injury."),
        ("The river Esk peaked at Marlow on Monday, three days after the heaviest rain, the environment agency said.",
         "The river Esk peaked at Marlow on Monday within two hours of the dam gates being opened, the environment "
         "agency said."),
    ],
)
def test_the_only_lengths_of_time_are_not_one_measure_unless_both_say_how_long(first, second, settings):
    # 'four minutes to play' / 'one week after': a story has many lengths of time; being the only one in each
    # article says nothing, unless both tell how long one thing went on
    assert run(first, second, settings=settings).contradictions == []


@pytest.mark.parametrize(
    "first, second",
    [
        ("Officer Dana Kell is survived by two daughters, ages 9 and 14, the sheriff said on Monday.",
         "Dana Kell, the officer killed on Monday, leaves two daughters, ages 14 and 9, the sheriff said."),
        ("The two Brennick plants to close, in Harlen and Oostwyk, employ 400 and 650 workers, the union said.",
         "Brennick's plants in Harlen and Oostwyk employ 650 and 400 workers, the union said on Thursday."),
    ],
)
def test_values_given_as_a_list_are_not_compared_one_by_one(first, second, settings):
    # "ages 9 and 14" / "ages 14 and 9": which value is whose, the lists do not say
    assert run(first, second, settings=settings).contradictions == []


@pytest.mark.parametrize(
    "text, verb",
    [
        ("The council will vote on Thursday on whether to restrict watering in the city.", "whether to restrict"),
        ("Brennick had not decided whether to shut either of its plants, the company said.", "whether to shut"),
        ("The board will decide next week whether to approve the merger.", "whether to approve"),
    ],
)
def test_an_action_asked_about_with_whether_is_still_open(text, verb, settings):
    # "whether to shut" is a question still open, not a plan; its value says so
    [fact] = [f for f in facts_of(text, "status", settings) if f.text == verb]
    assert fact.status == "considered"


@pytest.mark.parametrize(
    "first, second",
    [
        ("A magnitude 4.6 earthquake struck near Varnholm early on Sunday, the geological survey said.",
         "At least 20 smaller earthquakes struck near Varnholm early on Sunday, the geological survey said."),
        ("Inspectors gave the Kessel bridge a 2.5 rating after Monday's inspection, the transport ministry said.",
         "Inspectors gave the Kessel bridge 3 ratings of poor after Monday's inspection, the transport ministry said."),
    ],
)
def test_a_bare_decimal_is_a_reading_not_a_count(first, second, settings):
    # "a magnitude 4.6 earthquake" measures one quake; "20 earthquakes" counts them
    assert run(first, second, settings=settings).contradictions == []


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # two sentences, two passes or two sentences: the names in the figure's own clause say whose each is
        ("Judge Amara Osei sentenced Daniel Reyes to 12 years in prison on Friday.",
         "Judge Amara Osei sentenced his co-defendant Paul Lindgren to eight years in prison on Friday.", []),
        ("Quarterback Lena Okafor threw a 12-yard touchdown pass to Tom Brandt on Sunday.",
         "Lena Okafor's 30-yard touchdown pass to Mika Lindqvist came on Sunday.", []),
        # the same people, whatever the voice: one figure told two ways
        ("Judge Amara Osei sentenced Daniel Reyes to 12 years in prison on Friday.",
         "Daniel Reyes was sentenced to eight years in prison by Judge Amara Osei on Friday.",
         [{"12 years", "eight years"}]),
        ("Quarterback Lena Okafor threw a 12-yard touchdown pass to Tom Brandt on Sunday.",
         "Lena Okafor's 30-yard touchdown pass to Tom Brandt came on Sunday.", [{"12-yard", "30-yard"}]),
    ],
)
def test_the_people_in_a_figures_clause_say_whose_it_is(first, second, expected, settings):
    assert values(run(first, second, settings=settings)) == expected


@pytest.mark.parametrize(
    "first, second",
    [
        ("Ilse Brandt fired Tomas Vey on Saturday.", "Tomas Vey was fired by Ilse Brandt on Saturday."),
        ("Judge Amara Osei sentenced Daniel Reyes on Friday.", "Daniel Reyes was sentenced by Judge Amara Osei on Friday."),
    ],
)
def test_the_subject_of_a_passive_is_the_one_it_is_done_to(first, second, settings):
    # "Reyes was sentenced by Osei" names the same two people as "Osei sentenced Reyes", in the same parts
    assert run(first, second, settings=settings).contradictions == []


@pytest.mark.parametrize(
    "first, second",
    [
        ("She did not attend the council meeting on Monday, officials said.",
         "A woman was arrested outside the council offices on Friday, officials said."),
        ("They were not allowed back into the stadium on Monday, the club said.",
         "Fans were evacuated from the stadium on Saturday, the club said."),
    ],
)
def test_a_pronoun_says_nothing_of_what_happened(first, second, settings):
    # 'she' is near 'woman' as words go, but names no event: two days of two happenings
    assert run(first, second, settings=settings).contradictions == []


@pytest.mark.parametrize(
    "first, second",
    [
        ("A climber, Robert Buckley, slipped on ice and fell 700 metres on Saturday.",
         "A second climber, Duncan Rait, slipped on ice and fell 200 metres on Saturday."),
        ("The chief executive, Tom Hale, bought shares and spent $4 million on them last week.",
         "The founder, Ana Pereira, bought shares and spent $2 million on them last week."),
    ],
)
def test_a_subject_shared_by_two_verbs_says_whose_figure_it_is(first, second, settings):
    # 'Buckley slipped and fell 700 metres': Buckley fell, though 'fell' has no subject of its own
    assert run(first, second, settings=settings).contradictions == []


@pytest.mark.parametrize(
    "text, verb, status",
    [
        # the parser sometimes hangs the 'not' on the auxiliary ('been'), not on the verb
        ("The study, which followed 900 patients for a decade, has not yet been peer reviewed and was posted "
         "online this week.", "has not yet been peer reviewed", "not"),
        ("The vaccine trial, which enrolled 3,000 volunteers over two years, has not yet been peer reviewed and "
         "was released on Tuesday.", "has not yet been peer reviewed", "not"),
        # a second verb with its own auxiliary has its own state: 'was published' happened
        ("The order has not been signed and was published on Monday.", "published", "done"),
        ("The results have not yet been certified and were published on Monday.", "published", "done"),
    ],
)
def test_a_negation_is_read_where_the_parser_puts_it(text, verb, status, settings):
    [fact] = [f for f in facts_of(text, "status", settings) if f.text == verb]
    assert fact.status == status


@pytest.mark.parametrize(
    "first, second, expected",
    [
        ("Tomas Ortega on Friday became the third minister to resign from the cabinet this month.",
         "Two ministers have resigned from the cabinet this month.", [{"third", "Two"}]),
        ("Lina Haddad was the fifth journalist to be killed in the country this year, the press union said.",
         "Four journalists have been killed in the country this year, the press union said.", [{"fifth", "Four"}]),
        ("Lina Haddad was the fifth journalist to be killed in the country this year, the press union said.",
         "Five journalists have been killed in the country this year, the press union said.", []),
    ],
)
def test_an_ordinal_on_what_happened_implies_a_count(first, second, expected, settings):
    # "the third minister to resign": at least three have resigned
    assert values(run(first, second, settings=settings)) == expected


@pytest.mark.parametrize("text", ["Vell scored his second goal of the night in the 80th minute.",
                                  "Shares rose in the third quarter, the company said."])
def test_an_ordinal_that_is_not_about_what_happened_counts_nothing(text, settings):
    assert [f.text for f in facts_of(text, "number", settings) if f.text in ("second", "third")] == []


def test_the_one_an_ordinal_says_did_it_did_it(settings):
    # "the third minister to resign" resigned: an infinitive, but not a plan
    [fact] = [f for f in facts_of("Tomas Ortega became the third minister to resign this month.", "status", settings)
              if f.text == "resign"]
    assert fact.status == "done"


@pytest.mark.parametrize(
    "first, second",
    [
        ("Voters gave the Greens the #2 spot on the council on Sunday.",
         "Voters gave the Greens 5 spots on the council on Sunday."),
        ("Harlow is now the No. 3 port in the country for container traffic.",
         "Harlow is one of 12 ports in the country handling container traffic."),
    ],
)
def test_a_rank_is_not_a_count(first, second, settings):
    # "the #2 spot", "the No. 3 port": a place in an order
    assert run(first, second, settings=settings).contradictions == []


@pytest.mark.parametrize(
    "first, second",
    [
        ("Police stopped the lorry on State Route 94 near Interstate 805 at 2 a.m.",
         "Police stopped the lorry on State Route 52 after a chase, with 805 kilograms of cargo on board."),
        ("The airline said Flight 370 carried 239 people.",
         "The airline said the plane carried 227 passengers and 12 crew on Flight 307."),
    ],
)
def test_the_number_in_a_name_is_not_a_count(first, second, settings):
    # 'Route 94' / 'Route 52', 'Flight 370' / 'Flight 307': which road or flight, written as a name
    assert [c for c in run(first, second, settings=settings).contradictions if c.kind == "number"] == []
    counted = run("Police stopped 94 lorries near the border.", "Police stopped 52 lorries near the border.",
                  settings=settings)
    assert values(counted) == [{"94", "52"}]  # a count comes before its noun


@pytest.mark.parametrize(
    "first, second",
    [
        ("The two strikers scored two goals each in the final on Sunday.",
         "The two strikers scored four goals in the final on Sunday."),
        ("The three suspects were fined 400 euros each on Monday.", "The three suspects were fined 1,200 euros on Monday."),
        ("Both nurses worked 60 hours each during the outbreak last week.",
         "Both nurses worked 120 hours during the outbreak last week."),
    ],
)
def test_a_figure_for_each_one_is_not_the_total(first, second, settings):
    # "two goals each" is each striker's; "four goals" is both strikers'
    assert run(first, second, settings=settings).contradictions == []


def test_the_single_source_places_go_first_to_sentences_with_most_to_check(settings):
    # six places per article: the sentence with two figures no one else gives is listed before those with one
    detailed = ("The ferry left Kells harbour at dawn on Friday. It carried 40 cars on its lower deck. "
                "Crew members said the sea was calm for 3 hours. A storm front reached the strait at noon. "
                "Waves of 4 metres battered the ship near the cape. The captain radioed the coastguard in Arden. "
                "A lifeboat from Corran reached the vessel within the hour. "
                "By evening 212 passengers and 31 crew had been landed at Corran pier.")
    brief = ("A ferry ran into trouble in a storm on Friday, the coastguard said, and everyone aboard was brought "
             "ashore safely in the evening.")
    claims = [c.text for c in run(detailed, brief, settings=settings).single_source_claims]
    assert len(claims) == 6
    assert "By evening 212 passengers and 31 crew had been landed at Corran pier." in claims


@pytest.mark.parametrize(
    "text, value",
    [
        ("The '66 squad gained 380 yards rushing against Denver.", "380 yards"),
        ("The class of ’09 raised $40,000 for the school library.", "$40,000"),
    ],
)
def test_a_year_written_short_is_an_earlier_time_not_a_count(text, value, settings):
    facts = {f.text: f for f in dated_facts(text, "number", settings)}
    assert "background" in facts[value].qualifiers
    assert not [t for t in facts if t in ("66", "09")]


@pytest.mark.parametrize(
    "text, listed",
    [
        # (the last, after sets split one each, is the deciding set: see the deciding-set test)
        ("Marek Holt won the final 6-4, 3-6, 7-5 in just under three hours.", {"6-4", "3-6"}),
        ("Marek Holt won the final 6-4, 6-3, 7-5 in just under three hours.", {"6-4", "6-3", "7-5"}),
        ("The Otters beat Dunmore 3-1 and 2-2 in their two league meetings.", {"3-1", "2-2"}),
        # two records of two things, not one list: each can be compared with another outlet's
        ("The Wolves were 4-4 on the road and moved their record to 9-1 at home.", set()),
        ("The bill passed the lower house 61-39 on Tuesday and the senate approved it 30-20 on Friday.", set()),
    ],
)
def test_only_scores_side_by_side_are_one_list(text, listed, settings):
    facts = facts_of(text, "number", settings)
    assert {f.text for f in facts if f.figure.score and "listed" in f.qualifiers} == listed


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # for or with whom it was done differs: two careers, two records
        ("Mara Quint, the new director, had worked for the city council for 12 years before joining the trust.",
         "Quint had been working with the housing charity for the last three years, a colleague said.", []),
        ("Tomasz Brenn played 40 matches for the reserve side before his transfer to Dunmore.",
         "Brenn played 12 matches for the national team before his transfer to Dunmore.", []),
        # the same one on both sides: one record, two figures
        ("Mara Quint, the new director, had worked for the city council for 12 years before joining the trust.",
         "Quint had been working for the city council for the last 15 years, a colleague said.",
         [{"12 years", "15 years"}]),
    ],
)
def test_figures_done_for_or_with_different_ones_are_not_compared(first, second, expected, settings):
    assert values(run(first, second, settings=settings)) == expected


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # an aside about another event, in towns no other sentence names, is not this story's count
        ("A gunman shot three people at a warehouse in Dayton, Ohio, on Monday morning. Police in Dayton arrested "
         "a suspect two hours later.",
         "Police in Dayton said a suspect was in custody after the warehouse attack. In March, a gunman shot five "
         "people at a school in Salem, Oregon, before he was arrested.", []),
        ("About 2,000 people were evacuated in Shrewsbury on Tuesday as the river rose. Shrewsbury's mayor said the "
         "levee held.",
         "Officials in Shrewsbury said the levee held overnight. In April, 9,000 people were evacuated in "
         "Sacramento, California.", []),
        # the story's own town on both sides: two counts of one event
        ("A gunman shot three people at a warehouse in Dayton, Ohio, on Monday morning. Police in Dayton arrested "
         "a suspect two hours later.",
         "A gunman shot five people at a warehouse in Dayton, police said. The mayor of Dayton called it a tragedy.",
         [{"three", "five"}]),
    ],
)
def test_a_count_in_a_town_named_once_is_not_the_storys(first, second, expected, settings):
    assert values(run(first, second, settings=settings)) == expected


@pytest.mark.parametrize(
    "text, value, place",
    [
        # the tagger reads some towns it does not know as locations, not cities
        ("A gunman shot three people at a suburban Kestrel Bay office building on Monday morning.", "three",
         "kestrel bay"),
        ("Floods forced 400 people from their homes in the Rhine Valley on Sunday.", "400", "rhine valley"),
    ],
)
def test_a_figure_keeps_a_place_the_tagger_calls_a_location(text, value, place, settings):
    [fact] = [f for f in facts_of(text, "number", settings) if f.text == value]
    assert place in fact.places


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # 'set off', 'kick off' and 'begin' all say when something started
        ("The parade set off from the town hall at 10 a.m. and wound through the old town.",
         "The parade began at 11 a.m., an hour late, because of a burst water main on the route.",
         [{"10 a.m.", "11 a.m."}]),
        ("The drivers' strike kicked off at 6 a.m. on Monday, the union said.",
         "The drivers' strike started at 5 a.m. on Monday, with pickets at every depot.",
         [{"6 a.m.", "5 a.m."}]),
        # a start and an end are two moments, not two versions of one
        ("The parade set off from the town hall at 10 a.m. and wound through the old town.",
         "The parade ended at 1 p.m. outside the cathedral, organisers said.", []),
        ("Voting began at 7 a.m. in the capital, the commission said.",
         "Voting ended at 9 p.m. in the capital, the commission said.", []),
        # what happened to one thing differs: two counts ('killed' / 'injured' in one blast)
        ("Seven people were killed in the blast at the fuel depot, the fire service said.",
         "Twelve people were injured in the blast at the fuel depot, according to the fire service.", []),
    ],
)
def test_verbs_of_starting_give_one_moment(first, second, expected, settings):
    assert values(run(first, second, settings=settings)) == expected


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # one decision said of two nouns for one kind of thing ('study' / 'research', 'result' / 'outcome')
        ("The peer-reviewed study, which appeared in a medical journal, followed 900 nurses for a decade.",
         "The research, which tracked nurses in three hospitals, has not yet been peer reviewed and was posted "
         "online this week.", [{"reviewed", "has not yet been peer reviewed"}]),
        ("Two-thirds of members approved the final result of the ballot on Friday, the union said.",
         "The outcome of the ballot has not been approved by members, the union said on Friday.",
         [{"approved", "has not been approved"}]),
        # an infinitive saying what something was done for is neither a plan nor a fact
        ("Crews closed the line on Sunday to begin the repairs, the operator said.",
         "The repairs began on Sunday after the line was closed, the operator said.", []),
        ("The Hawks started the game with a three-and-out before scoring twice.",
         "After holding the Hawks to three plays to start the game, the Lions scored on a long pass.", []),
    ],
)
def test_the_state_of_one_decision_about_one_kind_of_thing(first, second, expected, settings):
    assert values(run(first, second, settings=settings)) == expected


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # two nouns for one thing, told apart from others by the places that name it ('depots' / 'warehouses'),
        # and an object pronoun read as the noun before it ('shut them', 'reopen both of them')
        ("Torvane will close its depots in Marsby and Kell and cut 300 jobs, chief executive Lena Holt said.",
         "Chief executive Lena Holt said the company was considering cuts at its Marsby and Kell warehouses but had "
         "not decided whether to shut them.", [{"will close", "whether to shut"}]),
        ("The county council will reopen the Ashgrove and Penley libraries in March, officials said.",
         "Officials said the authority was still reviewing its branches in Ashgrove and Penley and had not decided "
         "whether to reopen both of them.", [{"will reopen", "whether to reopen"}]),
        # places that name two different things: two outcomes, not two versions of one
        ("The county council will reopen the Ashgrove library in March, officials said.",
         "Officials said the county council was still considering whether to reopen its branch in Penley.", []),
        ("Torvane will close its depot in Marsby and cut 300 jobs, chief executive Lena Holt said.",
         "Chief executive Lena Holt said the company was considering cuts at its Kell warehouse but had not decided "
         "whether to shut it.", []),
    ],
)
def test_an_outcome_is_of_the_thing_its_names_pick_out(first, second, expected, settings):
    assert values(run(first, second, settings=settings)) == expected


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # one title, one surname, two first names: one person, named wrongly by one outlet
        ("Fire Chief Siobhan Adair said the blaze was under control by midnight, and no one was hurt.",
         "Fire Chief Shivaun Adair told reporters that the blaze was under control by midnight.",
         [{"Siobhan Adair", "Shivaun Adair"}]),
        ("Club captain Eoghan Reilly said the squad had trained twice on Monday before the final.",
         "Club captain Owen Reilly told reporters the squad had trained twice on Monday.",
         [{"Eoghan Reilly", "Owen Reilly"}]),
        # a short form of one first name, or two people with two titles
        ("Police Chief Jon Marsh said the road would stay closed until Monday.",
         "Police Chief Jonathan Marsh told reporters the road would stay closed until Monday.", []),
        ("Judge Amy Chen said the trial would resume on Monday.",
         "Prosecutor Robert Chen said the trial would resume on Monday.", []),
    ],
)
def test_one_title_and_surname_with_two_first_names_is_one_person_misnamed(first, second, expected, settings):
    assert values(run(first, second, settings=settings)) == expected


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # times of arriving at two named places are two moments, not two versions of one
        ("Early on Friday, around 2 a.m., the singer checked into St Mary's Hospital in Westbury, her publicist "
         "said.",
         "According to a tabloid, the singer showed up to Harbourview Clinic at around noon on Friday, then left "
         "after a few minutes.", []),
        ("The minister arrived at Heathrow at 7 a.m. on Tuesday, officials said.",
         "The minister arrived at Gatwick at 11 a.m. on Tuesday, after a delayed flight from Oslo.", []),
        # one place, two times: a dispute
        ("Early on Friday, around 2 a.m., the singer checked into St Mary's Hospital in Westbury, her publicist "
         "said.",
         "The singer checked into St Mary's Hospital at 4 a.m. on Friday, a hospital spokesman said.",
         [{"2 a.m.", "4 a.m."}]),
    ],
)
def test_times_of_arriving_at_two_named_places_are_not_compared(first, second, expected, settings):
    assert values(run(first, second, settings=settings)) == expected


@pytest.mark.parametrize(
    "text, value, counted",
    [
        ("Police put the march, to mark a 24-hour nationwide strike, at roughly 30,000 people.", "roughly 30,000",
         "march"),
        ("Officials put the death toll, citing hospital records, at 112 on Sunday.", "112", "toll"),
    ],
)
def test_a_phrase_after_an_aside_belongs_to_the_main_verb(text, value, counted, settings):
    # the parser hangs 'at ...' on the aside's verb ('to mark', 'citing'); the figure is what was put at it, a
    # count of what is there, not a plan
    [fact] = [f for f in facts_of(text, "number", settings) if f.text == value]
    assert fact.predicate == "put" and counted in fact.anchor and "forecast" not in fact.qualifiers


@pytest.mark.parametrize(
    "first, second, said",
    [
        ("Finance minister Aldo Ferran never attended the summit in Rivalta, his office said on Tuesday.",
         "Aldo Ferran attended the summit in Rivalta on Monday and met the bank's governor there.",
         {"attended", "never attended"}),
        # one person named by first name in one outlet and by surname in another: the cluster gives the full name
        ("Skier Maria Keller withdrew from the race in Wengen on Sunday. Maria never boarded the team bus to Wengen, "
         "her coach said.",
         "Keller boarded the team bus to Wengen at 7 a.m. on Sunday but withdrew before the start.",
         {"boarded", "never boarded"}),
    ],
)
def test_an_event_a_named_person_is_said_not_to_have_done(first, second, said, settings):
    [c] = [c for c in run(first, second, settings=settings).contradictions if c.kind == "status"]
    assert {s.value for s in c.sides} == said and len(c.sides) == 2


@pytest.mark.parametrize(
    "first, second",
    [
        # a refusal or hope is not a denial that it happened
        ("Aldo Ferran would not attend the summit in Rivalta, his office said last week.",
         "Aldo Ferran attended the summit in Rivalta on Monday and met the bank's governor there."),
        # not going to one named place is no denial of going to another
        ("Kai Moreau never checked into the Arcadia Lodge, the team said on Friday.",
         "Kai Moreau checked into the Bellmont Inn on Friday night, the team said."),
        # who did not do it is not named
        ("The man was not wearing a helmet when he fell, police said.",
         "Jon Hale was wearing a helmet when he fell, police said."),
    ],
)
def test_what_is_no_denial_of_an_event_is_not_compared(first, second, settings):
    assert status_disputes(first, second, settings) == []


def test_a_one_word_name_is_resolved_only_to_the_one_full_name_the_cluster_gives(settings):
    from factcheck.graph.facts import full_names

    graph = build_graph(prepare([
        ArticleIn(id="a", source="A", text="Skier Maria Keller withdrew from the race. Jerry Ortiz and Chela Ortiz "
                                           "watched from the stands."),
        ArticleIn(id="b", source="B", text="Keller withdrew before the start, Ortiz said."),
    ], settings=settings))
    names = full_names(graph.cluster)
    assert names.get("Keller") == "Maria Keller" and "Ortiz" not in names


@pytest.mark.parametrize(
    "first, second",
    [
        # names the tagger does not know, or takes for a firm: the proper nouns still say who did it
        ("Aarav Quillan left the camp early on Sunday. Aarav never boarded the ferry to Tallinby, his coach said.",
         "Quillan boarded the ferry to Tallinby at 7 a.m. on Sunday, officials said."),
        ("Dagny Halvard was ill in May. Dagny never attended the hearing in Maresford, her lawyer said.",
         "Halvard attended the hearing in Maresford on Monday, court records show."),
        # one place, named short and in full
        ("Aarav Quillan left the clinic on Friday. Aarav never checked into Dunleavy, his lawyer said.",
         "Quillan checked into the Dunleavy Recovery Center on Thursday morning but left after an hour."),
    ],
)
def test_a_denied_event_of_a_name_the_tagger_does_not_know(first, second, settings):
    [c] = [c for c in run(first, second, settings=settings).contradictions if c.kind == "status"]
    assert len(c.sides) == 2


@pytest.mark.parametrize(
    "first, second, expected",
    [
        ("Thieves raided a bakery in the Old Mill district of Carrow early on Friday, police said.",
         "Thieves raided a bakery in Carrow's Stonegate quarter early on Friday, police said.",
         [{"Old Mill", "Stonegate"}]),
        ("A water main burst under the Ashby neighbourhood on Sunday, leaving thousands of homes dry.",
         "A water main burst on Sunday under the Kingsmead and Elmore areas, leaving thousands of homes dry.",
         [{"Ashby", "Kingsmead"}]),
        # one named thing placed in two parts of town, whatever else the sentences say
        ("A recount has been ordered in the rural district of Orrinford, where the Farmers' Union trailed.",
         "The commission has not yet certified Sunday's results because of a recount in the district of Orrinworth.",
         [{"Orrinford", "Orrinworth"}]),
        ("A gas leak forced the evacuation of a primary school in the Millbrook district on Tuesday morning, the fire "
         "service said.",
         "Pupils were led onto the playing fields after staff smelled gas, according to teachers at the school, which "
         "stands in the Ashcombe quarter.",
         [{"Millbrook", "Ashcombe"}]),
        # one part of town, named alike
        ("Thieves raided a bakery in the Old Mill district of Carrow early on Friday, police said.",
         "Thieves raided a bakery in Carrow's Old Mill quarter early on Friday, police said.", []),
        # two things in two parts of town
        ("A gas leak forced the evacuation of a primary school in the Millbrook district on Tuesday morning.",
         "Fire crews said a bakery burned down in the Ashcombe quarter on Tuesday, hours after a gas leak.", []),
    ],
)
def test_two_parts_of_town_for_one_event_disagree(first, second, expected, settings):
    report = run(first, second, settings=settings)
    assert values(report) == expected
    assert all(c.topic == "which part of town" for c in report.contradictions)


def test_the_town_a_named_district_lies_in_is_not_a_part_of_town(settings):
    other = ArticleIn(id="b", source="B", text="Crews and officials were busy in the city on Saturday.")
    text = "Thieves raided a bakery in the Old Mill district of Carrow, and the district of Brennan was closed."
    graph = build_graph(prepare([ArticleIn(id="a", source="A", text=text), other], settings=settings))
    assert sorted(f.text for f in graph.facts.facts if f.role == "area") == ["Brennan", "Old Mill"]


@pytest.mark.parametrize(
    "text, name, role",
    [
        # a reporting verb with its own object means what it says
        ("Mateo Arraz struck twice for Redmoor, and Daniel Fenn added a third in stoppage time.", "Daniel Fenn",
         "subj"),
        ("Rosa Lind wrote three novels about the war in the north before her death.", "Rosa Lind", "subj"),
        # with a clause or a quotation it gives an account
        ("Daniel Fenn added that the team had deserved the win.", "Daniel Fenn", "speaker"),
        ("Rosa Lind wrote that the plan had failed long before the vote.", "Rosa Lind", "speaker"),
    ],
)
def test_a_reporting_verb_with_its_own_object_is_no_account(text, name, role, settings):
    [fact] = [f for f in facts_of(text, "name", settings) if f.text == name]
    assert fact.role == role


def dated_run(*texts, settings):
    articles = [ArticleIn(id=f"a{i}", source=f"Outlet {i}", text=t, published="2026-03-03") for i, t in enumerate(texts)]
    return analyze(articles, engine="local", settings=settings)


@pytest.mark.parametrize(
    "first, second, expected",
    [
        ("The museum was closed for repairs on Monday. Residents of Harwick in 2019 approved a $12 million bond "
         "to expand the museum.",
         "The museum shut its doors on Monday. Harwick residents in 2020 approved a $12 million bond to expand the "
         "museum, records show.", {"2019", "2020"}),
        ("Dorsey was convicted in March 2024 of fraud, prosecutors said.",
         "Dorsey was convicted in May 2024 of fraud, the court heard.", {"March 2024", "May 2024"}),
    ],
)
def test_two_months_or_years_of_one_event_are_compared(first, second, expected, settings):
    assert values(dated_run(first, second, settings=settings)) == [expected]


@pytest.mark.parametrize(
    "first, second",
    [
        ("Dorsey was convicted in March 2024 of fraud, prosecutors said.",
         "Dorsey was convicted on March 12, 2024 of fraud, the court heard."),  # a month holds its days
        ("The plant opened in 1998 and employs 300 people.", "The plant, which was sold in 2006, employs 300 people."),
        ("The ferry service began in 1998, the council said.", "The council launched the bus service in 2006."),
    ],
)
def test_months_and_years_of_different_events_or_one_day_are_not_disputed(first, second, settings):
    assert values(dated_run(first, second, settings=settings)) == []


def test_days_put_on_two_steps_named_by_two_nouns_are_two_events(settings):
    # 'is scheduled for' / 'is set for' only date what the noun names: the sentencing and the trial, the
    # nomination and the election (ECB+ topics 45 and 11) are two steps, however near the nouns read
    for first, second in (("His sentencing is scheduled for November 8.",
                           "Trial is set for June 17 for Marlow, who is accused of the shooting."),
                          ("Nomination of candidates for the national parliament will take place from October 16 to "
                           "November 14.", "The commission plans to hold elections on December 15.")):
        assert run(first, second, settings=settings).contradictions == []
    # one step's two days are still disputed
    assert same_disputes(run("His sentencing is scheduled for November 8.",
                             "His sentencing is set for November 15, the court said.", settings=settings),
                         [{"November 8", "November 15"}])
    assert same_disputes(run("The election will be held on December 15.",
                             "The election will take place on December 22, officials said.", settings=settings),
                         [{"December 15", "December 22"}])


@pytest.mark.parametrize(
    "text, outcomes",
    [
        ("A gunman opened fire inside the Harbour Mall on Saturday, police said.", []),
        ("Border guards fired on the convoy near the Tarn crossing and fired three warning shots.", []),
        ("Shots were fired at the station shortly after midnight.", []),
        ("The Harbour Mall opened at 9 a.m. on Saturday.", ["open"]),
        ("The club fired its coach on Monday.", ["leave"]),
        ("Wessel was fired on Monday, a week after the vote.", ["leave"]),
    ],
)
def test_gunfire_is_not_an_opening_or_a_dismissal(text, outcomes, settings):
    assert [f.predicate for f in facts_of(text, "status", settings)] == outcomes


@pytest.mark.parametrize("text", [
    "Investors cheered Rennick Holdings’ 12 percent rise in profit on Tuesday.",
    "Reyes’ 226 yards rushing set a club record on Sunday.",
])
def test_a_plural_possessive_with_a_curly_apostrophe_names_whose_figure_it_is(text, settings):
    curly = facts_of(text, "number", settings)
    straight = facts_of(text.replace("’", "'"), "number", settings)
    assert curly and (curly[0].name or curly[0].parties)
    assert [(f.text, f.name, f.head, f.parties) for f in curly] == [(f.text, f.name, f.head, f.parties)
                                                                   for f in straight]
    assert text[curly[0].start : curly[0].end] == curly[0].text  # offsets still point into the original


@pytest.mark.parametrize("text, whole, part", [
    ("Five people were killed in the fire in Dunmore on Monday, including two children.", "Five", "two"),
    ("Harlow Foods cut 300 jobs on Monday, including 40 at its Leeds plant.", "300", "40"),
])
def test_a_listing_word_marks_the_part_it_names_not_the_whole(text, whole, part, settings):
    qualifiers = {f.text: f.qualifiers for f in facts_of(text, "number", settings)}
    assert "part" in qualifiers[part]
    assert "part" not in qualifiers[whole]


@pytest.mark.parametrize("first, second, expected", [
    ("Five people were killed in the fire in Dunmore on Monday, including two children, police said.",
     "Six people were killed in the fire in Dunmore on Monday, police said.", [{"Five", "Six"}]),
    ("Harlow Foods cut 300 jobs on Monday, including 40 at its Leeds plant.",
     "Harlow Foods cut 350 jobs on Monday, the company said.", [{"300", "350"}]),
    # one outlet gives the whole and its part; another gives the part: not two values for one thing
    ("Harlow Foods cut 300 jobs on Monday, including 40 at its Leeds plant.",
     "Harlow Foods cut 40 jobs at its Leeds plant on Monday.", []),
    ("Quist threw for 310 yards against Calder on Sunday, including a 75-yard pass to Feld.",
     "Quist threw for 75 yards against Calder on Sunday.", []),
    # two counts side by side are not a whole and its part
    ("Police said 18 people had been injured in the riots and 12 arrested on Monday.",
     "Police said 12 people were injured in the riots on Monday.", [{"12", "18"}]),
])
def test_a_whole_is_compared_with_a_whole_and_not_with_its_own_part(first, second, expected, settings):
    assert values(run(first, second, settings=settings)) == expected


@pytest.mark.parametrize("text, value, background", [
    ("In June 2025, a 3.1 quake struck two miles north of Calder.", "3.1", True),
    ("On December 4, 2025, the council approved a 6% rise in bus fares.", "6%", True),
    ("In February 2026, the council approved a 6% rise in bus fares.", "6%", False),  # last month: this story
    ("A 4.4 quake struck two miles north of Calder on Sunday.", "4.4", False),
    # a month named alone is read with its preposition: 'In August' in a March story is last August
    ("In August, a gunman opened fire at a depot in Calder, killing three.", "three", True),
    ("In November, the airline carried 4.1 million passengers.", "4.1 million", True),
    ("In February, the council approved a 6% rise in bus fares.", "6%", False),
])
def test_a_figure_dated_months_before_the_article_is_background(text, value, background, settings):
    [fact] = [f for f in dated_facts(text, "number", settings) if f.text == value]  # published 2026-03-03
    assert ("background" in fact.qualifiers) is background


@pytest.mark.parametrize("text, party", [
    ("Calder ended the game with 352 yards rushing on Sunday.", "Calder"),
    ("Harlow Foods finished the year with 1,200 staff working from home.", "Harlow Foods"),
])
def test_a_figure_hung_on_with_belongs_to_the_subject_of_the_verb(text, party, settings):
    [fact] = facts_of(text, "number", settings)
    assert ("subj", party) in fact.parties


def test_a_teams_total_is_not_set_against_one_players(settings):
    r = run("Calder ended the game with 352 yards rushing on Sunday.",
            "Reyes rushed for a total of 226 yards against Harwick on Sunday.", settings=settings)
    assert values(r) == []


@pytest.mark.parametrize("text, party", [
    ("Yilmaz had three catches on Sunday, bringing his season total to 43.", "Yilmaz"),  # tagged as a town
    ("Portugal cut its budget deficit by 3% last year, the ministry said.", "Portugal"),
])
def test_a_place_that_is_the_subject_is_whose_figure_it_is(text, party, settings):
    fact = facts_of(text, "number", settings)[0]
    assert ("subj", party) in fact.parties


def test_two_players_catches_are_not_two_accounts_of_one_count(settings):
    r = run("Castellanos had five catches for Varnholm on Sunday.",
            "Yilmaz had three catches on Sunday, bringing his season total to 43.", settings=settings)
    assert values(r) == []


@pytest.mark.parametrize("text", [
    "Kwame Osei’s strike a minute from time settled the contest on Saturday.",
    "“We will appeal,” said Halden’s spokeswoman Ana O’Neill on Tuesday.",
])
def test_a_names_value_is_the_articles_own_characters(text, settings):
    facts = [f for kind in ("name", "attribution") for f in facts_of(text, kind, settings)]
    assert facts and all(text[f.start : f.end] == f.text for f in facts)


@pytest.mark.parametrize("text, value, head, predicate", [
    ("Vance capped the 80-yard game winning drive with a touchdown pass to Mills.", "80-yard", "drive", "cap"),
    ("Kerr made a 30-metre game saving run in the last minute.", "30-metre", "run", "make"),
])
def test_a_verb_form_that_qualifies_a_noun_is_not_the_figures_verb(text, value, head, predicate, settings):
    [fact] = [f for f in facts_of(text, "number", settings) if f.text == value]
    assert (fact.head, fact.predicate) == (head, predicate)


@pytest.mark.parametrize("text, value, predicate", [
    ("The deputy, who was wed about three weeks ago, is survived by his wife.", "about three weeks", "wed"),
    ("Power was reconnected to 4,000 homes in Calder by noon on Sunday.", "4,000", "reconnect"),
    ("Crews had unblocked 12 roads in Dunmore by Monday evening.", "12", "unblock"),
])
def test_a_verb_the_rule_lemmatizer_cannot_read_keeps_a_known_lemma(text, value, predicate, settings):
    [fact] = [f for f in facts_of(text, "number", settings) if f.text == value]
    assert fact.predicate == predicate


@pytest.mark.parametrize("first, second", [
    ("Ellis was arrested on Tuesday over the shooting outside the Dunmore school, police said.",
     "Ellis was arrested on Thursday over the shooting outside the Dunmore school, police said."),
    ("The Calder bridge was closed to traffic on Monday after inspectors found cracks, the council said.",
     "The Calder bridge was closed to traffic on Friday after inspectors found cracks, the council said."),
])
def test_weekdays_of_articles_published_months_apart_are_different_days(first, second, settings):
    assert date_disputes(first, "2011-10-26", second, "2013-04-12", settings) == []
    assert len(date_disputes(first, "2011-10-26", second, "2011-10-28", settings)) == 1


@pytest.mark.parametrize("first, second", [
    ("“It was a hard night for everyone in the town,” said Mayor Ida Berg on Sunday.",
     "The Courier saw the vigil as the town's \"Night of the Town,\" writing that it \"brought everyone out.\""),
    ("“It is an honour to welcome back the choir as the star of the biggest music festival of the year,” said "
     "festival director Ana Roth.",
     "The Gazette saw the choice of the choir as part of the festival's \"Year of the Voice,\" writing that the "
     "festival \"will fill every hall in town.\""),
    # common words in one order, and one topic: two sayings
    ("“There's a lot of anger here,” said councillor Ann Dunne, whose ward includes the estate.",
     "“There's a lot of crime in the neighbourhood and people are scared,” a local shopkeeper told the Courier."),
    ("“There is a lot of anger in the town tonight,” said councillor Ann Dunne.",
     "“There is a lot of fear in the town,” said shopkeeper Tom Byrne."),
])
def test_a_short_phrase_sharing_a_few_common_words_is_not_the_same_quotation(first, second, settings):
    # 'Night of the Town' shares 'night', 'the', 'town' with the mayor's words: three words any two may share
    assert [c for c in run(first, second, settings=settings).contradictions if c.kind == "attribution"] == []
    # one saying given to two people is still raised
    r = run("“We are not where we want to be,” chief executive Lena Marsh told analysts on Tuesday.",
            "“We are not where we want to be, and we are acting on it,” finance chief Omar Vell said in a statement.",
            settings=settings)
    assert [c.kind for c in r.contradictions] == ["attribution"]


@pytest.mark.parametrize("first, second, days", [
    ("All lines were restored to the network as of 4 November 02:00 GMT, the operator said.",
     "The operator said its lines were restored to the network at 10:57 on 11 October.", {"4 November", "11 October"}),
    ("The last trains were running again as of 9 June 05:30, the rail company said.",
     "The rail company said the last trains were running again at 08:15 on 2 June.", {"9 June", "2 June"}),
])
def test_times_of_day_on_two_different_days_are_not_compared(first, second, days, settings):
    # '02:00' on 4 November and '10:57' on 11 October: the days disagree, the clock times are not a second dispute
    assert values(run(first, second, settings=settings)) == [days]


@pytest.mark.parametrize("first, second", [
    ("Mr Hale, of Granby Road, Kellford, who was arrested on Monday, has been charged with arson.",
     "Hale had been living in North Wales with his mother for the past three years and they had moved back to "
     "Kellford around six weeks ago."),
    ("Mrs Doyle, of Station Road, Brampton, who was questioned on Friday, has been released on bail.",
     "Doyle had lived in South Yorkshire with her sister for the past four years and they had moved back to "
     "Brampton in May."),
])
def test_a_home_left_before_is_not_set_against_where_someone_lives(first, second, settings):
    # 'had been living in North Wales' before moving back: a former home, not another account of the address
    assert [c for c in run(first, second, settings=settings).contradictions if c.kind == "name"] == []


@pytest.mark.parametrize("first, second, earlier, later", [
    ("Sarah Collins, 41, was charged with arson on Monday, police said.",
     "Sarah Collins, 42, was convicted of arson on Friday at Kell Crown Court.", "2022-02-14", "2022-11-18"),
    ("Coach Mark Davies, 58, was sacked by Kell Rovers on Monday.",
     "Mark Davies, 59, who was sacked by Kell Rovers in March, has joined a rival club.", "2021-03-01", "2021-12-10"),
])
def test_a_person_is_a_year_older_in_a_story_months_later(first, second, earlier, later, settings):
    def ages(first_published, second_published):
        articles = [ArticleIn(id="a", source="A", text=first, published=first_published),
                    ArticleIn(id="b", source="B", text=second, published=second_published)]
        return [c for c in analyze(articles, engine="local", settings=settings).contradictions if c.kind == "number"]

    assert ages(earlier, later) == []  # a birthday between the two stories
    assert len(ages(earlier, earlier)) == 1  # one week's stories give one age
    assert len(ages(later, earlier)) == 1  # younger in the later story: a dispute


@pytest.mark.parametrize("first, second", [
    ("Striker Tomas Brandt was sent off on Saturday for a late tackle, the league said.",
     "Defender Ivo Lemke was sent off on Sunday for a late tackle, the league said."),
    ("Councillor Mara Quist was arrested on Monday over the fraud, police said.",
     "Councillor Jonas Feld was arrested on Thursday over the fraud, police said."),
])
def test_days_of_one_kind_of_event_told_of_two_people_are_not_compared(first, second, settings):
    # Brandt's red card and Lemke's are two events, whatever day each was
    assert date_disputes(first, "2025-03-10", second, "2025-03-10", settings) == []
    # one person, two days: a dispute
    same = second.replace("Defender Ivo Lemke", "Striker Tomas Brandt").replace("Jonas Feld", "Mara Quist")
    assert len(date_disputes(first, "2025-03-10", same, "2025-03-10", settings)) == 1


@pytest.mark.parametrize("first, first_published, second, second_published", [
    ("The power cut began on Tuesday, the grid operator said.", "2024-03-02",
     "The power cut began on Saturday, May 18, the grid operator said.", "2024-05-20"),
    ("Dockers at the port walked out on Thursday, the union said.", "2023-06-10",
     "Dockers at the port walked out on Friday, September 1, the union said.", "2023-09-02"),
])
def test_a_story_cannot_date_what_happened_after_it_went_out(first, first_published, second, second_published,
                                                           settings):
    # a story of early March tells an earlier power cut than the one of May 18: two events of one kind
    assert date_disputes(first, first_published, second, second_published, settings) == []
    # a story of the same week tells the same one, misdated
    assert len(date_disputes(first.replace("Tuesday", "Sunday").replace("Thursday", "Sunday"), second_published,
                             second, second_published, settings)) == 1


@pytest.mark.parametrize("first, second", [
    ("Jurors on Monday asked to see the video of the shooting again, the court heard.",
     "The convicted killer laughed on Tuesday as the verdict was read out in court."),
    ("Passengers on Monday waited for hours at the gate, the airline said.",
     "The pilot was suspended on Tuesday pending an inquiry into the incident."),
])
def test_days_of_two_happenings_on_one_topic_are_not_compared(first, second, settings):
    assert date_disputes(first, "2011-10-26", second, "2011-10-27", settings) == []


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # an aside in a place the cluster names once is not the story's place, which the cluster knows as a
        # place even where the tagger reads it as part of a firm's or a campsite's name
        ("Police closed roads in Harwell, Ohio, on Monday as they hunted the gunman. In February, a gunman killed "
         "five people at a shopping mall in Tremont City before police shot him.",
         "A man suspected of killing three people at a suburban Harwell accounting firm was arrested hours later, "
         "authorities said.", []),
        ("Roads into Lindenford, Vermont, stayed closed on Monday after the flood. Elsewhere, floods drowned eleven "
         "people at a caravan park in Castlereagh Vale.",
         "Floods drowned four people at a Lindenford riverside campsite on Sunday, rescuers said.", []),
        # one place: two counts of one event
        ("Roads into Lindenford, Vermont, stayed closed on Monday after the flood. Floods drowned six people at a "
         "riverside campsite in Lindenford, rescuers said.",
         "Floods drowned four people at a Lindenford riverside campsite on Sunday, rescuers said.", [{"six", "four"}]),
    ],
)
def test_a_figure_of_an_aside_elsewhere_is_not_the_storys(first, second, expected, settings):
    assert values(run(first, second, settings=settings)) == expected


@pytest.mark.parametrize(
    "first, second, expected",
    [
        ("The singer Ana Lorne, who married the producer Jack Hale six months ago, cancelled her tour on Friday.",
         "Lorne, who wed Hale nine months ago, cancelled her tour on Friday.", {"six months", "nine months"}),
        ("The ship's captain, Oren Malt, was detained three days ago in the port of Vessa, officials said.",
         "Malt was arrested five days ago in the port of Vessa.", {"three days", "five days"}),
    ],
)
def test_two_verbs_for_one_kind_of_happening_are_one_predicate(first, second, expected, settings):
    # how long ago it happened, told with two verbs for the same happening
    assert values(run(first, second, settings=settings)) == [expected]


@pytest.mark.parametrize(
    "first, second",
    [
        # 'finished with' / 'ended the day with': where a tally stood, not what it counts
        ("Dara Quill ran for 101 yards for the Hawks, who finished with 352 yards in a losing effort.",
         "He ended the day with 205 yards and a touchdown."),
        ("Ivo Renn scored twice for Vessa, who finished with 61% of possession.",
         "Their opponents ended the half with 48% of the shots on target."),
        ("Ivo Renn rode 80 kilometres on the first stage for the Vessa team, which finished with 410 kilometres in "
         "the relay.",
         "His team-mate ended the day with 150 kilometres."),
        # two kinds of happening
        ("Lorne, who married Hale six months ago, cancelled her tour on Friday.",
         "Lorne, who was arrested nine months ago, cancelled her tour on Friday."),
    ],
)
def test_verbs_of_where_a_tally_stood_or_of_other_happenings_are_not_one_predicate(first, second, settings):
    assert run(first, second, settings=settings).contradictions == []


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # 'another' after a count in another named place: that place's own count, not an increment
        ("Police said 30,000 people marched through Athens on Wednesday. Clashes also broke out in Thessaloniki, "
         "where a further 20,000 people joined the demonstrations.",
         "Clashes broke out in Thessaloniki, where about 50,000 people marched.",
         {"20,000", "about 50,000"}),
        ("Some 2,000 people were evacuated in Galway on Monday. The river also burst its banks in Limerick, where "
         "another 800 people were evacuated.",
         "About 1,500 people were evacuated in Limerick on Monday after the river burst its banks.",
         {"800", "About 1,500"}),
        ("Officials said 40,000 ballots were counted in Leeds by midnight. Counting was slower in Bradford, where "
         "another 25,000 ballots were counted.",
         "In Bradford, 31,000 ballots were counted by midnight.",
         {"25,000", "31,000"}),
    ],
)
def test_another_count_in_another_place_is_that_places_own_count(first, second, expected, settings):
    assert values(run(first, second, settings=settings)) == [expected]


@pytest.mark.parametrize(
    "text, figure",
    [
        # the same place counted again: more of the same count
        ("Rescuers found three survivors in the rubble in Tarn on Sunday. In the afternoon two more survivors were "
         "pulled out in Tarn.", "two"),
        # no place named for the first count: nothing says the second is somewhere else
        ("Some 2,000 people were evacuated on Monday. The river also burst its banks in Limerick, where another 800 "
         "people were evacuated.", "800"),
    ],
)
def test_another_count_in_the_same_or_an_unnamed_place_stays_an_increment(text, figure, settings):
    [fact] = [f for f in facts_of(text, "number", settings) if f.text == figure]
    assert "increment" in fact.qualifiers


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # joining, attending or taking part in a protest is protesting
        ("About 5,000 people attended the rally in Denver on Saturday.",
         "Organisers said 12,000 people rallied in Denver on Saturday.", {"About 5,000", "12,000"}),
        ("About 5,000 people took part in the protest in Denver on Saturday.",
         "Organisers said 12,000 people protested in Denver on Saturday.", {"About 5,000", "12,000"}),
        ("About 5,000 people joined the march in Denver on Saturday.",
         "Organisers said 12,000 people marched in Denver on Saturday.", {"About 5,000", "12,000"}),
        ("About 5,000 people participated in the rally in Denver on Saturday.",
         "Organisers said 12,000 people rallied in Denver on Saturday.", {"About 5,000", "12,000"}),
        ("Some 4,000 workers went on strike at the plant in Bremen on Tuesday. In Hamburg, where another 1,500 "
         "workers joined the strike, the port closed.",
         "About 3,000 workers went on strike in Hamburg on Tuesday.", {"1,500", "About 3,000"}),
    ],
)
def test_taking_part_in_a_happening_is_that_happening(first, second, expected, settings):
    assert values(run(first, second, settings=settings)) == [expected]


@pytest.mark.parametrize(
    "first, second",
    [
        ("About 5,000 people joined the march in Denver on Saturday.",
         "Organisers said 12,000 people were arrested in Denver on Saturday."),
        ("About 5,000 people attended the funeral in Denver on Saturday.",
         "Organisers said 12,000 people marched in Denver on Saturday."),
    ],
)
def test_taking_part_in_something_else_is_not_that_happening(first, second, settings):
    assert run(first, second, settings=settings).contradictions == []


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # basketball: a record in brackets after the name, and the record a side improved to
        ("The Hawks (31-12) beat the Bulls 104-99 in Atlanta on Friday night.",
         "The Hawks improved to 30-13 with a 104-99 win over the Bulls on Friday.", {"31-12", "30-13"}),
        # the team by its city in one outlet, by its full name in the other
        ("The Atlanta Hawks (31-12) beat the Bulls 104-99 on Friday night.",
         "Atlanta improved to 30-13 with a 104-99 win over the Bulls on Friday.", {"31-12", "30-13"}),
        # boxing: a record beside the name, and in brackets
        ("Marlow, now 24-2 as a professional, stopped Dunn in the fifth round in Leeds on Saturday.",
         "Marlow (25-2) stopped Dunn in the fifth round at the arena in Leeds.", {"24-2", "25-2"}),
        # baseball: a season's record, and the record a side stands at
        ("The win gave the Red Sox a 52-40 record at the All-Star break.",
         "The Red Sox stand at 51-41 after beating the Yankees 6-2 on Sunday.", {"52-40", "51-41"}),
    ],
)
def test_a_sides_won_lost_record_is_compared_with_its_own(first, second, expected, settings):
    assert values(run(first, second, settings=settings)) == [expected]


@pytest.mark.parametrize(
    "first, second",
    [
        # two sides' records
        ("The Hawks (31-12) beat the Bulls 104-99 in Atlanta on Friday night.",
         "The Bulls fell to 20-24 with a 104-99 loss to the Hawks on Friday."),
        # a whole season's record and a record away from home
        ("The Hawks (31-12) beat the Bulls 104-99 in Atlanta on Friday night.",
         "The Hawks, who beat the Bulls 104-99 on Friday, are 12-9 on the road."),
        # this season's record and one of another season
        ("The Red Sox stand at 51-41 after beating the Yankees 6-2 on Sunday.",
         "The 2004 Red Sox finished with a 98-64 record. On Sunday the Red Sox beat the Yankees 6-2."),
    ],
)
def test_records_of_other_sides_parts_or_seasons_are_not_compared(first, second, settings):
    assert values(run(first, second, settings=settings)) == []


@pytest.mark.parametrize(
    "text, figure",
    [
        ("Leeds were 2-1 up at half-time against Bradford on Saturday.", "2-1"),
        ("The Hawks went into the interval leading the Bulls, 55-48, on Friday night.", "55-48"),
        ("The Hawks beat the Bulls 104-99 in Atlanta on Friday night.", "104-99"),
    ],
)
def test_a_score_in_play_is_not_a_record(text, figure, settings):
    [fact] = [f for f in facts_of(text, "number", settings) if f.text == figure]
    assert "record" not in fact.qualifiers


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # a measure of what a listing names is that thing's own, not a part of the total
        ("Dunn ran for 180 yards on Sunday, including a 75-yard run in the third quarter, as Leeds beat Bradford.",
         "Dunn broke off an 80-yard run in the third quarter on Sunday as Leeds beat Bradford.",
         {"75-yard", "80-yard"}),
        # and a measure of a subject is not the size of what its verb says changed
        ("The storm brought down 40 trees in Galway on Sunday, including a 30-metre oak in Eyre Square.",
         "A 25-metre oak fell in Eyre Square in Galway on Sunday as the storm brought down dozens of trees.",
         {"30-metre", "25-metre"}),
    ],
)
def test_a_measure_of_a_listed_thing_is_that_things_own(first, second, expected, settings):
    assert values(run(first, second, settings=settings)) == [expected]


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # the one tally in each article, told in sentences that read little alike
        ("The five-member board reached its verdict by a 4-1 vote, with member Tom Reilly abstaining on the second "
         "count.",
         "Parents at Hillcrest school in Galway won a unanimous ruling from the education board on Monday in their "
         "campaign against the closure of the village's only primary school.", {"4-1", "unanimous"}),
        # the one wind speed in each
        ("Gusts of up to 130 km/h were recorded at the harbour, the weather service said.",
         "Storm Orla brought down power lines across Galway on Sunday, with gusts reaching 95 mph, and left thousands "
         "of homes without electricity overnight.", {"up to 130 km/h", "95 mph"}),
    ],
)
def test_the_only_value_of_its_measure_in_each_article_is_compared(first, second, expected, settings):
    assert values(run(first, second, settings=settings)) == [expected]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ('"We are asking everyone near the river to leave tonight," fire chief Ann Dunne urged residents in Galway.',
         "Ann Dunne"),
        ('"We were second best for an hour and deserved to lose," manager Joe Kerr conceded after the match.',
         "Joe Kerr"),
        ('"This is a temporary measure and the school will reopen next week," headteacher Mary Kelly stressed.',
         "Mary Kelly"),
        ('"Please give us back our father, he has done nothing wrong," Sarah Quinn pleaded outside the court.',
         "Sarah Quinn"),
        ('"The figures simply do not add up for small farmers," union leader Pat Daly argued at the meeting.',
         "Pat Daly"),
        ('"We will publish the full report as soon as the review ends," Minister Liam Ward replied in parliament.',
         "Liam Ward"),
        ('"We will not rest until the people responsible are found," Chief Inspector Ruth Hale vowed on Monday.',
         "Ruth Hale"),
    ],
)
def test_a_quotation_is_given_to_whoever_urged_conceded_or_vowed_it(text, speaker, settings):
    assert [f.name for f in facts_of(text, "attribution", settings)] == [speaker]


@pytest.mark.parametrize(
    "text, speakers",
    [
        ('Mayor Ida Berg told reporters the town was "doing everything it can for the families" while fire chief '
         'Tom Byrne said "the blaze was out within the hour" after crews arrived.', ["Ida Berg", "Tom Byrne"]),
        ('Coach Lena Marsh said the side had "played the best football of the season" before captain Omar Vell added '
         'that "the points matter more than the style" in the dressing room.', ["Lena Marsh", "Omar Vell"]),
    ],
)
def test_two_quotations_in_one_sentence_each_go_to_the_speaker_whose_verb_gives_them(text, speakers, settings):
    assert [f.name for f in facts_of(text, "attribution", settings) if f.quote] == speakers


@pytest.mark.parametrize(
    "first, second, expected",
    [
        ('"We are asking everyone near the river to leave their homes tonight," fire chief Ann Dunne urged residents '
         "in Galway on Sunday.",
         '"We are asking everyone near the river to leave their homes tonight," Mayor Tom Byrne told reporters in '
         "Galway.", {"Ann Dunne", "Tom Byrne"}),
        ('"We were second best for an hour and we deserved to lose," manager Joe Kerr conceded after the defeat in '
         "Leeds.",
         '"We were second best for an hour and we deserved to lose," said captain Liam Ward after the defeat in Leeds.',
         {"Joe Kerr", "Liam Ward"}),
    ],
)
def test_one_quotation_given_to_two_speakers_is_a_dispute(first, second, expected, settings):
    assert values(run(first, second, settings=settings)) == [expected]


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # a deed done to a thing, said outright not to have been done: whoever did it, and whichever verb of
        # putting it to use tells it
        ("Riot police fired tear gas at protesters outside the ministry on Saturday.",
         "Officers used pepper spray but did not deploy tear gas, a police spokeswoman said.",
         {"fired", "did not deploy"}),
        ("Guards fired rubber bullets at inmates who had barricaded a wing of Hollin prison on Sunday.",
         "Prison guards did not use rubber bullets during the disturbance at Hollin, the justice ministry said.",
         {"fired", "did not use"}),
        ("The company did not cut jobs at its Harlen plant last year, a spokesman said.",
         "The company cut 200 jobs at its Harlen plant last year.", {"did not cut", "cut"}),
    ],
)
def test_a_deed_said_not_done_against_its_telling(first, second, expected, settings):
    report = run(first, second, settings=settings)
    assert values(report) == [expected]
    assert report.contradictions[0].kind == "status"
    item = report.contradictions[0]
    thing = item.topic.removeprefix("what was done with the ")
    assert thing in ("tear gas", "rubber bullets", "jobs") and thing in item.explanation


@pytest.mark.parametrize(
    "first, second",
    [
        # the perfect says it has not happened yet, which a later report may overtake
        ("Police have not released the names of the victims.",
         "Police released the names of the two victims on Tuesday."),
        # a refusal or a plan is not a denial of a deed
        ("Police said they would not use tear gas against the marchers.",
         "Police fired tear gas at the marchers on Saturday."),
        # two things: tear gas is not rubber bullets
        ("Officers did not deploy tear gas at the march, a spokeswoman said.",
         "Officers fired rubber bullets at the march on Saturday."),
        # 'did not ... until' says when it happened
        ("The Rovers took their first lead of the game when Osei scored in the 70th minute.",
         "In fact, the Rovers did not take their first lead until Osei scored in the 70th minute."),
        ("The council passed its first budget in March, after weeks of talks.",
         "The council did not pass its first budget until March, after weeks of talks."),
        # 'barely landed a punch' is all but 'did not land one'
        ("The challenger barely landed a punch in the first three rounds.",
         "The challenger did not land a clean punch in the first three rounds."),
        # a denial someone sets out to prove is not one told as fact
        ("A witness testified that Lyle Danner pulled the trigger.",
         "His lawyer faces a hard task proving that his client did not pull the trigger."),
        # a thing fired is not a person fired
        ("Officers did not deploy tear gas at the march, a spokeswoman said.",
         "The club fired its coach, Dan Morrow, on Saturday."),
    ],
)
def test_no_deed_denied_where_none_is_told(first, second, settings):
    assert run(first, second, settings=settings).contradictions == []


def test_a_clitic_set_apart_by_spaces_is_read(settings):
    # tokenized corpora and some copied text write "didn ’ t" and "Rait ’ s": the negation still counts, and the
    # parse keeps the text's length so every offset holds
    from factcheck.nlp import parse

    texts = ["Smith didn ’ t return the call on Monday.", "Rait ' s death was reported on Sunday."]
    docs = parse(texts)
    assert any(t.dep_ == "neg" for t in docs[0])
    assert [len(d.text) for d in docs] == [len(t) for t in texts]
    report = run("Riot police fired tear gas at protesters outside the ministry on Saturday.",
                 "Officers didn ’ t deploy tear gas at the march, a police spokeswoman said.", settings=settings)
    assert values(report) == [{"fired", "didn ’ t deploy"}]


@pytest.mark.parametrize(
    "first, second",
    [
        ("The council imposed a ban on garden hoses on Monday.",
         "The council has not lifted the ban on garden hoses, officials said."),
        ("Rail workers began a strike over pay on Monday.",
         "Rail workers have not ended the strike over pay, the union said."),
        ("The army launched an offensive in the north on Friday.",
         "The army did not end the offensive in the north, officials said."),
    ],
)
def test_a_deed_and_the_one_that_would_undo_it_are_two_deeds(first, second, settings):
    # a ban imposed and not lifted, a strike begun and not ended: one story, not two accounts of one deed
    assert run(first, second, settings=settings).contradictions == []


def test_a_deed_said_done_and_not_done_is_still_a_dispute(settings):
    report = run("The council imposed a ban on garden hoses on Monday.",
                 "The council did not impose a ban on garden hoses, officials said.", settings=settings)
    assert values(report) == [{"imposed", "did not impose"}]


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # a month told for one verb in clauses that read alike: one event, though one names the person by role
        ("In April 2019 the defendant was found guilty of fraud and sentenced to six years in prison.",
         "Marek Halden was found guilty of fraud in March 2019 and sentenced to six years in prison.",
         {"April 2019", "March 2019"}),
        ("In May 2020 the striker was transferred to Halle, the club said.",
         "Leon Mertz was transferred to Halle in July 2020, the club said.", {"May 2020", "July 2020"}),
        ("In October 2018 the minister was sworn in as head of the agency.",
         "Ilse Brandt was sworn in as head of the agency in January 2019.", {"October 2018", "January 2019"}),
    ],
)
def test_a_month_for_one_verb_in_alike_clauses_is_one_events(first, second, expected, settings):
    assert values(run(first, second, settings=settings)) == [expected]


def test_a_month_for_one_verb_about_another_thing_is_not_compared(settings):
    report = run("In May 2020 the striker was transferred to Halle, the club said.",
                 "The club's kit manager was transferred to the academy staff in July 2020 after a reshuffle of "
                 "backroom roles.", settings=settings)
    assert report.contradictions == []


def test_alike_clauses_do_not_make_two_parties_one(settings):
    # two common nouns that differ say nothing of one person, however alike the clauses and close the months
    report = run("In April 2019 the defendant was found guilty of fraud.",
                 "The accountant was found guilty of fraud in June 2019.", settings=settings)
    assert report.contradictions == []


@pytest.mark.parametrize(
    "first, second",
    [
        ("The comedian hosted the awards in 2009 and 2013, the network said.",
         "Dana Holt hosted the awards in November 2011, when the show was moved to a new night."),
        ("The band played the festival on Friday and Saturday, organisers said.",
         "The band played the festival on Sunday, organisers said."),
        ("The ministers met in Geneva in 2015 and 2018 to discuss the treaty.",
         "The ministers met in Geneva in March 2016 to discuss the treaty."),
    ],
)
def test_dates_given_in_a_row_are_a_deed_done_more_than_once(first, second, settings):
    # 'in 2009 and 2013': the deed recurs (or runs over days); another date of it is another time, not a dispute
    assert run(first, second, settings=settings).contradictions == []


def test_one_date_against_another_is_still_a_dispute(settings):
    report = run("The band played the festival on Friday, organisers said.",
                 "The band played the festival on Sunday, organisers said.", settings=settings)
    assert values(report) == [{"Friday", "Sunday"}]


@pytest.mark.parametrize(
    "first, second",
    [
        ("Police arrested two men on Monday in connection with the robbery.",
         "A third man was arrested on Tuesday in connection with the robbery."),
        ("Rescuers found two survivors on Monday in the rubble.",
         "Another survivor was found on Wednesday in the rubble, rescuers said."),
    ],
)
def test_the_day_of_one_more_is_another_days(first, second, settings):
    # 'a third man', 'another survivor': one more, told on its own day, not the day of the first ones misdated
    assert run(first, second, settings=settings).contradictions == []


def test_the_day_of_the_same_one_more_is_still_compared(settings):
    report = run("A second suspect was arrested on Friday in connection with the robbery.",
                 "Police said a second suspect was arrested on Thursday in connection with the robbery.",
                 settings=settings)
    assert values(report) == [{"Friday", "Thursday"}]


@pytest.mark.parametrize(
    "first, second",
    [
        ('T-Mobile said "the phone will be in stores in time for the holidays" on Monday.',
         '"The phone will be in stores in time for the holidays," T Mobile said on Monday.'),
        ('"We will rebuild the school by September," Jean-Luc Moreau told reporters in Lyon.',
         'Jean Luc Moreau told reporters in Lyon: "We will rebuild the school by September."'),
    ],
)
def test_one_name_joined_two_ways_is_not_two_speakers(first, second, settings):
    assert run(first, second, settings=settings).contradictions == []


@pytest.mark.parametrize(
    "first, second",
    [
        # the subject put before an inverted 'said' is what the quotation is about, not who said it
        ('The merger, said chief executive Lisa Berg, "gives us the scale to compete with anyone."',
         'Lisa Berg said the merger "gives us the scale to compete with anyone."'),
        ('The new stadium, said mayor Tom Ekdahl, "will bring thousands of visitors to the city."',
         'Tom Ekdahl said the stadium "will bring thousands of visitors to the city."'),
        ('The takeover, said Haverkamp, "lets us build the whole server on one chip."',  # a name the tagger misses
         'Haverkamp said the takeover "lets us build the whole server on one chip."'),
        # a verb of saying in the passive tells what was said, not who said it
        ('After the verdict was announced, prosecutor Ann Hale said Ruck had "betrayed his flock and his family."',
         'Ruck "betrayed his flock and his family," prosecutor Ann Hale told the court.'),
        ('After the ruling was announced, union leader Marek Novak said the workers would "fight this all the way '
         'to the top."',
         'Marek Novak said the workers would "fight this all the way to the top," after the ruling.'),
    ],
)
def test_a_quotation_is_given_to_its_speaker_not_its_topic(first, second, settings):
    assert [c for c in run(first, second, settings=settings).contradictions if c.kind == "attribution"] == []


@pytest.mark.parametrize(
    "first, second, values_apart",
    [
        # a figure over a counted span ('in 820 games', 'across 40 stores') is that span's; over another, another's
        ("Dale Ruck averaged 9.1 rebounds in 820 games for the Hawks.",
         "Dale Ruck averaged 7.4 rebounds in 46 playoff games for the Hawks.", {"9.1", "7.4"}),
        ("In 133 career playoff games, Sam Cole averaged 14.4 points for the Sixers.",
         "Sam Cole averaged 11.1 points in 1,101 games for the Sixers.", {"14.4", "11.1"}),
        ("In 133 career playoff games, Sam Cole averaged 14.4 points and 6.9 assists.",
         "Sam Cole averaged 11.1 points, 6.7 assists and 2.1 steals in 1,101 career games.", {"6.9", "6.7"}),
        ("Brennick sales rose 6 percent across 40 stores in the quarter.",
         "Brennick sales rose 2 percent across 12 stores in the quarter.", {"6 percent", "2 percent"}),
        # the span told by a participle on the figure's verb
        ("Starting in 40 games, Ruck averaged 9.1 rebounds for the Hawks.",
         "Ruck averaged 7.4 rebounds in 12 games for the Hawks.", {"9.1", "7.4"}),
        ("Operating across 40 stores, Brennick sales rose 6 percent in the quarter.",
         "Brennick sales rose 2 percent across 12 stores in the quarter.", {"6 percent", "2 percent"}),
    ],
)
def test_figures_over_different_counted_spans_are_not_compared(first, second, values_apart, settings):
    assert values_apart not in values(run(first, second, settings=settings))


@pytest.mark.parametrize(
    "first, second, disputed",
    [
        # the tagger calls 'six seasons' a date; it is still the span a won-lost record covers
        ("Dunn led the Hawks to a 44-38 record.", "In six seasons with the Hawks, Dunn recorded a mark of 201-187.",
         False),
        ("Marsh went 14-9 for the Pilots.", "In nine seasons with the Pilots, Marsh went 81-64.", False),
        ("In six seasons with the Hawks, Dunn recorded a mark of 201-187.",
         "In six seasons with the Hawks, Dunn went 199-189.", True),
    ],
)
def test_a_record_over_counted_seasons_is_not_one_seasons(first, second, disputed, settings):
    assert bool(run(first, second, settings=settings).contradictions) == disputed


def test_a_participles_span_leaves_one_spans_two_figures_compared(settings):
    r = run("Okafor scored 14 goals in 31 games for Tarn City.",
            "Playing in 31 games for Tarn City, Okafor scored 17 goals.", settings=settings)
    assert {"14", "17"} in values(r)


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # one size told long side first and short side first: the same size
        ("The banner the protesters unfurled was 12 by 3 metres, police said.",
         "The banner the protesters unfurled measured 3 x 12 metres, police said.", []),
        # two sizes: the long side is weighed with the long side, never with the short
        ("The new pitch at Marsh Park measures 105 by 68 metres, the club said.",
         "The new pitch at Marsh Park measures 110 by 70 metres, the club said.",
         [{"105", "110"}, {"68 metres", "70 metres"}]),
    ],
)
def test_the_sides_of_a_size_are_weighed_side_with_side(first, second, expected, settings):
    assert same_disputes(run(first, second, settings=settings), expected)


def test_a_screens_long_side_is_not_weighed_against_anothers_short_side(settings):
    # '2880 x 1800' / '2,880 by 1,800' (ECB+ topic 40, outside the eval) had 2880 weighed against 1,800
    r = run("The Vela X2 laptop features a built-in camera and a 2560 x 1600 resolution.",
            "The Vela X2 laptop features a built-in camera and a 2880 x 1800 resolution.", settings=settings)
    assert {"1600", "2880"} not in values(r) and {"2560", "1800"} not in values(r)


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # each the only sum in dollars of its article, but 250 million times apart: two things, not one misreported
        ("An analyst said Norcell's takeover deal effectively offers his price target of $21 now.",
         "Norcell's $5.4bn acquisition of Veltra will close in the fourth quarter.", []),
        ("Tickets for the opening match at the new Marsh Park stadium will cost $45, the club said.",
         "The club's $1.2 billion Marsh Park stadium will open with a match against Corvale.", []),
        ("Tickets for the opening match at the new Marsh Park stadium will cost $45, the club said.",
         "Tickets for the opening match at the new Marsh Park stadium will cost $60, the club said.", [{"$45", "$60"}]),
    ],
)
def test_the_only_sums_of_two_articles_far_apart_are_not_one_figure(first, second, expected, settings):
    assert values(run(first, second, settings=settings)) == expected


@pytest.mark.parametrize(
    "first, second, disputed",
    [
        # a clock time without a.m. or p.m. ('at 6:41 last night', ECB+ topic 4) is either half of the day
        ("The actress Mara Quill died at 6:41 last night in a Kell hospital, her agent said.",
         "Mara Quill died at 6:41pm on Tuesday in a Kell hospital, her agent said.", False),
        ("The ferry Aster left Kell harbour at 9:15 on Tuesday evening, the coastguard said.",
         "The ferry Aster left Kell harbour at 9:15 p.m. on Tuesday, the coastguard said.", False),
        ("The ferry Aster left Kell harbour at 9:15 on Tuesday evening, the coastguard said.",
         "The ferry Aster left Kell harbour at 7:40 p.m. on Tuesday, the coastguard said.", True),
        # a 24-hour clock says its half
        ("The ferry Aster left Kell harbour at 09:15 on Tuesday, the coastguard said.",
         "The ferry Aster left Kell harbour at 9:15 p.m. on Tuesday, the coastguard said.", True),
    ],
)
def test_a_clock_time_without_am_or_pm_holds_for_either_half_of_the_day(first, second, disputed, settings):
    assert bool(date_disputes(first, "2026-03-04", second, "2026-03-04", settings)) == disputed


@pytest.mark.parametrize(
    "first, second, disputed",
    [
        # what happens to someone's deputy or assistant does not happen to them ('Simpson's cousins called him',
        # ECB+ topic 45, is not Simpson calling)
        ("The club said coach Dale Ferris was not fired after Sunday's defeat.",
         "The club said Dale Ferris's assistant was fired after Sunday's defeat.", False),
        ("Norcell chief executive Mara Quill did not resign on Friday, the company said.",
         "Mara Quill's finance director resigned on Friday, the company said.", False),
        ("The club said coach Dale Ferris was not fired after Sunday's defeat.",
         "The club said coach Dale Ferris was fired after Sunday's defeat.", True),
    ],
)
def test_an_outcome_of_someones_deputy_is_not_theirs(first, second, disputed, settings):
    assert any(c.kind == "status" for c in run(first, second, settings=settings).contradictions) == disputed


@pytest.mark.parametrize(
    "first, second",
    [
        ("Dorian Pike was arrested in Kell on March 3 after a month-long search, police said.",
         "Dorian Pike was arrested in Kell on March 5 after a month-long search, police said."),
        ("The Kell bridge reopened to traffic on February 14 after repairs, the council said.",
         "The Kell bridge reopened to traffic on February 18 after repairs, the council said."),
    ],
)
def test_one_day_written_without_a_year_is_one_day_whenever_each_article_ran(first, second, settings):
    # 'on April 9' in a story of 2012 and in one of 2013 (ECB+ topic 45) had been two years' April 9ths: a
    # dispute whose sides read the same
    assert date_disputes(first, "2026-12-01", first, "2027-05-15", settings) == []
    assert len(date_disputes(first, "2026-12-01", second, "2027-05-15", settings)) == 1


@pytest.mark.parametrize(
    "first, second, disputed",
    [
        # 'he' stands for the person the sentences before it name (ECB+ topic 25: 'Thomas was hurt ... He had
        # just 269 yards rushing' is not Ivory's 716 yards)
        ("Tomas Reyna won the mountain stage on Sunday. He climbed for 42 minutes before the summit finish.",
         "Ilya Brandt lost time on the mountain stage on Sunday. He climbed for 47 minutes before the summit finish.",
         set()),
        ("Center Malik Osei was ruled out on Monday with a knee injury. He averaged 14 points a game this season.",
         "Guard Tyrone Vance was ruled out on Monday with a knee injury. He averaged 19 points a game this season.",
         set()),
        # over a sentence that names nobody, and inside a sentence after the person it names
        ("Stage winner Tomas Reyna rode for Team Alto. In the final climb, he overtook Ilya Brandt, and he finished "
         "in 42 minutes.", "Ilya Brandt rode for Team Alto. He finished the final climb in 47 minutes.", set()),
        # one person's two figures are still compared
        ("Tomas Reyna won the mountain stage on Sunday. He climbed for 42 minutes before the summit finish.",
         "Tomas Reyna won the mountain stage on Sunday. He climbed for 47 minutes before the summit finish.",
         {"42 minutes", "47 minutes"}),
        ("Malik Osei was ruled out on Monday. The team did not say when he would return. He averaged 14 points a "
         "game this season.", "Malik Osei was ruled out on Monday. He averaged 19 points a game this season.",
         {"14", "19"}),
        # 'He had just 269 yards rushing': the parser makes the yards the subject of 'rushing' and hangs 'He' on
        # 'had'; the figure is still his
        ("Pierre Thomas missed ten games with a knee injury. He had just 269 yards rushing.",
         "Mark Ingram started every game for the Saints. He had 716 yards rushing.", set()),
        ("Maria Keller knocked on doors all week. She had 2,000 signatures collected.",
         "Peter Holm knocked on doors all week. He had 3,500 signatures collected.", set()),
        ("Pierre Thomas missed ten games with a knee injury. He had just 269 yards rushing.",
         "Pierre Thomas started every game for the Saints. He had 716 yards rushing.",
         {"just 269 yards", "716 yards"}),
    ],
)
def test_a_figure_told_of_he_or_she_is_the_named_persons(first, second, disputed, settings):
    assert set().union(*values(run(first, second, settings=settings))) == disputed


@pytest.mark.parametrize(
    "first, second",
    [
        # each sentence gives both figures: they agree, whatever the parser hangs each figure on (ECB+ topic 25)
        ("Berg finished with 269 yards and two touchdown rushing and caught 29 passes for 201 yards.",
         "But Berg had only 269 yards and two touchdowns on 83 carries and another 201 yards on 29 catches."),
        ("Dahl finished with 88 runs and two wicket bowling and took 9 catches for 40 runs.",
         "But Dahl had only 88 runs and two wickets on 30 overs and another 40 runs on 9 catches."),
    ],
)
def test_figures_both_sentences_give_are_not_set_against_each_other(first, second, settings):
    assert run(first, second, settings=settings).contradictions == []


def test_a_figure_beside_the_same_count_is_still_compared(settings):
    # '18 people had been injured and 12 arrested' / '12 people were injured' (ECB+ topic 8): the 12 of the
    # first sentence were arrested, so its 18 is still weighed against the other's 12
    report = run("Police said 18 people had been injured in the violence and 12 arrested for carrying weapons.",
                 "Police said 12 people were injured in the riots.", settings=settings)
    assert same_disputes(report, [{"18", "12"}])
    report = run("Dahl finished with 88 runs and two wickets.", "Dahl finished with 88 runs and three wickets.",
                 settings=settings)
    assert same_disputes(report, [{"two", "three"}])


@pytest.mark.parametrize(
    "first, second",
    [
        # one moment written in two time zones (ECB+ topic 25: '4:30 p.m. ET' / '1:30 p.m. PST')
        ("Denver begins its playoff run Saturday at 4:30 p.m. ET with a first-round game in Portland against the "
         "Miners.", "The Portland vs. Denver game will be the first one of the playoff weekend, with tip-off "
         "scheduled for 1:30 p.m. PST."),
        ("The company begins its annual shareholder meeting Thursday at 10:00 GMT with a vote in London on the "
         "merger.", "The London vote on the merger will be the first item of the annual shareholder meeting, with "
         "the meeting scheduled for 6 a.m. EDT."),
    ],
)
def test_one_moment_in_two_time_zones_is_not_a_dispute(first, second, settings):
    assert run(first, second, settings=settings).contradictions == []


@pytest.mark.parametrize(
    "first, second, expected",
    [
        ("The Hawks play the Miners in Denver on Saturday, with kickoff at 4:30 p.m. ET.",
         "The Hawks play the Miners in Denver on Saturday, with kickoff at 4:30 p.m. PT.",
         {"4:30 p.m. ET", "4:30 p.m. PT"}),
        ("The ministry will publish the inflation figures on Thursday at 10:00 GMT.",
         "The ministry will publish the inflation figures on Thursday at 9 a.m. EDT.", {"10:00 GMT", "9 a.m. EDT"}),
    ],
)
def test_one_clock_time_in_two_zones_is_two_moments(first, second, expected, settings):
    # the zone is not a place the event went to ('at 10:00 GMT'), and one clock reading in two zones differs
    assert same_disputes(run(first, second, settings=settings), [expected])


@pytest.mark.parametrize(
    "first, second",
    [
        # the person a date is of may be named by a 'who' or a 'she' (ECB+ topic 5: 'Cheeks, who was fired March 2'
        # / "O'Brien, fired on June 8": two coaches' firings)
        ("Dale Ferris, who was fired on March 2, is suing the Larks.",
         "Ray Okon was fired on March 8 and is suing the Larks."),
        ("Mara Quill, who was arrested on May 4 in Kell, appeared in court.",
         "Police said Tomas Reyna was arrested on May 9 in Kell."),
        ("Singer Ana Cruz, who married on June 3 in Lisbon, released an album.",
         "Singer Lia Moreno married on June 10 in Lisbon, her label said."),
        ("The label signed Ana Cruz last year. She married on June 3 in Lisbon, her label said.",
         "Singer Lia Moreno married on June 10 in Lisbon, her label said."),
        ("Police named the driver as Mara Quill. She was arrested on May 4 in Kell after the crash.",
         "Police said Tomas Reyna was arrested on May 9 in Kell after the crash."),
    ],
)
def test_dates_of_a_who_or_a_she_are_that_persons(first, second, settings):
    assert run(first, second, settings=settings).contradictions == []


def test_one_persons_date_told_through_a_who_or_a_she_is_still_compared(settings):
    report = run("Police named the driver as Mara Quill. She was arrested on May 4 in Kell after the crash.",
                 "Police said Mara Quill was arrested on May 9 in Kell after the crash.", settings=settings)
    assert same_disputes(report, [{"May 4", "May 9"}])
    report = run("Dale Ferris, who was fired March 2 as coach of the Larks, will lead the Herons.",
                 "Dale Ferris, fired on March 5 as coach of the Larks, will lead the Herons.", settings=settings)
    assert same_disputes(report, [{"March 2", "March 5"}])


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # the one count of more of something each article gives with one verb is one addition, whatever each
        # calls it (ECB+ topic 14: 'called in an additional six engines' / 'called a further four appliances')
        ("After the strike ended, the airline added another 12 flights to Thursday's schedule.",
         "Stranded travellers were told on Wednesday night that the carrier had added a further 20 services "
         "between the two cities.", [{"12", "20"}]),
        ("Hospital managers opened a further 30 beds on Tuesday as the outbreak grew.",
         "Nurses said the trust had opened another 45 spaces in a converted ward, the union said.", [{"30", "45"}]),
        ("Hospital managers opened a further 30 beds on Tuesday as the outbreak grew.",
         "Nurses said the trust had opened another 30 spaces in a converted ward, the union said.", []),
        # not when an article gives more than one addition by that verb: which is which?
        ("After the strike ended, the airline added another 12 flights to Thursday's schedule and another 8 flights "
         "to Friday's.", "Stranded travellers were told on Wednesday night that the carrier had added a further 20 "
         "services between the two cities.", []),
        # additions told by two verbs of two nouns are more of two things (ECB+ topic 26: 'That brought him another
        # three-year sentence' / 'it took another six years for Gigante to ...')
        ("The escape attempt brought Marlow another three-year sentence.",
         "It took another six years for Marlow to be convicted of the escape attempt.", []),
        ("The landslide closed the mountain pass for another two days.",
         "It took another five days for crews to reopen the mountain pass after the landslide.", []),
        ("The judge gave Marlow another three-year sentence for the escape attempt.",
         "The judge handed Marlow another five-year sentence for the escape attempt.", [{"three-year", "five-year"}]),
    ],
)
def test_the_one_addition_each_article_tells_with_one_verb_is_one_count(first, second, expected, settings):
    assert same_disputes(run(first, second, settings=settings), expected)


@pytest.mark.parametrize(
    "first, second",
    [
        # a participle after a name is that person's, wherever the parser hangs it (ECB+ topic 35: 'a case
        # involving wide receiver Vincent Jackson, arrested Jan. 6' / 'Jamal Williams was arrested early Sunday')
        ("Police are still reviewing the case involving striker Dan Pryor, arrested March 3 in Kell on suspicion of "
         "assault.", "Police said defender Ray Okon was arrested on March 8 in Kell on suspicion of assault."),
        ("The board is still weighing the case of chief executive Mara Quill, suspended May 2 over the accounts.",
         "Finance director Tomas Reyna was suspended on May 9 over the accounts, the board said."),
    ],
)
def test_a_participle_after_a_name_dates_what_happened_to_that_person(first, second, settings):
    assert run(first, second, settings=settings).contradictions == []
    one = second.replace("defender Ray Okon", "striker Dan Pryor").replace("Finance director Tomas Reyna",
                                                                            "Chief executive Mara Quill")
    assert len(run(first, one, settings=settings).contradictions) == 1  # the same person's two days


@pytest.mark.parametrize(
    "first, second",
    [
        # a name beside the subject is whom the date is of (ECB+ topic 35: 'Chargers defensive tackle Jamal Williams
        # was arrested early Sunday', read as 'Chargers' with the name beside it)
        ("The driver, Mara Quill, was arrested on May 4 in Kell.",
         "Police said the passenger, Tomas Reyna, was arrested on May 9 in Kell."),
        ("The company's finance chief, Ana Cruz, was suspended on May 2 over the accounts.",
         "Its auditor, Lia Moreno, was suspended on May 9 over the accounts, the board said."),
        # where the subject names no person, the person its verb was done to (ECB+ topic 25: 'The Saints signed
        # DeShawn Wynn on Tuesday and Joique Bell today')
        ("Police arrested Marco Bellini on Monday in connection with the robbery.",
         "Police arrested Tomas Orwell on Tuesday in connection with the robbery."),
        ("The club signed striker Marco Bellini on Monday.", "The club signed defender Tomas Orwell on Tuesday."),
        ("St Mary's hospital discharged Ana Cruz on Friday after the crash.",
         "St Mary's hospital discharged Lia Moreno on Sunday after the crash."),
    ],
)
def test_a_name_beside_the_subject_or_as_its_object_dates_what_happened_to_that_person(first, second, settings):
    assert run(first, second, settings=settings).contradictions == []


def test_one_persons_two_days_are_still_compared_however_the_clause_names_them(settings):
    first = "Police arrested Marco Bellini on Monday in connection with the robbery."
    for second in ("Marco Bellini was arrested on Tuesday in connection with the robbery.",
                   "Police arrested Marco Bellini on Tuesday in connection with the robbery."):
        assert [c.kind for c in run(first, second, settings=settings).contradictions] == ["date"]


@pytest.mark.parametrize(
    "first, second",
    [
        # a time opening the sentence dates every clause in it (ECB+ topic 22: 'Earlier this year, Amy Bishop ...
        # was charged ... in a campus shooting spree that left three ... dead and wounded three others')
        ("A gunman killed two workers and wounded two others at a Norcell warehouse on Monday night, police said.",
         "Earlier this year, a former employee was charged over a shooting at a Kell office that killed one person "
         "and wounded three others."),
        ("Norcell cut 400 jobs at its Kell plant on Tuesday, the union said.",
         "Last year, the union fought a restructuring that cut 250 jobs at the Kell plant, its leader said."),
    ],
)
def test_a_time_opening_the_sentence_dates_its_inner_clauses(first, second, settings):
    assert run(first, second, settings=settings).contradictions == []
    today = "On Tuesday, Norcell cut 250 jobs at its Kell plant, the union said."
    if "Norcell cut" in first:
        assert same_disputes(run(first, today, settings=settings), [{"400", "250"}])  # this story's time: compared


def test_years_far_apart_are_two_events_and_a_year_apart_one_misdated(settings):
    # one person's or place's two events decades apart ('indicted in 1957' / 'indicted in 1990') are not one
    # event whose year an outlet got wrong; a year apart still may be
    far = [("Brandvik was indicted on fraud charges in 1962, court papers show.",
            "Brandvik was indicted on fraud charges in 1991, prosecutors said."),
           ("The Larkspur stadium hosted the cup final in 1974.", "The Larkspur stadium hosted the cup final in 2009.")]
    for first, second in far:
        assert [c for c in run(first, second, settings=settings).contradictions if c.kind == "date"] == []
    near = run("The Larkspur stadium hosted the cup final in 1974.", "The Larkspur stadium hosted the cup final in 1975.",
               settings=settings)
    assert values(near) == [{"1974", "1975"}]


def test_a_time_with_a_when_clause_is_the_time_of_that_clause_too(settings):
    # 'was driving at about 1:00 a.m. when officers stopped him' gives the time of the stop, as the other outlet's
    # 'stopped ... at about 1:30 a.m.' does; the same for a fire that broke out while a bus was leaving its depot
    stop = run("Williams was driving his car at about 1:00 a.m. on Sunday when officers stopped him.",
               "Officers stopped Williams at about 1:30 a.m. on Sunday, police said.", settings=settings)
    fire = run("The bus was leaving the depot at 7:10 a.m. on Tuesday when the fire broke out.",
               "The fire broke out at 7:45 a.m. on Tuesday, the operator said.", settings=settings)
    assert values(stop) == [{"1:00 a.m.", "1:30 a.m."}]
    assert values(fire) == [{"7:10 a.m.", "7:45 a.m."}]


def test_years_in_two_capacities_are_two_figures(settings):
    # 'seven seasons as an assistant coach' and 'three seasons as head coach' (or '12 seasons' as a player) are
    # one person's spans in different capacities; in one capacity, two spans still disagree
    apart = [("Lind played 12 seasons for the Hawks.", "Lind spent five seasons as an assistant coach with the Hawks."),
             ("Marsh served six years as chief executive of Tolbrook.", "Marsh served two years as chairman of Tolbrook."),
             ("Cheeks arrives after three seasons as head coach of the Hawks.",
              "Cheeks returns after seven seasons as an assistant coach of the Hawks.")]
    assert_no_disputes(apart, settings)
    same = run("Marsh served six years as chief executive of Tolbrook.",
               "Marsh served eight years as chief executive of Tolbrook.", settings=settings)
    assert values(same) == [{"six years", "eight years"}]
    wards = run("St Anne's Hospital has closed four wards to new admissions after an outbreak.",
                "Six wards at St Anne's Hospital have been shut to new patients as staff battle an outbreak.",
                settings=settings)
    assert values(wards) == [{"four", "Six"}]  # 'as staff battle' is no capacity


def test_a_who_clause_gives_its_figure_to_the_name_it_hangs_on(settings):
    # 'Tom Ashe, who has worked at the bakery for nearly 30 years' is Ashe's figure, not the owner's 12 years
    assert_no_disputes([
        ("Baker Tom Ashe, who has worked at the bakery for nearly 30 years, said the fire started in the ovens.",
         "The owner, Mila Varga, who has run the bakery for 12 years, said the ovens were new."),
        ("Goalkeeper Ivo Brand, who has played for the club for nine seasons, saved a penalty.",
         "Striker Leon Marsh, who joined the club four seasons ago, scored twice.")], settings)
    [passing] = [f for f in facts_of("A big reason was Brady Quinn, who was just 10 of 22 for 162 yards.", "number",
                                     settings) if f.text == "162 yards"]
    assert passing.name == "Brady Quinn"


def test_the_size_of_a_thing_is_not_a_named_partys_plain_measure(settings):
    # Quinn's '162 yards' passing and 'Quinn's second interception came ... at the Indy 14-yard line' are both
    # read as Quinn's; the second is where the ball was, the size of a noun, not another count of his yards
    from factcheck.graph.align import _figures_about_same
    [passing] = [f for f in facts_of("A big reason was Brady Quinn, who was just 10 of 22 for 162 yards.", "number",
                                     settings) if f.text == "162 yards"]
    [line] = facts_of("Quinn's second interception came with the ball at the Indy 14-yard line.", "number", settings)
    [other] = facts_of("Brady Quinn threw for 205 yards on Sunday.", "number", settings)
    assert not _figures_about_same(passing, line, 0.5, False, 0.6, owned=True)
    assert _figures_about_same(passing, other, 0.5, False, 0.6, owned=True)


def test_an_event_the_story_came_weeks_after_is_another_event(settings):
    # 'came just weeks after a driver fatally shot eight people' recalls another shooting; 'arrested two days
    # after he killed three people' is this story's own count
    assert_no_disputes([
        ("Thursday's shooting at the depot came just weeks after a driver fatally shot eight people in Hartwell.",
         '"There\'s three people shot!" a worker shouted as the shooting at the depot began.'),
        ("The attack on the market came two days after a gunman killed 12 people at a school in Ostend.",
         "Three people were killed in the attack on the market, police said.")], settings)
    own = run("Police arrested the man two days after he killed three people at the market.",
              "Police said the man killed four people at the market.", settings=settings)
    assert values(own) == [{"three", "four"}]


def test_two_multiples_of_different_things_are_not_one_figure(settings):
    # 'more than ten times the speed of the old port' and 'four times that of the prior model' (its pixels) are
    # ratios of two things; 'stabbed 17 times' counts occasions and multiplies nothing
    from factcheck.graph.align import _comparable, _multiplied
    [speed] = facts_of("The port allows data transfer more than ten times the speed of the old port.", "number",
                       settings)
    [_, pixels] = facts_of("The screen has 5,184,000 pixels; that's four times that of the prior model.", "number",
                           settings)
    [stabbed] = facts_of("The suspect stabbed his wife 17 times, police said.", "number", settings)
    [again] = facts_of("He stabbed her 12 times in the kitchen.", "number", settings)
    assert (_multiplied(speed), _multiplied(pixels), _multiplied(stabbed)) == ("speed", "that", None)
    elsewhere = replace(pixels, sentence=replace(pixels.sentence, id="b:s1", article_id="b"))
    assert not _comparable(speed, elsewhere)
    assert _comparable(stabbed, replace(again, sentence=replace(again.sentence, id="b:s1", article_id="b")))


def test_two_days_told_only_by_be_with_no_noun_shared_are_not_one_event(settings):
    # 'the injury report for Wednesday is as follows' / 'their status is for Saturday': 'be' tells nothing that
    # happened; with a shared noun ('The council vote was on Tuesday' / '... on Wednesday') the days disagree
    assert_no_disputes([
        ("The rest of the club's injury report for Wednesday is as follows.",
         "It is not certain what the club's status is for Saturday."),
        ("The club's injury list for Monday is long.", "What the club's lineup is for Thursday is unclear.")], settings)
    vote = run("The council vote was on Tuesday.", "The council vote was on Wednesday.", settings=settings)
    assert values(vote) == [{"Tuesday", "Wednesday"}]


def test_the_object_of_an_idiom_is_not_what_a_date_is_about(settings):
    # 'The murder took place at 3 am' is about the murder; 'place' (of 'take place') would pair it with 'left the
    # apartment' (place ~ apartment); 'The rules took effect on Monday' is about the rules
    [murder] = facts_of("The murder is said to have taken place at 3 am in the car.", "date", settings)
    [rules] = facts_of("The new parking rules took effect on Monday.", "date", settings)
    [left] = facts_of("Flynn left the apartment around 10:30 p.m.", "date", settings)
    assert "place" not in murder.anchor and "effect" not in rules.anchor and "rule" in rules.anchor
    assert "apartment" in left.anchor  # an object that names a participant stays


def test_a_they_after_named_people_is_not_someone_else(settings):
    # 'Berg and Lind are signed, and they are also signed for the third film' / 'Ostrom is not signed': 'they'
    # are Berg and Lind; a 'he' after Ostrom himself still disagrees with Ostrom's 'not signed'
    assert_no_disputes([(
        "Actors Ana Berg and Tom Lind are already signed for the sequel, and they are also signed for the third film.",
        "Unlike Ana Berg and Tom Lind, director Karl Ostrom is not signed for a sequel.")], settings)
    own = run("Karl Ostrom has signed for the sequel, and he is happy about it.",
              "Karl Ostrom is not signed for a sequel.", settings=settings)
    assert values(own) == [{"signed", "is not signed"}]


def test_a_count_of_earlier_arrests_or_convictions_is_not_this_storys_count(settings):
    # two counts of the earlier ones still disagree; a record's previous value is the record's
    assert_told_apart([
        ("There were 12 arrests after the march on Wednesday, police said.",
         "Police said the teenager had three prior arrests, including one for robbery."),
        ("The court heard there were 12 convictions for driving offences in Kell last year.",
         "The driver, who had two previous convictions, was jailed on Friday for the crash in Kell."),
    ], ("Police said Reyes has four prior arrests, including charges of theft.",
        "Reyes had three prior arrests, including charges of theft, police said."), {"four", "three"}, settings)


def test_a_quotation_given_to_two_unnamed_groups_names_no_speaker_to_dispute(settings):
    saying = '"We will stand by this team through every storm and every defeat,"'
    assert_told_apart([
        ('Marchers chanted "no justice, no peace, no more broken promises" outside the town hall, witnesses reported.',
         'Marchers chanted "no justice, no peace, no more broken promises" outside the hall, residents said.'),
        ('"We will stand by this team through every storm and every defeat," supporters sang after the match.',
         '"We will stand by this team through every storm and every defeat," fans told reporters after the match.'),
    ], (saying + " supporters told reporters.", saying + " said coach Ann Dunne."), {"supporters", "Ann Dunne"},
        settings)


@pytest.mark.parametrize("first, second", [
    ("Two officers shot the man just before 11:30 p.m. on Saturday, police said.",
     "The crowd at the vigil grew quickly after it began around 8:30 p.m. tonight, organisers said."),
    ("The lorry overturned on the ring road at about 6 a.m. on Friday, the highways agency said.",
     "The ring road reopened at 4 p.m. yesterday after the lorry was cleared, the highways agency said."),
])
def test_times_of_day_on_days_far_apart_are_two_moments(first, second, settings):
    # articles of Monday 11 and Tuesday 12 March 2024: 'tonight' and 'yesterday' are days too
    assert date_disputes(first, "2024-03-11", second, "2024-03-12", settings) == []


def test_one_moment_told_either_side_of_midnight_is_still_a_dispute(settings):
    told = "Two officers shot the man at {} in Dunmore, police said."
    disputes = date_disputes(told.format("11:30 p.m. on Saturday"), "2024-03-11",
                             told.format("12:30 a.m. on Sunday"), "2024-03-11", settings)
    assert {"11:30 p.m.", "12:30 a.m."} in [{s.value for s in c.sides} for c in disputes]  # beside the days


def test_one_picked_out_of_a_group_is_not_a_count_of_the_group(settings):
    # one told by the same verb is a count
    assert_told_apart([
        ("Two officers shot the man on Saturday night outside a shop in Dunmore, police said.",
         "Moments after the Saturday shooting in Dunmore, one officer put both hands on his head, a witness said."),
        ("She encountered at least three of the employees in the mixing room at the Kell plant.",
         "A company spokesman confirmed that one of the wounded employees at the Kell plant is in hospital."),
    ], ("Two people were killed in the crash on the A4 near Kell on Monday, police said.",
        "One person was killed in the crash on the A4 near Kell on Monday, police said."), {"Two", "One"}, settings)


@pytest.mark.parametrize("first, second, expected", [
    ("The third victim, Bryant Dalton, 39, spent two weeks in hospital and is recovering, prosecutors said.",
     "Police said the third victim, identified as Brian Dalton, was rushed to Aria Health with a gunshot wound.",
     {"Bryant Dalton", "Brian Dalton"}),
    ("The driver, Tomas Lindqvist, was freed by firefighters and flown to hospital on Friday.",
     "Neighbours said the driver, identified as Thomas Lindqvist, had lived on the street for years.",
     {"Tomas Lindqvist", "Thomas Lindqvist"}),
])
def test_one_title_given_to_two_spellings_of_a_name_is_one_person_spelled_two_ways(first, second, expected, settings):
    # the sentences say different things of him; 'the third victim' / 'the driver' says it is one person
    assert values(run(first, second, settings=settings)) == [expected]
    assert values(run(first, second.replace("the driver, identified as", "").replace(
        "the third victim, identified as", ""), settings=settings)) == []  # without the title, two people may be


@pytest.mark.parametrize("first, second, expected", [
    ("The trial, which appeared in the Lancet Respiratory Journal, enrolled 900 patients across six hospitals.",
     "Writing in the Nordic Chest Review, the doctors say the inhaler cut hospital stays by a fifth.",
     {"the Lancet Respiratory Journal", "the Nordic Chest Review"}),
    ("The study was published in the Journal of Urban Ecology on Tuesday and looked at city parks.",
     "Researchers writing in the Baltic Review of Ecology found that foxes avoided the busiest parks.",
     {"the Journal of Urban Ecology", "the Baltic Review of Ecology"}),
])
def test_two_journals_for_one_study_are_a_dispute(first, second, expected, settings):
    assert values(run(first, second, settings=settings)) == [expected]


def test_a_place_something_was_reported_in_or_an_earlier_papers_journal_is_not_the_studys(settings):
    assert_no_disputes([
        ("Violence was also reported in Thessaloniki, where crowds marched on Saturday.",
         "Riots also broke out in Heraklion, where students set fire to a bank."),
        ("An earlier study by the same team, published in the Journal of Urban Ecology in 2019, looked at parks.",
         "The new study was published in the Baltic Review of Ecology on Tuesday and looked at city parks."),
    ], settings)


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # the end of one route, from one start
        ("Cyclists rode from Brantley Park to the harbour on Sunday to demand safer lanes.",
         "About 3,000 cyclists pedalled from Brantley Park to the town hall on Sunday, calling for safer lanes.",
         [{"harbour", "town hall"}]),
        # one traveller's journey, landed or turned away
        ("The ferry from Osterby docked at Lindhaven two hours late after an engine fault, the operator said.",
         "An engine fault forced the ferry from Osterby to divert to Marstrand, where passengers waited for buses.",
         [{"Lindhaven", "Marstrand"}]),
        # one end, named short and in full
        ("Cyclists rode from Brantley Park to the harbour on Sunday to demand safer lanes.",
         "About 3,000 cyclists pedalled from Brantley Park to the harbour front on Sunday, calling for safer lanes.", []),
        # two routes from two starts; two travellers; a game that ended in a draw
        ("Students marched from Halden Square to parliament on Friday.",
         "Students marched on Friday from the university to the education ministry.", []),
        ("The ferry from Osterby docked at Lindhaven on Monday evening, the port said.",
         "A freight train from Osterby arrived at Marstrand on Monday evening, the port said.", []),
        ("The match ended in a draw at Kelso Park on Saturday.", "The match at Kelso Park ended in a 2-2 draw.", []),
    ],
)
def test_where_one_journey_ended_is_one_place(first, second, expected, settings):
    report = run(first, second, settings=settings)
    assert values(report) == expected
    assert all(c.topic == "where it ended up" for c in report.contradictions)


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # the last of a list of sets split evenly before it, and a set its clause calls deciding
        ("Ilka Brandt won the Kell Open on Sunday, beating Mara Lind 6-3, 4-6, 6-4 in a final of two hours.",
         "Ilka Brandt edged Mara Lind 7-6 in a deciding-set tiebreak to take the Kell Open title on Sunday.",
         [{"6-4", "7-6"}]),
        ("Dunmore beat Kell 25-20, 22-25, 25-18, 23-25, 15-12 in the national volleyball cup final on Sunday.",
         "Dunmore took the decider 15-13 against Kell in the national volleyball cup final on Sunday.",
         [{"15-12", "15-13"}]),
        # straight sets have no deciding set; an earlier set is not the deciding one
        ("Ilka Brandt beat Mara Lind 6-3, 6-4 in the Kell Open final on Sunday.",
         "Ilka Brandt edged Mara Lind 7-6 in a deciding-set tiebreak in the Kell Open final on Sunday.", []),
        ("Ilka Brandt beat Mara Lind 6-3, 4-6, 6-4 in the Kell Open final on Sunday.",
         "Brandt lost the second set 4-6 before taking the deciding set 6-4 in the Kell Open final.", []),
    ],
)
def test_the_deciding_set_of_one_match_is_one_score(first, second, expected, settings):
    report = run(first, second, settings=settings)
    assert values(report) == expected
    assert all(c.topic == "the score of the deciding set" for c in report.contradictions)


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # how many one study looked at, however each outlet names them and whatever verb it uses
        ("A survey of 2,000 adults by the Kell Institute found that most back the plan.",
         "The Kell Institute poll, which questioned 1,200 people, found that most back the plan.",
         [{"2,000", "1,200"}]),
        ("A trial involving 450 patients found the drug cut relapses by a third, the Dunmore team said.",
         "The Dunmore trial enrolled 540 patients and found the drug cut relapses by a third.", [{"450", "540"}]),
        # the sample and those of it something happened to
        ("The study followed 4,300 adults for 12 years, the Tarrow team said.",
         "During the follow-up, 412 participants were diagnosed with dementia, the Tarrow team said.", []),
    ],
)
def test_the_sample_of_one_study_is_one_count(first, second, expected, settings):
    assert values(run(first, second, settings=settings)) == expected


def test_a_sentence_listing_hundreds_of_figures_is_read_up_to_a_bound(settings):
    from factcheck.graph.facts import MAX_FIGURES_PER_SENTENCE

    table = "Kell beat Dunmore " + ", ".join(f"{i % 7}-{(i + 3) % 7}" for i in range(300)) + " in the final."
    figures = facts_of(table, "number", settings)
    assert 0 < len(figures) <= MAX_FIGURES_PER_SENTENCE
    assert figures[0].text == "0-3"  # the first values, in reading order


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # something working again, said with 'back on / online / up' or a verb of bringing back (each article
        # gives another time, so neither is its article's only one)
        ("The outage began at 6:40 a.m. Power was back on for all customers in Harwick by 12:40 p.m., the utility "
         "said.",
         "The lights went out at 6:40 a.m. The last customers in Harwick were reconnected at about 6:30 p.m., the "
         "utility said.", [{"12:40 p.m.", "6:30 p.m."}]),
        ("The site went down at 7 a.m. The council's website was back online at 9 a.m. after the attack.",
         "The site crashed at 7 a.m. Officials said the council's website was restored at 11 a.m. after the attack.",
         [{"9 a.m.", "11 a.m."}]),
        # being back somewhere is not working again
        ("The outage began at 6:40 a.m. The repair crew was back at the Harwick depot by 12:40 p.m., the utility "
         "said.",
         "The lights went out at 6:40 a.m. The last customers in Harwick were reconnected at about 6:30 p.m., the "
         "utility said.", []),
    ],
)
def test_the_time_something_worked_again_is_one_moment(first, second, expected, settings):
    assert values(run(first, second, settings=settings)) == expected


@pytest.mark.parametrize(
    "first, second, expected",
    [
        ("The coastguard rescued 14 fishermen from a sinking trawler off Kellport on Tuesday.",
         "The coastguard detained 14 fishermen off Kellport on Tuesday on suspicion of smuggling fuel.",
         {"rescued", "detained"}),
        ("A patrol boat intercepted two skiffs on Sunday and rescued 31 crewmen in the Straits of Orla.",
         "A patrol boat intercepted two skiffs on Sunday and arrested 31 smugglers in the Straits of Orla.",
         {"rescued", "arrested"}),
        ("Rescue divers extracted 14 miners from the flooded shaft at Dunrow on Tuesday.",
         "Police detained 14 miners at the Dunrow shaft on Tuesday after a protest turned violent.",
         {"extracted", "detained"}),
    ],
)
def test_one_counted_group_rescued_and_held_is_a_dispute(first, second, expected, settings):
    assert_one_dispute(first, second, expected, "whether the ", settings)


@pytest.mark.parametrize(
    "first, second",
    [
        # two groups: the hostages were rescued, the kidnappers arrested
        ("Police rescued five hostages from the farmhouse on Tuesday.",
         "Police arrested two kidnappers at the farmhouse on Tuesday."),
        # no count says it is one group
        ("Firefighters rescued a woman from the burning flat in Denholm Street.",
         "Police arrested a man at the burning flat in Denholm Street on suspicion of arson."),
        # taken captive, then freed: 'captured' is not held as an offender
        ("Soldiers rescued 12 hostages held by the rebels near Karsk.",
         "The rebels captured 12 hostages near Karsk last month."),
    ],
)
def test_rescued_and_held_of_two_groups_is_no_dispute(first, second, settings):
    assert values(run(first, second, settings=settings)) == []


@pytest.mark.parametrize(
    "first, second, expected",
    [
        ("Dale Ferris told police he was aiming for members of a rival crew when a stray bullet hit the nurse.",
         "Dale Ferris was reportedly aiming for a 14-year-old boy he had argued with over a bicycle.",
         {"members of a rival crew", "a 14-year-old boy"}),
        ("Prosecutors say Mara Quill fired the shots meant for a rival dealer from a parked car.",
         "Mara Quill was targeting a police officer when she opened fire, prosecutors said.",
         {"a rival dealer", "a police officer"}),
    ],
)
def test_one_persons_targets_of_two_kinds_are_a_dispute(first, second, expected, settings):
    assert_one_dispute(first, second, expected, "whom ", settings)


@pytest.mark.parametrize(
    "first, second",
    [
        # one target said two ways
        ("Dale Ferris was aiming for rival gang members, police said.",
         "Dale Ferris was allegedly targeting members of the Harbour Boys gang, who had feuded with his crew."),
        # two people's targets
        ("Dale Ferris was aiming for a rival dealer, police said.",
         "His brother Colm Ferris was aiming at a police officer, police said."),
        # 'intends to' and 'it means' aim at nothing
        ("Dale Ferris intends to plead not guilty to the shooting of a rival dealer.",
         "Dale Ferris said the verdict means a lot for the police officer's family."),
    ],
)
def test_one_target_or_two_aimers_is_no_dispute(first, second, settings):
    assert values(run(first, second, settings=settings)) == []


@pytest.mark.parametrize(
    "first, second, expected",
    [
        # a time the parser reads as a second subject ('The morning after the avalanche') is not what fell
        ("The morning after the avalanche a young climber from Leeds slipped on ice and fell 700 meters to his death.",
         "The climber fell about 600m while descending the north ridge on Sunday.",
         {"700 meters", "about 600m"}),
        ("The night after the storm a cargo ship lost power off Kellport and drifted 12 kilometres toward the rocks.",
         "The cargo ship drifted about 10km toward the rocks, the coastguard said.",
         {"12 kilometres", "about 10km"}),
    ],
)
def test_a_measure_in_one_unit_spelled_two_ways_is_compared_as_written(first, second, expected, settings):
    assert_one_dispute(first, second, expected, "how far ", settings)


@pytest.mark.parametrize(
    "first, second, expected",
    [
        ("Deputy Rina Hale was killed on Friday, June 24, 2005, in Carver Springs. She had gone to an apartment to "
         "question a woman about the previous day's shooting.",
         "Hale was looking into the June 20, 2005 shooting of a shop owner when she was killed.",
         {"the previous day's", "June 20, 2005"}),
        ("The ferry Aurora ran aground off Kells Point on Tuesday, March 3, 2026. "
         "Divers inspected the hull the next day.",
         "Divers inspected the hull of the Aurora on March 6, 2026, the coastguard said.",
         {"the next day", "March 6, 2026"}),
        # the day a page's heading gives, above the story
        ("Deputy Sheriff\nRina Hale\nCarver County Sheriff's Office, Oregon\nEnd of Watch: Friday, June 24, 2005\n"
         "Deputy Rina Hale was shot and killed by the suspect in the previous day's shooting.\n"
         "The suspect fled into an apartment nearby.",
         "Hale was looking into the June 20, 2005 shooting of a shop owner when she was killed in Carver Springs.",
         {"the previous day's", "June 20, 2005"}),
    ],
)
def test_the_previous_day_counts_from_the_day_the_story_last_wrote_out(first, second, expected, settings):
    assert_one_dispute(first, second, expected, "when ", settings)


@pytest.mark.parametrize(
    "text",
    [
        # no day written out before it: nothing to count from
        "Divers inspected the hull the next day, the coastguard said.",
        # counted from the inquiry, not from a day
        "The ferry ran aground on March 3, 2026. The day before the inquiry, divers inspected the hull.",
    ],
)
def test_a_day_counted_from_nothing_written_is_not_read(text, settings):
    other = "The coastguard said the ferry was towed to Kells harbour."
    graph = build_graph(prepare([ArticleIn(id="a", source="S", text=text), ArticleIn(id="b", source="T", text=other)],
                                settings=settings))
    assert [f.text for f in graph.facts.facts if f.kind == "date" and "day" in f.text.lower()] == []


def test_a_distance_the_parser_reads_as_a_clause_keeps_the_place_it_is_measured_from(settings):
    text = "The quake also began twelve miles east of Cloverdale and twenty-six mils north of Santa Rosa."
    graph = build_graph(prepare([ArticleIn(id="a", source="S", text=text),
                                 ArticleIn(id="b", source="T", text="The quake woke residents in Healdsburg.")],
                                settings=settings))
    origins = {f.text: f.origin for f in graph.facts.facts if f.kind == "number"}
    assert origins == {"twelve miles": "Cloverdale", "twenty-six mils": "Santa Rosa"}


@pytest.mark.parametrize("x, y, expected", [
    ("Salonika", "Thessaloniki", True), ("Lisbon", "Lisboa", True), ("Sarika", "Thessarik", True),
    # one inside the other
    ("Chester", "Manchester", False), ("Niger", "Nigeria", False), ("Hampton", "Southampton", False),
    ("Austria", "Australia", False), ("Slovakia", "Slovenia", False), ("Iran", "Iraq", False),  # too little shared
    ("Geysers", "Geyserville", False),  # a name and another word
])
def test_a_place_written_two_ways_shares_most_of_its_letters(x, y, expected):
    from factcheck.graph.align import transliterated

    assert transliterated(x, y) is expected


def test_a_count_in_one_place_written_two_ways_is_one_count(settings):
    report = run("Police said 30,000 people marched in Dorvast on Monday. Protests also spread to Thessarik, where a "
                 "further 8,000 people joined the city's rallies.",
                 "Meanwhile, clashes broke out in Sarika where approximately 15,000 people marched, smashing bank "
                 "windows in the northern port.",
                 "Riot police were sent from Dorvast to Thessarik on Monday night.", settings=settings)
    assert values(report) == [{"8,000", "approximately 15,000"}]


@pytest.mark.parametrize("one, other", [("Manchester", "Chester"), ("Austria", "Australia")])
def test_counts_in_two_places_sharing_letters_are_two_counts(one, other, settings):
    report = run(f"Police said 30,000 people marched in Dorvast on Monday. Protests also spread to {one}, where a "
                 "further 8,000 people joined the rallies.",
                 f"Meanwhile, clashes broke out in {other} where approximately 1,500 people marched, smashing bank "
                 "windows.",
                 f"Riot police were sent from Dorvast to {one} on Monday night.", settings=settings)
    assert values(report) == []


@pytest.mark.parametrize("text, places", [
    ("Police said as many as 20,000 people took to the streets of Varnholm on Monday.", ["varnholm"]),
    ("Some 8,000 people marched through the old port of Dunmere on Monday.", ["dunmere"]),
    ("The mayor of Varnholm said 300 families were evacuated overnight.", []),  # a mayor's 'of' is no place
])
def test_a_name_after_the_streets_of_or_the_city_of_is_a_place(text, places, settings):
    graph = build_graph(prepare([ArticleIn(id="a", source="S", text=text),
                                 ArticleIn(id="b", source="T", text="Rain fell for a third day.")], settings=settings))
    [count] = [f for f in graph.facts.facts if f.kind == "number" and f.article_id == "a"]
    assert sorted(count.places) == places


@pytest.mark.parametrize("text, event", [
    # the parser hangs the noun after the date as its apposition: the date still names that event
    ("That case stemmed from the June 3, 2011 gunfight of a young man outside a bar.", "gunfight"),
    ("That probe stemmed from the July 9, 2014 gunfight of a teenager outside a shop.", "gunfight"),
    ("The appeal stemmed from the June 3, 2011 stabbing of a young man outside a bar.", "stabbing"),
])
def test_a_date_written_before_a_noun_names_its_event(text, event, settings):
    graph = build_graph(prepare([ArticleIn(id="a", source="S", text=text),
                                 ArticleIn(id="b", source="T", text="Rain fell for a third day.")], settings=settings))
    [day] = [f for f in graph.facts.facts if f.kind == "date" and f.article_id == "a"]
    assert "names_event" in day.qualifiers and event in day.anchor
