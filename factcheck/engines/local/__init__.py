"""Engine `local`: no model, no network, deterministic.

Builds the fact graph (spaCy parse, WordLlama similarity, facts aligned across outlets), judges every pair
with the checks alone, and draws contradictions, the summary, single-source claims and loaded terms from it.
"""

from __future__ import annotations

from factcheck.config import Settings
from factcheck.engines.base import Findings, Progress, no_progress
from factcheck.graph import (
    CodeJudge, build_contradictions, build_graph, loaded_language, single_source_claims, summarize,
)
from factcheck.types import Article, EngineInfo

__all__ = ["LocalEngine", "VERSION"]

VERSION = "local-3"


class LocalEngine:
    name = "local"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def analyze(self, articles: list[Article], *, progress: Progress = no_progress) -> Findings:
        steps = 4
        progress("local: parse and align", 0, steps)
        graph = build_graph(articles, progress=progress)
        progress("local: judge", 1, steps)
        judgments = CodeJudge().judge(graph.pairs)
        contradictions = build_contradictions(judgments, graph.cluster)
        progress("local: summary", 2, steps)
        summary = summarize(graph.cluster, contradictions, judgments=judgments)
        single = single_source_claims(graph.cluster, graph.facts, summary, judgments)
        progress("local: done", steps, steps)
        return Findings(
            engine=EngineInfo(name=self.name, model=None, prompt_versions={"local": VERSION}),
            summary=summary, contradictions=contradictions, single_source_claims=single,
            loaded_language=loaded_language(graph.cluster),
        )
