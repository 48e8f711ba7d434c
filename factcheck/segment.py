"""Sentences with stable ids (`<article_id>:s<n>`) and exact character spans.

pysbd handles news abbreviations ("U.S.", "Feb. 14", "Lt. Col.", "Gen."); two general rules fix what it
misses on scraped text: sentences glued without a space ("White House.Negotiators") are split, and a
paragraph broken mid-sentence by a stray line break (a line without end punctuation followed by one
starting in lower case) is joined.
"""

from __future__ import annotations

import functools
import re
import threading

from factcheck.types import ExcludedSpan, Sentence

_TERMINAL = tuple('.!?"”’\'…')
# "House.Negotiators": a lower-case word, end punctuation, then a capitalised word with no space.
_GLUED = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])|(?<=[a-z][.!?][\"”])(?=[A-Z][a-z])")
_TIME_ABBREV_END = re.compile(r"\b[ap]\.m\.\s*$")
_TIME_CONTINUATION = re.compile(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|ET|EST|EDT|GMT|UTC|PT|PST|PDT|local)\b"
)


_LOCAL = threading.local()


@functools.cache
def _prepositive_end() -> re.Pattern:
    """A piece ending on an abbreviation that stands before a name (pysbd's list: Mt., St., Gen., Dr., ...) glued
    to the word before it by a hyphen or slash."""
    from pysbd.lang.english import English

    words = "|".join(re.escape(w) for w in English.Abbreviation.PREPOSITIVE_ABBREVIATIONS)
    return re.compile(rf"\w[-–/](?:{words})\.\s*$", re.I)


def _segmenter():
    """One pysbd segmenter per thread: it keeps the text being split on the instance, so a shared one
    mixes up concurrent requests' sentences."""
    segmenter = getattr(_LOCAL, "segmenter", None)
    if segmenter is None:
        import pysbd

        segmenter = _LOCAL.segmenter = pysbd.Segmenter(language="en", clean=False)
    return segmenter


def _pieces(text: str) -> list[str]:
    """pysbd's sentences of `text`, without its `segment` step that maps each back onto the text by compiling a
    regular expression of the sentence (one per sentence, evicting the process's cached patterns): the callers
    find each piece with `str.find`. Same sentences (checked on every eval article; pysbd is pinned)."""
    return _segmenter().processor(text).process() if text else []


def sentence_pieces(text: str) -> list[str]:
    """The sentences of a short text, stripped ("U.S. Sen. Smith dies at 80" is one)."""
    return [p.strip() for p in _pieces(text) if p.strip()]


def ends_in_sentence(text: str) -> bool:
    return text.endswith(_TERMINAL)


def _regions(text: str, excluded: list[ExcludedSpan]) -> list[tuple[int, int]]:
    regions, pos = [], 0
    for span in sorted(excluded, key=lambda s: s.start):
        if span.start > pos:
            regions.append((pos, span.start))
        pos = max(pos, span.end)
    if pos < len(text):
        regions.append((pos, len(text)))
    return regions


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    paras: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\n]+", text[start:end]):
        s, e = start + match.start(), start + match.end()
        chunk = text[s:e]
        s += len(chunk) - len(chunk.lstrip())
        e -= len(chunk) - len(chunk.rstrip())
        if s >= e:
            continue
        if paras and not text[paras[-1][0] : paras[-1][1]].endswith(_TERMINAL) and text[s].islower():
            paras[-1] = (paras[-1][0], e)
        else:
            paras.append((s, e))
    return paras


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    chunk = text[start:end]
    # Line breaks inside a joined paragraph would confuse pysbd; same length keeps offsets.
    flat = chunk.replace("\n", " ").replace("\r", " ")
    spans, cursor = [], 0
    for piece in _pieces(flat):
        piece = piece.strip()
        if not piece:
            continue
        found = flat.find(piece, cursor)
        if found < 0:  # pysbd altered the text; fall back to the rest of the paragraph
            spans.append((cursor, len(flat)))
            break
        spans.append((found, found + len(piece)))
        cursor = found + len(piece)
    spans = _merge_abbreviations(flat, spans)
    out = []
    for s, e in spans:
        cuts = [s] + [s + m.start() for m in _GLUED.finditer(flat[s:e]) if m.start() > 0] + [e]
        out.extend((start + a, start + b) for a, b in zip(cuts, cuts[1:]) if flat[a:b].strip())
    return out


def _merge_abbreviations(flat: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join what pysbd cut after an abbreviation that cannot end a sentence: a time ('At 9 a.m. | Monday he fled')
    and a title or place word that stands before a name, when glued to the word before by a hyphen or slash
    ('the Aoraki-Mt. | Cook National Park', 'the St. Louis-St. | Paul flight'), which pysbd does not see."""
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        before = flat[merged[-1][0] : merged[-1][1]] if merged else ""
        if (_TIME_ABBREV_END.search(before) and _TIME_CONTINUATION.match(flat[s:e])) \
                or (_prepositive_end().search(before) and flat[s:s + 1].isupper()):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def segment(text: str, *, article_id: str, excluded: list[ExcludedSpan]) -> list[Sentence]:
    """Split the non-excluded text into sentences; ids are assigned once, in reading order."""
    spans: list[tuple[int, int]] = []
    for r_start, r_end in _regions(text, excluded):
        for p_start, p_end in _paragraphs(text, r_start, r_end):
            spans.extend(_split_paragraph(text, p_start, p_end))
    return [Sentence(id=f"{article_id}:s{i}", start=s, end=e) for i, (s, e) in enumerate(spans, start=1)]
