"""One self-contained HTML page for a report (inline CSS and JS, works offline), and the landing page.

Every cited span becomes a `<mark>` built from the citation's exact character offsets, so a reader can
click any summary citation or contradiction side and land on the words it stands for. Article text is
untrusted: it only reaches the page through Jinja autoescaping or `markupsafe.escape`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from itertools import pairwise

from jinja2 import Environment, StrictUndefined
from markupsafe import Markup, escape

from factcheck.render.sides import readable, verdict, versions, versions_line
from factcheck.types import Article, Citation, Contradiction, Report, SourceOrigin

# How an article's outlet name was found, as the article's header says it.
ORIGIN_NOTES: dict[SourceOrigin, str] = {
    "given": "Outlet name as submitted.",
    "metadata": "Outlet name from the metadata file (--meta or a sources.yaml beside the files).",
    "header": "Outlet name from its source: header line.",
    "html": "Outlet name from the page's metadata (og:site_name or publisher).",
    "dateline": "Outlet name from its dateline.",
    "byline": "Outlet name from its byline.",
    "credit": "Outlet name from a credit line in the text.",
    "url": "Outlet name from its URL's domain.",
    "file": "No outlet name found: the file name stands in. Name it in a sources.yaml beside the file, or with --meta.",
}
# Articles side by side on a wide screen (the reader picks others; more would not fit).
MAX_SIDE_BY_SIDE = 3


@dataclass
class _Mark:
    """One highlighted span; citations of the same article and offsets share it."""

    key: str
    start: int
    end: int
    roles: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, role: str, note: str) -> None:
        if role not in self.roles:
            self.roles.append(role)
        if note and note not in self.notes:
            self.notes.append(note)


@dataclass(frozen=True)
class Link:
    """Where a citation points: a mark id, or why it cannot point anywhere (never dropped silently)."""

    target: str | None
    source: str
    quote: str
    problem: str | None = None


@dataclass(frozen=True)
class _Span:
    """A span to wrap in the article body (a mark or an excluded span), with its ready-made tags."""

    start: int
    end: int
    rank: int
    open_first: str
    open_again: str
    close: str


class _Marks:
    """Collects the marks of a report while the view is built, keyed by (article id, start, end)."""

    def __init__(self, report: Report) -> None:
        self.index = {a.id: i for i, a in enumerate(report.articles)}
        self.articles = {a.id: a for a in report.articles}
        self.by_span: dict[tuple[str, int, int], _Mark] = {}
        self.numbers: dict[str, int] = {}

    def link(self, citation: Citation, *, role: str, note: str = "") -> Link:
        article = self.articles.get(citation.article_id)
        source = article.source if article else citation.article_id
        problem = _locate_problem(article, citation)
        if problem:
            return Link(None, source, citation.quote, problem)
        span = (citation.article_id, citation.start, citation.end)
        mark = self.by_span.get(span)
        if mark is None:
            key = f"m{self.index[citation.article_id]}-{citation.start}-{citation.end}"
            mark = self.by_span[span] = _Mark(key, citation.start, citation.end)
        mark.add(role, note)
        return Link(mark.key, source, citation.quote)

    def numbered(self, citation: Citation) -> tuple[int, Link]:
        """A summary citation with its footnote number; the same span keeps the same number."""
        link = self.link(citation, role="summary")
        number = self.numbers.setdefault(link.target or f"missing-{len(self.numbers)}", len(self.numbers) + 1)
        if link.target:
            self.by_span[(citation.article_id, citation.start, citation.end)].add("summary", f"Summary [{number}]")
        return number, link

    def for_article(self, article_id: str) -> list[_Mark]:
        return [m for (aid, _, _), m in self.by_span.items() if aid == article_id]


def _locate_problem(article: Article | None, citation: Citation) -> str | None:
    if article is None:
        return f"cites unknown article '{citation.article_id}'"
    if not 0 <= citation.start < citation.end <= len(article.text):
        return f"offsets {citation.start}-{citation.end} are outside the article text"
    if article.text[citation.start : citation.end] != citation.quote:
        return f"the quote is not at offsets {citation.start}-{citation.end} of the article"
    return None


def _mark_span(mark: _Mark) -> _Span:
    classes = "hl " + " ".join(f"r-{r}" for r in mark.roles)
    title = "; ".join(mark.notes)
    attrs = Markup(' class="{}" data-key="{}" title="{}"').format(classes, mark.key, title)
    return _Span(
        mark.start, mark.end, 1,  # rank 1: inside an excluded span of the same extent
        open_first=Markup('<mark id="{}" tabindex="-1"').format(mark.key) + attrs + Markup(">"),
        open_again=Markup('<mark data-part="cont"') + attrs + Markup(">"),
        close="</mark>",
    )


def _excluded_span(kind: str, reason: str, start: int, end: int) -> _Span:
    tag = Markup('<span class="excluded" data-kind="{}" title="{}">').format(
        kind, f"Not analysed ({kind}): {reason}")
    return _Span(start, end, 0, open_first=tag, open_again=tag, close="</span>")


def _markup_text(text: str, spans: list[_Span]) -> Markup:
    """Escape `text` and wrap each span, splitting at every boundary so elements nest properly.

    A span that crosses another is closed and reopened as a continuation (`open_again`), so its parts,
    read in order, still hold exactly `text[start:end]`.
    """
    spans = sorted((s for s in spans if 0 <= s.start < s.end <= len(text)), key=lambda s: (s.start, -s.end, s.rank))
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    stack: list[int] = []
    opened: set[int] = set()
    for a, b in pairwise(cuts):
        want = [i for i, s in enumerate(spans) if s.start <= a and b <= s.end]
        keep = 0
        while keep < min(len(stack), len(want)) and stack[keep] == want[keep]:
            keep += 1
        out += [spans[i].close for i in reversed(stack[keep:])]
        for i in want[keep:]:
            out.append(spans[i].open_again if i in opened else spans[i].open_first)
            opened.add(i)
        stack = want
        out.append(escape(text[a:b]))
    out += [spans[i].close for i in reversed(stack)]
    return Markup("".join(out))


def _article_view(article: Article, index: int, marks: _Marks) -> dict:
    spans = [_excluded_span(x.kind, x.reason, x.start, x.end) for x in article.excluded_spans]
    article_marks = marks.for_article(article.id)
    spans += [_mark_span(m) for m in article_marks]
    copy_label = None
    if article.copy_of:
        original = marks.articles.get(article.copy_of)
        name = original.source if original else article.copy_of
        similarity = article.copy_similarity
        share = f", {similarity:.0%} of its sentences matched" if similarity is not None else ""
        copy_label = f"{(article.copy_kind or 'copy').capitalize()} of {name}{share}"
    url = article.url if article.url and article.url.lower().startswith(("http://", "https://")) else None
    return {"a": article, "index": index, "body": _markup_text(article.text, spans), "copy_label": copy_label,
            "url": url, "n_marks": len(article_marks), "origin": ORIGIN_NOTES[article.source_origin]}


def _contradiction_view(c: Contradiction, marks: _Marks, report: Report) -> dict:
    found = versions(report, c)
    groups = []
    for version in found:
        sides = []
        for view in version.sides:
            note = f"Contradiction {c.id} ({c.topic}): {view.source} says {view.side.value}"
            sides.append({"view": view, "link": marks.link(view.side.citation, role="contra", note=note),
                          "read_as": readable(view.side.normalized)})
        groups.append({"version": version, "sides": sides})
    return {"c": c, "verdict": verdict(c), "versions_line": versions_line(found), "versions": groups}


def _default_picks(report: Report) -> list[int]:
    """The articles shown side by side at first: originals before copies, in report order."""
    order = sorted(range(len(report.articles)), key=lambda i: report.articles[i].copy_of is not None)
    return order[:MAX_SIDE_BY_SIDE]


def _view(report: Report) -> dict:
    """Everything the template shows; registering each citation here is what creates its mark."""
    marks = _Marks(report)
    summary = [{"s": s, "links": [marks.numbered(c) for c in s.citations]} for s in report.summary]
    contradictions = [_contradiction_view(c, marks, report) for c in report.contradictions]
    single = _by_source(report, [(x.article_id, {"claim": x, "link": marks.link(
        x.citation, role="single", note="Single-source claim")}) for x in report.single_source_claims])
    loaded = [{"term": t, "link": marks.link(t.citation, role="loaded", note=f"Loaded term “{t.term}”")}
              for t in report.loaded_language]
    articles = [_article_view(a, i, marks) for i, a in enumerate(report.articles)]
    unverified = sum(not s.verified for s in report.summary) + sum(not c.verified for c in report.contradictions)
    return {"r": report, "summary": summary, "contradictions": contradictions, "single": single,
            "loaded": loaded, "articles": articles, "unverified": unverified, "picks": _default_picks(report),
            "max_picks": MAX_SIDE_BY_SIDE}


def _by_source(report: Report, items: list[tuple[str, dict]]) -> list[tuple[str, list[dict]]]:
    """Group items by article, in the report's article order (unknown articles last)."""
    order = {a.id: i for i, a in enumerate(report.articles)}
    groups: dict[str, list[dict]] = {}
    for article_id, item in sorted(items, key=lambda x: order.get(x[0], len(order))):
        groups.setdefault(article_id, []).append(item)
    names = {a.id: a.source for a in report.articles}
    return [(names.get(aid, aid), group) for aid, group in groups.items()]


@cache
def _environment() -> Environment:
    return Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


@cache
def _template(name: str):
    return _environment().from_string(files(__package__).joinpath("templates", name).read_text(encoding="utf-8"))


def to_html(report: Report) -> str:
    """Render the report as one self-contained HTML page."""
    return _template("report.html.j2").render(**_view(report))


def landing_page() -> str:
    """The paste-or-upload form served at `GET /` (static HTML with a little JavaScript)."""
    return files(__package__).joinpath("templates", "landing.html").read_text(encoding="utf-8")
