"""Find wire copies and rewrites, so a copy never counts as independent confirmation.

Each sentence is reduced to its content words; a sentence is "matched" in another article when most
of its content words appear in one sentence there. An article whose sentences are mostly matched in
one other article is marked `copy_of` that article (the one that holds more of the other's text is
taken as the original; chains are followed to their root).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from factcheck.types import Article

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves said says say according officials official told""".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
SENTENCE_MATCH = 0.5  # share of a sentence's word trigrams found in one sentence of another article
SENTENCE_PARAPHRASE = 0.4  # share of its content words: the same sentence reworded
MIN_CONTENT_WORDS = 6
# (share of sentences, minimum matched sentences) for a verbatim copy and for a rewrite. Measured on the
# seeds (AP copy: 100% at 0.6; rewrite: 69% at 0.4; a partial agency reuse: 42%) and on ECB+ topics.
COPY_RULE = (0.5, 3)
REWRITE_RULE = (0.6, 5)
# Days two publication dates must lie apart to say which article came first: one moment carries dates a day apart
# in two time zones (a Moscow-dated original at 02:03 on the 12th is 18:03 on the 11th in New York, where its
# retelling went out at 23:51 on the 11th).
TIME_ZONE_DAYS = 1


def _trigrams(text: str) -> frozenset[tuple[str, ...]]:
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
    return frozenset(zip(words, words[1:], words[2:]))


def content_words(text: str) -> frozenset[str]:
    words = (w.lower().replace("’", "'").rstrip(".,") for w in _WORD.findall(text))
    return frozenset(w for w in words if w not in STOPWORDS and len(w) > 1)


@dataclass(frozen=True)
class SentenceMatch:
    sentence_id: str
    other_sentence_id: str
    score: float


def _no_check() -> None:
    return None


def sentence_matches(articles: list[Article], *, check: Callable[[], None] = _no_check
                     ) -> dict[tuple[str, str], dict[str, SentenceMatch]]:
    """For each (article, other article): its sentences that are matched in the other, by sentence id.

    Candidates come from an inverted index of content words, so cost grows with shared words,
    not with all sentence pairs (text that repeats the same words in every sentence approaches all pairs:
    `check` is called once a sentence, so a caller can stop it)."""
    words = {s.id: content_words(a.sentence_text(s)) for a in articles for s in a.sentences}
    grams = {s.id: _trigrams(a.sentence_text(s)) for a in articles for s in a.sentences}
    owner = {s.id: a.id for a in articles for s in a.sentences}
    index: dict[str, list[str]] = defaultdict(list)
    for sid, ws in words.items():
        for w in ws:
            index[w].append(sid)
    result: dict[tuple[str, str], dict[str, SentenceMatch]] = defaultdict(dict)
    for sid, ws in words.items():
        check()
        if len(ws) < MIN_CONTENT_WORDS:
            continue
        overlap: dict[str, int] = defaultdict(int)
        for w in sorted(ws):  # a fixed order: ties must not depend on the process's hash seed
            for other in index[w]:
                if owner[other] != owner[sid]:
                    overlap[other] += 1
        best: dict[str, SentenceMatch] = {}
        for other, n in sorted(overlap.items()):
            if n / len(ws) < SENTENCE_PARAPHRASE:
                continue
            # Verbatim reuse keeps word order: score by shared word trigrams when they dominate.
            shared = len(grams[sid] & grams[other]) / max(1, len(grams[sid]))
            score = max(shared, min(n / len(ws), SENTENCE_MATCH - 0.01))
            art = owner[other]
            if art not in best or score > best[art].score:
                best[art] = SentenceMatch(sid, other, round(score, 3))
        for art, match in best.items():
            result[(owner[sid], art)][sid] = match
    return result


def _copy_share(found: dict[str, SentenceMatch], n_sentences: int) -> tuple[float, str | None]:
    """Share of an article's sentences found in another, and whether that makes it a copy or rewrite."""
    n = max(1, n_sentences)
    verbatim = sum(1 for m in found.values() if m.score >= SENTENCE_MATCH)
    if verbatim / n >= COPY_RULE[0] and verbatim >= min(COPY_RULE[1], n):
        return verbatim / n, "copy"
    if len(found) / n >= REWRITE_RULE[0] and len(found) >= REWRITE_RULE[1]:
        return len(found) / n, "rewrite"
    return len(found) / n, None


def mark_copies(articles: list[Article], *, check: Callable[[], None] = _no_check) -> list[Article]:
    """Return the articles with `copy_of` / `copy_similarity` set where one copies or rewrites another."""
    matches = sentence_matches(articles, check=check)
    size = {a.id: len(a.sentences) for a in articles}
    verdicts = {pair: _copy_share(found, size[pair[0]]) for pair, found in matches.items()}
    share = {pair: v[0] for pair, v in verdicts.items()}
    order = {a.id: i for i, a in enumerate(articles)}
    by_id = {a.id: a for a in articles}
    parent: dict[str, tuple[str, float, str]] = {}
    for (a, b), s in sorted(share.items(), key=lambda kv: -kv[1]):
        kind = verdicts[(a, b)][1]
        if kind is None or a in parent:
            continue
        if _is_original(by_id[b], by_id[a], share.get((b, a), 0.0), s, order) and _root(parent, b) != a:
            parent[a] = (b, s, kind)
    out = []
    for article in articles:
        if article.id not in parent:
            out.append(article)
            continue
        _, similarity, kind = parent[article.id]
        root = _root(parent, article.id)
        out.append(article.model_copy(
            update={"copy_of": root, "copy_kind": kind, "copy_similarity": round(similarity, 3)}))
    return out


def _is_original(b: Article, a: Article, b_in_a: float, a_in_b: float, order: dict[str, int]) -> bool:
    """Is `b` the original of `a`? The earlier publication date wins when the dates lie further apart than time
    zones can put one moment; otherwise the article that holds more of the other's text (copies trim); ties go
    to the first submitted."""
    gap = _days_between(b.published, a.published)
    if gap is not None and abs(gap) > TIME_ZONE_DAYS:
        return gap > 0
    return a_in_b > b_in_a or (a_in_b == b_in_a and order[b.id] < order[a.id])


def _days_between(earlier: str | None, later: str | None) -> int | None:
    try:
        return (date.fromisoformat(later[:10]) - date.fromisoformat(earlier[:10])).days
    except (TypeError, ValueError):
        return None  # no date, or not one a calendar reads


def _root(parent: dict[str, tuple[str, float, str]], article_id: str) -> str:
    seen = {article_id}
    while article_id in parent and parent[article_id][0] not in seen:
        article_id = parent[article_id][0]
        seen.add(article_id)
    return article_id


def independent_sources(articles: list[Article]) -> int:
    return sum(1 for a in articles if a.copy_of is None)
