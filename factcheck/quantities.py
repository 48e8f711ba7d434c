"""Numbers with their hedges, as intervals, and whether two reported figures can both be true.

"at least 74" and "at least 67" are two tallies of the same count: they disagree. "28,473" and "more
than 28,000" do not, nor do "roughly 250" and "more than 250": a rounded bound or an approximation is
compatible with any figure inside its interval. This module is also the checker the LLM engine's
numeric contradictions must pass.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from factcheck.lexicon import HEDGE_KIND, HEDGE_RE, NUMBER_WORDS, ORDINALS, SCALES

_WORD_NUM = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_NUMBER = re.compile(
    rf"(?<![\w.$€£/:-])(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:{_WORD_NUM})(?:-(?:{_WORD_NUM}))?)"
    r"(?P<scale>\s+(?:thousand|million|billion|trillion))?(?P<pct>\s*%|\s+percent|\s+per cent)?(?![\w]|[:/]\d|-\d)",
    re.I,
)
_ORDINAL_SET = re.compile(
    r"\b(?:the\s+)?(?P<ords>(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
    r"(?:(?:,\s*|\s+and\s+)(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))*)\s+"
    r"(?P<noun>[a-z]+)\s+to\s+be(?:\s+[a-z]+ed)?\b",
    re.I,
)
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_BEFORE = re.compile(rf"\b{_MONTHS}\s*$", re.I)
_DATE_AFTER = re.compile(rf"^\s*(?:{_MONTHS}|(?:st|nd|rd|th)\b)", re.I)
_HYPHEN_UNIT = re.compile(r"^-(?:year|month|week|day|hour|minute|phase|point|member|story|mile|km|foot|meter)", re.I)
_AGE_AFTER_NAME = re.compile(r"[A-Z][a-z]+,\s*$")
# "one" counts only when a noun follows closely: "one female soldier", "one person".
_ONE_COUNTS = re.compile(r"^\s+(?:[a-z]+\s+){0,2}(?:person|man|woman|child|soldier|officer|hostage|captive|"
                         r"worker|journalist|civilian|resident|passenger|victim|other|more)\b", re.I)


@dataclass(frozen=True)
class Quantity:
    start: int  # offsets in the text given to `find_quantities`
    end: int
    text: str  # the figure as written, with its hedge: "at least 74"
    value: float
    hedge: str  # exact | at_least | more_than | at_most | less_than | approx | nearly | only | ordinal
    lo: float
    hi: float
    percent: bool = False

    @property
    def tally(self) -> bool:
        """A reported count rather than a rounded bound: exact figures and 'at least N' tallies."""
        return self.hedge in ("exact", "at_least", "only")

    def normalized(self) -> str:
        v = _fmt(self.value) + ("%" if self.percent else "")
        prefix = {"exact": "=", "only": "=", "at_least": ">=", "more_than": ">", "at_most": "<=",
                  "less_than": "<", "ordinal": ">="}.get(self.hedge)
        return f"{prefix}{v}" if prefix else f"~{v} [{_fmt(self.lo)}-{_fmt(self.hi)}]"


def _fmt(x: float) -> str:
    return f"{int(x):,}" if x == int(x) else f"{x:,.2f}".rstrip("0").rstrip(".")


def parse_number(token: str) -> float | None:
    t = token.lower().replace(",", "").strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    parts = t.split("-")
    if all(p in NUMBER_WORDS for p in parts):
        return float(sum(NUMBER_WORDS[p] for p in parts))
    return NUMBER_WORDS.get(t) and float(NUMBER_WORDS[t])


def interval(value: float, hedge: str) -> tuple[float, float]:
    spread = max(0.1 * value, 1.0) if value < 100 else 0.1 * value
    return {
        "exact": (value, value), "only": (value, value), "at_least": (value, math.inf),
        "more_than": (value + 1e-9, math.inf), "at_most": (0.0, value), "less_than": (0.0, value - 1e-9),
        "nearly": (value - spread * 1.5, value), "approx": (value - spread, value + spread),
        "ordinal": (value, math.inf),
    }[hedge]


def _skip(text: str, m: re.Match) -> bool:
    before, after = text[max(0, m.start() - 12) : m.start()], text[m.end() : m.end() + 12]
    value = parse_number(m.group("num"))
    if value is None:
        return True
    if _DATE_BEFORE.search(before) or _DATE_AFTER.match(after):
        return True  # "Oct. 7", "7 October", "13th"
    if re.fullmatch(r"\d{4}", m.group("num")) and 1800 <= value <= 2100 and not m.group("pct"):
        return True  # a year
    if _HYPHEN_UNIT.match(after) or re.match(r"^-[a-z]", after, re.I):
        return True  # "six-week", "60-year-old", "12-gauge": a modifier, not a count
    if _AGE_AFTER_NAME.search(before) and re.match(r"^\s*[,)]", after):
        return True  # "Fernando Marman, 60," : an age
    if re.match(r"^\s+(?:days?|weeks?|months?|years?|hours?|minutes?|decades?)\b", after, re.I):
        return True  # a duration, not a count
    if m.group("num").lower() == "one" and not _ONE_COUNTS.match(text[m.end() : m.end() + 40]):
        return True  # "the one on Oct. 7", "one of": a pronoun, not a count
    return False


def find_quantities(text: str, *, offset: int = 0) -> list[Quantity]:
    """All figures in `text` with hedges and intervals; offsets are `offset` + position in text."""
    found: list[Quantity] = []
    for m in _NUMBER.finditer(text):
        if _skip(text, m):
            continue
        value = parse_number(m.group("num")) or 0.0
        if m.group("scale"):
            value *= SCALES[m.group("scale").strip().lower()]
        hedge_match = HEDGE_RE.search(text[max(0, m.start() - 24) : m.start()])
        hedge = HEDGE_KIND.get(hedge_match.group(0).strip().lower(), "exact") if hedge_match else "exact"
        start = m.start() - (len(hedge_match.group(0)) if hedge_match else 0)
        lo, hi = interval(value, hedge)
        found.append(Quantity(offset + start, offset + m.end(), text[start : m.end()], value, hedge, lo, hi,
                              percent=bool(m.group("pct"))))
    for m in _ORDINAL_SET.finditer(text):
        ords = re.findall(r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth", m.group("ords"), re.I)
        value = float(max(ORDINALS[o.lower()] for o in ords))
        found.append(Quantity(offset + m.start(), offset + m.end(), m.group(0), value, "ordinal", value, math.inf))
    return sorted(found, key=lambda q: q.start)


def compatible(a: Quantity, b: Quantity) -> bool:
    """Can both figures be true of the same count?"""
    if a.percent != b.percent:
        return True  # not comparable
    if a.tally and b.tally:
        return math.isclose(a.value, b.value, rel_tol=1e-6)
    return a.lo <= b.hi and b.lo <= a.hi


def parse_figure(text: str) -> Quantity | None:
    """The first figure in a short phrase such as 'more than 28,000' (used to check model output)."""
    found = find_quantities(text)
    return found[0] if found else None
