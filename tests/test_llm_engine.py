"""The LLM engine through the real openai + instructor stack against a fake OpenAI-compatible server."""

import json
import threading
import time

import pytest
from fastapi.testclient import TestClient

from factcheck.api import create_app
from factcheck.config import Settings
from factcheck.errors import LLMError
from factcheck.pipeline import analyze, prepare
from tests.llm_fixtures import fake_llm_settings, good_analysis, sid, with_bad_citation, with_bad_quote, with_compatible_figures


@pytest.fixture
def llm_settings(server, tmp_path):
    return fake_llm_settings(server, tmp_path, FACTCHECK_LLM_MODE="open")


@pytest.fixture(scope="module")
def prepared(seed_articles):
    return prepare(seed_articles, settings=Settings(_env_file=None))


def run(seed_articles, settings, **kw):
    return analyze(seed_articles, engine="llm", settings=settings, **kw)


@pytest.mark.parametrize("mode", ["TOOLS", "JSON", "MD_JSON"])
def test_full_seed_analysis(server, llm_settings, seed_articles, prepared, mode):
    server.enqueue({"json": good_analysis(prepared)})
    report = run(seed_articles, llm_settings.model_copy(update={"instructor_mode": mode}))
    assert report.engine.name == "llm" and report.engine.prompt_versions == {"analyze_cluster": "2"}
    assert report.usage.llm_calls == 1 and report.usage.prompt_tokens > 1000 and report.usage.cache_hits == 0
    [c] = report.contradictions
    assert c.verified and {s.value for s in c.sides} == {"at least 74", "at least 67"}
    for side in c.sides:
        assert report.article(side.article_id).text[side.citation.start : side.citation.end] == side.citation.quote
    assert all(s.verified for s in report.summary)
    assert [t.term for t in report.loaded_language] == ["bold"]
    request = server.completions[0]
    assert ("tools" in request) == (mode == "TOOLS")
    assert sid(prepared, "004", "At least 67") in request["messages"][-1]["content"]


def test_bad_citation_is_reasked_and_fixed(server, llm_settings, seed_articles, prepared):
    good = good_analysis(prepared)
    server.enqueue({"json": with_bad_citation(good)}, {"json": good})
    report = run(seed_articles, llm_settings)
    assert report.usage.reasks == 1 and len(server.completions) == 2
    assert "nonexistent:s99" in str(server.completions[1]["messages"])  # the error text went back to the model
    assert all(s.verified for s in report.summary)


def test_still_bad_after_budget_is_unverified_not_dropped(server, llm_settings, seed_articles, prepared):
    bad = with_bad_quote(good_analysis(prepared))
    server.enqueue(*[{"json": bad}] * 3)
    report = run(seed_articles, llm_settings)
    assert len(server.completions) == 3  # first try + 2 re-asks
    assert len(report.summary) == 2
    flagged = report.summary[1]
    assert not flagged.verified and any("not found" in p for p in flagged.problems)
    assert report.summary[0].verified  # checked on its own, the correct neighbour stays verified
    for s in report.summary:
        for c in s.citations:
            assert report.article(c.article_id).text[c.start : c.end] == c.quote


def test_compatible_figures_are_rejected_by_the_local_normalizer(server, llm_settings, seed_articles, prepared):
    good = good_analysis(prepared)
    server.enqueue({"json": with_compatible_figures(good, prepared)}, {"json": good})
    report = run(seed_articles, llm_settings)
    assert report.usage.reasks == 1
    assert "can all be true at once" in str(server.completions[1]["messages"])
    assert len(report.contradictions) == 1


def test_rate_limit_then_success_honours_retry_after(server, llm_settings, seed_articles, prepared):
    server.enqueue({"status": 429, "headers": {"Retry-After": "0.2"}}, {"json": good_analysis(prepared)})
    started = time.perf_counter()
    report = run(seed_articles, llm_settings)
    assert time.perf_counter() - started >= 0.2
    assert len(server.completions) == 2 and report.contradictions


def test_dropped_connection_then_success(server, llm_settings, seed_articles, prepared):
    server.enqueue({"drop": True}, {"json": good_analysis(prepared)})
    assert run(seed_articles, llm_settings).contradictions


def test_timeout_gives_clear_error(server, llm_settings, seed_articles):
    settings = llm_settings.model_copy(update={"request_timeout": 0.3, "transport_retries": 1})
    server.enqueue({"delay": 1.0, "then": {"json": {}}}, {"delay": 1.0, "then": {"json": {}}})
    with pytest.raises(LLMError) as info:
        run(seed_articles, settings)
    assert "timed out 2 times" in info.value.message and info.value.details["attempts"] == 2
    assert info.value.http_status == 503


def test_malformed_json_is_reasked(server, llm_settings, seed_articles, prepared):
    server.enqueue({"text": '{"summary": [ oops'}, {"json": good_analysis(prepared)})
    report = run(seed_articles, llm_settings)
    assert report.usage.reasks == 1 and report.contradictions


def test_server_errors_until_budget_spent(server, llm_settings, seed_articles):
    server.enqueue(*[{"status": 500}] * 3)
    with pytest.raises(LLMError) as info:
        run(seed_articles, llm_settings)
    error = info.value
    assert len(server.completions) == 3 and error.details["attempts"] == 3
    assert server.base_url in error.message and "fake-model" in error.message and "HTTP 500" in error.message


def test_server_errors_through_api_are_json_503(server, llm_settings, seed_articles):
    server.enqueue(*[{"status": 503}] * 3)
    client = TestClient(create_app(llm_settings))
    body = {"articles": [a.model_dump() for a in seed_articles], "options": {"engine": "llm"}}
    response = client.post("/v1/analyze", json=body)
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "llm_unavailable"


def test_cache_hit_makes_zero_calls(server, llm_settings, seed_articles, prepared):
    server.enqueue({"json": good_analysis(prepared)})
    first = run(seed_articles, llm_settings)
    second = run(seed_articles, llm_settings)
    assert len(server.completions) == 1
    assert second.usage.llm_calls == 0 and second.usage.cache_hits == 1
    assert second.contradictions == first.contradictions and second.summary == first.summary


def test_cache_key_ignores_timeouts_and_retry_counts(server, llm_settings, seed_articles, prepared):
    server.enqueue({"json": good_analysis(prepared)})
    run(seed_articles, llm_settings)
    again = run(seed_articles, llm_settings.model_copy(update={"request_timeout": 99, "transport_retries": 7}))
    assert again.usage.cache_hits == 1 and len(server.completions) == 1
    server.enqueue({"json": good_analysis(prepared)})
    other_model = run(seed_articles, llm_settings.model_copy(update={"model": "other-model"}))
    assert other_model.usage.cache_hits == 0 and len(server.completions) == 2


def test_staged_mode_respects_concurrency_limit(server, llm_settings, seed_articles, prepared):
    """Small token budget: one extraction call per article (in parallel, at most 2 at once), then 2 more."""
    lock = threading.Lock()

    def responder(request):
        time.sleep(0.2)
        name = request["tools"][0]["function"]["name"]
        text = request["messages"][-1]["content"]
        if name == "ArticleClaims":
            with lock:
                ids = [line.split("]")[0][1:] for line in text.splitlines() if line.startswith("[")]
            return {"json": {"claims": [{"sentence_id": ids[0], "statement": "claim", "value": "value"}]}}
        if name == "Comparison":
            return {"json": {"contradictions": good_analysis(prepared)["contradictions"]}}
        return {"json": {"summary": good_analysis(prepared)["summary"]}}

    server.responder = responder
    settings = llm_settings.model_copy(update={"single_call_max_tokens": 100, "llm_concurrency": 2})
    stages = []
    report = run(seed_articles, settings, progress=lambda stage, done, total: stages.append((stage, done, total)))
    assert report.usage.llm_calls == len(seed_articles) + 2
    assert server.max_in_flight <= 2
    assert set(report.engine.prompt_versions) == {"extract_claims", "compare_claims", "write_summary"}
    assert report.contradictions[0].verified
    assert ("llm: write_summary", 7, 7) in stages


def test_missing_key_with_llm_engine_says_what_to_set(seed_articles):
    from factcheck.errors import ConfigError

    with pytest.raises(ConfigError, match="OPENAI_API_KEY.*OPENAI_BASE_URL"):
        analyze(seed_articles, engine="llm", settings=Settings(OPENAI_API_KEY="sk-your-key-here", _env_file=None))


def test_staged_article_cut_off_is_reported_and_the_rest_still_compared(server, llm_settings, seed_articles, prepared):
    answer = good_analysis(prepared)
    calls = {"n": 0}

    def responder(request):
        name = request["tools"][0]["function"]["name"]
        if name == "ArticleClaims":
            calls["n"] += 1
            reply = {"json": {"claims": []}}
            return {**reply, "finish_reason": "length"} if "ARTICLE 000_6c998b99b74eb829" in request["messages"][-1]["content"] else reply
        if name == "Comparison":
            return {"json": {"contradictions": answer["contradictions"]}}
        return {"json": {"summary": answer["summary"]}}

    server.responder = responder
    settings = llm_settings.model_copy(update={"single_call_max_tokens": 100, "llm_concurrency": 1})
    report = run(seed_articles, settings)
    assert any("000_6c998b99b74eb829" in w and "output limit" in w for w in report.warnings)
    assert report.contradictions and report.contradictions[0].verified


@pytest.mark.parametrize(
    "raw, kept",
    [
        ('{"claims": [{"sentence_id": "a:s1", "statement": "x \\" y"}, {"sentence_id": "a:s2", "statement": "z"}, {"sent',
         ["a:s1", "a:s2"]),
        ('{"claims": [{"sentence_id": "a:s1", "statement": "ok"}], "loaded_language": [{"sentence_id": "a:s', ["a:s1"]),
        ('{"claims": [{"sente', None),
    ],
)
def test_salvage_keeps_complete_items_of_a_cut_off_answer(raw, kept):
    import json

    from factcheck.llm.client import salvage_json

    fixed = salvage_json(raw)
    assert (None if fixed is None else [c["sentence_id"] for c in json.loads(fixed)["claims"]]) == kept


def test_cut_off_answer_keeps_finished_items_unverified(server, llm_settings, seed_articles, prepared):
    good = json.dumps(good_analysis(prepared))
    cut = good[: good.index('"single_source_claims"') + 30]  # cut inside the third list
    server.enqueue({"text": cut}, {"text": cut}, {"text": cut})
    report = run(seed_articles, llm_settings)
    assert len(report.summary) == 2 and len(report.contradictions) == 1
    assert report.contradictions[0].verified  # checked on its own, it holds
    assert not report.single_source_claims
