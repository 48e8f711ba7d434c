"""Single-source claims (told by one independent source only) and loaded language per article."""

from __future__ import annotations

import re

from factcheck.engines.local.similarity import SentenceIndex
from factcheck.lexicon import LOADED_OF
from factcheck.types import Article, LoadedTerm, SingleSourceClaim
from factcheck.verify import cite

TOLD_ELSEWHERE = 0.35  # weighted word overlap at which another article tells the same thing
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
# A claim a fact-checker can check: a figure, a named actor or place past the first word, or a quotation.
_CHECKABLE = re.compile(r"\d|(?<=\s)[A-Z][a-z]+|[“\"]")


def loaded_spans(text: str) -> list[tuple[int, int, str]]:
    """Loaded terms used in the writer's own voice (outside quotation marks): (start, end, group)."""
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    out = []
    for m in _WORD.finditer(text):
        group = LOADED_OF.get(m.group().lower())
        if group and not any(s <= m.start() < e for s, e in quoted):
            out.append((m.start(), m.end(), group))
    return out


def loaded_language(articles: list[Article]) -> list[LoadedTerm]:
    out = []
    for article in articles:
        for s in article.sentences:
            text = article.sentence_text(s)
            for start, end, group in loaded_spans(text):
                citation = cite(article, s.id).model_copy(
                    update={"start": s.start + start, "end": s.start + end, "quote": text[start:end]})
                out.append(LoadedTerm(article_id=article.id, term=text[start:end], citation=citation,
                                      note=f"{group} term in the outlet's own voice"))
    return out


def single_source_claims(articles: list[Article], index: SentenceIndex) -> list[SingleSourceClaim]:
    root = {a.id: a.copy_of or a.id for a in articles}
    out = []
    for article in articles:
        for s in article.sentences:
            text = article.sentence_text(s)
            if not _CHECKABLE.search(text) or len(text.split()) < 6:
                continue
            others = index.similar(s.id, threshold=TOLD_ELSEWHERE)
            other_roots = {root[index.owner[o]] for o in others}
            if other_roots - {root[article.id]}:
                continue  # another independent source tells it
            if article.copy_of and any(index.owner[o] == article.copy_of for o in others):
                continue  # reported once, under the original
            out.append(SingleSourceClaim(article_id=article.id, text=text, citation=cite(article, s.id)))
    return out
