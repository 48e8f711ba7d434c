"""Layer 4 of the fact graph: for each aligned pair, are the two values the same, or can they not both be
true? The code judge decides with `factcheck.checks` (intervals, dates, names); another judge (an LLM)
can stand in its place behind the same interface, and code then overrules what the checks are certain of.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Protocol

from factcheck.checks import compare_names, figures_compatible, find_figures, name_tokens, whens_compatible
from factcheck.graph.align import Pair
from factcheck.graph.charges import same_charge
from factcheck.graph.facts import HOLDING, LISTING, REVERSALS, UNDOES, Fact, deed_thing, listed_part, proper_run

# Roles of a name that one thing has only one of, with how an outlet puts it there: where in town, which journal.
ONE_PLACE = {"area": ("places it in", "in"), "venue": ("says it came out in", "in"), "end": ("says it ended at", "at")}
CONFLICTING_STATUS = {frozenset({"done", "not"}), frozenset({"done", "planned"}), frozenset({"done", "considered"}),
                      frozenset({"done", "possible"}), frozenset({"done", "attempted"}), frozenset({"not", "planned"}),
                      frozenset({"planned", "considered"}), frozenset({"decided", "considered"})}
YEAR_SECONDS = 365.25 * 86400
SAME_AGE_DAYS = 60  # two stories this close give one person one age (a birthday between them is the rare case)
DURATIVE = {"proceed"}  # "talks continued" and "talks will continue" are both true
SAME_NAME_SIMILARITY = 0.75  # a different name in two sentences this alike is a different account of who


@dataclass(frozen=True)
class Judgment:
    pair: Pair
    verdict: str  # same | contradiction | unclear
    kind: str  # the report's kind: number | date | name | status | attribution
    explanation: str = ""
    certain: bool = False  # settled by the checks (code), not by opinion
    reason: str | None = None  # the likely reason a judge gives (rising tally, different scope, ...)
    problems: tuple[str, ...] = ()  # why the verdict is not verified (a model overruled by the checks)


class Judge(Protocol):
    name: str

    def judge(self, pairs: list[Pair]) -> list[Judgment]:
        ...


def check_pair(pair: Pair) -> Judgment:
    """What the deterministic checks say of a pair's two values."""
    a, b = pair.a, pair.b
    if a.kind == "number":
        ok = figures_compatible(a.figure, b.figure)
        if ok is None:
            return Judgment(pair, "unclear", "number", "the figures measure different things")
        if ok:
            return Judgment(pair, "same", "number", f"'{a.text}' and '{b.text}' can both be true", certain=True)
        if _gives_both(a, b) or _gives_both(b, a):
            return Judgment(pair, "unclear", "number", f"one outlet's sentence gives both '{a.text}' and '{b.text}'")
        if _aged_between(a, b):
            return Judgment(pair, "unclear", "number",
                            f"'{a.text}' and '{b.text}': one person's age in stories a birthday or more apart")
        what = "tallies" if a.figure.tally and b.figure.tally else "figures"
        return Judgment(pair, "contradiction", "number",
                        f"The {what} '{a.text}' and '{b.text}' disagree.", certain=True)
    if a.kind == "date":
        ok = whens_compatible(a.when, b.when)
        if ok is None:
            return Judgment(pair, "unclear", "date", "not comparable")
        if ok:
            return Judgment(pair, "same", "date", "the same day", certain=True)
        return Judgment(pair, "contradiction", "date",
                        f"'{a.text}' ({a.normalized}) and '{b.text}' ({b.normalized}) name different days or times.",
                        certain=True)
    if a.role == "charge":
        if same_charge(a, b):  # one lists more charges than the other: an omission
            return Judgment(pair, "same", "status", "one charge named by both", certain=True)
        return Judgment(pair, "contradiction", "status",
                        f"One outlet gives the charge as '{a.text}', another as '{b.text}'.", certain=True)
    if a.role == "quality":  # paired only when graded the two ways (see `qualities`)
        return Judgment(pair, "contradiction", "status",
                        f"One outlet says '{a.text}', another '{b.text}', of {a.name}.", certain=True)
    if a.role == "target":  # paired only when the targets are different kinds of people or things (see `targets`)
        return Judgment(pair, "contradiction", "status",
                        f"One outlet says {a.name} was aiming at '{a.text}', another at '{b.text}'.", certain=True)
    if a.role == "damage":  # paired only when one says ruined and the other unharmed (see `damage`)
        ruined, unharmed = (a, b) if a.normalized == "ruined" else (b, a)
        return Judgment(pair, "contradiction", "status",
                        f"One outlet says the {ruined.head} was ruined ('{ruined.text}'), another that it was not "
                        f"('{unharmed.text}').", certain=True)
    if a.role == "death place":  # paired only when one is the scene and the other not (see `deaths`)
        return Judgment(pair, "contradiction", "status",
                        f"One outlet says the death came '{a.text}', another '{b.text}'.", certain=True)
    if a.role == "stance":
        if a.status == b.status:
            return Judgment(pair, "same", "attribution", "the source vouches for both, or for neither", certain=True)
        said, withheld = (a, b) if a.status == "asserted" else (b, a)
        return Judgment(pair, "contradiction", "attribution",
                        f"One outlet gives it as {said.name}'s word ('{said.text}'); another says "
                        f"'{withheld.text}'.", certain=True)
    if a.kind in ("name", "attribution"):
        return _names(pair)
    if a.kind == "status":
        if a.role and b.role and a.role != b.role:
            if _undone_later(a, b):
                return Judgment(pair, "unclear", "status",
                                f"'{a.text}' and '{b.text}' may be two moments: one undoes what the other tells.")
            if {a.status, b.status} <= {"done", "ongoing"}:
                return Judgment(pair, "contradiction", "status",
                                f"One account says '{a.text}', another '{b.text}': they cannot both have happened.")
            if a.status == b.status == "planned":
                return Judgment(pair, "contradiction", "status",
                                f"One account says '{a.text}', another '{b.text}': they cannot both be the plan.")
            # "fighting continued" / "a deal would halt the fighting": a fact and a hope, both true
            return Judgment(pair, "unclear", "status", "opposite outcomes, one of them not (yet) a fact")
        if a.status == b.status and a.role == b.role:
            return Judgment(pair, "same", "status", "same state", certain=True)
        if a.event in UNDOES.get(b.event, ()) or b.event in UNDOES.get(a.event, ()):
            return Judgment(pair, "unclear", "status",
                            f"'{a.text}' and '{b.text}' tell two deeds: one would undo the other.")
        if "deed" in a.qualifiers and {a.status, b.status} == {"done", "not"}:
            done, undone = (a, b) if a.status == "done" else (b, a)
            return Judgment(pair, "contradiction", "status",
                            f"One account says '{done.text} {deed_thing(done)}', another that it was not "
                            f"('{undone.text} {deed_thing(undone)}').")
        if _usual_and_planned(a, b):
            return Judgment(pair, "unclear", "status", "what usually happens or is timetabled, and what is to come")
        if frozenset({a.status, b.status}) in CONFLICTING_STATUS and not (
                a.predicate in DURATIVE and {a.status, b.status} == {"done", "planned"}):
            return Judgment(pair, "contradiction", "status",
                            f"One account gives '{a.predicate}' as {a.status}, another as {b.status}.")
        return Judgment(pair, "unclear", "status", "states differ in degree")
    return Judgment(pair, "unclear", a.kind)


def _aged_between(a: Fact, b: Fact) -> bool:
    """Are two ages of one person at most as far apart as the years between the two stories' dates, counted up
    ('26-year-old Simpson' in January, '27-year-old' at his trial in September)? A person gets older between
    stories; stories less than two months apart are held to one age."""
    if "age" not in a.qualifiers or "age" not in b.qualifiers:
        return False
    da, db = a.sentence.anchor, b.sentence.anchor
    if da is None or db is None:
        return False
    apart = abs((da - db).days)
    years = math.ceil((apart - SAME_AGE_DAYS) / 365.25) if apart > SAME_AGE_DAYS else 0
    older, younger = (a, b) if da > db else (b, a)
    grown = _years(older.figure) - _years(younger.figure)
    return 0 < grown <= years


def _years(fig) -> float:
    """An age in years, written '26' or '26-year-old' (a duration, held in seconds)."""
    return fig.value / YEAR_SECONDS if fig.dimension == "duration" else fig.value


def _usual_and_planned(a: Fact, b: Fact) -> bool:
    """One side in the simple present, the other planned, possible or considered ('the quarter, which ends Jan.
    31' / 'which will end Jan. 31')."""
    return any(one.status == "done" and other.status in ("planned", "possible", "considered") and _in_the_present(one)
               for one, other in ((a, b), (b, a)))


def _undone_later(a: Fact, b: Fact) -> bool:
    """Does one side undo what the other tells was so before ('The store was closed at the time' / 'The shop
    reopened on Friday', 'Services were suspended on Monday' / 'services resumed')? A reversal tells that the
    other side came first; the two conflict only where the other side is said to hold still ('will stay shut',
    'remained closed', 'is closed')."""
    return any(undo.event in REVERSALS and undo.status == other.status == "done" and _in_the_past(other)
               for undo, other in ((a, b), (b, a)))


def _status_verb(f: Fact):
    """The one verb a status is told by, or None (a noun, an adjective, or several heads)."""
    ps = f.sentence
    tokens = [t for t in ps.doc if f.start <= ps.start + t.idx < f.end]
    heads = [t for t in tokens if t.head not in tokens or t.head == t]
    return heads[0] if len(heads) == 1 and heads[0].pos_ in ("VERB", "AUX") else None


def _tenses(verb) -> list:
    """The words that carry a verb's tense: itself or its auxiliaries."""
    return [t for t in (verb, *verb.children) if t.tag_ in ("VBD", "VBZ", "VBP", "MD") and t.dep_ in (
        "aux", "auxpass", verb.dep_)]


def _in_the_past(f: Fact) -> bool:
    """Is a status told in the past tense, as what happened or was so then, not as what holds now?"""
    verb = _status_verb(f)
    if verb is None:
        return False
    around = [verb, *verb.children, *((verb.head, *verb.head.children) if verb.dep_ in ("acomp", "oprd", "xcomp")
                                      else ())]  # 'remained suspended'
    if any(t.lemma_.lower() in HOLDING or re.sub(r"(?:ed|s|ing)$", "", t.lower_) in HOLDING or t.lower_ == "kept"
           for t in around):  # (the tagger may leave 'remained' unlemmatised where it reads it as an auxiliary)
        return False
    tenses = _tenses(verb)
    return bool(tenses) and all(t.tag_ == "VBD" for t in tenses)


def _in_the_present(f: Fact) -> bool:
    """Is a status told in the simple present ('Microsoft pushes out updates on the second Tuesday', 'the
    quarter ends January 31', 'filming begins in August'): what usually happens or is timetabled, not a deed
    done, so not at odds with the same thing said to be planned or possible ('will end', 'can begin')?
    'has resigned' is done."""
    verb = _status_verb(f)
    tenses = _tenses(verb) if verb is not None else []
    return bool(tenses) and all(t.tag_ in ("VBZ", "VBP") and t.lemma_.lower() != "have" for t in tenses)


def _names(pair: Pair) -> Judgment:
    a, b = pair.a, pair.b
    verdict = compare_names(a.name or a.text, b.name or b.text)
    kind = a.kind
    if verdict == "same":
        return Judgment(pair, "same", kind, "the same name", certain=True)
    if verdict == "variant":
        if kind == "name" and not {"person", "nickname"} & {a.label, b.label} and pair.shared_anchor != ("spelling",):
            return Judgment(pair, "same", kind, "two spellings of one place or organisation", certain=True)
        return Judgment(pair, "contradiction", kind, f"The name is spelled '{a.text}' and '{b.text}'.", certain=True)
    if kind == "attribution":
        return Judgment(pair, "contradiction", kind,
                        f"The same words are attributed to '{a.text}' and to '{b.text}'.", certain=True)
    if kind == "name" and a.role == b.role == "home" and not (_names_also(a, b) or _names_also(b, a)):
        # one person's home, two places (checked in align: the same resident): 'of College Point' / 'lived in
        # South Ozone Park'
        return Judgment(pair, "contradiction", kind, f"One outlet gives the home as '{a.text}', another as '{b.text}'.")
    if kind == "name" and a.role == b.role and a.role in ONE_PLACE:
        # one part of town in each of two alike sentences ('the Old Quay district' / 'the Harbourside quarter'), one
        # study's journal
        says, where = ONE_PLACE[a.role]
        return Judgment(pair, "contradiction", kind, f"One outlet {says} '{a.text}', another {where} '{b.text}'.")
    if kind == "name" and (_names_also(a, b) or _names_also(b, a)):
        return Judgment(pair, "unclear", kind, f"one outlet's sentence names both '{a.text}' and '{b.text}'")
    title = _one_titled_person(a, b) if kind == "name" else None
    if title:
        return Judgment(pair, "contradiction", kind, f"One {title} is named '{a.text}' in one outlet and "
                        f"'{b.text}' in another.", certain=True)
    if pair.similarity >= SAME_NAME_SIMILARITY and a.role != "speaker" and a.label == b.label == "person":
        return Judgment(pair, "contradiction", kind,
                        f"The same account names '{a.text}' in one outlet and '{b.text}' in another.")
    return Judgment(pair, "unclear", kind, "different names, perhaps different people")


def _names_also(f, other) -> bool:
    """Does f's sentence name the other's person or place too ('Quist ran for 120 yards while Feld added 64' /
    'Feld ran for 64 yards'; 'two climbers, Ana Varga and Pieter Holm' / 'Pieter Holm and Ana Varga')? Then
    the two outlets do not name different people for one role: one of them names both."""
    name = other.name or other.text
    doc = f.sentence.doc
    said = {ent.text for ent in doc.ents} | {proper_run(t) for t in doc if t.pos_ == "PROPN" and t.dep_ != "compound"}
    return any(compare_names(name, words) == "same" for words in said)


def _gives_both(f, other) -> bool:
    """Does f's sentence also give the other's figure, as a part of f's ('226 yards on 22 carries, including an
    86-yard run' / 'an 86-yard run'; 'five people were killed, including two children' / 'two children were
    killed')? Then the two outlets do not give two values for one thing: one gives both, for a whole and its
    part. (Not 'Police said 18 people had been injured and 12 arrested' / '12 people were injured': two
    counts side by side, the second not part of the first.)"""
    doc, base = f.sentence.doc, f.sentence.start
    for g in find_figures(f.sentence.text):
        itself = g.start < f.end - base and f.start - base < g.end
        if itself or g.measure != other.figure.measure or not figures_compatible(g, other.figure):
            continue
        span = doc.char_span(g.start, g.end, alignment_mode="expand")
        if span is not None and len(span) and any(listed_part(span.root, t) for t in doc if t.lower_ in LISTING):
            return True
    return False


def _title(f) -> frozenset[str]:
    """The title a name is given: the words before it that qualify it ('Transport Commissioner Siobhan Reddy',
    'coach Maurice Cheeks'), or the noun set beside it ('Jane Smith, the spokeswoman')."""
    doc, base = f.sentence.doc, f.sentence.start
    span = doc.char_span(f.start - base, f.end - base, alignment_mode="expand")
    words = set()
    i = span.start - 1 if span is not None else -1
    while i >= 0 and doc[i].dep_ == "compound" and doc[i].ent_type_ != "PERSON" and span.start - i <= 3:
        words.add(doc[i].lower_)  # the run of words qualifying the name ('Fire Chief', 'Transport Commissioner')
        i -= 1
    if f.role and f.role.startswith("title:"):
        words.add(f.role.removeprefix("title:"))
    return frozenset(words)


def _one_titled_person(a, b) -> str | None:
    """One title and one surname with two first names ('Transport Commissioner Siobhan Reddy' / 'Transport
    Commissioner Shivaun Reddy'): one person whose name an outlet gives wrongly. The title, or None."""
    ta, tb = name_tokens(a.text), name_tokens(b.text)
    if not (a.label == b.label == "person" and len(ta) == len(tb) == 2 and ta[-1] == tb[-1] and ta[0] != tb[0]):
        return None
    if ta[0].startswith(tb[0]) or tb[0].startswith(ta[0]):
        return None  # 'Jon' / 'Jonathan': a short form, not another name
    title = _title(a)
    return " ".join(sorted(title)) if title and title == _title(b) else None


class CodeJudge:
    """The local engine's judge: the checks alone."""

    name = "code"

    def judge(self, pairs: list[Pair]) -> list[Judgment]:
        return [check_pair(p) for p in pairs]
