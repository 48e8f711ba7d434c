"""Bounded load against a server this script starts on 127.0.0.1: `POST /v1/analyze`, the jobs flow
(submit, then poll until finished), and a mix of valid, invalid and figure-heavy bodies. Prints throughput,
latency percentiles and outcomes by status (and, for the mix, by kind of body). Numbers, not asserts.

    python -m benchmarks.load --requests 200 --concurrency 20 --scenarios mixed
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import yaml

from factcheck.ingest import apply_metadata, load_paths
from tests.bodies import heavy_body

ROOT = Path(__file__).resolve().parents[1]
MAX_REQUESTS = 5000
MAX_CONCURRENCY = 200

# uvicorn on a socket the parent bound: no race for the port with other processes.
SERVER = """
import socket, sys
import uvicorn
config = uvicorn.Config("factcheck.api:create_app", factory=True, log_level="warning", access_log=False)
uvicorn.Server(config).run(sockets=[socket.socket(fileno=int(sys.argv[1]))])
"""


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)
    outcomes: Counter[str] = field(default_factory=Counter)
    by_kind: dict[str, list[float]] = field(default_factory=dict)  # latencies by the outcome's first word
    http_calls: int = 0
    seconds: float = 0.0


def seed_cluster() -> list[dict]:
    meta = yaml.safe_load((ROOT / "evals" / "cases" / "seeds.yaml").read_text())["articles"]
    return [a.model_dump() for a in apply_metadata(load_paths([ROOT / "seeds"]), meta)]


def start_server(sock: socket.socket, data_dir: Path, env_overrides: dict[str, str]) -> subprocess.Popen:
    env = {**os.environ, "FACTCHECK_DATA_DIR": str(data_dir / "jobs"), "FACTCHECK_CACHE_DIR": str(data_dir / "cache"),
           "PYTHONPATH": str(ROOT), **env_overrides}
    return subprocess.Popen([sys.executable, "-c", SERVER, str(sock.fileno())], cwd=data_dir, env=env,
                            pass_fds=(sock.fileno(),))


async def wait_ready(client: httpx.AsyncClient, proc: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if (await client.get("/healthz")).status_code == 200:
                return
        except httpx.TransportError:
            await asyncio.sleep(0.1)
    raise SystemExit("the server did not start")


FIRE = "A fire destroyed a warehouse in Springfield on Monday, killing {n} people, officials said."
# A mix of ten: five valid clusters, three invalid bodies, two figure-heavy clusters.
MIX = ["valid", "invalid", "heavy", "valid", "valid", "invalid", "valid", "heavy", "valid", "invalid"]


def invalid_bodies(body: dict) -> list[bytes]:
    """Bodies the API must refuse with a 4xx: one of each kind of bad input."""
    two = body["articles"][:2]
    return [json.dumps(b).encode() for b in [
        {"articles": two[:1]},  # too few articles
        {"articles": [dict(two[0], text=two[0]["text"] + "\ud800"), two[1]]},  # lone surrogate
        {"articles": two, "options": {"engnie": "local"}},  # unknown option
        {"articles": [dict(two[0], published="0001-01-01"), two[1]]},  # date at the calendar's edge
        {"articles": [dict(two[0], text="x" * 200_001), two[1]]},  # article over the size limit
        {"articles": [dict(two[0], title="T" * 2_000), two[1]]},  # title over its limit
    ]] + [b"{not json", b"[" * 50_000]


def mixed_bodies(body: dict, *, heavy_articles: int, heavy_chars: int) -> dict[str, list[bytes]]:
    small = [{"articles": [{"id": "a", "source": "Wire", "text": FIRE.format(n=n)},
                           {"id": "b", "source": "Paper", "text": FIRE.format(n=n + 2)}]} for n in range(10, 20)]
    heavy = [heavy_body(heavy_articles, heavy_chars)]
    return {"valid": [json.dumps(b).encode() for b in [body] + small], "invalid": invalid_bodies(body),
            "heavy": [json.dumps(b).encode() for b in heavy]}


async def mixed_once(client: httpx.AsyncClient, bodies: dict[str, list[bytes]], n: int, result: Result) -> str:
    kind = MIX[n % len(MIX)]
    choices = bodies[kind]
    turn = (n // len(MIX)) * MIX.count(kind) + MIX[: n % len(MIX)].count(kind)  # this kind's n-th request
    result.http_calls += 1
    response = await client.post("/v1/analyze", content=choices[turn % len(choices)],
                                 headers={"content-type": "application/json"})
    return f"{kind} {response.status_code}"


async def analyze_once(client: httpx.AsyncClient, body: dict, n: int, result: Result) -> str:
    result.http_calls += 1
    response = await client.post("/v1/analyze", json=body)
    return str(response.status_code)


async def job_once(client: httpx.AsyncClient, body: dict, n: int, result: Result, *, poll: float) -> str:
    # A distinct url per request changes the content hash, so every job is computed rather than deduplicated.
    articles = [dict(a, url=f"https://load.invalid/{n}/{a['id']}") for a in body["articles"]]
    result.http_calls += 1
    response = await client.post("/v1/jobs", json={**body, "articles": articles})
    if response.status_code not in (200, 202):
        return f"submit {response.status_code}"
    url = f"/v1/jobs/{response.json()['id']}"
    while True:
        await asyncio.sleep(poll)
        result.http_calls += 1
        response = await client.get(url)
        if response.status_code != 200:
            return f"poll {response.status_code}"
        job = response.json()
        if job["status"] == "succeeded":
            return "succeeded"
        if job["status"] == "failed":
            return f"failed {job['error']['code']}"


async def run(op: Callable[..., Awaitable[str]], client: httpx.AsyncClient, body: object, *, requests: int,
              concurrency: int, max_seconds: float) -> Result:
    result = Result()
    counter = iter(range(requests))

    async def worker() -> None:
        for n in counter:
            started = time.perf_counter()
            try:
                outcome = await op(client, body, n, result)
            except httpx.HTTPError as exc:
                outcome = type(exc).__name__
            result.latencies.append(time.perf_counter() - started)
            result.outcomes[outcome] += 1
            result.by_kind.setdefault(outcome.split()[0], []).append(time.perf_counter() - started)

    started = time.perf_counter()
    try:
        await asyncio.wait_for(asyncio.gather(*(worker() for _ in range(concurrency))), max_seconds)
    except TimeoutError:
        result.outcomes["not finished (time bound)"] += requests - sum(result.outcomes.values())
    result.seconds = time.perf_counter() - started
    return result


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))] if ordered else float("nan")


def latency_line(seconds: list[float]) -> str:
    ms = [x * 1000 for x in seconds]
    return (f"p50 {percentile(ms, 50):.0f}  p95 {percentile(ms, 95):.0f}  p99 {percentile(ms, 99):.0f}  "
            f"max {max(ms, default=float('nan')):.0f}")


def report(name: str, result: Result) -> None:
    done = len(result.latencies)
    ok = {"200", "succeeded"}
    errors = {k: v for k, v in result.outcomes.items() if k not in ok}
    print(f"{name}: {done} requests in {result.seconds:.2f} s = {done / result.seconds:.1f} req/s "
          f"({result.http_calls} HTTP calls)")
    print(f"  latency ms: {latency_line(result.latencies)}")
    print(f"  outcomes: {dict(sorted(result.outcomes.items()))}; errors: {sum(errors.values())} {errors or ''}")


def report_mixed(result: Result) -> None:
    done = len(result.latencies)
    statuses = Counter(k.split()[-1] for k in result.outcomes.elements())
    print(f"mixed POST /v1/analyze: {done} requests in {result.seconds:.2f} s = {done / result.seconds:.1f} req/s")
    print(f"  latency ms (all): {latency_line(result.latencies)}")
    for kind in sorted(result.by_kind):
        counts = {k.split()[-1]: v for k, v in sorted(result.outcomes.items()) if k.split()[0] == kind}
        print(f"  {kind:8} {len(result.by_kind[kind]):4} requests, statuses {counts}; ms {latency_line(result.by_kind[kind])}")
    fives = sum(v for k, v in statuses.items() if k.startswith("5"))
    print(f"  statuses: {dict(sorted(statuses.items()))}; 5xx: {fives}")


def start_fake_llm(fault_rate: float):
    """A fake OpenAI-compatible server answering the seeds correctly, with a share of injected faults
    (429, 500, slow replies past the client timeout, dropped connections, malformed JSON)."""
    import random

    from factcheck.config import Settings
    from factcheck.llm.fake_server import FakeOpenAIServer
    from factcheck.pipeline import prepare
    from factcheck.types import ArticleIn
    from tests.llm_fixtures import good_analysis

    answer = good_analysis(prepare([ArticleIn(**a) for a in seed_cluster()], settings=Settings(_env_file=None)))
    faults = [{"status": 429, "headers": {"Retry-After": "0.1"}}, {"status": 500}, {"delay": 3.0, "then": {"json": answer}},
              {"drop": True}, {"text": '{"summary": [ broken'}]
    rng = random.Random(7)
    server = FakeOpenAIServer()
    server.responder = lambda request: rng.choice(faults) if rng.random() < fault_rate else {"json": answer}
    return server.start()


async def main_async(args: argparse.Namespace) -> None:
    body = {"articles": seed_cluster(), "options": {"engine": args.engine}}
    server_env = {"FACTCHECK_RATE_LIMIT_PER_MINUTE": str(args.rate_limit),
                  "FACTCHECK_JOBS_PER_KEY": str(args.jobs_per_key or args.concurrency),
                  "FACTCHECK_JOB_WORKERS": str(args.job_workers), "FACTCHECK_API_KEYS": ""}
    fake = start_fake_llm(args.fault_rate) if args.fake_llm else None
    if fake is not None:
        body["options"]["engine"] = "llm"
        server_env.update({"OPENAI_BASE_URL": fake.base_url, "OPENAI_API_KEY": "fake", "FACTCHECK_MODEL": "fake-model",
                           "FACTCHECK_CACHE": "false", "FACTCHECK_REQUEST_TIMEOUT": "1", "FACTCHECK_TRANSPORT_RETRIES": "2"})
    with tempfile.TemporaryDirectory() as tmp, socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(1024)
        base = f"http://127.0.0.1:{sock.getsockname()[1]}"
        proc = start_server(sock, Path(tmp), server_env)
        limits = httpx.Limits(max_connections=args.concurrency, max_keepalive_connections=args.concurrency)
        try:
            async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:
                await wait_ready(client, proc)
                await client.post("/v1/analyze", json=body)  # warm-up: imports, sentence splitter
                print(f"server {base}: engine {body['options']['engine']}, {args.requests} requests at concurrency "
                      f"{args.concurrency}; server env {server_env}")
                for name in args.scenarios:
                    if name == "mixed":
                        bodies = mixed_bodies(body, heavy_articles=args.heavy_articles, heavy_chars=args.heavy_chars)
                        result = await run(mixed_once, client, bodies, requests=args.requests,
                                           concurrency=args.concurrency, max_seconds=args.max_seconds)
                        report_mixed(result)
                        continue
                    op = analyze_once if name == "analyze" else functools.partial(job_once, poll=args.poll)
                    result = await run(op, client, body, requests=args.requests, concurrency=args.concurrency,
                                       max_seconds=args.max_seconds)
                    report("POST /v1/analyze" if name == "analyze" else "jobs (submit + poll to finish)", result)
        finally:
            proc.terminate()
            proc.wait(15)
            if fake is not None:
                print(f"fake LLM: {len(fake.completions)} model requests, at most {fake.max_in_flight} at once")
                fake.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load", description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200, help=f"per scenario (at most {MAX_REQUESTS})")
    parser.add_argument("--concurrency", type=int, default=20, help=f"at most {MAX_CONCURRENCY}")
    parser.add_argument("--engine", choices=["local", "auto", "llm"], default="local")
    parser.add_argument("--scenarios", nargs="+", choices=["mixed", "analyze", "jobs"], default=["mixed", "analyze", "jobs"])
    parser.add_argument("--heavy-articles", type=int, default=2, help="articles in a figure-heavy body (mixed)")
    parser.add_argument("--heavy-chars", type=int, default=10_000, help="characters per figure-heavy article (mixed)")
    parser.add_argument("--job-workers", type=int, default=2, help="server FACTCHECK_JOB_WORKERS")
    parser.add_argument("--jobs-per-key", type=int, default=0, help="server FACTCHECK_JOBS_PER_KEY (0: concurrency)")
    parser.add_argument("--rate-limit", type=int, default=0,
                        help="server FACTCHECK_RATE_LIMIT_PER_MINUTE (0: off, to measure the service itself)")
    parser.add_argument("--fake-llm", action="store_true", help="llm engine against an in-process fake model server")
    parser.add_argument("--fault-rate", type=float, default=0.0, help="with --fake-llm: share of faulty model replies")
    parser.add_argument("--poll", type=float, default=0.25, help="seconds between job status polls")
    parser.add_argument("--max-seconds", type=float, default=300, help="time bound per scenario")
    args = parser.parse_args(argv)
    args.requests = max(1, min(args.requests, MAX_REQUESTS))
    args.concurrency = max(1, min(args.concurrency, MAX_CONCURRENCY))
    asyncio.run(main_async(args))


if __name__ == "__main__":
    main()
