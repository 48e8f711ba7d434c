"""Command line (Typer): `factcheck analyze`, `factcheck body`, `factcheck serve`. Thin: parsing and printing.

Every error the analysis raises is one line on stderr, `error [code]: what happened and what to do`, with exit
code 2 (as for a usage error); progress bars go to stderr, so stdout holds only the report or the body.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from factcheck import __version__
from factcheck.errors import FactcheckError

INPUT_ERROR_EXIT = 2
INTERRUPTED_EXIT = 130


class OutputError(FactcheckError):
    """The report could not be written where --out says."""

    code = "output_error"


class Format(StrEnum):
    markdown = "markdown"
    json = "json"
    html = "html"


class Engine(StrEnum):
    auto = "auto"
    local = "local"
    llm = "llm"


app = typer.Typer(
    name="factcheck",
    help="Several news articles about one event in; a neutral cited summary and the contradictions between "
         "outlets out.",
    epilog="Run [bold]factcheck COMMAND --help[/bold] for a command's options and examples.",
    rich_markup_mode="rich",
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

PATHS_HELP = ("Article files (.txt, .html, .json) or folders of them. A [bold]sources.yaml[/bold] beside the files "
              "names their outlets.")
META_HELP = "YAML/JSON mapping article id -> {source, url, title, published}; wins over sources.yaml and the files."
ENGINE_HELP = "auto: llm when a model endpoint is configured (OPENAI_API_KEY or OPENAI_BASE_URL), else local."
Paths = Annotated[list[Path], typer.Argument(help=PATHS_HELP, show_default=False, metavar="PATH")]
Meta = Annotated[Path | None, typer.Option("--meta", "-m", help=META_HELP, show_default=False)]
EngineOption = Annotated[Engine | None, typer.Option(
    "--engine", "-e", help=ENGINE_HELP, show_default="FACTCHECK_ENGINE, else auto")]


def _examples(*lines: str) -> str:
    """An epilog of example commands, kept on their own lines."""
    return "[bold]Examples[/bold]\n\n\b\n" + "\n".join(f"  {line}" for line in lines)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def main_options(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", "-V", callback=_show_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Several news articles about one event in; a neutral cited summary and the contradictions between
    outlets out."""
    if ctx.invoked_subcommand is None:  # bare `factcheck`: the help, not an error
        typer.echo(ctx.get_help())
        raise typer.Exit()


@contextmanager
def _reported() -> Iterator[None]:
    """An analysis error as one line on stderr and exit code 2; Ctrl-C as exit code 130."""
    try:
        yield
    except FactcheckError as exc:
        typer.secho("error", fg="red", bold=True, err=True, nl=False)
        typer.echo(f" [{exc.code}]: {exc.message}", err=True)
        raise typer.Exit(INPUT_ERROR_EXIT) from None
    except KeyboardInterrupt:
        raise typer.Exit(INTERRUPTED_EXIT) from None


def _articles(paths: list[Path], meta: Path | None) -> list:
    from factcheck.ingest import apply_metadata, load_metadata, load_paths

    articles = load_paths(paths)
    return apply_metadata(articles, load_metadata(meta)) if meta else articles


def _engine(engine: Engine | None) -> str:
    from factcheck.config import get_settings

    return engine.value if engine else get_settings().engine


@app.command(epilog=_examples(
    "factcheck analyze seeds/",
    "factcheck analyze a.txt b.html c.json --format json --out report.json",
    "factcheck analyze seeds/ --format html --out report.html",
    "factcheck analyze seeds/ --engine local --meta outlets.yaml",
))
def analyze(
    paths: Paths,
    engine: EngineOption = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Report format.")] = Format.markdown,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write the report to this file instead of stdout.",
                                             show_default=False)] = None,
    meta: Meta = None,
    progress: Annotated[bool | None, typer.Option(
        "--progress/--no-progress", help="Progress bars on stderr.", show_default="when stderr is a terminal")] = None,
) -> None:
    """Analyse 2-50 articles about one event: a cited neutral summary and the contradictions between outlets.

    The report goes to stdout (or --out): Markdown to read, JSON for programs, HTML to check each statement
    against the sources side by side."""
    from factcheck.config import get_settings
    from factcheck.pipeline import analyze as run_analysis

    with _reported():
        articles = _articles(paths, meta)
        with _bars(sys.stderr.isatty() if progress is None else progress) as report_progress:
            report = run_analysis(articles, engine=_engine(engine), settings=get_settings(), progress=report_progress)
        output = _render(report, format)
        if out is None:
            sys.stdout.write(output if output.endswith("\n") else output + "\n")
            return
        _write(out, output)
        typer.echo(f"Wrote {format.value} report to {out} (engine {report.engine.name}, "
                   f"{len(report.contradictions)} contradictions, {report.usage.seconds:.2f} s)", err=True)


@app.command(epilog=_examples(
    "factcheck body a.txt b.html > body.json",
    "curl -s localhost:8000/v1/analyze -H 'content-type: application/json' \\",
    "     -d @body.json",
    "factcheck body seeds/ | curl -s localhost:8000/v1/jobs \\",
    "     -H 'content-type: application/json' -d @-",
))
def body(paths: Paths, engine: EngineOption = None, meta: Meta = None) -> None:
    """Print the JSON body for POST /v1/analyze, /v1/jobs or /v1/report.html from article files.

    The files are read as `analyze` reads them: outlet names inferred, sources.yaml and --meta applied, the
    cluster checked."""
    from factcheck.config import get_settings
    from factcheck.ingest import validate_cluster

    with _reported():
        articles = _articles(paths, meta)
        validate_cluster(articles, settings=get_settings())
    options: dict[str, Any] = {"engine": engine.value} if engine else {}
    payload = {"articles": [a.model_dump(exclude_none=True) for a in articles], "options": options}
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


@app.command(epilog=_examples("factcheck serve", "factcheck serve --host 0.0.0.0 --port 8080"))
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on (0.0.0.0 for every interface).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Run the REST API (docs at /docs) and the paste-or-upload page at /."""
    import uvicorn

    uvicorn.run("factcheck.api:create_app", factory=True, host=host, port=port, log_level="info")


def _render(report, fmt: Format) -> str:
    if fmt is Format.json:
        return report.model_dump_json(indent=2)
    if fmt is Format.html:
        from factcheck.render.html import to_html

        return to_html(report)
    from factcheck.render import to_markdown

    return to_markdown(report)


def _write(path: Path, output: str) -> None:
    try:
        path.write_text(output, encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"Cannot write the report to {path}: {exc.strerror or exc}. Choose another --out path.",
                          details={"path": str(path)}) from exc


@contextmanager
def _bars(shown: bool) -> Iterator[Any]:
    """The pipeline's progress(stage, done, total) callback: rich progress bars on stderr, one per stage, or
    per engine for an engine's steps ("local: mentions", "local: summary" ...)."""
    if not shown:
        yield lambda stage, done, total: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    tasks: dict[str, Any] = {}
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=False) as bars:
        def update(stage: str, done: int, total: int) -> None:
            key = stage.split(":")[0]
            if key not in tasks:
                tasks[key] = bars.add_task(stage, total=total)
            bars.update(tasks[key], description=stage, completed=done, total=total)

        yield update


def main(argv: list[str] | None = None) -> int:
    """The `factcheck` command; returns its exit code."""
    try:
        app(args=argv, prog_name="factcheck")
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
