"""Bounded work: a synchronous analysis ends within its time budget (JSON 504 `timeout`, the work stopped at its
next check; 503 `busy` when no slot frees up), and caps bound the report's size whatever the input."""

from __future__ import annotations

import json
import threading
import time

import re

import pytest
from fastapi.testclient import TestClient

from factcheck import pipeline
from factcheck.api import create_app
from factcheck.budget import Deadline, TimeBudgetExceeded
from factcheck.pipeline import analyze
from factcheck.types import ArticleIn, EngineInfo, Report
from tests.bodies import heavy_body


class SlowEngine:
    """Fifty steps of 40 ms, reporting progress after each, like an engine working through a big cluster."""

    name = "slow"

    def __init__(self) -> None:
        self.steps: list[int] = []

    def analyze(self, articles, *, progress) -> Report:
        for n in range(50):
            time.sleep(0.04)
            self.steps.append(n)
            progress("slow: step", n + 1, 50)
        return Report(articles=articles, independent_sources=len(articles), engine=EngineInfo(name=self.name))


@pytest.fixture
def slow(monkeypatch) -> SlowEngine:
    engine = SlowEngine()
    monkeypatch.setattr(pipeline, "get_engine", lambda name, settings: engine)
    return engine


# --- the time budget ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/v1/analyze", "/v1/report.html"])
def test_over_budget_is_a_json_504_and_the_work_stops(settings, slow, path):
    app = create_app(settings.model_copy(update={"analyze_timeout": 0.5}))
    with TestClient(app) as client:
        started = time.monotonic()
        response = client.post(path, json=heavy_body(2, 200))
        took = time.monotonic() - started
        time.sleep(0.3)  # long enough for several more steps, had the engine not stopped
        steps = len(slow.steps)
    assert response.status_code == 504 and took < 1.5, (response.status_code, took)
    error = response.json()["error"]
    assert error["code"] == "timeout" and "FACTCHECK_ANALYZE_TIMEOUT" in error["message"]
    assert error["details"]["timeout_seconds"] == 0.5 and error["details"]["stage"].startswith("slow")
    assert steps < 20 and len(slow.steps) == steps  # stopped at the first progress report after the deadline


class StuckEngine:
    """Works without a progress report until released: a long step that no check can interrupt."""

    name = "stuck"

    def __init__(self) -> None:
        self.release = threading.Event()

    def analyze(self, articles, *, progress) -> Report:
        self.release.wait(10)
        return Report(articles=articles, independent_sources=len(articles), engine=EngineInfo(name=self.name))


def test_a_slot_held_by_a_stopping_analysis_makes_others_busy_503(settings, monkeypatch):
    stuck = StuckEngine()
    monkeypatch.setattr(pipeline, "get_engine", lambda name, settings: stuck)
    app = create_app(settings.model_copy(update={"analyze_timeout": 0.4, "analyze_concurrency": 1}))
    try:
        with TestClient(app) as client:
            first = client.post("/v1/analyze", json=heavy_body(2, 200))  # 504; its work still holds the slot
            second = client.post("/v1/analyze", json=heavy_body(2, 300))
    finally:
        stuck.release.set()
    assert first.status_code == 504 and first.json()["error"]["code"] == "timeout"
    assert second.status_code == 503 and second.json()["error"]["code"] == "busy"
    assert int(second.headers["retry-after"]) > 0 and "FACTCHECK_ANALYZE_CONCURRENCY" in second.json()["error"]["message"]


def test_figure_heavy_cluster_over_budget_stops_in_preparation(settings):
    with pytest.raises(TimeBudgetExceeded) as info:
        analyze([ArticleIn(**a) for a in heavy_body(4, 40_000)["articles"]], engine="local", settings=settings,
                deadline=Deadline(0.2, setting="FACTCHECK_ANALYZE_TIMEOUT"))
    assert info.value.code == "timeout" and info.value.details["stage"] in ("prepare", "copies")


def test_within_budget_the_report_is_unchanged(settings, seed_articles):
    plain = analyze(seed_articles, engine="local", settings=settings)
    timed = analyze(seed_articles, engine="local", settings=settings,
                    deadline=Deadline(60, setting="FACTCHECK_ANALYZE_TIMEOUT"))
    assert timed.model_copy(update={"usage": plain.usage}) == plain


# --- caps on the report's size -----------------------------------------------------------------------------------


def test_figure_heavy_cluster_is_capped_with_a_warning(settings):
    settings = settings.model_copy(update={"max_contradictions_per_kind": 2})
    with TestClient(create_app(settings)) as client:
        response = client.post("/v1/analyze", json=heavy_body(2, 8_000))
    assert response.status_code == 200 and len(response.content) < 1_000_000
    report = response.json()
    assert len(report["contradictions"]) == settings.max_contradictions_per_kind
    assert any(re.search(r"keeps 2 of \d+ .*FACTCHECK_MAX_CONTRADICTIONS_PER_KIND=2\b", w) for w in report["warnings"])
    for item in report["contradictions"]:
        text = {a["id"]: a["text"] for a in report["articles"]}
        assert all(text[s["article_id"]][s["citation"]["start"] : s["citation"]["end"]] == s["citation"]["quote"]
                   for s in item["sides"])


@pytest.mark.parametrize(
    "caps, kept, words",
    [
        ({"max_contradictions_per_kind": 1}, 1, "keeps 1 of"),
        ({"max_contradictions": 1}, 1, "FACTCHECK_MAX_CONTRADICTIONS=1"),
        ({"max_single_source_claims": 1, "max_contradictions": 1}, 1, "single-source claims"),
    ],
)
def test_caps_keep_the_most_severe_and_say_what_was_cut(settings, caps, kept, words):
    articles = [ArticleIn(**a) for a in heavy_body(2, 1_500)["articles"]]
    report = analyze(articles, engine="local", settings=settings.model_copy(update=caps))
    assert len(report.contradictions) == kept and any(words in w for w in report.warnings)
    assert [c.severity for c in report.contradictions] == sorted((c.severity for c in report.contradictions),
                                                                 key=["high", "medium", "low"].index)
    assert len(report.single_source_claims) <= caps.get("max_single_source_claims", 500)
    json.loads(report.model_dump_json())
