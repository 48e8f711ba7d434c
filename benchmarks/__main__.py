"""`make bench`: numbers, not asserts, each printed next to its target. Local engine speed (seeds, a 20-article
ECB+ topic, growth from 10 to 50 articles) and LLM-engine economy against the fake OpenAI-compatible server
(tokens per cluster relative to the articles, calls per cluster, cached re-run time).

The ECB+ figures need the corpus as plain text (`--ecbplus PATH`, `make bench ECBPLUS=PATH`); without it they
are reported as not measured, with how to get it.
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from factcheck.config import Settings
from factcheck.ingest import load_paths
from factcheck.pipeline import analyze, prepare
from factcheck.types import ArticleIn

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ECBPLUS = ROOT.parent / "shared" / "corpora" / "ecbplus"
# Targets: warm, in-process, local engine.
SEEDS_TARGET_S = 2.0
TOPIC_TARGET_S = 4.0
TOPIC_ARTICLES = 20
# Near-linear growth: the time per sentence at 50 articles is at most this many times that at 10.
GROWTH_TARGET = 1.5
GET_ECBPLUS = (
    "Get it: the ECB+ corpus (Cybulska and Vossen, LREC 2014, CC BY 3.0) as plain text, one folder per topic, files "
    "`<topic>_<n>ecbplus.txt` starting with `source:` and `url:` lines. The team keeps it in shared/corpora/ecbplus "
    "beside the checkout (the default place); elsewhere run `make bench ECBPLUS=/path/to/ecbplus`."
)


def seeds():
    return load_paths([ROOT / "seeds"])  # outlet names from seeds/sources.yaml


def timed(fn: Callable[[], object], repeat: int = 5) -> tuple[float, float]:
    fn()  # warm up (imports, pysbd, caches)
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs), min(runs)


def against(value: float, target: float, unit: str = "s") -> str:
    """'(target ≤ 2 s: met)' or '(target ≤ 2 s: MISSED)'."""
    return f"(target ≤ {target:g} {unit}: {'met' if value <= target else 'MISSED'})"


def sentences(articles, settings: Settings) -> int:
    return sum(len(a.sentences) for a in prepare(articles, settings=settings))


def local_bench(settings: Settings, *, ecbplus: Path) -> None:
    print("== local engine (warm, in-process, median of 5) ==")
    articles = seeds()
    med, best = timed(lambda: analyze(articles, engine="local", settings=settings))
    print(f"seeds: {len(articles)} articles, {sentences(articles, settings)} sentences: {med:.2f} s "
          f"(best {best:.2f} s) {against(med, SEEDS_TARGET_S)}")
    long_list_bench(settings)
    corpus_bench(settings, ecbplus=ecbplus)


def long_list_bench(settings: Settings) -> None:
    """One sentence listing thousands of scores (a pasted table) in each of two articles: time should grow with
    the list, not with its square."""
    for n in (500, 2000):
        lists = [", ".join(f"{(i + k) % 7}-{(i + 3) % 7}" for i in range(n)) for k in (0, 1)]
        cluster = [ArticleIn(id="a", source="A", text=f"Kell beat Dunmore {lists[0]} in the final."),
                   ArticleIn(id="b", source="B", text=f"Dunmore lost to Kell {lists[1]} in the final.")]
        med, _ = timed(lambda cluster=cluster: analyze(cluster, engine="local", settings=settings), repeat=1)
        print(f"one sentence of {n} scores in each of 2 articles: {med:.2f} s")


def corpus_bench(settings: Settings, *, ecbplus: Path) -> None:
    topic = sorted((ecbplus / "1").glob("*ecbplus.txt"))[:TOPIC_ARTICLES]
    pool = sorted(ecbplus.glob("*/*ecbplus.txt"))
    if len(topic) < TOPIC_ARTICLES or len(pool) < 50:
        print(f"ECB+ corpus not found at {ecbplus} (or too small): NOT MEASURED: a {TOPIC_ARTICLES}-article topic "
              f"(target ≤ {TOPIC_TARGET_S:g} s) and growth from 10 to 50 articles (target: near-linear, time per "
              f"sentence at 50 ≤ {GROWTH_TARGET:g}x that at 10).\n{GET_ECBPLUS}")
        return
    cluster = load_paths(topic)
    med, best = timed(lambda: analyze(cluster, engine="local", settings=settings))
    print(f"ECB+ topic 1: {len(cluster)} articles, {sentences(cluster, settings)} sentences: {med:.2f} s "
          f"(best {best:.2f} s) {against(med, TOPIC_TARGET_S)}")
    growth_bench(settings, load_paths(pool[:50]))


def growth_bench(settings: Settings, pool) -> None:
    print("growth (articles from many ECB+ topics, median of 3):")
    print("  articles  sentences  seconds  us/sentence")
    per_sentence = {}
    for size in (10, 20, 30, 40, 50):
        cluster = pool[:size]
        n_sent = sentences(cluster, settings)
        med, _ = timed(lambda cluster=cluster: analyze(cluster, engine="local", settings=settings), repeat=3)
        per_sentence[size] = med / n_sent
        print(f"  {size:8d}  {n_sent:9d}  {med:7.2f}  {med / n_sent * 1e6:11.0f}")
    growth = per_sentence[50] / per_sentence[10]
    print(f"growth 10 -> 50 articles: time per sentence x{growth:.2f} {against(growth, GROWTH_TARGET, 'x')}; "
          "near-linear keeps it near x1")


def llm_bench(tmp: Path) -> None:
    from factcheck.llm.fake_server import FakeOpenAIServer
    from tests.llm_fixtures import good_analysis

    print("== llm engine against the fake server (tokens = characters / 4, as the fake server counts) ==")
    articles = seeds()
    with FakeOpenAIServer() as server:
        article_tokens = sum(len(a.text) for a in articles) // 4
        judge = Settings(OPENAI_BASE_URL=server.base_url, FACTCHECK_MODEL="fake-model", FACTCHECK_CACHE=False,
                         _env_file=None)
        server.responder = _judge_everything_compatible
        report = analyze(articles, engine="llm", settings=judge)
        u = report.usage
        calls_ok = "meets" if u.llm_calls <= len(articles) + 3 else "MISSES"
        tokens_ok = "meets" if u.prompt_tokens <= 1.5 * article_tokens else "MISSES"
        print(f"seeds, judge mode: {u.llm_calls} calls ({calls_ok} the target: at most articles + 3 = "
              f"{len(articles) + 3}), {u.prompt_tokens} prompt tokens = {u.prompt_tokens / article_tokens:.2f}x the "
              f"article tokens ({tokens_ok} the target: at most 1.5x)")
        settings = Settings(OPENAI_BASE_URL=server.base_url, FACTCHECK_MODEL="fake-model", FACTCHECK_LLM_MODE="open",
                            FACTCHECK_CACHE_DIR=tmp / "cache", _env_file=None)
        server.responder = lambda request: {"json": good_analysis(prepare(articles, settings=settings))}
        report = analyze(articles, engine="llm", settings=settings)
        u = report.usage
        print(f"seeds, open mode, one call: {u.llm_calls} calls, {u.prompt_tokens} prompt tokens for {article_tokens} article "
              f"tokens = {u.prompt_tokens / article_tokens:.2f}x, {u.completion_tokens} completion tokens")
        before = len(server.completions)
        med, best = timed(lambda: analyze(articles, engine="llm", settings=settings))
        print(f"seeds, cached re-run: {med * 1000:.0f} ms (best {best * 1000:.0f} ms), "
              f"{len(server.completions) - before} extra model calls over the re-runs")
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
        print(f"seeds, open mode, staged: {u.llm_calls} calls (articles + 2 = {len(articles) + 2}), {u.prompt_tokens} prompt "
              f"tokens = {u.prompt_tokens / article_tokens:.2f}x the articles (empty claims: a lower bound)")


def _judge_everything_compatible(request: dict) -> dict:
    """A scripted judge: every proposed pair about the same thing and compatible; each summary statement
    reworded as its first source says it."""
    text = "\n".join(m.get("content") or "" for m in request["messages"])
    if "Pairs to judge:" in text:
        count = len(text.split("Pairs to judge:")[1].strip().splitlines())
        return {"json": {"judgments": [{"pair": n, "same_thing": True, "verdict": "compatible", "kind": "number",
                                         "explanation": "-"} for n in range(1, count + 1)]}}
    # reword_summary: each statement in the words of its first source
    items = [{"number": int(m.group(1)), "text": m.group(2)}
             for m in re.finditer(r"^(\d+)\. Sources: \[[^\]]+\] \u201c(.*?)\u201d(?: / |$)", text, re.M)]
    return {"json": {"sentences": items}}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--ecbplus", type=Path, default=DEFAULT_ECBPLUS,
                        help=f"the ECB+ corpus as plain text (default: {DEFAULT_ECBPLUS})")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(OPENAI_API_KEY="", OPENAI_BASE_URL="", FACTCHECK_CACHE_DIR=Path(tmp) / "c", _env_file=None)
        local_bench(settings, ecbplus=args.ecbplus)
        llm_bench(Path(tmp))


if __name__ == "__main__":
    main()
