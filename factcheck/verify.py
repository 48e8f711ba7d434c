"""Deterministic checks of every citation and number: the guard on every engine's output.

Engines cite sentence ids (plus, optionally, a short quote); `cite` turns those into exact character
spans. `verify_report` re-checks everything an engine returns and marks what fails as unverified with
the reason. Nothing is dropped silently.
"""

from __future__ import annotations

import re
import unicodedata

from factcheck.checks import (
    figures_compatible, figures_missing, joint_support_problems, parse_figure, parse_when, value_in_text, whens_compatible,
)
from factcheck.errors import CitationError
from factcheck.timeref import parse_anchor
from factcheck.types import Article, Citation, Contradiction, Report, SummarySentence

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‛": "'", "—": "-", "–": "-", "\u00a0": " "})


def normalize_for_match(text: str) -> str:
    """Case, quote style, dash style and runs of white space do not change what a quote says."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip().lower()


def _normalized_with_map(text: str) -> tuple[str, list[int]]:
    """Normalized text and, for each of its characters, the offset in `text` it came from."""
    out: list[str] = []
    index: list[int] = []
    prev_space = True
    for i, ch in enumerate(text):
        norm = unicodedata.normalize("NFKC", ch).translate(_QUOTES).lower()
        for c in norm:
            if c.isspace():
                if prev_space:
                    continue
                c = " "
            prev_space = c == " "
            out.append(c)
            index.append(i)
    return "".join(out), index


def sentence_by_id(article: Article, sentence_id: str):
    for sentence in article.sentences:
        if sentence.id == sentence_id:
            return sentence
    return None


def cite(article: Article, sentence_id: str, quote: str | None = None) -> Citation:
    """Build an exact citation: the whole sentence, or the part of it that `quote` matches.

    Raises CitationError when the sentence does not exist or the quote is not in it."""
    sentence = sentence_by_id(article, sentence_id)
    if sentence is None:
        raise CitationError(
            f"Sentence '{sentence_id}' does not exist in article '{article.id}'.",
            details={"article_id": article.id, "sentence_id": sentence_id},
        )
    start, end = sentence.start, sentence.end
    if quote and quote.strip():
        span = locate(article.text, quote, start=sentence.start, end=sentence.end)
        if span is None:
            raise CitationError(
                f"The quote {quote[:80]!r} is not in sentence '{sentence_id}'.",
                details={"article_id": article.id, "sentence_id": sentence_id, "quote": quote},
            )
        start, end = span
    return Citation(article_id=article.id, sentence_id=sentence_id, start=start, end=end, quote=article.text[start:end])


def locate(text: str, quote: str, *, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """Exact character span of `quote` within text[start:end], ignoring case, quote style and spacing."""
    end = len(text) if end is None else end
    exact = text.find(quote, start, end)
    if exact >= 0:
        return exact, exact + len(quote)
    haystack, index = _normalized_with_map(text[start:end])
    needle = normalize_for_match(quote).strip(" .,;")
    if not needle:
        return None
    found = haystack.find(needle)
    if found < 0:
        return None
    return start + index[found], start + index[found + len(needle) - 1] + 1


def citation_problems(articles: dict[str, Article], citation: Citation) -> list[str]:
    """Why a citation does not point at the words it claims (empty when it does)."""
    article = articles.get(citation.article_id)
    if article is None:
        return [f"cites unknown article '{citation.article_id}'"]
    sentence = sentence_by_id(article, citation.sentence_id)
    if sentence is None:
        return [f"cites unknown sentence '{citation.sentence_id}'"]
    problems = []
    if not (sentence.start <= citation.start < citation.end <= sentence.end):
        problems.append(f"span {citation.start}-{citation.end} is outside sentence '{citation.sentence_id}'")
    if article.text[citation.start : citation.end] != citation.quote:
        problems.append(f"quote does not equal the text at {citation.start}-{citation.end}")
    return problems


def _sentence(articles: dict[str, Article], citation: Citation) -> str:
    article = articles.get(citation.article_id)
    sentence = sentence_by_id(article, citation.sentence_id) if article else None
    return article.sentence_text(sentence) if sentence else ""


def _anchor(articles: dict[str, Article], article_id: str):
    article = articles.get(article_id)
    return parse_anchor(article.published) if article else None


# A summary sentence saying that sources agree makes a claim about every source it cites.
AGREEMENT = re.compile(r"\b(?:agree[sd]?|both|all (?:outlets|reports|sources|accounts)|every (?:outlet|report)|"
                       r"consistent(?:ly)?|unanimous(?:ly)?|confirm(?:s|ed)? that)\b", re.I)


def _check_summary(sentence: SummarySentence, articles: dict[str, Article]) -> SummarySentence:
    """Every citation must exist, and together the cited sentences must carry what the sentence says: its
    figures (number words included), dates and names, each citation sharing words with it
    (`checks.joint_support_problems`). A dispute sentence cites each side; the contradiction's own checks
    cover it."""
    problems = list(sentence.problems)
    if not sentence.citations:
        problems.append("cites no source sentence")
    for citation in sentence.citations:
        problems.extend(citation_problems(articles, citation))
    cited = [(_sentence(articles, c), _anchor(articles, c.article_id)) for c in sentence.citations]
    if sentence.kind != "dispute" and cited and all(text for text, _ in cited):
        outlets = " ".join(a.source for a in articles.values())
        problems.extend(joint_support_problems(sentence.text, cited, outlets=outlets))
        if AGREEMENT.search(sentence.text):  # "both outlets agree on 1934": every citation must say 1934
            for citation, (text, _) in zip(sentence.citations, cited):
                for missing in figures_missing(sentence.text, [text]):
                    problems.append(f"claims agreement, but {citation.sentence_id} does not state '{missing}'")
    problems = list(dict.fromkeys(problems))
    return sentence.model_copy(update={"verified": sentence.verified and not problems, "problems": problems})


def _all_compatible(item: Contradiction, articles: dict[str, Article]) -> bool:
    """Can every side's value be true at once (so there is no contradiction)?"""
    if item.kind == "number":
        figures = [parse_figure(s.value) for s in item.sides]
        if all(figures):
            return all(figures_compatible(a, b) is True for i, a in enumerate(figures) for b in figures[i + 1:])
    if item.kind == "date":
        whens = [parse_when(s.value, anchor=_anchor(articles, s.article_id)) for s in item.sides]
        if all(whens):
            return all(whens_compatible(a, b) is True for i, a in enumerate(whens) for b in whens[i + 1:])
    return False


def _check_contradiction(item: Contradiction, articles: dict[str, Article]) -> Contradiction:
    problems = list(item.problems)
    for side in item.sides:
        problems.extend(citation_problems(articles, side.citation))
        if side.citation.article_id != side.article_id:
            problems.append(f"side for '{side.article_id}' cites article '{side.citation.article_id}'")
        kind = {"number": "number", "date": "date", "name": "name", "attribution": "name"}.get(item.kind)
        if side.value and not value_in_text(side.value, side.citation.quote, kind=kind,
                                            anchor=_anchor(articles, side.article_id)):
            problems.append(f"the quote cited for '{side.article_id}' does not state {side.value!r}")
    if not item.within_article and len({s.article_id for s in item.sides}) < 2:
        problems.append("a cross-source contradiction needs sides from at least two articles")
    if _all_compatible(item, articles):
        problems.append(f"the values {[s.value for s in item.sides]} can all be true at once")
    problems = list(dict.fromkeys(problems))
    return item.model_copy(update={"verified": item.verified and not problems, "problems": problems})


def verify_report(report: Report) -> Report:
    """Re-check every citation in the report; mark failures unverified with reasons, drop nothing."""
    articles = {a.id: a for a in report.articles}
    warnings = list(report.warnings)
    for group, items in (("single-source claim", report.single_source_claims), ("loaded term", report.loaded_language)):
        for item in items:
            for problem in citation_problems(articles, item.citation):
                warnings.append(f"{group} in '{item.article_id}': {problem}")
    return report.model_copy(
        update={
            "summary": [_check_summary(s, articles) for s in report.summary],
            "contradictions": [_check_contradiction(c, articles) for c in report.contradictions],
            "warnings": warnings,
        }
    )
