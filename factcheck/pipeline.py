"""The only place that knows stage order: validate -> exclude furniture -> segment -> mark copies ->
view without invisible characters -> engine -> caps -> verify -> guard the summary -> offsets back to the
submitted text."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from factcheck.boilerplate import find_excluded_spans
from factcheck.budget import Deadline
from factcheck.caps import capped
from factcheck.config import Settings, get_settings
from factcheck.copies import independent_sources, mark_copies
from factcheck.engines import Findings, Progress, get_engine, no_progress
from factcheck.errors import InputError
from factcheck.ingest import parse_header, usable_anchor, validate_cluster
from factcheck.injection import instruction_warnings, looks_like_instruction
from factcheck.invisible import analysis_view
from factcheck.segment import segment
from factcheck.types import Article, ArticleIn, Report, SummarySentence
from factcheck.verify import sentence_by_id, verify_report


def prepare_article(article: ArticleIn) -> Article:
    excluded = find_excluded_spans(article.text)
    sentences = segment(article.text, article_id=article.id, excluded=excluded)
    meta, _ = parse_header(article.text)
    published = article.published or meta.get("published") or _dateline_date(article.text, excluded)
    title = article.title
    if title is None:
        title = next((article.text[s.start : s.end] for s in excluded if s.kind == "title"), None)
    return Article(
        id=article.id, source=article.source, source_origin=article.source_origin, url=article.url, title=title,
        published=published, text=article.text, sentences=sentences, excluded_spans=excluded,
    )


_PUBLISHING = re.compile(r"publish|post|updat|date|modif|creat|upload|releas|filed", re.I)  # labels of a page's own date


def _dateline_date(text: str, excluded) -> str | None:
    """The publication date from a dateline the page shows ("First Published: June 13, 2013")."""
    for span in excluded:
        if span.kind == "dateline":
            label = re.match(r"\s*([A-Za-z][A-Za-z ]*?)\s*:", text[span.start : span.end])
            if label and not _PUBLISHING.search(label.group(1)):
                continue  # "End of Watch: Friday, June 24, 2005", "Born: ...": a date the page tells, not its own
            anchor = usable_anchor(text[span.start : span.end])
            if anchor:
                return anchor.isoformat()
    return None


def _checker(deadline: Deadline | None) -> Callable[[str], None]:
    return deadline.check if deadline is not None else (lambda stage: None)


def prepare(articles: list[ArticleIn], *, settings: Settings, deadline: Deadline | None = None) -> list[Article]:
    """Validate the cluster and return articles with sentences, exclusions and copies marked."""
    check = _checker(deadline)
    validate_cluster(articles, settings=settings)
    prepared = []
    for article in articles:
        check("prepare")
        prepared.append(prepare_article(article))
    if sum(1 for a in prepared if a.sentences) < 2:
        empty = [a.id for a in prepared if not a.sentences]
        raise InputError(
            f"Fewer than 2 articles have article prose once headers and page furniture are set aside "
            f"(no prose in: {', '.join(empty)}).", details={"problem": "no_sentences", "article_ids": empty})
    return mark_copies(prepared, check=lambda: check("copies"))


def preparation_warnings(articles: list[Article]) -> list[str]:
    return [f"Article '{a.id}' has no article prose once headers and page furniture are set aside; "
            "it is shown but not analysed." for a in articles if not a.sentences]


def assemble(articles: list[Article], findings: Findings) -> Report:
    """The report around the articles the pipeline prepared (never an engine's copy of them)."""
    return Report(
        articles=articles, independent_sources=independent_sources(articles), summary=findings.summary,
        contradictions=findings.contradictions, single_source_claims=findings.single_source_claims,
        loaded_language=findings.loaded_language, engine=findings.engine, usage=findings.usage,
        warnings=findings.warnings)


def analyze(
    articles: list[ArticleIn],
    *,
    engine: str = "auto",
    settings: Settings | None = None,
    progress: Progress = no_progress,
    deadline: Deadline | None = None,
) -> Report:
    """Analyse a cluster end to end and return a verified report, its size within the configured caps.

    With a `deadline`, the analysis stops with TimeBudgetExceeded at the first check after it: between
    stages, between articles, and at every progress report the engine makes."""
    settings = settings or get_settings()
    started = time.perf_counter()
    chosen = get_engine(engine, settings)  # fail on configuration before doing any work
    if deadline is not None:
        progress = deadline.watch(progress)
    progress("prepare", 0, 1)
    prepared = prepare(articles, settings=settings, deadline=deadline)
    progress("prepare", 1, 1)
    view = analysis_view(prepared)
    findings = chosen.analyze(view.articles, progress=progress)
    found = capped(assemble(view.articles, findings), settings)
    _checker(deadline)("verify")
    report = view.restore(without_instructions(verify_report(found)))
    warnings = (preparation_warnings(prepared) + view.warnings() + instruction_warnings(view.articles)
                + report.warnings)
    report = report.model_copy(update={"warnings": warnings})
    usage = report.usage.model_copy(update={"seconds": round(time.perf_counter() - started, 3)})
    return report.model_copy(update={"usage": usage})


def without_instructions(report: Report) -> Report:
    """The guard on every engine's summary: a sentence that reads as, or cites, text addressed to an AI model
    is removed and named in `warnings` (the text stays in its article, as data)."""
    articles = {a.id: a for a in report.articles}
    kept: list[SummarySentence] = []
    warnings: list[str] = []
    for n, sentence in enumerate(report.summary, start=1):
        cited = [c.sentence_id for c in sentence.citations if _cites_instruction(articles, c.article_id, c.sentence_id)]
        if not cited and not looks_like_instruction(sentence.text):
            kept.append(sentence)
            continue
        how = f"cites {', '.join(cited)}, which" if cited else "it"
        warnings.append(f"Summary sentence {n} was removed: {how} addresses an AI model or its readers "
                        f"({_excerpt(sentence.text)}). The text stays in the article as data.")
    if not warnings:
        return report
    return report.model_copy(update={"summary": kept, "warnings": report.warnings + warnings})


def _cites_instruction(articles: dict[str, Article], article_id: str, sentence_id: str) -> bool:
    article = articles.get(article_id)
    sentence = sentence_by_id(article, sentence_id) if article else None
    return sentence is not None and looks_like_instruction(article.sentence_text(sentence))


def _excerpt(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"
