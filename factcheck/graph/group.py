"""Layer 5 of the fact graph: one contradiction per disputed fact, every version listed.

Facts joined by judged pairs form groups (one thing, reported by several sentences). A group in which
some pair was judged a contradiction becomes one `Contradiction`: its facts are sorted into camps of
values that can all be true together, and each camp gives one side per independent outlet (copies that
state the same value are listed in `also_in`).
"""

from __future__ import annotations

from collections import defaultdict

from factcheck.graph.align import Pair
from factcheck.graph.facts import Fact, _subject, _verb_of, deed_thing
from factcheck.graph.judge import Judgment, check_pair
from factcheck.graph.parse import ParsedCluster
from factcheck.types import Contradiction, ContradictionSide, Severity
from factcheck.verify import cite

MAX_CONTRADICTIONS = 100  # per cluster: a report a reader can check, whatever the input


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _camps(facts: list[Fact], cluster: ParsedCluster) -> list[list[Fact]]:
    """Facts sorted into groups whose values can all be true together (first fit, in reading order)."""
    camps: list[list[Fact]] = []
    for f in facts:
        for camp in camps:
            if all(check_pair(Pair(f, g, 0.0, cluster.similarity(f.sentence_id, g.sentence_id), (), (), False)).verdict
                   != "contradiction" for g in camp):
                camp.append(f)
                break
        else:
            camps.append([f])
    return camps


def _side(fact: Fact, others: list[Fact], cluster: ParsedCluster, version: int) -> ContradictionSide:
    article = cluster.article[fact.article_id]
    return ContradictionSide(
        article_id=article.id, source=article.source, value=fact.text, normalized=fact.normalized,
        citation=cite(article, fact.sentence_id), value_start=fact.start, value_end=fact.end,
        also_in=sorted({o.article_id for o in others if o.article_id != fact.article_id}), version=version)


def _sides(camp: list[Fact], cluster: ParsedCluster, version: int) -> list[ContradictionSide]:
    """One side per independent outlet in the camp; its copies are listed with it."""
    by_root: dict[str, list[Fact]] = defaultdict(list)
    for f in camp:
        by_root[f.sentence.root_id].append(f)
    sides = []
    for root in sorted(by_root, key=lambda r: min(cluster.row[f.sentence_id] for f in by_root[r])):
        facts = sorted(by_root[root], key=lambda f: (f.article_id != root, cluster.row[f.sentence_id]))
        sides.append(_side(facts[0], facts[1:], cluster, version))
    return sides


def _severity(kind: str, facts: list[Fact], judgments: list[Judgment]) -> Severity:
    if kind == "number":
        values = [f.figure.value for f in facts if f.figure]
        spread = (max(values) - min(values)) / max(abs(max(values)), 1e-9) if values else 0
        return "high" if spread >= 0.2 or all(f.figure.tally for f in facts) else "medium"
    if kind in ("name", "attribution"):
        spelling = any("spelled" in j.explanation for j in judgments)
        return "low" if spelling else "high"
    return "high" if kind in ("date", "status") else "medium"


def _clause(f: Fact) -> str:
    """The words of a fact's own clause that say what it is about, as written: its subject (shortened to its
    head and the words naming it) and verb, e.g. 'the talks made progress', 'Whitlock resigned'."""
    doc = f.sentence.doc
    span = doc.char_span(f.start - f.sentence.start, f.end - f.sentence.start, alignment_mode="expand")
    verb = _verb_of(span.root) if span is not None and len(span) else None
    if verb is None:
        return ""
    subject = _subject(verb)
    words = []
    if subject is not None and not (span.start <= subject.i < span.end) and subject.pos_ != "PRON":
        words += [t.text for t in sorted([subject, *(c for c in subject.children
                                                      if c.dep_ in ("compound", "det", "amod"))], key=lambda t: t.i)]
    if not words:
        return ""
    if words[0] in ("The", "A", "An"):
        words[0] = words[0].lower()
    aux = [c.text for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
    tail = [c.text for c in verb.children if c.dep_ == "prt"]
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "acomp") and not (span.start <= c.i < span.end)), None)
    if obj is not None:
        tail += [t.text for t in sorted([obj, *(c for c in obj.children if c.dep_ in ("compound", "det"))],
                                        key=lambda t: t.i)]
    return " ".join(words + aux + [verb.text] + tail)


def _topic(kind: str, facts: list[Fact]) -> str:
    f = facts[0]
    doc = f.sentence.doc
    words = [t.text for t in doc if (t.lemma_.lower() in f.anchor or t.text.lower() in f.anchor)
             and t.pos_ not in ("PRON", "DET")][:4]  # not 'It second yard game'
    about = " ".join(dict.fromkeys(words)) or (f.predicate or "")
    if kind == "number" and all("lasting" in x.qualifiers for x in facts):
        noun = next((x.head for x in facts if x.head), None)  # "a six-hour blockade"
        clause = next((c for c in map(_clause, facts) if c), "")
        return f"how long the {noun} lasted" if noun else f"how long {clause}" if clause else "how long it lasted"
    if kind == "number" and "record" in f.qualifiers:
        split = next((x.head for x in facts if "split" in x.qualifiers), None)
        side = f.name or "a side"
        owner = side + ("'" if side.endswith("s") else "'s")
        return f"{owner} won-lost record" + (f" ({split})" if split else "")
    if kind == "number":
        return f"{about} ({f.predicate})" if f.predicate and f.predicate not in about else about or "a figure"
    if kind == "date":
        clause = next((c for c in map(_clause, facts) if c), "")
        return f"when {clause}" if clause else f"when: {f.predicate or about}"
    if kind == "name" and f.role == "area":
        return "which part of town"
    if kind == "name":
        role = (f.role or "").removeprefix("title:")
        return f"who or where: {role or 'name'}{' (' + f.predicate + ')' if f.predicate else ''}"
    if kind == "status" and "deed" in f.qualifiers:  # 'fired tear gas' / 'did not deploy tear gas'
        return f"what was done with the {deed_thing(f)}"
    if kind == "status":
        who = next((x.name for x in facts if x.name and x.name != "(pronoun)"), None)
        if who:
            return f"what happened to {who}"
        nouns = [t.text for t in doc if t.lemma_.lower() in f.anchor and t.pos_ == "NOUN"][:2]
        return f"what happened to the {' '.join(nouns)}" if nouns else f"whether '{f.predicate}' happened"
    if f.role == "stance":
        return f"whether {f.name} gave it as its word"
    return "who said it"


def _likely_reason(kind: str, sides: list[ContradictionSide], cluster: ParsedCluster, judgments) -> str | None:
    articles = [cluster.article[s.article_id] for s in sides]
    if len({s.article_id for s in sides}) == 1:
        return "The article contradicts itself."
    if any(a.copy_of and a.copy_of in {s.article_id for s in sides} for a in articles):
        return "A copy of another outlet's story changed what the original says."
    if kind in ("name", "attribution") and any("spelled" in j.explanation for j in judgments):
        return "A spelling difference: check which is right."
    dates = {a.published for a in articles if a.published}
    if kind == "number" and len(dates) > 1:
        return "Reported at different times: a tally may have changed between reports."
    return None


def _one_per_article(members: list[Judgment], cluster: ParsedCluster) -> list[Fact]:
    """Each article's best-paired fact in the group. Two values of one article in one group come from a chain
    of alignments through other articles ('five boats' ~ '5 boats' ~ 'three boats'), not from the article
    contradicting itself; a pair inside one article (a real self-contradiction) keeps both."""
    if all(j.pair.within_article for j in members):
        return sorted({f.id: f for j in members for f in (j.pair.a, j.pair.b)}.values(),
                      key=lambda f: cluster.row[f.sentence_id])
    best: dict[str, tuple[float, Fact]] = {}
    for j in members:
        if j.pair.within_article:
            continue
        for f in (j.pair.a, j.pair.b):
            if f.article_id not in best or j.pair.score > best[f.article_id][0]:
                best[f.article_id] = (j.pair.score, f)
    return sorted((f for _, f in best.values()), key=lambda f: cluster.row[f.sentence_id])


def build(judgments: list[Judgment], cluster: ParsedCluster, *, judge: str = "code") -> list[Contradiction]:
    """Contradictions from judged pairs: one per group of facts about one thing."""
    uf = _UnionFind()
    facts: dict[str, Fact] = {}
    for j in judgments:
        if j.verdict in ("same", "contradiction"):
            uf.union(j.pair.a.id, j.pair.b.id)
            facts[j.pair.a.id], facts[j.pair.b.id] = j.pair.a, j.pair.b
    groups: dict[str, list[Judgment]] = defaultdict(list)
    for j in judgments:
        if j.verdict in ("same", "contradiction"):
            groups[uf.find(j.pair.a.id)].append(j)
    out = []
    for root, members in sorted(groups.items()):
        disputed = [j for j in members if j.verdict == "contradiction"]
        if not disputed:
            continue
        group_facts = _one_per_article(members, cluster)
        camps = _camps(group_facts, cluster)
        if len(camps) < 2 and any(j.problems for j in disputed):
            camps = [[f] for f in group_facts]  # a judge's contradiction the checks overrule: kept, unverified
        if len(camps) < 2:
            continue
        kind = disputed[0].kind
        sides = [side for version, camp in enumerate(camps) for side in _sides(camp, cluster, version)]
        if len({s.article_id for s in sides}) < 2 and len({s.citation.sentence_id for s in sides}) < 2:
            continue
        best = max(disputed, key=lambda j: j.pair.score)
        problems = list(dict.fromkeys(p for j in disputed for p in j.problems))
        out.append(Contradiction(
            id=f"c{len(out) + 1}", kind=kind, topic=_topic(kind, group_facts), explanation=best.explanation,
            severity=_severity(kind, group_facts, disputed),
            likely_reason=best.reason or _likely_reason(kind, sides, cluster, disputed),
            within_article=len({s.article_id for s in sides}) == 1, sides=sides,
            alignment=f"{best.pair.why()}; judged by {judge}", verified=not problems, problems=problems))
    rank = {"high": 0, "medium": 1, "low": 2}
    out.sort(key=lambda c: (rank[c.severity], c.within_article, -len(c.sides), c.id))
    return [c.model_copy(update={"id": f"c{i + 1}"}) for i, c in enumerate(out[:MAX_CONTRADICTIONS])]
