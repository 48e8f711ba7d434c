"""Layer 1 of the fact graph: every analysed sentence parsed once (spaCy) and embedded once (WordLlama).

Sentence ids and character offsets stay the contract: spaCy runs inside each sentence, so a token's
offset in the article is `sentence.start + token.idx`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import numpy as np

from factcheck.checks import find_figures, find_whens
from factcheck.embed import embed
from factcheck.nlp import parse
from factcheck.timeref import parse_anchor
from factcheck.types import Article

# "CAIRO (AP) — ", "WASHINGTON — ": an agency dateline opening a lead sentence.
DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]{2,40}(?:\([A-Za-z .]+\))?\s*[—–-]{1,2}\s*")


@dataclass(eq=False)
class ParsedSentence:
    id: str
    article_id: str
    root_id: str  # the original when the article copies another
    index: int  # position in its article, from 0
    count: int  # sentences in its article
    start: int  # offset of the sentence in its article's text
    text: str
    doc: object  # spacy.tokens.Doc over `text`
    anchor: date | None  # the article's own date, when known
    vector: np.ndarray = field(default=None, repr=False)  # unit vector of the text with values masked

    @property
    def position(self) -> float:
        return self.index / max(1, self.count)


def masked(text: str, anchor: date | None) -> str:
    """The sentence with its figures and dates blanked, so that two sentences differing only in a value
    embed alike."""
    spans = [(f.start, f.end) for f in find_figures(text)] + [(w.start, w.end) for w in find_whens(text, anchor=anchor)
                                                                if not w.period]
    out, last = [], 0
    for start, end in sorted(spans):
        if start < last:
            continue
        out += [text[last:start], " N "]
        last = end
    out.append(text[last:])
    return DATELINE.sub("", "".join(out))


@dataclass
class ParsedCluster:
    articles: list[Article]
    sentences: list[ParsedSentence]

    def __post_init__(self) -> None:
        self.by_id = {s.id: s for s in self.sentences}
        self.article = {a.id: a for a in self.articles}
        self.row = {s.id: i for i, s in enumerate(self.sentences)}
        self.matrix = np.stack([s.vector for s in self.sentences]) if self.sentences else np.zeros((0, 1))

    @cached_property
    def names(self) -> frozenset[str]:
        """Words the tagger reads somewhere in the cluster as a proper noun or a person's name, in lower case: a
        name it misreads in one sentence ('Orozco, 29, was found guilty', tagged an adjective) is still one."""
        return frozenset(t.lower_ for s in self.sentences for t in s.doc
                         if t.pos_ == "PROPN" or t.ent_type_ == "PERSON")

    def similarity(self, a: str, b: str) -> float:
        return float(self.by_id[a].vector @ self.by_id[b].vector)

    def similar_to(self, sentence_id: str) -> np.ndarray:
        """Cosine similarity of one sentence with every sentence, in `self.sentences` order."""
        return self.matrix @ self.by_id[sentence_id].vector


def parse_cluster(articles: list[Article]) -> ParsedCluster:
    """Parse and embed every sentence of every article (one spaCy pass, one embedding pass)."""
    items = []
    for article in articles:
        anchor = parse_anchor(article.published)
        for i, s in enumerate(article.sentences):
            items.append((article, i, s, anchor))
    texts = [a.sentence_text(s) for a, _, s, _ in items]
    # a wire copy repeats its original's sentences: each distinct sentence is parsed and embedded once
    unique = list(dict.fromkeys(texts))
    parsed = dict(zip(unique, parse(unique)))
    docs = [parsed[t] for t in texts]
    masks = [masked(t, anchor) for t, (_, _, _, anchor) in zip(texts, items)]
    distinct = list(dict.fromkeys(masks))
    embedded = dict(zip(distinct, embed(distinct)))
    vectors = [embedded[m] for m in masks]
    sentences = [
        ParsedSentence(id=s.id, article_id=a.id, root_id=a.copy_of or a.id, index=i, count=len(a.sentences),
                       start=s.start, text=text, doc=doc, anchor=anchor, vector=vec)
        for (a, i, s, anchor), text, doc, vec in zip(items, texts, docs, vectors)
    ]
    return ParsedCluster(articles=articles, sentences=sentences)
