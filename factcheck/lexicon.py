"""General-English word lists used by the local engine. None is written for a particular article:
each is ordinary news vocabulary, and tests exercise them on text beyond the seeds.

Words are matched on lower-cased stems (see `stem`), so "killed", "kills" and "killing" share "kill".
"""

from __future__ import annotations

import re
from functools import lru_cache


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
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

# What a number counts: noun stems -> subject class.
SUBJECTS = {
    "children": ["child", "children", "kid", "pupil", "schoolchildren", "minor", "baby", "babies", "toddler"],
    "people": ["people", "person", "individual", "civilian", "resident", "women", "woman",
               "men", "man", "victim", "passenger", "worker", "student", "migrant", "refugee", "patient", "body",
               "bodies", "fatality", "fatalities", "casualty", "casualties", "inmate", "villager", "citizen",
               "palestinian", "israeli", "american", "pilgrim", "tourist", "protester", "voter", "employee"],
    "combatants": ["soldier", "troop", "officer", "militant", "fighter", "police", "policeman", "guard",
                   "commando", "insurgent", "rebel", "marine", "sailor", "personnel"],
    "captives": ["hostage", "captive", "prisoner", "detainee", "abductee", "kidnap"],
}
SUBJECT_OF = {stem(w): cls for cls, words in SUBJECTS.items() for w in words}

# What happened to what is counted: stems within the clause -> predicate class.
PREDICATES = {
    "killed": ["kill", "killed", "dead", "die", "died", "death", "deaths", "fatalities", "toll", "slain", "gunned",
               "drown", "drowned", "perish", "perished", "murder", "murdered"],
    "injured": ["wound", "wounded", "injure", "injured", "injuries", "hurt", "hospitalised", "hospitalized"],
    "freed": ["freed", "release", "released", "rescue", "rescued", "liberate", "liberated", "exchanged"],
    "held": ["held", "captivity", "remaining", "missing"],
    "shot": ["shot", "shoot", "shooting"],
    "abducted": ["abduct", "abducted", "kidnap", "kidnapped", "seized", "taken"],
    "displaced": ["displace", "displaced", "refuge", "refugee", "shelter", "sheltering", "evacuate", "evacuated", "homeless"],
    "arrested": ["arrest", "arrested", "detain", "detained"],
}
PREDICATE_OF = {stem(w): cls for cls, words in PREDICATES.items() for w in words}
PREDICATE_VERB = {"killed": "killed", "injured": "injured", "freed": "freed", "held": "held",
                  "displaced": "displaced", "arrested": "arrested", "abducted": "abducted", "shot": "shot"}

# Event nouns, grouped so that synonyms align ("raid" ~ "rescue operation"; "war" ~ "campaign").
EVENT_CLASSES = {
    "operation": ["raid", "rescue", "operation", "mission", "commando", "swoop"],
    "war": ["war", "conflict", "campaign", "fighting", "hostilities"],
    "strike": ["strike", "airstrike", "bombing", "bombardment", "shelling", "shell", "missile", "rocket"],
    "attack": ["attack", "assault", "ambush", "shooting", "stabbing", "massacre", "rampage"],
    "disaster": ["earthquake", "quake", "flood", "fire", "blaze", "storm", "hurricane", "tsunami", "landslide",
                 "explosion", "blast", "collapse", "crash", "derailment", "eruption"],
    "talks": ["talks", "meeting", "negotiation", "summit", "conference", "session", "met", "negotiator"],
    "offensive": ["offensive", "invasion", "incursion", "advance", "assault", "push", "onslaught"],
    "election": ["election", "vote", "ballot", "poll", "referendum", "runoff"],
    "truce": ["truce", "ceasefire", "cease-fire", "armistice"],
}
EVENT_OF = {stem(w): cls for cls, words in EVENT_CLASSES.items() for w in words}
EVENT_NOUN = {stem(w): w for words in EVENT_CLASSES.values() for w in words}  # "collapsed" -> "collapse"

# Scope markers that change what a count covers.
CUMULATIVE = re.compile(r"\bsince\b|\bso far\b|\bto date\b|\btotal\b|\boverall\b|\baltogether\b|\bcumulative\b", re.I)
# A figure about an earlier, different event ("In February, a quake killed 612"; "in 2003").
BACKGROUND = re.compile(
    r"\b(?:in|last|since|by) (?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\b|\b(?:in|since) (?:19|20)\d\d\b|\blast (?:year|month|week)\b|\bearlier this (?:year|month)\b|"
    r"\b(?:years|months) ago\b", re.I)
# Not an account of what happened: attempts, speculation.
SPECULATIVE = re.compile(r"\b(?:might|may|could|would) have\b|\battempt(?:ed|ing|s)? to\b|\btried to\b|\bpossibly\b|"
                         r"\bfeared\b|\bunconfirmed\b", re.I)
# A subset of a count ("30 people seriously injured" within "50 injured").
SUBSET = re.compile(r"\b(?:seriously|critically|severely|badly|gravely|slightly|mostly)\b", re.I)
# One part of an enumeration ("two women and one man died"): not the total.
_GENDERED = r"(?:men|women|man|woman|boys|girls|boy|girl|children|child|adults|adult)"
ENUMERATION_BEFORE = re.compile(rf"\b{_GENDERED},? and\s*$", re.I)
ENUMERATION_AFTER = re.compile(rf"^\s+{_GENDERED},? and\b", re.I)
# An increment, not a total ("another four people died", "two more victims were found").
INCREMENT_BEFORE = re.compile(
    r"\b(?:another|additional|further|extra|including|among them)\s*$|\b(?:a|one) (?:man|woman|boy|girl|child) and\s*$",
    re.I)
INCREMENT_AFTER = re.compile(r"^\s+(?:more|other|others|additional|further|new)\b", re.I)
# A date that something is expected to happen, not that it happened.
FUTURE = re.compile(r"\b(?:will|would|shall|expected to|plans? to|planned|scheduled|due(?: to| on)?|set (?:to|for)|set \w+ for|"
                    r"slated|to be|next|upcoming|starting|starts|begins|takes? effect|takes? office)\b[^.;]*$", re.I)
DAILY = re.compile(r"\b(?:past|last|previous) (?:day|24 hours|night)\b|\bovernight\b|\bin a single day\b", re.I)

# Event status (general English). Planned/threatened vs begun/under way.
STATUS_PLANNED = re.compile(
    r"\b(?:threaten(?:s|ed|ing)? to|plan(?:s|ned|ning)? to|plans? (?:for|to)|plan\b|prospect of|expected|"
    r"would|could|will|vow(?:s|ed)? to|poised to|prepar(?:e|es|ed|ing) (?:for|to)|possible|potential|looming|"
    r"impending|intend(?:s|ed)? to|if\b|ahead of|ordered (?:the military )?to draw up|warn(?:s|ed)? of)",
    re.I,
)
STATUS_BEGUN = re.compile(
    r"\b(?:began|begun|launched|started|escalated|expanded|under ?way|ongoing|continu(?:es|ed|ing)|"
    r"carried out|stormed|entered|pushed into|intensified|was conducted|has conducted|have conducted)\b",
    re.I,
)
STATUS_EVENTS = {"offensive", "strike", "attack", "truce"}

# Reporting verbs: a weekday right after one dates the statement, not the event.
REPORTING = re.compile(
    r"\b(?:said|says|say|told|announced|reported|added|stated|confirmed|declared|insisted|signaled|signalled|"
    r"warned|noted|wrote|tweeted|quoted|revealed|released|published|disclosed|unveiled)\s*$",
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
