"""`python -m evals` (`make eval`): score the engine on every hand-labelled case, and on the swapped copies
of the seeds and real cases.

Prints, per case, the labels missed, the false positives and the traps reported; a table per case; the
summary by group (seeds / real / written / topics / swapped / other); and the change against evals/baseline.json.
Exit status: 0 when every case ran, met the hard thresholds and no group fell against the baseline; 1 when
not; 2 when the engine cannot run at all (configuration). `--bless` records the scores as the baseline.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from evals import runner
from evals.dataset import load_cases
from evals.runner import (
    HEADLINE, by_group, bless, case_changes, check, engine_key, group_aggregates, load_baseline, run_case, totals,
    write_run,
)
from evals.scorers import SCORERS
from evals.swap import swapped
from factcheck.config import get_settings
from factcheck.engines import get_engine
from factcheck.errors import FactcheckError

SHORT = {"must_recall": "must", "should_recall": "should", "precision": "precision",
         "trap_false_positives": "trap FP", "citation_exactness": "cite exact", "summary_support": "summary support",
         "key_fact_coverage": "key facts", "single_source_recall": "single-src"}
# Details shown inline under each case (the rest go to results.md).
INLINE = ("must_recall", "should_recall", "precision", "trap_false_positives", "citation_exactness", "forbidden_output",
          "copies_marked")


def _fmt(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.0f}" if value == int(value) and value > 1 else f"{value:.2f}"


def _count(x: float) -> str:
    return f"{x:.0f}" if x == int(x) else f"{x:.1f}"


def _cell(r, name: str) -> str:
    if r.error:
        return "ERR"
    counts = r.counts.get(name)
    if counts and counts[1]:
        return f"{_count(counts[0])}/{_count(counts[1])}"
    return _fmt(r.scores.get(name))


def _case_table(results) -> Table:
    table = Table(title="Per case (hits/labels)", title_justify="left")
    table.add_column("case")
    table.add_column("group")
    for name in HEADLINE:
        table.add_column(SHORT[name], justify="right")
    table.add_column("found", justify="right")
    table.add_column("s", justify="right")
    for r in results:
        table.add_row(r.case, r.group, *[_cell(r, n) for n in HEADLINE], str(r.contradictions), f"{r.seconds:.2f}")
    return table


def _group_rows(results):
    rows = []
    for group, members in by_group(results).items():
        agg = runner.aggregate(members)
        cells = []
        for name in HEADLINE:
            hits, total = totals(members, name)
            cells.append(f"{_fmt(agg[name])} ({_count(hits)}/{_count(total)})" if total else _fmt(agg[name]))
        rows.append((group, len(members), cells, sum(r.seconds for r in members)))
    return rows


def _group_table(results, title: str) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("group")
    table.add_column("cases", justify="right")
    for name in HEADLINE:
        table.add_column(SHORT[name], justify="right")
    table.add_column("seconds", justify="right")
    for group, n, cells, seconds in _group_rows(results):
        table.add_row(group, str(n), *cells, f"{seconds:.1f}")
    return table


def _inline(r) -> list[str]:
    if r.error:
        return [f"ERROR {r.error}"]
    return [d for name in INLINE for d in r.details.get(name, [])]


def _markdown(results, key: str, failures: list[str], changes: list[str]) -> str:
    cols = ["group", "cases"] + [SHORT[n] for n in HEADLINE] + ["seconds"]
    lines = [f"# Eval: {key}", "", "## By group (micro average: hits/labels)", "",
             "| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join([g, str(n), *cells, f"{s:.1f}"]) + " |" for g, n, cells, s in _group_rows(results)]
    cols = ["case", "group"] + [SHORT[n] for n in HEADLINE] + ["found", "seconds"]
    lines += ["", "## By case", "", "| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join([r.case, r.group, *[_cell(r, n) for n in HEADLINE], str(r.contradictions),
                                 f"{r.seconds:.2f}"]) + " |" for r in results]
    lines += ["", "## All metrics by group", ""]
    groups = group_aggregates(results)
    cols = ["metric"] + list(groups)
    lines += ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join([s.name] + [_fmt(groups[g][s.name]) for g in groups]) + " |" for s in SCORERS]
    lines += ["", "## Details", ""]
    for r in results:
        if r.error:
            lines.append(f"- {r.case}: ERROR {r.error}")
        for name, details in r.details.items():
            lines += [f"- {r.case} / {name}: {d}" for d in details]
    lines += ["", "## Change against the baseline", ""] + ([f"- {c}" for c in changes] or ["- none"])
    lines += ["", "## Verdict", ""] + ([f"- FAIL {f}" for f in failures] or ["- PASS"])
    return "\n".join(lines) + "\n"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m evals", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", default=None, help="auto | local | llm (default: FACTCHECK_ENGINE, else auto)")
    parser.add_argument("--model", default=None, help="model name for the llm engine")
    parser.add_argument("--case", action="append", help="run only this case (repeatable)")
    parser.add_argument("--group", action="append", help="run only cases of this group (repeatable)")
    parser.add_argument("--no-swap", action="store_true", help="skip the swapped copies of seeds and real cases")
    parser.add_argument("--repeat", type=int, default=1, help="run each case N times (noisy models)")
    parser.add_argument("--tolerance", type=float, default=1e-9, help="allowed drop of a group metric")
    parser.add_argument("--bless", action="store_true", help="record these scores as the baseline")
    parser.add_argument("--details", action="store_true", help="print every scorer's details")
    parser.add_argument("--baseline", default=None, help="baseline file (default: evals/baseline.json)")
    parser.add_argument("--runs-dir", default=None, help="where results go (default: evals/runs/)")
    return parser


def _cases(args):
    cases = load_cases(args.case)
    if not args.no_swap:
        cases += [swapped(c) for c in cases if c.group in ("seeds", "real")]
    if args.group:
        cases = [c for c in cases if c.group in args.group]
    return cases


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.baseline:
        runner.BASELINE = Path(args.baseline)
    if args.runs_dir:
        runner.RUNS = Path(args.runs_dir)
    console = Console(width=None if sys.stdout.isatty() else 200)
    settings = get_settings()
    if args.model:
        settings = settings.model_copy(update={"model": args.model})
    engine = args.engine or settings.engine
    try:
        get_engine(engine, settings)  # a configuration error is said once, before any case runs
    except FactcheckError as exc:
        console.print(f"[red]Cannot run the eval:[/red] {escape(exc.message)}")
        return 2
    key = engine_key(engine, settings)
    cases = _cases(args)
    results = []
    for i, case in enumerate(cases, 1):
        result = run_case(case, engine=engine, settings=settings, repeat=args.repeat)
        results.append(result)
        line = "  ".join(f"{SHORT[n]} {_cell(result, n)}" for n in HEADLINE[:4])
        console.print(f"[bold][{i}/{len(cases)}] {escape(case.name)}[/bold] [dim]{escape(line)} "
                      f"({result.seconds:.2f} s)[/dim]")
        for detail in _inline(result):
            console.print(f"    {escape(detail)}", highlight=False)
    baseline = None if args.bless else load_baseline(key)
    failures = check(results, baseline, tolerance=args.tolerance)
    changes = case_changes(results, baseline)
    console.print(_case_table(results))
    console.print(_group_table(results, f"factcheck eval — {key} — by group (micro average)"))
    markdown = _markdown(results, key, failures, changes)
    folder = write_run(key, results, failures, markdown)
    if changes:
        console.print("[bold]Change against the baseline[/bold] (+ better, - worse)")
        for change in changes:
            console.print(f"  {escape(change)}", highlight=False)
    if args.details:
        console.print(escape(markdown.split("## Details", 1)[1]))
    if args.bless:
        bless(key, results)
        console.print(f"[green]Baseline for {key} updated in {runner.BASELINE}[/green]")
    for failure in failures:
        console.print(f"[red]FAIL[/red] {escape(failure)}")
    console.print(f"Results: {folder}/results.md" + ("" if failures else "  [green]PASS[/green]"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
