"""Run every case on an engine, score it, aggregate by group, compare with the baseline."""

from __future__ import annotations

import json
import statistics
import time
from dataclasses import asdict, dataclass, field
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
GROUP_ORDER = ("seeds", "real", "written", "topics", "swapped", "other")
# The metrics a reader looks at first, in the order shown (the rest are in results.md).
HEADLINE = ("must_recall", "should_recall", "precision", "trap_false_positives", "citation_exactness",
            "summary_support", "key_fact_coverage", "single_source_recall")


@dataclass
class CaseResult:
    case: str
    group: str = "other"
    scores: dict[str, float | None] = field(default_factory=dict)
    counts: dict[str, list[float]] = field(default_factory=dict)  # scorer -> [hits, total]
    details: dict[str, list[str]] = field(default_factory=dict)
    seconds: float = 0.0
    llm_calls: int = 0
    tokens: int = 0
    cache_hits: int = 0
    reasks: int = 0
    contradictions: int = 0
    error: str | None = None


def run_case(case: Case, *, engine: str, settings: Settings, repeat: int = 1) -> CaseResult:
    runs: list[dict[str, Score]] = []
    result = CaseResult(case=case.name, group=case.group)
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
        result.contradictions = len(report.contradictions)
        runs.append({s.name: s.fn(report, case) for s in SCORERS})
    for s in SCORERS:
        values = [r[s.name].value for r in runs if r[s.name].value is not None]
        result.scores[s.name] = round(statistics.mean(values), 4) if values else None
        last = runs[-1][s.name]
        if last.total is not None:
            result.counts[s.name] = [sum(r[s.name].hits or 0 for r in runs) / len(runs),
                                     sum(r[s.name].total or 0 for r in runs) / len(runs)]
        result.details[s.name] = last.details
    result.seconds = round(result.seconds / repeat, 3)
    return result


def aggregate(results: list[CaseResult]) -> dict[str, float | None]:
    """Rates over all labels of the cases (micro average); counts summed; unscored cases left out."""
    out: dict[str, float | None] = {}
    for s in SCORERS:
        counted = [r.counts[s.name] for r in results if s.name in r.counts and r.counts[s.name][1]]
        values = [r.scores.get(s.name) for r in results if r.scores.get(s.name) is not None]
        if counted:
            out[s.name] = round(sum(h for h, _ in counted) / sum(t for _, t in counted), 4)
        elif not values:
            out[s.name] = None
        elif s.higher_is_better:
            out[s.name] = round(statistics.mean(values), 4)
        else:
            out[s.name] = round(sum(values), 4)
    return out


def totals(results: list[CaseResult], name: str) -> tuple[float, float]:
    counted = [r.counts[name] for r in results if name in r.counts]
    return sum(h for h, _ in counted), sum(t for _, t in counted)


def by_group(results: list[CaseResult]) -> dict[str, list[CaseResult]]:
    groups: dict[str, list[CaseResult]] = {}
    for g in GROUP_ORDER:
        members = [r for r in results if r.group == g and not r.error]
        if members:
            groups[g] = members
    groups["ALL"] = [r for r in results if not r.error]
    return groups


def group_aggregates(results: list[CaseResult]) -> dict[str, dict[str, float | None]]:
    return {g: aggregate(members) for g, members in by_group(results).items()}


def check(results: list[CaseResult], baseline: dict[str, Any] | None, *, tolerance: float) -> list[str]:
    """Failures: errors, hard thresholds missed, and group metrics that fell against the baseline.
    A per-case change is shown, not failed: the groups are what a change must not make worse."""
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
    now = group_aggregates(results)
    for group, old_scores in (baseline.get("groups") or {}).items():
        if group not in now:
            continue
        for name, old in old_scores.items():
            new = now[group].get(name)
            if old is None or name not in by_name or new is None:
                continue
            worse = old - new if by_name[name].higher_is_better else new - old
            if worse > tolerance:
                failures.append(f"{group}: {name} regressed {old} -> {new}")
    return failures


def case_changes(results: list[CaseResult], baseline: dict[str, Any] | None) -> list[str]:
    """Per-case moves of the headline metrics against the baseline, better or worse."""
    if not baseline:
        return []
    by_name = {s.name: s for s in SCORERS}
    out = []
    for r in results:
        old_scores = (baseline.get("cases") or {}).get(r.case) or {}
        for name in HEADLINE:
            old, new = old_scores.get(name), r.scores.get(name)
            if old is None or new is None or abs(old - new) < 1e-9:
                continue
            better = (new > old) == by_name[name].higher_is_better
            out.append(f"{'+' if better else '-'} {r.case}: {name} {old:.2f} -> {new:.2f}")
    return out


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
        "groups": group_aggregates(results),
    }
    BASELINE.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")


def write_run(key: str, results: list[CaseResult], failures: list[str], markdown: str) -> Path:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    folder = RUNS / f"{stamp}-{key.replace(':', '_').replace('/', '_')}"
    folder.mkdir(parents=True, exist_ok=True)
    payload = {"engine": key, "results": [asdict(r) for r in results], "groups": group_aggregates(results),
               "failures": failures}
    (folder / "results.json").write_text(json.dumps(payload, indent=2) + "\n")
    (folder / "results.md").write_text(markdown)
    return folder
