"""Scripted model answers for the seed cluster, built from the prepared articles (ids found by text)."""

from __future__ import annotations

from factcheck.config import Settings
from factcheck.types import Article


def fake_llm_settings(server, tmp_path, **overrides) -> Settings:
    """Settings for the llm engine against a fake server: its own cache, short timeouts, small budgets."""
    values = dict(OPENAI_BASE_URL=server.base_url, OPENAI_API_KEY="test", FACTCHECK_MODEL="fake-model",
                  FACTCHECK_CACHE_DIR=tmp_path / "cache", FACTCHECK_TRANSPORT_RETRIES=2,
                  FACTCHECK_VALIDATION_RETRIES=2, FACTCHECK_REQUEST_TIMEOUT=5, _env_file=None)
    return Settings(**{**values, **overrides})


def sid(articles: list[Article], article_prefix: str, words: str) -> str:
    article = next(a for a in articles if a.id.startswith(article_prefix))
    return next(s.id for s in article.sentences if words in article.sentence_text(s))


def good_analysis(articles: list[Article]) -> dict:
    """A correct ClusterAnalysis for the seeds: what a good model would answer."""
    return {
        "summary": [
            {"text": "Israel and Hamas negotiators met in Cairo on Tuesday, and officials reported progress toward a "
                     "cease-fire and hostage-release deal.",
             "citations": [{"sentence_id": sid(articles, "000", "making progress toward another")},
                           {"sentence_id": sid(articles, "004", "met in Cairo on Tuesday")}]},
            {"text": "The Associated Press reports at least 74 Palestinians killed in the Rafah rescue raid; "
                     "the New York Times reports at least 67.",
             "citations": [{"sentence_id": sid(articles, "000", "killed at least 74"), "quote": "at least 74 Palestinians"},
                           {"sentence_id": sid(articles, "004", "At least 67"), "quote": "At least 67 people"}]},
        ],
        "contradictions": [
            {"kind": "number", "topic": "Palestinians killed in the Rafah raid", "severity": "high",
             "explanation": "AP gives at least 74, the NYT at least 67: two different tallies of the same deaths.",
             "likely_reason": "different reporting times", "within_article": False,
             "sides": [
                 {"sentence_id": sid(articles, "000", "killed at least 74"), "quote": "at least 74 Palestinians",
                  "value": "at least 74", "normalized": ">=74"},
                 {"sentence_id": sid(articles, "004", "At least 67"), "quote": "At least 67 people",
                  "value": "at least 67", "normalized": ">=67"}]},
        ],
        "single_source_claims": [{"sentence_id": sid(articles, "004", "moving in the right direction")}],
        "loaded_language": [{"sentence_id": sid(articles, "001", "bold Israeli"), "term": "bold"}],
    }


def with_bad_citation(answer: dict) -> dict:
    bad = {**answer, "summary": [dict(answer["summary"][0], citations=[{"sentence_id": "nonexistent:s99"}])]}
    return bad


def with_bad_quote(answer: dict) -> dict:
    item = dict(answer["summary"][1])
    item["citations"] = [dict(item["citations"][0], quote="at least 75 Palestinians")] + item["citations"][1:]
    return {**answer, "summary": [answer["summary"][0], item]}


def with_compatible_figures(answer: dict, articles: list[Article]) -> dict:
    trap = {"kind": "number", "topic": "Gaza death toll", "severity": "high", "explanation": "differs",
            "within_article": False, "sides": [
                {"sentence_id": sid(articles, "000", "28,473"), "quote": "28,473", "value": "28,473", "normalized": "=28473"},
                {"sentence_id": sid(articles, "004", "More than 28,000"), "quote": "More than 28,000",
                 "value": "more than 28,000", "normalized": ">28000"}]}
    return {**answer, "contradictions": answer["contradictions"] + [trap]}
