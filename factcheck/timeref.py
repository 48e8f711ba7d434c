"""Dates and weekdays in news text, resolved against the article's own date where it has one.

"Feb. 14, 2024" is a Wednesday, so it clashes with another outlet's "on Tuesday" for the same event,
whether or not that outlet's article is dated. A weekday right after a reporting verb ("officials said
Tuesday") dates the statement, not the event, and is marked as such.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from factcheck.lexicon import FUTURE, REPORTING

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DATE_MDY = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?\b", re.I)
_DATE_DMY = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+(?P<year>\d{{4}}))?\b", re.I)
_DATE_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_WEEKDAY = re.compile(r"\b(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


@dataclass(frozen=True)
class TimeRef:
    start: int
    end: int
    text: str
    weekday: str | None  # lower-case weekday, when known or derivable
    iso: str | None  # YYYY-MM-DD when the full date is known or resolvable
    statement: bool  # dates a statement ("said Tuesday"), not an event
    month_day: str | None = None  # "MM-DD" of a written date, with or without its year

    def normalized(self) -> str:
        if self.iso and self.weekday:
            return f"{self.iso} ({self.weekday.title()})"
        return self.iso or (self.weekday or "").title()


def parse_anchor(published: str | None) -> date | None:
    if not published:
        return None
    m = _DATE_ISO.search(published)
    if m:
        try:
            return date(int(m["year"]), int(m["month"]), int(m["day"]))
        except ValueError:
            return None
    m = _DATE_MDY.search(published) or _DATE_DMY.search(published)
    year = re.search(r"\b(19|20)\d{2}\b", published)
    if m and year:
        try:
            return date(int(year.group()), MONTHS[m["month"][:3].lower()], int(m["day"]))
        except ValueError:
            return None
    return None


def _resolve_weekday(weekday: str, anchor: date | None, *, ahead: bool = False) -> str | None:
    """The latest such weekday on or before the article's date (news convention), or for something still to
    come ("will vote on Thursday") the next one on or after it."""
    if anchor is None:
        return None
    if ahead:
        return (anchor + timedelta(days=(WEEKDAYS.index(weekday) - anchor.weekday()) % 7)).isoformat()
    back = (anchor.weekday() - WEEKDAYS.index(weekday)) % 7
    return (anchor - timedelta(days=back)).isoformat()


def _date(year: int | None, month: int, day: int, anchor: date | None, *, ahead: bool = False) -> date | None:
    """A date; without a year, the latest one not after the article's date (news looks back), or, for
    something still to come ("sentencing is set for April 17"), the next one on or after it."""
    if year:
        return date(year, month, day)
    if anchor is None:
        return None
    guess = date(anchor.year, month, day)
    if ahead:
        return guess if guess >= anchor - timedelta(days=1) else date(anchor.year + 1, month, day)
    return guess if guess <= anchor + timedelta(days=7) else date(anchor.year - 1, month, day)


def find_times(text: str, *, offset: int = 0, anchor: date | None = None) -> list[TimeRef]:
    refs: list[TimeRef] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_DATE_ISO, _DATE_DMY, _DATE_MDY):
        for m in pattern.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            month = int(m["month"]) if m["month"].isdigit() else MONTHS[m["month"][:3].lower()]
            ahead = bool(FUTURE.search(text[: m.start()]))
            try:
                d = _date(int(m["year"]) if m["year"] else None, month, int(m["day"]), anchor, ahead=ahead)
            except (ValueError, OverflowError):
                continue
            taken.append((m.start(), m.end()))
            refs.append(TimeRef(offset + m.start(), offset + m.end(), m.group(0),
                                WEEKDAYS[d.weekday()] if d else None, d.isoformat() if d else None,
                                bool(REPORTING.search(text[: m.start()])), f"{month:02d}-{int(m['day']):02d}"))
    for m in _WEEKDAY.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        wd = m["wd"].lower()
        before = text[max(0, m.start() - 20) : m.start()]
        ahead = bool(FUTURE.search(text[: m.start()]))
        refs.append(TimeRef(offset + m.start(), offset + m.end(), m.group(0), wd, _resolve_weekday(wd, anchor, ahead=ahead),
                            bool(REPORTING.search(before))))
    return sorted(refs, key=lambda r: r.start)


def clash(a: TimeRef, b: TimeRef) -> bool:
    """Do two references to the same event name different days?"""
    if a.iso and b.iso:
        return a.iso != b.iso
    if a.weekday and b.weekday:
        return a.weekday != b.weekday
    return False
