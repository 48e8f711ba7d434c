"""Jobs and synchronous requests on the llm engine while the fake model server injects faults: every
request ends in a report or a clear error with a stable code, and no job is left running."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient

from factcheck.api import create_app
from factcheck.llm.fake_server import FakeOpenAIServer
from factcheck.pipeline import prepare
from tests.llm_fixtures import good_analysis

FAULTS = {
    "rate_limited_then_ok": [{"status": 429, "headers": {"Retry-After": "0"}}],
    "server_error_then_ok": [{"status": 500}],
    "dropped_then_ok": [{"drop": True}],
    "malformed_then_ok": [{"text": '{"summary": [ broken'}],
    "timeouts_until_budget": [{"delay": 1.0, "then": {"json": {}}}] * 3,
    "server_errors_until_budget": [{"status": 502}] * 3,
}


@pytest.fixture
def fake():
    with FakeOpenAIServer() as server:
        yield server


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_job_ends_in_report_or_clear_error(fault, fake, settings, seed_articles):
    answer = good_analysis(prepare(seed_articles, settings=settings))
    fake.enqueue(*FAULTS[fault] * (2 if fault.endswith("budget") else 1))  # the job, then a synchronous request
    fake.responder = lambda request: {"json": answer}
    llm = settings.model_copy(update={"openai_base_url": fake.base_url, "cache_enabled": False, "llm_mode": "open",
                                      "request_timeout": 0.5, "transport_retries": 2, "validation_retries": 1})
    body = {"articles": [a.model_dump() for a in seed_articles], "options": {"engine": "llm"}}
    with TestClient(create_app(llm)) as client:
        job = client.post("/v1/jobs", json=body).json()
        deadline = time.monotonic() + 30
        while (state := client.get(f"/v1/jobs/{job['id']}").json())["status"] not in ("succeeded", "failed"):
            assert time.monotonic() < deadline, f"job left {state['status']}"
            time.sleep(0.05)
        sync = client.post("/v1/analyze", json=body) if fault.endswith("budget") else None
    if fault.endswith("budget"):
        assert state["status"] == "failed" and state["error"]["code"] == "llm_unavailable"
        assert fake.base_url in state["error"]["message"]
        assert sync.status_code == 503 and sync.json()["error"]["code"] == "llm_unavailable"
    else:
        assert state["status"] == "succeeded", state.get("error")
        assert state["report"]["contradictions"][0]["verified"]
