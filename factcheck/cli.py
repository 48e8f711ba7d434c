"""Command line: `factcheck analyze PATH...` and `factcheck serve`. Thin: parsing and printing only."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from factcheck.errors import FactcheckError


class OutputError(FactcheckError):
    """The report could not be written where --out says."""

    code = "output_error"


def _progress(stage: str, done: int, total: int) -> None:
    print(f"\r[{stage}] {done}/{total}   ", end="" if done < total else "\n", file=sys.stderr, flush=True)


def _render(report, fmt: str) -> str:
    if fmt == "json":
        return report.model_dump_json(indent=2)
    if fmt == "html":
        from factcheck.render.html import to_html

        return to_html(report)
    from factcheck.render import to_markdown

    return to_markdown(report)


def cmd_analyze(args: argparse.Namespace) -> int:
    from factcheck.config import get_settings
    from factcheck.ingest import apply_metadata, load_metadata, load_paths
    from factcheck.pipeline import analyze

    articles = load_paths([Path(p) for p in args.paths])
    if args.meta:
        articles = apply_metadata(articles, load_metadata(Path(args.meta)))
    progress = _progress if (args.progress or sys.stderr.isatty()) else (lambda *a: None)
    report = analyze(articles, engine=args.engine, settings=get_settings(), progress=progress)
    output = _render(report, args.format)
    if args.out:
        _write(Path(args.out), output)
        print(f"Wrote {args.format} report to {args.out} (engine {report.engine.name}, "
              f"{len(report.contradictions)} contradictions, {report.usage.seconds:.2f} s)", file=sys.stderr)
    else:
        sys.stdout.write(output if output.endswith("\n") else output + "\n")
    return 0


def _write(path: Path, output: str) -> None:
    try:
        path.write_text(output, encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"Cannot write the report to {path}: {exc.strerror or exc}. Choose another --out path.",
                          details={"path": str(path)}) from exc


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    uvicorn.run("factcheck.api:create_app", factory=True, host=args.host, port=args.port, log_level="info")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="factcheck", description="Cross-source news analysis with cited spans.")
    sub = parser.add_subparsers(dest="command", required=True)
    analyze = sub.add_parser("analyze", help="analyse 2-50 articles about one event")
    analyze.add_argument("paths", nargs="+", help="article files (.txt, .html, .json) or directories of them")
    analyze.add_argument("--engine", choices=["auto", "local", "llm"], default=None,
                         help="auto (default): llm when a model endpoint is configured, else local")
    analyze.add_argument("--format", choices=["json", "markdown", "html"], default="markdown")
    analyze.add_argument("--out", help="write the report to this file instead of stdout")
    analyze.add_argument("--meta", help="YAML/JSON mapping article id -> {source, url, title, published}")
    analyze.add_argument("--progress", action="store_true", help="show progress on stderr even when not a terminal")
    analyze.set_defaults(func=cmd_analyze)
    serve = sub.add_parser("serve", help="run the REST API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "engine", "x") is None:
        from factcheck.config import get_settings

        args.engine = get_settings().engine
    try:
        return args.func(args)
    except FactcheckError as exc:
        print(f"error [{exc.code}]: {exc.message}", file=sys.stderr)
        if exc.details:
            print(json.dumps(exc.details, indent=2, default=str), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
