"""`make bench`: numbers, not asserts. Local engine speed (seeds, one ECB+ topic, scaling with cluster
size) and LLM-engine economy against the fake OpenAI-compatible server (tokens per cluster relative to
the articles, calls per cluster, cached re-run time). ECB+ parts are skipped when ../shared is absent."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import yaml

from factcheck.config import Settings
from factcheck.ingest import apply_metadata, load_paths
from factcheck.pipeline import analyze, prepare

ROOT = Path(__file__).resolve().parents[1]
ECBPLUS = ROOT.parent / "shared" / "corpora" / "ecbplus"


def seeds():
    meta = yaml.safe_load((ROOT / "evals" / "cases" / "seeds.yaml").read_text())["articles"]
    return apply_metadata(load_paths([ROOT / "seeds"]), meta)


def timed(fn, repeat: int = 5) -> tuple[float, float]:
    fn()  # warm up (imports, pysbd, caches)
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs), min(runs)


def local_bench(settings: Settings) -> None:
    print("== local engine (warm, median of 5) ==")
    articles = seeds()
    n_sent = sum(len(a.sentences) for a in prepare(articles, settings=settings))
    med, best = timed(lambda: analyze(articles, engine="local", settings=settings))
    print(f"seeds: {len(articles)} articles, {n_sent} sentences: {med * 1000:.0f} ms (best {best * 1000:.0f} ms)")
    if not ECBPLUS.is_dir():
        print(f"ECB+ corpus not found at {ECBPLUS}: skipping topic and scaling runs")
        return
    topic = load_paths(sorted((ECBPLUS / "1").glob("*ecbplus.txt")))
    n_sent = sum(len(a.sentences) for a in prepare(topic, settings=settings))
    med, best = timed(lambda: analyze(topic, engine="local", settings=settings))
    print(f"ECB+ topic 1: {len(topic)} articles, {n_sent} sentences: {med * 1000:.0f} ms (best {best * 1000:.0f} ms)")
    pool = load_paths(sorted(ECBPLUS.glob("*/*ecbplus.txt")))
    print("scaling (articles from many ECB+ topics):")
    print("  articles  sentences  ms      us/sentence")
    for size in (10, 20, 30, 40, 50):
        cluster = pool[:size]
        n_sent = sum(len(a.sentences) for a in prepare(cluster, settings=settings))
        med, _ = timed(lambda: analyze(cluster, engine="local", settings=settings), repeat=3)
        print(f"  {size:8d}  {n_sent:9d}  {med * 1000:6.0f}  {med / n_sent * 1e6:8.0f}")


def llm_bench(tmp: Path) -> None:
    from factcheck.llm.fake_server import FakeOpenAIServer
    from tests.llm_fixtures import good_analysis

    print("== llm engine against the fake server (tokens = characters / 4, as the fake server counts) ==")
    articles = seeds()
    with FakeOpenAIServer() as server:
        settings = Settings(OPENAI_BASE_URL=server.base_url, FACTCHECK_MODEL="fake-model",
                            FACTCHECK_CACHE_DIR=tmp / "cache", _env_file=None)
        server.responder = lambda request: {"json": good_analysis(prepare(articles, settings=settings))}
        article_tokens = sum(len(a.text) for a in articles) // 4
        report = analyze(articles, engine="llm", settings=settings)
        u = report.usage
        print(f"seeds, one call: {u.llm_calls} calls, {u.prompt_tokens} prompt tokens for {article_tokens} article "
              f"tokens = {u.prompt_tokens / article_tokens:.2f}x, {u.completion_tokens} completion tokens")
        med, best = timed(lambda: analyze(articles, engine="llm", settings=settings))
        print(f"seeds, cached re-run: {med * 1000:.0f} ms (best {best * 1000:.0f} ms), "
              f"{len(server.completions) - 1} extra model calls over 6 re-runs")
        staged = settings.model_copy(update={"single_call_max_tokens": 500, "cache_enabled": False})

        def responder(request):
            name = request["tools"][0]["function"]["name"]
            if name == "ArticleClaims":
                return {"json": {"claims": []}}
            if name == "Comparison":
                return {"json": {"contradictions": []}}
            return {"json": {"summary": []}}

        server.responder = responder
        report = analyze(articles, engine="llm", settings=staged)
        u = report.usage
        print(f"seeds, staged: {u.llm_calls} calls (articles + 2 = {len(articles) + 2}), {u.prompt_tokens} prompt "
              f"tokens = {u.prompt_tokens / article_tokens:.2f}x the articles (empty claims: a lower bound)")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(OPENAI_API_KEY="", OPENAI_BASE_URL="", FACTCHECK_CACHE_DIR=Path(tmp) / "c", _env_file=None)
        local_bench(settings)
        llm_bench(Path(tmp))


if __name__ == "__main__":
    main()
