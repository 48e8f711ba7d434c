"""The fact graph: sentences parsed and embedded, facts read from them, facts about the same thing aligned
across outlets, each pair judged, disputes grouped, and the summary and single-source list drawn from it.

Every engine builds on it: the local engine judges the pairs with code alone; the LLM engine asks a model
to judge and explain them and code overrules what the checks are certain of.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.embed import prefetch_words
from factcheck.engines.base import Progress, no_progress
from factcheck.graph.align import Pair, align
from factcheck.graph.charges import charge_pairs
from factcheck.graph.damage import damage_pairs
from factcheck.graph.deaths import death_pairs
from factcheck.graph.qualities import quality_pairs
from factcheck.graph.facts import Fact, FactIndex, extract
from factcheck.graph.group import build as build_contradictions
from factcheck.graph.judge import CodeJudge, Judge, Judgment, check_pair
from factcheck.graph.parse import ParsedCluster, ParsedSentence, parse_cluster
from factcheck.graph.summary import loaded_language, single_source_claims, summarize
from factcheck.graph.stances import stance_pairs
from factcheck.graph.targets import target_pairs
from factcheck.graph.variants import spelling_pairs, two_people
from factcheck.types import Article

__all__ = ["CodeJudge", "Fact", "FactGraph", "FactIndex", "Judge", "Judgment", "Pair", "ParsedCluster",
           "ParsedSentence", "build_contradictions", "build_graph", "check_pair", "loaded_language",
           "single_source_claims", "summarize"]


@dataclass
class FactGraph:
    cluster: ParsedCluster
    facts: FactIndex
    pairs: list[Pair]


def build_graph(articles: list[Article], *, progress: Progress = no_progress) -> FactGraph:
    """Parse, read facts, and propose the pairs to judge (aligned facts and name spellings). `progress` is
    called between steps, so a caller's time budget can stop the work there."""
    analysed = [a for a in articles if a.sentences]
    progress("graph: parse", 0, 3)
    cluster = parse_cluster(analysed)
    progress("graph: facts", 1, 3)
    facts = extract(cluster)
    prefetch_words({w for f in facts.facts for w in (*f.anchor, f.predicate or "", f.head or "")})
    progress("graph: align", 2, 3)
    family = two_people(facts)
    pairs = [p for p in align(cluster, facts)
             if p.a.kind != "name" or frozenset({p.a.normalized, p.b.normalized}) not in family]
    pairs += spelling_pairs(cluster, facts)
    pairs += stance_pairs(cluster, facts)
    pairs += charge_pairs(cluster, facts)
    pairs += death_pairs(cluster, facts)
    pairs += quality_pairs(cluster, facts)
    pairs += target_pairs(cluster, facts)
    pairs += damage_pairs(cluster, facts)
    progress("graph: aligned", 3, 3)
    return FactGraph(cluster, facts, pairs)
