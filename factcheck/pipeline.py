"""The only place that knows stage order: validate -> exclude furniture -> segment -> mark copies ->
engine -> verify."""

from __future__ import annotations

import time

from factcheck.boilerplate import find_excluded_spans
from factcheck.config import Settings, get_settings
from factcheck.copies import mark_copies
from factcheck.engines import Progress, get_engine, no_progress
from factcheck.errors import InputError
from factcheck.ingest import parse_header, validate_cluster
from factcheck.injection import instruction_warnings
from factcheck.segment import segment
from factcheck.types import Article, ArticleIn, Report
from factcheck.verify import verify_report


def prepare_article(article: ArticleIn) -> Article:
    excluded = find_excluded_spans(article.text)
    sentences = segment(article.text, article_id=article.id, excluded=excluded)
    if not sentences:
        raise InputError(
            f"Article '{article.id}' has no article prose left after removing headers and page furniture.",
            details={"article_id": article.id, "problem": "no_sentences"},
        )
    meta, _ = parse_header(article.text)
    published = article.published or meta.get("published")
    title = article.title
    if title is None:
        title = next((article.text[s.start : s.end] for s in excluded if s.kind == "title"), None)
    return Article(
        id=article.id, source=article.source, url=article.url, title=title, published=published,
        text=article.text, sentences=sentences, excluded_spans=excluded,
    )


def prepare(articles: list[ArticleIn], *, settings: Settings) -> list[Article]:
    """Validate the cluster and return articles with sentences, exclusions and copies marked."""
    validate_cluster(articles, settings=settings)
    return mark_copies([prepare_article(a) for a in articles])


def analyze(
    articles: list[ArticleIn],
    *,
    engine: str = "auto",
    settings: Settings | None = None,
    progress: Progress = no_progress,
) -> Report:
    """Analyse a cluster end to end and return a verified report."""
    settings = settings or get_settings()
    started = time.perf_counter()
    chosen = get_engine(engine, settings)  # fail on configuration before doing any work
    progress("prepare", 0, 1)
    prepared = prepare(articles, settings=settings)
    progress("prepare", 1, 1)
    report = verify_report(chosen.analyze(prepared, progress=progress))
    report = report.model_copy(update={"warnings": instruction_warnings(prepared) + report.warnings})
    usage = report.usage.model_copy(update={"seconds": round(time.perf_counter() - started, 3)})
    return report.model_copy(update={"usage": usage})
