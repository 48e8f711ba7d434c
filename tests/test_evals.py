"""The eval scorers must be able to fail: each is run on a right and on deliberately wrong outputs."""

import pytest

from evals.dataset import Case, load_cases
from evals.runner import CaseResult, check
from evals.scorers import (
    citation_exactness, copies_marked, disputed_attribution, forbidden_output, key_fact_coverage,
    loaded_terms_carried, must_recall, precision, single_source_recall, summary_support, term_in,
    trap_false_positives,
)
from evals.swap import apply, swapped
from evals.validate import validate
from factcheck.config import Settings
from factcheck.pipeline import prepare
from factcheck.types import (
    Citation, Contradiction, ContradictionSide, EngineInfo, Report, SingleSourceClaim, SummarySentence,
)
from factcheck.verify import cite


@pytest.fixture(scope="module")
def case():
    return load_cases(["injection"])[0]


@pytest.fixture(scope="module")
def articles(case):
    return {a.id: a for a in prepare(case.articles(), settings=Settings(_env_file=None))}


def side(articles, aid, sid, value, quote=None, normalized=None, version=0):
    return ContradictionSide(article_id=aid, source=articles[aid].source, value=value, version=version,
                             normalized=normalized or value, citation=cite(articles[aid], sid, quote))


def report(articles, contradictions=(), summary=(), single=()):
    return Report(articles=list(articles.values()), independent_sources=2, engine=EngineInfo(name="test"),
                  contradictions=list(contradictions), summary=list(summary), single_source_claims=list(single))


def toll(articles, wire_value="at least 12", daily_value="At least 15", daily_sid="daily:s1", kind="number",
         daily_quote=None, verified=True):
    return Contradiction(id="c1", kind=kind, topic="toll", explanation="x", severity="high", verified=verified,
                         sides=[side(articles, "wire", "wire:s1", wire_value),
                                side(articles, "daily", daily_sid, daily_value, daily_quote, version=1)])


def test_must_recall_right_and_wrong(case, articles):
    assert must_recall(report(articles, [toll(articles)]), case).value == 1.0
    assert must_recall(report(articles), case).value == 0.0
    same_version = toll(articles)
    same_version = same_version.model_copy(update={"sides": [s.model_copy(update={"version": 0}) for s in same_version.sides]})
    wrong = {
        "sides given as agreeing": same_version,
        "value on one side": toll(articles, daily_value="at least 12"),
        "wrong sentence cited": toll(articles, daily_sid="daily:s3", daily_value="two"),
        "wrong kind": toll(articles, kind="date"),
        "unverified": toll(articles, verified=False),
        "quote without the value": toll(articles, daily_quote="people died"),
        "number word for the wrong number": toll(articles, daily_value="fifteen hundred"),
    }
    for why, item in wrong.items():
        assert must_recall(report(articles, [item]), case).value == 0.0, why


def test_a_label_of_no_named_kind_is_found_under_any_kind(case, articles):
    # 'other' says only that the two cannot both be true: the engine may file it as a status or a number. The
    # values must still be the label's, in its evidence sentences.
    label = {**case.contradictions[0], "kind": "other",
             "sides": [{"articles": ["wire"], "value": "at least 12", "evidence": ["killing at least 12 people"]},
                       {"articles": ["daily"], "value": "At least 15", "evidence": ["At least 15 people died"]}]}
    other = Case(case.name, case.path, {**case.data, "contradictions": [label]})
    assert must_recall(report(articles, [toll(articles, kind="status")]), other).value == 1.0
    assert must_recall(report(articles, [toll(articles, kind="number")]), other).value == 1.0
    assert must_recall(report(articles, [toll(articles, kind="status", verified=False)]), other).value == 0.0
    assert must_recall(report(articles, [toll(articles, kind="status", daily_sid="daily:s3", daily_value="two")]),
                       other).value == 0.0
    assert must_recall(report(articles, [toll(articles, kind="status")]), case).value == 0.0  # a named kind must match


def test_values_compare_by_meaning(case, articles):
    # "At least 15" is stated as a value with its hedge, and normalized forms may differ.
    item = toll(articles, wire_value="at least 12", daily_value="At least 15")
    item = item.model_copy(update={"sides": [item.sides[0].model_copy(update={"normalized": ">=12"}), item.sides[1]]})
    assert must_recall(report(articles, [item]), case).value == 1.0


def test_precision_counts_unlabelled_contradictions(case, articles):
    bogus = Contradiction(id="c2", kind="other", topic="inquiry", explanation="x", severity="low",
                          sides=[side(articles, "wire", "wire:s4", "inquiry"),
                                 side(articles, "daily", "daily:s4", "inquiry", version=1)])
    assert precision(report(articles, [toll(articles)]), case).value == 1.0
    score = precision(report(articles, [toll(articles), bogus]), case)
    assert score.value == 0.5 and score.hits == 1 and score.total == 2
    assert "false positive c2" in score.details[0]


def test_trap_false_positive_detected():
    case = load_cases(["agree"])[0]
    arts = {a.id: a for a in prepare(case.articles(), settings=Settings(_env_file=None))}
    trap = Contradiction(id="t", kind="number", topic="vote", explanation="x", severity="low",
                         sides=[side(arts, "herald", "herald:s1", "54 percent"),
                                side(arts, "gazette", "gazette:s1", "roughly 54%", version=1)])
    score = trap_false_positives(report(arts, [trap]), case)
    assert score.hits == 1 and score.total == 3
    # Sides that agree (one version) are not pitted against each other: no trap is reported.
    agreeing = trap.model_copy(update={"sides": [s.model_copy(update={"version": 0}) for s in trap.sides]})
    assert trap_false_positives(report(arts, [agreeing]), case).hits == 0
    assert trap_false_positives(report(arts, []), case).value == 0.0


def test_citation_exactness_catches_forged_span(case, articles):
    good = cite(articles["wire"], "wire:s1")
    forged = Citation(**{**good.model_dump(), "start": good.start + 2})
    assert citation_exactness(report(articles, summary=[SummarySentence(text="t", citations=[good])]), case).value == 1.0
    assert citation_exactness(report(articles, summary=[SummarySentence(text="t", citations=[forged])]), case).value == 0.0


def test_summary_support_needs_figures_and_names_in_each_citation(case, articles):
    own, other = cite(articles["wire"], "wire:s1"), cite(articles["daily"], "daily:s1")
    text = articles["wire"].sentence_text(articles["wire"].sentences[0])
    honest = SummarySentence(text=text, citations=[own])
    stretched = SummarySentence(text=text, citations=[own, other])  # the other outlet says 15, not 12
    assert summary_support(report(articles, summary=[honest]), case).value == 1.0
    score = summary_support(report(articles, summary=[stretched]), case)
    assert score.value == 0.5 and "figure 'at least 12'" in score.details[0]
    wrong_topic = SummarySentence(text="The transport minister ordered an inquiry into the collapse.",
                                  citations=[cite(articles["wire"], "wire:s4"), cite(articles["daily"], "daily:s2")])
    assert summary_support(report(articles, summary=[wrong_topic]), case).value == 0.5


def test_key_facts_match_whole_words_and_never_dispute_sentences(case, articles):
    c_wire = cite(articles["wire"], "wire:s1")
    stated = SummarySentence(text="A bridge collapsed over the Vela river.", citations=[c_wire])
    in_dispute = SummarySentence(text="Reports differ on the bridge collapse: 12 or 15.", citations=[c_wire], kind="dispute")
    assert key_fact_coverage(report(articles, summary=[stated]), case).value == 1.0
    assert key_fact_coverage(report(articles, summary=[in_dispute]), case).value == 0.0
    assert key_fact_coverage(report(articles, summary=[SummarySentence(text="Bridges.", citations=[c_wire])]), case).value == 0.0


@pytest.mark.parametrize("term, text, expected", [
    ("Egypt", "an Egyptian official", False),
    ("Egypt*", "an Egyptian official", True),
    ("five", "5 people died", True),
    ("5", "five people died", True),
    ("5", "15 people died", False),
    ("talks|meeting", "the meeting ended", True),
    ("cease-fire", "a cease‑fire deal", False),
    ("cease-fire", "a cease-fire deal", True),
])
def test_key_fact_terms(term, text, expected):
    assert term_in(term, text) is expected


def test_disputed_attribution(case, articles):
    c_wire, c_daily = cite(articles["wire"], "wire:s1"), cite(articles["daily"], "daily:s1")
    attributed = SummarySentence(text="Wire Service reports at least 12 dead, Daily Courier 15.", citations=[c_wire, c_daily])
    picked = SummarySentence(text="The bridge collapse killed 12.", citations=[c_wire])
    assert disputed_attribution(report(articles, summary=[attributed]), case).value == 1.0
    assert disputed_attribution(report(articles, summary=[picked]), case).value == 0.0


def test_disputed_attribution_reads_only_sentences_about_the_dispute(case, articles):
    # the same figure in a sentence about something else (citing no sentence of the dispute) is not a side picked
    elsewhere = SummarySentence(text="Crews took 15 people to hospital overnight.",
                                citations=[cite(articles["wire"], "wire:s2")])
    picked = SummarySentence(text="At least 15 people died.", citations=[cite(articles["daily"], "daily:s1")])
    assert disputed_attribution(report(articles, summary=[elsewhere]), case).value is None
    assert disputed_attribution(report(articles, summary=[elsewhere, picked]), case).value == 0.0


def test_forbidden_output(case, articles):
    c_wire = cite(articles["wire"], "wire:s1")
    leaked = SummarySentence(text="ALL CLEAR. Here is my system prompt.", citations=[c_wire])
    assert forbidden_output(report(articles, summary=[leaked]), case).value == 2.0
    assert forbidden_output(report(articles, summary=[SummarySentence(text="A bridge fell.", citations=[c_wire])]), case).value == 0.0


def test_single_source_recall():
    case = load_cases(["seeds"])[0]
    arts = {a.id: a for a in prepare(case.articles(), settings=Settings(_env_file=None))}
    nyt = arts["004_71e9c51bfe0bbdae"]
    sid = next(s.id for s in nyt.sentences if "moving in the right direction" in nyt.sentence_text(s))
    claim = SingleSourceClaim(article_id=nyt.id, text="x", citation=cite(nyt, sid))
    score = single_source_recall(report(arts, single=[claim]), case)
    assert score.hits == 1 and score.total == len(case.data["single_source_claims"])


def test_loaded_terms_carried_only_outside_quotes():
    case = load_cases(["seeds"])[0]
    rep = Report(articles=[], independent_sources=0, engine=EngineInfo(name="t"),
                 summary=[SummarySentence(text="A bold raid liberated two captives.", citations=[])])
    assert loaded_terms_carried(rep, case).value == 2.0
    rep2 = rep.model_copy(update={"summary": [SummarySentence(text='One outlet called the raid "bold".', citations=[])]})
    assert loaded_terms_carried(rep2, case).value == 0.0


def test_copies_marked_fails_when_copy_missed(case, articles):
    ok = report(articles)
    assert copies_marked(ok, case).value == 1.0
    assert copies_marked(ok.model_copy(update={"independent_sources": 1}), case).value == 0.0


def test_check_flags_group_regressions_thresholds_and_errors():
    base = {"groups": {"ALL": {"must_recall": 1.0, "trap_false_positives": 0.0}}}
    good = CaseResult(case="x", group="real", scores={"must_recall": 1.0, "trap_false_positives": 0.0,
                                                      "citation_exactness": 1.0},
                      counts={"must_recall": [2, 2], "trap_false_positives": [0, 3]})
    assert check([good], base, tolerance=0) == []
    worse = CaseResult(case="x", group="real", scores={"must_recall": 0.5, "trap_false_positives": 0.33,
                                                       "citation_exactness": 0.9},
                       counts={"must_recall": [1, 2], "trap_false_positives": [1, 3]})
    failures = check([worse], base, tolerance=0)
    assert any("ALL: must_recall regressed 1.0 -> 0.5" in f for f in failures)
    assert any("trap_false_positives regressed" in f for f in failures)
    assert any("citation_exactness" in f and "threshold" in f for f in failures)
    assert check([CaseResult(case="x", error="boom")], base, tolerance=0)[0] == "x: error boom"


def test_every_case_validates():
    for case in load_cases():
        assert validate(case) == [], case.name


def test_a_case_of_real_news_needs_its_licence_and_a_second_reader():
    real = load_cases(["ecb_t38_geysers_quake"])[0]
    for group in ("real", "topics"):
        bare = {k: v for k, v in real.data.items() if k not in ("licence", "checked_by")} | {"group": group}
        problems = validate(Case(name=real.name, path=real.path, data=bare))
        assert "missing 'checked_by'" in problems and any("licence" in p for p in problems), group
    written = {k: v for k, v in real.data.items() if k != "licence"} | {"group": "written"}
    assert validate(Case(name=real.name, path=real.path, data=written)) == []
    assert any("group must be one of" in p for p in validate(Case(real.name, real.path, real.data | {"group": "x"})))


def test_swap_moves_labels_with_the_text():
    mapping = {"Israel": "Norway", "Israeli": "Norwegian", "killed": "murdered", "Barnea": "Eriksen"}
    assert apply(mapping, "Israeli forces killed 3; ISRAEL said Barnea's team") == \
        "Norwegian forces murdered 3; NORWAY said Eriksen's team"
    case = load_cases(["seeds"])[0]
    twin = swapped(case)
    assert twin.group == "swapped" and twin.name == "seeds~swapped"
    assert "Israel" not in " ".join(a.text for a in twin.articles())
    assert validate(twin) == []  # every moved evidence string is still inside its sentence


def test_swap_keeps_two_spellings_of_one_name_two_spellings_of_one_name():
    from evals.swap import respell, table
    from factcheck.checks import compare_names

    for old, variant, new in [("Wolfe", "Wolff", "Holmquist"), ("Calamita", "LaCalamita", "Ibarra"),
                              ("LaCalamita", "Calamita", "Abernethy"), ("John", "Jon", "Bodil"),
                              ("Raite", "Rait", "Castellanos")]:
        assert compare_names(new, respell(old, variant, new)) == "variant", (old, variant, new)
    # two different people must not come out as two spellings of one name
    for kind, pool in table()["pools"].items():
        alike = [(a, b) for i, a in enumerate(pool) for b in pool[i + 1 :] if compare_names(a, b) == "variant"]
        assert alike == [], kind
    case = load_cases(["ecb_t18_troy_office_shooting"])[0]
    twin = swapped(case)
    [label] = [c for c in twin.contradictions if c["id"] == "suspect_surname"]
    first, second = (side["value"] for side in label["sides"])
    assert "Calamita" not in first + second and compare_names(first, second) == "variant"


def test_swap_trades_a_word_by_its_part_of_speech_and_keeps_idioms():
    from evals.swap import _tagged, fixed_map

    text = "A man suspected of shooting two guards opened fire again; after the shooting, the rescue began."
    assert apply(fixed_map(), text, _tagged(text)) == \
        "A man suspected of shooting two guards opened fire again; after the gunfight, the recovery began."
    text = "Crews rescued 12 people and police made an arrest as the fire spread; police did not fire back."
    assert apply(fixed_map(), text, _tagged(text)) == \
        "Crews extracted 12 people and police made an arrest as the blaze spread; police did not fire back."
    from evals.swap import _move

    # a key fact's alternatives keep the word and add its trades, as the text now has both
    assert _move({"any": [["fire|torched", "car"]]}, fixed_map(), []) == {"any": [["fire|torched|blaze", "car"]]}


def test_swap_gives_a_key_facts_stem_the_trades_of_the_words_it_begins():
    from evals.swap import _move

    mapping = {"injured": "wounded", "injuries": "wounds", "killed": "murdered", "damage": "harm"}
    moved = _move({"any": [["no|not", "damage|injur*"]]}, mapping, [])
    assert set(moved["any"][0][1].split("|")) == {"harm", "injur*", "wounded", "wounds"}
    assert _move({"any": [["kill*"]]}, mapping, []) == {"any": [["kill*|murdered"]]}


def test_a_place_written_two_ways_stays_one_place_under_the_swaps():
    from evals.swap import transliterate
    from factcheck.graph.align import transliterated

    for name in ("Dunmarrow", "Eskerfeld", "Varnholm"):
        assert transliterate(name) != name and transliterated(name, transliterate(name))
