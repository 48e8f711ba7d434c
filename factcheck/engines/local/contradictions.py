"""Align mentions that speak of the same thing and report those that cannot both be true.

Alignment is by structure first (same kind of figure: what is counted, what happened to it, over what
scope, in what kind of event), then by the words around it. Pairs are only formed inside buckets of
same-structured mentions, so cost grows with the mentions of one thing, not with all pairs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations

from factcheck.engines.local.mentions import Mention
from factcheck.engines.local.similarity import SentenceIndex
from factcheck.lexicon import PREDICATE_VERB
from factcheck.quantities import compatible
from factcheck.timeref import clash
from factcheck.types import Article, Contradiction, ContradictionSide
from factcheck.verify import cite

_RISING = re.compile(r"\b(?:climbed|rose|risen|rising|increased|jumped|climbing)\b", re.I)
MAX_RATIO = 2.0  # figures further apart than this are taken to count different things
MIN_CONTEXT = 0.2  # word overlap needed when neither figure names its event
WITHIN = 0.3  # word overlap needed between two figures of one article


def _bucket(m: Mention) -> tuple:
    if m.kind == "number":
        return ("number", m.predicate, m.scope, m.quantity.percent)
    if m.kind == "date":
        return ("date",)
    return ("status",)


def _same_thing(a: Mention, b: Mention, index: SentenceIndex) -> bool:
    if a.sentence_id == b.sentence_id:
        return False
    if a.names and b.names and not a.names & b.names:
        return False  # different people or places: a different event
    if a.article_id == b.article_id and a.kind == "number" and not (a.quantity.tally and b.quantity.tally
                                                                    and index.dice(a.context, b.context) >= WITHIN):
        return False  # inside one article, only two tallies told about clearly the same thing
    if a.kind == "number":
        if a.subject and b.subject and a.subject != b.subject:
            return False
        lo, hi = sorted((a.quantity.value, b.quantity.value))
        if lo <= 0 or hi / lo > MAX_RATIO:
            return False
    if a.kind == "status":
        shared = a.target & b.target
        return bool(a.events & b.events) and (len(shared) >= 2 or (a.place is not None and a.place == b.place))
    if a.events and b.events:
        return bool(a.events & b.events)
    return index.overlap(a.context, b.context) >= MIN_CONTEXT


def _conflict(a: Mention, b: Mention) -> bool:
    if a.kind == "number":
        return not compatible(a.quantity, b.quantity)
    if a.kind == "date":
        return clash(a.time, b.time)
    return a.status != b.status


def conflicting_pairs(mentions: list[Mention], index: SentenceIndex) -> list[tuple[Mention, Mention]]:
    buckets: dict[tuple, list[Mention]] = defaultdict(list)
    for m in mentions:
        buckets[_bucket(m)].append(m)
    pairs = []
    for group in buckets.values():
        for a, b in combinations(group, 2):
            if _conflict(a, b) and _same_thing(a, b, index):
                pairs.append((a, b))
    return pairs


def _components(pairs: list[tuple[Mention, Mention]]) -> list[list[tuple[Mention, Mention]]]:
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[find(id(a))] = find(id(b))
    groups: dict[int, list[tuple[Mention, Mention]]] = defaultdict(list)
    for a, b in pairs:
        groups[find(id(a))].append((a, b))
    return list(groups.values())


def build(mentions: list[Mention], articles: list[Article], index: SentenceIndex) -> list[Contradiction]:
    """Cross-source and within-article contradictions, each side citing its exact span."""
    by_id = {a.id: a for a in articles}
    pairs = conflicting_pairs(mentions, index)
    cross = [(a, b) for a, b in pairs if a.article_id != b.article_id]
    within = [(a, b) for a, b in pairs if a.article_id == b.article_id]
    out: list[Contradiction] = []
    for group in _components(cross):
        out.append(_contradiction(group, by_id, within_article=False))
    seen_within: set[frozenset[str]] = set()
    for a, b in within:
        key = frozenset({a.sentence_id, b.sentence_id})
        if key not in seen_within:
            seen_within.add(key)
            out.append(_contradiction([(a, b)], by_id, within_article=True))
    out.sort(key=lambda c: ({"high": 0, "medium": 1, "low": 2}[c.severity], c.within_article))
    return [c.model_copy(update={"id": f"c{i}"}) for i, c in enumerate(out, 1)]


def camp_key(m: Mention) -> str:
    """Mentions with the same key say the same thing ("at least 74" and "74"; "Tuesday" and "2024-02-13")."""
    if m.kind == "number":
        q = m.quantity
        return f"={q.value:g}" if q.tally else m.normalized
    if m.kind == "date":
        return m.time.weekday or m.time.iso or m.normalized
    return m.status or ""


def _sides(group: list[tuple[Mention, Mention]], by_id: dict[str, Article]) -> list[ContradictionSide]:
    """One side per camp (value) and independent source; the other articles stating it go to `also_in`."""
    mentions = {id(m): m for pair in group for m in pair}.values()
    camps: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        camps[camp_key(m)].append(m)
    sides = []
    for _, ms in sorted(camps.items(), key=lambda kv: min((m.article_id, m.start) for m in kv[1])):
        roots: dict[str, list[Mention]] = defaultdict(list)
        for m in ms:
            roots[m.root_id].append(m)
        for rms in roots.values():
            rms.sort(key=lambda m: (by_id[m.article_id].copy_of is not None, m.article_id, m.start))
            lead = rms[0]
            article = by_id[lead.article_id]
            also = sorted({m.article_id for m in rms[1:]} - {lead.article_id})
            sides.append(ContradictionSide(
                article_id=lead.article_id, source=article.source, value=lead.value, normalized=lead.normalized,
                citation=cite(article, lead.sentence_id, article.text[lead.start : lead.end]), also_in=also))
    return sides


def _contradiction(group, by_id: dict[str, Article], *, within_article: bool) -> Contradiction:
    first = group[0][0]
    sides = _sides(group, by_id)
    kind, topic, severity = _describe(first, group)
    if within_article:
        severity = "medium"
    explanation = "; ".join(f"{s.source} says “{s.value}” ({s.normalized})" for s in sides)
    explanation += ". " + _why(first)
    return Contradiction(id="c0", kind=kind, topic=topic, explanation=explanation, severity=severity,
                         likely_reason=_likely_reason(group, by_id), within_article=within_article, sides=sides)


def _describe(m: Mention, group) -> tuple[str, str, str]:
    if m.kind == "number":
        what = {"people": "people", "combatants": "soldiers or fighters", "captives": "hostages or captives"}.get(
            m.subject or "", "people or things")
        event = _most_common(x.event_word for pair in group for x in pair if x.event_word)
        where = f" in the {event}" if event else ""
        ordinal = any(x.quantity.hedge == "ordinal" for pair in group for x in pair)
        topic = f"How many {what} were {PREDICATE_VERB.get(m.predicate, m.predicate)}{where}"
        high = m.predicate in ("killed", "injured")
        return "number", topic, "high" if high else "medium"
    if m.kind == "date":
        event = _most_common(x.event_word for pair in group for x in pair if x.event_word) or "event"
        return "date", f"When the {event} took place", "medium"
    event = sorted(m.events)[0]
    best = _most_common(x.place for pair in group for x in pair if x.place)
    place = f" in {best.title()}" if best else ""
    return "status", f"Whether the {event}{place} had begun or was only planned or threatened", "high"


def _most_common(items) -> str | None:
    counts: dict[str, int] = defaultdict(int)
    for item in items:
        counts[item] += 1
    return max(sorted(counts), key=lambda k: counts[k]) if counts else None


def _why(m: Mention) -> str:
    if m.kind == "number":
        return ("Two reported tallies of the same count differ" if m.quantity.tally else
                "The stated ranges do not overlap") + ", so both cannot be right as stated."
    if m.kind == "date":
        return "The same event is placed on different days."
    return "One account describes the action as under way, another as planned or threatened."


def _likely_reason(group, by_id: dict[str, Article]) -> str | None:
    mentions = [m for pair in group for m in pair]
    articles = {m.article_id for m in mentions}
    dates = {by_id[a].published[:10] for a in articles if by_id[a].published}
    camp_of = {m.article_id: camp_key(m) for m in mentions}
    changed = [by_id[a] for a in articles if by_id[a].copy_of in camp_of and camp_of[by_id[a].copy_of] != camp_of[a]]
    if changed:
        original = by_id[changed[0].copy_of]
        verb = "rewrites" if changed[0].copy_kind == "rewrite" else "copies"
        return f"{changed[0].source} {verb} {original.source} but changed this detail."
    rising = [m for m in mentions if m.kind == "number" and _RISING.search(by_id[m.article_id].text[m.start - 60 : m.end])]
    if rising:
        return (f"Different reporting times: {by_id[rising[0].article_id].source} reports the figure rising "
                f"(“{_RISING.search(by_id[rising[0].article_id].text[rising[0].start - 60 : rising[0].end]).group()}”).")
    if mentions[0].kind == "number" and len(dates) > 1:
        return "Different reporting times: the articles are dated differently and tallies change as reports come in."
    if mentions[0].kind == "number" and any(m.quantity.tally for m in mentions):
        return "Possibly different reporting times or counting sources; tallies often rise as bodies are recovered."
    return None
