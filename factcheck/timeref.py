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
# A date written in figures on a page's dateline: "10/25/11", "25 / 10 / 2011"
_DATE_SLASHED = re.compile(r"(?<![\d/])(?P<a>\d{1,2})\s*/\s*(?P<b>\d{1,2})\s*/\s*(?P<year>\d{4}|\d{2})(?![\d/])")
_WEEKDAY = re.compile(r"\b(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
# A month or a year named without its day: "April 2007", "in 2009", "in early 2010", "in April", "last year".
_YEAR = r"(?P<year>(?:19|20)\d\d)(?![\d,.]*\s*(?:%|percent|per\s+cent))"
_MONTH_YEAR = re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b", re.I)
_IN_YEAR = re.compile(rf"\b(?:in|during)\s+(?:(?:early|late|mid-?)\s*)?{_YEAR}\b", re.I)
_IN_MONTH = re.compile(rf"\b(?:in|during|last|early|late|mid-)\s*{_MONTH}\b(?!\s*\d)", re.I)
_RELATIVE = re.compile(r"\b(?P<which>last|this|next)\s+(?P<unit>year|month)\b", re.I)


@dataclass(frozen=True)
class TimeRef:
    start: int
    end: int
    text: str
    weekday: str | None  # lower-case weekday, when known or derivable
    iso: str | None  # YYYY-MM-DD when the full date is known or resolvable
    statement: bool  # dates a statement ("said Tuesday"), not an event
    month_day: str | None = None  # "MM-DD" of a written date, with or without its year
    period: str | None = None  # "YYYY" or "YYYY-MM": a year or a month named without its day

    def normalized(self) -> str:
        if self.iso and self.weekday:
            return f"{self.iso} ({self.weekday.title()})"
        return self.iso or self.period or (self.weekday or "").title()


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
    if m is None and (slashed := _DATE_SLASHED.search(published)):
        return _slashed_date(slashed)
    year = re.search(r"\b(19|20)\d{2}\b", published)
    if m and year:
        try:
            return date(int(year.group()), MONTHS[m["month"][:3].lower()], int(m["day"]))
        except ValueError:
            return None
    return None


def _slashed_date(m: re.Match) -> date | None:
    """A date in figures, when only one reading of it is a date: '10/25/11' is 25 October 2011 (month first),
    '25/10/2011' the same (day first); '3/4/2011' could be either and is not read."""
    a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
    if year < 100:
        year += 2000 if year < 70 else 1900
    if (a <= 12) == (b <= 12):
        return None
    month, day = (a, b) if a <= 12 else (b, a)
    try:
        return date(year, month, day)
    except ValueError:
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
    refs += _periods(text, offset, anchor, taken)
    return sorted(refs, key=lambda r: r.start)


def _periods(text: str, offset: int, anchor: date | None, taken: list[tuple[int, int]]) -> list[TimeRef]:
    """Months and years named without a day ("April 2007", "in 2009", "in April", "last year"), as periods
    ("2007-04", "2009"); a month without its year, and "last year", are read against the article's date (the
    latest such month not after it, or for something still to come the next one)."""
    found: list[tuple[int, int, str]] = []
    for m in _MONTH_YEAR.finditer(text):
        found.append((m.start(), m.end(), f"{m['year']}-{MONTHS[m['month'][:3].lower()]:02d}"))
    for m in _IN_YEAR.finditer(text):
        found.append((m.start("year"), m.end("year"), m["year"]))
    if anchor is not None:
        for m in _IN_MONTH.finditer(text):
            if not m["month"][0].isupper():
                continue  # "in may", "last march": not a month
            month = MONTHS[m["month"][:3].lower()]
            if FUTURE.search(text[: m.start()]):
                year = anchor.year if month >= anchor.month else anchor.year + 1
            else:
                year = anchor.year if month <= anchor.month else anchor.year - 1
            found.append((m.start("month"), m.end(), f"{year}-{month:02d}"))
        for m in _RELATIVE.finditer(text):
            shift = {"last": -1, "this": 0, "next": 1}[m["which"].lower()]
            if m["unit"].lower() == "year":
                period = str(anchor.year + shift)
            else:
                months = anchor.year * 12 + anchor.month - 1 + shift
                period = f"{months // 12}-{months % 12 + 1:02d}"
            found.append((m.start(), m.end(), period))
    refs = []
    for start, end, period in sorted(found, key=lambda f: (f[0], -f[1])):  # "in Sept. 2012", not "in Sept"
        if any(s < end and start < e for s, e in taken):
            continue  # "April 20, 2007" is a day; "in April 2007" is read once
        taken.append((start, end))
        refs.append(TimeRef(offset + start, offset + end, text[start:end], None, None,
                            bool(REPORTING.search(text[max(0, start - 20) : start])), period=period))
    return refs


def periods_agree(x: str, y: str) -> bool:
    """Does one of two periods or days ("2007", "2007-04", "2007-04-03") hold the other?"""
    return x.startswith(y) or y.startswith(x)


def period_days(period: str) -> tuple[date, date]:
    """The first and last day of a period ("2009", "2007-04")."""
    if len(period) == 4:
        return date(int(period), 1, 1), date(int(period), 12, 31)
    year, month = int(period[:4]), int(period[5:7])
    following = date(year + (month == 12), month % 12 + 1, 1)
    return date(year, month, 1), following - timedelta(days=1)


def clash(a: TimeRef, b: TimeRef) -> bool:
    """Do two references to the same event name different days (or months, or years)?"""
    if a.period or b.period:
        x, y = a.period or a.iso, b.period or b.iso
        return bool(x and y) and not periods_agree(x, y)
    if a.iso and b.iso:
        return a.iso != b.iso
    if a.weekday and b.weekday:
        return a.weekday != b.weekday
    return False
