"""How badly a building or thing was damaged, told two ways: 'A large fire has destroyed much of a supermarket' /
'the main area of the supermarket was left largely intact with only smoke damage'; 'the blaze gutted the
warehouse' / 'the warehouse was undamaged'.

One side is a verb of ruin (destroyed, gutted, razed, flattened, devastated, burned down or to the ground) done to
the thing, or to most of it ('much of', 'most of', 'a large section of'); a ruin hedged ('nearly destroyed') or
done to some part only ('part of the roof') is neither side. The other side calls the thing, or its main part,
intact, undamaged, unscathed or untouched, or says it was not destroyed. Two outlets disagree when they say the
two of one thing (one noun, or two nouns this alike); a thing said to be another ('the neighbouring shop', 'the
other building') is not the one ruined.
"""

from __future__ import annotations

from factcheck.embed import word_similarity
from factcheck.graph.align import SAME_KIND, Pair
from factcheck.graph.charges import first_in_each_article, pairs_across_articles
from factcheck.graph.facts import NOUNISH, Fact, FactIndex, _entities, _negated, _subject, _verb_of
from factcheck.graph.parse import ParsedCluster, ParsedSentence

# Words of ruin and of no harm (general English).
RUIN = {"destroy", "gut", "raze", "flatten", "devastate", "demolish"}
UNHARMED = {"intact", "undamaged", "unscathed", "untouched"}
HEDGES = {"nearly", "almost", "partly", "partially", "largely"}  # on a verb of ruin: not ruined (yet)
MOST = {"much", "most", "bulk", "majority", "all", "whole", "entire"}  # 'much of the store': the store, ruined
PARTS = {"part", "section", "portion", "area", "wing", "half", "rest"}  # 'a large section of', 'the main area of'
WHOLE_OF_PART = {"large", "main", "major", "big", "greater", "entire", "whole"}  # a part that stands for the thing
OTHER = {"neighbouring", "neighboring", "nearby", "adjacent", "other", "next", "second", "surrounding"}


def _thing(noun):
    """The thing a noun names, through 'much of' and 'a large section of' / 'the main area of' (the first noun
    after 'of'); None for a part that does not stand for the thing ('part of the roof') or another thing."""
    if noun is None or noun.pos_ not in NOUNISH and noun.lower_ not in MOST:
        return None
    lemma = noun.lemma_.lower()
    if lemma in MOST or lemma in PARTS:
        sized = any(c.lower_ in WHOLE_OF_PART for c in noun.children if c.dep_ == "amod")
        if lemma in PARTS and not sized:
            return None
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        inner = next((t for t in of.subtree if t.pos_ == "NOUN" and t.dep_ != "compound"), None) \
            if of is not None else None  # 'of the one-storey supermarket' -> 'supermarket'
        return _thing(inner) if inner is not None else None
    if any(c.lower_ in OTHER for c in noun.children if c.dep_ in ("amod", "advmod", "compound")):
        return None
    return noun


def _ruined(tok):
    """The thing a verb of ruin was done to, or None: 'destroyed much of a supermarket', 'was gutted', 'burned
    down', 'burned to the ground'."""
    lemma = "gut" if tok.lower_ in ("gutted", "gutting") else tok.lemma_.lower()  # the tagger's 'gutte'
    burned = lemma == "burn" and (any(c.dep_ == "prt" and c.lower_ == "down" for c in tok.children)
                                  or any(c.dep_ == "prep" and c.lower_ == "to" and any(
                                      g.lower_ == "ground" for g in c.children) for c in tok.children))
    if tok.pos_ != "VERB" or not (lemma in RUIN or burned):
        return None
    if any(c.lower_ in HEDGES for c in tok.children if c.dep_ == "advmod"):
        return None
    patient = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if patient is None and burned:
        patient = _subject(tok)  # 'the building burned to the ground'
    return _thing(patient)


def _unharmed(tok):
    """The thing an adjective of no harm is said of ('the main area of the supermarket was left largely intact',
    'the warehouse was undamaged'), or None."""
    if tok.lower_ not in UNHARMED or tok.dep_ not in ("acomp", "oprd", "pobj", "amod"):
        return None
    if tok.dep_ == "amod":
        return _thing(tok.head)
    verb = _verb_of(tok)
    if verb is None or _negated(verb):
        return None
    holder = next((c for c in verb.children if c.dep_ == "dobj"), None) if tok.dep_ == "oprd" else None
    return _thing(holder if holder is not None else _subject(verb))


def damage_facts(ps: ParsedSentence) -> list[Fact]:
    out = []
    for tok in ps.doc:
        thing, grade = _ruined(tok), "ruined"
        if thing is not None and _negated(tok):
            grade = "unharmed"  # 'the store was not destroyed'
        if thing is None:
            thing, grade = _unharmed(tok), "unharmed"
        if thing is None:
            continue
        negation = [c for c in tok.children if c.dep_ == "neg" or (c.dep_ in ("aux", "auxpass") and c.i < tok.i)]
        start = min(c.idx for c in negation) if grade == "unharmed" and negation else tok.idx  # 'was not destroyed'
        end = tok.idx + len(tok.text)
        lemma = thing.lemma_.lower()
        out.append(Fact(
            id=f"{ps.id}#d{tok.i}", kind="status", sentence=ps, start=ps.start + start, end=ps.start + end,
            text=ps.text[start:end], normalized=grade, anchor=frozenset({lemma}), predicate=grade,
            entities=_entities(ps), status="done", role="damage", head=lemma))
    return out


def _one_thing(a: Fact, b: Fact) -> bool:
    return a.head == b.head or word_similarity(a.head, b.head) >= SAME_KIND


def damage_pairs(cluster: ParsedCluster, index: FactIndex) -> list[Pair]:
    """Each two articles' ruined and unharmed for one thing."""
    graded = first_in_each_article(f for f in index.facts if f.role == "damage")
    return pairs_across_articles(cluster, graded, "damage", lambda a, b: a.normalized != b.normalized
                                 and _one_thing(a, b))
