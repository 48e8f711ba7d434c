"""Checkable statements pulled from each sentence: figures (what is counted, what happened to it, over
what scope), dates of events, and the status of events (planned/threatened vs begun)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.engines.local.similarity import stems
from factcheck.lexicon import (
    CUMULATIVE, DAILY, EVENT_NOUN, EVENT_OF, PREDICATE_OF, STATUS_BEGUN, STATUS_EVENTS, STATUS_PLANNED, SUBJECT_OF, stem,
)
from factcheck.quantities import Quantity, find_quantities
from factcheck.timeref import TimeRef, find_times, parse_anchor
from factcheck.types import Article

_TOKEN = re.compile(r"[A-Za-z][A-Za-z’'-]*")
_TARGET = re.compile(r"^\s+(?:in|into|on|to|against|of|toward|towards)\s+((?:[\w’'-]+\s+){0,6}[\w’'-]+)")


@dataclass(frozen=True)
class Mention:
    kind: str  # number | date | status
    article_id: str
    root_id: str  # the original this article copies, or itself
    sentence_id: str
    start: int
    end: int
    value: str
    normalized: str
    context: frozenset[str]
    events: frozenset[str]
    predicate: str | None = None
    subject: str | None = None
    scope: str = "plain"
    quantity: Quantity | None = None
    time: TimeRef | None = None
    status: str | None = None
    target: frozenset[str] = frozenset()
    place: str | None = None
    event_word: str | None = None  # the event noun as written nearest the mention ("raid", "collapse")


def _classes(text: str, table: dict[str, str]) -> set[str]:
    return {table[stem(w)] for w in _TOKEN.findall(text) if stem(w) in table}


def _event_word(text: str, lo: int) -> str | None:
    words = [(abs(m.start() - lo), EVENT_NOUN[stem(m.group())]) for m in _TOKEN.finditer(text) if stem(m.group()) in EVENT_NOUN]
    return min(words)[1] if words else None


def _subject(text: str, q_end: int, window: str) -> str | None:
    after = _TOKEN.findall(text[q_end : q_end + 40])[:3]
    for word in after:
        if stem(word) in SUBJECT_OF:
            return SUBJECT_OF[stem(word)]
    found = _classes(window, SUBJECT_OF)
    return found.pop() if len(found) == 1 else None


def _nearest_predicate(text: str, lo: int, hi: int, reach: int = 70) -> str | None:
    """The class of the predicate word nearest the figure ("killed 1,200 ... and abducted 250")."""
    best: tuple[int, str] | None = None
    for m in _TOKEN.finditer(text[max(0, lo - reach) : hi + reach]):
        cls = PREDICATE_OF.get(stem(m.group()))
        if cls is None:
            continue
        pos = max(0, lo - reach) + m.start()
        distance = lo - (pos + len(m.group())) if pos < lo else pos - hi
        if best is None or distance < best[0]:
            best = (distance, cls)
    return best[1] if best else None


def _scope(window: str) -> str:
    if CUMULATIVE.search(window):
        return "cumulative"
    if DAILY.search(window):
        return "daily"
    return "plain"


def _number_mentions(article: Article, root: str, sid: str, s_start: int, text: str, events) -> list[Mention]:
    out = []
    for q in find_quantities(text):
        lo, hi = q.start, q.end
        near = text[max(0, lo - 50) : hi + 50]
        predicate = _nearest_predicate(text, lo, hi)
        if predicate is None:
            continue  # no clear "what happened": not checkable
        window = text[max(0, lo - 60) : hi + 100]
        out.append(Mention(
            "number", article.id, root, sid, s_start + lo, s_start + hi, q.text, q.normalized(), stems(window),
            frozenset(events), predicate, _subject(text, hi, near), _scope(window), quantity=q,
            event_word=_event_word(text, lo)))
    return out


def _date_mentions(article: Article, root: str, sid: str, s_start: int, text: str, anchor) -> list[Mention]:
    out = []
    for t in find_times(text, anchor=anchor):
        if t.statement:
            continue
        near = text[max(0, t.start - 30) : t.end + 30]  # the event the date attaches to is close by
        events = _classes(near, EVENT_OF)
        if not events:
            continue
        out.append(Mention("date", article.id, root, sid, s_start + t.start, s_start + t.end, t.text,
                           t.normalized(), stems(near), frozenset(events), time=t,
                           event_word=_event_word(near, t.start - max(0, t.start - 30))))
    return out


def _status_mentions(article: Article, root: str, sid: str, s_start: int, text: str) -> list[Mention]:
    out = []
    for m in _TOKEN.finditer(text):
        event = EVENT_OF.get(stem(m.group()))
        if event not in STATUS_EVENTS:
            continue
        target = _TARGET.match(text[m.end() :])
        if not target:
            continue
        before_start = max(0, m.start() - 60)
        before = text[before_start : m.start()]
        markers = [("planned", x) for x in STATUS_PLANNED.finditer(before)]
        markers += [("begun", x) for x in STATUS_BEGUN.finditer(before)]
        if not markers:
            continue
        status, marker = max(markers, key=lambda pair: pair[1].end())  # the marker nearest the event noun
        places = [w for w in _TOKEN.findall(target.group(1)) if w[0].isupper()]
        start = before_start + marker.start()
        end = m.end()
        out.append(Mention("status", article.id, root, sid, s_start + start, s_start + end, text[start:end],
                           status, stems(target.group(1)), frozenset({event}), status=status,
                           target=stems(target.group(1)), place=stem(places[-1]) if places else None))
    return out


def extract(articles: list[Article]) -> list[Mention]:
    """Every checkable mention in every sentence, in reading order."""
    mentions: list[Mention] = []
    for article in articles:
        root = article.copy_of or article.id
        anchor = parse_anchor(article.published)
        for s in article.sentences:
            text = article.sentence_text(s)
            events = _classes(text, EVENT_OF)
            mentions += _number_mentions(article, root, s.id, s.start, text, events)
            mentions += _date_mentions(article, root, s.id, s.start, text, anchor)
            mentions += _status_mentions(article, root, s.id, s.start, text)
    return mentions
