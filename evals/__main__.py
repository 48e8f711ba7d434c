"""`python -m evals` (`make eval`): score the engine on every hand-labelled case.

Exit status: 0 when every case ran, met the hard thresholds and did not regress against
evals/baseline.json; 1 otherwise. `--bless` records the current scores as the new baseline.
"""

from __future__ import annotations

import argparse
import sys

from rich.console import Console
from rich.table import Table

from pathlib import Path

from evals import runner
from evals.dataset import load_cases
from evals.runner import aggregate, bless, check, engine_key, load_baseline, run_case, write_run
from evals.scorers import SCORERS
from factcheck.config import get_settings

def _fmt(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.0f}" if value == int(value) and value > 1 else f"{value:.2f}"


def _rows(results) -> list[tuple[str, list[str]]]:
    """One row per metric, one column per case plus ALL (mean of rates, sum of counts)."""
    agg = aggregate(results)
    rows = []
    for s in SCORERS:
        cells = ["ERR" if r.error else _fmt(r.scores.get(s.name)) for r in results]
        direction = "" if s.higher_is_better else " (lower is better)"
        rows.append((s.name + direction, cells + [_fmt(agg[s.name])]))
    usage = [("seconds", lambda r: f"{r.seconds:.2f}"), ("model calls", lambda r: str(r.llm_calls)),
             ("tokens", lambda r: str(r.tokens)), ("cache hits", lambda r: str(r.cache_hits)),
             ("re-asks", lambda r: str(r.reasks))]
    for label, get in usage:
        total = sum(float(get(r)) for r in results)
        rows.append((label, [get(r) for r in results] + [f"{total:.2f}" if label == "seconds" else f"{total:.0f}"]))
    return rows


def _table(results, title: str) -> Table:
    table = Table(title=title)
    table.add_column("metric")
    for r in results:
        table.add_column(r.case, justify="right")
    table.add_column("ALL", justify="right", style="bold")
    for label, cells in _rows(results):
        table.add_row(label, *cells)
    return table


def _markdown(results, key: str, failures: list[str]) -> str:
    cols = ["metric"] + [r.case for r in results] + ["ALL"]
    lines = [f"# Eval: {key}", "", "| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join([label, *cells]) + " |" for label, cells in _rows(results)]
    lines += ["", "## Details", ""]
    for r in results:
        if r.error:
            lines.append(f"- {r.case}: ERROR {r.error}")
        for name, details in r.details.items():
            lines += [f"- {r.case} / {name}: {d}" for d in details]
    lines += ["", "## Verdict", ""] + ([f"- FAIL {f}" for f in failures] or ["- PASS"])
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals", description=__doc__)
    parser.add_argument("--engine", default=None, help="auto | local | llm (default: as the CLI's auto)")
    parser.add_argument("--model", default=None, help="model name for the llm engine")
    parser.add_argument("--case", action="append", help="run only this case (repeatable)")
    parser.add_argument("--repeat", type=int, default=1, help="run each case N times (noisy models)")
    parser.add_argument("--tolerance", type=float, default=1e-9, help="allowed drop before a regression")
    parser.add_argument("--bless", action="store_true", help="record these scores as the baseline")
    parser.add_argument("--details", action="store_true", help="print every scorer's details")
    parser.add_argument("--baseline", default=None, help="baseline file (default: evals/baseline.json)")
    parser.add_argument("--runs-dir", default=None, help="where results go (default: evals/runs/)")
    args = parser.parse_args(argv)
    if args.baseline:
        runner.BASELINE = Path(args.baseline)
    if args.runs_dir:
        runner.RUNS = Path(args.runs_dir)

    settings = get_settings()
    if args.model:
        settings = settings.model_copy(update={"model": args.model})
    engine = args.engine or settings.engine
    key = engine_key(engine, settings)
    console = Console(width=None if sys.stdout.isatty() else 160)
    cases = load_cases(args.case)
    results = []
    for i, case in enumerate(cases, 1):
        console.print(f"[dim][{i}/{len(cases)}] {case.name} ...[/dim]")
        results.append(run_case(case, engine=engine, settings=settings, repeat=args.repeat))
    failures = check(results, None if args.bless else load_baseline(key), tolerance=args.tolerance)
    console.print(_table(results, f"factcheck eval — {key}"))
    markdown = _markdown(results, key, failures)
    folder = write_run(key, results, failures, markdown)
    if args.details:
        console.print(markdown.split("## Details", 1)[1])
    if args.bless:
        bless(key, results)
        console.print(f"[green]Baseline for {key} updated in evals/baseline.json[/green]")
    for failure in failures:
        console.print(f"[red]FAIL[/red] {failure}")
    console.print(f"Results: {folder}/results.md" + ("" if failures else "  [green]PASS[/green]"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
