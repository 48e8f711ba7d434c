"""Bounded load against a server this script starts on 127.0.0.1: `POST /v1/analyze` and the jobs flow
(submit, then poll until finished). Prints throughput, latency percentiles and errors by status. Numbers,
not asserts.

    python -m benchmarks.load --requests 200 --concurrency 20 --engine local
"""

from __future__ import annotations

import argparse
import asyncio
import functools
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


async def run(op: Callable[..., Awaitable[str]], client: httpx.AsyncClient, body: dict, *, requests: int,
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


def report(name: str, result: Result) -> None:
    done = len(result.latencies)
    ok = {"200", "succeeded"}
    errors = {k: v for k, v in result.outcomes.items() if k not in ok}
    ms = [x * 1000 for x in result.latencies]
    print(f"{name}: {done} requests in {result.seconds:.2f} s = {done / result.seconds:.1f} req/s "
          f"({result.http_calls} HTTP calls)")
    print(f"  latency ms: p50 {percentile(ms, 50):.0f}  p95 {percentile(ms, 95):.0f}  p99 {percentile(ms, 99):.0f}  "
          f"max {max(ms, default=float('nan')):.0f}")
    print(f"  outcomes: {dict(result.outcomes)}; errors: {sum(errors.values())} {errors or ''}")


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
    parser.add_argument("--scenarios", nargs="+", choices=["analyze", "jobs"], default=["analyze", "jobs"])
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
