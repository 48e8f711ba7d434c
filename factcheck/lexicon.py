"""General-English word lists: hedges, number words, scales, future and reporting markers, loaded terms.
None is written for a particular article; tests exercise them on text written for them.

Words are matched on lower-cased stems (see `stem`), so "killed", "kills" and "killing" share "kill".
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path


_ES_AFTER_SIBILANT = re.compile(r"(?:s|x|z|ch|sh)es$")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude, deterministic suffix stripper: enough to fold inflections for overlap scoring."""
    w = word.lower().replace("’", "'").strip("'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ied", "edly", "ed", "es", "ly", "s"):
        if len(w) > len(suffix) + 2 and w.endswith(suffix):
            if suffix == "es" and not _ES_AFTER_SIBILANT.search(w):
                continue  # "hostages" -> "hostage" (via "s"), but "crashes" -> "crash"
            w = w[: -len(suffix)]
            if suffix in ("ies", "ied"):
                w += "y"
            break
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "ls":
        w = w[:-1]  # "stopp" -> "stop"
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]  # "rescue"/"rescued" -> "rescu"
    return w


# Hedges before a number -> interval kind. Order matters: longer phrases first.
HEDGES: list[tuple[str, str]] = [
    ("no fewer than", "at_least"), ("not less than", "at_least"), ("at least", "at_least"),
    ("a minimum of", "at_least"), ("as many as", "at_most"), ("no more than", "at_most"),
    ("not more than", "at_most"), ("at most", "at_most"), ("up to", "at_most"), ("a maximum of", "at_most"),
    ("more than", "more_than"), ("upwards of", "more_than"), ("in excess of", "more_than"), ("over", "more_than"),
    ("above", "more_than"), ("fewer than", "less_than"), ("less than", "less_than"), ("under", "less_than"),
    ("below", "less_than"), ("just under", "nearly"), ("nearly", "nearly"), ("almost", "nearly"),
    ("close to", "nearly"), ("approximately", "approx"), ("roughly", "approx"), ("around", "approx"),
    ("about", "approx"), ("some", "approx"), ("an estimated", "approx"), ("the estimated", "approx"),
    ("estimated", "approx"), ("circa", "approx"), ("an approximate", "approx"), ("only", "only"),
    ("just", "only"), ("a total of", "exact"), ("rose to", "exact"), ("risen to", "exact"),
    ("climbed to", "exact"), ("reached", "exact"),
]
HEDGE_RE = re.compile(r"(?:" + "|".join(re.escape(h) for h, _ in HEDGES) + r")\s*$", re.I)
HEDGE_KIND = dict(HEDGES)

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "a dozen": 12, "hundred": 100,
    "a hundred": 100, "a thousand": 1000,
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

# A date that something is expected to happen, not that it happened.
FUTURE = re.compile(r"\b(?:will|would|shall|expected to|plans? to|planned|scheduled|due(?: to| on)?|set (?:to|for)|set \w+ for|"
                    r"slated|to be|next|upcoming|starting|starts|begins|takes? effect|takes? office)\b[^.;]*$", re.I)

# Reporting verbs: a weekday right after one dates the statement, not the event.
REPORTING = re.compile(
    r"\b(?:said|says|say|told|announced|reported|added|stated|confirmed|declared|insisted|signaled|signalled|"
    r"warned|noted|wrote|tweeted|quoted|revealed|released|published|disclosed|unveiled)\s*$"
    # a speech verb with "on" or "late/early (on)" before the day: "said on Sunday", "told reporters late Monday"
    r"|\b(?:said|says|told(?:\s+\w+)?|announced|added|stated|insisted|warned|noted|wrote|tweeted)"
    r"\s+(?:(?:late|early)\s+)?on\s*$|\b(?:said|told(?:\s+\w+)?|announced)\s+(?:late|early)\s*$",
    re.I,
)

# Loaded or evaluative terms that a neutral account would not use in its own voice. General English,
# grouped by why they are loaded. Matched as whole words, outside quotation marks.
LOADED_TERMS = {
    "evaluative": ["bold", "brazen", "heroic", "daring", "courageous", "cowardly", "successful", "triumphant",
                   "disastrous", "shameful", "outrageous", "shocking", "stunning", "unprecedented"],
    "emotive violence": ["slaughter", "slaughtered", "massacre", "massacred", "butchered", "onslaught",
                         "rampage", "rampaged", "bloodbath", "carnage", "annihilate", "annihilated",
                         "decimated", "savage", "barbaric", "brutal", "atrocity", "atrocities", "horrific"],
    "framing": ["liberated", "liberate", "liberation", "regime", "thugs", "mob", "invaders", "occupiers",
                "puppet", "so-called", "notorious", "infamous", "draconian", "catastrophic", "devastating"],
}
LOADED_OF = {w: group for group, words in LOADED_TERMS.items() for w in words}


VOCABULARY = Path(__file__).parent / "data" / "minilm-vocab.txt"  # BERT uncased WordPiece (MiniLM's), 30,522 entries


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    return frozenset(line.strip() for line in VOCABULARY.read_text(encoding="utf-8").splitlines()
                     if line.strip().isalpha())


def known_word(word: str) -> bool:
    """Is `word` (lower case) a whole word of the BERT vocabulary, the commonest 30,000 or so English words?"""
    return word in _known_words()
