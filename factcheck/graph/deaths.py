"""Where someone died, told two ways: 'died at the scene' / 'died on the way to the hospital'.

A death's place is read from a verb of dying ('died', 'perished', 'succumbed', 'was pronounced dead') with a place
after at / in / on, or a hospital its 'where' clause hangs from: the scene ('at the scene', 'on the spot'), a
hospital ('in hospital', 'at Mercy Hospital', 'taken to St Anne's Hospital, where he died') or the way there ('on
the way to the hospital'). Other nouns after 'died in' are events or times ('died in the blaze', 'died in 2006'),
not places, and are not read. Two outlets disagree when one has the person die at the scene and the other after
leaving it: one person, named alike in both, or, where a side does not name whom, a cluster whose deaths name one
person at most, told of one person in each sentence, each article giving its deaths one place only (an article
saying 'one died at the scene, another in hospital' counts two people).
"""

from __future__ import annotations

from collections import defaultdict

from factcheck.checks import compare_names
from factcheck.graph.align import Pair
from factcheck.graph.charges import first_in_each_article, named, one_person, pairs_across_articles
from factcheck.graph.facts import NOT_A_FACT, Fact, FactIndex, _entities, _negated, _participant, _status_of
from factcheck.graph.parse import ParsedCluster, ParsedSentence

# Nouns of the place a death happened (general English): where it happened, or a hospital it was carried to.
SCENE = {"scene", "spot"}
CARE = {"hospital", "clinic", "infirmary", "medical"}  # 'medical' as in 'Hennepin County Medical Center'
ON_THE_WAY = {"way", "route"}  # 'on the way to the hospital', 'en route to hospital'
PLACE_PREPOSITIONS = {"at", "in", "on"}
DYING = {"die", "perish", "succumb"}  # verbs of dying (general English)


def _cared_for(noun) -> bool:
    """Does the noun name a hospital ('hospital', 'the Mercy Hospital', 'Hennepin County Medical Center')?"""
    words = [noun, *(c for c in noun.children if c.dep_ in ("compound", "amod"))]
    return any(w.lemma_.lower() in CARE for w in words)


def _place(noun) -> str | None:
    """'scene', 'hospital' or 'on the way to hospital' for a noun after 'died at / in / on', else None."""
    lemma = noun.lemma_.lower()
    if lemma in SCENE:
        return "scene"
    if _cared_for(noun):
        return "hospital"
    if lemma in ON_THE_WAY and any(_cared_for(o) for p in noun.children if p.dep_ == "prep" and p.lower_ == "to"
                                   for o in p.children if o.dep_ == "pobj"):
        return "on the way to hospital"
    return None


def _dying(verb) -> bool:
    """'died', 'perished', 'succumbed', or 'was pronounced dead'."""
    lemma = verb.lemma_.lower()
    return lemma in DYING or (lemma == "pronounce" and any(c.lower_ == "dead" for c in verb.children))


def _single(subject) -> bool:
    """Is the subject one person ('the woman', 'the third victim', 'Kafoury', 'she'), not several ('two men', 'the
    victims', 'Tennant and Hakim')?"""
    if subject is None or subject.tag_ in ("NNS", "NNPS") or subject.lower_ in ("they", "both", "all"):
        return False
    return not any(c.dep_ == "conj" or (c.dep_ == "nummod" and c.lower_ not in ("one", "1")) for c in subject.children)


def death_facts(ps: ParsedSentence) -> list[Fact]:
    out = []
    for verb in ps.doc:
        if verb.pos_ != "VERB" or not _dying(verb) or _negated(verb) or _status_of(verb) in NOT_A_FACT:
            continue  # 'did not die', 'could die'
        # the verb's own places, and those the parser hangs from its objects ('succumbed to his injuries at X')
        heads = [verb, *(o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj")]
        said = [(p, next((o for o in p.children if o.dep_ == "pobj"), None)) for h in heads for p in h.children
                if p.dep_ == "prep" and p.lower_ in PLACE_PREPOSITIONS]
        if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
            said.append((None, verb.head))  # 'was taken to St Anne's Hospital, where he died'
        for first, noun in said:
            place = _place(noun) if noun is not None else None
            if place is None:
                continue
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if first is None:  # the place a 'where' clause hangs from: its words up to the noun
                start, end = noun.left_edge.idx, noun.idx + len(noun.text)
            else:
                start, end = first.idx, noun.right_edge.idx + len(noun.right_edge.text)
            out.append(Fact(
                id=f"{ps.id}#d{verb.i}", kind="status", sentence=ps, start=ps.start + start, end=ps.start + end,
                text=ps.text[start:end], normalized=place, anchor=frozenset({"die"}), predicate="die",
                entities=_entities(ps), status="done", role="death place", name=_participant(ps, subject),
                qualifiers=frozenset({"one"}) if _single(subject) else frozenset()))
            break
    return out


def death_pairs(cluster: ParsedCluster, index: FactIndex) -> list[Pair]:
    """Each two articles' places of one person's death, one at the scene and one after it (see the module)."""
    deaths = first_in_each_article(f for f in index.facts if f.role == "death place")
    places: dict[str, set[str]] = defaultdict(set)
    for f in deaths:
        places[f.article_id].add(f.normalized)
    alone = one_person(deaths)

    def disagree(a: Fact, b: Fact) -> bool:
        if "scene" not in {a.normalized, b.normalized} or a.normalized == b.normalized:
            return False
        if named(a) and named(b):
            return compare_names(a.name, b.name) != "different"
        return alone and "one" in a.qualifiers and "one" in b.qualifiers \
            and len(places[a.article_id]) == len(places[b.article_id]) == 1

    return pairs_across_articles(cluster, deaths, "death place", disagree)
