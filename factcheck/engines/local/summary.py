"""An extractive neutral summary built from statements that independent sources share.

A sentence counts as shared when a sentence of another independent source says much the same in
other words (verbatim reuse of agency text is not confirmation). Disputed figures are never picked
silently: sentences carrying a side of a contradiction are left out and each cross-source dispute is
stated with attribution instead. Sentences with loaded wording are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.copies import _trigrams
from factcheck.engines.local.extras import loaded_spans
from factcheck.engines.local.similarity import SentenceIndex
from factcheck.injection import looks_like_instruction
from factcheck.types import Article, Contradiction, Sentence, SummarySentence
from factcheck.verify import cite

SUPPORT = 0.25  # symmetric weighted overlap at which another source says much the same (cited)
RELATED = 0.1  # weaker overlap still counts towards how central a sentence is
POSITION_WEIGHT = 1.0  # news puts what matters first
SAME_SOURCE_PENALTY = 0.3
MIN_SENTENCE_WORDS = 8
VERBATIM = 0.5  # share of word trigrams above which a match is reuse, not confirmation
REDUNDANT = 0.35
MAX_SENTENCE_WORDS = 45
_ANAPHORIC = re.compile(r"^(?:They|It|He|She|That|This|Those|These|Both|Its|Their|His|Her)\b")
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]{2,40}(?:\([A-Za-z]+\))?\s*[—–-]{1,2}\s*")


@dataclass
class _Candidate:
    article: Article
    sentence: Sentence
    support: dict[str, str]  # other root id -> its most similar sentence id
    score: float
    position: float


def _text(article: Article, sentence: Sentence) -> str:
    return _DATELINE.sub("", article.sentence_text(sentence)).strip()


def _usable(text: str) -> bool:
    words = text.split()
    return (MIN_SENTENCE_WORDS <= len(words) <= MAX_SENTENCE_WORDS and not loaded_spans(text)
            and not text.lstrip().startswith(('"', "“")) and not _ANAPHORIC.match(text)
            and not looks_like_instruction(text))


def _candidates(articles: list[Article], index: SentenceIndex, disputed: set[str]) -> list[_Candidate]:
    """Sentences of independent originals, scored by how much other independent sources say the same
    (verbatim reuse of the same text does not count) and by how early they come."""
    by_id = {a.id: a for a in articles}
    root = {a.id: a.copy_of or a.id for a in articles}
    text_of = {s.id: a.sentence_text(s) for a in articles for s in a.sentences}
    out = []
    for article in articles:
        if article.copy_of is not None:
            continue
        n = max(1, len(article.sentences))
        for i, s in enumerate(article.sentences):
            text = article.sentence_text(s)
            if s.id in disputed or not _usable(_DATELINE.sub("", text)):
                continue
            best: dict[str, tuple[float, str]] = {}
            grams = _trigrams(text)
            for other, sim in index.similar(s.id, threshold=RELATED, symmetric=True).items():
                other_root = root[index.owner[other]]
                if other_root == article.id or by_id[index.owner[other]].copy_of is not None or other in disputed:
                    continue
                if grams and len(grams & _trigrams(text_of[other])) / len(grams) >= VERBATIM:
                    continue  # reused agency text is not independent confirmation
                if sim > best.get(other_root, (0.0, ""))[0]:
                    best[other_root] = (sim, other)
            score = sum(sim for sim, _ in best.values()) + POSITION_WEIGHT * (1 - i / n) ** 2
            support = {r: sid for r, (sim, sid) in best.items() if sim >= SUPPORT}
            out.append(_Candidate(article, s, support, score, i / n))
    return out


def camps(c: Contradiction) -> dict[str, list]:
    """Sides grouped by what they say (a weekday, a status, a figure)."""
    groups: dict[str, list] = {}
    for side in c.sides:
        weekday = re.search(r"\b(\w+day)\b", side.normalized)
        groups.setdefault(weekday.group(1).lower() if weekday else side.normalized, []).append(side)
    return groups


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _dispute_sentence(c: Contradiction) -> str:
    parts = []
    for sides in camps(c).values():
        names = list(dict.fromkeys(s.source for s in sides))
        parts.append(f"{_join(names)} {'says' if len(names) == 1 else 'say'} “{sides[0].value}”")
    topic = c.topic[0].lower() + c.topic[1:]
    return f"Reports differ on {topic}: " + "; ".join(parts) + "."


def _allowed_side_sentences(stated: list[Contradiction]) -> set[str]:
    """A stated dispute's side may still be used when at least two independent sources say it."""
    allowed = set()
    for c in stated:
        for sides in camps(c).values():
            if len(sides) >= 2:
                allowed |= {s.citation.sentence_id for s in sides}
    return allowed


def summarize(articles: list[Article], index: SentenceIndex, contradictions: list[Contradiction], *,
              min_words: int = 120, max_words: int = 240, max_disputes: int = 3) -> list[SummarySentence]:
    by_id = {a.id: a for a in articles}
    disputes = [c for c in contradictions if not c.within_article and c.severity in ("high", "medium")][:max_disputes]
    disputed = {side.citation.sentence_id for c in contradictions for side in c.sides}
    disputed -= _allowed_side_sentences(disputes)
    dispute_sentences = [SummarySentence(text=_dispute_sentence(c), citations=[s.citation for s in c.sides], kind="dispute")
                         for c in disputes]
    budget = max(min_words, max_words - sum(len(s.text.split()) for s in dispute_sentences))
    chosen: list[_Candidate] = []
    words = 0
    pool = _candidates(articles, index, disputed)
    while pool:
        # Greedy, with a penalty per sentence already taken from the same outlet: a merged account draws
        # on every independent source, not on whichever writes the longest lead.
        taken = {a.id: sum(1 for c in chosen if c.article.id == a.id) for a in articles}
        cand = max(pool, key=lambda c: c.score - SAME_SOURCE_PENALTY * taken[c.article.id])
        pool.remove(cand)
        length = len(_text(cand.article, cand.sentence).split())
        if words + length > budget:
            continue
        if any(index.dice(index.words[cand.sentence.id], index.words[c.sentence.id]) >= REDUNDANT for c in chosen):
            continue
        chosen.append(cand)
        words += length
    chosen.sort(key=lambda c: c.position)
    out = []
    for cand in chosen:
        citations = [cite(cand.article, cand.sentence.id)]
        citations += [cite(by_id[index.owner[sid]], sid) for sid in cand.support.values()]
        out.append(SummarySentence(text=_text(cand.article, cand.sentence), citations=citations))
    return out + dispute_sentences
