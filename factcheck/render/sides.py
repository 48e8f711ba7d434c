"""What a reader checks on each side of a contradiction: the whole sentence with the stated value marked, the
outlet and its publication date, the sides grouped by version (sides of one version state values that agree).

Shared by the HTML and Markdown reports. Reports from engines that give no value offsets (`value_start`) have
the value found in the sentence; engines that give every side the same version have the sides grouped by
their normalized value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from string import ascii_uppercase

from factcheck.types import Article, Citation, Contradiction, ContradictionSide, Report

# The headline of a contradiction: what disagrees. Tallies that differ disagree; neither need be wrong.
VERDICTS = {
    "number": "The figures disagree",
    "count": "The figures disagree",
    "date": "The dates disagree",
    "status": "The accounts disagree on whether it happened",
    "attribution": "The accounts disagree on whose word it is",  # who said it, or whether the source said it
    "name": "The names disagree",
}
_READABLE = [(re.compile(r"^>="), "at least "), (re.compile(r"^<="), "at most "), (re.compile(r"^>"), "more than "),
             (re.compile(r"^<"), "less than "), (re.compile(r"^="), "")]


@dataclass(frozen=True)
class SideView:
    side: ContradictionSide
    source: str
    published: str | None
    sentence: str
    value: tuple[int, int] | None  # the stated value's span inside `sentence`, when it could be placed
    also_in: list[str]

    @property
    def parts(self) -> tuple[str, str, str]:
        """The sentence as (before, value, after); the value is empty when it could not be placed."""
        if self.value is None:
            return self.sentence, "", ""
        start, end = self.value
        return self.sentence[:start], self.sentence[start:end], self.sentence[end:]


@dataclass(frozen=True)
class Version:
    label: str
    sources: list[str]
    sides: list[SideView]


def verdict(contradiction: Contradiction) -> str:
    return VERDICTS.get(contradiction.kind, "The accounts disagree")


def readable(normalized: str) -> str:
    """A normalized value for people: '>=74' -> 'at least 74', '=67' -> '67'."""
    for pattern, replacement in _READABLE:
        if pattern.match(normalized):
            return pattern.sub(replacement, normalized, count=1)
    return normalized


def versions(report: Report, contradiction: Contradiction) -> list[Version]:
    """The sides grouped by version (A, B, ...), in the order the engine lists them."""
    articles = {a.id: a for a in report.articles}
    distinct = len({s.version for s in contradiction.sides}) > 1
    groups: dict[object, list[SideView]] = {}
    for side in contradiction.sides:
        key = side.version if distinct else side.normalized
        groups.setdefault(key, []).append(side_view(side, articles))
    return [Version(label=_label(n), sources=list(dict.fromkeys(v.source for v in views)), sides=views)
            for n, views in enumerate(groups.values())]


def versions_line(found: list[Version]) -> str:
    """'Version A: Associated Press, CGTN — Version B: Daily True News'."""
    return " — ".join(f"Version {v.label}: {', '.join(v.sources)}" for v in found)


def _label(n: int) -> str:
    return ascii_uppercase[n] if n < len(ascii_uppercase) else str(n + 1)


def side_view(side: ContradictionSide, articles: dict[str, Article]) -> SideView:
    article = articles.get(side.article_id)
    start, end = _sentence_span(article, side.citation)
    if article is None or start is None:
        sentence, value = side.citation.quote, _find(side.citation.quote, side.value, 0)
    else:
        sentence = article.text[start:end]
        value = _value_span(side, sentence, start)
    also_in = [articles[a].source if a in articles else a for a in side.also_in]
    return SideView(side=side, source=article.source if article else side.source,
                    published=article.published if article else None, sentence=sentence,
                    value=value, also_in=also_in)


def _sentence_span(article: Article | None, citation: Citation) -> tuple[int | None, int | None]:
    """The whole sentence a citation stands in, widened to the citation if it runs past it; None when the
    citation does not hold its quote."""
    if article is None or article.text[citation.start : citation.end] != citation.quote or not citation.quote:
        return None, None
    sentence = next((s for s in article.sentences if s.id == citation.sentence_id), None)
    if sentence is None:
        return citation.start, citation.end
    return min(sentence.start, citation.start), max(sentence.end, citation.end)


def _value_span(side: ContradictionSide, sentence: str, offset: int) -> tuple[int, int] | None:
    """Where the value stands in the sentence: its offsets when the engine gave them, else found by its
    words (in the cited words first), else the cited words themselves when they are not the whole sentence."""
    start, end = side.value_start, side.value_end
    if start is not None and end is not None and offset <= start < end <= offset + len(sentence):
        return start - offset, end - offset
    cited = side.citation.start - offset
    found = _find(sentence, side.value, cited) or _find(sentence, side.value, 0)
    if found:
        return found
    quote = (cited, cited + len(side.citation.quote))
    return quote if quote != (0, len(sentence)) else None


def _find(text: str, value: str, start: int) -> tuple[int, int] | None:
    """The first place at or after `start` where `value` stands in `text`, case aside."""
    match = re.compile(re.escape(value), re.I).search(text, start) if value.strip() else None
    return match.span() if match else None
