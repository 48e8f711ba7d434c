"""Judge mode against the fake OpenAI-compatible server: code proposes pairs, the model judges them, code
overrules what the checks are certain of, and the model writes the summary from shared and disputed facts.
Clusters are written for these tests."""

from __future__ import annotations

import json
import re

import pytest

from factcheck.config import Settings
from factcheck.engines.llm import judge_batches, merge_judgment
from factcheck.graph import build_graph, check_pair
from factcheck.pipeline import analyze, prepare
from factcheck.types import ArticleIn
from tests.llm_fixtures import fake_llm_settings

# 'could continue' / 'will continue': a pair the checks cannot settle, so the model has two pairs to judge
FERRY = [
    ArticleIn(id="radio", source="Harbour Radio", published="2025-05-06",
              text="At least 40 passengers were rescued after the ferry Marisol sank off Port Lena on Monday, the "
                   "coast guard said.\nThe ferry left port at 6 a.m. and sank about an hour later.\n"
                   "The coast guard said the search could continue through the night."),
    ArticleIn(id="gazette", source="Coast Gazette", published="2025-05-06",
              text="Rescuers pulled 31 passengers from the water after the ferry Marisol sank off Port Lena on "
                   "Monday.\nThe ferry left port at 6 a.m. and went down within the hour.\n"
                   "The search for the missing will continue overnight, the coast guard said."),
]


@pytest.fixture
def judge_settings(server, tmp_path):
    return fake_llm_settings(server, tmp_path, FACTCHECK_TRANSPORT_RETRIES=1, FACTCHECK_VALIDATION_RETRIES=1)


@pytest.fixture
def full_settings(server, tmp_path):
    """The model judges every proposed pair (strong models)."""
    return fake_llm_settings(server, tmp_path, FACTCHECK_TRANSPORT_RETRIES=1, FACTCHECK_VALIDATION_RETRIES=1,
                             FACTCHECK_JUDGE_AUTHORITY="full")


@pytest.fixture(scope="module")
def graph():
    return build_graph(prepare(FERRY, settings=Settings(_env_file=None)))


def rescued_pair(graph):
    return next(p for p in graph.pairs if {p.a.text, p.b.text} == {"At least 40", "31"})


def pairs_listing(request) -> str:
    """The 'Pairs to judge' part of a judge_pairs request (a re-ask appends the error after it)."""
    text = next(m["content"] for m in request["messages"] if "Pairs to judge:" in (m.get("content") or ""))
    return text.split("Pairs to judge:")[1]


def pair_number(request, a: str, b: str) -> int:
    """The number a judge_pairs prompt gives the pair of these two values."""
    listing = pairs_listing(request)
    for line in listing.strip().splitlines():
        if f"“{a}”" in line and f"“{b}”" in line or f"“{b}”" in line and f"“{a}”" in line:
            return int(line.split(".")[0])
    raise AssertionError(f"pair {a} / {b} not proposed:\n{listing}")


def model(judge, summary):
    """A responder: `judge(request)` answers judge_pairs calls, `summary(request)` reword_summary calls."""
    def respond(request):
        if request.get("tools"):
            asks_judgments = request["tools"][0]["function"]["name"] == "Judgments"
        else:  # JSON mode: no tool; the prompt tells
            asks_judgments = any("Pairs to judge:" in (m.get("content") or "") for m in request["messages"])
        return judge(request) if asks_judgments else summary(request)
    return respond


def reworded(rewrite=lambda sources: sources[0]):
    """A responder for reword_summary calls: each numbered statement rewritten as `rewrite(its source texts)`
    (by default the first source's own words)."""
    def respond(request):
        listing = request["messages"][-1]["content"]
        items = [{"number": int(m.group(1)), "text": rewrite(re.findall(r"\u201c(.*?)\u201d", m.group(2)))}
                 for m in re.finditer(r"^(\d+)\. Sources: (.*)$", listing, re.MULTILINE)]
        return {"json": {"sentences": items}}
    return respond


def judgment(n, *, same=True, verdict="contradicting", kind="number", explanation="x", reason=None):
    return {"pair": n, "same_thing": same, "verdict": verdict, "kind": kind, "explanation": explanation,
            "likely_reason": reason}


def all_judged(request, overrides=None):
    """Every proposed pair judged 'compatible', except those given in `overrides` (number -> judgment)."""
    listing = pairs_listing(request).strip().splitlines()
    answers = [judgment(n, verdict="compatible") for n in range(1, len(listing) + 1)]
    for n, j in (overrides or {}).items():
        answers[n - 1] = j
    return {"json": {"judgments": answers}}


def test_judge_mode_is_the_default_and_finds_the_disputed_tally(server, judge_settings, graph):
    def judge(request):
        n = pair_number(request, "At least 40", "31")
        return all_judged(request, overrides={n: judgment(n, explanation="Harbour Radio says at least 40, the Gazette 31",
                                                         reason="different time")})

    server.responder = model(judge, reworded())
    report = analyze(FERRY, engine="llm", settings=judge_settings)
    assert report.engine.mode == "judge"
    assert report.engine.prompt_versions == {"judge_pairs": "1", "reword_summary": "1"}
    assert report.usage.llm_calls <= len(FERRY) + 3
    [c] = [c for c in report.contradictions if c.kind == "number"]
    assert c.verified and c.explanation.startswith("Harbour Radio") and c.likely_reason == "different time"
    assert "judged by model fake-model" in c.alignment
    assert all(s.verified for s in report.summary)


def test_a_contradiction_on_compatible_figures_is_overruled_and_kept_unverified(graph):
    pair = next(p for p in graph.pairs if p.a.text == p.b.text == "6 a.m.")
    from factcheck.llm.schemas import PairJudgment

    answer = PairJudgment(pair=1, same_thing=True, verdict="contradicting", kind="date", explanation="6 vs 6")
    merged = merge_judgment(pair, check_pair(pair), answer)
    assert merged.verdict == "contradiction" and merged.problems and "overruled" in merged.problems[0]


def test_overruled_judgment_reaches_the_report_unverified(server, full_settings, graph):
    def judge(request):
        n = pair_number(request, "6 a.m.", "6 a.m.")
        return all_judged(request, overrides={n: judgment(n, kind="date", explanation="the departure times differ")})

    server.responder = model(judge, reworded())
    report = analyze(FERRY, engine="llm", settings=full_settings)
    assert report.engine.judge_authority == "full"
    [c] = [c for c in report.contradictions if c.kind == "date"]
    assert not c.verified and any("overruled" in p for p in c.problems)


def calls_the_tally_unrelated(graph):
    """A responder whose model calls the two rescue tallies 'not the same thing'."""
    def judge(request):
        n = pair_number(request, "At least 40", "31")
        return all_judged(request, overrides={n: judgment(n, same=False, explanation="rescued vs pulled from the water")})

    return model(judge, reworded())


def test_with_full_authority_pairs_the_model_finds_unrelated_are_dropped(server, full_settings, graph):
    server.responder = calls_the_tally_unrelated(graph)
    report = analyze(FERRY, engine="llm", settings=full_settings)
    assert [c for c in report.contradictions if c.kind == "number"] == []


def test_by_default_the_model_cannot_drop_what_the_checks_find(server, judge_settings, graph):
    server.responder = calls_the_tally_unrelated(graph)
    report = analyze(FERRY, engine="llm", settings=judge_settings)
    assert report.engine.judge_authority == "explain"
    [c] = [c for c in report.contradictions if c.kind == "number"]
    assert c.verified and "pulled from the water" not in c.explanation  # the checks' explanation stands


def test_by_default_pairs_the_checks_settle_as_alike_are_not_sent(server, judge_settings, graph):
    seen = []

    def judge(request):
        seen.append(pairs_listing(request))
        n = pair_number(request, "At least 40", "31")
        return all_judged(request, overrides={n: judgment(n)})

    server.responder = model(judge, reworded())
    report = analyze(FERRY, engine="llm", settings=judge_settings)
    assert seen and all("6 a.m." not in listing for listing in seen)  # '6 a.m.' / '6 a.m.': certainly alike
    assert not [c for c in report.contradictions if c.kind == "date"]


def test_malformed_judgments_are_reasked_with_the_error(server, judge_settings, graph):
    replies = iter([{"json": {"judgments": [judgment(99)]}}])
    server.responder = model(lambda request: next(replies, None) or all_judged(request),
                             reworded())
    report = analyze(FERRY, engine="llm", settings=judge_settings)
    judge_calls = [c for c in server.completions if c.get("tools") and c["tools"][0]["function"]["name"] == "Judgments"]
    assert len(judge_calls) == 2 and "pairs [99] do not exist" in json.dumps(judge_calls[1]["messages"])
    assert report.usage.reasks == 1


def test_a_failed_batch_leaves_the_others_standing(server, judge_settings, graph):
    calls = {"n": 0}

    def judge(request):
        calls["n"] += 1
        if calls["n"] <= 2:  # the first batch: a server error, then its retry fails too
            return {"status": 500}
        return all_judged(request)

    server.responder = model(judge, reworded())
    # a cluster too large for one call is judged in batches
    settings = judge_settings.model_copy(update={"judge_max_pairs": 80, "single_call_max_tokens": 10})
    from factcheck.engines import llm

    original = llm.BATCH_MIN
    llm.BATCH_MIN = 1  # one pair per batch, so this small cluster makes several calls
    try:
        report = analyze(FERRY, engine="llm", settings=settings)
    finally:
        llm.BATCH_MIN = original
    assert any("judged by code only" in w for w in report.warnings)
    assert calls["n"] >= 3  # later batches were still asked


def test_batches_keep_calls_within_articles_plus_three(graph):
    pairs = graph.pairs * 20
    assert len(judge_batches(pairs, max_calls=4)) <= 4
    assert judge_batches([], max_calls=4) == []


def test_cut_off_answer_keeps_its_complete_items(server, judge_settings, graph):
    def judge(request):
        full = json.dumps(all_judged(request)["json"])
        return {"text": full[: full.rfind("{")] + '{"pair": 2, "same_th', "finish_reason": "length"}

    server.responder = model(judge, reworded())
    report = analyze(FERRY, engine="llm", settings=judge_settings.model_copy(update={"instructor_mode": "JSON"}))
    assert any("cut off" in w for w in report.warnings)


def search_statement(sources):
    return next((t for t in sources if "search" in t), None)


def test_a_rewording_every_citation_carries_replaces_the_source_wording(server, judge_settings):
    def rewrite(sources):
        return "The coast guard said the search would continue overnight." if search_statement(sources) else sources[0]

    server.responder = model(lambda request: all_judged(request), reworded(rewrite))
    report = analyze(FERRY, engine="llm", settings=judge_settings)
    [s] = [s for s in report.summary if "search" in s.text]
    assert s.text == "The coast guard said the search would continue overnight."
    assert len(s.citations) == 2 and s.verified  # the same citations as the statement it rewords
    assert not any("keep the source's wording" in w for w in report.warnings)


@pytest.mark.parametrize("topic, rewording, why", [
    ("search", "The coast guard said the search for 12 missing passengers would continue overnight.", "figure '12'"),
    ("search", "Both outlets agree the coast guard search would continue overnight.", "about the sources"),
    ("search", "The coast guard said the heroic search would continue overnight.", "loaded word"),
    ("search", "The coast guard said the search would continue until Friday.", "date 'Friday'"),
    ("search", "The coast guard said the search would", "not a whole sentence"),  # an answer cut off
    ("6 a.m.", "The ferry went down within the hour.", "drops what the statement says: date '6 a.m.'"),
])
def test_a_rewording_that_does_not_hold_keeps_the_source_wording(server, judge_settings, topic, rewording, why):
    server.responder = model(lambda request: all_judged(request),
                             reworded(lambda sources: rewording if any(topic in t for t in sources) else sources[0]))
    report = analyze(FERRY, engine="llm", settings=judge_settings)
    [s] = [s for s in report.summary if topic in s.text]
    assert s.text != rewording and s.text in {c.quote for c in s.citations} and s.verified
    [warning] = [w for w in report.warnings if "keep the source's wording" in w]
    assert why in warning


def test_a_failed_rewording_call_keeps_the_code_summary(server, judge_settings):
    server.responder = model(lambda request: all_judged(request), lambda request: {"status": 500})
    report = analyze(FERRY, engine="llm", settings=judge_settings)
    assert report.summary and all(s.verified for s in report.summary)
    assert any("failed to reword" in w for w in report.warnings)
    assert report.usage.llm_calls == 2  # the judge call and the failed one: a failed call is still counted


def test_a_quote_not_in_its_sentence_makes_the_side_unverified(server, judge_settings, graph):
    radio = next(s.id for s in graph.cluster.sentences if "At least 40" in s.text)
    gazette = next(s.id for s in graph.cluster.sentences if "Rescuers pulled 31" in s.text)
    added = {"kind": "status", "topic": "search", "explanation": "x", "severity": "medium", "sides": [
        {"sentence_id": radio, "quote": "the search was called off", "value": "called off", "normalized": "done"},
        {"sentence_id": gazette, "quote": "Rescuers pulled 31", "value": "continues", "normalized": "planned"}]}
    replies = iter([{"json": {"judgments": [], "added": [added]}}] * 2)
    server.responder = model(lambda request: next(replies, None) or all_judged(request),
                             reworded())
    report = analyze(FERRY, engine="llm", settings=judge_settings)
    [c] = [c for c in report.contradictions if c.kind == "status"]
    assert not c.verified and any("not found" in p or "not in sentence" in p for p in c.problems)


def test_output_that_never_parses_is_a_bad_output_error(server, judge_settings):
    from factcheck.errors import LLMOutputError

    server.responder = lambda request: {"text": "Sure! Here is my answer: the ferry sank."}
    with pytest.raises(LLMOutputError) as info:
        analyze(FERRY, engine="llm", settings=judge_settings.model_copy(update={"instructor_mode": "JSON"}))
    assert info.value.code == "llm_bad_output"
