"""How well something was done to someone, told two ways: 'Mr Buckley was well equipped' / 'Mr Buckley's group
appeared to be "insufficiently" equipped'; 'the ward was adequately staffed' / 'the ward was understaffed'.

A participle is read with the adverb that grades it, good or bad ('well', 'properly', 'sufficiently' / 'poorly',
'ill', 'insufficiently', the prefix 'under-'), a negation turning the grade ('not properly trained'), and whom it is
said of: the subject of its clause (or of the verb its clause hangs from: 'appeared to be equipped'), that subject's
owner where the subject names no one ('Mr Buckley's group'), or the noun it modifies. Two outlets disagree when
they grade one participle the two ways for one named party.
"""

from __future__ import annotations

from factcheck.checks import compare_names
from factcheck.graph.align import Pair
from factcheck.graph.charges import first_in_each_article, named, pairs_across_articles
from factcheck.graph.facts import Fact, FactIndex, _entities, _negated, _participant
from factcheck.graph.parse import ParsedCluster, ParsedSentence

# Adverbs that grade how well something was done (general English).
GOOD = {"well", "adequately", "properly", "sufficiently", "fully", "amply", "thoroughly"}
BAD = {"poorly", "badly", "ill", "insufficiently", "inadequately", "improperly"}
UNDER = "under"  # 'understaffed', 'underfunded', 'under-equipped'
PREDICATIVE = ("acomp", "oprd", "ROOT", "conj", "xcomp", "ccomp", "advcl", "relcl")


def _graded(tok) -> tuple[str, int, int] | None:
    """(the participle, +1 or -1, where its words start) for a graded participle, else None."""
    if tok.tag_ not in ("VBN", "JJ") or not tok.lower_.endswith("ed"):
        return None
    word = tok.lower_
    grades = [c for c in tok.children if c.dep_ == "advmod" and c.lower_ in GOOD | BAD and c.i < tok.i]
    if grades:
        sign = 1 if grades[-1].lower_ in GOOD else -1
    elif word.startswith(UNDER) and len(word) > len(UNDER) + 4:
        word, sign = word.removeprefix(UNDER).lstrip("-"), -1
    else:
        return None
    if _negated(tok) or (tok.dep_ in ("acomp", "oprd") and _negated(tok.head)):
        sign = -sign  # 'was not properly trained'
    start = min([tok.idx, *(c.idx for c in tok.children if c.i < tok.i and c.dep_ in ("advmod", "punct", "neg"))])
    return word, sign, start


def _party(ps: ParsedSentence, tok) -> str | None:
    """The name of whom the participle is said: see the module."""
    if tok.dep_ == "amod":
        holder = tok.head
    else:
        verb, holder = tok.head if tok.dep_ in ("acomp", "oprd") else tok, None
        for _ in range(3):
            holder = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if holder is not None or verb.dep_ not in ("xcomp", "conj"):
                break
            verb = verb.head  # 'appeared to be equipped', 'was staffed and ... trained'
    if holder is None:
        return None
    name = _participant(ps, holder)
    if name in (None, "(pronoun)"):
        owner = next((c for c in holder.children if c.dep_ == "poss"), None)
        name = _participant(ps, owner) if owner is not None else name
    return name


def quality_facts(ps: ParsedSentence) -> list[Fact]:
    out = []
    for tok in ps.doc:
        graded = _graded(tok) if tok.dep_ in PREDICATIVE or tok.dep_ == "amod" else None
        if graded is None:
            continue
        word, sign, start = graded
        end = tok.idx + len(tok.text)
        out.append(Fact(
            id=f"{ps.id}#q{tok.i}", kind="status", sentence=ps, start=ps.start + start, end=ps.start + end,
            text=ps.text[start:end], normalized=f"{'well' if sign > 0 else 'badly'} {word}", anchor=frozenset({word}),
            predicate=word, entities=_entities(ps), status="done", role="quality", name=_party(ps, tok)))
    return out


def quality_pairs(cluster: ParsedCluster, index: FactIndex) -> list[Pair]:
    """Each two articles' opposite grades of one participle for one named party."""
    graded = first_in_each_article(f for f in index.facts if f.role == "quality" and named(f))
    return pairs_across_articles(cluster, graded, "quality", lambda a, b: a.predicate == b.predicate
                                 and a.normalized != b.normalized and compare_names(a.name, b.name) != "different")
