"""A readable Markdown report: summary with citation markers, contradictions with both sides quoted.

Everything in it that comes from the input (outlet names, titles, quotes, ids) or from a model is escaped: a
Markdown viewer must show `<script>` or `[x](javascript:...)` as text, never run or link it.
"""

from __future__ import annotations

import re

from factcheck.types import Citation, Report

# Raw HTML and autolinks start with <, links and images with [, code spans with `; | ends a table cell.
_ACTIVE = re.compile(r"([\\`<\[\]|])")


def _md(text: str) -> str:
    """Input text as inert Markdown on one line."""
    return _ACTIVE.sub(r"\\\1", " ".join(str(text).split()))


def _ref(citation: Citation) -> str:
    return f"[{_md(citation.sentence_id)}]"  # with its inside escaped, a marker cannot become a link


def _quote(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    return _md(text if len(text) <= limit else text[: limit - 1] + "…")


def to_markdown(report: Report) -> str:
    lines = [f"# Cross-source report ({len(report.articles)} articles, {report.independent_sources} independent)", ""]
    lines += ["## Sources", "", "| id | source | title | copy of |", "|---|---|---|---|"]
    for a in report.articles:
        copy = f"{_md(a.copy_of)} ({a.copy_kind}, {a.copy_similarity:.0%})" if a.copy_of else ""
        lines.append(f"| {_md(a.id)} | {_md(a.source)} | {_quote(a.title or '', 80)} | {copy} |")
    lines += ["", "## Summary", ""]
    for s in report.summary:
        flag = "" if s.verified else f" **(unverified: {_md('; '.join(s.problems))})**"
        lines.append(f"{_md(s.text)} {' '.join(_ref(c) for c in s.citations)}{flag}")
    lines += ["", f"## Contradictions ({len(report.contradictions)})", ""]
    for c in report.contradictions:
        flag = "" if c.verified else f" — **unverified: {_md('; '.join(c.problems))}**"
        scope = " (within one article)" if c.within_article else ""
        lines.append(f"### {_md(c.id)}: {_md(c.topic)} — {_md(c.kind)}, {_md(c.severity)}{scope}{flag}")
        lines.append("")
        lines.append(_md(c.explanation))
        if c.likely_reason:
            lines.append(f"Likely reason: {_md(c.likely_reason)}")
        lines.append("")
        for side in c.sides:
            lines.append(f"- **{_md(side.source)}** says *{_md(side.value)}* ({_md(side.normalized)}) {_ref(side.citation)}: "
                         f"> {_quote(side.citation.quote)}")
        lines.append("")
    if report.single_source_claims:
        lines += [f"## Single-source claims ({len(report.single_source_claims)})", ""]
        lines += [f"- {_source(report, c.article_id)}: {_quote(c.text)} {_ref(c.citation)}" for c in report.single_source_claims]
        lines.append("")
    if report.loaded_language:
        lines += ["## Loaded language", ""]
        lines += [f"- {_source(report, t.article_id)}: “{_md(t.term)}” in {_ref(t.citation)}" for t in report.loaded_language]
        lines.append("")
    lines += ["## Citations", ""]
    cited = {c.sentence_id: c for s in report.summary for c in s.citations}
    lines += [f"- {_ref(c)} {_quote(report.article(c.article_id).sentence_text(_sentence(report, c)))}" for c in cited.values()]
    u, e = report.usage, report.engine
    lines += ["", "---", f"Engine: {_md(e.name)}" + (f", model {_md(e.model)}" if e.model else "")
              + (f", prompts {_md(', '.join(f'{k}@{v}' for k, v in e.prompt_versions.items()))}"
                 if e.prompt_versions else ""),
              f"Usage: {u.llm_calls} model calls, {u.prompt_tokens} prompt + {u.completion_tokens} completion tokens, "
              f"{u.cache_hits} cache hits, {u.seconds:.2f} s"]
    if report.warnings:
        lines += ["", "Warnings:"] + [f"- {_md(w)}" for w in report.warnings]
    return "\n".join(lines) + "\n"


def _source(report: Report, article_id: str) -> str:
    return _md(report.article(article_id).source)


def _sentence(report: Report, citation: Citation):
    return next(s for s in report.article(citation.article_id).sentences if s.id == citation.sentence_id)
