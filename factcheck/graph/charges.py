"""What someone was charged with, told two ways: 'has been charged in her murder' / 'was charged with vehicular
manslaughter and criminally negligent homicide'.

A charge is read from a verb of charging with its offences ('charged with X, Y and Z', 'indicted on X'; 'charged
in her murder' when the noun is an offence, not 'charged in the shooting', which names the event) and whom it was
brought against. Two outlets' charges against one person disagree when the offences they name share none and no
outlet names them together: one listing more charges than the other ('DWI' / 'vehicular manslaughter') is an
omission, not a dispute, so only offences of the table below are weighed.
"""

from __future__ import annotations

from collections import Counter

from factcheck.checks import compare_names
from factcheck.graph.align import Pair
from factcheck.graph.facts import NOT_A_FACT, Fact, FactIndex, _entities, _lemma, _negated, _participant, _status_of
from factcheck.graph.parse import ParsedCluster, ParsedSentence

CHARGING = {"charge", "indict", "accuse"}
# Prepositions that name the offences of a verb of charging: 'charged with murder', 'accused of fraud' (and 'on'
# before the charges themselves: 'indicted on fraud charges').
OFFENCE_PREPOSITIONS = {"with", "of"}
# Offences (general legal English), the nouns 'charged in ...' names as a charge ('charged in her murder'), not as
# the event the charge is about ('charged in the shooting', 'charged in connection with the crash').
OFFENCES = {"murder", "manslaughter", "homicide", "assault", "robbery", "burglary", "rape", "theft", "fraud",
            "kidnapping", "arson", "embezzlement", "bribery", "extortion", "racketeering", "perjury", "trafficking"}
# Offences that name a kind others are of (general legal English): 'voluntary homicide' is how one outlet translates
# the charge another calls murder; embezzlement is a theft and a fraud.
COVERS = {"homicide": {"murder", "manslaughter"}, "theft": {"robbery", "burglary", "embezzlement"},
          "fraud": {"embezzlement"}}
# Nouns that carry the offence in their 'of' phrase: 'two counts of murder', 'a charge of manslaughter'.
COUNTING = {"count", "charge"}
MAX_PER_ARTICLE = 6  # an article's first charges, in reading order, are the ones weighed
SAME_PERSON = 0.35  # an unnamed side ('the driver', 'he') is taken as the one person charged in sentences this alike


def _offence(tok) -> str:
    """The offence a noun names: 'two counts of murder' -> 'murder', 'fraud charges' -> 'fraud'."""
    if tok.lemma_.lower() in COUNTING:
        inner = next((o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                      for o in p.children if o.dep_ in ("pobj", "pcomp")), None)
        if inner is not None:
            return _offence(inner)
        compound = next((c for c in tok.children if c.dep_ == "compound"), None)
        if compound is not None:
            return _lemma(compound)
    return _lemma(tok)


def _listed(tok) -> list:
    out = [tok]
    for c in tok.children:
        if c.dep_ in ("conj", "appos"):
            out += _listed(c)
    return out


def charge_facts(ps: ParsedSentence) -> list[Fact]:
    out = []
    for verb in ps.doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in CHARGING or _negated(verb) \
                or _status_of(verb) in NOT_A_FACT:
            continue  # 'was not charged', 'could be charged with': no charge brought
        offences = []
        for prep in (c for c in verb.children if c.dep_ == "prep"):
            for obj in (o for o in prep.children if o.dep_ in ("pobj", "pcomp")):
                offences += [t for t in _listed(obj) if t.ent_type_ not in ("DATE", "TIME") and (
                    _offence(t) in OFFENCES or prep.lower_ in OFFENCE_PREPOSITIONS
                    or (prep.lower_ == "on" and t.lemma_.lower() in COUNTING))]  # not 'charged on Monday'
        if not offences:
            continue
        accused = next((c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")), None)
        start = min(t.left_edge.idx for t in offences)
        end = max(t.right_edge.idx + len(t.right_edge.text) for t in offences)
        while end > start and ps.text[end - 1] in ",;: ":
            end -= 1  # 'vehicular manslaughter,' before the rest of a list the parser hangs elsewhere
        kinds = frozenset(_offence(t) for t in offences)
        out.append(Fact(
            id=f"{ps.id}#c{verb.i}", kind="status", sentence=ps, start=ps.start + start, end=ps.start + end,
            text=ps.text[start:end], normalized="charged: " + ", ".join(sorted(kinds)), anchor=kinds,
            predicate="charge", entities=_entities(ps), status="done", role="charge",
            name=_participant(ps, accused)))
    return out


def same_charge(a: Fact, b: Fact) -> bool:
    """Do two charges name one offence, or one the other's kind ('homicide' / 'murder')?"""
    x, y = a.anchor & OFFENCES, b.anchor & OFFENCES
    return bool(x & y) or any(COVERS.get(g, set()) & y for g in x) or any(COVERS.get(g, set()) & x for g in y)


def first_in_each_article(facts) -> list[Fact]:
    """Each article's first MAX_PER_ARTICLE facts, in reading order: pairs stay few on text that repeats one all
    through."""
    per_article: Counter[str] = Counter()
    out = []
    for f in facts:
        per_article[f.article_id] += 1
        if per_article[f.article_id] <= MAX_PER_ARTICLE:
            out.append(f)
    return out


def pairs_across_articles(cluster: ParsedCluster, facts: list[Fact], why: str, disagree) -> list[Pair]:
    """Each two facts of two articles that `disagree(a, b)` says tell one thing two ways, paired by their role
    (`why`) and scored by how alike their sentences read."""
    out = []
    for i, a in enumerate(facts):
        for b in facts[i + 1 :]:
            if a.article_id != b.article_id and disagree(a, b):
                out.append(Pair.by_role(a, b, cluster.similarity(a.sentence_id, b.sentence_id), why))
    return out


def named(f: Fact) -> bool:
    return f.name not in (None, "(pronoun)")


def one_person(facts: list[Fact]) -> bool:
    """Do the facts name one person at most (spellings and short forms of one name count as one)?"""
    people = sorted({f.name for f in facts if named(f)})
    return all(compare_names(p, q) != "different" for i, p in enumerate(people) for q in people[i + 1 :])


def charge_pairs(cluster: ParsedCluster, index: FactIndex) -> list[Pair]:
    """Each two articles' charges against one person: named alike, or, where a side does not name whom, in a
    cluster that charges one named person only and in sentences alike enough. Offences some outlet lists together
    ('murder and robbery') are two charges of one case, not two versions of one."""
    charges = first_in_each_article(f for f in index.facts if f.role == "charge" and f.anchor & OFFENCES)
    together = {(x, y) for f in charges for x in f.anchor for y in f.anchor}  # offences one outlet lists as one case's
    alone = one_person(charges)
    out = []
    for i, a in enumerate(charges):
        for b in charges[i + 1 :]:
            if a.article_id == b.article_id or a.sentence.root_id == b.sentence.root_id \
                    or any((x, y) in together for x in a.anchor & OFFENCES for y in b.anchor & OFFENCES if x != y):
                continue
            similarity = cluster.similarity(a.sentence_id, b.sentence_id)
            if named(a) and named(b):
                if compare_names(a.name, b.name) == "different":
                    continue
            elif not (alone and similarity >= SAME_PERSON):
                continue
            out.append(Pair.by_role(a, b, similarity, "charge"))
    return out
