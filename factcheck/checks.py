"""The one place that reads and compares figures, dates and names.

`verify` (the guard on every engine's output), the LLM engine's response schemas, the local engine's judge
and the eval scorers all ask these functions, so "does this sentence state 74?", "can 5 miles and 8 km
both be true?", "is Feb. 14, 2024 a Tuesday?" have one answer everywhere.

Figures carry their hedge as an interval ("at least 74" = [74, inf), "about 250" = [225, 275]), their unit
converted to a base unit (miles and km compare), their currency, whether they are a percentage, and a
rounding interval when written round ("1.4 million", "28,000"). Dates are resolved against the article's
own date when it has one; a weekday is compared as a weekday when no date is known.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from factcheck.lexicon import HEDGE_KIND, HEDGE_RE, NUMBER_WORDS, SCALES, known_word
from factcheck.timeref import WEEKDAYS, TimeRef, find_times, periods_agree

# ---------------------------------------------------------------------------------------------- figures

# unit as written -> (dimension, factor to the base unit). General English; each table entry is a unit.
UNITS: dict[str, tuple[str, float]] = {}
for _names, _dim, _factor in [
    (("km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"), "length", 1000.0),
    (("m", "metre", "metres", "meter", "meters"), "length", 1.0),
    (("cm", "centimetre", "centimetres", "centimeter", "centimeters"), "length", 0.01),
    (("mm", "millimetre", "millimetres", "millimeter", "millimeters"), "length", 0.001),
    (("mile", "miles", "mi"), "length", 1609.344),
    (("ft", "foot", "feet"), "length", 0.3048),
    (("yard", "yards", "yd", "yds"), "length", 0.9144),
    (("inch", "inches", "in."), "length", 0.0254),
    (("mph", "miles per hour", "miles an hour"), "speed", 1.609344),
    (("km/h", "kph", "kmh", "kilometres per hour", "kilometers per hour", "kilometres an hour",
      "kilometers an hour"), "speed", 1.0),
    (("knot", "knots"), "speed", 1.852),
    (("acre", "acres"), "area", 4046.8564),
    (("hectare", "hectares", "ha"), "area", 10_000.0),
    (("square mile", "square miles", "sq mi"), "area", 2_589_988.0),
    (("square kilometre", "square kilometres", "square kilometer", "square kilometers", "km2", "sq km"), "area",
     1_000_000.0),
    (("kg", "kgs", "kilogram", "kilograms", "kilo", "kilos"), "mass", 1.0),
    (("tonne", "tonnes", "metric ton", "metric tons"), "mass", 1000.0),
    (("lb", "lbs"), "mass", 0.45359237),
    (("second", "seconds", "sec", "secs"), "duration", 1.0),
    (("minute", "minutes", "min", "mins"), "duration", 60.0),
    (("hour", "hours", "hr", "hrs"), "duration", 3600.0),
    (("day", "days"), "duration", 86_400.0),
    (("week", "weeks"), "duration", 604_800.0),
    (("month", "months"), "duration", 2_629_800.0),
    (("year", "years"), "duration", 31_557_600.0),
    (("decade", "decades"), "duration", 315_576_000.0),
    (("litre", "litres", "liter", "liters"), "volume", 1.0),
    (("gallon", "gallons"), "volume", 3.785411784),
    (("barrel", "barrels"), "volume", 158.987),
    (("°c", "degrees celsius", "celsius", "c"), "temperature", 1.0),
    (("°f", "degrees fahrenheit", "fahrenheit", "f"), "temperature", 1.0),  # converted in _to_base
    (("percentage point", "percentage points"), "points", 1.0),
    (("kw", "kilowatt", "kilowatts"), "power", 1e3),
    (("mw", "megawatt", "megawatts"), "power", 1e6),
    (("gw", "gigawatt", "gigawatts"), "power", 1e9),
]:
    for _name in _names:
        UNITS[_name] = (_dim, _factor)

# Currency signs and words -> ISO-like code.
CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "a$": "AUD", "c$": "CAD",
                  "nz$": "NZD", "hk$": "HKD", "r$": "BRL", "₹": "INR", "rs": "INR", "rs.": "INR"}
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "yen": "JPY", "yuan": "CNY",
                  "renminbi": "CNY", "rupee": "INR", "rupees": "INR", "rand": "ZAR", "francs": "CHF",
                  "pesos": "MXN", "rubles": "RUB", "roubles": "RUB", "won": "KRW", "sterling": "GBP"}
_SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}

_WORD_NUM = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
# Words between a number and its unit that leave the unit as it is: "two more days", "352 net yards", "4,183
# passing yards", "20 working days".
_UNIT_MODIFIER = r"more|additional|further|extra|consecutive|straight|net|gross|full|[a-z]{3,}ing"
_UNIT_ALT = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
_CUR_SIGN = r"(?P<cur>US\$|A\$|C\$|NZ\$|HK\$|R\$|[$€£¥₹]|Rs\.?)"
_DIGITS = r"\d{1,3}(?:,\s?\d{3})+(?![\d])(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"  # "2, 000" as rebuilt from tokens
_FIGURE = re.compile(
    rf"(?:(?<!\w){_CUR_SIGN}\s?)?"  # a sign starts a word: not the "rs" of "covers four"
    rf"(?<![\w.,/:])(?P<num>(?:three-quarters?|half|quarter)(?=-(?:{_UNIT_ALT})\b)"
    rf"|(?:{_DIGITS}|(?:{_WORD_NUM})(?:[- ](?:{_WORD_NUM}))?(?![a-z]))(?:[- ]and[- ]a[- ]half)?)"
    rf"(?:(?P<range>\s?(?:-|–|to)\s?)(?P<num2>{_DIGITS}))?"
    r"(?P<scale>[\s-]*(?:hundred|thousand|million|billion|trillion)\b|(?<=\d)(?:bn|mn|tn|[kmb])\b)?"
    r"(?P<pct>\s*%|\s*(?:percent|per cent)\b)?"
    rf"(?P<unit>(?:\s|-|(?=°)|(?<=\d)(?=[a-z]))(?:(?:{_UNIT_MODIFIER})\s)?"
    rf"(?:{_UNIT_ALT}|pounds?)(?![\w]))?"
    rf"(?P<curword>\s(?:{'|'.join(CURRENCY_WORDS)})\b)?",
    re.I,
)
# Fractions of a whole, read as percentages ("half" = 50%, "a third" = 33.3%, rounded as words are).
FRACTIONS = {"half": 50.0, "a half": 50.0, "one half": 50.0, "a third": 100 / 3, "one third": 100 / 3,
             "one-third": 100 / 3, "two-thirds": 200 / 3, "two thirds": 200 / 3, "a quarter": 25.0,
             "one quarter": 25.0, "one-quarter": 25.0, "three-quarters": 75.0, "three quarters": 75.0}
_FRACTION = re.compile(r"(?<![\w-])(?P<frac>" + "|".join(sorted(map(re.escape, FRACTIONS), key=len, reverse=True))
                       + r")(?=\s+(?:of|the|their|its|his|her|all)\b)", re.I)
# Vague plurals: "hundreds of", "tens of thousands of" (general English quantity words).
VAGUE = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
         "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
         "millions": (2_000_000, 9_999_999)}
_VAGUE = re.compile(r"(?<![\w-])(?P<vague>" + "|".join(sorted(map(re.escape, VAGUE), key=len, reverse=True))
                    + r")\s+of\b", re.I)
# "two hours and 51 minutes": one duration written in two units.
_COMPOUND_DURATION = re.compile(
    rf"(?<![\w-])(?P<a>\d+|{_WORD_NUM})\s+(?P<ua>hours?|days?|weeks?|minutes?|years?|months?),?\s+and\s+"
    rf"(?P<b>\d+|{_WORD_NUM})\s+(?P<ub>minutes?|hours?|days?|seconds?|months?)\b", re.I)
# "unanimous", "unanimously": a vote with every vote for and none against (whether it was a vote is for the
# parse to say; see facts.figure_facts).
_UNANIMOUS = re.compile(r"(?<![\w-])unanimous(?:ly)?(?![\w-])", re.I)
ALL_FOR = (-1, 0)  # the score of a unanimous vote: how many voted is not said, none voted against
_HEIGHT = re.compile(r"(?<![\w.])(?P<ft>\d)-(?:foot|feet)-(?P<inch>\d{1,2})\b")
_SCORE = re.compile(r"(?<![\w.,/:-])(?P<a>\d{1,3})\s?[-–]\s?(?P<b>\d{1,3})(?![\w/:]|[.,]\d|-\d|\s?(?:%|percent))")
_SCORE_CONTEXT = re.compile(
    r"\b(?:win|wins|won|beat|beats|defeat|defeated|defeats|lead|led|leads|victory|loss|losses|lost|lose|draw|drew|"
    r"tie|tied|score|scored|scoreline|edged|routed|thrashed|top|tops|topped|final|record|game|match|set|sets|"
    r"margin|vote|votes|voted|ruling|ruled|decision|verdict|improved|fell|dropped|moved)\b", re.I)
_MONTH_WORD = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
               r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?")
_DATE_BEFORE = re.compile(rf"\b{_MONTH_WORD}\s*$", re.I)
_DATE_AFTER = re.compile(rf"^\s*(?:(?:st|nd|rd|th)\b|(?:of\s+)?{_MONTH_WORD})", re.I)
_BASE_UNIT = {"length": "m", "speed": "km/h", "area": "m2", "mass": "kg", "duration": "s", "volume": "l",
              "temperature": "°C", "points": "points", "power": "W"}


@dataclass(frozen=True)
class Figure:
    """A figure as written, read as an interval of possible true values in its base unit."""

    start: int
    end: int
    text: str
    value: float  # in the base unit of `dimension` (metres, seconds, kg, ...), or the raw number
    lo: float
    hi: float
    hedge: str  # exact | at_least | more_than | at_most | less_than | approx | nearly | only | range
    dimension: str | None = None  # length | speed | area | mass | duration | volume | temperature | points
    currency: str | None = None
    percent: bool = False
    rounded: bool = False  # written round ("1.4 million", "28,000"): stands for a range
    score: tuple[int, int] | None = None  # "3-1"
    unit: str | None = None  # the unit as written, singular ("mile")
    amount: float | None = None  # the number in the written unit (5 for "5 miles")
    half: float = 0.0  # half a unit of the last digit written, in the base unit (for conversions)

    @property
    def tally(self) -> bool:
        """A reported count rather than a bound or an estimate: '74', 'at least 74', 'only two'."""
        return self.hedge in ("exact", "at_least", "only") and not self.rounded and self.score is None

    @property
    def measure(self) -> tuple:
        """What kind of quantity this is; figures of different measures do not compare."""
        return (self.dimension, self.currency, self.percent, self.score is not None)

    def normalized(self) -> str:
        """A comparable form in the unit as written: '>=74', '~1,400,000 [1,350,000-1,450,000]', '=5 mile'."""
        if self.score == ALL_FOR:
            return "unanimous"
        if self.score:
            return f"{self.score[0]}-{self.score[1]}"
        factor = (self.value / self.amount) if self.amount else 1.0
        suffix = "%" if self.percent else (f" {self.currency}" if self.currency else "")
        if self.unit:
            suffix += f" {self.unit}"
        shown = self.amount if self.amount is not None else self.value
        prefix = {"exact": "=", "only": "=", "at_least": ">=", "more_than": ">", "at_most": "<=",
                  "less_than": "<"}.get(self.hedge)
        if prefix and not self.rounded:
            return f"{prefix}{_fmt(shown)}{suffix}"
        lo, hi = (self.lo / factor, self.hi / factor) if factor and self.dimension != "temperature" else (self.lo, self.hi)
        return f"~{_fmt(shown)}{suffix} [{_fmt(lo)}-{_fmt(hi)}]"


def _fmt(x: float) -> str:
    if math.isinf(x):
        return "inf"
    return f"{int(x):,}" if x == int(x) else f"{x:,.3f}".rstrip("0").rstrip(".")


def parse_number(token: str) -> float | None:
    """'1,200' -> 1200; 'twenty-five' -> 25; 'a dozen' -> 12; 'two-and-a-half' -> 2.5; None when not a number."""
    t = re.sub(r",\s?", "", token.lower()).strip()
    if t in ("three-quarter", "three-quarters", "half", "quarter"):
        return {"three-quarter": 0.75, "three-quarters": 0.75, "half": 0.5, "quarter": 0.25}[t]
    half = re.fullmatch(r"(.+?)[- ]and[- ]a[- ]half", t)
    if half:
        whole = parse_number(half.group(1))
        return None if whole is None else whole + 0.5
    if re.fullmatch(r"\d+(?:\.\d+)?|\.\d+", t):
        return float(t)
    if t in NUMBER_WORDS:
        return float(NUMBER_WORDS[t])
    parts = re.split(r"[- ]", t)
    if len(parts) == 2 and all(p in NUMBER_WORDS for p in parts):
        a, b = NUMBER_WORDS[parts[0]], NUMBER_WORDS[parts[1]]
        if a >= 20 and a % 10 == 0 and b < 10:
            return float(a + b)  # twenty-five
        if b == 100:
            return float(a * 100)  # two hundred
    return None


def _half_unit(num: str, factor: float) -> float:
    """Half the place value of the last significant digit as written ('1.4' million -> 50,000)."""
    digits = re.sub(r",\s?", "", num)
    if not re.fullmatch(r"\d+(?:\.\d+)?|\.\d+", digits):
        return 0.5 * factor
    if "." in digits:
        return 0.5 * 10 ** -len(digits.split(".")[1]) * factor
    zeros = len(digits) - len(digits.rstrip("0"))
    return 0.5 * 10**zeros * factor


def hedge_interval(value: float, hedge: str) -> tuple[float, float]:
    spread = max(0.1 * abs(value), 1.0) if abs(value) < 100 else 0.1 * abs(value)
    return {
        "exact": (value, value), "only": (value, value), "at_least": (value, math.inf),
        "more_than": (value + 1e-9, math.inf), "at_most": (0.0, value), "less_than": (0.0, value - 1e-9),
        "nearly": (value - spread * 1.5, value), "approx": (value - spread, value + spread),
    }[hedge]


def _unit_key(text: str) -> str:
    return re.sub(rf"^(?:{_UNIT_MODIFIER})\s", "", text.strip(" -").lower())


def _to_base(amount: float, unit: str) -> float:
    if unit in ("°f", "degrees fahrenheit", "fahrenheit", "f"):
        return (amount - 32) * 5 / 9
    return amount * UNITS[unit][1] if unit in UNITS else amount


def _skip_figure(text: str, m: re.Match) -> bool:
    num = m.group("num")
    after = text[m.end("num") : m.end("num") + 14]
    if num[0].isdigit() and not (m.group("cur") or m.group("unit") or m.group("pct")):
        if _DATE_BEFORE.search(text[max(0, m.start() - 12) : m.start()]) or _DATE_AFTER.match(after):
            return True  # "Oct. 7", "7 October", "13th"
    if re.fullmatch(r"\d{4}", num) and 1800 <= int(num) <= 2100 and not (m.group("cur") or m.group("pct")
                                                                          or m.group("unit") or m.group("scale")):
        return True  # a year
    if not num[0].isdigit() and (re.match(r"-(?:and|on|for|to|in)-", after, re.I)
                                 or re.search(r"-(?:and|on|for|to|in)-$", text[max(0, m.start() - 5) : m.start()], re.I)):
        return True  # a term, not a count: "a three-and-out", "one-on-one", "two-for-one", "one-in-four"
    if re.match(r"\s*(?::\d|[ap]\.?\s?m\.?(?!\w))", after, re.I):
        return True  # a time of day: "3:30", "3 a.m."
    if num[0].isdigit() and not (m.group("cur") or m.group("pct") or m.group("unit") or m.group("scale")) \
            and _designation(text, m.start(), m.end("num")):
        return True  # a designation, not a count: "AK-47", "F-16", "MH17", "Covid-19", "six AK 47 rifles"
    return False


def _designation(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 24) : start]
    if re.search(r"(?<![\w.])[A-Za-z]{1,10}-$|(?<![\w.])[A-Z]{1,4}$", before):
        return True  # "AK-47", "Covid-19", "MH17"
    if re.match(r"[A-Za-z]", text[end : end + 1]) and not re.match(r"(?:st|nd|rd|th|s)\b", text[end : end + 3]):
        return True  # "737MAX", "3D"
    spaced = re.search(r"(\w+)\s+[A-Z]{1,4}\s$", before)  # "six AK 47 rifles": a count stands before the name
    return bool(spaced and parse_number(spaced.group(1)) is not None)


_NO_ONE = re.compile(r"(?<![\w-])no[\s-]one\b", re.I)
_NOT_PLURAL = r"(?:as|is|was|has|his|its|this|thus|us|plus|less|unless|across|whereas)"  # end in s, count nothing


def _score_at(text: str, m: re.Match) -> bool:
    """'N-M' is a score or a won-lost record unless it is an ascending range of something counted."""
    a, b = int(m["a"]), int(m["b"])
    after = text[m.end() : m.end() + 25]
    counted = re.match(rf"\s*(?:{_UNIT_ALT}|(?!{_NOT_PLURAL}\b)[a-z]+s)\b", after, re.I) and not re.match(
        r"\s*(?:wins?|victory|lead|loss|losses|defeat|draw|vote|votes|decision|ruling|record)\b", after, re.I)
    if a > b and not counted:
        return True  # a range runs upwards: "58-3" is a record
    if re.search(r"\b[A-Z][\w'’.-]*\s\($", text[: m.start()]) and text[m.end() : m.end() + 1] in (")", ","):
        return True  # in brackets after a name: a record or a vote, "the Chiefs (2-13)", "the Senate (41-59)"
    return bool(_SCORE_CONTEXT.search(text[max(0, m.start() - 60) : m.end() + 40])) and not counted


def find_figures(text: str, *, offset: int = 0) -> list[Figure]:
    """Every figure in `text`, with hedge, unit, currency and score; offsets are `offset` + position."""
    found: list[Figure] = []
    taken: list[tuple[int, int]] = []
    for m in _HEIGHT.finditer(text):  # "5-foot-8"
        metres = int(m["ft"]) * 0.3048 + int(m["inch"]) * 0.0254
        found.append(Figure(offset + m.start(), offset + m.end(), m.group(), metres, metres, metres, "exact",
                            dimension="length", unit="foot-inch", amount=None, half=0.0127))
        taken.append((m.start(), m.end()))
    for m in _SCORE.finditer(text):
        if any(s <= m.start() < e for s, e in taken) or not _score_at(text, m):
            continue
        a, b = int(m["a"]), int(m["b"])
        found.append(Figure(offset + m.start(), offset + m.end(), m.group(), float(max(a, b)), max(a, b), max(a, b),
                            "exact", score=(a, b)))
        taken.append((m.start(), m.end()))
    for m in _NO_ONE.finditer(text):  # "no one was hurt": none, not one
        found.append(Figure(offset + m.start(), offset + m.end(), m.group(), 0.0, 0.0, 0.0, "exact"))
        taken.append((m.start(), m.end()))
    for m in _UNANIMOUS.finditer(text):
        found.append(Figure(offset + m.start(), offset + m.end(), m.group(), 0.0, 0.0, 0.0, "exact", score=ALL_FOR))
        taken.append((m.start(), m.end()))
    for m in _COMPOUND_DURATION.finditer(text):
        a, b = parse_number(m["a"]), parse_number(m["b"])
        if a is None or b is None:
            continue
        seconds = a * UNITS[m["ua"].lower()][1] + b * UNITS[m["ub"].lower()][1]
        found.append(Figure(offset + m.start(), offset + m.end(), m.group(), seconds, seconds, seconds, "exact",
                            dimension="duration", unit="second", amount=seconds, half=0.5 * UNITS[m["ub"].lower()][1]))
        taken.append((m.start(), m.end()))
    for m in _VAGUE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        lo, hi = VAGUE[m["vague"].lower()]
        found.append(Figure(offset + m.start(), offset + m.end("vague"), m["vague"], (lo + hi) / 2, lo, hi, "range",
                            rounded=True))
        taken.append((m.start(), m.end("vague")))
    for m in _FRACTION.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        pct = FRACTIONS[m["frac"].lower()]
        hedge_match = HEDGE_RE.search(text[max(0, m.start() - 24) : m.start()])
        hedge = HEDGE_KIND.get(hedge_match.group(0).strip().lower(), "approx") if hedge_match else "approx"
        start = m.start() - (len(hedge_match.group(0)) if hedge_match else 0)
        lo, hi = hedge_interval(pct, hedge) if hedge != "approx" else (pct - 2.5, pct + 2.5)
        found.append(Figure(offset + start, offset + m.end(), text[start : m.end()], pct, lo, hi, hedge, percent=True))
        taken.append((m.start(), m.end()))
    masked = text
    for s, e in taken:  # a height or a score is read; what follows it is read on its own, also after a comma
        # that lost its space ("5-foot-8,135 pounds")
        e += int(masked[e : e + 1] == "," and masked[e + 1 : e + 2].isdigit())
        masked = masked[:s] + " " * (e - s) + masked[e:]
    for m in _FIGURE.finditer(masked):
        if _skip_figure(text, m):
            continue
        figure = _figure_from_match(text, m, offset)
        if figure is not None:
            found.append(figure)
    return _misspelt_units(text, _suspended(text, sorted(found, key=lambda f: f.start), offset), offset)


_NEXT_WORD = re.compile(r"\s([a-z]{3,12})\b")
MIN_MISSPELT_UNIT = 5  # letters of a unit name a dropped letter may be told in ('mils' for 'miles'; not 'km')


def misspelt_unit(word: str) -> str | None:
    """The unit a word misspells by one dropped letter ('mils' -> 'miles', 'kilometrs' -> 'kilometres'), when
    the word is no English word itself ('ponds', 'tones' are words, and stay them); else None."""
    if known_word(word) or word in UNITS:
        return None
    for unit in UNITS:
        if len(unit) == len(word) + 1 >= MIN_MISSPELT_UNIT and unit.isalpha() \
                and any(unit[:i] + unit[i + 1 :] == word for i in range(len(unit))):
            return unit
    return None


def _misspelt_units(text: str, found: list[Figure], offset: int) -> list[Figure]:
    """A count followed by a unit misspelt ('twenty-six mils north of Santa Rosa') is that measure, its
    words as written."""
    out = list(found)
    for i, f in enumerate(found):
        after = _NEXT_WORD.match(text, f.end - offset)
        unit = misspelt_unit(after[1]) if after and f.dimension is None and not f.currency and not f.percent \
            and not f.score else None
        if unit is None:
            continue
        phrase = f"{f.text} {unit}"
        m = _FIGURE.match(phrase)
        read = _figure_from_match(phrase, m, 0) if m else None
        if read is not None and read.dimension:
            end = after.end(1)
            out[i] = replace(read, start=f.start, end=offset + end, text=text[f.start - offset : end])
    return out


_SUSPENDED = re.compile(r"\s?-\s?(?:and|or|to)\s")  # 'the 11- and 13-inch models', 'two- or three-year terms'


def _suspended(text: str, found: list[Figure], offset: int) -> list[Figure]:
    """A number whose hyphen hangs on the next figure's unit takes that unit ('the 11-and 13-inch models' are
    11 inches and 13 inches, not a count of 11)."""
    out = list(found)
    for i, (f, g) in enumerate(zip(found, found[1:])):
        gap = text[f.end - offset : g.start - offset]
        if f.dimension is None and not f.currency and g.dimension and g.unit and _SUSPENDED.fullmatch(gap):
            phrase = f"{f.text} {g.unit}"
            m = _FIGURE.match(phrase)
            read = _figure_from_match(phrase, m, 0) if m else None
            if read is not None and read.dimension == g.dimension:
                out[i] = replace(read, start=f.start, end=f.end, text=f.text)
    return out


def _figure_from_match(text: str, m: re.Match, offset: int) -> Figure | None:
    number = parse_number(m.group("num"))
    if number is None:
        return None
    end = m.end()
    unit = _unit_key(m.group("unit") or "")
    if unit in ("c", "f") and not m.group("num")[0].isdigit():
        unit, end = "", m.end("num")  # "two F-16 jets": a bare letter is a unit only after digits ("40C", "104 F")
    scale_word = re.sub(r"[\s-]", "", m.group("scale") or "").lower()
    if scale_word in _SHORT_SCALES and not m.group("cur"):
        if scale_word != "m" or unit:
            return None  # "5b": not a figure we can read
        scale_word, unit = "", "m"  # "600m" with no currency: metres
    factor = SCALES.get(scale_word) or _SHORT_SCALES.get(scale_word, 1.0) if scale_word else 1.0
    currency = CURRENCY_SIGNS.get(m.group("cur").lower()) if m.group("cur") else None
    if m.group("curword"):
        currency = CURRENCY_WORDS.get(m.group("curword").strip().lower())
    if unit in ("pound", "pounds"):
        unit, currency = ("", "GBP") if factor > 1 or currency else ("lb", currency)  # "5 million pounds"
    dimension = UNITS[unit][0] if unit in UNITS else None
    hedge_match = HEDGE_RE.search(text[max(0, m.start() - 24) : m.start()])
    hedge = HEDGE_KIND.get(hedge_match.group(0).strip().lower(), "exact") if hedge_match else "exact"
    start = m.start() - (len(hedge_match.group(0)) if hedge_match else 0)
    amount = number * factor
    value = _to_base(amount, unit) if dimension else amount
    unit_factor = UNITS[unit][1] if dimension and dimension != "temperature" else 1.0
    half = _half_unit(m.group("num"), factor * unit_factor) if m.group("num")[0].isdigit() else 0.5 * unit_factor
    lo, hi = hedge_interval(value, hedge)
    rounded = False
    if m.group("num2"):
        second = parse_number(m.group("num2")) or number
        lo, hi = sorted((_to_base(number * factor, unit) if dimension else number * factor,
                         _to_base(second * factor, unit) if dimension else second * factor))
        hedge, value, amount = "range", (lo + hi) / 2, (number + second) / 2 * factor
    elif hedge in ("exact", "only", "at_least") and m.group("num")[0].isdigit() and (
            factor > 1 or (number >= 1000 and number % 1000 == 0)):
        rounded = True  # "1.4 million", "28,000": a round figure stands for a range
        lo, hi = value - half, (value + half if hedge != "at_least" else math.inf)
    shown_unit = unit.rstrip("s") if unit and not unit.endswith("ss") and unit not in ("km/h", "mph") else unit
    return Figure(offset + start, offset + end, text[start:end].strip(), value, lo, hi, hedge,
                  dimension=dimension, currency=currency, percent=bool(m.group("pct")), rounded=rounded,
                  unit=shown_unit or None, amount=amount if dimension else None, half=half if dimension else 0.0)


def parse_figure(text: str) -> Figure | None:
    """The first figure in a short phrase such as 'more than 28,000' or '$2.5 million'; a phrase that is
    only 'N-M' is read as a score ('3-1')."""
    bare = re.fullmatch(r"\s*(\d{1,3})\s?[-–]\s?(\d{1,3})\s*", text)
    if bare:
        a, b = int(bare[1]), int(bare[2])
        return Figure(bare.start(1), bare.end(2), text.strip(), float(max(a, b)), max(a, b), max(a, b), "exact",
                      score=(a, b))
    found = find_figures(text)
    return found[0] if found else None


def _same_score(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two scores or tallies in either order ('3-1' / '1-3'); a unanimous vote is any tally with none against
    ('7-0', not '7-2')."""
    if ALL_FOR in (a, b):
        return min(a) <= 0 and min(b) <= 0
    return sorted(a) == sorted(b)


_DECIMAL = re.compile(r"\d\.\d")  # a figure written to a decimal place


def _scale(f: Figure) -> float | str | None:
    """What one of a figure's units is worth in its dimension's base unit (its written name where unknown)."""
    if f.unit is None:
        return None
    known = UNITS.get(f.unit) or UNITS.get(f.unit + "s")
    return known[1] if known else f.unit


def figures_compatible(a: Figure, b: Figure) -> bool | None:
    """Can both figures be true of the same thing? None when they measure different kinds of thing
    (a percentage and a count, dollars and euros, miles and hours)."""
    if a.measure != b.measure:
        return None
    if a.score and b.score:
        return _same_score(a.score, b.score)
    if a.tally and b.tally and a.dimension is None:
        return math.isclose(a.value, b.value, rel_tol=1e-9)
    # 'm' / 'meters' / 'metres': one unit spelled three ways, nothing converted
    one_unit = a.unit == b.unit or (a.dimension != "temperature" and _scale(a) == _scale(b))
    slack = 0.0 if one_unit else a.half + b.half  # a conversion is only as exact as the figures written
    coarse = max(a, b, key=lambda f: f.half)
    if one_unit and a.dimension and _DECIMAL.search(coarse.text):
        slack = coarse.half  # '4.5 pounds' may be '4.46 pounds' rounded to the decimal it is written to
    return a.lo <= b.hi + slack + 1e-9 and b.lo <= a.hi + slack + 1e-9


def same_figure(a: Figure, b: Figure) -> bool:
    """Do two figures state the same number (hedges aside)? '74' and 'at least 74' do; '5 miles' and
    '8 km' do, within the precision they are written to."""
    if a.measure != b.measure:
        return False
    if a.score and b.score:
        return _same_score(a.score, b.score)
    if a.dimension and a.unit != b.unit:
        return abs(a.value - b.value) <= a.half + b.half + 1e-9
    return math.isclose(a.value, b.value, rel_tol=1e-9, abs_tol=1e-9)


def figures_missing(text: str, cited: list[str]) -> list[str]:
    """Figures `text` states (number words included) that none of the `cited` texts states."""
    stated = [g for c in cited for g in find_figures(c)]
    return [f.text for f in find_figures(text) if not any(same_figure(f, g) or _same_number(f, g) for g in stated)]


# ---------------------------------------------------------------------------------------------- dates

_TIME = re.compile(
    r"\b(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ampm>a\.?\s?m\.?|p\.?\s?m\.?)(?!\w)|\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>\d{2})\b"
    r"|\b(?P<word>noon|midday|midnight)\b", re.I)


@dataclass(frozen=True)
class When:
    """A day, weekday or time of day named in text."""

    start: int
    end: int
    text: str
    iso: str | None = None
    weekday: str | None = None
    time: str | None = None  # HH:MM
    statement: bool = False  # dates a statement ("said Tuesday"), not an event
    month_day: str | None = None  # "MM-DD" of a written date, known even without a year
    bound: str | None = None  # "by" (at or before: "by 7 a.m.") | "before" / "after" ("shortly after 3:30": near it)
    period: str | None = None  # "YYYY" or "YYYY-MM": a year or a month named without its day ("in 2009", "April 2007")
    either_half: bool = False  # a clock time written without a.m. or p.m. ("at 6:41 last night"): 06:41 or 18:41
    zone: tuple[int, ...] = ()  # its written time zone's offsets from UTC in winter and summer ("4:30 p.m. ET")

    def normalized(self) -> str:
        parts = [p for p in (self.iso, self.period, self.weekday.title() if self.weekday else None, self.time) if p]
        return " ".join(parts)


def find_times_of_day(text: str, *, offset: int = 0) -> list[When]:
    out = []
    for m in _TIME.finditer(text):
        either = False  # "6:41" with no a.m. or p.m. (not "06:41", "18:41"): either half of the day
        if m["word"]:
            hhmm = "00:00" if m["word"].lower() == "midnight" else "12:00"
        elif m["h24"] is not None:
            hhmm = f"{int(m['h24']):02d}:{m['m24']}"
            either = not m["h24"].startswith("0") and 1 <= int(m["h24"]) <= 12
        else:
            h = int(m["h"]) % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
            if int(m["h"]) > 12:
                continue
            hhmm = f"{h:02d}:{m['m'] or '00'}"
        bound = _bound_before(text, m.start(), _BOUNDS)
        zone = _ZONE.match(text, m.end())  # '4:30 p.m. ET': the zone is part of the time
        end = zone.end() if zone else m.end()
        out.append(When(offset + m.start(), offset + end, text[m.start() : end], time=hhmm, bound=bound,
                        either_half=either and not zone,  # '10:00 GMT' is the 24-hour clock
                        zone=ZONES[zone["zone"]] if zone else ()))
    return out


# Time zones as news writes them after a clock time, with their offsets from UTC in minutes in winter and in
# summer: the North American ones are often written without saying whether summer time is on ('1:30 p.m. PST'
# in January is Pacific time either way), so each holds both; two zones are read in one season. 'IST' (India
# or Ireland) and 'CST' outside America are left out.
ZONES = {
    **{z: (-300, -240) for z in ("ET", "EST", "EDT")}, **{z: (-360, -300) for z in ("CT", "CST", "CDT")},
    **{z: (-420, -360) for z in ("MT", "MST", "MDT")}, **{z: (-480, -420) for z in ("PT", "PST", "PDT")},
    "GMT": (0, 0), "UTC": (0, 0), "BST": (60, 60), "CET": (60, 60), "CEST": (120, 120), "EET": (120, 120),
    "EEST": (180, 180), "MSK": (180, 180), "JST": (540, 540), "AEST": (600, 600), "AEDT": (660, 660),
    "HST": (-600, -600), "AKST": (-540, -480), "AKDT": (-540, -480),
}
_ZONE = re.compile(r"\s*(\()?(?P<zone>" + "|".join(ZONES) + r")\b(?(1)\))")  # '4:30 p.m. ET', '16:00 (GMT)'


def _bound_patterns(words_by_bound: dict[str, str]) -> dict[str, re.Pattern]:
    return {bound: re.compile(rf"\b(?:{words})\s+(?:(?:about|around|roughly|shortly|just|soon)\s+)?$")
            for bound, words in words_by_bound.items()}


def _bound_before(text: str, start: int, patterns: dict[str, re.Pattern]) -> str | None:
    """The bound the words before `start` make of the time there ('by 7 a.m.', 'shortly after 3:30'), if any."""
    before = text[max(0, start - 30) : start].lower()
    return next((b for b, pattern in patterns.items() if pattern.search(before)), None)


_BOUNDS = _bound_patterns({"by": "by|until|till", "before": "before", "after": "after|since"})
# A day is a limit after these ('since Monday' names the day something began: that day, compared as one)
_DAY_BOUNDS = _bound_patterns({"by": "by|until|till", "before": "before", "after": "after"})
NEAR_BOUND = 60  # minutes: "shortly after 2 a.m." is not 3:15 a.m.; "before 6:30" is not 4:30


def find_whens(text: str, *, offset: int = 0, anchor: date | None = None) -> list[When]:
    """Dates, weekdays and times of day in `text`, dates resolved against `anchor` where possible."""
    out = []
    for t in find_times(text, offset=offset, anchor=anchor):
        bound = _bound_before(text, t.start - offset, _DAY_BOUNDS)
        out.append(replace(_when(t), bound=bound))  # 'by Saturday', 'until Friday': a limit, not the day
    out += find_times_of_day(text, offset=offset)
    return sorted(out, key=lambda w: w.start)


def _when(t: TimeRef) -> When:
    return When(t.start, t.end, t.text, iso=t.iso, weekday=t.weekday, statement=t.statement, month_day=t.month_day,
                period=t.period)


ROUNDED_HOUR_SLACK = 15  # minutes: "7 p.m." is how outlets round "7:01 p.m." or "6:50 p.m."


def times_compatible(x: str, y: str) -> bool:
    """Two times of day (HH:MM) that can name one moment: the same, or one given on the hour ("3 p.m.") and the
    other within a quarter of an hour of it. Times given to the minute ("3:30" / "3:33") are exact."""
    if x == y:
        return True
    mx, my = (int(t[:2]) * 60 + int(t[3:5]) for t in (x, y))
    gap = min(abs(mx - my), 24 * 60 - abs(mx - my))
    return (mx % 60 == 0 or my % 60 == 0) and gap <= ROUNDED_HOUR_SLACK


def _bounded_times_compatible(a: When, b: When) -> bool:
    """Times of day where one or both are bounds: 'by 7 a.m.' holds for anything up to 7; 'shortly after
    3:30' and 'before 6:30' for the hour on their side of the time."""
    def window(w: When) -> tuple[int, int]:
        m = int(w.time[:2]) * 60 + int(w.time[3:5])
        return {"by": (0, m), "before": (m - NEAR_BOUND, m), "after": (m, m + NEAR_BOUND)}.get(w.bound, (m, m))
    if times_compatible(a.time, b.time):
        return True
    (lo_a, hi_a), (lo_b, hi_b) = window(a), window(b)
    return lo_a <= hi_b and lo_b <= hi_a


ZONE_GAP_HOURS = 9  # the hours between the zones one story is told in (London and California: 8)


def _whole_hours_apart(x: str, y: str) -> float:
    """How many whole hours apart two clock times are, round the clock (infinity when not a whole number)."""
    gap = abs(int(x[:2]) * 60 + int(x[3:5]) - int(y[:2]) * 60 - int(y[3:5]))
    gap = min(gap, 24 * 60 - gap)
    return gap // 60 if gap % 60 == 0 else math.inf


def _shifted(hhmm: str, minutes: int) -> str:
    """A clock time moved by some minutes, round the clock: ('13:30', 180) -> '16:30'."""
    m = (int(hhmm[:2]) * 60 + int(hhmm[3:5]) + minutes) % (24 * 60)
    return f"{m // 60:02d}:{m % 60:02d}"


def _halves(w: When) -> list[When]:
    """A clock time as each half of the day it may be in (one, unless written without a.m. or p.m.)."""
    if not w.either_half:
        return [w]
    h = int(w.time[:2]) % 12
    return [replace(w, time=f"{h + half:02d}{w.time[2:]}", either_half=False) for half in (0, 12)]


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b|'\d\d\b")


def read_by_name(a: When, b: When) -> bool:
    """Are two dates compared by the day they name, not by the day each article's date resolves them to: two
    weekdays ('Tuesday' / 'Tuesday', whatever week each story ran), or two days written without a year ('April 9'
    / 'April 9', whichever year)?"""
    if not a.month_day and not b.month_day:
        return bool(a.weekday and b.weekday)
    return bool(a.month_day and b.month_day) and not (_YEAR.search(a.text) or _YEAR.search(b.text))


def whens_compatible(a: When, b: When) -> bool | None:
    """Can both name the day (or time) of one event? None when they are not comparable."""
    if a.time or b.time:
        if not (a.time and b.time):
            return None
        if a.either_half or b.either_half:  # "6:41" holds for 6:41 a.m. and for 6:41 p.m.
            return any(whens_compatible(x, y) for x in _halves(a) for y in _halves(b))
        if a.zone and b.zone:  # '4:30 p.m. ET' / '1:30 p.m. PST': one moment, read in one zone
            return any(whens_compatible(replace(a, zone=()), replace(b, zone=(), time=_shifted(b.time, za - zb)))
                       for za, zb in zip(a.zone, b.zone))
        if (a.zone or b.zone) and not (a.either_half or b.either_half) and not times_compatible(a.time, b.time) \
                and _whole_hours_apart(a.time, b.time) <= ZONE_GAP_HOURS:
            return None  # '4:30 p.m. ET' / '3:30 p.m.': whole hours apart, and one of the zones unknown
        return _bounded_times_compatible(a, b) if a.bound or b.bound else times_compatible(a.time, b.time)
    if (a.bound or b.bound) and a.bound != b.bound:
        return None  # 'By Saturday, 6,000 sites had been infected' / 'on Monday': a limit is not the day
    if a.period or b.period:  # a month or a year holds its days: "April 2007" and "April 3, 2007" agree
        x, y = a.period or (a.iso if a.month_day else None), b.period or (b.iso if b.month_day else None)
        return periods_agree(x, y) if x and y else None
    if read_by_name(a, b):
        return a.month_day == b.month_day if a.month_day else a.weekday == b.weekday
    if a.iso and b.iso:
        return a.iso == b.iso
    if a.month_day and b.month_day:
        return a.month_day == b.month_day
    if a.weekday and b.weekday:
        return a.weekday == b.weekday
    return None


def parse_when(text: str, *, anchor: date | None = None) -> When | None:
    """A label or model value: '2024-02-14', 'Tuesday', 'Feb. 14', '14:30', '3 p.m.'."""
    found = find_whens(text, anchor=anchor)
    if found:
        return found[0]
    wd = text.strip().lower()
    return When(0, len(text), text, weekday=wd) if wd in WEEKDAYS else None


# ---------------------------------------------------------------------------------------------- names

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‛": "'", "—": "-", "–": "-", "\u00a0": " "})


_TITLES = {"mr", "mrs", "ms", "dr", "sir", "lord", "lady", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt",
           "sgt", "the", "jr", "sr", "st"}


def name_tokens(name: str) -> list[str]:
    """Lower-case words of a name without accents, titles or initials: 'Dr. José A. Ruiz' -> ['jose', 'ruiz']."""
    plain = unicodedata.normalize("NFKD", name.translate(_QUOTES)).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z][a-z'-]*", plain)
    return [w.strip("'-").removesuffix("'s") for w in words if len(w.strip(".")) > 1 and w not in _TITLES]


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


@lru_cache(maxsize=65536)
def compare_names(a: str, b: str) -> str:
    """'same' (one name, perhaps shortened: 'Maurice Cheeks' / 'Cheeks'), 'variant' (the same name spelled
    two ways: 'Jon Smith' / 'John Smith', 'Kiev' / 'Kyiv'), or 'different'."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return "different"
    if letters(a) == letters(b):
        return "same"  # 'T-Mobile' / 'T Mobile', 'Jean-Luc Moreau' / 'Jean Luc Moreau': one name, joined two ways
    if ta == tb or set(ta) <= set(tb) or set(tb) <= set(ta):
        return "same"
    if ta[-1] == tb[-1] and len(ta) == len(tb) == 2:
        if _short_form(ta[0], tb[0]):
            return "same"  # 'Steve Einhorn' / 'Steven Einhorn': one first name cut short
        if _close(ta[0], tb[0]):
            return "variant"  # one first name spelled two ways: 'Jon' / 'John', 'Leslie' / 'Lesley'
        if _pet_form(ta[0], tb[0]) or _pet_form(tb[0], ta[0]):
            return "same"  # 'Katie Jenkin' / 'Kathryn Jenkin': one first name and its pet form
        return "different"  # first names differ
    if len(ta) == len(tb) and all(_close(x, y) for x, y in zip(ta, tb)):
        return "variant"
    return "different"


def _short_form(x: str, y: str) -> bool:
    """Is one first name the other cut short ('Steve' / 'Steven', 'Phil' / 'Philip')?"""
    short, full = sorted((x, y), key=len)
    return len(short) >= 3 and len(full) > len(short) and full.startswith(short)


def _pet_form(short: str, full: str) -> bool:
    """Is `short` the English pet form of `full`: its stem and the ending -ie ('Katie' / 'Kathryn', 'Ronnie' /
    'Ronald'), or a doubled consonant and -y ('Danny' / 'Daniel', 'Jenny' / 'Jennifer')? A name that merely ends in
    -y ('Mary' / 'Marcus') is not one."""
    if short.endswith("ie"):
        stem = short[:-2]
    elif len(short) >= 4 and short.endswith("y") and short[-2] == short[-3]:
        stem = short[:-2]
    else:
        return False
    if len(stem) >= 3 and stem[-1] == stem[-2]:
        stem = stem[:-1]  # 'Eddie' -> 'ed'
    return len(stem) >= 2 and full.startswith(stem) and full != short


def letters(name: str) -> str:
    """A name's letters alone, folded: how its words are joined (a hyphen, a space, a dot) is not its spelling."""
    return re.sub(r"[^a-z0-9]", "", unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower())


def _close(x: str, y: str) -> bool:
    limit = 1 if max(len(x), len(y)) <= 5 else 2
    return edit_distance(x, y) <= limit


# ---------------------------------------------------------------------------------------------- text



def plain(text: str) -> str:
    """Case, accents, quote and dash style and runs of space do not change what a text says."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip().lower()


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", plain(text)).encode("ascii", "ignore").decode()


def phrase_in(phrase: str, text: str) -> bool:
    """`phrase` occurs in `text` as whole words (case, accents, quotes and spacing ignored)."""
    p = _fold(phrase)
    return bool(p) and re.search(rf"(?<!\w){re.escape(p)}(?!\w)", _fold(text)) is not None


def value_in_text(value: str, text: str, *, kind: str | None = None, anchor: date | None = None) -> bool:
    """Does `text` state `value`? Figures compare as figures ('two' = 2, '$2.5m' = '$2.5 million'), dates
    as days or weekdays, names by their words, anything else as a phrase."""
    value = str(value).strip()
    if not value:
        return True
    if kind in (None, "number"):
        wanted = parse_figure(value)
        if wanted is not None:
            return any(same_figure(wanted, f) or _same_number(wanted, f) for f in find_figures(text))
    if kind in (None, "date"):
        when = parse_when(value)  # a value says what it says; only the text is read against its article's date
        if when is not None:
            return any(_when_states(when, w) for w in find_whens(text, anchor=anchor))
    if kind == "name":
        return phrase_in(value, text) or all(phrase_in(t, text) for t in name_tokens(value))
    return phrase_in(value, text)


def _same_number(wanted: Figure, f: Figure) -> bool:
    """A bare number in a label ('90') is stated by '90 days' or '$90': the label did not name a unit."""
    bare = wanted.dimension is None and wanted.currency is None and not wanted.percent and wanted.score is None
    if not bare or f.score:
        return False
    raw = re.search(r"\d[\d,]*(?:\.\d+)?", f.text)
    numbers = {f.value}
    if raw:
        numbers.add(float(raw.group().replace(",", "")))
    words = [w for w in re.findall(r"[a-z]+(?:-[a-z]+)?", f.text.lower()) if parse_number(w) is not None]
    numbers |= {parse_number(w) for w in words}
    return any(math.isclose(wanted.value, n, rel_tol=1e-9) for n in numbers if n is not None)


def _when_states(wanted: When, got: When) -> bool:
    if wanted.time:
        return got.time == wanted.time
    if wanted.period:
        return got.period == wanted.period
    if wanted.iso:
        if got.iso:
            return got.iso == wanted.iso
        if got.month_day:
            return got.month_day == wanted.iso[5:]
        return got.weekday == wanted.weekday and got.weekday is not None
    if wanted.month_day:
        return (got.month_day or (got.iso or "")[5:]) == wanted.month_day
    return got.weekday == wanted.weekday


def same_value(value: str, reported: str, *, kind: str, anchor: date | None = None) -> bool:
    """Does a reported value (an engine's side: 'value | normalized') say what a labelled value says?"""
    if kind == "name":
        return any(compare_names(value, part) == "same" for part in reported.split(" | ") if part.strip())
    if kind == "number":
        wanted = parse_figure(value)
        parts = [parse_figure(p) for p in reported.split(" | ")]
        if wanted is not None and any(p is not None and same_figure(wanted, p) for p in parts):
            return True
    return value_in_text(value, reported, kind=kind, anchor=anchor)


# ---------------------------------------------------------------------------------------------- support

_NAME_WORD = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*\b")
_NOT_NAMES = set(WEEKDAYS) | {"january", "february", "march", "april", "may", "june", "july", "august",
                              "september", "october", "november", "december", "reports", "the", "a", "an", "but",
                              "and", "in", "on", "at", "for", "he", "she", "it", "they", "we", "i", "mr", "mrs",
                              "ms", "dr"}


def proper_names(text: str) -> set[str]:
    """Capitalised words inside a sentence (not its first word): the who and where it names."""
    words = set()
    for m in _NAME_WORD.finditer(text):
        w = m.group()
        if m.start() == 0 or w.lower() in _NOT_NAMES:
            continue
        words.add(w)
    return words


def _name_carried(name: str, text: str) -> bool:
    stem = name.lower()[: max(4, min(len(name), 5))]
    return re.search(rf"\b{re.escape(stem)}", text, re.I) is not None


MIN_SHARED_WORDS = 0.3  # share of a claim's content words a supporting sentence must also use


def content_words(text: str) -> set[str]:
    from factcheck.copies import STOPWORDS
    from factcheck.lexicon import stem

    return {stem(w) for w in re.findall(r"[A-Za-z][A-Za-z'’-]+", text) if w.lower() not in STOPWORDS and len(w) > 2}


def joint_support_problems(claim: str, cited: list[tuple[str, date | None]], *, outlets: str = "") -> list[str]:
    """Why a sentence drawn from several sources is not supported by them together: a figure, date or name
    that none of the cited sentences carries (naming an outlet, to attribute, needs no citation), or a
    citation that shares nothing with the sentence."""
    problems = []
    texts = [text for text, _ in cited]
    for missing in figures_missing(claim, texts):
        problems.append(f"figure '{missing}' is in none of the cited sentences")
    whens = [w for text, anchor in cited for w in find_whens(text, anchor=anchor)]
    for w in find_whens(claim):
        if not w.statement and not any(whens_compatible(w, c) for c in whens):
            problems.append(f"date '{w.text}' is in none of the cited sentences")
    for name in sorted(proper_names(claim)):
        if not any(_name_carried(name, text) for text in [*texts, outlets]):
            problems.append(f"name '{name}' is in none of the cited sentences")
    words = content_words(claim)
    for i, text in enumerate(texts):
        if words and not (words & content_words(text)):
            problems.append(f"citation {i + 1} shares no words with the sentence")
    return problems


def support_problems(claim: str, cited: str, *, anchor: date | None = None, cited_anchor: date | None = None,
                     min_shared: float = MIN_SHARED_WORDS) -> list[str]:
    """Why `cited` does not state what `claim` states: figures, dates and names of the claim that the cited
    sentence lacks or contradicts, or too few shared words to be about the same thing. Empty when the cited
    sentence carries them all."""
    problems = []
    words = content_words(claim)
    shared = words & content_words(cited)
    if words and len(shared) < max(1.0, min_shared * len(words)):
        problems.append(f"shares {len(shared)} of the claim's {len(words)} content words")
    # each figure written once (a list of scores repeats a few hundred times): the check stays near-linear
    cited_figures = list({g.text: g for g in find_figures(cited)}.values())
    for f in {f.text: f for f in find_figures(claim)}.values():
        if not any(same_figure(f, g) or (figures_compatible(f, g) and f.tally is False and g.tally is False)
                   for g in cited_figures):
            problems.append(f"figure '{f.text}' is not in the cited sentence")
    cited_whens = find_whens(cited, anchor=cited_anchor)
    for w in find_whens(claim, anchor=anchor):
        if w.statement:
            continue
        if not any(whens_compatible(w, c) for c in cited_whens):
            problems.append(f"date '{w.text}' is not in the cited sentence")
    for name in sorted(proper_names(claim)):
        if not _name_carried(name, cited):
            problems.append(f"name '{name}' is not in the cited sentence")
    return problems
