"""Find page furniture in an article's text and mark it as excluded spans (never delete it).

The rules are general web-page English, not tuned to any one site: header lines, titles and section
headings (short lines with no sentence punctuation), datelines, photo captions (credit suffixes, lines
repeated on the page), cookie/comment/subscription notices, and the page tail that follows a
"comments" or "more coverage" marker. A line that holds a whole sentence is prose even when a stray token
follows it, and text with no prose line at all is read as prose rather than as titles and headings.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from factcheck.ingest import BOM, parse_header
from factcheck.segment import ends_in_sentence, sentence_pieces
from factcheck.types import ExcludedSpan, ExclusionKind

# Sentence-final punctuation, optionally followed by closing quotes or brackets.
_ENDS_SENTENCE = re.compile(r"[.!?…:;][\"”’'\)\]]*\s*$")
_AGENCY_SUFFIX = re.compile(r"\s/\s?[A-Z][A-Za-z]{1,12}\s*$")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATELINE = re.compile(
    rf"^(?:(?:first\s+)?published|updated|posted|last\s+updated)\b|\b{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s*/\s*\d{{1,2}}\s*/\s*\d{{2,4}}\b"
    r"|\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?|\b\d{4}-\d{2}-\d{2}\b",
    re.I,
)
_CAPTION = re.compile(
    r"(?:\s/[A-Z][A-Za-z]{1,12}\s*$)|(?:\((?:AP |Reuters |AFP )?Photo[^)]*\)\s*$)|(?:^(?:Photo|Image|Credit|File photo)\s*:)"
    r"|(?:\b(?:Getty Images|AFP via Getty Images|Shutterstock)\s*$)",
)
_BOILERPLATE = re.compile(
    r"\b(?:skip to (?:main )?content|cookies?|privacy (?:policy|statement)|terms of (?:use|service)|i agree"
    r"|accept all|sign up|subscribe|newsletter|advertisement|share this (?:story|article)|read more"
    r"|search trends|community guidelines|all rights reserved|copyright ©|follow us on|click here"
    r"|submit it here|share a story idea|comments? (?:are|is) (?:closed|moderated)|keep your comments"
    r"|forum for civil|log ?in to comment|download our app|enable javascript)\b",
    re.I,
)
_TAIL_MARKER = re.compile(
    r"^\s*(?:jump to comments|leave a comment|comments\s*[↓(]|show comments|article topic follows"
    r"|find more of .{0,30} coverage|more from |related (?:articles|stories|coverage)|recommended for you)",
    re.I,
)
_CREDIT = re.compile(
    r"contributed (?:to )?(?:this )?report|contributed reporting|^\s*\((?:with )?(?:input|reporting) from [^)]*\)\s*$",
    re.I,
)
_MAX_HEADING_WORDS = 12
_MAX_TITLE_WORDS = 25
_MAX_BOILERPLATE_WORDS = 40
_MAX_STRAY_CHARS = 3
_SENTENCE_END_INSIDE = re.compile(r"[.!?…][\"”’'\)\]]*\s+\S")
# Kinds given only for want of sentence punctuation: when nothing else is prose, such lines are the prose.
_UNPUNCTUATED = ("title", "heading")


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str


def _lines(text: str, start: int) -> list[_Line]:
    lines, pos = [], 0
    for raw in text.splitlines(keepends=True):
        content = raw.rstrip("\r\n").replace(BOM, " ", 1 if pos == 0 else 0)  # same length: offsets hold
        stripped = content.strip()
        if stripped and pos >= start:
            lead = len(content) - len(content.lstrip())
            lines.append(_Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw)
    return lines


def _classify(line: _Line, *, first: bool, repeated: bool) -> tuple[ExclusionKind, str] | None:
    words = line.text.split()
    if not re.search(r"[A-Za-z]", line.text):
        return "boilerplate", "no words (timestamp, symbol or number only)"
    if _CAPTION.search(line.text):
        return "caption", "photo caption or credit"
    if repeated:
        return "repeated", "line repeated on the page (caption or furniture)"
    if _CREDIT.search(line.text):
        return "credit", "reporting credit"
    if len(words) <= _MAX_BOILERPLATE_WORDS and _BOILERPLATE.search(line.text):
        return "boilerplate", "site notice (cookies, comments, subscription, navigation)"
    if _ENDS_SENTENCE.search(line.text):
        return None
    if sum(1 for w in words if re.search(r"[A-Za-z]", w)) <= 10 and _DATELINE.search(line.text):
        # words, not figures: "First Posted: 10 / 25 / 11 06:44 PM ET Updated: 12 / 25 / 11 05:12 AM ET"
        return "dateline", "date or time line"
    if _stray_token_after_sentence(line.text):
        return None
    if first and len(words) <= _MAX_TITLE_WORDS:
        return "title", "headline (first line, without sentence punctuation)"
    if len(words) <= _MAX_HEADING_WORDS:
        return "heading", "heading, byline or label (short line without sentence punctuation)"
    return None


def find_excluded_spans(text: str) -> list[ExcludedSpan]:
    """Return the spans of `text` that are not article prose, sorted by offset."""
    _, body_start = parse_header(text)
    spans: list[ExcludedSpan] = []
    if body_start:
        spans.append(ExcludedSpan(start=0, end=body_start, kind="header", reason="metadata header"))
    elif text.startswith(BOM):
        spans.append(ExcludedSpan(start=0, end=1, kind="boilerplate", reason="byte-order mark (U+FEFF), not text"))
    lines = _lines(text, body_start)
    counts = Counter(line.text for line in lines if len(line.text) >= 20)
    seen_content = False
    for index, line in enumerate(lines):
        if _TAIL_MARKER.search(line.text) and index >= len(lines) // 2:
            spans.append(ExcludedSpan(start=line.start, end=lines[-1].end, kind="page_tail",
                                      reason="comments or related-coverage section at the end of the page"))
            break
        verdict = _classify(line, first=not seen_content, repeated=counts[line.text] > 1)
        if verdict is None:
            seen_content = True
            suffix = _AGENCY_SUFFIX.search(line.text)
            if suffix:
                spans.append(ExcludedSpan(start=line.start + suffix.start(), end=line.end, kind="credit",
                                          reason="agency credit at the end of a paragraph"))
            continue
        kind, reason = verdict
        if kind == "title":
            seen_content = True
        spans.append(ExcludedSpan(start=line.start, end=line.end, kind=kind, reason=reason))
    return _keep_some_prose(spans, lines)


def _stray_token_after_sentence(text: str) -> bool:
    """"... on Monday. x", "... said. ''": a whole sentence with one short token or a lone quote after it."""
    if not _SENTENCE_END_INSIDE.search(text):  # cheap test first: most headings hold no sentence end
        return False
    pieces = sentence_pieces(text)
    if len(pieces) < 2 or not ends_in_sentence(pieces[-2]):
        return False
    tail = pieces[-1]
    return len(tail.split()) == 1 and (len(tail) <= _MAX_STRAY_CHARS or not re.search(r"[A-Za-z]", tail))


def _keep_some_prose(spans: list[ExcludedSpan], lines: list[_Line]) -> list[ExcludedSpan]:
    """A text whose every line looks like a title or heading ("The museum was founded in 1934", no full stop)
    is short prose, not page furniture."""
    unpunctuated = {s.start for s in spans if s.kind in _UNPUNCTUATED}
    other = [s for s in spans if s.kind not in _UNPUNCTUATED]
    if any(line.start not in unpunctuated and not any(s.start <= line.start < s.end for s in other) for line in lines):
        return spans
    return other
