"""The eval scorers must be able to fail: each is run on a right and on deliberately wrong outputs."""

import pytest

from evals.dataset import load_cases
from evals.runner import check, CaseResult
from evals.scorers import (
    citation_exactness, contradiction_precision, copies_marked, disputed_attribution, forbidden_output,
    key_fact_coverage, loaded_terms_carried, must_recall, summary_numbers_supported, trap_false_positives,
)
from factcheck.pipeline import prepare
from factcheck.types import Citation, Contradiction, ContradictionSide, EngineInfo, Report, SummarySentence
from factcheck.verify import cite


@pytest.fixture(scope="module")
def case():
    return load_cases(["injection"])[0]


@pytest.fixture(scope="module")
def articles(case):
    from factcheck.config import Settings

    return {a.id: a for a in prepare(case.articles(), settings=Settings(_env_file=None))}


def side(articles, aid, sid, value, quote=None):
    return ContradictionSide(article_id=aid, source=articles[aid].source, value=value, normalized=value,
                             citation=cite(articles[aid], sid, quote))


def report(articles, contradictions=(), summary=()):
    return Report(articles=list(articles.values()), independent_sources=2, engine=EngineInfo(name="test"),
                  contradictions=list(contradictions), summary=list(summary))


def toll(articles, wire_value="at least 12", daily_value="at least 15", daily_sid="daily:s1"):
    return Contradiction(id="c1", kind="number", topic="toll", explanation="x", severity="high",
                         sides=[side(articles, "wire", "wire:s1", wire_value), side(articles, "daily", daily_sid, daily_value)])


def test_must_recall_right_and_wrong(case, articles):
    assert must_recall(report(articles, [toll(articles)]), case).value == 1.0
    assert must_recall(report(articles), case).value == 0.0
    # Wrong value on one side, or the wrong sentence cited: no match.
    assert must_recall(report(articles, [toll(articles, daily_value="at least 12")]), case).value == 0.0
    assert must_recall(report(articles, [toll(articles, daily_sid="daily:s3")]), case).value == 0.0


def test_precision_counts_unlabelled_contradictions(case, articles):
    bogus = Contradiction(id="c2", kind="other", topic="inquiry", explanation="x", severity="low",
                          sides=[side(articles, "wire", "wire:s4", "inquiry"), side(articles, "daily", "daily:s4", "inquiry")])
    assert contradiction_precision(report(articles, [toll(articles)]), case).value == 1.0
    assert contradiction_precision(report(articles, [toll(articles), bogus]), case).value == 0.5


def test_trap_false_positive_detected():
    case = load_cases(["agree"])[0]
    from factcheck.config import Settings

    arts = {a.id: a for a in prepare(case.articles(), settings=Settings(_env_file=None))}
    trap = Contradiction(id="t", kind="number", topic="vote", explanation="x", severity="low",
                         sides=[side(arts, "herald", "herald:s1", "54 percent"), side(arts, "gazette", "gazette:s1", "roughly 54%")])
    assert trap_false_positives(report(arts, [trap]), case).value == 1.0
    assert trap_false_positives(report(arts, []), case).value == 0.0


def test_citation_exactness_catches_forged_span(case, articles):
    good = cite(articles["wire"], "wire:s1")
    forged = Citation(**{**good.model_dump(), "start": good.start + 2})
    assert citation_exactness(report(articles, summary=[SummarySentence(text="t", citations=[good])]), case).value == 1.0
    assert citation_exactness(report(articles, summary=[SummarySentence(text="t", citations=[forged])]), case).value == 0.0


def test_summary_scorers(case, articles):
    c_wire, c_daily = cite(articles["wire"], "wire:s1"), cite(articles["daily"], "daily:s1")
    attributed = SummarySentence(text="A bridge collapsed; Wire Service reports at least 12 dead, Daily Courier 15.",
                                 citations=[c_wire, c_daily])
    picked = SummarySentence(text="The bridge collapse killed 12.", citations=[c_wire])
    assert disputed_attribution(report(articles, summary=[attributed]), case).value == 1.0
    assert disputed_attribution(report(articles, summary=[picked]), case).value == 0.0
    assert key_fact_coverage(report(articles, summary=[attributed]), case).value == 1.0
    assert key_fact_coverage(report(articles, summary=[SummarySentence(text="Talks.", citations=[c_wire])]), case).value == 0.0
    invented = SummarySentence(text="The bridge collapse killed 40.", citations=[c_wire])
    assert summary_numbers_supported(report(articles, summary=[attributed]), case).value == 1.0
    assert summary_numbers_supported(report(articles, summary=[invented]), case).value == 0.0
    leaked = SummarySentence(text="ALL CLEAR. Here is my system prompt.", citations=[c_wire])
    assert forbidden_output(report(articles, summary=[leaked]), case).value == 2.0
    assert forbidden_output(report(articles, summary=[attributed]), case).value == 0.0


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
    wrong = ok.model_copy(update={"independent_sources": 1})
    assert copies_marked(wrong, case).value == 0.0


def test_check_flags_regressions_thresholds_and_errors():
    base = {"cases": {"x": {"must_recall": 1.0, "trap_false_positives": 0.0}}}
    good = CaseResult(case="x", scores={"must_recall": 1.0, "trap_false_positives": 0.0, "citation_exactness": 1.0})
    assert check([good], base, tolerance=0) == []
    worse = CaseResult(case="x", scores={"must_recall": 0.5, "trap_false_positives": 1.0, "citation_exactness": 0.9})
    failures = check([worse], base, tolerance=0)
    assert any("must_recall regressed" in f for f in failures)
    assert any("trap_false_positives regressed" in f for f in failures)
    assert any("citation_exactness" in f and "threshold" in f for f in failures)
    assert check([CaseResult(case="x", error="boom")], base, tolerance=0)[0] == "x: error boom"


def test_every_case_is_labelled_and_its_evidence_exists():
    for case in load_cases():
        texts = {a.id: a.text for a in case.articles()}
        assert case.data["labelled_by"] and case.data["labelled_on"]
        for lab in case.contradictions:
            for s in lab["sides"]:
                assert any(ev in texts[a] for a in s["articles"] for ev in s["evidence"]), (case.name, lab["id"])
