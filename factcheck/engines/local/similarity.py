"""IDF-weighted word overlap between sentences of one cluster, with an inverted index so that finding
similar sentences costs in proportion to shared words, not to all sentence pairs."""

from __future__ import annotations

import math
import re
from collections import defaultdict

from factcheck.copies import STOPWORDS
from factcheck.lexicon import stem
from factcheck.types import Article

_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*|\d[\d,.]*\d|\d")


def stems(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in _WORD.findall(text) if w.lower() not in STOPWORDS and len(w) > 1)


class SentenceIndex:
    """Stems per sentence, their IDF over the cluster's sentences, and an inverted index."""

    def __init__(self, articles: list[Article]) -> None:
        self.owner: dict[str, str] = {}
        self.words: dict[str, frozenset[str]] = {}
        self.postings: dict[str, list[str]] = defaultdict(list)
        for article in articles:
            for s in article.sentences:
                ws = stems(article.sentence_text(s))
                self.owner[s.id] = article.id
                self.words[s.id] = ws
                for w in ws:
                    self.postings[w].append(s.id)
        n = max(1, len(self.words))
        self.idf = {w: math.log(1 + n / len(ids)) for w, ids in self.postings.items()}
        self._unseen = math.log(1 + n)
        self._weights: dict[frozenset[str], float] = {}

    def weight(self, words: frozenset[str]) -> float:
        cached = self._weights.get(words)
        if cached is None:
            cached = self._weights[words] = sum(self.idf.get(w, self._unseen) for w in sorted(words))
        return cached

    def overlap(self, a: frozenset[str], b: frozenset[str]) -> float:
        """Weighted overlap coefficient: shared weight over the lighter side's weight (0-1)."""
        lighter = min(self.weight(a), self.weight(b))
        return self.weight(a & b) / lighter if lighter else 0.0

    def dice(self, a: frozenset[str], b: frozenset[str]) -> float:
        """Symmetric weighted overlap (0-1): short sentences do not match long ones on one shared word."""
        total = self.weight(a) + self.weight(b)
        return 2 * self.weight(a & b) / total if total else 0.0

    def similar(self, sentence_id: str, *, threshold: float, symmetric: bool = False) -> dict[str, float]:
        """Sentences of other articles whose overlap with this one reaches `threshold`."""
        ws = self.words[sentence_id]
        owner = self.owner[sentence_id]
        candidates: set[str] = set()
        # Only rarer words generate candidates; a sentence sharing nothing rare cannot reach the threshold.
        for w in sorted(ws, key=lambda w: (-self.idf.get(w, 0), w))[:8]:
            candidates.update(sid for sid in self.postings[w] if self.owner[sid] != owner)
        measure = self.dice if symmetric else self.overlap
        scores = {sid: measure(ws, self.words[sid]) for sid in sorted(candidates)}
        # Sorted, so that ties resolve the same way in every process (set order depends on hash seeds).
        return dict(sorted(((sid, s) for sid, s in scores.items() if s >= threshold), key=lambda kv: (-kv[1], kv[0])))
