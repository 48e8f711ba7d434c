"""Invisible format characters (zero-width spaces and joiners, soft hyphens, bidirectional marks, Unicode tag
characters) inside a word hide it from analysis: "1\u200b2 people" holds no figure 12, "kil\u00adled" no verb.

Engines analyse a view of each article without them; every citation they return is mapped back to the text as
submitted, so `article.text[start:end] == quote` still holds, the invisible characters inside a quote included.
The report names each article that held such characters.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import BaseModel

from factcheck.types import Article, Citation, ContradictionSide, Report

# Format characters (Unicode category Cf) that render as nothing inside running text.
_INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000e0000-\U000e007f]"
)
_NAMED = 3  # invisible characters named in a warning, per article


@dataclass(frozen=True)
class _Map:
    """For one article: `kept[i]` is the offset in the submitted text of character i of the view."""

    original: Article
    kept: list[int]

    def to_view(self, offset: int) -> int:
        return bisect_left(self.kept, offset)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:  # an empty span stays empty, before the character it stood before
            at = self.kept[start] if start < len(self.kept) else len(self.original.text)
            return at, at
        return self.kept[start], self.kept[end - 1] + 1


@dataclass(frozen=True)
class AnalysisView:
    """The articles as engines see them, and the way back to the submitted text."""

    articles: list[Article]
    maps: dict[str, _Map]

    def restore(self, report: Report) -> Report:
        """The report with the submitted articles and every citation's offsets and quote in their terms."""
        if not self.maps:
            return report
        originals = {a.id: a for a in report.articles} | {k: m.original for k, m in self.maps.items()}
        fixed = _remap(report.model_copy(update={"articles": []}), self._citation, self._side)
        return fixed.model_copy(update={"articles": [originals[a.id] for a in report.articles]})

    def _side(self, side: ContradictionSide) -> ContradictionSide:
        found = self.maps.get(side.article_id)
        if found is None or side.value_start is None or side.value_end is None:
            return side
        start, end = found.to_original(side.value_start, side.value_end)
        return side.model_copy(update={"value_start": start, "value_end": end})

    def warnings(self) -> list[str]:
        return [_warning(m.original) for m in self.maps.values()]

    def _citation(self, citation: Citation) -> Citation:
        found = self.maps.get(citation.article_id)
        if found is None:
            return citation
        start, end = found.to_original(citation.start, citation.end)
        return citation.model_copy(update={"start": start, "end": end, "quote": found.original.text[start:end]})


def analysis_view(articles: list[Article]) -> AnalysisView:
    """Articles without invisible format characters (unchanged when they hold none)."""
    view, maps = [], {}
    for article in articles:
        if not _hidden(article.text):
            view.append(article)
            continue
        found = _Map(article, [i for i, ch in enumerate(article.text) if not _INVISIBLE.fullmatch(ch)])
        maps[article.id] = found
        view.append(_without_invisible(article, found))
    return AnalysisView(view, maps)


def _without_invisible(article: Article, found: _Map) -> Article:
    def spans(items):  # spans left empty (all invisible) are dropped from the view
        moved = [s.model_copy(update={"start": found.to_view(s.start), "end": found.to_view(s.end)}) for s in items]
        return [s for s in moved if s.end > s.start]

    text = "".join(article.text[i] for i in found.kept)
    return article.model_copy(update={"text": text, "sentences": spans(article.sentences),
                                      "excluded_spans": spans(article.excluded_spans)})


def _hidden(text: str) -> list[re.Match[str]]:
    """Invisible characters in the text; a leading byte-order mark is already set aside and hides nothing."""
    return list(_INVISIBLE.finditer(text, 1 if text.startswith("\ufeff") else 0))


def _warning(article: Article) -> str:
    hits = _hidden(article.text)
    named = ", ".join(f"U+{ord(m.group()):04X} {unicodedata.name(m.group(), 'format character')} at {m.start()}"
                      for m in hits[:_NAMED])
    more = f" and {len(hits) - _NAMED} more" if len(hits) > _NAMED else ""
    plural = "s" if len(hits) != 1 else ""
    return (f"Article '{article.id}' holds {len(hits)} invisible format character{plural} ({named}{more}); "
            "analysis read the text without them, and offsets still index the text as submitted.")


def _remap(value: object, fix: Callable[[Citation], Citation],
           fix_side: Callable[[ContradictionSide], ContradictionSide] | None = None) -> object:
    """`value` with `fix` applied to every Citation inside it, however deep (engines may add fields), and
    `fix_side` to the value offsets of every contradiction side."""
    if isinstance(value, Citation):
        return fix(value)
    if isinstance(value, ContradictionSide) and fix_side is not None:
        value = fix_side(value)
    if isinstance(value, BaseModel):
        updates = {name: _remap(getattr(value, name), fix, fix_side) for name in type(value).model_fields}
        changed = {k: v for k, v in updates.items() if v is not getattr(value, k)}
        return value.model_copy(update=changed) if changed else value
    if isinstance(value, list):
        items = [_remap(v, fix, fix_side) for v in value]
        return items if any(a is not b for a, b in zip(items, value)) else value
    return value
