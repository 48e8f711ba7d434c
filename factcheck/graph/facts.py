"""Layer 2 of the fact graph: checkable facts read from each parsed sentence.

A fact is a value (a figure, a day or time, a name, an event's status, a quote's speaker) together with
what it is about, read from the parse rather than from word lists: the noun a figure counts or measures
and the verb it hangs from, the event a date attaches to, the role a name fills, the verb whose state is
given. Qualifiers keep apart what must not be compared: a part of a total, an increment, a previous or
forecast value, a figure about another time.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Container
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from factcheck.checks import ALL_FOR, ZONES, Figure, When, compare_names, find_figures, find_whens, name_tokens
from factcheck.graph.parse import ParsedCluster, ParsedSentence
from factcheck.timeref import period_days

NOUNISH = {"NOUN", "PROPN"}
NAME_LABELS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place",
               "NORP": "group"}
# Reporting verbs (general English): a date or figure under them belongs to the statement, not the event.
REPORTING = {"say", "tell", "announce", "report", "state", "add", "confirm", "claim", "insist", "note", "write",
             "tweet", "reveal", "disclose", "explain", "warn", "describe", "quote", "comment", "acknowledge",
             "admit", "testify", "allege", "accord"}
GENERIC_PEOPLE = {"people", "person", "persons", "individual", "individuals", "resident", "civilian"}
LIGHT_VERBS = {"be", "have", "remain", "stay", "become", "seem", "appear"}
# Verbs that count, hold or put a figure on something rather than happen to it (general English): "police
# counted 300 tractors", "a jet carrying 182 passengers", "costed at €68m". They say nothing of what happened
# to what is counted, so they neither join nor part two figures.
MEASURING = {"count", "estimate", "number", "total", "tally", "record", "register", "measure", "put", "cost",
             "value", "carry", "hold", "contain", "involve", "face", "reach", "stand", "sit", "see", "top",
             "exceed", "hit", "include", "field", "host", "draw", "attract"}
OWNER_LABELS = {"PERSON", "ORG", "NORP", "GPE"}  # names that can own a figure ("Spain's jobless rate")
COMPOUND_OWNERS = {"PERSON", "ORG"}
CLAIMING = REPORTING | {"estimate", "count", "put", "calculate", "believe"}  # verbs that give someone's figure
# Reporting verbs that report only a clause: with a figure as their own object they mean what they say
# ('Hillis added 101 yards', 'the firm added 2,000 jobs', 'she wrote three books').
CLAUSE_ONLY = {"say", "add", "explain", "warn", "comment", "tweet", "testify", "write", "insist"}
CLAIM_NOUNS = {"estimate", "count", "figure", "tally", "calculation", "claim"}
# Markers that set a figure apart from the total a report gives (general English function words).
INCREMENT = {"another", "more", "additional", "extra", "further", "other", "others"}  # "two other victims"
PART_HEADS = {"include", "including", "among", "of"}
SUBSET = {"seriously", "critically", "severely", "badly", "gravely", "slightly", "mostly", "minor", "serious",
          "critical", "severe"}
PREVIOUS = {"from", "than", "compare", "compared", "previous", "previously", "earlier", "prior", "before", "last",
            "ago", "former", "once"}
EARLIER = {"prior", "previous", "earlier"}  # 'four prior arrests', 'two previous convictions'
FORECAST = {"expect", "forecast", "estimate", "predict", "project", "target", "anticipate", "aim", "hope", "plan",
            "propose", "seek", "want", "demand", "offer", "ask", "could", "might", "may", "would", "if"}
# Verbs of change, by direction: "shares fell 9%" and "the stock slid 6%" say the same kind of thing.
RISE_VERBS = {"rise", "climb", "increase", "grow", "jump", "gain", "surge", "soar", "raise", "boost", "widen", "up",
              "rocket", "double"}
FALL_VERBS = {"fall", "drop", "decline", "slip", "lose", "plunge", "tumble", "slide", "cut", "lower", "shrink",
              "narrow", "down", "sink", "dip", "slump", "halve", "reduce", "decrease"}
CHANGE_VERBS = RISE_VERBS | FALL_VERBS
# A change told by a noun ('a 12% rise in sales', 'a 28 percent reduction in risk'), as the verb that tells it.
CHANGE_NOUNS = {"rise": "rise", "increase": "increase", "jump": "jump", "gain": "gain", "surge": "surge",
                "growth": "grow", "drop": "drop", "fall": "fall", "decline": "decline", "cut": "cut",
                "reduction": "reduce", "decrease": "decrease", "slide": "slide", "plunge": "plunge", "dip": "dip",
                "slump": "slump"}
# A difference told by a comparative ('18% lower', '5 per cent higher', '30% fewer'), by its direction.
COMPARATIVES = {"low": "fall", "small": "fall", "few": "fall", "little": "fall", "less": "fall", "cheap": "fall",
                "high": "rise", "large": "rise", "big": "rise", "great": "rise", "many": "rise", "more": "rise",
                "much": "rise"}
# What happens to counted people and things, by kind (general English; a word may have two kinds). Two counts
# whose words fall in different kinds are of different events ('killed' / 'injured', 'arrested' / 'charged');
# words of no kind leave the question open rather than part them.
EVENT_KINDS = {
    "death": {"kill", "die", "dead", "death", "fatality", "perish", "drown", "murder", "execute", "slay", "toll"},
    "injury": {"injure", "wound", "hurt", "injury", "hospitalize", "hospitalise", "treat", "casualty"},
    "missing": {"missing", "miss", "disappear", "unaccounted"},
    "rescue": {"rescue", "save", "free", "release", "liberate", "airlift"},
    "displacement": {"evacuate", "displace", "flee", "relocate", "homeless", "shelter"},
    "arrest": {"arrest", "detain", "apprehend", "capture", "nab", "custody"},
    "charge": {"charge", "indict", "accuse", "prosecute", "arraign"},
    "verdict": {"convict", "sentence", "acquit"},  # a later stage of a case than the charge
    "seizure": {"seize", "confiscate", "recover", "impound", "find", "nab"},
    "damage": {"destroy", "damage", "flatten", "burn", "collapse", "raze"},
    "start": {"begin", "start", "commence", "set off", "kick off", "get under way", "break out", "erupt"},
    "end": {"end", "finish", "conclude", "wrap up", "disperse", "break up"},
    "protest": {"march", "protest", "demonstrate", "rally", "take to street", "demonstration"},
    "marriage": {"marry", "wed", "wedding", "marriage"},
    "restoration": {"restore", "reconnect", "reinstate", "resume", "reopen"},  # brought back after a stop
}
KINDS_OF: dict[str, set[str]] = {}
for _kind, _words in EVENT_KINDS.items():
    for _word in _words:
        KINDS_OF.setdefault(_word, set()).add(_kind)


def event_kinds(words: set[str]) -> set[str]:
    """The kinds of event some words name; 'take to hospital' (a verb sending people to hospital) is an injury."""
    out: set[str] = set()
    for word in words:
        out |= KINDS_OF.get(word, set())
        if word.endswith(" hospital"):
            out.add("injury")
    return out
CUMULATIVE = {"since", "total", "overall", "altogether", "cumulative", "so far", "to date", "in all"}
# Outcomes that exclude each other (general English): on one axis, a verb on the + side and one on the - side
# cannot both describe what happened. Phrasal verbs are matched with their particle ("put off").
OUTCOMES = {
    "open": ({"open", "reopen", "resume", "restore"}, {"close", "shut", "suspend", "halt", "stop"}),
    "approve": ({"approve", "pass", "adopt", "authorize", "authorise", "endorse", "accept", "ratify"},
                {"reject", "postpone", "delay", "defer", "shelve", "block", "veto", "put off", "scrap"}),
    "guilt": ({"admit", "confess", "plead guilty"}, {"deny", "plead not guilty", "contest", "dispute"}),
    "leave": ({"resign", "quit", "retire", "step down"}, {"fire", "dismiss", "sack", "oust", "remove", "force out",
                                                         "push out", "ask to leave"}),
    # held as offenders, or rescued: 'apprehending 26 Somali pirates' / 'rescued 26 Somali crewmembers' (weighed only
    # for one counted group, see `align.fated_count`)
    "fate": ({"arrest", "detain", "apprehend", "nab"}, {"rescue", "save", "extract"}),
    "custody": ({"arrest", "detain", "apprehend", "capture", "catch"}, {"seek", "hunt"}),
    "proceed": ({"proceed", "continue", "go ahead", "take effect", "resume"}, {"cancel", "call off", "suspend",
                                                                               "halt", "postpone"}),
    "concede": ({"concede"}, {"refuse", "reject"}),
}
# Outcomes that undo the other side of their axis (the prefix re-): 'reopened' tells that it was closed before,
# 'resumed' that it had stopped, so 'was closed at the time' and 'reopened on Friday' are two moments of one story.
REVERSALS = {"reopen", "resume", "restore"}
# Decisions that undo another (general English): a ban imposed and not lifted, a strike begun and not ended, are
# one story told twice, not two accounts of one deed.
UNDOES = {"lift": {"impose", "introduce"}, "end": {"begin", "start", "launch"},
          "call off": {"begin", "start", "launch"}}
# Verbs of putting a thing to use (general English): what one outlet says was used, another says was fired.
USING = {"use", "deploy", "fire", "employ"}
UNTIL = {"until", "till"}  # 'did not take the lead until the 70th minute': it happened, then
NEAR_NEGATIONS = {"barely", "hardly", "scarcely", "rarely", "seldom"}  # 'barely landed a punch': all but none
HOLDING = {"remain", "stay", "keep", "still"}  # words saying a state holds on ('remained closed', 'is still shut')
# Decisions whose state (taken, planned, considered, refused) outlets report differently.
DECISIONS = {"declare", "impose", "order", "announce", "appoint", "hire", "name", "sign", "agree", "introduce",
             "lift", "ban", "evacuate", "launch", "expand", "escalate", "begin", "start", "end", "complete",
             "certify", "confirm", "appeal", "publish", "review", "restrict"}
DECISION_NOUNS = {"decision", "vote", "ruling", "verdict", "approval", "judgment", "judgement"}  # what is decided
# Every axis a verb is on ('suspend' closes a place and halts a process): a status is weighed on each.
AXES_OF: dict[str, set[str]] = {}
for _axis, (_plus, _minus) in OUTCOMES.items():
    for _verb in _plus | _minus:
        AXES_OF.setdefault(_verb, set()).add(_axis)
# A verb on two axes is read on the later one ('arrest' on custody, not fate); it has one sign on both.
OUTCOME_OF = {verb: (axis, sign) for axis, (plus, minus) in OUTCOMES.items()
              for sign, verbs in ((1, plus), (-1, minus)) for verb in verbs}
# The same outcomes named by nouns ("offered his resignation", "announced the closure").
OUTCOME_NOUNS = {
    "resignation": ("leave", 1), "retirement": ("leave", 1), "dismissal": ("leave", -1), "sacking": ("leave", -1),
    "firing": ("leave", -1), "ouster": ("leave", -1), "arrest": ("custody", 1), "capture": ("custody", 1),
    "manhunt": ("custody", -1), "closure": ("open", -1), "shutdown": ("open", -1), "reopening": ("open", 1),
    "approval": ("approve", 1), "rejection": ("approve", -1), "postponement": ("approve", -1),
    "delay": ("approve", -1), "cancellation": ("proceed", -1), "suspension": ("proceed", -1),
    "concession": ("concede", 1), "confession": ("guilt", 1),
    "denial": ("guilt", -1),
}
MODALS = {"will": "planned", "shall": "planned", "would": "possible", "could": "possible", "might": "possible",
          "may": "possible", "can": "possible", "should": "possible", "must": "required"}
# States that tell nothing of whether a thing happened, so they agree with every other: what someone requires
# ('the agency must review its rules') and what would, might or should have happened ('he would not have
# resigned', 'the blaze could have been stopped').
NEITHER = {"required", "unreal"}
# Told of what is not (yet) a fact: a figure or a day given so is compared only with others told so.
NOT_A_FACT = ("planned", "possible", "considered", "required", "unreal")
# Verbs whose complement states an intention or a consideration, not a fact (general English).
INTENT = {"plan": "planned", "intend": "planned", "threaten": "planned", "vow": "planned", "promise": "planned",
          "pledge": "planned", "prepare": "planned", "expect": "planned", "schedule": "planned", "set": "planned",
          "consider": "considered", "weigh": "considered", "mull": "considered", "discuss": "considered",
          "propose": "considered", "debate": "considered", "seek": "considered", "want": "considered",
          "try": "attempted", "attempt": "attempted",
          # a decision taken: what was decided may be done already, still to come or not yet done ('decided on
          # Saturday to fire the coach' / 'fired the coach'), so it agrees with each; it is no longer open
          "decide": "decided", "agree": "decided", "vote": "decided",
          "refuse": "not", "decline": "not", "deny": "not", "fail": "not", "reject": "not"}


@dataclass(frozen=True, eq=False)
class Fact:
    id: str
    kind: str  # number | date | name | status | attribution
    sentence: ParsedSentence
    start: int  # offsets in the article's text
    end: int
    text: str  # the value as written
    normalized: str
    anchor: frozenset[str]  # lemmas naming what the value is about
    predicate: str | None = None  # the verb (or event noun) it hangs from
    entities: frozenset[str] = frozenset()  # other names in the sentence (lower case)
    frame: frozenset[str] = frozenset()  # explicit time frames in the sentence ("2009", "last year")
    qualifiers: frozenset[str] = frozenset()
    figure: Figure | None = None
    when: When | None = None
    name: str | None = None
    label: str | None = None  # person | organisation | place | group
    status: str | None = None  # done | planned | decided | possible | considered | attempted | not
    role: str | None = None  # how a name relates to its predicate: subj, obj, in, title:<noun>
    quote: str | None = None  # attribution: the quoted words
    head: str | None = None  # the noun a figure counts or measures ("Palestinians", "toll", "turnout")
    head_group: bool = False  # that noun names a people or group (a nationality, "residents")
    event: str | None = None  # the verb with where it sends what is counted: "take to hospital", "kill"
    claimant: str | None = None  # whose figure the sentence says it is: "police" ("according to a police count")
    origin: str | None = None  # where a distance is measured from: "Cobb" ("3 miles southwest of Cobb")
    person: str | None = None  # a date: the person its clause is about, by name ("Cheeks, who was fired March 2")
    parties: frozenset[tuple[str, str]] = frozenset()  # (role, name): who a figure's clause names, not its claimant
    places: frozenset[str] = frozenset()  # where a figure's clause says it happened: "salt lake city", "utah"
    day: str | None = None  # a time of day: the day (ISO) its clause puts it on ("11:30 p.m. on Saturday", "tonight")

    @property
    def article_id(self) -> str:
        return self.sentence.article_id

    @property
    def sentence_id(self) -> str:
        return self.sentence.id

    def tokens(self):
        """The parsed tokens of the value, or None."""
        span = self.sentence.doc.char_span(self.start - self.sentence.start, self.end - self.sentence.start,
                                           alignment_mode="expand")
        return span if span is not None and len(span) else None


@dataclass
class FactIndex:
    facts: list[Fact] = field(default_factory=list)
    context: dict[str, object] = field(default_factory=dict)  # fact id -> unit vector of its masked clause


# ---------------------------------------------------------------------------------------------- helpers

def _lemma(tok) -> str:
    if tok.pos_ != "PROPN":
        return tok.lemma_.lower()
    return unicodedata.normalize("NFKD", tok.text.lower()).encode("ascii", "ignore").decode() or tok.text.lower()


def _modifiers(tok) -> set[str]:
    """A noun with the words that narrow it: 'death toll', 'net loss', 'first-round turnout'. A pronoun names
    nothing by itself ('he', 'that')."""
    if tok.pos_ == "PRON":
        return set()
    words = {_lemma(tok)}
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "nmod") and not child.text[0].isdigit() and child.pos_ != "PROPN" \
                and child.lower_ not in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"):
            words.add(_lemma(child))
    return words


def _concerning(noun) -> set[str]:
    """What a noun is about, when a preposition says so: 'a decision on the share buyback', 'talks over
    the border' (the words of the thing decided or talked about)."""
    return {w for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in ("on", "over", "about")
            for obj in prep.children if obj.dep_ == "pobj" and obj.pos_ == "NOUN" for w in _modifiers(obj)}


def _verb_of(tok):
    """The nearest verb above a token (itself included), or None."""
    seen = 0
    while tok is not None and seen < 12:
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            return tok
        if tok.head == tok:
            return None
        tok, seen = tok.head, seen + 1
    return None


LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "from", "into", "of", "around", "through", "off",
             "on", "toward", "towards", "above", "below", "beneath", "under", "along", "behind", "beyond", "within",
             "onto", "up", "down"}  # prepositions that say where
COMPANY_PREPS = {"for", "with", "against"}  # whom something is done for, with or against
ADVERBIAL_PREPS = {"after", "before", "by", "since", "while", "despite", "upon", "without"}  # "after taking"


def _subject(verb):
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if subjects:  # not a time the parser took for a second subject ('The day following Rait's death, a climber
        # ... fell 700 meters')
        return next((c for c in subjects if c.ent_type_ not in ("DATE", "TIME")), subjects[0])
    if verb.dep_ in ("xcomp", "conj", "advcl", "relcl") and verb.head != verb:
        if verb.dep_ == "relcl" and verb.head.pos_ in NOUNISH:
            return verb.head
        return _subject(verb.head)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep":
        # "Marin was elected after taking 53%": Marin took it (also where the parser hangs "after" on a noun:
        # "is ahead in the race after polling 38%")
        host = verb.head.head if verb.head.head.pos_ in ("VERB", "AUX") else \
            _verb_of(verb.head.head) if verb.head.lower_ in ADVERBIAL_PREPS else None
        return _subject(host) if host is not None else None
    return None


def _entities(ps: ParsedSentence, skip: tuple[int, int] | None = None, *, clause=None) -> frozenset[str]:
    """Names in the sentence (or, given a clause's verb, in that clause only), as lower-case words."""
    out = set()
    for ent in ps.doc.ents:
        if ent.label_ not in NAME_LABELS or (skip and ent.start_char < skip[1] and skip[0] < ent.end_char):
            continue
        if clause is not None and _verb_of(ent.root) != clause:
            continue
        out.update(name_tokens(ent.text))
    return frozenset(out)


_PAST = re.compile(r"\b(?:last|previous|prior|earlier|ago|former|a year before|the year before)\b")


def _compared(ps: ParsedSentence, span) -> set[int]:
    """Tokens of a comparison the value is not part of ('€412 million, up from €380 million a year earlier',
    '9,400 megawatts, 12% above last summer's high')."""
    if span is None or not len(span):
        return set()
    return {t.i for prep in ps.doc if prep.dep_ == "prep" and prep.lower_ in ("from", "than", "above", "below")
            and not (prep.i in range(span.start, span.end) or any(t.i in range(span.start, span.end)
                                                                  for t in prep.subtree))
            for t in prep.subtree}


RELATIVE_YEARS = {"last year": -1, "this year": 0, "next year": 1}


def _opens(ent) -> bool:
    """Does a time open its sentence, set off by a comma ('Earlier this year, a gunman who wounded three ...')?"""
    return ent.start <= 1 and ent.end < len(ent.doc) and ent.doc[ent.end].text == ","


def _background(ps: ParsedSentence, span) -> bool:
    """Is the value's clause about an earlier time ('last year's 20,000', 'in July 2019', 'two years ago')?
    A time inside a comparison ('46%, down from 58% two weeks earlier') dates the value compared with."""
    verb = _verb_of(span.root)
    compared = _compared(ps, span)
    for ent in ps.doc.ents:
        if ent.label_ != "DATE" or ent.start < span.end and span.start < ent.end or ent.root.i in compared:
            continue
        if verb is not None and _verb_of(ent.root) != verb and ent.root.head not in span and not _opens(ent):
            continue  # another clause's time; but one opening the sentence ('Earlier this year, ...') holds for all
        if ent.root.head.lower_ == "for" and ent.root.dep_ == "pobj":
            continue  # "a profit of €421 million for last year": the period the figure covers, not an earlier event
        text = ent.text.lower()
        if _PAST.search(text):
            return True
        years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", text)]
        if years and ps.anchor is not None and max(years) < ps.anchor.year - 1:
            return True  # "in 2019" (a period running up to last year is still this story)
        # with its preposition: a month alone ('February') is read as a time only after one ('In February, ...')
        written = ps.doc[max(ent.start - 1, 0) : ent.end].text if ent.start and ent.doc[ent.start - 1].dep_ == "prep" \
            else ent.text
        whens = find_whens(written, anchor=ps.anchor) if ps.anchor is not None else []
        if any(_long_before(w, ps.anchor) for w in whens if not (w.period and len(w.period) == 4)):
            return True  # "in June 2012", "on March 3" months before the article: an earlier event recalled
    if _recalled(span):
        return True
    if verb is not None and ps.anchor is not None:
        for tok in verb.subtree:  # a year written short: "the '66 squad", "the class of '09"
            if tok.text in ("'", "’") and tok.i + 1 < len(ps.doc) and re.fullmatch(r"\d\d", ps.doc[tok.i + 1].text) \
                    and not (span.start <= tok.i + 1 < span.end):
                year = 2000 + int(ps.doc[tok.i + 1].text)
                year = year if year <= ps.anchor.year else year - 100
                if year < ps.anchor.year - 1:
                    return True
    return False


RECALLING = {"come", "follow"}  # 'the shooting came weeks after ...', 'follows days after ...'


def _recalled(span) -> bool:
    """Is the value in an earlier or later event the story is dated against ('Thursday's shooting came just weeks
    after a driver fatally shot eight people', 'The attack came two days after a gunman killed 12 people')?"""
    for tok in span.doc:
        if tok.lower_ not in ("after", "before"):
            continue
        clause, host = (tok.head, tok.head.head) if tok.dep_ == "mark" else (tok, tok.head)
        gap = [c for c in (*tok.children, *clause.children) if c.dep_ == "npadvmod" and c.i < tok.i]
        if gap and host.lemma_.lower() in RECALLING and span.root in clause.subtree:
            # a gap said ('weeks after'); not 'arrested after he shot two people'
            return True
    return False


def _days_of(when: When) -> tuple[date | None, date | None]:
    """The first and last day a date or period covers (None, None when it names no day: a weekday alone)."""
    if when.period:
        return period_days(when.period)
    return (date.fromisoformat(when.iso),) * 2 if when.iso else (None, None)


def _long_before(when: When, anchor: date) -> bool:
    """Does a date or period end more than BACKGROUND_DAYS before the article's own date?"""
    last = _days_of(when)[1]
    return last is not None and last < anchor - timedelta(days=BACKGROUND_DAYS)


SPAN_PREPOSITIONS = ("in", "over", "across", "through")  # 'in 133 games', 'over 11 seasons'


@lru_cache(maxsize=4096)
def _written_days(text: str, anchor: date | None) -> tuple:
    """The days of the month a sentence writes, read once per sentence (every value in it asks for its frame)."""
    return tuple(w for w in find_whens(text, anchor=anchor) if w.month_day)


# Prepositions that make a time a bound rather than when something happened: 'before 1997', 'since 2010'
BOUNDING = {"before", "after", "since", "until", "till", "by"}


def _bound(tok) -> bool:
    """Is a time a bound ('Before 1997, he had served only a five-year term in 1959')?"""
    return tok.dep_ == "pobj" and tok.head.lower_ in BOUNDING


def _frame(ps: ParsedSentence, skip: tuple[int, int]) -> frozenset[str]:
    """Explicit times the value's own clause is about, other than the value itself: years, written dates
    ('Oct. 7'), quarters, 'last year'. A weekday alone is not a frame: it is most often the day being
    reported. A date in another clause ('... which closed in 2024') does not frame the value, nor a bound
    ('before 1997', 'since 2010': the value may be of any time on its side)."""
    span = ps.doc.char_span(*skip, alignment_mode="expand")
    verb = _verb_of(span.root) if span is not None and len(span) else None
    compared = _compared(ps, span)
    out = set()
    for when in _written_days(ps.text, ps.anchor):  # however the tagger labels them ('as of 4 November 02:00 GMT'
        # is an event to it)
        if when.start < skip[1] and skip[0] < when.end:
            continue
        day = ps.doc.char_span(when.start, when.end, alignment_mode="expand")
        if day is not None and len(day) and day.root.i not in compared and (verb is None or _verb_of(day.root) == verb) \
                and not _bound(day.root):
            out.add(when.month_day)
    for ent in ps.doc.ents:
        if ent.label_ != "DATE" or (ent.start_char < skip[1] and skip[0] < ent.end_char) or ent.root.i in compared \
                or _bound(ent.root):
            continue
        if verb is not None and _verb_of(ent.root) != verb:
            continue
        text = ent.text.lower()
        out.update(re.findall(r"\b(?:19|20)\d\d\b", text))
        if ps.anchor is not None:  # "last year" in a story of 2026 is 2025, as "for 2025" says in another
            for marker, shift in RELATIVE_YEARS.items():
                if re.search(rf"\b{marker}\b", text):
                    out.add(str(ps.anchor.year + shift))
                    text = text.replace(marker, "")
        for marker in ("last year", "this year", "next year", "last season", "first quarter", "second quarter",
                       "third quarter", "fourth quarter", "first half", "second half", "a year earlier",
                       "a year ago", "previous year", "last month", "last week"):
            if marker in text:
                out.add(marker)
    if verb is not None:  # the count of games, seasons or starts a figure is over: 'averaged 14.4 points in 133
        # career playoff games' and 'averaged 11.1 points in 1,101 games' are over different spans
        noun = span.root.head if span.root.head.pos_ == "NOUN" else None  # '7.4 rebounds in 46 games'; a span
        # said once after a list holds for the whole list: '11.1 points, 6.7 assists and 2.1 steals in 1,101 games'
        holders = [verb, noun, *noun.conjuncts] if noun is not None else [verb]
        # or by a participle on the verb: 'Playing in a combined 157 games, Teixeira had 33 homers and 121 RBIs'
        holders += [c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG"]
        for prep in (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in SPAN_PREPOSITIONS):
            for scope in (c for c in prep.children if c.dep_ == "pobj" and c.tag_ == "NNS"):
                counts = [c for c in scope.children if c.dep_ == "nummod" and c.like_num]
                # 'in five seasons' is one even where the tagger calls it a date; not a clock time ('in 20 minutes')
                if counts and not (span.start <= counts[0].i < span.end) and scope.ent_type_ != "TIME":
                    out.add(f"{counts[0].text} {scope.lemma_.lower()}")
    return frozenset(out)


NESTED = ("relcl", "advcl", "ccomp", "acl", "xcomp", "parataxis", "appos")


def _own_clause(verb) -> list:
    """A verb's clause without the clauses nested in it ('which has been closed since 2019'), in order."""
    out, stack = [], [verb]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack += [c for c in tok.children if c.dep_ not in NESTED and not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]
    return sorted(out, key=lambda t: t.i)


def _timed_from(verb, figure):
    """The verb a gap of time before or after something times: the parser hangs 'three weeks' in 'was married
    three weeks before her husband was killed' (or 'closed two years before the fire broke out') on the clause
    after 'before', or on the main clause ('Chela Ortiz, who was married three weeks before ..., sat'), but the
    figure says when the marrying (the closing) happened: the verb just before it, else the clause's host."""
    if figure.dep_ != "npadvmod" or verb.dep_ != "advcl" or verb.head.pos_ not in ("VERB", "AUX"):
        return verb
    if not any(c.dep_ == "mark" and c.lower_ in ("before", "after") and c.i > figure.i for c in verb.children):
        return verb
    start = min(t.i for t in figure.subtree)
    for tok in reversed(figure.doc[max(0, start - 4) : start]):  # the verb just before the gap: 'was married'
        if tok.is_punct:
            break
        if tok.pos_ == "VERB" and tok.dep_ not in ("aux", "auxpass"):
            return tok
    return verb.head


def _path_up(tok, limit: int = 8) -> list:
    """The tokens above `tok` up to its clause's verb (a verb that only modifies a noun is passed)."""
    path = []
    while tok.head != tok and len(path) < limit:
        tok = tok.head
        path.append(tok)
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass") and not _noun_modifier(tok):
            break
    return path


def _noun_modifier(tok) -> bool:
    """A verb form that only qualifies a noun ('winning' in 'the 73-yard game winning drive', 'saving' in 'a
    30-metre game saving run'), whether tagged a verb or a noun: not the verb of the figure's clause."""
    return tok.dep_ in ("compound", "amod") and tok.head.pos_ in NOUNISH and tok.tag_ in ("VBG", "NN") \
        and tok.lower_.endswith("ing") and tok.pos_ in ("VERB", "NOUN")


def _modifiers_object(tok) -> bool:
    """The noun a verb form that qualifies a noun acts on ('game' in 'the 73-yard game winning drive', 'a
    30-metre game saving run'): part of the modifier, not what the figure measures."""
    if tok.dep_ not in ("compound", "nmod", "npadvmod") or tok.i + 1 >= len(tok.doc):
        return False
    after = tok.doc[tok.i + 1]
    return _noun_modifier(after) and tok.head in (after, after.head)


def _past_aside(verb, prep):
    """The verb a phrase after an aside set off by commas belongs to. In 'Police put the march, to mark a
    24-hour strike, at roughly 30,000' and 'Officials put the toll, citing hospital records, at 112' the parser
    hangs 'at ...' on the aside's verb; the phrase follows the aside's closing comma and is the main verb's."""
    doc = verb.doc
    if prep.dep_ != "prep" or prep.head != verb or verb.dep_ != "advcl" or verb.head.pos_ not in ("VERB", "AUX"):
        return verb
    opened = verb.left_edge.i > 0 and doc[verb.left_edge.i - 1].text == ","
    closed = prep.i > verb.i + 1 and doc[prep.i - 1].text == ","
    return verb.head if opened and closed else verb


def _has_to(verb) -> bool:
    """Is the verb an infinitive with 'to' ('to expand', 'to be freed')?"""
    return any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)


def _reported_in_past(verb) -> bool:
    """Is the verb's clause what someone said, in the past tense ('the ministry said [it would postpone ...]')?"""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING and verb.head.tag_ in ("VBD", "VBN")


def _not_until(verb) -> bool:
    """'did not take the lead until Osei scored', 'was not found until Tuesday': a past deed told with when it
    came ('will not reopen until Friday' is still to come)."""
    past = verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)
    return past and any(c.lower_ in UNTIL or any(g.dep_ == "mark" and g.lower_ in UNTIL for g in c.children)
                        for c in verb.children)


def _finite_of_its_own(verb) -> bool:
    """Is a verb joined to another by 'and' in a tense of its own, so that the other's 'not' or 'will' is not its
    ('was not the source and ordered an inquiry', 'did not confirm the figure and declined to comment')? A past
    participle after 'has' shares it ('has not resigned or ordered an inquiry')."""
    return verb.tag_ in ("VBD", "VBZ", "VBP") and not any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.head.children)


def _achieved_by(verb):
    """The word that says whether an infinitive came about: 'managed' in 'managed to restore', 'was' in 'was able
    to restore' (as done, planned or denied as that word is: 'will be able to', 'did not manage to'), 'unable'.
    None for other infinitives ('plans to restore')."""
    head = verb.head
    if verb.dep_ != "xcomp" or head == verb or not _has_to(verb):
        return None
    lemma = head.lemma_.lower()
    if lemma in ("manage", "unable"):
        return head
    if lemma == "able" and head.dep_ == "acomp" and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    return None


def _unreal(verb) -> bool:
    """A modal with 'have' and a past participle: what would, could, might or should have been, not what was
    ('would not have resigned', 'might have been saved')."""
    if verb.tag_ != "VBN":
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    return any(a.lemma_.lower() == "have" for a in auxes) and any(
        a.tag_ == "MD" and a.lower_ not in ("will", "shall", "ca", "can", "wo") for a in auxes)


def _status_of(verb) -> str:
    """done | planned | decided | possible | considered | attempted | required | unreal | not, from the verb's own
    words and what governs it."""
    if _unreal(verb):
        return "unreal"
    for child in verb.children:
        if child.dep_ == "neg" or (child.dep_ in ("aux", "auxpass") and any(c.dep_ == "neg" for c in child.children)):
            if _not_until(verb):
                return "done"  # 'did not take the lead until the 70th minute': it happened, then
            return "not"  # also where the parser hangs the 'not' on an auxiliary ('has not yet been reviewed')
        if child.dep_ == "aux" and child.lower_ == "would" and _reported_in_past(verb) \
                and not any(c.dep_ == "neg" for c in verb.children):
            return "planned"  # 'the ministry said it would postpone the rise': 'will postpone', told in the past
        if child.dep_ == "aux" and child.lower_ in MODALS:
            return MODALS[child.lower_]
        if child.dep_ == "mark" and child.lower_ == "whether":
            return "considered"  # "had not decided whether to shut them", "will vote on whether to restrict": open
    if verb.dep_ == "conj" and verb.head != verb and verb.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children) \
            and not _finite_of_its_own(verb):
        return _status_of(verb.head)  # "would free the hostages and halt the fighting": one state for both
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.i == verb.sent.start and verb.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children):
        return _status_of(verb.head)  # 'Beginning May 3, customers can register': an opening participle has the
        # state of the clause it opens
    achieved = _achieved_by(verb)
    if achieved is not None:
        return "not" if achieved.lemma_.lower() == "unable" else _status_of(achieved)
    governor = verb.head if verb.dep_ in ("xcomp", "ccomp") and verb.head != verb else None
    if governor is not None and governor.lemma_.lower() in INTENT:
        return INTENT[governor.lemma_.lower()]
    noun = _counted_by_infinitive(verb)
    if noun is not None and any((c is noun or c.dep_ == "amod") and (_ordinal(c) or c.lower_ in FIRST_LAST)
                                for c in (noun, *noun.children)):
        return "done"  # "the third minister to resign", "the first (person) to plead guilty": it happened
    if verb.tag_ == "VB" and verb.dep_ == "acl" and verb.head.lemma_.lower() in DECISION_NOUNS and _has_to(verb):
        return "decided"  # "the decision to hire him", "a vote to strike": taken, whether or not done yet
    if verb.tag_ in ("VB", "VBP", "VBZ") and _has_to(verb):
        return "planned"  # "to expand": an infinitive with nothing above it that makes it a fact
    if verb.tag_ == "VBG" and any(c.lemma_ == "be" and c.dep_ == "aux" for c in verb.children):
        return "ongoing"
    return "done"


# ---------------------------------------------------------------------------------------------- figures

ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "attr", "pobj"}


def _times_of(tok) -> bool:
    """Is a noun the 'time' of 'a four-time all-star', 'a two-time Olympic champion'? What is counted is the noun
    it qualifies: four times an all-star."""
    return tok.lemma_.lower() == "time" and tok.dep_ in ("compound", "amod") and tok.head.pos_ in NOUNISH


def title_words(f: Fact) -> frozenset[str]:
    """The words naming the title a count of times is of: 'a two-time Olympic champion' -> {'olympic'}, 'a
    four-time NBA all-star' -> {'nba', 'all'}; empty for other figures."""
    span = f.tokens()
    counted = span.root.head if span is not None else None
    if counted is None or not _times_of(counted):
        return frozenset()
    return frozenset(_lemma(c) for c in counted.head.children
                     if c.dep_ in ("compound", "amod", "det") and c.i != counted.i and c.is_alpha
                     and c.lower_ not in ("a", "an", "the"))


def _figure_context(span, *, score: bool = False) -> tuple[set[str], str | None, set[str], object]:
    """(anchor lemmas, predicate lemma, qualifiers, head noun token) for a figure's tokens (`score`: a tally
    such as '31-24')."""
    root = span.root
    anchor: set[str] = set()
    qualifiers: set[str] = set()
    head = None
    if not score and root.dep_ == "appos" and (root.head.pos_ == "PROPN" or (
            root.head.pos_ == "NOUN" and root.like_num and root.i == span.end - 1 and root.i > 0
            and span.doc[root.i - 1].text == ",")):
        return {"age"}, None, {"age"}, None  # "Buckley, 32,", "her daughter, 11,"
    if any(t.lower_ == "old" for t in span.doc[span.end : span.end + 2]) or any(
            t.lower_ in ("aged", "age") for t in span.doc[max(0, span.start - 2) : span.start]):
        anchor.add("age")
        qualifiers.add("age")
    if root.pos_ in NOUNISH and not root.like_num and root.lemma_.lower() not in ("%", "percent"):
        anchor |= {w for w in _modifiers(root) if not re.search(r"\d", w)} - {root.lemma_.lower()}
    for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ in NOUNISH):
            anchor |= _modifiers(obj)  # "51.8% of the vote", "a crowd of 41,200" reads the other way
            head = head or obj
        if root.like_num and root.dep_ not in ARGUMENTS and any(
                c.dep_ == "pobj" and (c.pos_ == "PRON" or any(d.dep_ in ("det", "poss") for d in c.children))
                for c in prep.children):
            # "three people, one of them a firefighter": a part described aside ("won 41 of the 80 seats" is
            # what was won)
            qualifiers.add("part")
    verb = None
    prev = root
    first_prep = None
    for tok in _path_up(root):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass") and not _noun_modifier(tok):
            verb = _timed_from(_past_aside(tok, prev), prev)
            break
        if tok.dep_ == "prep" or tok.pos_ == "ADP":
            first_prep = first_prep or tok.lower_
            if first_prep == "by" and tok.dep_ == "prep" and tok.head.pos_ == "VERB" and not score:
                qualifiers.add("change")  # "won by two goals", "cut by a third": a difference, not a level
                # ("approved by a 33-22 margin", "passed by a 31-24 vote": a tally)
            if tok.lower_ in ("from", "than") or (tok.lower_ == "with" and tok.head.lemma_ in ("compare",)):
                qualifiers.add("previous")
            if tok.lower_ in ("of", "among") and prev.dep_ == "pobj" and any(
                    c.dep_ == "det" for c in prev.children):
                qualifiers.add("part")  # "one of the two hostages", "the trial of the two youths"
        elif tok.lemma_.lower() in CLAIM_NOUNS and prev.lower_ == "of":
            pass  # "the police estimate of 18,000": whose figure it is (see _claimant), not what it counts
        elif tok.pos_ in NOUNISH or tok.pos_ in ("ADJ", "ADV"):
            anchor |= _modifiers(tok) if tok.pos_ in NOUNISH else {_lemma(tok)}
            if head is None and tok.pos_ in NOUNISH and not _noun_modifier(tok) and not _modifiers_object(tok) \
                    and not _times_of(tok):
                head = tok
        elif _noun_modifier(tok):
            anchor.add(_lemma(tok))
        prev = tok
    predicate = None
    if verb is not None:
        predicate = verb.lemma_.lower()
        if first_prep in ("at", "to", "as"):
            for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ in NOUNISH):
                anchor |= _modifiers(obj)  # "put turnout at 64 percent", "raised the toll to 74"
                head = head or obj
        if not (anchor - {"age"}) or predicate in LIGHT_VERBS:
            subject = _subject(verb)
            if subject is not None and subject.i not in range(span.start, span.end):
                anchor |= _modifiers(subject)
                if head is None and subject.pos_ in NOUNISH:
                    head = subject
        if (verb.lemma_.lower() in FORECAST and not (verb.lemma_.lower() in MEASURING and first_prep == "at")) \
                or _status_of(verb) in NOT_A_FACT:
            qualifiers.add("forecast")  # not "police estimated the crowd at 18,000": a count put on what is there
        if verb.lemma_.lower() in CHANGE_VERBS and first_prep in (None, "by") and "previous" not in qualifiers \
                and not (root.dep_ in ("amod", "compound", "nummod") and root.head.dep_ in ("nsubj", "nsubjpass")):
            # (not a measure of the subject itself: 'a 25-metre oak fell')
            qualifiers.add("change")  # "shares fell 9%", "rose by 12": the size of a change, not a level
    change = _told_change(root, head, predicate)
    if change is not None:  # "a 12% rise in sales" is what "sales rose 12%" says
        predicate, counted = change
        qualifiers.add("change")
        if counted is not None:
            anchor |= _modifiers(counted)
            head = counted
    if head is not None and root.dep_ == "nummod" and root.head == head \
            and any(c.dep_ == "amod" and c.lower_ in EARLIER for c in head.children):
        # 'Gray has four prior arrests' counts earlier ones, not this story's (not 'the previous record at 4,051
        # yards', a value of the record)
        qualifiers.add("previous")
    for tok in span.doc:
        word = tok.lower_
        if word in SUBSET and (tok.head == verb or tok.head in span or tok.head.head in span):
            qualifiers.add("subset")
        if word in INCREMENT and (tok.head in span or tok.head == root.head or tok.head == root or tok == root.head) \
                and not (tok.i + 1 < len(span.doc) and span.doc[tok.i + 1].lower_ == "than"):
            qualifiers.add("increment")  # "another four", "two more" (not the hedge "more than")
        if word in LISTING and listed_part(root, tok):
            qualifiers.add("part")
    text = span.doc.text.lower()
    window = text[max(0, span.start_char - 40) : span.end_char + 40]
    if verb is not None:  # "So far, the navy has confiscated 14 rifles, 31 magazines and 923 rounds": the clause says
        clause = _own_clause(verb)
        record = {t.i for n in clause if any(c.tag_ == "JJS" for c in n.children) for t in n.subtree}
        window += " " + " ".join(t.lower_ for t in clause if t.i not in record)  # not "the largest crowd so far"
    if re.search(r"\b(?:since|so far|to date|in all|in total|overall|altogether)\b", window):
        qualifiers.add("cumulative")
    after = span.doc.text[span.end_char : span.end_char + 40].lower()
    if re.match(r"^\W*(?:[\w-]+\s+){0,3}(?:for each|for every|per|apiece|a share|a head)\b", after):
        qualifiers.add("rate")  # "three prisoners for each hostage", "$5 per share"
    if "age" in qualifiers:  # "31-year-old X slipped": an age, whatever the verb does
        qualifiers -= {"change", "increment", "previous", "forecast", "part", "subset", "cumulative"}
    anchor = {w for w in anchor if w and w not in ("%", "percent", "-", "the") and not w.isdigit()}
    return anchor, predicate, qualifiers, head


LISTING = {"including", "include", "includes", "included", "among"}  # words that name a part of a whole


def listed_part(root, word) -> bool:
    """Is the figure whose root is `root` the part that a listing word names ('five people were killed,
    including two children'; 'the dead included three children'; 'three children were among the dead'), not
    the whole it is part of ('five' there, 'the 12 victims included three children')?"""
    if word.dep_ != "prep" and word.pos_ in ("VERB", "AUX") and word.lower_ != "including":
        return any(root in c.subtree for c in word.children if c.dep_ in ("dobj", "attr", "oprd"))
    if word.lower_ == "among":  # both sides are set apart: 'six firefighters among the 40 injured', 'the risk
        # was lower among those who walked at least 7,000 steps' (a group, not a count)
        return root in word.subtree or word.head in (_verb_of(root), root.head, root)
    return root in word.subtree


def _told_change(root, head, verb: str | None) -> tuple[str, object] | None:
    """(the verb of the change, what changed, if said) for a figure that is the size of a change told by a noun
    ('a 28 percent reduction in dementia risk' -> reduce, risk) or by a comparative with no verb of its own
    ('an 18% lower risk', 'the risk was 18 percent lower' -> fall, None: the noun is found as for any figure;
    not 'shares closed 4% higher', where closing is what happened); None otherwise."""
    if root.dep_ == "npadvmod" and root.head.tag_ in ("JJR", "RBR") and root.head.lemma_.lower() in COMPARATIVES:
        return (COMPARATIVES[root.head.lemma_.lower()], None) if verb is None or verb in LIGHT_VERBS else None
    if head is None or head.lemma_.lower() not in CHANGE_NOUNS or not any(t == head for t in _path_up(root, 2)):
        return None
    counted = next((o for p in head.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children
                    if o.dep_ == "pobj" and o.pos_ in NOUNISH and o.ent_type_ not in ("DATE", "TIME")), None)
    return CHANGE_NOUNS[head.lemma_.lower()], counted


LASTING_VERBS = {"last", "take", "span", "run", "continue", "go"}  # "the strike lasted six hours", "took four hours"
GAP_WORDS = {"before", "after", "ago", "later", "earlier", "since"}  # "two weeks before", "three hours later"


def _lasting(span) -> bool:
    """A duration that says how long something went on: "for nine hours", "a six-hour blockade", "lasted six
    hours" (not a gap between two moments: "two weeks before the shooting", "three hours later")."""
    root = span.root
    if any(c.lower_ in GAP_WORDS for c in root.children) or root.head.lower_ in GAP_WORDS | {"within"}:
        return False
    if root.dep_ == "pobj" and root.head.lower_ == "for":
        return root.head.head.pos_ in ("VERB", "AUX") or root.head.head.dep_ in ("pobj", "dobj", "nsubj")
    if root.dep_ in ("npadvmod", "dobj") and root.head.lemma_.lower() in LASTING_VERBS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN":
        return True  # "delays of up to four hours"
    return root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ == "NOUN" and "-" in span.text


DIRECTIONS = {"to", "into", "onto"}  # where a verb sends what it acts on


TAKING_PART = {"join", "attend", "participate"}  # verbs whose object names what people did


def _event_phrase(verb) -> str | None:
    """A verb with the place it moves what it acts on ('taken to hospital', 'flown out of the city'): a
    light verb's meaning is in where it sends things, and 'killed' / 'taken to hospital' then read apart."""
    if verb is None:
        return None
    taking_part = verb.lemma_.lower() in TAKING_PART or (
        verb.lemma_.lower() == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children))
    if taking_part:  # 'joined the demonstrations', 'took part in the rally': demonstrating
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        objects += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children
                    if o.dep_ == "pobj"]
        # a lower-case noun ('the march' is tagged a proper noun, as the month would be)
        kinds = [o.lemma_.lower() for o in objects if o.pos_ in ("NOUN", "PROPN") and o.text.islower()
                 and o.lemma_.lower() in KINDS_OF]
        if kinds:
            return kinds[0]
    words = [verb.lemma_.lower()]
    for child in verb.children:
        if child.dep_ == "prt":
            words.append(child.lower_)
        elif child.dep_ == "prep" and child.lower_ in DIRECTIONS:
            obj = next((c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
            if obj is not None:
                words += [child.lower_, obj.lemma_.lower()]
                break
    return " ".join(words)


def _age_owner(ps: ParsedSentence, span) -> str | None:
    """Whose age a figure gives, when a name says it: 'Buckley, 32,', 'Tom Keller, a 32-year-old climber'."""
    root = span.root
    candidates = [root.head]
    noun = next((t for t in span.doc[span.end : span.end + 4] if t.pos_ in NOUNISH), None)  # "32-year-old man"
    if noun is not None:
        candidates += [noun, noun.head] + [c for c in noun.children if c.dep_ == "appos"]
    return _named(ps, candidates, {"PERSON"})


def _who(tok) -> str | None:
    """A claimant as one word: a name's last word, else the noun's lemma ('police', 'organiser'); None for a
    pronoun."""
    if tok.pos_ == "PRON":
        return None
    if tok.ent_type_ in OWNER_LABELS or tok.pos_ == "PROPN":
        return _lemma(tok)
    return tok.lemma_.lower() if tok.pos_ in NOUNISH else None


def _claimant(ps: ParsedSentence, span) -> str | None:
    """Whose figure the sentence says it is: the subject of a verb that gives it ('police estimated the crowd at
    18,000', 'organisers said 60,000'), the source after 'according to' ('according to a police count'), or the
    owner of an estimate it is ('the police estimate of 18,000')."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in CLAIM_NOUNS:
        owner = _claim_owner(root.head.head)
        if owner is not None:
            return _who(owner)
    prev = root
    for tok in [root, *root.ancestors]:
        below, prev = prev, tok
        if tok.lemma_.lower() in CLAUSE_ONLY and below.dep_ not in ("ccomp", "parataxis"):
            continue  # 'Hillis added 101 yards': his yards, not his claim ('the firm added 2,000 jobs, she said')
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in CLAIMING:
            subject = _subject(tok)
            if subject is not None and not (span.start <= subject.i < span.end):
                return _who(subject)
    for prep in (t for t in ps.doc if t.lower_ == "according" and t.i + 1 < len(ps.doc)):
        obj = next((c for c in ps.doc[prep.i + 1].children if c.dep_ == "pobj"), None)
        if obj is not None:
            owner = _claim_owner(obj) if obj.lemma_.lower() in CLAIM_NOUNS else obj
            return _who(owner) if owner is not None else None
    return None


def _claim_owner(noun):
    """Whose estimate or count a claim noun is: 'the police estimate', 'the organisers' count'."""
    return next((c for c in noun.children if c.dep_ in ("compound", "poss")), None)


def _standing_of(span):
    """The name a figure is told as the standing of, 'X on N' ('ahead of the Farmers' Union on 24.7 percent',
    'with Jones on 65'), wherever the parser hangs 'on': the name's last word, or None."""
    root = span.root.head if span.root.dep_ == "nummod" else span.root  # '61' of 'on 61 points'
    if root.dep_ != "pobj" or root.head.lower_ != "on" or root.head.i == 0:
        return None
    before = span.doc[root.head.i - 1]
    return before if before.pos_ == "PROPN" else None


def _owner(ps: ParsedSentence, span) -> str | None:
    """Whose figure it is, when a name says so: the named subject of its verb ('Wayne had five catches'), or the
    name owning its noun or its subject ('Charles' 226 yards rushing', 'Spain's jobless rate rose to 15 percent')."""
    standing = _standing_of(span)
    if standing is not None:
        named = _named(ps, [standing], OWNER_LABELS)
        if named is not None:
            return named
    return _named(ps, _owner_tokens(span), OWNER_LABELS)


def _owner_tokens(span) -> list:
    """The tokens that may say whose a figure is, nearest first: what owns its noun, its verb's subject and what
    owns that subject."""
    root = span.root
    candidates = [c for c in root.children if c.dep_ == "poss"]
    if root.head.pos_ in NOUNISH and root.dep_ in ("nummod", "compound", "amod"):
        candidates += [c for c in root.head.children if c.dep_ == "poss"]
    verb = _verb_of(root)
    if verb is not None and (verb.lemma_.lower() not in REPORTING or verb.lemma_.lower() in CLAUSE_ONLY) \
            and not any(c.dep_ in ("dobj", "dative") and c.ent_type_ == "PERSON" for c in verb.children):
        # not when it is done to someone named: 'Osei sentenced Reyes to 12 years' is Reyes' sentence as much
        subject = _antecedent(_subject(verb))  # 'Andy Ryan, who has worked at the plant for nearly 30 years'
        if subject is not None and (span.start <= subject.i < span.end or subject == root.head):
            subject = _holder(verb) or subject
        if subject is not None and not (span.start <= subject.i < span.end):
            candidates += [subject, *(c for c in subject.children if c.dep_ == "poss")]  # "Spain's jobless rate"
            if subject != root.head:  # not the counted noun's own kind ('two TDCJ officers drove him')
                candidates += _company_of(subject)
    return candidates


def _holder(verb):
    """Who 'had' a figure the parser made the subject of the participle after it: 'He had just 269 yards
    rushing' (read as 'yards rushing', with 'He' hung on 'had'), 'She had 2,000 signatures collected'."""
    have = next((t for t in (*(c for c in verb.children if c.dep_ == "aux"),
                             verb.head if verb.dep_ in ("ccomp", "xcomp", "advcl") else None)
                 if t is not None and t.lemma_.lower() == "have"), None)
    return next((c for c in have.children if c.dep_ == "nsubj"), None) if have is not None else None


PERSONAL = {"he", "she", "his", "her"}  # one person, named before
FOCUS_SENTENCES = 3  # how many sentences without a person a 'he' reaches back over


def _person_words(cluster: ParsedCluster) -> frozenset[str]:
    """The words of every name the tagger reads as a person somewhere in the cluster: a surname it misreads
    elsewhere ('Payton said', tagged a place) is still a person's ('coach Sean Payton')."""
    return frozenset(w.lower() for ps in cluster.sentences for e in ps.doc.ents if e.label_ == "PERSON"
                     for w in name_tokens(e.text))


def _persons(ps: ParsedSentence, words: frozenset[str]) -> list:
    """(name, token) for each person a sentence names, in reading order: a person's name as the tagger reads it,
    a proper noun that is a word of a person's name elsewhere in the cluster, or one it reads as no kind of name
    ('Ilya Brandt lost time')."""
    out = []
    for tok in ps.doc:
        if tok.pos_ != "PROPN" or tok.dep_ == "compound":
            continue
        ent = next((e for e in ps.doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None and ent.label_ == "PERSON":
            out.append((ent.text, tok))
        elif tok.lower_ in words or ent is None:
            out.append((proper_run(tok), tok))
    return out


def in_focus(cluster: ParsedCluster, words: frozenset[str]) -> dict[str, str]:
    """The person a 'he' or 'she' opening each sentence stands for: the one person the nearest sentence before it
    that names people names ('Bush missed eight games. He has rushed for only 150 yards'), or the subject of its
    main verb when it names several ('Thomas replaced Bush. He ...'); nobody when that subject is not one of them,
    nor when more than a few sentences name nobody. `words`: see `_person_words`."""
    out: dict[str, str] = {}
    focus: dict[str, tuple[str | None, int]] = {}
    for ps in cluster.sentences:
        person, since = focus.get(ps.article_id, (None, 0))
        if person is not None and since <= FOCUS_SENTENCES:
            out[ps.id] = person
        people = _persons(ps, words)
        names = list(dict.fromkeys(name for name, _ in people))
        if not names:
            focus[ps.article_id] = (person, since + 1)
            continue
        if all(compare_names(names[0], n) in ("same", "variant") for n in names[1:]):
            focus[ps.article_id] = (max(names, key=len), 1)
            continue
        roots = [t for t in ps.doc if t.dep_ == "ROOT"]
        main = [_subject(r) for r in roots if r.lemma_.lower() not in REPORTING]
        subject = next((name for name, tok in people if any(m is not None and m.i == tok.i for m in main)), None)
        focus[ps.article_id] = (subject, 1)
    return out


def told_of_people(cluster: ParsedCluster, facts: list[Fact]) -> list[Fact]:
    """Figures whose owner is 'he' or 'she' (or 'his', 'her'), given as the person it stands for: the named subject
    before it in its own sentence, else the person in focus (see `in_focus`). 'He had just 269 yards rushing'
    after a sentence about Thomas is Thomas' figure, not the 716 yards Ivory rushed for. And each date with the
    person its clause is about (see `_dated_person`)."""
    words = _person_words(cluster)
    focus = in_focus(cluster, words)
    out = []
    for f in facts:
        if f.kind == "date":
            out.append(replace(f, person=_dated_person(f, words, focus)))
            continue
        span = f.tokens() if f.kind == "number" and f.name is None and "age" not in f.qualifiers else None
        pronoun = next((t for t in _owner_tokens(span) if t.lower_ in PERSONAL
                        and t.dep_ in ("nsubj", "nsubjpass", "poss")), None) if span is not None else None
        person = _pronoun_person(f.sentence, pronoun, words, focus) if pronoun is not None else None
        out.append(replace(f, name=person) if person else f)
    return out


def _pronoun_person(ps: ParsedSentence, pronoun, words: frozenset[str], focus: dict[str, str]) -> str | None:
    """Whom a 'he' or 'she' stands for: the last person named as a subject before it in its sentence, else the
    person in focus."""
    before = [name for name, tok in _persons(ps, words) if tok.i < pronoun.i and tok.dep_ in ("nsubj", "nsubjpass")]
    return before[-1] if before else focus.get(ps.id)


def _dated_person(f: Fact, words: frozenset[str], focus: dict[str, str]) -> str | None:
    """The person a date's clause is about, by name: the subject of the date's verb ('Chargers receiver Vincent
    Jackson was arrested on Jan. 6'), the noun a participle or a 'who' hangs on ('Jackson, arrested Jan. 6';
    'Cheeks, who was fired March 2', where the tagger reads 'Cheeks' as a common noun but the cluster names
    Maurice Cheeks), or whom a 'he' stands for; where that is a common noun or an organisation, the person its
    verb was done to ('Police arrested Marco Bellini on Monday'). None when no person is named."""
    span = f.tokens()
    verb = _verb_of(span.root) if span is not None else None
    if verb is None:
        return None
    subject = _subject(verb)
    if subject is None and verb.dep_ == "acl":
        subject = verb.head
    if verb.tag_ in ("VBN", "VBD") and verb.dep_ in ("conj", "advcl") and verb.i >= 2 \
            and verb.doc[verb.i - 1].text == "," \
            and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "dobj") for c in verb.children):
        # 'a case involving receiver Vincent Jackson, arrested Jan. 6': a participle after a name is the name's,
        # wherever the parser hangs it (and whichever past form the tagger reads it as)
        subject = verb.doc[verb.i - 2]
    subject = _antecedent(subject)
    person = _person_named(f, subject, words, focus) if subject is not None else None
    if person is None:  # 'Police arrested Marco Bellini on Monday', 'The club signed Wynn on Tuesday': his day
        objects = [o for c in verb.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)]
        if objects:
            person = _person_named(f, min(objects, key=lambda o: abs(o.i - span.root.i)), words, focus)
    return person


def _person_named(f: Fact, tok, words: frozenset[str], focus: dict[str, str]) -> str | None:
    """The person a token of a fact's sentence names, or None for a common noun or an organisation."""
    tok = next((c for c in tok.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), tok)
    # 'The driver, Mara Quill, was arrested'; 'Chargers defensive tackle Jamal Williams', read as 'Chargers' with
    # the name beside it
    if tok.lower_ in PERSONAL and tok.dep_ in ("nsubj", "nsubjpass"):
        return _pronoun_person(f.sentence, tok, words, focus)
    ent = next((e for e in f.sentence.doc.ents if e.start <= tok.i < e.end), None)
    if ent is not None and ent.label_ == "PERSON":
        return ent.text
    if ent is None and tok.text[:1].isupper() and tok.lower_ in words:
        return proper_run(tok)
    return None


def _company_of(noun) -> list:
    """A company or person named before a noun or after its 'of', owning it as a possessive does ('EDS shares
    finished at $24.13', 'shares of Norcell'); not a place or a people ('Gaza health officials'), nor a common
    noun the tagger takes for a name ('navy personnel')."""
    near = [*noun.children, *(o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children)]
    return [c for c in near if c.dep_ in ("compound", "amod", "nmod", "pobj") and c.text[:1].isupper()
            and c.ent_type_ in COMPOUND_OWNERS]


def _parties(ps: ParsedSentence, span, claimant: str | None) -> frozenset[tuple[str, str]]:
    """Who a figure's own clause names (proper nouns that are not places or times), other than whoever gives
    the figure (its `claimant`), each with its role there (the verb's subject or object, or the preposition
    before it): 'Luck completed an 11-yard pass to Hilton' -> {(subj, Luck), (to, Hilton)}. Whom it was done for,
    with or against is one part ('for/with'), named or not: 'worked for the council' / 'worked with the charity'."""
    standing = _standing_of(span)
    if standing is not None:  # 'ahead of the Fenwick Alliance on 30.5 percent': the Alliance's, not the clause's
        name = " ".join(t.text for t in ps.doc[standing.left_edge.i : standing.i + 1] if t.pos_ == "PROPN")
        return frozenset({("subj", name)})
    clause = _verb_of(span.root)
    # a subject the clause shares with another ('Rait was killed after slipping and falling 200ft'; 'a climber,
    # Robert Buckley, slipped and fell 700 metres')
    subject = _subject(clause) if clause is not None else None
    if subject is not None and (span.start <= subject.i < span.end or subject == span.root.head) \
            and clause.dep_ == "pcomp" and clause.head.head.pos_ in ("VERB", "AUX"):
        # the figure is the subject of a clause hung on a preposition: "KC ended the game with 352 yards rushing"
        # (KC's yards), "Harlow Foods ended the year with 1,200 staff working from home"
        subject = _subject(clause.head.head)
    shared = set()
    if subject is not None and _verb_of(subject) != clause:
        shared = {t.i for t in [subject, *(c for c in subject.children if c.dep_ == "appos")] if t.pos_ == "PROPN"}
    out = set()
    for tok in ps.doc:
        if tok.pos_ != "PROPN" or tok.dep_ in ("compound", "flat") or tok.text in ZONES \
                or (_verb_of(tok) != clause and tok.i not in shared):  # ZONES: '10:00 GMT' is a clock's zone
            continue
        name = " ".join(t.text for t in ps.doc[tok.left_edge.i : tok.i + 1] if t.pos_ == "PROPN")
        if claimant and claimant in name_tokens(name):
            continue
        root = tok
        while root.dep_ in ("appos", "conj") and root.head != root:
            root = root.head
        role = "subj" if tok.i in shared else _role(root)
        if role == "poss" and root.head.dep_ == "appos":
            continue  # 'Wolanski, Norvane's new chief,': who she is, not a party to the figure
        doer = role == "subj" and tok.ent_type_ in PLACES  # 'Spain cut its deficit by 3%', and a surname the
        # tagger takes for a town ('Yilmaz had three catches')
        role = "subj" if role == "poss" else role or root.dep_  # 'Okafor's pass': Okafor threw it
        if (tok.ent_type_ not in ("", "PERSON", "ORG", "NORP") and not doer) or role in LOCATIVE:
            continue  # where or when, not who ('in Athens', 'rattled Sonoma', 'Lake County's community')
        out.add(("for/with" if role in COMPANY_PREPS else role, name))
    if clause is not None:  # whom the clause is done for or with, unnamed: 'worked with the gang unit'
        for prep in (c for c in clause.children if c.dep_ == "prep" and c.lower_ in COMPANY_PREPS):
            for noun in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"):
                if noun.i not in range(span.start, span.end) and not noun.ent_type_ and not \
                        any(t.like_num for t in noun.subtree):
                    out.add(("for/with", " ".join(t.text for t in noun.subtree if t.pos_ in ("NOUN", "PROPN", "ADJ"))))
    return frozenset(out)


def place_name(text: str) -> str:
    return " ".join(name_tokens(text))


PLACES = {"GPE", "LOC"}  # towns, regions, countries; and the places the tagger cannot tell from them ('Kestrel Bay')


# Nouns whose 'of' names a town or a country (general English): 'the streets of Athens', 'the city of Corvel'.
PLACE_OF = {"street", "city", "town", "village", "capital", "port", "outskirts", "suburbs", "province", "region"}


def _places(ps: ParsedSentence, span) -> frozenset[str]:
    """The towns, regions and countries a figure's own clause names ('killed five people at a mall in Salt Lake
    City, Utah'), not where someone is from or a distance is measured from. Not a park or a street: it lies in
    a town that another sentence may name instead."""
    clause = _verb_of(span.root)
    if clause is None:
        return frozenset()
    verbs = {clause}  # and the verbs joined to it ('killed five and injured others at a mall in ...')
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head
        verbs.add(clause)
    verbs |= {t for v in list(verbs) for t in v.children if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")}
    out = set()
    for ent in ps.doc.ents:
        if ent.label_ not in PLACES or ent.root.pos_ != "PROPN" or ent.root.head.lower_ == "from" or (
                ent.root.head.lower_ == "of" and ent.root.head.head.dep_ == "npadvmod"):
            continue  # 'originally from Quillan'; '3 miles southwest of Cobb' (see _origin)
        verb = _verb_of(ent.root)
        if verb in verbs or (verb is not None and verb.dep_ in ("relcl", "acl") and _verb_of(verb.head) in verbs):
            out.add(place_name(ent.text))  # 'a man who was fired from a firm in Detroit shot three'
    for tok in ps.doc:  # 'the streets of Varnholm', 'the city of Corvel': a town, whatever the tagger calls the name
        if tok.pos_ == "PROPN" and tok.dep_ == "pobj" and tok.head.lower_ == "of" \
                and tok.head.head.lemma_.lower() in PLACE_OF and _verb_of(tok) in verbs:
            out.add(_town(tok))
    where = _where_of(clause)
    if where is not None:
        # the named place whose 'where' clause it is ('violence broke out in Corvel, where another 20,000 people
        # marched'), whether or not the tagger knows the name for a town
        out.add(_town(where))
    return frozenset(out - {""})


def _town(tok) -> str:
    """A proper noun with the words compounded with it, as a place's name ('Santa Rosa')."""
    words = sorted([t for t in tok.children if t.dep_ == "compound"] + [tok], key=lambda t: t.i)
    return place_name(" ".join(t.text for t in words))


def _where_of(clause):
    """The proper noun a 'where' clause tells of: 'Corvel, where 20,000 marched' (a relative clause of the
    name), 'clashes broke out in Corvel where 20,000 marched' (a clause of the verb that says 'in Corvel')."""
    if not any(c.lower_ == "where" and c.dep_ == "advmod" for c in clause.children):
        return None
    if clause.dep_ == "relcl":
        return clause.head if clause.head.pos_ == "PROPN" else None
    if clause.dep_ == "advcl":
        return next((o for p in clause.head.children if p.dep_ == "prep" and p.lower_ in ("in", "at")
                     and p.i < clause.i for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"), None)
    return None


def _origin(ps: ParsedSentence, span) -> str | None:
    """Where a distance is measured from: the place after its direction ('3 miles southwest of Cobb', '40 km east
    of Port Arlen'), or the thing ('25 miles south of the quake')."""
    root = span.root
    # the direction the measure hangs from, or, where the parser hangs it on the measure ('and twenty-six miles
    # north of Santa Rosa' read as a clause of its own), the direction under it
    directions = [root.head] if root.dep_ == "npadvmod" else [c for c in root.children if c.dep_ == "advmod"]
    for prep in (c for d in directions for c in d.children if c.dep_ == "prep" and c.lower_ in ("of", "from")):
        places = [c for c in prep.children if c.dep_ == "pobj"]
        named = _named(ps, places + [c for p in places for c in p.children if c.dep_ == "compound"], NAME_LABELS)
        return named or (places[0].lower_ if places and places[0].pos_ == "NOUN" else None)
    return None


def _named(ps: ParsedSentence, tokens: list, labels: Container[str]) -> str | None:
    """The first name of one of `labels` that one of `tokens` stands in, as written."""
    for tok in tokens:
        ent = next((e for e in ps.doc.ents if e.label_ in labels and e.start <= tok.i < e.end), None)
        if ent is not None:
            return ent.text
    return None


def _by(text: str, a, b) -> bool:
    """Are two figures the sides of one size ('2880 x 1800', '2,880 by 1,800 pixels', '12 × 20 ft')?"""
    first, second = (a, b) if a.start < b.start else (b, a)
    return re.fullmatch(r"\s*(?:[a-z]+\s+)?(?:x|×|by)\s*", text[first.end : second.start]) is not None


def _side_by_side(text: str, a, b) -> bool:
    """Are two figures items of one list, with only commas, 'and' or brackets between them ('6-4, 3-6 and 7-5')?
    Not 'were 4-4 on the road and moved their record to 9-1': two records of two things."""
    first, second = (a, b) if a.start < b.start else (b, a)
    return re.fullmatch(r"[\s,;()]*(?:and\s+|then\s+)?", text[first.end : second.start]) is not None


DECIDING = re.compile(r"\b(?:deciding|decider|decisive)\b", re.I)  # 'a deciding-set tiebreak', 'the decider'


def _deciding(text: str, fig, scores: list) -> bool:
    """Is the score the one that decided a match of sets or games: the last of a list whose earlier scores split
    evenly ('6-4, 3-6, 7-5'; '25-20, 22-25, 25-18, 23-25, 15-12'), or one its own clause calls deciding ('edged
    her 7-6 in a deciding-set tiebreak', 'took the decider 11-9')?"""
    clause_start = max(text.rfind(c, 0, fig.start) for c in ",;.") + 1
    ends = [i for i in (text.find(c, fig.end) for c in ",;.") if i >= 0]
    if DECIDING.search(text[clause_start : min(ends, default=len(text))]):
        return True
    chain = [fig]
    for other in sorted((o for o in scores if o.start < fig.start), key=lambda o: o.start, reverse=True):
        if not _side_by_side(text, other, chain[0]):
            break
        chain.insert(0, other)
    if len(chain) < 3 or any(o.start > fig.start and _side_by_side(text, fig, o) for o in scores):
        return False
    won = sum(1 if o.score[0] > o.score[1] else -1 for o in chain[:-1])
    return won == 0


# Verbs a body decides with by vote (general English): 'approved unanimously', 'unanimously elected'.
VOTING = {"approve", "vote", "back", "elect", "re-elect", "reelect", "pass", "adopt", "reject", "rule", "decide",
          "agree", "endorse", "convict", "acquit", "choose", "appoint", "confirm", "select", "uphold", "overturn",
          "ratify", "find", "dismiss", "accept", "name"}


def _a_vote(tok) -> bool:
    """Is this 'unanimous(ly)' said of a vote: of a deciding verb ('approved her appointment unanimously') or
    a decision noun ('a unanimous decision', 'the vote was unanimous')?"""
    head = tok.head
    if tok.lower_.endswith("ly"):
        return head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in VOTING
    if head.pos_ in ("AUX", "VERB") and tok.dep_ in ("acomp", "attr"):
        head = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), head)
    return head.pos_ == "NOUN" and head.lemma_.lower() in DECISION_NOUNS


RECORD_NOUNS = {"record", "mark"}  # "a 9-5 record", "their record rose to 9-1", "a 2-14 mark"
STANDING = {"be", "stand", "sit", "improve", "fall", "drop", "slip", "move", "climb", "rise", "sink", "go", "remain",
            "stay"}  # "the Hawks are 8-1", "stand at 10-5", "improved to 31-12", "went 11-5"
GAME_SUBJECTS = {"score", "scoreline", "game", "match", "lead", "tie", "it", "set", "vote", "tally", "result"}
IN_PLAY = {"lead", "trail", "halftime", "half", "quarter", "period", "interval", "break", "inning", "set"}
SPLIT_WORDS = {"in", "on", "at", "against", "away", "home", "outside", "within", "versus", "vs", "vs."}


def _won_lost(span) -> bool:
    """Is a score a side's won-lost record rather than a game's score: given in brackets after a name ('the
    Hawks (31-12)'), as a record or a season ('a 9-5 record', 'a 24-2 season'), or as where a named side stands
    ('the Colts are 8-1', 'Marlow, now 24-2,', 'improved to 31-12')? Not a score in a game ('were 2-1 up',
    'the score was 13-13')."""
    doc, root = span.doc, span.root
    before = doc[max(0, span.start - 4) : span.start]
    opened = [t for t in before if t.text == "("]
    if opened and ")" not in doc[opened[-1].i : span.start].text and opened[-1].i > 0 \
            and doc[opened[-1].i - 1].pos_ == "PROPN":
        return True  # "the Hawks (31-12)", "the Colts (10-5, 4-4 away)"
    if root.dep_ == "appos" and root.head.pos_ == "PROPN" and root.head.dep_ in ("nsubj", "nsubjpass", "ROOT"):
        return True  # "Marlow, now 24-2 as a professional," (not "went in leading KC, 13-3")
    if root.dep_ in ("nummod", "compound", "amod") and root.head.lemma_.lower() in RECORD_NOUNS | {"season"}:
        return True
    following = doc[span.end : span.end + 2]
    if any(t.lower_ in ("up", "down", "ahead", "behind", "lead", "win", "victory", "defeat", "loss") for t in following):
        return False  # "were 2-1 up", "a 20-13 win"
    verb = _verb_of(root)
    if verb is None:
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.i not in range(span.start, span.end)]
    if any(o.lemma_.lower() in RECORD_NOUNS for o in objects):
        return True  # "moved their record to 9-1", "their record rose to 9-5"
    if verb.lemma_.lower() not in STANDING or any(
            t.lemma_.lower() in IN_PLAY for t in verb.subtree if verb.i < t.i < span.start):
        return False  # "went into halftime leading KC, 13-3"
    preps = [t for t in _path_up(root) if t.i < verb.i or t.i > span.end - 1][:3]
    if any(t.dep_ == "prep" and t.lower_ not in ("at", "to") for t in preps if t.head == verb):
        return False
    subject = _subject(verb)
    return subject is not None and subject.lemma_.lower() not in GAME_SUBJECTS and (
        subject.pos_ == "PROPN" or subject.lower_ in ("they", "we"))


def _record_holder(span) -> str | None:
    """Whose won-lost record a score is: the name before its brackets or beside it, the owner of 'record', the
    subject of 'are' / 'improved to', whom 'gave ... a 9-5 season' gave it to; 'they' / 'their' is the nearest
    subject name before it in the sentence."""
    doc, root = span.doc, span.root
    opened = [t for t in doc[max(0, span.start - 4) : span.start] if t.text == "("]
    if opened and opened[-1].i > 0 and doc[opened[-1].i - 1].pos_ == "PROPN":
        holder = doc[opened[-1].i - 1]
    elif root.dep_ == "appos":
        holder = root.head
    else:
        verb = _verb_of(root)
        noun = root.head if root.dep_ in ("nummod", "compound", "amod") else None
        if noun is None and verb is not None:
            noun = next((c for c in verb.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")
                         and c.lemma_.lower() in RECORD_NOUNS), None)
        owner = next((c for c in noun.children if c.dep_ == "poss"), None) if noun is not None else None
        if owner is None and verb is not None:
            owner = next((c for c in verb.children if c.dep_ == "dative" and c.pos_ == "PROPN"), None) \
                or _subject(verb)
        holder = owner
    if holder is not None and holder.pos_ == "PRON" and holder.lower_ in ("they", "their", "we", "our", "its", "it"):
        holder = next((t for t in reversed(doc[: holder.i]) if t.pos_ == "PROPN" and t.dep_ in ("nsubj", "nsubjpass")), None)
    if holder is None or holder.pos_ != "PROPN":
        return None
    return proper_run(holder)


def team_names(cluster: ParsedCluster, names: set[str]) -> dict[str, str]:
    """Each of `names` that the cluster also gives whole, and only one way: 'Colts' and 'Indianapolis' ->
    'Indianapolis Colts'; not 'Kansas' where both 'Kansas City Chiefs' and 'Kansas State' appear."""
    if not names:
        return {}
    runs = {proper_run(t) for ps in cluster.sentences for t in ps.doc if t.pos_ == "PROPN" and t.dep_ != "compound"}
    words = {run: name_tokens(run) for run in runs | names}
    out = {}
    for run in names:
        holders = sorted((r for r in runs if len(words[r]) > len(words[run]) and set(words[run]) <= set(words[r])),
                         key=lambda r: len(words[r]))
        if holders and all(set(words[holders[0]]) <= set(words[r]) for r in holders):
            out[run] = holders[0]
    return out


def _split_of(span) -> str | None:
    """The part of a season a record covers, from the words after it: 'on the road' -> 'road', '4-4 away' ->
    'away', 'in one-possession games' -> 'game'; None for a whole record."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in SPLIT_WORDS:
        return None
    first = doc[span.end]
    if first.pos_ in ("ADV", "NOUN"):
        return first.lower_  # "away", "home"
    noun = next((t for t in doc[span.end + 1 : span.end + 6] if t.pos_ in NOUNISH and t.dep_ != "compound"), None)
    return _lemma(noun) if noun is not None else first.lower_


def _labels_its_noun(span) -> bool:
    """Does a bare number follow the noun it belongs to, as the number in a name does ('State Route 94', 'Flight
    370', 'Windows 8', 'highway 94', 'Room 101')? A count comes before its noun ('94 routes'). Not after a person's
    name ('Buckley 32', an age)."""
    root = span.root
    if root.dep_ != "nummod" or root.i == 0 or root.head.i != span.start - 1:
        return False
    noun = root.head
    return noun.pos_ in ("PROPN", "NOUN") and noun.ent_type_ != "PERSON"


# Nouns of a study of people or things (general English): what it followed, surveyed or enrolled is its sample.
STUDIES = {"study", "research", "trial", "survey", "poll", "analysis", "experiment", "cohort"}


def _studied(span) -> bool:
    """Is the count the size of a study's sample: 'a study of 2,000 adults', 'the study followed 4,300 adults',
    'the research, which tracked 3,400 people', 'a trial involving 450 patients'?"""
    counted = span.root.head if span.root.dep_ == "nummod" else span.root
    if counted.dep_ == "pobj" and counted.head.lower_ == "of":
        return counted.head.head.lemma_.lower() in STUDIES
    if counted.dep_ != "dobj":
        return False
    verb = counted.head
    if verb.dep_ == "acl":
        return verb.head.lemma_.lower() in STUDIES  # 'a trial involving 450 patients'
    subject = _antecedent(next((c for c in verb.children if c.dep_ == "nsubj"), None))  # 'the research, which ...'
    return subject is not None and subject.lemma_.lower() in STUDIES


SUPPOSING = {"if", "unless"}


def _supposed(verb) -> bool:
    """Is a verb's clause a supposition: a condition ('If the application needs 10 servers') or what would follow
    from one ('If the river rises two metres, 300 homes would flood')? Not a fact that holds whatever the
    condition ('If convicted, he faces up to 10 years')."""
    if verb is None:
        return False
    clause = verb
    while clause.dep_ == "conj" and clause.head != clause:  # 'If the application gets busy and needs 10 servers'
        clause = clause.head
    if any(c.dep_ == "mark" and c.lower_ in SUPPOSING for c in clause.children):
        return True
    conditioned = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in SUPPOSING for m in c.children)
                      for c in clause.children)
    return conditioned and any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might") for c in clause.children)


# Figures read in one sentence at most: news sentences give a handful (nine at most in the ECB+ corpus); a
# sentence listing hundreds (a pasted table, a box score) would cost time quadratic in their number.
MAX_FIGURES_PER_SENTENCE = 20


def figure_facts(ps: ParsedSentence) -> list[Fact]:
    out = []
    figures = find_figures(ps.text)[:MAX_FIGURES_PER_SENTENCE]  # a longer run is a table: its first values read
    scores = [f for f in figures if f.score]
    for i, fig in enumerate(figures):
        span = ps.doc.char_span(fig.start, fig.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if re.fullmatch(r"\d\d", fig.text) and re.search(r"[’']\s?$", ps.text[: fig.start]):
            continue  # a year written short ("the '66 squad"), not a count
        if fig.score == ALL_FOR and not _a_vote(span.root):
            continue  # 'a unanimous choice of critics', not a vote
        if not fig.score and fig.measure == (None, None, False, False) and _labels_its_noun(span):
            continue  # 'State Route 94', 'Flight 370', 'Windows 8': the number in a name, not a count
        if _supposed(_verb_of(span.root)):
            continue  # 'If an application needs only two servers, ...': a supposition, not a figure reported
        anchor, predicate, qualifiers, head = _figure_context(span, score=fig.score)
        record = bool(fig.score) and fig.score != ALL_FOR and _won_lost(span)
        split = _split_of(span) if record else None
        if record:  # a side's standing, whatever the clause around it does ("allowed the Colts (10-5) to join")
            anchor, predicate, head = {"record"} | ({split} if split else set()), None, None
            qualifiers = (qualifiers & {"previous"}) | {"record"} | ({"split"} if split else set())
        if predicate in REPORTING and not anchor:
            continue  # "said 12": nothing tells what the figure counts
        if _background(ps, span) and not record:
            qualifiers.add("background")
        if fig.dimension == "duration" and _lasting(span):
            qualifiers.add("lasting")  # how long what happened went on: the verb's, not its subject's
            if head is not None and head.i not in {t.i for t in span.root.ancestors}:
                head = None
        if "part" in qualifiers and fig.measure != (None, None, False, False) and head is not None \
                and span.root.dep_ in ("amod", "compound", "nummod") and span.root.head == head:
            qualifiers.discard("part")  # 'ran for 226 yards, including an 84-yard scamper': the scamper's own length
        if head is not None and head.pos_ == "PROPN" and fig.measure != (None, None, False, False):
            head = None  # "Marin took 53%", "Toyota's 9% rise": whose measure it is (see _owner), not what it is of
        if fig.measure == (None, None, False, False) and re.fullmatch(r"[^\d]*\d+\.\d+", fig.text):
            qualifiers.add("reading")  # "a magnitude 4.6 quake", "a 3.5 rating": a reading, not a count of its noun
        if any(c.lower_ == "each" and c.dep_ != "det" for t in (span.root, span.root.head) for c in t.children):
            qualifiers.add("rate")  # "two goals each", "over 100 yards each", "$40 each": each one's, not the total
        if re.search(r"(?:#|\bNo\.)\s?$", ps.text[: fig.start]):
            qualifiers.add("rank")  # "the #1 seed", "the No. 2 party": a place in an order, not a count
        if fig.measure == (None, None, False, False) and _studied(span):
            qualifiers.add("sample")  # 'a study that followed 4,300 adults': how many people the study looked at
        if fig.score and not record and _deciding(ps.text, fig, scores):
            qualifiers.add("deciding")  # "6-4, 3-6, 7-5", "7-6 in a deciding-set tiebreak": the set that decided it
        elif fig.score and not record and any(_side_by_side(ps.text, fig, other) for other in scores if other is not fig):
            qualifiers.add("listed")  # "6-4, 3-6, 7-5": one set among several
        if not fig.score and (span.root.dep_ == "conj" and span.root.head.like_num
                              or any(c.dep_ == "conj" and c.like_num for c in span.root.children)):
            qualifiers.add("listed")  # "two sons, ages 6 and 16": each value is one member's
        for other in figures:  # "2880 x 1800 pixels", "105 by 68 metres": each value is one side of a size,
            if other is not fig and _by(ps.text, fig, other):  # compared with the same side of another, the
                qualifiers.add("size_long" if fig.value >= other.value else "size_short")  # long with the long
        claimant = _claimant(ps, span)
        out.append(Fact(
            id=f"{ps.id}#n{i}", kind="number", sentence=ps, start=ps.start + fig.start, end=ps.start + fig.end,
            text=fig.text, normalized=fig.normalized(), anchor=frozenset(anchor), predicate=predicate,
            entities=_entities(ps, clause=_verb_of(span.root)) or _entities(ps), frame=_frame(ps, (fig.start, fig.end)),
            qualifiers=frozenset(qualifiers),
            figure=fig, head=(split or "record") if record else _lemma(head) if head is not None else None,
            event=_event_phrase(_verb_of(span.root)) if predicate else None,
            name=_age_owner(ps, span) if "age" in qualifiers else _record_holder(span) if record else _owner(ps, span),
            claimant=claimant,
            origin=_origin(ps, span), parties=_parties(ps, span, claimant), places=_places(ps, span),
            head_group=head is not None and (head.ent_type_ in ("NORP", "PERSON") or _lemma(head) in GENERIC_PEOPLE)))
    return out + ordinal_facts(ps)


ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
            "tenth": 10, "eleventh": 11, "twelfth": 12}


FIRST_LAST = ("first", "last", "only")


def _ordinal(tok) -> int | None:
    word = tok.lower_
    if word in ORDINALS:
        return ORDINALS[word]
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word)
    return int(m.group(1)) if m else None


def _counted_by_infinitive(verb):
    """The noun an infinitive says what happened to: 'the captives to be freed', and where the parser hangs the
    infinitive on the verb ('became the third minister to resign'); else None."""
    if verb.pos_ not in ("VERB", "AUX") or not _has_to(verb):
        return None
    if verb.dep_ in ("relcl", "acl"):
        return verb.head
    if verb.dep_ in ("xcomp", "advcl"):
        return next((c for c in verb.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
    return None


def ordinal_facts(ps: ParsedSentence) -> list[Fact]:
    """A count an ordinal implies: 'the second and third captives to be freed by the military' says at least
    three have been freed; 'the fifth reporter to be killed this year', at least five killed. Only an ordinal
    on a noun that an infinitive says what happened to ('to be freed', 'to resign') counts: 'the second
    quarter', 'his third goal' imply no count of what happened."""
    out = []
    for tok in ps.doc:
        if tok.dep_ != "amod" or _ordinal(tok) is None:
            continue
        noun = tok.head
        verb = next((v for v in [*noun.children, *noun.head.children] if _counted_by_infinitive(v) == noun), None)
        if verb is None or noun.pos_ != "NOUN":
            continue
        ordinals = [tok, *(c for c in tok.children if c.dep_ == "conj" and _ordinal(c) is not None)]
        value = max(_ordinal(t) for t in ordinals)
        first, last = ordinals[0], max(ordinals, key=lambda t: t.i)
        start, end = first.idx, last.idx + len(last.text)
        text = ps.text[start:end]
        fig = Figure(start, end, text, float(value), float(value), math.inf, "at_least")
        span = ps.doc[first.i : last.i + 1]
        claimant = _claimant(ps, span)
        out.append(Fact(
            id=f"{ps.id}#o{tok.i}", kind="number", sentence=ps, start=ps.start + start, end=ps.start + end,
            text=text, normalized=fig.normalized(), anchor=frozenset(_modifiers(noun) - {t.lower_ for t in ordinals}),
            predicate=verb.lemma_.lower(),
            entities=_entities(ps, clause=verb) or _entities(ps), frame=_frame(ps, (start, end)), figure=fig,
            head=_lemma(noun), event=_event_phrase(verb), claimant=claimant, parties=_parties(ps, span, claimant),
            head_group=noun.ent_type_ in ("NORP", "PERSON") or _lemma(noun) in GENERIC_PEOPLE))
    return out


# ---------------------------------------------------------------------------------------------- dates

_STAMPED_DATELINE = re.compile(r"[A-Z][A-Z .,'’-]{2,40}(?:\([A-Za-z .]+\))?\s*[—–]{1,2}\s")


def _stamp_end(ps: ParsedSentence) -> int:
    """In an article's first sentence, where a scraped date stamp ends: a date written before the dateline
    ('2024-02-14 CAIRO —', 'Updated Feb. 14, 2024 LONDON (Reuters) —') dates the page, not an event."""
    if ps.index != 0:
        return 0
    m = _STAMPED_DATELINE.search(ps.text[:120])
    return m.start() if m and m.start() > 0 else 0


DAY_PARTS = {"morning", "afternoon", "evening", "night", "overnight", "midday", "dawn", "dusk", "lunchtime"}


# A verb and an object that only make one verb together (general English): the object names no participant ('the
# murder took place at 3 am' is about the murder, not a place).
IDIOMS = {"take place", "take part", "take effect", "take hold", "make way"}


# Words that put a time of day on a day counted from the article's own (general English): 'at 8:30pm tonight',
# 'at 6 a.m. yesterday', 'at 2 a.m. last night', 'at 9 this morning'.
RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1}


def _relative_day(ps: ParsedSentence, verb, root) -> str | None:
    """The day a word such as 'tonight' or 'last night' beside a time of day (on its verb or on the time itself)
    gives it, counted from the article's date."""
    if ps.anchor is None:
        return None
    for tok in [*verb.children, *root.children]:
        back = RELATIVE_DAYS.get(tok.lower_)
        if back is None and tok.lemma_.lower() in DAY_PARTS:
            which = {c.lower_ for c in tok.children if c.dep_ in ("det", "amod")}
            back = 0 if "this" in which else -1 if "last" in which else None
        if back is not None:
            return (ps.anchor + timedelta(days=back)).isoformat()
    return None


# Days counted from the day the story last named, not from the article's own (general English): 'a shooting that had
# taken place the previous day', 'the next day', 'the day before.', 'two days later'. 'The day before the trial'
# counts from the trial and is not read.
_NUMBER_OF_DAYS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_ANAPHORIC_DAY = re.compile(
    r"\bthe\s+(?P<dir1>previous|preceding|next|following)\s+day(?:['’]s)?\b"
    r"|\bthe\s+day\s+(?P<dir2>before|after)(?=\s*[.,;)]|\s*$)"
    r"|\b(?P<n>a|one|two|three|four|five|six)\s+days?\s+(?P<dir3>earlier|later)\b", re.I)


def _last_full_day(whens) -> date | None:
    """The last of some written days that names a day in full, with its year ('Friday, June 24, 2005')."""
    days = [w for w in whens if w.iso and len(w.iso) == 10 and w.month_day]
    return date.fromisoformat(days[-1].iso) if days else None


def narrated_day(ps: ParsedSentence, before: int | None = None) -> date | None:
    """The last day a sentence writes out in full, before `before` if given."""
    return _last_full_day(w for w in _written_days(ps.text, ps.anchor) if before is None or w.end <= before)


def _furniture_day(article) -> date | None:
    """The last day written out in full in the page furniture above an article's first sentence."""
    first = article.sentences[0].start if article.sentences else len(article.text)
    return _last_full_day(w for span in article.excluded_spans if span.end <= first
                          for w in find_whens(article.text[span.start : span.end]) if not w.time)


def anaphoric_days(ps: ParsedSentence, narrated: date | None) -> list[When]:
    """'the previous day', 'two days later': days counted from the day the story last wrote out, in this
    sentence or before it (`narrated`); none where the story has written out no day."""
    out = []
    for m in _ANAPHORIC_DAY.finditer(ps.text):
        start = narrated_day(ps, m.start()) or narrated
        if start is None:
            continue
        back = (m["dir1"] or m["dir2"] or m["dir3"]).lower() in ("previous", "preceding", "before", "earlier")
        days = _NUMBER_OF_DAYS[m["n"].lower()] if m["n"] else 1
        day = start + timedelta(days=-days if back else days)
        out.append(When(m.start(), m.end(), m.group(), iso=day.isoformat(), month_day=day.strftime("%m-%d")))
    return out


def _timed_days(facts: list[Fact]) -> list[Fact]:
    """Each time of day with the day its sentence gives its verb ('shot him just before 11:30 p.m. on Saturday'),
    where it has none of its own words ('tonight')."""
    days = {f.predicate: f.when.iso for f in facts if f.when.iso and not f.when.time}
    return [replace(f, day=days.get(f.predicate)) if f.when.time and f.day is None and days.get(f.predicate) else f
            for f in facts]


def when_facts(ps: ParsedSentence, narrated: date | None = None) -> list[Fact]:
    """The days and times of a sentence with what they date; `narrated` is the day the story last wrote out
    before it (see `anaphoric_days`)."""
    out = []
    stamp = _stamp_end(ps)
    for i, when in enumerate(find_whens(ps.text, anchor=ps.anchor) + anaphoric_days(ps, narrated)):
        if when.statement or when.end <= stamp:
            continue  # "officials said Tuesday": the day of a statement; a page's date stamp
        span = ps.doc.char_span(when.start, when.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        root = span.root
        anchor: set[str] = set()
        qualifiers: set[str] = set()
        while root.dep_ in ("compound", "nmod", "amod", "npadvmod") and root.head.lemma_.lower() in DAY_PARTS:
            root = root.head  # "on Sunday afternoon": a part of the day, not an event the day names
        after = ps.doc[span.end] if span.end < len(ps.doc) else None
        if root.dep_ in ("compound", "poss", "nmod", "amod") and root.head.pos_ in NOUNISH:
            anchor |= _modifiers(root.head)  # "the June 20 shooting", "Tuesday's meeting"
            qualifiers.add("names_event")
        elif after is not None and after.pos_ == "NOUN" and after.dep_ == "appos" and after.head == root:
            anchor |= _modifiers(after)  # "the June 20, 2005 gunfight", the noun hung as the date's apposition
            qualifiers.add("names_event")
        verb = _verb_of(root)
        if verb is None:
            continue
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ in ("dobj", "pobj"):
            # "foiled an attack on vessels transiting the gulf on Friday": the day of the clause's own event
            verb = _verb_of(verb.head) or verb
        phrasal = _phrasal(verb)
        predicate = phrasal if phrasal in KINDS_OF else verb.lemma_.lower()  # "set off at 11 a.m." keeps its particle
        predicate = "restore" if _back_on(verb) else predicate  # "power was back on by 12:40 p.m."
        if verb.lemma_.lower() in REPORTING:
            continue
        status = _status_of(verb)
        first = _days_of(when)[0]
        ahead = first is not None and ps.anchor is not None and first > ps.anchor
        if ps.anchor is not None and _long_before(when, ps.anchor):
            qualifiers.add("background")  # an earlier event recalled ("the Oct. 7 attack"), not this story's day
        if ahead or (when.iso is None and status in NOT_A_FACT):
            qualifiers.add("future")  # a date still to come: compared only with other dates still to come
        if any(c.lower_ == "still" for c in verb.children) or predicate in ("remain", "stay"):
            qualifiers.add("ongoing")  # "were still without power on Wednesday": a day a state held, not when it began
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.i not in range(span.start, span.end) \
                    and f"{verb.lemma_.lower()} {child.lemma_.lower()}" not in IDIOMS:
                anchor |= _modifiers(child)
                if any(m.dep_ in ("amod", "det") and (m.lower_ in INCREMENT or (_ordinal(m) or 0) >= 2)
                       for m in child.children):
                    qualifiers.add("increment")  # 'a third man was arrested on Tuesday': one more, another day
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in NOUNISH:
            anchor |= _modifiers(verb.head)  # "the march set off at 11 a.m." read as a noun and its clause
        if any(c.dep_ == "conj" and (c.ent_type_ in ("DATE", "TIME") or c.like_num) for c in root.children) or (
                root.dep_ == "conj" and root.head.ent_type_ in ("DATE", "TIME")):
            # dates given in a row ('in 2009 and 2013', 'on Friday and Saturday'): a deed done more than once, or
            # over days, compared only with another such row
            qualifiers.add("listed")
        out.append(Fact(
            id=f"{ps.id}#d{i}", kind="date", sentence=ps, start=ps.start + when.start, end=ps.start + when.end,
            text=when.text, normalized=when.normalized(), anchor=frozenset(anchor), predicate=predicate,
            entities=_entities(ps), frame=_frame(ps, (when.start, when.end)), qualifiers=frozenset(qualifiers),
            when=when, status=status, parties=_destinations(ps, verb),
            day=_relative_day(ps, verb, root) if when.time else None))
    return _timed_days(out)


# ---------------------------------------------------------------------------------------------- names

def _destinations(ps: ParsedSentence, verb) -> frozenset[tuple[str, str]]:
    """Where the verb of a time took someone, when a name says it: 'checked into Betty Ford Center at 1:30
    a.m.' -> {('to', 'Betty Ford Center')}; 'showed up to Morningside at noon' -> {('to', 'Morningside')}."""
    out = set()
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("into", "to", "at", "onto")):
        objects = [c for c in prep.children if c.dep_ == "pobj" and c.text not in ZONES]  # not 'at 10:00 GMT'
        named = _named(ps, objects, NAME_LABELS) or next((proper_run(o) for o in objects if o.pos_ == "PROPN"), None)
        if named:  # a name the tagger may miss: 'the Bellmont Inn'
            out.add(("to", named))
    return frozenset(out)


PUBLISHING = {"publish", "appear", "write", "print"}  # where a study or a paper came out: 'in' a journal
NAMING = {"identify", "name"}  # verbs that give a noun its name: 'the victim, identified as Brian Dalton'


def _earlier_work(ent) -> bool:
    """Is what came out in the journal called earlier ('An earlier study by the team, published in ...')?"""
    verb = _verb_of(ent.root)
    if verb is None:
        return False
    work = verb.head if verb.dep_ in ("acl", "relcl") else _subject(verb)
    for _ in range(3):  # the parser may hang the clause on the noun's own phrase: 'study by the team, published'
        if work is None:
            return False
        if any(c.dep_ == "amod" and c.lower_ in EARLIER | {"last"} for c in work.children):
            return True
        work = work.head.head if work.dep_ == "pobj" else None
    return False


def _name_role(ent) -> tuple[str | None, str | None]:
    """(role, predicate): a title the name carries ('coach', 'judge'), or its relation to its verb."""
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            return f"title:{child.lemma_.lower()}", None  # "Jane Smith, the company's spokeswoman"
    titles = [t for t in ent.doc[max(0, ent.start - 3) : ent.start] if t.dep_ == "compound" and t.pos_ == "NOUN"
              and t.head.i in range(ent.start, ent.end)]
    if titles:
        return f"title:{titles[-1].lemma_.lower()}", None  # "coach Maurice Cheeks"
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        return f"title:{root.head.lemma_.lower()}", None  # "the suspect, John Doe,"
    naming = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "as" else None
    if naming is not None and naming.lemma_.lower() in NAMING and naming.dep_ == "acl" and naming.head.pos_ == "NOUN":
        return f"title:{naming.head.lemma_.lower()}", None  # "the third victim, identified as Brian Dalton,"
    verb = _verb_of(root)
    role = _role(root)
    if verb is None or role in (None, "poss") or (root.dep_ == "pobj" and root.head.head != verb):
        return None, None
    lemma = verb.lemma_.lower()
    if role == "in" and lemma in PUBLISHING and ent.label_ in ("ORG", "WORK_OF_ART"):
        return "venue", "publish"  # 'appeared in the Journal of ...', 'Writing in the Nordic Medical Review'

    if lemma in REPORTING and not (lemma in CLAUSE_ONLY and any(c.dep_ == "dobj" for c in verb.children)):
        return "speaker", "say"  # 'said', 'told reporters': one part, whoever gives the account; not 'Fenn added a third'
    return role, lemma


def _role(noun) -> str | None:
    """A noun's part in its clause: 'subj' (who does it: the subject, or 'by' someone in the passive), 'obj'
    (whom it is done to: the object, or the subject in the passive: 'Reyes was sentenced'), 'poss', or the
    preposition before it ('to', 'for')."""
    dep = noun.dep_
    if dep == "pobj":
        return "subj" if noun.head.dep_ == "agent" else noun.head.lower_
    if dep == "nsubj":
        return "subj"
    if dep in ("nsubjpass", "dobj", "dative", "attr", "oprd"):
        return "obj"
    return "poss" if dep == "poss" else None


# The nouns and the verb that give someone's other name (general English): 'known by the nickname "Sepy"', 'the
# street moniker of Sepe', 'nicknamed "The Hammer"', 'under the alias Jan Kos'.
NICKNAME_NOUNS = {"nickname", "moniker", "alias", "pseudonym", "sobriquet"}
NICKNAME_VERBS = {"nickname"}


def _nickname_head(tok) -> bool:
    """Is this proper noun the other name a noun or verb of naming gives ('the nickname "Sepy"', 'the moniker
    of Sepe', 'nicknamed "The Hammer"')?"""
    quoted_word = tok.is_title and tok.pos_ in ("NOUN", "ADJ") and tok.dep_ in ("appos", "oprd")  # 'the nickname "Flash"'
    if not (tok.pos_ == "PROPN" or quoted_word) or tok.dep_ == "compound":
        return False
    if any(c.dep_ == "compound" and c.lemma_.lower() in NICKNAME_NOUNS for c in tok.children):
        return True  # 'under the alias Jan Kos'
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of":
        head = head.head  # 'the street moniker of Sepe'
    if tok.dep_ in ("appos", "pobj") and head.pos_ == "NOUN":
        return head.lemma_.lower() in NICKNAME_NOUNS
    return tok.dep_ == "oprd" and head.lemma_.lower() in NICKNAME_VERBS


def nickname_facts(ps: ParsedSentence) -> list[Fact]:
    """The other names a sentence gives someone, tagged as a name or not: one role, the nickname, whose spelling
    two outlets may give differently ('Sepe' / 'Sepy')."""
    out = []
    for tok in ps.doc:
        if not _nickname_head(tok):
            continue
        fact = _name_fact(ps, _proper_words(tok)[0], tok, "k", label="nickname", role="nickname", head=_bearer(tok))
        out += [fact] if fact else []
    return out


def _name_fact(ps: ParsedSentence, first, last, tag: str, *, label: str, role: str, **fields) -> Fact | None:
    """A name fact for the words from token `first` to token `last`, in the role given; None when the words hold
    no name ('the' alone)."""
    start, end = first.idx, last.idx + len(last.text)
    name = ps.text[start:end]
    if not name_tokens(name):
        return None
    return Fact(id=f"{ps.id}#{tag}{last.i}", kind="name", sentence=ps, start=ps.start + start, end=ps.start + end,
                text=name, normalized=" ".join(name_tokens(name)), anchor=frozenset({role}),
                entities=_entities(ps, (start, end)), name=name, label=label, role=role, **fields)


def _bearer(tok) -> str | None:
    """The noun a nickname is given to: 'a gang member known by the nickname "Sepy"' -> 'member', 'his brother,
    nicknamed "Tino"' -> 'brother'."""
    node = tok.head
    while node.head.i != node.i:
        if node.pos_ in ("NOUN", "PROPN") and node.lemma_.lower() not in NICKNAME_NOUNS:
            return node.lemma_.lower()
        node = node.head
    return None


def name_facts(ps: ParsedSentence) -> list[Fact]:
    out = []
    for i, ent in enumerate(ps.doc.ents):
        label = NAME_LABELS.get(ent.label_)
        if label is None or not name_tokens(ent.text) or _nickname_head(ent.root):
            continue  # a nickname is read as one (nickname_facts)
        role, predicate = _name_role(ent)
        resident = _resident(ent, label, role, predicate) if label in ("place", "organisation") else None
        if resident:
            label, role, predicate = "place", "home", "live"
        text = ps.text[ent.start_char : ent.end_char]  # the article's own characters, not the parser's apostrophes
        out.append(Fact(
            id=f"{ps.id}#e{i}", kind="name", sentence=ps, start=ps.start + ent.start_char,
            end=ps.start + ent.end_char, text=text, normalized=" ".join(name_tokens(text)),
            anchor=frozenset({role} if role else ()), predicate=predicate,
            qualifiers=frozenset({"previous"}) if role == "venue" and _earlier_work(ent) else frozenset(),
            entities=_entities(ps, (ent.start_char, ent.end_char)), name=text, label=label, role=role,
            parties=frozenset({("resident", resident)}) if resident else frozenset()))
    return out


RESIDING = {"live", "reside"}


def _person_at(tok) -> tuple[str | None, bool]:
    """The person's name a token stands in ('Raj K. Chohan', or a lone surname the small tagger may read as a
    firm's), read past an age in apposition ('Raj Chohan, 57,'); and whether an age was passed."""
    aged = False
    for _ in range(3):
        if tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", "ORG", ""):
            aged = aged or any(c.dep_ == "appos" and c.pos_ == "NUM" for c in tok.children)
            return " ".join(name_tokens(proper_run(tok))) or None, aged
        if tok.pos_ != "NUM" or tok.dep_ != "appos":
            return None, aged
        tok, aged = tok.head, True
    return None, aged


def _resident(ent, label: str, role: str | None, predicate: str | None) -> str | None:
    """Whose home a place is, as the person's name: 'Raj K. Chohan, 57, of College Point' (a person, with an age,
    'of' a place: where news says someone lives; without the age only a place the tagger knows as one: 'Anna
    Berg of Oslo', not 'Jane Doe of Acme'), or 'Chohan, who lived in South Ozone Park' (not 'had lived in', a home
    left before)."""
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i != root.head.i:
        if any(c.dep_ == "det" for c in root.children):
            return None  # 'of the Red Cross'
        person, aged = _person_at(root.head.head)
        return person if person and (aged or label == "place") else None
    if role == "in" and predicate in RESIDING:
        verb = _verb_of(root)
        if verb is not None and any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children):
            return None  # 'had been living in South Wales' before moving back: a former home, not where they live
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
        if subject is not None and subject.pos_ == "PRON" and verb.dep_ == "relcl":
            subject = verb.head  # 'Chohan, who lived in ...'
        return _person_at(subject)[0] if subject is not None else None
    return None


# Nouns for a part of a town (general English): the name such a noun carries says where in the town it happened.
TOWN_PARTS = {"district", "quarter", "neighbourhood", "neighborhood", "borough", "suburb", "ward", "area"}


def area_facts(ps: ParsedSentence) -> list[Fact]:
    """The names of parts of a town ('the Old Quay district', 'Fairhaven's Harbourside quarter', 'the district of
    Orrinworth', 'the Eastfield and Riverside areas'), known to the tagger or not, as one role: where in the town."""
    out = []
    for tok in ps.doc:
        # a proper noun, or a capitalised word the tagger reads as an adjective ('the Stonegate quarter')
        named = tok.pos_ == "PROPN" or (tok.dep_ == "amod" and tok.is_title and tok.i > 0)
        if not named or tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
            continue
        lead = tok
        while lead.dep_ == "conj" and lead.head.pos_ == "PROPN":
            lead = lead.head  # 'the Eastfield and Riverside areas'
        part, dep = lead.head, lead.dep_
        if dep == "pobj" and part.lower_ == "of":
            part, dep = part.head, "of"  # 'the district of Orrinworth'
        if part.pos_ != "NOUN" or part.lemma_.lower() not in TOWN_PARTS or dep not in ("compound", "nmod", "amod", "of"):
            continue
        if dep == "of" and any(c.pos_ == "PROPN" and c.dep_ in ("compound", "nmod") for c in part.children):
            continue  # 'the Old Quay district of Fairhaven': the town the named district lies in
        fact = _name_fact(ps, _proper_words(tok)[0], tok, "a", label="place", role="area", head=_located(part))
        out += [fact] if fact else []
    return out


def _located(part) -> str | None:
    """What a part of town is said to be the place of, as a noun's lemma: 'a recount in the district of X' and 'a
    recount has been ordered in the district of X' -> 'recount', 'raided a bakery in the X quarter' -> 'bakery'."""
    prep = part.head
    if part.dep_ != "pobj" or prep.pos_ != "ADP":
        return None
    holder = prep.head
    if holder.pos_ in ("VERB", "AUX"):  # what the verb did or had done ('the school, which stands in ...': school)
        doers = [_antecedent(c) for c in holder.children if c.dep_ in ("nsubjpass", "dobj", "nsubj")]
        holder = next((c for c in doers if c.pos_ == "NOUN"), holder)
    return holder.lemma_.lower() if holder.pos_ == "NOUN" else None


# Verbs and nouns of a journey's end (general English): where a flight, a march, a ship or a route ended up, with
# the prepositions that give the place ('landed at', 'made an emergency landing at', 'diverted to', 'ended in').
ARRIVING = {"land", "landing", "arrive", "arrival", "divert", "end", "finish", "terminate", "dock"}
ARRIVING_PREPOSITIONS = {"at", "in", "to", "into", "outside"}


def end_facts(ps: ParsedSentence) -> list[Fact]:
    """Where a journey ended: a named place after a verb or noun of arriving ('landed at Veldhaven', 'diverted
    to Kessburg'), or the place a route ran to from another ('ran from Halden Square to parliament', 'covered 4
    miles from Halden Square to the ministry'), which carries where it started as its origin: one role, the end."""
    out = []
    for tok in ps.doc:
        prep = tok.head
        if tok.dep_ != "pobj" or tok.pos_ not in ("PROPN", "NOUN") or prep.lower_ not in ARRIVING_PREPOSITIONS:
            continue
        if tok.pos_ == "NOUN" and tok.ent_type_:
            continue  # a time or a figure ('at 11 a.m.')
        holder = prep.head
        start_of = next((c for c in holder.children if c.dep_ == "prep" and c.lower_ == "from"), None)
        origin = next((c for c in start_of.children if c.dep_ == "pobj"), None) if start_of is not None else None
        if prep.lower_ == "to" and holder.pos_ == "VERB" and origin is not None and origin.i < prep.i:
            words = [c for c in tok.lefts if c.dep_ in ("compound", "amod") and c.i == tok.i - 1] + [tok]
            where = proper_run(origin) if origin.pos_ == "PROPN" else origin.lemma_.lower()
            traveller = None
        elif holder.lemma_.lower() in ARRIVING and tok.pos_ == "PROPN" and tok.ent_type_ in ("GPE", "LOC", "FAC", ""):
            words, where = _proper_words(tok), None
            traveller = _traveller(holder)
        else:
            continue
        fact = _name_fact(ps, words[0], tok, "j", label="place", role="end", predicate="end", origin=where,
                          head=traveller)
        out += [fact] if fact else []
    return out


def _traveller(holder) -> str | None:
    """What made the journey, as a noun's lemma: 'the ferry docked at X', 'forced the ferry to divert to X', 'a
    jet made an emergency landing at X' -> 'ferry', 'ferry', 'jet'."""
    verb = holder if holder.pos_ == "VERB" else holder.head
    for _ in range(2):
        doer = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if doer is None and verb.dep_ == "xcomp":  # 'forced the ferry to divert', 'the plane was forced to divert'
            doer = next((c for c in verb.head.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if doer is None and verb.dep_ == "acl":  # 'forced the ferry from Osterby to divert' (as the parser reads it)
            doer = verb.head
        if doer is not None:
            return doer.lemma_.lower() if doer.pos_ == "NOUN" else None
        if verb.dep_ not in ("xcomp", "conj"):
            return None
        verb = verb.head
    return None


# ---------------------------------------------------------------------------------------------- status

def _phrasal(tok) -> str:
    """A verb's lemma with its particle and a guilty/not-guilty complement: 'put off', 'plead not guilty'."""
    lemma = tok.lemma_.lower()
    particles = [c.lower_ for c in tok.children if c.dep_ == "prt"]
    if particles:
        return f"{lemma} {particles[0]}"
    for adverb in (c.lower_ for c in tok.children if c.dep_ == "advmod"):
        if f"{lemma} {adverb}" in OUTCOME_OF:
            return f"{lemma} {adverb}"  # the tagger reads some particles as adverbs: "going ahead"
    for obj in (c.lower_ for c in tok.children if c.dep_ == "dobj" and not list(c.children)):
        if f"{lemma} {obj}" in OUTCOME_OF:
            return f"{lemma} {obj}"  # an idiom with a bare object: 'took effect'
    complement = next((c for c in tok.children if c.dep_ in ("acomp", "oprd") and c.lower_ == "guilty"), None)
    if complement is not None:
        negated = any(c.dep_ == "neg" for c in complement.children) or any(c.dep_ == "neg" for c in tok.children)
        return f"{lemma} {'not ' if negated else ''}guilty"
    return lemma


def full_names(cluster: ParsedCluster) -> dict[str, str]:
    """One-word names of people the cluster also gives in full, and only one way: 'Lindsay' and 'Lohan' ->
    'Lindsay Lohan'; not 'Ortiz' where both 'Jerry Ortiz' and 'Chela Ortiz' appear."""
    people = {ent.text for ps in cluster.sentences for ent in ps.doc.ents if ent.label_ == "PERSON"}
    people |= {proper_run(t) for ps in cluster.sentences for t in ps.doc  # names the tagger does not know, or
               if t.pos_ == "PROPN" and t.dep_ != "compound" and t.ent_type_ not in ("GPE", "LOC")}  # takes for a firm
    words = {name: name_tokens(name) for name in people}
    full = sorted(name for name in people if len(words[name]) >= 2)
    out = {}
    for name in people:
        if len(words[name]) != 1:
            continue
        holders = sorted((f for f in full if words[name][0] in words[f]), key=lambda f: len(words[f]))
        if holders and all(set(words[holders[0]]) <= set(words[f]) for f in holders):
            out[name] = holders[0]  # 'Maria Keller', also given as 'Skier Maria Keller'
    return out


def _plain_denials(cluster: ParsedCluster):
    """(sentence, verb) for each event verb the cluster gives as not done, in plain fact, not a modal's refusal
    or hope ('Lindsay never checked into Morningside', 'did not deploy tear gas'; not 'he would not pull over')."""
    telling = REPORTING | LIGHT_VERBS  # verbs that tell or hold, not events
    for ps in cluster.sentences:
        for tok in ps.doc:
            if tok.pos_ != "VERB" or tok.dep_ in ("aux", "auxpass") or tok.lemma_.lower() in telling:
                continue
            if _status_of(tok) == "not" and not any(c.dep_ == "aux" and c.lower_ in MODALS for c in tok.children):
                yield ps, tok


def denied(cluster: ParsedCluster) -> frozenset[str]:
    """Verbs the cluster says a named person or thing did not do (see `_plain_denials`): events whose other
    tellings are compared with the denial."""
    return frozenset(_phrasal(tok) for ps, tok in _plain_denials(cluster)
                     if _participant(ps, _antecedent(_subject(tok))) not in (None, "(pronoun)"))


def deed_thing(f: Fact) -> str:
    """What a deed was done to, as its sentence words it ('tear gas', 'rubber bullets')."""
    thing = next((t for t in f.sentence.doc if t.lemma_.lower() == f.predicate and t.pos_ == "NOUN"), None)
    if thing is None:
        return f.predicate or ""
    return " ".join([t.text for t in thing.children if t.dep_ in ("compound", "amod") and t.i < thing.i] + [thing.text])


def denied_deeds(cluster: ParsedCluster) -> frozenset[tuple[str, str]]:
    """(verb, thing) for what the cluster says, outright, was not done to a thing, whoever the doer ('Officers
    did not deploy tear gas'; not 'police have not released the names', which may yet happen, nor 'would not
    use'): deeds whose other tellings ('fired tear gas') are compared with the denial."""
    out = set()
    for _, tok in _plain_denials(cluster):
        thing = _object_noun(tok)
        if thing is not None and _denied_outright(tok):
            verb = _phrasal(tok)
            out |= {(v, thing.lemma_.lower()) for v in (USING if verb in USING else {verb})}
    return frozenset(out)


def _object_noun(verb):
    """The common noun a verb is done to ('deploy tear gas'), or None."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return obj if obj is not None and obj.pos_ == "NOUN" else None


def _denied_outright(verb) -> bool:
    """Is a verb denied in the simple past, as the sentence's own word or a reported one ('did not deploy',
    'never fired', 'said they did not point the gun')? Not the perfect ('has not used'), which says only that it
    has not happened yet; not a denial someone sets out to prove or hopes for ('proving that his client did not
    pull the trigger'). ('did not take the lead until ...' is no denial at all: see `_status_of`.)"""
    helpers = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lemma_.lower() == "have" for c in helpers):
        return False
    if verb.dep_ in ("ccomp", "xcomp", "pcomp") and verb.head.lemma_.lower() not in REPORTING:
        return False
    return any(c.lower_ in ("did", "never") for c in verb.children) or (
        verb.tag_ == "VBD" and any(c.dep_ == "neg" for c in verb.children))


def status_facts(ps: ParsedSentence, events: frozenset[str] = frozenset(),
                 deeds: frozenset[tuple[str, str]] = frozenset()) -> list[Fact]:
    """The state each event verb is given in: done, planned, considered, possible, not; and, for outcome
    verbs, which side of their axis they stand on ('approved' vs 'put off'). `events`: other verbs to read
    (see `denied`), as done or not, where a name says who did them; `deeds`: verbs done to things (see
    `denied_deeds`), as done or not, whoever did them."""
    out = []
    for i, tok in enumerate(ps.doc):
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in OUTCOME_NOUNS:
            fact = _outcome_noun(ps, i, tok)
            if fact is not None:
                out.append(fact)
            continue
        state = _state_word(tok)
        if state is not None:  # "remained closed", "will stay shut", "is open again": a state that holds
            lemma, holder = state, tok.head
        elif tok.pos_ != "VERB" or tok.dep_ in ("aux", "auxpass", "prep") or tok.lemma_.lower() in REPORTING:
            continue  # (a verb form used as a preposition tells no deed: 'Beginning April 29, customers can ...')
        else:
            lemma, holder = _phrasal(tok), tok
        thing = _object_noun(tok) if state is None else None
        deed = thing is not None and (lemma, thing.lemma_.lower()) in deeds
        if lemma not in OUTCOME_OF and lemma not in DECISIONS and lemma not in events and not deed:
            continue  # only outcomes and decisions have a state a fact-checker compares
        weapon = _gunfire(tok)
        if weapon and lemma not in events and not deed:
            continue  # "opened fire", "fired on the crowd": shooting, not opening a place or dismissing someone
        obj = _antecedent(next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr")), None))
        subject = _antecedent(_subject(holder))
        anchor = set()
        if obj is not None and obj.pos_ in NOUNISH:
            anchor |= _modifiers(obj) | _concerning(obj)
        if subject is not None and subject.pos_ in NOUNISH:
            anchor |= {_lemma(subject)} | _concerning(subject)
        status = _status_of(tok) if state is None else (
            "not" if any(c.dep_ == "neg" for c in holder.children) else "done")  # "will stay shut": shut now
        if "not guilty" in lemma:
            status = "done"  # the negation belongs to the plea, which was made
        axis, sign = OUTCOME_OF.get(lemma, (None, 0)) if not weapon else (None, 0)
        patient = obj if obj is not None else subject if tok.dep_ != "amod" else None
        if axis == "proceed" and sign < 0 and patient is not None and patient.lemma_.lower() in DECISION_NOUNS:
            axis = "approve"  # "a decision on the buyback was postponed": not (yet) approved, as "postponement"
        normalized = f"{status}:{'+' if sign > 0 else '-'}{axis}" if axis else status
        event = axis or lemma
        if axis is None:
            noun = obj if obj is not None and obj.pos_ == "NOUN" else (tok.head if tok.dep_ == "amod" else None)
            if noun is not None and noun.pos_ == "NOUN":
                event = noun.lemma_.lower()  # "launch an offensive" and "the escalated offensive": one event
                anchor.add(event)
        name = _participant(ps, _patient(tok, obj, subject))
        parties = frozenset()
        deed = deed and (weapon or (lemma not in OUTCOME_OF and lemma not in DECISIONS))  # else an outcome's state
        if weapon or (lemma not in OUTCOME_OF and lemma not in DECISIONS):  # one of the cluster's denied events
            name = _participant(ps, subject)  # who did it
            if status not in ("done", "not") or name == "(pronoun)" or (name is None and not deed):
                continue  # an event told of a named doer, or a deed done to a thing, as done or not done
            if deed and status == "not" and not _denied_outright(tok):
                continue  # 'has not used it yet', 'proving that he did not fire it': no denial of the deed
            if deed and any(c.lower_ in NEAR_NEGATIONS for c in tok.children):
                continue  # 'barely landed a punch' is all but 'did not land one'
            parties = _destinations(ps, tok)  # 'checked into Morningside', 'checked into Betty Ford': two events
        last, first = _with_particle(tok), _first_word(tok, status) if state is None else tok
        if state is None and " " in lemma:  # 'took effect', 'going ahead' (the tagger's adverb for a particle)
            last = max((c for c in tok.children if c.lower_ == lemma.split()[-1] and c.i > last.i), default=last,
                       key=lambda c: c.i)
        out.append(Fact(
            id=f"{ps.id}#s{i}", kind="status", sentence=ps, start=ps.start + first.idx,
            end=ps.start + last.idx + len(last.text), text=ps.text[first.idx : last.idx + len(last.text)],
            normalized=normalized, anchor=frozenset(anchor),
            predicate=event, entities=_entities(ps), status=status, role=f"{sign:+d}" if axis else None,
            name=name, event=lemma, qualifiers=_purpose(tok) | ({"deed"} if deed else set()), parties=parties,
            places=_named_in(_patient(tok, obj, subject), tok)))
    return out


def _named_in(noun, verb) -> frozenset[str]:
    """The names that pick out which thing an outcome happens to: 'its Harlen and Oostwyk sites', 'its plants
    in Harlen and Oostwyk', 'reopen its branch in Penley' -> the places' names; not its owner ('Brennick's
    plants') nor a date ('the March budget')."""
    if noun is None or noun.pos_ not in NOUNISH:
        return frozenset()
    owners = {t.i for c in noun.children if c.dep_ == "poss" for t in c.subtree}
    where = [t for p in verb.children if p.dep_ == "prep" and p.lower_ in ("in", "at") for t in p.subtree]
    return frozenset(_lemma(t) for t in [*noun.subtree, *where] if t.pos_ == "PROPN" and t.i not in owners
                     and t != noun and t.ent_type_ not in ("DATE", "TIME"))


# What is fired when a weapon is (general English): "fired shots", "fired two rounds".
SHOTS = {"shot", "round", "bullet", "shell", "missile", "rocket", "volley", "weapon", "gun", "rifle", "pistol",
         "gas", "cannon", "grenade", "flare", "canister", "projectile", "ammunition", "pellet", "dart"}


def _gunfire(verb) -> bool:
    """Is this 'open' or 'fire' the shooting sense: 'opened fire', 'fired on the crowd', 'fired at police',
    'fired three shots' (not 'the mall opened', 'he was fired last week')?"""
    lemma = verb.lemma_.lower()
    if lemma == "open":
        return any(c.dep_ == "dobj" and c.lower_ == "fire" for c in verb.children)
    if lemma != "fire":
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if objects:
        return any(c.lemma_.lower() in SHOTS for c in objects)  # 'fired three shots'; not 'fired its coach'
    return any(c.dep_ == "prep" and c.lower_ in ("on", "at", "into", "upon") and any(
        o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME") for o in c.children) for c in verb.children)


def _first_word(verb, status: str):
    """The first word of a verb's value, so that each side of a dispute reads as what it says, not as the bare
    verb the other side also uses: a negation with its auxiliaries ('never checked in', 'did not reopen', 'has
    not yet been reviewed'), a modal ('will close', 'would appeal'), an open question ('whether to shut'), a
    stated intention just before it ('threatened to expand'); else the verb itself."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    auxes += [c for a in auxes for c in a.children if c.dep_ in ("aux", "auxpass")]  # 'has' of 'has not been'
    if status == "not":
        negs = [n for t in [verb, *auxes] for n in t.children if n.dep_ == "neg" and n.i < verb.i]
        return min([*negs, *(a for a in auxes if negs)], key=lambda t: t.i, default=verb)
    modal = [a for a in auxes if a.lower_ in MODALS]
    if modal:
        return min(modal, key=lambda t: t.i)
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "whether"), None)
    if mark is not None:
        return mark
    governor = verb.head
    if verb.dep_ == "xcomp" and governor.lemma_.lower() in INTENT and governor.i < verb.i \
            and all(t.dep_ == "aux" for t in verb.doc[governor.i + 1 : verb.i]):
        return governor
    return verb


def _with_particle(verb):
    """The verb's last word when its particle follows it ('stepped down', 'called off'), else the verb: the
    value a report quotes says what happened."""
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return after if after is not None and after.dep_ == "prt" and after.head == verb else verb


def _purpose(verb) -> frozenset[str]:
    """{'purpose'} for an infinitive saying what something was done for ('held them to three plays to start the
    game', 'closed the road to repair the bridge'), {'condition'} for a clause saying on what it depends ('if the
    deal is not completed in time', 'unless the board approves it'): neither a plan nor a fact, so not compared
    with either."""
    if verb.tag_ == "VB" and _has_to(verb) and verb.dep_ == "advcl":
        return frozenset({"purpose"})
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return frozenset({"condition"})
    return frozenset()


STATE_VERBS = {"be", "remain", "stay", "keep", "sit", "lie"}  # verbs that say a state holds
STATE_ADJECTIVES = {"open": "open", "shut": "shut"}  # adjectives that are the state an outcome leaves


def counted_offence(f: Fact) -> str | None:
    """What a count of counts or charges is of, with its modifiers: 'two counts of murder' -> 'murder', 'one count
    of attempted murder' -> 'attempted murder', 'three charges of fraud' -> 'fraud'; None for other figures."""
    span = f.tokens() if f.kind == "number" else None
    noun = span.root.head if span is not None and span.root.dep_ == "nummod" else None
    if noun is None or noun.lemma_.lower() not in ("count", "charge"):
        return None
    offence = next((o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj"), None)
    if offence is None:
        return None
    words = [c for c in offence.lefts if c.dep_ in ("amod", "compound")] + [offence]
    return " ".join(w.lemma_.lower() for w in words)


BACK_STATES = {"on", "online", "up", "open"}  # 'was back on', 'back online', 'back up', 'back open'


def _back_on(verb) -> bool:
    """Does 'be' say something works again ('Power was back on', 'the site was back online', 'trains were back
    up and running')? Then its time is when it was restored."""
    if verb.lemma_.lower() != "be":
        return False
    mods = [c for c in verb.children if c.dep_ in ("advmod", "acomp", "prt")]
    words = {c.lower_ for c in mods} | {g.lower_ for c in mods for g in c.children if g.dep_ == "advmod"}
    return "back" in words and bool(words & BACK_STATES)


def _state_word(tok) -> str | None:
    """The outcome verb an adjective or participle after a state verb names ('remained closed' -> 'close',
    'stay shut' -> 'shut', 'is open' -> 'open'), or None."""
    if tok.dep_ not in ("acomp", "oprd") or tok.head.lemma_.lower() not in STATE_VERBS:
        return None
    word = tok.lemma_.lower()
    if word in STATE_ADJECTIVES:
        return STATE_ADJECTIVES[word]
    if tok.tag_ != "VBN" and not tok.lower_.endswith("ed"):
        return None  # an adjective, not a participle: "the fight was never close"
    for form in (word, word[:-1] if word.endswith("d") else "", word[:-2] if word.endswith("ed") else ""):
        if form and form in OUTCOME_OF:
            return form
    return None


RELATIVES = {"who", "which", "that"}


def _antecedent(tok):
    """A relative pronoun's noun: 'Henrik Aalto, who stepped down' -> 'Aalto'; an object pronoun's, the nearest
    noun before it of its number that is not its own verb's subject: 'considering cuts at its sites but had not
    decided whether to shut them' (or 'either of them') -> 'sites'; any other token as it is."""
    if tok is not None and tok.lower_ in RELATIVES and tok.head.dep_ == "relcl" and tok.head.head.pos_ in NOUNISH:
        return tok.head.head
    pronoun = tok
    if tok is not None and tok.dep_ == "dobj" and tok.lower_ in PART_OF:
        pronoun = next((o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                        for o in c.children if o.dep_ == "pobj"), tok)  # 'shut either of them'
    if tok is not None and tok.dep_ == "dobj" and pronoun.lower_ in OBJECT_PRONOUNS:
        plural = OBJECT_PRONOUNS[pronoun.lower_]
        own = {c.i for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")}
        for t in reversed(tok.doc[: tok.i]):
            if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound", "poss", "npadvmod") and t.i not in own \
                    and (t.tag_ in ("NNS", "NNPS")) == plural:
                return t
    return tok


OBJECT_PRONOUNS = {"them": True, "it": False}  # whether the pronoun stands for a plural
PART_OF = {"either", "both", "all", "each", "any", "some", "none"}  # 'shut either of them'


def _patient(verb, obj, subject):
    """The token naming who an outcome verb happens to: its object, else (for "the board asked him to
    resign") the object of the verb that governs it, else its subject."""
    if obj is not None and obj.dep_ != "attr":
        return obj
    if verb.dep_ == "xcomp" and verb.head != verb:
        governed = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        if governed is not None:
            return governed
    return subject


def _participant(ps: ParsedSentence, tok) -> str | None:
    """Who an outcome happens to, as a name (None unless a name says it): the object of a transitive outcome ('the board dismissed
    Whitlock'), the subject of an intransitive one ('Whitlock resigned', 'Kovac refused to concede');
    '(pronoun)' when only a pronoun says it."""
    if tok is None:
        return None
    if tok.pos_ == "PRON":
        return "(pronoun)"
    if tok.pos_ not in NOUNISH:
        return None
    ent = next((e for e in ps.doc.ents if e.start <= tok.i < e.end and e.label_ in NAME_LABELS), None)
    if ent is None:  # "manager Colin Ashdown": the name may sit beside its title
        ent = next((e for e in ps.doc.ents if e.label_ in NAME_LABELS and e.root.head == tok and e.root.dep_ != "poss"),
                   None)  # not its owner: 'Simpson's cousins called him' is not Simpson calling
    if ent is None and tok.pos_ == "PROPN":
        return proper_run(tok)  # a name the tagger does not know: 'Aarav never checked in'
    return ent.text if ent is not None else None  # "a decision", "the plan": nouns, compared by their anchors


def _proper_words(tok) -> list:
    """A proper noun with the proper nouns compounded before it: 'Aarav Abernethy', 'Dunleavy Recovery Center'."""
    words = [tok]
    while words[0].i > 0:
        before = tok.doc[words[0].i - 1]
        if before.pos_ != "PROPN" or before.dep_ != "compound" or before.head not in words:
            break
        words.insert(0, before)
    return words


def proper_run(tok) -> str:
    return " ".join(w.text for w in _proper_words(tok))


def _outcome_noun(ps: ParsedSentence, i: int, tok) -> Fact | None:
    """'offered his resignation' (done), 'calls for his dismissal' (not done): an outcome named by a noun,
    in the state its governing verb gives it."""
    axis, sign = OUTCOME_NOUNS[tok.lemma_.lower()]
    verb = _verb_of(tok)
    if verb is not None and verb.lemma_.lower() in REPORTING and tok.dep_ != "nsubj":
        verb = None  # "announced his resignation": reporting it is the fact
    status = _status_of(verb) if verb is not None else "done"
    if verb is not None and verb.lemma_.lower() in INTENT:
        status = INTENT[verb.lemma_.lower()]
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None:  # "the dismissal of Whitlock"
        owner = next((o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                      if o.dep_ == "pobj"), None)
    if owner is not None and owner.pos_ == "PRON" and verb is not None:
        owner = _subject(verb) or owner  # "Ashdown offered his resignation"
    agent = _participant(ps, owner)
    anchor = {_lemma(owner)} if owner is not None and owner.pos_ in NOUNISH else set()
    return Fact(
        id=f"{ps.id}#s{i}", kind="status", sentence=ps, start=ps.start + tok.idx, end=ps.start + tok.idx + len(tok.text),
        text=tok.text, normalized=f"{status}:{'+' if sign > 0 else '-'}{axis}", anchor=frozenset(anchor),
        predicate=axis, entities=_entities(ps), status=status, role=f"{sign:+d}", name=agent)


# ---------------------------------------------------------------------------------------------- quotes

_QUOTED = re.compile(r"[\"“]([^\"”]{12,}?)[\"”]")


# Verbs that give a quotation its speaker (general English): the reporting verbs, and those that tell how the
# words were said ('"Leave now," the fire chief urged').
SPEECH = REPORTING | {"urge", "concede", "stress", "plead", "argue", "reply", "vow"}


def _speaker_of(verb):
    """Who a verb of saying gives as the speaker: of two subjects the parser hangs on it ('The merger, said chief
    executive Lisa Berg, ...': 'merger' and 'Berg'; 'The acquisition, said Papermaster, ...') the one that is a
    name, else its subject."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    named = [c for c in subjects if c.ent_type_ in OWNER_LABELS or c.pos_ == "PROPN"]
    return named[0] if len(subjects) > 1 and named else _subject(verb)


def _quoted_by(ps: ParsedSentence, start: int, end: int):
    """The speaker of the quotation at [start, end): the subject of the verb of saying whose clause holds the
    quotation, else of the nearest one ('Kelly told the Times there was "nothing to indicate ..." while Cerar
    said "it appears to be a good shooting"': the second is Cerar's)."""
    candidates = []
    for tok in ps.doc:
        if tok.lemma_.lower() in SPEECH and tok.pos_ == "VERB" and not (start <= tok.idx < end) \
                and not any(c.dep_ == "auxpass" for c in tok.children):  # 'the verdict was announced': what
            # was said, not who said it
            subject = _speaker_of(tok)
            if subject is not None and not (start <= subject.idx < end):
                holds = any(start <= t.idx < end for t in tok.subtree)
                candidates.append((not holds, min(abs(tok.idx - start), abs(tok.idx - end)), subject))
    return min(candidates, key=lambda c: c[:2])[2] if candidates else None


def quote_facts(ps: ParsedSentence) -> list[Fact]:
    """A quotation with the person or body it is attributed to in the same sentence."""
    out = []
    for i, m in enumerate(_QUOTED.finditer(ps.text)):
        words = m.group(1).split()
        if len(words) < 4:
            continue
        speaker = _quoted_by(ps, m.start(), m.end())
        if speaker is None or speaker.pos_ == "PRON":
            continue
        named = [speaker] + [c for c in speaker.children if c.dep_ == "appos"]  # "her coach, Tomas Rieder,"
        ent = next((e for t in named for e in ps.doc.ents if e.start <= t.i < e.end and e.label_ in NAME_LABELS), None)
        who = ps.text[ent.start_char : ent.end_char] if ent is not None else \
            " ".join(t.text for t in speaker.subtree if not t.is_punct)[:60]
        start = ps.start + (ent.start_char if ent is not None else speaker.idx)
        end = ps.start + (ent.end_char if ent is not None else speaker.idx + len(speaker.text))
        out.append(Fact(
            id=f"{ps.id}#q{i}", kind="attribution", sentence=ps, start=start, end=end, text=who,
            normalized=" ".join(name_tokens(who)) or who.lower(), anchor=frozenset(), predicate="say",
            entities=_entities(ps), name=who, quote=m.group(1),
            label=NAME_LABELS[ent.label_] if ent is not None else None))
    return out


# Whether a source vouches for what its sentence says (general English): 'the coroner's office confirmed',
# 'the utility said' assert it; 'has not confirmed', 'declined to comment', 'would not say' withhold it.
ASSERTING = {"say", "confirm", "announce", "state", "report", "tell", "disclose", "reveal", "add"}
DISCLOSING = {"comment", "confirm", "say", "disclose", "reveal", "discuss", "elaborate", "speculate", "name",
              "identify", "specify", "explain"}
WITHHOLDING = {"decline", "refuse"}


def _negated(verb) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ in ("aux", "auxpass") and any(g.dep_ == "neg" for g in c.children))
               for c in verb.children)


ASKED_WHEN, ASKED_HOW = "(when)", "(how)"


def _quantity_asked(verb) -> str | None:
    """What a withheld question asks: the noun a 'how many' / 'how much' question counts ('could not say how many
    shots were fired' -> 'shot'); ASKED_WHEN for 'when' ('have not said when the phone will be available');
    ASKED_HOW for 'how' it happened ('have not revealed how the women died'); None for other questions."""
    # the question is the verb's complement; the parser may hang a 'when' question on it as an adverbial clause,
    # which has its own subject ('haven't said when the phone will be available', not 'declined to comment when
    # asked')
    for clause in (c for c in verb.children if c.dep_ == "ccomp" or (
            c.dep_ == "advcl" and c.i > verb.i and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children))):
        for tok in clause.subtree:
            if tok.lower_ in ("many", "much") and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "how":
                noun = tok.head if tok.head.pos_ == "NOUN" else None
                return noun.lemma_.lower() if noun is not None else "?"
        opener = next((c for c in clause.children if c.dep_ == "advmod" and c.i < clause.i), None)
        if opener is not None and opener.lower_ in ("when", "how"):
            return ASKED_WHEN if opener.lower_ == "when" else ASKED_HOW
    return None


def stance_facts(ps: ParsedSentence) -> list[Fact]:
    """A source's stance on what the sentence reports: 'asserted' ('..., the coroner's office confirmed') or
    'withheld' ('the coroner's office declined to comment', 'Caldbrook Energy has not confirmed what caused
    it'), with the source as the words of its noun phrase; a pronoun names no source."""
    out = []
    for verb in ps.doc:
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB":
            continue
        told = [c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in DISCLOSING]
        if lemma in WITHHOLDING and told and not _negated(verb):
            stance, last = "withheld", told[0]
        elif lemma in DISCLOSING and _negated(verb):
            stance, last = "withheld", verb
        elif lemma in ASSERTING and not _negated(verb) and any(c.dep_ in ("ccomp", "dobj") for c in verb.children):
            stance, last = "asserted", verb
        else:
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects or any(c.pos_ == "PRON" for c in subjects):
            continue
        words = [t for c in subjects for t in c.subtree if t.dep_ not in ("relcl", "acl")]
        key = frozenset(_lemma(t) for t in words if t.pos_ in ("NOUN", "PROPN"))
        if not key:
            continue
        start = min(t.idx for t in words)
        end = last.idx + len(last.text)
        if start >= end:
            continue
        asked = _quantity_asked(last) if stance == "withheld" else None
        out.append(Fact(
            id=f"{ps.id}#v{verb.i}", kind="attribution", sentence=ps, start=ps.start + start, end=ps.start + end,
            text=ps.text[start:end], normalized="vouched for" if stance == "asserted" else "withheld", anchor=key,
            predicate=lemma, event=asked,
            entities=_entities(ps), name=ps.text[subjects[0].left_edge.idx : subjects[-1].idx + len(subjects[-1].text)],
            head=_lemma(subjects[-1]), status=stance, role="stance"))
    return out


MAX_MINILM_CONTEXTS = 400
BACKGROUND_DAYS = 45  # a date this long before the article's own is background to the story
CONTEXT_REACH = 8  # tokens each side of a value that describe it


@lru_cache(maxsize=64)
def _value_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where a sentence's figures and dates stand, read once for all its values (a box score gives hundreds)."""
    return tuple([(v.start, v.end) for v in find_figures(text)] + [(w.start, w.end) for w in find_whens(text)])


def context_text(f: Fact) -> str:
    """The words around a value, inside its own clause, with every value in them masked: what the value is
    about ('A crowd of N watched the semi-final', 'The tie was watched by N supporters')."""
    ps = f.sentence
    doc = ps.doc
    span = doc.char_span(f.start - ps.start, f.end - ps.start, alignment_mode="expand")
    if span is None or len(span) == 0:
        return ps.text
    verb = _verb_of(span.root)
    tokens = list(verb.subtree) if verb is not None else list(doc)
    lo = max(tokens[0].i, span.start - CONTEXT_REACH)
    hi = min(tokens[-1].i + 1, span.end + CONTEXT_REACH)
    values = _value_spans(ps.text)
    words = []
    for tok in doc[lo:hi]:
        if span.start <= tok.i < span.end or any(a <= tok.idx < b for a, b in values):
            if not words or words[-1] != "N":
                words.append("N")
        else:
            words.append(tok.text)
    return " ".join(words)


def own_counts_of_places(facts: list[Fact]) -> list[Fact]:
    """'Police said 30,000 people marched in Athens ... in Corvel, where another 20,000 people marched': after
    a count of the same thing in another named place, 'another' / 'a further' moves to a new place and the
    figure is that place's own count, not an increment of one. Without the earlier count elsewhere ('two more
    bodies were found in Tarn') it stays an increment."""
    out: list[Fact] = []
    counted: dict[tuple[str, str], list[frozenset[str]]] = {}  # (article, counted noun) -> the places counted in
    for f in facts:
        if f.kind == "number" and f.head and f.figure.measure == (None, None, False, False):
            key = (f.article_id, f.head)
            if "increment" in f.qualifiers:
                if f.places and any(there and not there & f.places for there in counted.get(key, [])):
                    f = replace(f, qualifiers=f.qualifiers - {"increment"})
            else:
                counted.setdefault(key, []).append(f.places)
        out.append(f)
    return out


def extract(cluster: ParsedCluster) -> FactIndex:
    """Every fact in every sentence of the cluster, in reading order, with its context embedded."""
    from factcheck.embed import embed
    from factcheck.graph.charges import charge_facts  # (they pair them too, with the aligner's Pair)
    from factcheck.graph.deaths import death_facts
    from factcheck.graph.qualities import quality_facts
    from factcheck.graph.damage import damage_facts
    from factcheck.graph.targets import target_facts

    facts: list[Fact] = []
    events, deeds = denied(cluster), denied_deeds(cluster)
    full = full_names(cluster)
    narrated = {a.id: _furniture_day(a) for a in cluster.articles}  # each article's day last written out, for
    # 'the previous day'; first the day its page heading gives ('End of Watch: Friday, June 24, 2005')
    for ps in cluster.sentences:
        facts += figure_facts(ps)
        facts += when_facts(ps, narrated.get(ps.article_id))
        narrated[ps.article_id] = narrated_day(ps) or narrated.get(ps.article_id)
        facts += name_facts(ps)
        facts += area_facts(ps)
        facts += end_facts(ps)
        facts += nickname_facts(ps)
        facts += [replace(f, name=full.get(f.name, f.name)) for f in status_facts(ps, events, deeds)]
        facts += quote_facts(ps)
        facts += stance_facts(ps)
        facts += charge_facts(ps)
        facts += death_facts(ps)
        facts += quality_facts(ps)
        facts += target_facts(ps)
        facts += damage_facts(ps)
    facts = told_of_people(cluster, facts)
    teams = team_names(cluster, {f.name for f in facts if "record" in f.qualifiers and f.name})
    facts = [replace(f, name=teams.get(f.name, f.name)) if "record" in f.qualifiers else f
             for f in own_counts_of_places(facts)]
    # and outcomes of named people or things, whose clause may be a small part of a long sentence ('succeeding
    # Henrik Aalto, who stepped down last week')
    compared = [f for f in facts if f.kind in ("number", "date") or (f.kind == "status" and f.name not in (None, "(pronoun)"))]
    # MiniLM reads a clause in about 7 ms; past a few hundred values (figure-heavy input) the static vectors
    # keep the cluster's time near-linear.
    contexts = [context_text(f) for f in compared]
    unique = list(dict.fromkeys(contexts))  # a wire copy's values read alike: each clause is embedded once
    vectors = dict(zip(unique, embed(unique, short=len(compared) <= MAX_MINILM_CONTEXTS)))
    return FactIndex(facts, {f.id: vectors[c] for f, c in zip(compared, contexts)})
