"""A readable Markdown report: summary with citation markers, contradictions with both sides quoted.

Everything in it that comes from the input (outlet names, titles, quotes, ids) or from a model is escaped: a
Markdown viewer must show `<script>` or `[x](javascript:...)` as text, never run or link it.
"""

from __future__ import annotations

import re

from factcheck.render.sides import SideView, readable, verdict, versions, versions_line
from factcheck.types import Citation, Contradiction, Report

# Raw HTML and autolinks start with <, links and images with [, code spans with `; | ends a table cell.
_ACTIVE = re.compile(r"([\\`<\[\]|])")


def _md(text: str) -> str:
    """Input text as inert Markdown on one line."""
    return _ACTIVE.sub(r"\\\1", " ".join(str(text).split()))


def _md_part(text: str) -> str:
    """`_md` for a piece of a sentence: a space at either end is kept (as one space)."""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() and text.strip() else ""
    return lead + _md(text) + trail


def _ref(citation: Citation) -> str:
    return f"[{_md(citation.sentence_id)}]"  # with its inside escaped, a marker cannot become a link


def _quote(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    return _md(text if len(text) <= limit else text[: limit - 1] + "…")


def to_markdown(report: Report) -> str:
    lines = [f"# Cross-source report ({len(report.articles)} articles, {report.independent_sources} independent)", ""]
    lines += ["## Sources", "", "| id | source | named from | title | copy of |", "|---|---|---|---|---|"]
    for a in report.articles:
        copy = f"{_md(a.copy_of)} ({a.copy_kind}, {a.copy_similarity:.0%})" if a.copy_of else ""
        lines.append(f"| {_md(a.id)} | {_md(a.source)} | {a.source_origin} | {_quote(a.title or '', 80)} | {copy} |")
    lines += ["", "## Summary", ""]
    for s in report.summary:
        flag = "" if s.verified else f" **(unverified: {_md('; '.join(s.problems))})**"
        kind = "**Disputed:** " if s.kind == "dispute" else ""
        lines.append(f"{kind}{_md(s.text)} {' '.join(_ref(c) for c in s.citations)}{flag}")
    lines += ["", f"## Contradictions ({len(report.contradictions)})", ""]
    for c in report.contradictions:
        lines += _contradiction(report, c)
    if report.single_source_claims:
        lines += [f"## Single-source claims ({len(report.single_source_claims)})", ""]
        lines += [f"- {_source(report, c.article_id)}: {_quote(c.text)} {_ref(c.citation)}" for c in report.single_source_claims]
        lines.append("")
    if report.loaded_language:
        lines += ["## Loaded language", ""]
        lines += [f"- {_source(report, t.article_id)}: “{_md(t.term)}” in {_ref(t.citation)}" for t in report.loaded_language]
        lines.append("")
    lines += ["## Citations", ""]
    lines += _citations(report)
    u, e = report.usage, report.engine
    lines += ["", "---", f"Engine: {_md(e.name)}" + (f", model {_md(e.model)}" if e.model else "")
              + (f", prompts {_md(', '.join(f'{k}@{v}' for k, v in e.prompt_versions.items()))}"
                 if e.prompt_versions else ""),
              f"Usage: {u.llm_calls} model calls, {u.prompt_tokens} prompt + {u.completion_tokens} completion tokens, "
              f"{u.cache_hits} cache hits, {u.seconds:.2f} s"]
    if report.warnings:
        lines += ["", "Warnings:"] + [f"- {_md(w)}" for w in report.warnings]
    return "\n".join(lines) + "\n"


def _contradiction(report: Report, c: Contradiction) -> list[str]:
    """A contradiction: what disagrees, then each version's sides, each in its whole sentence."""
    flag = "" if c.verified else f" — **unverified: {_md('; '.join(c.problems))}**"
    scope = " (within one article)" if c.within_article else ""
    found = versions(report, c)
    lines = [f"### {_md(c.id)}: {_md(c.topic)} — {_md(c.kind)}, {_md(c.severity)}{scope}{flag}", "",
             f"**{verdict(c)}** — {_md(versions_line(found))}", "", _md(c.explanation)]
    if c.likely_reason:
        lines += ["", f"Likely reason: {_md(c.likely_reason)}"]
    for version in found:
        lines += ["", f"Version {version.label}:", ""]
        lines += [_side(view) for view in version.sides]
    if c.alignment:
        lines += ["", f"*Compared because: {_md(c.alignment)}*"]
    return lines + [""]


def _side(view: SideView) -> str:
    before, value, after = view.parts
    sentence = f"{_md_part(before)}**{_md(value)}**{_md_part(after)}" if value else _md(before)
    date = f", published {_md(view.published)}" if view.published else ", no publication date"
    stated = view.side.value
    read_as = readable(view.side.normalized)
    reading = f" (“{_md(stated)}”, read as {_md(read_as)})" if read_as.casefold() != stated.casefold() else ""
    also = f" Also stated by {_md(', '.join(view.also_in))}." if view.also_in else ""
    return f"- **{_md(view.source)}**{date}{reading} {_ref(view.side.citation)}: “{sentence}”{also}"


def _citations(report: Report) -> list[str]:
    """Each cited sentence once, with its outlet; a sentence the summary already quotes word for word is not
    quoted a second time."""
    quoted = {" ".join(s.text.split()) for s in report.summary}
    cited = {c.sentence_id: c for s in report.summary for c in s.citations}
    lines = []
    for c in cited.values():
        sentence = " ".join(report.article(c.article_id).sentence_text(_sentence(report, c)).split())
        shown = "the summary sentence above, word for word" if sentence in quoted else _quote(sentence)
        lines.append(f"- {_ref(c)} {_source(report, c.article_id)}: {shown}")
    return lines


def _source(report: Report, article_id: str) -> str:
    return _md(report.article(article_id).source)


def _sentence(report: Report, citation: Citation):
    return next(s for s in report.article(citation.article_id).sentences if s.id == citation.sentence_id)
