"""Layer 3 of the fact graph: pairs of facts, in different sentences, that speak of the same thing.

A pair is proposed only between facts of one kind and one measure (a count with a count, dollars with
dollars, a day with a day) whose qualifiers agree (a part is not paired with a total, a forecast not with
a result, last year's figure not with this year's), and is ranked by what they share: the words naming
what the value is about (its anchor), the verb it hangs from, the names around it, and how alike the two
sentences are once their values are masked. Each fact keeps its best partner in each other article, and
a pair stands only when each is the other's best (so one sentence does not pair with everything). Why a
pair was made is kept with it and shown in the report.
"""

from __future__ import annotations

import re
from collections import defaultdict
from difflib import SequenceMatcher
from dataclasses import dataclass
from datetime import datetime

from factcheck.copies import STOPWORDS
from factcheck.checks import (compare_names, edit_distance, letters, name_tokens, parse_number, read_by_name,
                              same_figure)
from factcheck.embed import word_similarity
from factcheck.graph.facts import (
    AXES_OF, FALL_VERBS, GENERIC_PEOPLE, LIGHT_VERBS, MEASURING, NOUNISH, OUTCOMES, PLACES, RISE_VERBS, USING, Fact,
    FactIndex,
    _days_of, _lemma, _subject, _verb_of, counted_offence, event_kinds, place_name, title_words,
)
from factcheck.graph.parse import ParsedCluster
from factcheck.lexicon import known_word

# Qualifiers that change what a figure is: two figures pair only when they carry the same of these.
EXCLUSIVE = frozenset({"part", "increment", "subset", "previous", "forecast", "cumulative", "change", "future",
                       "names_event", "rate", "background", "age", "listed", "lasting", "ongoing", "reading",
                       "rank", "purpose", "condition", "record", "split", "size_long", "size_short", "deciding"})
# roles paired in their own modules: `stances`, `charges`, `deaths`, `qualities`, `targets`, `damage`
WEIGHED_APART = {"stance", "charge", "death place", "quality", "target", "damage"}
MIN_SCORE = {"number": 0.58, "date": 0.58, "name": 0.7, "status": 0.6, "attribution": 0.5}
MIN_SIMILARITY = {"number": 0.35, "date": 0.35, "name": 0.55, "status": 0.45, "attribution": 0.0}
WITHIN_ARTICLE_BONUS = -0.15  # two sentences of one article must agree more before they are paired
WITHIN_ARTICLE_SIMILARITY = 0.85
NEAR_WORDS = 0.5  # two words this alike (MiniLM) name the same kind of thing
SAME_KIND = 0.65  # two counted nouns this alike name one kind of thing ('troop' / 'soldier' 0.74); below it
# words of one topic ('interception' / 'quarterback' 0.57, 'child' / 'adult' 0.52) are not one count
FAR_WORDS = 0.35  # two words less alike than this name different things  # two anchor words this alike (static vectors) count as half a shared word
SAME_QUOTE = 0.7  # share of the shorter quotation's words found in the other
MIN_QUOTE_WORDS = 4  # words two quotations of one saying share at least: three ('of', 'the', 'year') any two may
# Two values that are each the only one of their measure in their article (the one tally, the one wind speed) need
# little else: one outlet's 'reached its decision by a 2-1 vote' and another's 'won a unanimous decision from the
# Court of Appeals ... in their long fight' read 0.32 alike.
MIN_SIMILARITY_ONLY_ONES = {"number": 0.3, "date": 0.3}
ONLY_ONES_ALIKE = 0.4  # below this, the only measures of their kind need their nouns to agree
MIN_SIMILARITY_SAME_PARTY = 0.2  # one outcome said of one named person or thing ("Whitlock resigned" / "... dismissed
# Whitlock", "operations remain suspended" / "operations are going ahead")
ALIKE_ENOUGH = 0.5
RECENT_DAYS = 92  # two months' dates this close may be one event's, told by one verb in alike clauses
AFTER_PUBLICATION_DAYS = 7  # a day this long after an article went out is not one that article could tell
MAX_YEARS_APART = 2  # dates further apart than this are of two events, not one misdated (a typo moves a year by one)
MAX_HOURS_APART = 12  # two times of day further apart than this, with their days, are two moments ('11:30 p.m. on
# Saturday' / '8:30pm tonight' three days on); nearer, one moment may be told either side of midnight
MAX_DAYS_APART = 180  # a weekday this far from the other day names another week's event, not one misdated
MAX_RATIO = 20.0  # figures further apart than this count different things  # sentences this alike may pair their figures without a shared word naming what is counted
CLAIMANTS = 0.25  # score for figures given as one source's, against for two sources'
CROWDED = 3  # measures of one kind about one noun in one article from which the noun alone says nothing
MAX_BUCKET = 400  # facts of one kind and measure compared all against all; above this, only same anchors


@dataclass(frozen=True)
class Pair:
    a: Fact
    b: Fact
    score: float
    similarity: float  # the two sentences, values masked
    shared_anchor: tuple[str, ...]
    shared_entities: tuple[str, ...]
    same_predicate: bool

    @classmethod
    def by_role(cls, a: Fact, b: Fact, similarity: float, why: str, *, same_predicate: bool = True) -> Pair:
        """A pair a role's own module weighed (a charge, a death's place, a grade, a source's stance), scored
        by how alike its two sentences read."""
        return cls(a, b, round(similarity, 4), round(similarity, 4), (why,), tuple(sorted(a.entities & b.entities)),
                   same_predicate)

    @property
    def within_article(self) -> bool:
        return self.a.article_id == self.b.article_id

    def why(self) -> str:
        parts = []
        if self.shared_anchor:
            parts.append("about " + ", ".join(self.shared_anchor))
        if self.same_predicate and self.a.predicate:
            parts.append(f"both '{self.a.predicate}'")
        if self.shared_entities:
            parts.append("naming " + ", ".join(self.shared_entities))
        if self.a.claimant and self.a.claimant == self.b.claimant:
            parts.append(f"both given as the {self.a.claimant}'s")
        if self.a.kind == "number" and self.a.name and self.b.name \
                and compare_names(self.a.name, self.b.name) in ("same", "variant"):
            parts.append(f"both {self.a.name}'s")  # "Marin won with 51.8%" / "Marin ... after taking 53.1 percent"
        parts.append(f"sentences {self.similarity:.2f} alike with values masked")
        return "; ".join(parts)


def bucket_keys(f: Fact) -> list[tuple]:
    """The groups a fact is weighed in: its kind and what it is about; a status also by its verb, for one
    decision about two nouns ('the peer-reviewed study' / 'the research has not been peer reviewed')."""
    keys = [_bucket_key(f)]
    if f.kind == "status" and f.event and f.event != f.predicate:
        keys.append(("status", "~" + f.event))
    if f.kind == "status" and f.event:  # 'services were suspended' (proceed) / 'services resumed' (open): one axis
        keys += [("status", axis) for axis in sorted(AXES_OF.get(f.event, set()) - {f.predicate})]
    return keys


def _bucket_key(f: Fact) -> tuple:
    if f.kind == "number":
        return ("number", f.figure.measure)
    if f.kind == "date":
        return ("date", "time" if f.when.time else "day")
    if f.kind == "name":
        return ("name", f.label, f.role)
    if f.kind == "status":
        return ("status", f.predicate)  # an outcome axis ('approve') or the verb itself
    return (f.kind,)


def _comparable(a: Fact, b: Fact) -> bool:
    if a.sentence_id == b.sentence_id:
        return False
    if (a.qualifiers & EXCLUSIVE) != (b.qualifiers & EXCLUSIVE):
        return False
    if a.frame and b.frame and not (a.frame & b.frame):
        return False  # "in 2009" and "in 2011" are about different times
    if "age" in a.qualifiers:  # an age belongs to a person: two ages are compared only when one person is named
        if a.name and b.name:
            if compare_names(a.name, b.name) == "different":
                return False
        elif not (a.entities & b.entities):
            return False
        elif not (a.name or b.name) and not _one_known_person(a, b):
            return False  # 'a 14-year-old girl' / 'a 12-year-old girl': two girls, as far as the words go
    if "record" in a.qualifiers and not (a.name and b.name and compare_names(a.name, b.name) in ("same", "variant")
                                         and bool(a.frame) == bool(b.frame)):
        return False  # a won-lost record is one named side's in one season: 'the Hawks (31-12)' / 'the Bulls
        # (30-13)'; 'the Chiefs (2-13)' / 'the 2008 Chiefs ended with a 2-14 record'
    if a.kind == "number" and "increment" in a.qualifiers and not _same_predicate(a.predicate, b.predicate) \
            and not (a.head and a.head == b.head):
        return False  # more of two things: 'brought him another three-year sentence' / 'took another six years'
    if a.kind == "number" and (title_words(a) and title_words(b) and not title_words(a) & title_words(b)):
        return False  # counts of two titles: 'a two-time Olympic champion' / 'a three-time world champion'
    if a.kind == "number" and a.head == b.head == "time" and _multiplied(a) != _multiplied(b):
        return False  # 'ten times the speed of USB 2.0' / 'four times that of the prior model': two ratios
    if a.kind == "number" and _capacity(a) != _capacity(b):
        return False  # 'seven seasons as an assistant coach' / '11 seasons' (as a player) or 'as head coach'
    if a.kind == "number" and None not in (offences := (counted_offence(a), counted_offence(b))) \
            and offences[0] != offences[1]:
        return False  # counts of two offences: 'two counts of murder' / 'one count of attempted murder'
    if a.kind == "number" and "age" not in a.qualifiers and _other_parties(a, b):
        return False  # whose figure it is differs: "Wayne had five catches" / "Allen had three catches"
    if a.kind in ("date", "status") and a.parties and b.parties \
            and all(_apart(x, y) for _, x in a.parties for _, y in b.parties):
        return False  # arriving at two named places: two moments ('checked into Betty Ford' / 'showed up to Morningside')
    if a.kind == "status" and a.places and b.places and all(_apart(x, y) for x in a.places for y in b.places):
        return False  # outcomes of two named things: 'reopen the Ashgrove library' / 'reopen its branch in Penley'
    if "listed" in a.qualifiers and a.kind == "number" and not a.figure.score:
        return False  # "ages 6 and 16" / "ages 16 and 6": which value is whose, the lists do not say
    if a.origin and b.origin and compare_names(a.origin, b.origin) == "different":
        return False  # measured from different places: "3 miles southwest of Cobb" / "20 miles north of Santa Rosa"
    if a.kind == "name" and (a.role is None or (not a.role.startswith("title:") and a.predicate != b.predicate)):
        return False
    if a.role == "home" and not _one_resident(a, b):
        return False  # the homes of two people
    if a.role == "end" and a.head and b.head and a.head != b.head and word_similarity(a.head, b.head) < NEAR_WORDS:
        return False  # the journeys of two things: 'the ferry docked at X' / 'a freight train arrived at Y'
    if a.kind == "status" and "fate" in (a.predicate, b.predicate) \
            and (fated_count(a) is None or fated_count(a) != fated_count(b)):
        return False  # a fate is one group's when both name it by one count: 'rescued 26 Somali crewmembers' /
        # 'apprehending 26 Somali pirates'; 'rescued five hostages' / 'arrested two kidnappers' are two groups
    if a.kind == "status":
        party = _party(a, b)
        if party == "different":
            return False  # the outcome happens to different people or things ("Whitlock resigned" / "Menon was fired")
        if party not in ("same", "variant"):  # one named party makes two outcomes comparable; else their nouns must
            shared = bool(a.anchor & b.anchor) or _same_kind(a.anchor, b.anchor) or bool(a.places & b.places)
            if not (shared or a.entities & b.entities):
                return False
            if a.anchor and b.anchor and not shared:
                return False  # "talks continue" / "halt the fighting": the outcomes of two different things
    return True


DEFINITE = {"the", "this", "that"}


def _multiplied(f: Fact) -> str | None:
    """What a multiple multiplies ('ten times the speed of USB 2.0' -> 'speed', 'four times the current pixel count'
    -> 'count', 'four times that of the prior model' -> 'that'); None for a count of occasions ('stabbed 17 times',
    'three times in a row')."""
    span = f.tokens()
    if span is None:
        return None
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ != "times":
        return None
    after = doc[span.end + 1 : span.end + 7]
    if not len(after) or after[0].pos_ not in ("DET", "PRON", "ADJ", "ADV", "NOUN"):
        return None
    return next((t.lemma_.lower() for t in after if (t.pos_ in ("NOUN", "PRON") and t.dep_ != "compound")
                 or t.lower_ == "that"), "?")


SPANS_OF_TIME = {"season", "year", "month", "week", "day", "decade", "term", "stint", "spell", "game"}  # counted time


def _capacity(f: Fact) -> frozenset[str]:
    """The capacity a figure is given in, by an 'as' on its noun or verb ('seven seasons as an assistant coach',
    'served as chief executive for six years' -> 'assistant coach', 'chief executive'): one person's years in
    two capacities are two figures."""
    if not (f.figure.dimension == "duration" or f.head in SPANS_OF_TIME):
        return frozenset()  # a span of time served in a capacity, not 'shut six wards as staff battle an outbreak'
    span = f.tokens()
    if span is None:
        return frozenset()
    root = span.root
    noun = root.head if root.dep_ in ("nummod", "compound", "amod") else root
    holders = [noun, _verb_of(noun)]
    out = set()
    for prep in (c for h in holders if h is not None for c in h.children if c.dep_ == "prep" and c.lower_ == "as"):
        for obj in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"):
            words = [t.lemma_.lower() for t in obj.children if t.dep_ == "compound" and t.i < obj.i]
            out.add(" ".join([*words, obj.lemma_.lower()]))
    return frozenset(out)


def _aged(f: Fact):
    """The noun an age is given to ('the 36-year-old victim', 'the victim, 36,'), or None."""
    span = f.tokens()
    if span is None:
        return None
    doc = span.doc
    after = next((t for t in doc[span.end : span.end + 4] if t.pos_ in ("NOUN", "PROPN")), None)
    noun = after if after is not None and span.root.head in (after, *after.children, *after.subtree) else span.root.head
    return noun if noun.pos_ in ("NOUN", "PROPN") else None


def _one_known_person(a: Fact, b: Fact) -> bool:
    """Two unnamed ages given to one person the story already knows: the same noun, made definite in both ('the
    36-year-old victim' / 'the victim, 37,'), not 'a 14-year-old girl' / 'a 12-year-old girl'."""
    na, nb = _aged(a), _aged(b)
    if na is None or nb is None or na.lemma_.lower() != nb.lemma_.lower():
        return False
    return all(any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in DEFINITE for c in n.children) for n in (na, nb))


def _apart(x: str, y: str) -> bool:
    """Two names of places with no word in common ('Utah' / 'Detroit'; not 'Betty Ford Center' / 'Betty Ford
    Clinic', nor 'Eskerfeld' / 'Eskerfeld-Varnholm'), nor one name spelled two ways: a letter apart ('Kellport' /
    'Kelport') or transliterated ('Salonika' / 'Thessaloniki'); 'Austria' / 'Australia' are two."""
    if set(name_tokens(x)) & set(name_tokens(y)):
        return False
    verdict = compare_names(x, y)
    if verdict == "same" or (verdict == "variant" and edit_distance(letters(x), letters(y)) <= 1):
        return False
    return not transliterated(x, y)


def _same_kind(words_a: frozenset[str], words_b: frozenset[str]) -> bool:
    """Do two sets of nouns share one kind of thing ('study' / 'research')?"""
    return any(word_similarity(x, y) >= SAME_KIND for x in words_a for y in words_b if x.isalpha() and y.isalpha())


def _other_parties(a: Fact, b: Fact) -> bool:
    """Are two figures about different people? Their owners differ ('Wayne had five catches' / 'Allen had three
    catches'), or their clauses name people or organisations and none of one's is any of the other's, or one
    part is played by different names in each ('Okafor's pass to Brandt' / 'Okafor's pass to Lindqvist';
    'Osei sentenced Reyes' / 'Osei sentenced Lindgren'). Subject and object are parts only under one verb:
    verbs differ in who is which ('Wolanski will receive a salary' / 'Wolanski will be paid a salary')."""
    if a.name and b.name and compare_names(a.name, b.name) == "different":
        return True
    if not (a.parties and b.parties):
        return False
    if all(compare_names(x, y) == "different" for _, x in a.parties for _, y in b.parties):
        return True
    parts = {r for r, _ in a.parties} & {r for r, _ in b.parties}
    if a.predicate != b.predicate:
        parts -= {"subj", "obj"}
    return any(all(compare_names(x, y) == "different" for r, x in a.parties if r == part
                   for s, y in b.parties if s == part) for part in parts)


TWIN_SENTENCES = 0.6  # two outlets' sentences this alike, giving one measure, tell one report


def twin_sentences(cluster: ParsedCluster, index: FactIndex) -> frozenset:
    """Pairs of sentences of two outlets that give one measure alike ('Electricity use peaked at 9,400
    megawatts, roughly 12% above last summer's high' / 'Power demand hit 9.4 gigawatts, about 20 percent above
    last summer's peak'): one report, whose nouns ('use' / 'demand') are two words for one thing, so its other
    figures are weighed as about the same things. Only a unit or a currency counts, not a bare number."""
    measured = [f for f in index.facts if f.kind == "number" and (f.figure.dimension or f.figure.currency)
                and not f.figure.score and f.figure.hedge not in ("range",)]
    by_measure: dict[tuple, list[Fact]] = defaultdict(list)
    for f in measured:
        by_measure[f.figure.measure].append(f)
    out = set()
    for group in by_measure.values():
        group.sort(key=lambda f: f.figure.value)
        for i, a in enumerate(group):  # equal values sit side by side once sorted
            for b in group[i + 1 :]:
                if b.figure.value > a.figure.value * 1.05 + 1e-9:
                    break
                if a.sentence.root_id == b.sentence.root_id or not same_figure(a.figure, b.figure):
                    continue
                if cluster.similarity(a.sentence_id, b.sentence_id) >= TWIN_SENTENCES:
                    out.add(frozenset({a.sentence_id, b.sentence_id}))
    return frozenset(out)


def _one_resident(a: Fact, b: Fact) -> bool:
    """Are two homes ('Raj Chohan, 57, of College Point' / 'Chohan, who lived in South Ozone Park') one person's?"""
    return any(compare_names(x, y) == "same" for r, x in a.parties for q, y in b.parties if r == q == "resident")


def fated_count(f: Fact) -> float | None:
    """How many people or things a verb of fate happened to, as its object's count says ('rescued 26 Somali
    crewmembers' -> 26, '14 fishermen were detained' -> 14), or None."""
    span = f.tokens()
    verb = _verb_of(span.root) if span is not None else None
    if verb is None:
        return None
    for noun in verb.children:
        if noun.dep_ in ("dobj", "nsubjpass"):
            counts = [parse_number(c.text) for c in noun.children if c.dep_ == "nummod"]
            if len(counts) == 1 and counts[0] is not None:
                return counts[0]
    return None


def _party(a: Fact, b: Fact) -> str | None:
    """How the names of whom two outcomes happen to compare ('same', 'variant', 'different'), or None when a
    pronoun or nothing names one of them."""
    if a.name and b.name and "(pronoun)" not in (a.name, b.name):
        return compare_names(a.name, b.name)
    if a.name and b.name and {a.name, b.name} != {"(pronoun)"}:
        told, named = (a, b) if a.name == "(pronoun)" else (b, a)
        before = _named_before(told)
        if before and all(compare_names(p, named.name) == "different" for p in before):
            return "different"  # 'Lawrence, Hutcherson and Hemsworth are signed, and they are also signed for the
            # third film' / 'Ross is not signed for a sequel': 'they' are the people named before it, not Ross
    return None


def _named_before(f: Fact) -> list[str]:
    """The people named before the pronoun that is the subject of a fact's verb, in its own sentence."""
    span = f.tokens()
    verb = _verb_of(span.root) if span is not None else None
    subject = _subject(verb) if verb is not None else None
    if subject is None or subject.pos_ != "PRON":
        return []
    return [e.text for e in f.sentence.doc.ents if e.label_ == "PERSON" and e.end <= subject.i]


def _place_names(cluster: ParsedCluster) -> set[str]:
    """Every name the tagger reads as a town, region or country somewhere in the cluster, as written."""
    return {ent.text for s in cluster.sentences for ent in s.doc.ents
            if ent.label_ in PLACES and ent.root.pos_ == "PROPN"}


def lone_places(cluster: ParsedCluster) -> frozenset[str]:
    """Towns, regions and countries the whole cluster names in one sentence only, however the tagger reads the
    name elsewhere: where an aside happened ('In February, a gunman killed five people at a mall in Salt Lake
    City'), not the story's own place, which outlets name again."""
    names = _place_names(cluster)
    out = set()
    for name in names:
        said = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
        if sum(1 for s in cluster.sentences if name in s.text and said.search(s.text)) == 1:
            out.add(place_name(name))
    return frozenset(out - {""})


def known_places(cluster: ParsedCluster) -> dict[str, frozenset[str]]:
    """For each sentence, the names in it the tagger reads as a town, region or country somewhere in the
    cluster: where the tagger does not read one so there ('a suburban Kestrel Bay accounting firm'), the
    cluster still knows it is a place."""
    names = sorted((n for n in _place_names(cluster) if place_name(n)), key=len, reverse=True)
    if not names:
        return {}
    said = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")
    out = {}
    for s in cluster.sentences:
        found = frozenset(place_name(m.group()) for m in said.finditer(s.text))
        if found:
            out[s.id] = found
    return out


def _places_of(f: Fact, known: dict[str, frozenset[str]] | None) -> frozenset[str]:
    """A figure's places: those its clause names, else the known places its sentence names."""
    if f.places or f.kind != "number" or not known:
        return f.places
    return known.get(f.sentence_id, frozenset())


def _elsewhere(a: Fact, b: Fact, lone: frozenset[str], known: dict | None = None) -> bool:
    """Do two figures happen in different places: all of one's named nowhere else in the cluster, some of the
    other's named again ('killed five people at a mall in Salt Lake City, Utah' / 'shot three people in suburban
    Detroit')? An age is a person's, wherever the sentence puts them."""
    pa, pb = _places_of(a, known), _places_of(b, known)
    if not (pa and pb) or "age" in a.qualifiers:
        return False
    if not any(one <= lone and other - lone for one, other in ((pa, pb), (pb, pa))):
        return False
    return all(_apart(x, y) for x in pa for y in pb)


MIN_SHARED_LETTERS = 5  # a run of letters two spellings of one place share ('Salonika' / 'Thessaloniki': 'salonik')
SHARED_SHARE = 0.8  # of the shorter name


def transliterated(x: str, y: str) -> bool:
    """May two one-word place names be one name written two ways ('Salonika' / 'Thessaloniki', 'Lisbon' /
    'Lisboa')? They share a long run of letters, most of the shorter, and neither is the other whole ('Chester' /
    'Manchester', 'Niger' / 'Nigeria' are two places; 'Austria' / 'Australia' share too little), nor is the longer
    the shorter and another word ('The Geysers' / 'Geyserville')."""
    a, b = sorted((letters(x), letters(y)), key=len)
    if " " in x.strip() or " " in y.strip() or not a or a in b:
        return False
    run = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    if run.size < MIN_SHARED_LETTERS or run.size < SHARED_SHARE * len(a):
        return False
    rest = (b[: run.b], b[run.b + run.size :])  # what the longer adds: a word makes it another name ('Geyser-ville')
    return not any(len(part) >= 3 and known_word(part) for part in rest)


def _one_place(a: Fact, b: Fact) -> bool:
    """Do both clauses name one place, spelled alike or two ways ('in Thessaloniki, where a further 20,000 people
    joined' / 'in Salonika where approximately 50,000 people marched')?"""
    return any(compare_names(x, y) == "same" or transliterated(x, y) for x in a.places for y in b.places)


def score_pair(cluster: ParsedCluster, a: Fact, b: Fact, *, only_ones: bool = False, sole: bool = False,
               crowded: bool = False, owned: bool = False, context: dict | None = None,
               trace: list[str] | None = None, lone: frozenset[str] = frozenset(),
               known: dict | None = None, twins: frozenset = frozenset(), disowned: bool = False,
               siblings: dict | None = None, added: bool = False) -> Pair | None:
    """A scored pair, or None. `only_ones`: the two are the only figures of their measure in their articles
    (the one score, the one sum in euros), which is itself evidence that they are about the same thing;
    `sole`: each is the only figure of its measure about its noun in its article (see `standing`);
    `crowded`: one of the articles gives many ('a 36-yard field goal', 'a 32-yard return', '226 yards rushing');
    `owned`: each is the only measure of its kind its article gives as one named party's ('Marin won with 51.8%'
    / 'Marin was elected after taking 53.1 percent').
    `trace`, when given, receives why a pair was refused (for `python -m evals.explain`); `lone`: the places
    the cluster names once (see `lone_places`); `siblings`: each sentence's figures (see `_given_beside`);
    `added`: each is the only count of more of something its article gives with this verb ('called in an
    additional six engines' / 'called a further four appliances'), which says they count one addition."""

    def refuse(why: str) -> None:
        if trace is not None:
            trace.append(why)

    if not _comparable(a, b):
        return refuse("not comparable")
    if disowned:
        return refuse("one side is a named party's; the other's article gives that party another figure")
    if _elsewhere(a, b, lone, known):
        return refuse(f"in different places ({', '.join(sorted(_places_of(a, known)))} / "
                      f"{', '.join(sorted(_places_of(b, known)))})")
    if a.kind == "date" and _different_people(a, b):
        return refuse("what happened, happened to two different people")
    if a.kind == "date" and _told_before_the_other(a, b):
        return refuse("one article went out before the other's day: two events")
    if a.kind == "number" and siblings and _given_beside(a, b, siblings):
        return refuse("the other sentence gives this very figure of this very noun: its other figure is another's")
    if a.kind == "date" and _hours_apart(a, b) > MAX_HOURS_APART:
        return refuse(f"times of day {_hours_apart(a, b):.0f} hours apart, on the days their sentences give them")
    similarity = cluster.similarity(a.sentence_id, b.sentence_id)
    if context and a.id in context and b.id in context:
        # what the two values are about, read from their own clauses: the stronger evidence
        similarity = max(similarity, float(context[a.id] @ context[b.id]))
    if only_ones and a.article_id != b.article_id and similarity >= MIN_SIMILARITY_ONLY_ONES[a.kind] \
            and _ratio(a, b) <= MAX_RATIO and _event_agreement(a, b) > 0.0 \
            and (a.kind == "date" or a.figure.score or _same_head(a, b)) \
            and (similarity >= ONLY_ONES_ALIKE or a.kind == "date" or a.figure.score or not (a.head and b.head)
                 or _head_agreement(a, b) == 1.0):
        # in clauses that read little alike, two nouns must say it is one thing ('61% of possession' / '48% of
        # the shots on target' are not), unless one side names none ('gusts of up to 130 km/h' / 'reaching 95 mph')
        score = similarity + 0.35 + 0.2 * bool(a.predicate and a.predicate == b.predicate)
        return Pair(a, b, round(score, 4), round(similarity, 4), ("the only such figure in each",),
                    tuple(sorted(a.entities & b.entities)), a.predicate == b.predicate)
    same_party = a.kind == "status" and (_party(a, b) is not None
                                         or (a.role is not None and any(w.isalpha() for w in a.anchor & b.anchor))
                                         or (a.event == b.event and _same_kind(a.anchor, b.anchor)))
    same_party = same_party or a.role in ("home", "venue")  # one person's home, one paper's journal, whatever else the
    # sentences say
    # the part of town one named thing is in ('a recount in the district of X' / 'a recount has been ordered in ...')
    same_party = same_party or (a.role == "area" and a.head is not None and a.head == b.head)
    # the end of one route ('ran from Halden Square to parliament' / 'from Halden Square to the ministry'), or of
    # one traveller's journey ('the ferry docked at X' / 'forced the ferry to divert to Y')
    same_party = same_party or (a.role == "end" and ((a.origin is not None and b.origin is not None)
                                                     or (a.head is not None and a.head == b.head)))
    # one deed done to one thing, said done and said not done ('fired tear gas' / 'did not deploy tear gas')
    same_party = same_party or (a.kind == "status" and a.role is None and a.predicate == b.predicate
                                and a.predicate in a.anchor & b.anchor
                                and (a.event == b.event or {a.event, b.event} <= USING))
    if similarity < MIN_SIMILARITY[a.kind] and not (same_party and similarity >= MIN_SIMILARITY_SAME_PARTY) \
            and not added:
        return refuse(f"sentences {similarity:.2f} alike, below {MIN_SIMILARITY[a.kind]}")
    if a.kind == "attribution":
        return _quote_pair(cluster, a, b, similarity)
    shared = tuple(sorted(a.anchor & b.anchor))
    union = a.anchor | b.anchor
    anchor_overlap = len(shared) / len(union) if union else 0.0
    if not shared and a.anchor and b.anchor:
        near = max(word_similarity(x, y) for x in a.anchor for y in b.anchor)
        if near >= NEAR_WORDS:
            anchor_overlap, shared = 0.5 * near, (f"{min(a.anchor)}~{min(b.anchor)}",)
    same_predicate = _same_predicate(a.predicate, b.predicate) and not _sent_apart(a, b)
    entities = tuple(sorted(a.entities & b.entities))
    clash = bool(a.entities and b.entities and not entities)
    head = _head_agreement(a, b) if a.kind == "number" else 0.5
    if head == 0.0 and frozenset({a.sentence_id, b.sentence_id}) in twins:
        head = 1.0  # 'Electricity use peaked at 9,400 megawatts' / 'Power demand hit 9.4 gigawatts': one thing
    if "sample" in a.qualifiers and "sample" in b.qualifiers:
        head = 1.0  # whom a study looked at, however each names them ('4,300 adults' / '3,400 people')
    if a.kind == "number" and not added \
            and not _figures_about_same(a, b, head, same_predicate, similarity, sole, crowded, owned):
        return refuse(f"nothing says the figures count the same thing (head {a.head}/{b.head} {head}, "
                      f"events {_event_agreement(a, b)}, same verb {same_predicate})")
    if a.kind == "date" and a.predicate in SCHEDULING and b.predicate in SCHEDULING \
            and not (a.anchor & b.anchor) - SCHEDULING:
        # the verb only puts a day on what its noun names: 'His sentencing is scheduled for November 8' / 'Trial is
        # set for June 17' are two steps, however near the nouns read
        return refuse("days put on two things named by two nouns")
    if a.kind == "date" and (_event_agreement(a, b) == 0.0 or (
            not (a.anchor & b.anchor or same_predicate)
            and (similarity < ALIKE_ENOUGH or {a.predicate, b.predicate} <= LIGHT_VERBS))):
        # nouns of one topic ('jurors' / 'killer') do not make two days one event's, nor two verbs that tell
        # nothing ('the injury report for Wednesday is ...' / 'their status is for Saturday')
        return refuse(f"nothing says the dates are of one event (events {_event_agreement(a, b)})")
    if a.kind == "date" and _days_apart(a, b) > MAX_DAYS_APART:
        return refuse(f"days {_days_apart(a, b)} days apart")
    if a.kind == "date" and _gap(a, b) > MAX_YEARS_APART * 365:
        # 'indicted in 1957' / 'indicted in 1990': one life's two events, not one event's year misreported
        return refuse(f"dates {_gap(a, b) // 365} years apart")
    if a.kind == "date" and (kinds := _kinds_apart(a, b)):
        return refuse(f"two kinds of {kinds}")
    if a.kind == "date" and (a.when.period or b.when.period) and not (same_predicate and (
            shared or (similarity >= ALIKE_ENOUGH and _recent_months(a, b) and _role_and_name(cluster, a, b)))):
        return refuse("a month or a year is compared only for one verb about one thing")
    if _other_moments(a, b):
        return refuse("times of day of what may be different moments (what happened differs, names aside)")
    one_sided_frame = bool(a.frame) != bool(b.frame)  # one says when ("on Oct. 7"), the other does not
    ratio = _ratio(a, b)
    if ratio > MAX_RATIO:
        return refuse(f"values {ratio:.0f} times apart")  # 28,000 and 67: two outlets do not misreport one count by that much; two counts
    events = _event_agreement(a, b) if a.kind in ("number", "date") else 0.5
    score = (similarity + 0.25 * anchor_overlap + 0.15 * same_predicate + 0.1 * bool(entities) - 0.2 * clash
             - 0.15 * one_sided_frame + 0.3 * (head == 1.0 and a.head is not None) + 0.2 * events
             - 0.2 * (ratio > 3) + 0.2 * bool(same_party)  # one outcome of one named person or thing
             + CLAIMANTS * _claimants(a, b))  # one source's figure is first compared with the same source's
    if a.article_id == b.article_id:
        if similarity < WITHIN_ARTICLE_SIMILARITY or not (shared and same_predicate):
            return refuse("one article's sentences, not alike enough")  # mostly about different things
        if a.kind == "number" and a.head and a.head == b.head and _kinds_of(a, a.head) != _kinds_of(b, b.head):
            # one article counting 'career playoff games' and 'career games' counts two things
            return refuse(f"one article's two kinds of {a.head}")
        score += WITHIN_ARTICLE_BONUS
    if score < MIN_SCORE[a.kind]:
        return refuse(f"score {score:.2f} below {MIN_SCORE[a.kind]}")
    return Pair(a, b, round(score, 4), round(similarity, 4), shared, entities, same_predicate)


def _clause_of(f: Fact):
    """(the value's tokens, the verb of its clause, that verb's subject); None where the parser gives none."""
    span = f.tokens()
    verb = _verb_of(span.root) if span is not None else None
    return span, verb, _subject(verb) if verb is not None else None


def _different_people(a: Fact, b: Fact) -> bool:
    """Are two dates of what happened to two people the names say are different ('Vincent Jackson was arrested on
    Jan. 6' / 'Jamal Williams was arrested early Sunday')? One kind of event, two events."""
    return bool(a.person and b.person) and compare_names(a.person, b.person) == "different"


def _given_beside(a: Fact, b: Fact, siblings: dict[str, list[Fact]]) -> bool:
    """Does one side's sentence also give the other's very figure of the other's very noun and verb, or does each
    sentence give both figures ('finished with 269 yards and two touchdowns rushing and caught 29 passes' / 'had
    269 yards and two touchdowns on 83 carries and another 201 yards on 29 catches')? Then the two sentences
    agree, and the pair matched a figure with another one of the other's (the touchdowns with the catches). Not
    when the other figure is read as of that noun and verb too ('18 people had been injured and 12 arrested' / '12
    people were injured', where the parser reads the 12 as injured)."""
    def beside(mine: Fact, other: Fact, noun: bool) -> bool:
        return any(g is not other and g.figure.measure == mine.figure.measure and same_figure(g.figure, mine.figure)
                   and (not noun or (g.qualifiers & EXCLUSIVE) == (mine.qualifiers & EXCLUSIVE))
                   and (not noun or (mine.head is not None and (g.head, g.predicate) == (mine.head, mine.predicate)
                                     != (other.head, other.predicate)))
                   for g in siblings.get(other.sentence_id, ()))
    return beside(a, b, True) or beside(b, a, True) or (beside(a, b, False) and beside(b, a, False))


def _added(a: Fact, b: Fact) -> bool:
    """Are both counts of more of something, told by one verb, with nothing else parting them ('an additional six
    engines' / 'a further four appliances', both 'called')? Plain counts only: not scores, ages or measures."""
    return a.kind == "number" and "increment" in a.qualifiers & b.qualifiers and a.predicate is not None \
        and a.predicate == b.predicate and a.predicate not in LIGHT_VERBS \
        and a.figure.measure == b.figure.measure == (None, None, False, False) \
        and not (a.figure.score or b.figure.score)


def _told_before_the_other(a: Fact, b: Fact) -> bool:
    """Does one side give a past day of an article that went out more than a week before the other side's day
    ('the downtime started on Tuesday' in a story of 17 August / 'problems started on Saturday 8 October' in one of
    October)? An outlet cannot date what had not happened when it wrote: the two tell two events of one kind.
    Not for two days of the month written without a year, which name one day whatever year each story ran in; a
    weekday is read in its own story's week."""
    if a.when.month_day and b.when.month_day and read_by_name(a.when, b.when):
        return False
    for early, late in ((a, b), (b, a)):
        written = early.sentence.anchor
        first, last = _days_of(early.when)[1], _days_of(late.when)[0]
        if written and first and last and first <= written and (last - written).days > AFTER_PUBLICATION_DAYS:
            return True
    return False


def _role_and_name(cluster: ParsedCluster, a: Fact, b: Fact) -> bool:
    """Does one side say who by name and the other by a common noun only ('Orozco' / 'the suspect')? Two common
    nouns that differ ('business customers' / 'consumers') are two parties; two names that differ, two people."""
    def named(f: Fact) -> bool:
        return any(w in cluster.names for w in f.anchor)
    return named(a) != named(b)


def _recent_months(a: Fact, b: Fact) -> bool:
    """Two dates of this story's time, months apart at most ('In April 2007' / 'last month' in a story of May
    2007), not years recalled ('hosted the Emmys in 2001' / 'in November 2001'), where one verb often tells two
    events."""
    if "background" in a.qualifiers or "background" in b.qualifiers:
        return False
    (a0, a1), (b0, b1) = _days_of(a.when), _days_of(b.when)
    if None in (a0, a1, b0, b1) or (a1 - a0).days > 31 or (b1 - b0).days > 31:
        return False  # a year, or no day at all
    return _gap(a, b) <= RECENT_DAYS


def _days_apart(a: Fact, b: Fact) -> int:
    """Days between two dates when one is a weekday read against its article's date ('arrested on Tuesday' in
    an article of October 2011, 'presented on Thursday' in one of April 2013): 0 when they overlap, when
    neither is a weekday (a written date's year may be the mistake) or one names no day."""
    if not any(f.when.weekday and not f.when.month_day for f in (a, b)):
        return 0
    return _gap(a, b)


def _gap(a: Fact, b: Fact) -> int:
    """Days between the spans two dates cover: 0 when they overlap or one names no day."""
    (a0, a1), (b0, b1) = _days_of(a.when), _days_of(b.when)
    if None in (a0, a1, b0, b1):
        return 0
    return max((b0 - a1).days, (a0 - b1).days, 0)


def _claimants(a: Fact, b: Fact) -> int:
    """1 when both figures are given as one source's ('police estimated 18,000' / 'according to a police count,
    25,000'), -1 when as two different sources' (police / organisers), 0 when a side does not say."""
    if not (a.claimant and b.claimant):
        return 0
    return 1 if a.claimant == b.claimant else -1


def _hours_apart(a: Fact, b: Fact) -> float:
    """How far apart two times of day are, each on the day its sentence gives it (0 where either has none)."""
    if not (a.day and b.day and a.when.time and b.when.time):
        return 0.0
    moment_a, moment_b = (datetime.fromisoformat(f"{f.day}T{f.when.time}") for f in (a, b))
    return abs((moment_a - moment_b).total_seconds()) / 3600


def _other_moments(a: Fact, b: Fact) -> bool:
    """Two times of day of what may be different happenings: a time pins one moment of a day full of them,
    and only what happened, not who it happened to, makes two times one ('Orozco was arrested' at midnight,
    'Ortiz followed Orozco' at 3:30 p.m.)."""
    if a.kind != "date" or not (a.when.time and b.when.time):
        return False
    return _event_agreement(a, b, without=_names_in(a) | _names_in(b)) < 1.0


def _names_in(f: Fact) -> set[str]:
    """The proper nouns of a fact's sentence, as its anchors spell them."""
    return {_lemma(t) for t in f.sentence.doc if t.pos_ == "PROPN"}


def _ratio(a: Fact, b: Fact) -> float:
    """How many times larger one figure is than the other (1 for non-figures and scores)."""
    if a.kind != "number" or a.figure.score or b.figure.score:
        return 1.0
    x, y = abs(a.figure.value), abs(b.figure.value)
    return max(x, y) / min(x, y) if min(x, y) > 0 else (1.0 if x == y else float("inf"))


def _figures_about_same(a: Fact, b: Fact, head: float, same_predicate: bool, similarity: float,
                        sole: bool = False, crowded: bool = False, owned: bool = False) -> bool:
    """Is there positive evidence that two figures count or measure the same thing?

    A plain count needs the same counted noun ('14 rifles' / 'six rifles'; 'people' / a nationality), or
    near-synonyms told by the same verb, and nothing saying the two happened differently ('brought to
    hospital' / 'killed'). A measure (a unit, a currency, a percentage, a score) is rarer: the same verb, the
    same noun, or clauses that read alike suffice. When each is the only measure of its kind about its noun
    in its article ('a €62 million renovation' / 'the renovation was costed at €68m'), the noun names what is
    measured and the verbs around it do not part them; where an article has many ('a 36-yard field goal',
    'a 32-yard return'), the noun alone does not say which is which. When each is the only measure of its
    kind that its article gives as one named party's, the party names what is measured ('Marin won with 51.8%'
    / 'Marin was elected after taking 53.1 percent'), unless the nouns say otherwise."""
    if "age" in a.qualifiers and a.name and b.name:
        return True  # one named person's age (checked in _comparable)
    if "lasting" in a.qualifiers and "lasting" in b.qualifiers and sole and similarity >= ALIKE_ENOUGH:
        return True  # how long the one thing each article times went on ("a six-hour blockade" / "for nine hours")
    if "sample" in a.qualifiers and "sample" in b.qualifiers:
        return True  # how many one study looked at ('followed 4,300 adults' / 'tracked 3,400 people')
    if "deciding" in a.qualifiers and "deciding" in b.qualifiers:
        return similarity >= ALIKE_ENOUGH  # the set that decided one match ('6-4, 3-6, 7-5' / '7-6 in a deciding set')
    events = _event_agreement(a, b)
    plain = a.figure.measure == (None, None, False, False)
    named = head == 1.0 and a.head is not None
    if events == 0.0 and (plain or not (named and sole and a.head == b.head)):
        return False
    if plain:  # a bare count: the counted noun must say it is the same count
        if (_singled_out(a) or _singled_out(b)) and not same_predicate:
            return False  # 'one cop put both hands on his head' / 'two officers shot him': one of them, not a count
        if named:
            # the same noun counted by one source ('Police said 20,000 people took to the streets' / 'Police put
            # the march at 30,000 people'), where what happened agrees, is one count
            return similarity >= ALIKE_ENOUGH or same_predicate or (events == 1.0 and _claimants(a, b) == 1) \
                or (events == 1.0 and _one_place(a, b))  # how many did one thing in one named place
        if head == 0.5 and a.head and b.head and a.head not in _names_in(a) and b.head not in _names_in(b) \
                and not {a.head, b.head} & GENERIC_PEOPLE:
            # 'trains' / 'services' (common nouns, not 'Quinn threw six', nor 'people' / 'women', a total and
            # a part of it): near enough when one verb tells both
            return same_predicate and events == 1.0 and similarity >= ALIKE_ENOUGH
        return a.head is None and b.head is None and same_predicate and similarity >= 0.6
    if owned and head > 0.0 and not crowded and _sizes_a_noun(a) == _sizes_a_noun(b):
        # the one percentage each article gives as Marin's, unless the nouns say they differ, or one is the size of
        # a thing ('162 yards' passing / 'the Indy 14-yard line')
        return True
    if named and crowded:  # many such measures about this noun: the verb and the clause must say which
        return same_predicate and similarity >= 0.6
    if named:  # the only such measure about the very same noun ('vote' and 'voter' are near, not the same)
        return (sole and a.head == b.head) or same_predicate or similarity >= 0.6
    return head > 0.0 and same_predicate and (sole or similarity >= (ALIKE_ENOUGH if events == 1.0 else 0.6))


TIME_KINDS = {"start", "end"}
# Verbs that put a day on a thing named by a noun rather than tell what happened (general English: 'the trial is
# set for June 17', 'elections will be held on December 15', 'nomination will take place from October 16').
SCHEDULING = {"schedule", "set", "slate", "plan", "hold", "take", "place", "fix", "due", "stage", "book"}


def _singled_out(f: Fact) -> bool:
    """Is the figure the word 'one' picking one out of a group ('one of the wounded employees is in hospital', 'one
    cop put both hands on his head') rather than counting ('one person was killed')?"""
    tokens = f.tokens()
    if tokens is None or f.text.lower() != "one":
        return False
    tok = tokens.root
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return True  # 'one of the ...'
    return tok.dep_ == "nummod" and tok.head.dep_ == "nsubj" and tok.head.pos_ == "NOUN"


def _sizes_a_noun(f: Fact) -> bool:
    """Is the figure written as the size of a thing, a number and unit joined before a noun ('the 14-yard line', a
    'four-mile route')?"""
    if not re.search(r"\d-[a-z]", f.text):
        return False
    span = f.tokens()
    return span is not None and span.root.head.pos_ == "NOUN" and span.root.head.i >= span.end


def _same_predicate(pa: str | None, pb: str | None) -> bool:
    if not pa or not pb or pa in LIGHT_VERBS or pb in LIGHT_VERBS:
        return False
    if pa == pb or {pa, pb} <= RISE_VERBS or {pa, pb} <= FALL_VERBS:
        return True
    # Two verbs of one kind of happening ('seized' / 'confiscated', 'married' / 'wed'). Not 'start' / 'end': with a
    # figure they tell where a tally stood ('finished with 352 yards', 'ended the day with 205 yards'), not what it counts.
    ka, kb = event_kinds({pa}) - TIME_KINDS, event_kinds({pb}) - TIME_KINDS
    return bool(ka) and ka == kb


def _head_agreement(a: Fact, b: Fact) -> float:
    """1: the two figures count the same kind of thing ('passengers' / 'passengers', 'people' / 'Palestinians',
    'crowd' / 'supporters'); 0: clearly different things ('sales' / 'profit' is not clear, 'goals' / 'crowd'
    is); 0.5: unknown or in between."""
    if a.head is None or b.head is None:
        return 0.5
    if a.head == b.head or (a.head in GENERIC_PEOPLE and b.head_group) or (b.head in GENERIC_PEOPLE and a.head_group):
        return 1.0
    near = word_similarity(a.head, b.head)
    return 1.0 if near >= SAME_KIND else 0.0 if near < FAR_WORDS else 0.5


def _same_head(a: Fact, b: Fact) -> bool:
    return _head_agreement(a, b) > 0.0


def _event_words(f: Fact) -> set[str]:
    """Words saying what happened to what a figure counts: its verb and the other nouns about it, not the
    counted noun itself, the names around it, or a verb that only counts or holds it."""
    words = set(f.anchor) - {f.head} - set(f.entities)
    if f.predicate and f.predicate not in LIGHT_VERBS and f.predicate not in MEASURING:
        words.add(f.predicate)
    if f.event and f.event != f.predicate and event_kinds({f.event}):
        words.add(f.event)  # 'took to the streets': the verb's meaning is where it sends them
    if f.kind == "date":
        words |= _when_clause(f)
    return words


def _when_clause(f: Fact) -> set[str]:
    """The verbs of a 'when' clause on a time's verb: the time is theirs too ('he was driving at about 1:00 am
    when the cops stopped him' is when he was stopped)."""
    span = f.tokens()
    verb = _verb_of(span.root) if span is not None else None
    if verb is None:
        return set()
    return {c.lemma_.lower() for c in verb.children if c.dep_ == "advcl" and c.pos_ in ("VERB", "AUX")
            and any(m.dep_ == "advmod" and m.lower_ == "when" for m in c.children)}


def _event_agreement(a: Fact, b: Fact, *, without: set[str] = frozenset()) -> float:
    """What happened to the two counts: 1 the same or alike ('resulted in the deaths of 74' / '67 were
    killed', 'fell' / 'slid'), 0 unrelated ('brought to hospital' / 'killed'), 0.5 when one says nothing.
    `without`: words not to count (the names of those it happened to)."""
    wa, wb = _event_words(a) - without, _event_words(b) - without
    if not wa or not wb:
        return 0.5
    if _sent_apart(a, b):
        return 0.0  # "shot to death one person" / "shot three people": one verb, not one count
    verbs_a, verbs_b = event_kinds({a.predicate} & wa), event_kinds({b.predicate} & wb)
    if verbs_a and verbs_b and not verbs_a & verbs_b:
        return 0.0  # "the parade set off" / "the parade ended": one thing, two different happenings
    if _opposite_outcomes(a.predicate, b.predicate):
        return 0.0  # "services were suspended on Monday" / "resumed on Tuesday": opposite outcomes, two happenings
    if wa & wb or _same_predicate(a.predicate, b.predicate):
        return 1.0
    if a.event and b.event and a.predicate in wa and b.predicate in wb \
            and (a.event == a.predicate) != (b.event == b.predicate):
        # one verb says where it sent what is counted, the other does not: "killed" / "taken to hospital"
        wa, wb = (wa - {a.predicate}) | {a.event}, (wb - {b.predicate}) | {b.event}
    kinds_a, kinds_b = event_kinds(wa), event_kinds(wb)
    if kinds_a and kinds_b:
        return 1.0 if kinds_a & kinds_b else 0.0  # 'confiscated' / 'seized'; 'killed' / 'taken to hospital'
    near = max(word_similarity(x, y) for x in wa for y in wb)
    return 1.0 if near >= NEAR_WORDS else 0.0 if near < FAR_WORDS else 0.5


def _kinds_of(f: Fact, noun: str) -> set[str]:
    """The nouns that say which kind of `noun` a fact's sentence means ('a bail hearing' -> {'bail'}, 'the plea
    and case management hearing' -> {'plea', 'case', 'management'})."""
    out = set()
    for tok in f.sentence.doc:
        if tok.lemma_.lower() == noun:
            for c in tok.children:
                if c.dep_ == "compound" and c.pos_ == "NOUN":
                    out |= {t.lemma_.lower() for t in c.subtree if t.pos_ == "NOUN"}
    return out


def _kinds_apart(a: Fact, b: Fact) -> str | None:
    """The event noun two facts share, when each sentence names a different kind of it ('a bail hearing' / 'a
    plea hearing', 'the league final' / 'the cup final'): two events, whatever their days."""
    for noun in sorted(a.anchor & b.anchor):
        ka, kb = _kinds_of(a, noun), _kinds_of(b, noun)
        if ka and kb and not ka & kb:
            return noun
    return None


def _opposite_outcomes(pa: str | None, pb: str | None) -> bool:
    """Are two verbs the two sides of one outcome axis ('suspend' / 'resume', 'close' / 'reopen')?"""
    return any(pa in plus and pb in minus or pb in plus and pa in minus for plus, minus in OUTCOMES.values())


def _sent_apart(a: Fact, b: Fact) -> bool:
    """Two counts told by one verb, but one says where it sent what is counted and the other does not ('shot
    to death' / 'shot', 'taken to hospital' / 'taken'); a measure keeps its meaning ('fell 60 metres into a
    crevasse' / 'fell 150 metres')."""
    plain = a.kind == "number" and a.figure.measure == (None, None, False, False)
    return bool(plain and a.event and b.event and a.predicate == b.predicate and a.event != b.event
                and (a.event == a.predicate) != (b.event == b.predicate))


def _share(wa: set[str], wb: set[str]) -> float:
    """The share of the smaller set's words found in the other (1.0 when one has none)."""
    return len(wa & wb) / min(len(wa), len(wb)) if wa and wb else float(not (wa and wb))


def _quote_pair(cluster: ParsedCluster, a: Fact, b: Fact, similarity: float) -> Pair | None:
    """Two quotations pair when they share most of their words (the same words, perhaps trimmed): 'Year of the
    Woman' is not a trimmed 'It is an honor to welcome back ... the biggest entertainment celebration of the
    year'."""
    if not (a.quote and b.quote):  # a stance ('X told', 'vouched for') quotes nothing
        return None
    if not (a.label or b.label):
        return None  # 'witnesses reported' / 'people report from the scene': neither names who said it
    wa, wb = set(re.findall(r"\w+", a.quote.lower())), set(re.findall(r"\w+", b.quote.lower()))
    overlap = _share(wa, wb)
    if overlap < SAME_QUOTE or len(wa & wb) < MIN_QUOTE_WORDS or _share(wa - STOPWORDS, wb - STOPWORDS) < SAME_QUOTE:
        return None  # and the words that say something are the same too: "There's a lot of anger here" / "there's
        # a lot of crime in the neighborhood" share 'there', 's', 'a', 'lot', 'of' and are two sayings; "We are not
        # where we want to be" is one saying made of common words
    return Pair(a, b, round(overlap, 4), round(similarity, 4), ("quotation",), tuple(sorted(a.entities & b.entities)),
                True)


def _candidates(facts: list[Fact]) -> list[tuple[Fact, Fact]]:
    """Pairs within a bucket; a large bucket is split by anchor word so cost stays near-linear."""
    if len(facts) <= MAX_BUCKET:
        return [(a, b) for i, a in enumerate(facts) for b in facts[i + 1 :]]
    by_word: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        for w in sorted(f.anchor) or [f.predicate or ""]:
            by_word[w].append(f)
    seen: set[tuple[str, str]] = set()
    out = []
    for group in by_word.values():
        for i, a in enumerate(group[:MAX_BUCKET]):
            for b in group[i + 1 : MAX_BUCKET]:
                key = (a.id, b.id)
                if key not in seen:
                    seen.add(key)
                    out.append((a, b))
    return out


def _measure_key(f: Fact) -> tuple | None:
    """A measure with what it is about: its noun ('renovation'), or else its verb ('fell')."""
    if f.kind != "number" or f.figure.measure == (None, None, False, False):
        return None
    if "lasting" in f.qualifiers:  # how long what happened went on, whatever the sentence's nouns; last year's
        # strike is not a rival of this one
        return (f.figure.measure, "~lasting", frozenset(f.qualifiers & EXCLUSIVE))
    if "record" in f.qualifiers:  # each side's own record
        return (f.figure.measure, f.head, "@" + name_tokens(f.name)[-1] if f.name and name_tokens(f.name) else None)
    if f.head is not None:
        return (f.figure.measure, f.head)
    if f.predicate and f.predicate not in LIGHT_VERBS and f.predicate not in MEASURING:
        return (f.figure.measure, "~" + f.predicate)
    return None


def _owner_key(f: Fact) -> tuple | None:
    """A measure with the named party it is given as: 'Marin won with 51.8%' -> (percent, 'marin'). Not a score:
    a side's score changes through a game ('a 13-3 halftime lead', 'held on to their 20-13 lead')."""
    if f.kind != "number" or f.figure.measure == (None, None, False, False) or f.figure.score or not f.name \
            or "age" in f.qualifiers:
        return None
    tokens = name_tokens(f.name)
    return (f.figure.measure, "@" + tokens[-1]) if tokens else None


def sole_counts(facts: list[Fact]) -> dict[tuple, int]:
    """How many values of each measure about each noun (or verb), and of each measure given as each named
    party's, every article gives. A value restated in other units in its own sentence ('about 60 metres (200
    feet)') is one value."""
    seen: dict[tuple, list[Fact]] = defaultdict(list)
    for f in facts:
        for key in (_measure_key(f), _owner_key(f)):
            if key is None:
                continue
            restated = any(g.sentence_id == f.sentence_id and g.figure.lo <= f.figure.hi and f.figure.lo <= g.figure.hi
                           for g in seen[(f.article_id, key)])
            if not restated:
                seen[(f.article_id, key)].append(f)
    return {key: len(found) for key, found in seen.items()}


def standing(counts: dict[tuple, int], a: Fact, b: Fact) -> tuple[bool, bool, bool]:
    """(sole, crowded, owned) for two measures: each is the only one of its kind about its noun (or verb) in its
    article; one of the two articles gives many of them (a match report's yards); each is the only one of its
    kind its article gives as one named party's, and the two parties are one."""
    oa, ob = _owner_key(a), _owner_key(b)
    owned = bool(oa and ob and a.article_id != b.article_id and counts.get((a.article_id, oa)) == 1
                 and counts.get((b.article_id, ob)) == 1 and compare_names(a.name, b.name) in ("same", "variant"))
    ka, kb = _measure_key(a), _measure_key(b)
    if ka is None or kb is None:
        return False, False, owned
    na, nb = counts.get((a.article_id, ka), 0), counts.get((b.article_id, kb), 0)
    return a.article_id != b.article_id and na == nb == 1, max(na, nb) >= CROWDED, owned


def disowned(counts: dict[tuple, int], a: Fact, b: Fact) -> bool:
    """Is one figure a named party's and the other, given as nobody's, from an article that gives that party a
    figure of this measure elsewhere ('The party took 33.4 percent, ahead of the Farmers' Union on 24.7 percent'
    / 'The Farmers' Union came second with just under a quarter')? Then the other is somebody else's."""
    for mine, other in ((a, b), (b, a)):
        key = _owner_key(mine)
        if key is not None and not other.name and counts.get((other.article_id, key), 0) >= 1 \
                and _of_an_unnamed_subject(other):
            return True
    return False


def _of_an_unnamed_subject(f: Fact) -> bool:
    """Is a figure given as what a subject named by a common noun did ('The party took 33.4 percent')? Not
    'Dunn ran for 180 yards, including a 75-yard run', whose run is Dunn's."""
    span, _, subject = _clause_of(f)
    return subject is not None and subject.pos_ == "NOUN" and not (span.start <= subject.i < span.end)


@dataclass
class Surroundings:
    """What the aligner reads from the whole cluster before weighing any pair (see `surroundings`)."""
    cluster: ParsedCluster
    index: FactIndex
    counts: dict[tuple, int]  # see `sole_counts`
    lone: frozenset[str]  # see `lone_places`
    known: dict[str, frozenset[str]]  # see `known_places`
    twins: frozenset  # see `twin_sentences`
    siblings: dict[str, list[Fact]]  # each sentence's figures
    more: dict[tuple, int]  # (article, verb) -> how many counts of more of something it tells with that verb
    models: dict[str, str]  # see `model_labels`


def surroundings(cluster: ParsedCluster, index: FactIndex) -> Surroundings:
    siblings, more = defaultdict(list), defaultdict(int)
    for f in index.facts:
        if f.kind == "number":
            siblings[f.sentence_id].append(f)
            more[(f.article_id, f.predicate)] += "increment" in f.qualifiers
    return Surroundings(cluster, index, sole_counts(index.facts), lone_places(cluster), known_places(cluster),
                        twin_sentences(cluster, index), siblings, more, model_labels(index.facts))


def _qualifying(f: Fact) -> tuple[str, str, object] | None:
    """(unit, size, noun) for a measure written before a noun as its modifier ('the 13-inch models' -> ('inch',
    '13 inch', models), 'a two-bedroom flat' -> ('bedroom', '2 bedroom', flat)), else None."""
    span = f.tokens()
    if span is None or f.kind != "number" or f.figure is None or f.figure.score:
        return None
    root = span.root
    if f.figure.unit is not None:
        first = root
        while first.dep_ == "conj" and first.head != first:  # 'the 11-inch and 13-inch models'
            first = first.head
        if first.dep_ in ("amod", "compound", "nmod", "nummod") and first.head.pos_ in NOUNISH \
                and first.head.i > root.i:
            amount = f.figure.amount if f.figure.amount is not None else f.figure.value
            return f.figure.unit, f"{amount:g} {f.figure.unit}", first.head
        return None
    counted = root.head
    if root.dep_ == "nummod" and counted.pos_ == "NOUN" and counted.dep_ in ("compound", "amod") \
            and counted.head.pos_ in NOUNISH and counted.head.i > counted.i and counted.i >= 1 \
            and counted.doc[counted.i - 1].text == "-":
        unit = counted.lemma_.lower()
        return unit, f"{f.figure.value:g} {unit}", counted.head
    return None


def model_labels(facts: list[Fact]) -> dict[str, str]:
    """Figures that tell which of several models or kinds a thing is, by fact id, with that size: where one article
    qualifies one noun by two values of a unit ('the new 11-inch and 13-inch models', 'two-bedroom and
    three-bedroom flats'), every measure of that unit written before a noun names a model ('13 inch'); and so does
    it for the figures told of that noun ('The 13-inch models start at $1,199': the price of the 13-inch model; 'the
    15-inch will sell for $1,499', where the measure stands for its noun). Figures of two models are not one
    figure told two ways."""
    qualified = {f.id: (f, q) for f in facts if (q := _qualifying(f)) is not None}
    values: dict[tuple, set[str]] = defaultdict(set)
    for f, (unit, size, noun) in qualified.values():
        values[(f.article_id, unit, noun.lemma_.lower())].add(size)
    units = {unit for (_, unit, _), found in values.items() if len(found) >= 2}
    labels: dict[str, str] = {}
    by_token: dict[tuple[str, int], str] = {}
    for f, (unit, size, noun) in qualified.values():
        if unit in units:
            labels[f.id] = size
            by_token[(f.sentence_id, noun.i)] = size
            by_token[(f.sentence_id, f.tokens().root.i)] = size
    if not labels:
        return labels
    for f in facts:
        if f.kind != "number" or f.id in labels or (span := f.tokens()) is None:
            continue
        verb = _verb_of(span.root)
        if verb is None:
            continue
        owners = [_subject(verb), *(o for p in verb.children if p.dep_ == "prep" and p.lower_ == "for"
                                    for o in p.children if o.dep_ == "pobj")]
        label = next((by_token[(f.sentence_id, o.i)] for o in owners
                      if o is not None and (f.sentence_id, o.i) in by_token), None)
        if label is not None:
            labels[f.id] = label
    return labels


def weigh(around: Surroundings, a: Fact, b: Fact, *, only_ones: bool = False,
          trace: list[str] | None = None) -> Pair | None:
    """`score_pair` with everything the cluster says about the two facts (as the aligner and `evals.explain`
    both call it)."""
    model_a, model_b = around.models.get(a.id), around.models.get(b.id)
    if model_a and model_b and model_a != model_b:
        if trace is not None:
            trace.append(f"of two models ({model_a} / {model_b})")
        return None
    sole, crowded, owned = standing(around.counts, a, b)
    added = a.article_id != b.article_id and _added(a, b) \
        and around.more[(a.article_id, a.predicate)] == around.more[(b.article_id, b.predicate)] == 1
    return score_pair(around.cluster, a, b, only_ones=only_ones, sole=sole, crowded=crowded, owned=owned,
                      context=around.index.context, trace=trace, lone=around.lone, known=around.known,
                      twins=around.twins, disowned=disowned(around.counts, a, b), siblings=around.siblings,
                      added=added)


def align(cluster: ParsedCluster, index: FactIndex) -> list[Pair]:
    """Mutually best pairs of facts about the same thing, across articles and inside each article."""
    buckets: dict[tuple, list[Fact]] = defaultdict(list)
    for f in index.facts:
        if f.kind in MIN_SCORE and f.role not in WEIGHED_APART:
            for key in bucket_keys(f):
                buckets[key].append(f)
    best: dict[tuple[str, str], Pair] = {}  # (fact id, other article) -> best pair
    around = surroundings(cluster, index)
    for key, facts in buckets.items():
        per_article = defaultdict(int)
        for f in facts:
            per_article[f.article_id] += 1
        # a unit, currency, percent or score; a time of day or a written date: rare enough that being the only
        # one in each article says they are about the same thing
        special = (key[0] == "number" and key[1] != (None, None, False, False)) or key[:2] == ("date", "time")
        for a, b in _candidates(facts):
            # a length of time counts only when both say how long something went on: not 'came one week after',
            # 'with four minutes to play', 'in one year'
            only_ones = special and per_article[a.article_id] == per_article[b.article_id] == 1 and (
                key[1] != ("duration", None, False, False) or "lasting" in a.qualifiers & b.qualifiers)
            pair = weigh(around, a, b, only_ones=only_ones)
            if pair is None:
                continue
            for me, other in ((a, b), (b, a)):
                key = (me.id, other.article_id if other.article_id != me.article_id else f"{me.article_id}:self")
                current = best.get(key)
                if current is None or (pair.score, pair.b.id, pair.a.id) > (current.score, current.b.id, current.a.id):
                    best[key] = pair
    pairs = {}
    for (fact_id, _), pair in best.items():
        mine, other = (pair.a, pair.b) if pair.a.id == fact_id else (pair.b, pair.a)
        back = best.get((other.id, mine.article_id if mine.article_id != other.article_id else f"{other.article_id}:self"))
        if back is pair:
            pairs[(pair.a.id, pair.b.id)] = pair
    return [pairs[k] for k in sorted(pairs)]
