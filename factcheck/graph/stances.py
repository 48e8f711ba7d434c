"""One source vouching for a report in one outlet and withholding it in another.

'Two elderly residents died of heatstroke, the coroner's office confirmed' / '..., while the coroner's office
declined to comment'; 'A fire cut power to 58,000 customers, the utility Caldbrook Energy said' / 'Caldbrook
Energy has not confirmed what caused the failure'. Whose word a claim rests on is what a fact-checker weighs
first: one outlet giving it as the source's, another saying the source would not give it, disagree.
"""

from __future__ import annotations

from factcheck.graph.align import Pair
from factcheck.graph.facts import ASKED_HOW, ASKED_WHEN, Fact, FactIndex
from factcheck.graph.parse import ParsedCluster

STANCE_ALIKE = 0.4  # the two sentences must be about one report at least this much (values masked)
HOW_ALIKE = 0.6  # a sentence answering how something happened reads this much like the question


def one_source(a: Fact, b: Fact) -> bool:
    """'the utility Caldbrook Energy' / 'Caldbrook Energy'; 'the coroner's office' / 'the coroner's office'
    (not 'the coroner's office' / 'the prime minister's office')."""
    return a.head == b.head and (a.anchor <= b.anchor or b.anchor <= a.anchor)


def answers(withheld: Fact, counted: set[str], dated: bool, similarity: float) -> bool:
    """A withheld question of quantity ('could not say how many shots were fired') is answered only by a figure
    of what it counts (`counted`: the nouns the other sentence's figures count); 'A gunman shot three people,
    police said' does not say how many shots. A 'when' question ('have not said when the phone will be
    available') is answered only by a sentence giving a day (`dated`), a 'how' question ('have not revealed how
    the women died') only by a sentence about the same happening (`similarity`: 'police announced the identities
    of the victims' answers neither)."""
    if withheld.event == ASKED_WHEN:
        return dated
    if withheld.event == ASKED_HOW:
        return similarity >= HOW_ALIKE
    return withheld.event is None or withheld.event in counted


def stance_pairs(cluster: ParsedCluster, index: FactIndex) -> list[Pair]:
    """One pair per source and two outlets: its best-matching asserted and withheld reports."""
    stances = [f for f in index.facts if f.role == "stance"]
    counted: dict[str, set[str]] = {}
    for f in index.facts:
        if f.kind == "number" and f.head:
            counted.setdefault(f.sentence_id, set()).add(f.head)
    dated = {f.sentence_id for f in index.facts if f.kind == "date" and not f.when.statement}
    best: dict[tuple, Pair] = {}
    for i, a in enumerate(stances):
        for b in stances[i + 1 :]:
            if a.status == b.status or a.sentence.root_id == b.sentence.root_id or not one_source(a, b):
                continue
            said, withheld = (a, b) if a.status == "asserted" else (b, a)
            similarity = cluster.similarity(a.sentence_id, b.sentence_id)
            if similarity < STANCE_ALIKE or not answers(withheld, counted.get(said.sentence_id, set()),
                                                         said.sentence_id in dated, similarity):
                continue
            key = (a.head, *sorted((a.sentence.root_id, b.sentence.root_id)))
            if key not in best or similarity > best[key].similarity:
                best[key] = Pair.by_role(a, b, similarity, "one source", same_predicate=False)
    return list(best.values())
