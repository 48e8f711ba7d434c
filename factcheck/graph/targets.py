"""Whom someone meant to hit, told two ways: 'Lopez was aiming for rival gang members' / 'Lopez was reportedly
aiming for an 11-year-old girl'; 'the gunman was targeting a rival dealer' / 'the gunman was targeting a police
officer'.

A target is what a verb of aiming points at: the object of 'aim for' or 'aim at', of the verb 'target', or of 'for'
after 'intended' or 'meant' ('the shots meant for rival gang members'). Whose aim it is: the subject of the verb
(or of the verb whose object the shots are), a pronoun read as the one person its sentence names before it. Two
outlets disagree when one named person's targets are different kinds of people or things ('member' / 'girl');
the same noun said two ways ('rival gang members' / 'members of the Young Goon gang') is one target.
"""

from __future__ import annotations

from factcheck.checks import compare_names
from factcheck.embed import word_similarity
from factcheck.graph.align import NEAR_WORDS, Pair
from factcheck.graph.charges import first_in_each_article, named, pairs_across_articles
from factcheck.graph.facts import NOUNISH, Fact, FactIndex, _entities, _participant, _subject
from factcheck.graph.parse import ParsedCluster, ParsedSentence

AIM_PREPOSITIONS = {"aim": {"for", "at"}, "intend": {"for"}, "mean": {"for"}}  # 'aiming for', 'meant for'


def _target(tok):
    """The noun a verb of aiming points at, or None."""
    lemma = tok.lemma_.lower()
    if lemma == "target" and tok.pos_ == "VERB":
        return next((c for c in tok.children if c.dep_ == "dobj" and c.pos_ in NOUNISH), None)
    if lemma not in AIM_PREPOSITIONS or tok.pos_ != "VERB" or (lemma != "aim" and tok.tag_ != "VBN"):
        return None  # 'he intends to', 'it means that': only 'intended for' and 'meant for' aim
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in AIM_PREPOSITIONS[lemma]:
            return next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in NOUNISH), None)
    return None


def _aimer(ps: ParsedSentence, tok) -> str | None:
    """Whose aim it is: see the module."""
    verb = tok.head.head if tok.dep_ == "acl" and tok.head.dep_ in ("dobj", "pobj") else tok  # 'fired the shots
    # meant for'
    subject = _subject(verb)
    name = _participant(ps, subject) if subject is not None else None
    if name == "(pronoun)":
        before = {e.text for e in ps.doc.ents if e.label_ == "PERSON" and e.end <= subject.i}
        name = before.pop() if len(before) == 1 else name  # 'Lopez told police he was aiming for ...'
    return name


def _phrase_end(noun) -> int:
    """The last token of a target's phrase: the noun, or the 'of' phrase after it ('members of a rival gang')."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return owner.i if owner is not None else noun.i  # not what a clause after it says of the owner


def target_facts(ps: ParsedSentence) -> list[Fact]:
    out = []
    for tok in ps.doc:
        noun = _target(tok)
        if noun is None:
            continue
        first, last = noun.left_edge, ps.doc[_phrase_end(noun)]
        start, end = first.idx, last.idx + len(last.text)
        out.append(Fact(
            id=f"{ps.id}#t{tok.i}", kind="status", sentence=ps, start=ps.start + start, end=ps.start + end,
            text=ps.text[start:end], normalized=noun.lemma_.lower(), anchor=frozenset({noun.lemma_.lower()}),
            predicate=tok.lemma_.lower(), entities=_entities(ps), status="done", role="target",
            name=_aimer(ps, tok), head=noun.lemma_.lower()))
    return out


def _different_kinds(a: str, b: str) -> bool:
    return a != b and word_similarity(a, b) < NEAR_WORDS


def target_pairs(cluster: ParsedCluster, index: FactIndex) -> list[Pair]:
    """Each two articles' targets of different kinds for one named person."""
    aimed = first_in_each_article(f for f in index.facts if f.role == "target" and named(f))
    return pairs_across_articles(cluster, aimed, "target", lambda a, b: compare_names(a.name, b.name) != "different"
                                 and _different_kinds(a.head, b.head))
