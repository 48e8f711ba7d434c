"""The engine interface: a prepared cluster of articles in, a `Report` out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from factcheck.types import Article, Report

# progress(stage, done, total): called as work advances, so callers can show it.
Progress = Callable[[str, int, int], None]


def no_progress(stage: str, done: int, total: int) -> None:
    return None


class Engine(Protocol):
    name: str

    def analyze(self, articles: list[Article], *, progress: Progress = no_progress) -> Report:
        """Analyse prepared articles (sentences, exclusions and copies already marked)."""
        ...
