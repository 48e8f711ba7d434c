"""Checkable statements pulled from each sentence: figures (what is counted, what happened to it, over
what scope), dates of events, and the status of events (planned/threatened vs begun)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from factcheck.engines.local.similarity import stems
from factcheck.lexicon import (
    BACKGROUND, CUMULATIVE, DAILY, ENUMERATION_AFTER, ENUMERATION_BEFORE, EVENT_NOUN, EVENT_OF, FUTURE,
    INCREMENT_AFTER, INCREMENT_BEFORE, PREDICATE_OF, SPECULATIVE, STATUS_BEGUN, STATUS_EVENTS, STATUS_PLANNED,
    SUBJECT_OF, SUBSET, stem,
)
from factcheck.quantities import Quantity, find_quantities
from factcheck.timeref import TimeRef, find_times, parse_anchor
from factcheck.types import Article

_TOKEN = re.compile(r"[A-Za-z][A-Za-z’'-]*")
_DATE_AS_NAME = re.compile(r"^(?:['’]s)?\s+[a-z]+")  # "the Wednesday bombings", "Thursday's bombing"
_DATE_REACH = 32  # characters around a date in which its event noun must stand
_TOLL = re.compile(r"\btoll\b[^.;]*$", re.I)
_NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]+(?:[’']s)?")
# Capitalised words that name no particular person or place.
_GENERIC = {"state", "department", "county", "city", "province", "president", "government", "ministry", "police",
            "army", "military", "officials", "official", "minister", "prime", "secretary", "court", "council", "news",
            "agency", "university", "national", "international", "united", "nations", "north", "south", "east", "west"}
_GENERIC_STEMS = frozenset(stem(w) for w in _GENERIC)
_NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
              "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
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
    names: frozenset[str] = frozenset()  # proper names in the sentence


def _classes(text: str, table: dict[str, str]) -> set[str]:
    return {table[stem(w)] for w in _TOKEN.findall(text) if stem(w) in table}


def _event_word(text: str, lo: int) -> str | None:
    words = [(abs(m.start() - lo), EVENT_NOUN[stem(m.group())]) for m in _TOKEN.finditer(text) if stem(m.group()) in EVENT_NOUN]
    return min(words)[1] if words else None


def _subject(text: str, q_start: int, q_end: int, quantity_text: str) -> str | None:
    """What the figure counts: a people-like noun right after it ("74 Palestinians", "two of the
    hostages"), or, for a death toll, the toll itself ("the death toll rose to 74"). None: not a count."""
    following = []
    for word in _TOKEN.findall(text[q_end : q_end + 40])[:3]:
        if stem(word) in SUBJECT_OF:
            following.append(word)
            break
        if word.lower() in ("and", "or") or stem(word) in PREDICATE_OF:
            break  # "seven villages and killing 10 people": the noun after "and" is not counted here
        following.append(word)
    for word in _TOKEN.findall(quantity_text)[-4:] + following:
        if stem(word) in SUBJECT_OF:
            return SUBJECT_OF[stem(word)]
    if _TOLL.search(text[max(0, q_start - 50) : q_start]):
        return "people"
    return None


def _nearest_predicate(text: str, lo: int, hi: int, others: list[tuple[int, int]], reach: int = 70) -> str | None:
    """The class of the predicate word nearest the figure ("killed 1,200 ... and abducted 250"); a word
    with another figure between it and this one belongs to that figure."""
    best: tuple[int, str] | None = None
    for m in _TOKEN.finditer(text[max(0, lo - reach) : hi + reach]):
        cls = PREDICATE_OF.get(stem(m.group()))
        if cls is None:
            continue
        pos = max(0, lo - reach) + m.start()
        if any((hi <= o_lo and o_hi <= pos) or (pos < o_lo and o_hi <= lo) for o_lo, o_hi in others):
            continue
        distance = lo - (pos + len(m.group())) if pos < lo else pos - hi
        if best is None or distance < best[0]:
            best = (distance, cls)
    return best[1] if best else None


def names(text: str) -> frozenset[str]:
    """Proper names inside a sentence (capitalised words not at its start): who and where."""
    words = (m.group().lower() for m in _NAME.finditer(text))
    return frozenset(stem(w) for w in words if w not in _NOT_NAMES and stem(w) not in _GENERIC_STEMS)


def _predicate_nearer(near: str, pos: int) -> bool:
    def distance(table: dict[str, str]) -> int:
        return min((abs(m.start() - pos) for m in _TOKEN.finditer(near) if stem(m.group()) in table), default=999)

    return distance(PREDICATE_OF) < distance(EVENT_OF)


def _scope(window: str) -> str:
    if SUBSET.search(window):
        return "subset"
    if CUMULATIVE.search(window):
        return "cumulative"
    if DAILY.search(window):
        return "daily"
    return "plain"


def _number_mentions(article: Article, root: str, sid: str, s_start: int, text: str, events) -> list[Mention]:
    out = []
    quantities = find_quantities(text)
    for q in quantities:
        lo, hi = q.start, q.end
        others = [(o.start, o.end) for o in quantities if o is not q]
        predicate = _nearest_predicate(text, lo, hi, others)
        subject = _subject(text, lo, hi, q.text)
        if predicate is None or subject is None:
            continue  # not a count of people or of what happened to them: not checkable here
        if SPECULATIVE.search(text[max(0, lo - 40) : lo]) or BACKGROUND.search(text[: hi + 100]):
            continue  # an attempt or a guess, or a figure about an earlier event
        before, after = text[max(0, lo - 20) : lo], text[hi : hi + 20]
        if (INCREMENT_BEFORE.search(before) or INCREMENT_AFTER.match(after) or ENUMERATION_BEFORE.search(before)
                or ENUMERATION_AFTER.match(after)):
            continue  # "another four", "two more", "two women and one man": a part, not the total
        window = text[max(0, lo - 60) : hi + 100]
        out.append(Mention(
            "number", article.id, root, sid, s_start + lo, s_start + hi, q.text, q.normalized(), stems(window),
            frozenset(events), predicate, subject, _scope(window), quantity=q,
            event_word=_event_word(text, lo), names=names(text)))
    return out


def _date_mentions(article: Article, root: str, sid: str, s_start: int, text: str, anchor) -> list[Mention]:
    out = []
    for t in find_times(text, anchor=anchor):
        if t.statement or FUTURE.search(text[max(0, t.start - 40) : t.start]):
            continue  # the date of a statement, or of something still to come
        if _DATE_AS_NAME.match(text[t.end :]) and re.search(r"\bthe\s+$", text[max(0, t.start - 5) : t.start], re.I):
            continue  # "the June 20 shooting": a date naming one event among others, not dating this one
        if anchor and t.iso and date.fromisoformat(t.iso) < anchor - timedelta(days=60):
            continue  # an earlier event mentioned as background
        near_start = max(0, t.start - _DATE_REACH)
        near = text[near_start : t.end + _DATE_REACH]  # the event the date attaches to is close by
        events = _classes(near, EVENT_OF)
        if not events or _predicate_nearer(near, t.start - near_start):
            continue  # no event, or the date belongs to another action ("arrested on Tuesday for the shooting")
        out.append(Mention("date", article.id, root, sid, s_start + t.start, s_start + t.end, t.text,
                           t.normalized(), stems(near), frozenset(events), time=t,
                           event_word=_event_word(near, t.start - near_start), names=names(text)))
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
