"""`make eval` end to end: on the local engine, and on the LLM engine against the fake server with a good
and a bad scripted model, so the harness itself is checked in CI."""

import json

import pytest

from evals.__main__ import main
from factcheck.config import Settings, get_settings
from factcheck.llm.fake_server import FakeOpenAIServer
from factcheck.pipeline import prepare
from tests.llm_fixtures import good_analysis, with_compatible_figures


@pytest.fixture
def env(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no stray .env
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def test_local_engine_passes_against_committed_baseline(env, capsys, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "")
    monkeypatch.setenv("OPENAI_BASE_URL", "")
    code = main(["--runs-dir", str(env / "runs")])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "by group" in out and "must" in out and "PASS" in out
    results = json.loads(next((env / "runs").glob("*/results.json")).read_text())
    assert {r["case"] for r in results["results"]} >= {"seeds", "injection", "agree", "wire_copy", "garbled"}


def test_llm_engine_good_then_bad_model(env, capsys, monkeypatch, seed_articles):
    prepared = prepare(seed_articles, settings=Settings(_env_file=None))
    good, bad = good_analysis(prepared), with_compatible_figures(good_analysis(prepared), prepared)
    with FakeOpenAIServer() as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("FACTCHECK_MODEL", "fake-model")
        monkeypatch.setenv("FACTCHECK_LLM_MODE", "open")  # the scripted answers are whole-cluster analyses
        monkeypatch.setenv("FACTCHECK_VALIDATION_RETRIES", "0")
        baseline = env / "baseline.json"
        args = ["--engine", "llm", "--case", "seeds", "--no-swap", "--baseline", str(baseline), "--runs-dir", str(env / "runs")]
        server.responder = lambda request: {"json": good}
        assert main(args + ["--bless"]) == 0
        blessed = json.loads(baseline.read_text())["llm:fake-model"]["cases"]["seeds"]
        assert blessed["must_recall"] == 0.25 and blessed["trap_false_positives"] == 0
        assert main(args) == 0  # same answers (cached): no regression
        monkeypatch.setenv("FACTCHECK_CACHE", "false")
        get_settings.cache_clear()
        server.responder = lambda request: {"json": bad}
        code = main(args)
    out = capsys.readouterr().out
    assert code == 1
    assert "seeds: trap_false_positives regressed 0.0 ->" in out
