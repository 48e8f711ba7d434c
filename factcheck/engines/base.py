"""The engine interface: a prepared cluster of articles in, findings out.

Engines return findings (summary, contradictions, single-source claims, loaded terms, usage); the pipeline
assembles the `Report` around the articles it prepared and verifies every finding against them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Protocol

from pydantic import BaseModel, ConfigDict, Field

from factcheck.types import (
    Article, Contradiction, EngineInfo, LoadedTerm, SingleSourceClaim, SummarySentence, Usage,
)

# progress(stage, done, total): called as work advances, so callers can show it.
Progress = Callable[[str, int, int], None]


def no_progress(stage: str, done: int, total: int) -> None:
    return None


class Findings(BaseModel):
    """What an engine found in a cluster; every citation still to be verified by the pipeline."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    engine: EngineInfo
    summary: list[SummarySentence] = Field(default_factory=list)
    contradictions: list[Contradiction] = Field(default_factory=list)
    single_source_claims: list[SingleSourceClaim] = Field(default_factory=list)
    loaded_language: list[LoadedTerm] = Field(default_factory=list)
    usage: Usage = Field(default_factory=Usage)
    warnings: list[str] = Field(default_factory=list)


class Engine(Protocol):
    name: ClassVar[str]

    def analyze(self, articles: list[Article], *, progress: Progress = no_progress) -> Findings:
        """Analyse prepared articles (sentences, exclusions and copies already marked)."""
        ...
