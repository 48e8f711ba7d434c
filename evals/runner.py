"""Run every case on an engine, score it, print a table, write results, compare with the baseline."""

from __future__ import annotations

import json
import statistics
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from evals.dataset import Case
from evals.scorers import SCORERS, Score
from factcheck.config import Settings
from factcheck.engines import resolve_engine_name
from factcheck.errors import FactcheckError
from factcheck.pipeline import analyze

BASELINE = Path(__file__).parent / "baseline.json"
RUNS = Path(__file__).parent / "runs"
TOLERANCE = 1e-9  # deterministic engines: any drop is a regression; noisy models use --tolerance


@dataclass
class CaseResult:
    case: str
    scores: dict[str, float | None] = field(default_factory=dict)
    details: dict[str, list[str]] = field(default_factory=dict)
    seconds: float = 0.0
    llm_calls: int = 0
    tokens: int = 0
    cache_hits: int = 0
    reasks: int = 0
    error: str | None = None


def run_case(case: Case, *, engine: str, settings: Settings, repeat: int = 1) -> CaseResult:
    runs: list[dict[str, Score]] = []
    result = CaseResult(case=case.name)
    for _ in range(repeat):
        started = time.perf_counter()
        try:
            report = analyze(case.articles(), engine=engine, settings=settings)
        except FactcheckError as exc:
            result.error = f"{exc.code}: {exc.message}"
            return result
        except Exception as exc:  # a crash in one case is that case's failure, not the end of the run
            result.error = f"crash: {type(exc).__name__}: {exc}"
            return result
        result.seconds += time.perf_counter() - started
        result.llm_calls += report.usage.llm_calls
        result.tokens += report.usage.prompt_tokens + report.usage.completion_tokens
        result.cache_hits += report.usage.cache_hits
        result.reasks += report.usage.reasks
        runs.append({s.name: s.fn(report, case) for s in SCORERS})
    for s in SCORERS:
        values = [r[s.name].value for r in runs if r[s.name].value is not None]
        result.scores[s.name] = round(statistics.mean(values), 4) if values else None
        result.details[s.name] = runs[-1][s.name].details
    result.seconds = round(result.seconds / repeat, 3)
    return result


def aggregate(results: list[CaseResult]) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    for s in SCORERS:
        values = [r.scores.get(s.name) for r in results if r.scores.get(s.name) is not None]
        if not values:
            out[s.name] = None
        elif s.higher_is_better:
            out[s.name] = round(statistics.mean(values), 4)
        else:
            out[s.name] = round(sum(values), 4)
    return out


def check(results: list[CaseResult], baseline: dict[str, Any] | None, *, tolerance: float) -> list[str]:
    """Failures: errors, hard thresholds missed, and regressions against the baseline (per case)."""
    failures = [f"{r.case}: error {r.error}" for r in results if r.error]
    by_name = {s.name: s for s in SCORERS}
    for r in results:
        for name, value in r.scores.items():
            spec = by_name[name]
            if value is None or spec.threshold is None:
                continue
            if (spec.higher_is_better and value < spec.threshold) or (not spec.higher_is_better and value > spec.threshold):
                failures.append(f"{r.case}: {name} = {value} misses the threshold {spec.threshold}")
    if not baseline:
        return failures
    for r in results:
        for name, old in (baseline.get("cases", {}).get(r.case) or {}).items():
            new = r.scores.get(name)
            if old is None or name not in by_name:
                continue
            if new is None:
                failures.append(f"{r.case}: {name} no longer scored (baseline {old})")
                continue
            worse = old - new if by_name[name].higher_is_better else new - old
            if worse > tolerance:
                failures.append(f"{r.case}: {name} regressed {old} -> {new}")
    return failures


def engine_key(engine: str, settings: Settings) -> str:
    resolved = resolve_engine_name(engine, settings)
    return resolved if resolved == "local" else f"llm:{settings.model}"


def load_baseline(key: str) -> dict[str, Any] | None:
    if not BASELINE.exists():
        return None
    return json.loads(BASELINE.read_text()).get(key)


def bless(key: str, results: list[CaseResult]) -> None:
    data = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    data[key] = {
        "blessed_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "cases": {r.case: r.scores for r in results},
        "aggregate": aggregate(results),
    }
    BASELINE.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")


def write_run(key: str, results: list[CaseResult], failures: list[str], markdown: str) -> Path:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    folder = RUNS / f"{stamp}-{key.replace(':', '_').replace('/', '_')}"
    folder.mkdir(parents=True, exist_ok=True)
    payload = {"engine": key, "results": [r.__dict__ for r in results], "aggregate": aggregate(results),
               "failures": failures}
    (folder / "results.json").write_text(json.dumps(payload, indent=2) + "\n")
    (folder / "results.md").write_text(markdown)
    return folder
