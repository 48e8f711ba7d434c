"""Engine `local`: no model, no network, deterministic.

Pipeline: mentions (figures, event dates, event status) -> aligned contradictions -> extractive summary
from independently shared statements with disputes attributed -> single-source claims and loaded terms.
"""

from __future__ import annotations

from factcheck.config import Settings
from factcheck.copies import independent_sources
from factcheck.engines.base import Progress, no_progress
from factcheck.engines.local import contradictions, extras, mentions, summary
from factcheck.engines.local.similarity import SentenceIndex
from factcheck.types import Article, EngineInfo, Report

__all__ = ["LocalEngine"]

VERSION = "local-2"


class LocalEngine:
    name = "local"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def analyze(self, articles: list[Article], *, progress: Progress = no_progress) -> Report:
        steps = 4
        index = SentenceIndex(articles)
        found = mentions.extract(articles)
        progress("local: mentions", 1, steps)
        disputes = contradictions.build(found, articles, index)
        progress("local: contradictions", 2, steps)
        sentences = summary.summarize(articles, index, disputes)
        progress("local: summary", 3, steps)
        report = Report(
            articles=articles,
            independent_sources=independent_sources(articles),
            summary=sentences,
            contradictions=disputes,
            single_source_claims=extras.single_source_claims(articles, index),
            loaded_language=extras.loaded_language(articles),
            engine=EngineInfo(name=self.name, model=None, prompt_versions={"local": VERSION}),
        )
        progress("local: done", 4, steps)
        return report
