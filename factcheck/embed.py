"""Sentence similarity from static embeddings: WordLlama 0.4.0.post1 (MIT, 256 dimensions), whose weights ship
inside the PyPI wheel and load offline. About 5,000 sentences a second on two cores."""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def load_model():
    """The loaded model (once per process, ~0.3 s). Never downloads: the weights are in the package."""
    import wordllama
    from wordllama import WordLlama

    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def embed(texts: list[str]) -> np.ndarray:
    """Unit vectors, one row per text (zeros for an empty list)."""
    if not texts:
        return np.zeros((0, 256), dtype=np.float32)
    model = load_model()
    with _LOCK:
        vectors = model.embed(texts, norm=True)
    return np.asarray(vectors, dtype=np.float32)


def similarity(a: str, b: str) -> float:
    vectors = embed([a, b])
    return float(vectors[0] @ vectors[1])


@lru_cache(maxsize=8192)
def _word_vector(word: str) -> np.ndarray:
    return embed([word])[0]


def word_similarity(a: str, b: str) -> float:
    """Cosine of two single words' vectors ('talks' / 'negotiations' 0.6; 'profit' / 'loss' 0.03)."""
    if a == b:
        return 1.0
    return float(_word_vector(a) @ _word_vector(b))
