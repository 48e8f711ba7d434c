"""Engine `local`: no model, no network. (Minimal for now: a lead-sentence summary of the independent
sources; claim alignment and contradictions come with the full local engine.)"""

from __future__ import annotations

from factcheck.config import Settings
from factcheck.copies import independent_sources
from factcheck.engines.base import Progress, no_progress
from factcheck.types import Article, EngineInfo, Report, SummarySentence
from factcheck.verify import cite


class LocalEngine:
    name = "local"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def analyze(self, articles: list[Article], *, progress: Progress = no_progress) -> Report:
        summary = []
        for article in articles:
            if article.copy_of is None and article.sentences:
                first = article.sentences[0]
                summary.append(SummarySentence(text=article.sentence_text(first), citations=[cite(article, first.id)]))
        progress("local", 1, 1)
        return Report(
            articles=articles,
            independent_sources=independent_sources(articles),
            summary=summary,
            engine=EngineInfo(name=self.name),
        )
