"""Caps on what one report may hold, so its size is bounded whatever the input: figure-heavy articles can
otherwise yield tens of thousands of contradictions. The most severe items are kept (in the engine's order);
a warning says what was cut and which setting raises the limit."""

from __future__ import annotations

from collections import defaultdict
from typing import TypeVar

from factcheck.config import Settings
from factcheck.types import Contradiction, Report

T = TypeVar("T")
_SEVERITY = {"high": 0, "medium": 1, "low": 2}


def capped(report: Report, settings: Settings) -> Report:
    """The report within the configured caps, with a warning for each cap that cut something."""
    warnings: list[str] = []
    contradictions = _per_kind(report.contradictions, settings.max_contradictions_per_kind, warnings)
    contradictions = _first(_most_severe(contradictions), settings.max_contradictions, warnings,
                            what="contradictions", setting="FACTCHECK_MAX_CONTRADICTIONS")
    claims = _first(report.single_source_claims, settings.max_single_source_claims, warnings,
                    what="single-source claims", setting="FACTCHECK_MAX_SINGLE_SOURCE_CLAIMS")
    terms = _first(report.loaded_language, settings.max_loaded_terms, warnings,
                   what="loaded terms", setting="FACTCHECK_MAX_LOADED_TERMS")
    if not warnings:
        return report
    kept = {id(c) for c in contradictions}
    return report.model_copy(update={
        "contradictions": [c for c in report.contradictions if id(c) in kept],  # the engine's order
        "single_source_claims": claims, "loaded_language": terms, "warnings": report.warnings + warnings})


def _most_severe(items: list[Contradiction]) -> list[Contradiction]:
    """Most severe first, cross-source before within one article; otherwise the engine's order (stable)."""
    return sorted(items, key=lambda c: (_SEVERITY.get(c.severity, 3), c.within_article))


def _per_kind(items: list[Contradiction], limit: int, warnings: list[str]) -> list[Contradiction]:
    by_kind: dict[str, list[Contradiction]] = defaultdict(list)
    for item in _most_severe(items):
        by_kind[item.kind].append(item)
    kept: list[Contradiction] = []
    for kind, group in by_kind.items():
        kept += _first(group, limit, warnings, what=f"'{kind}' contradictions",
                       setting="FACTCHECK_MAX_CONTRADICTIONS_PER_KIND")
    return kept


def _first(items: list[T], limit: int, warnings: list[str], *, what: str, setting: str) -> list[T]:
    if len(items) <= limit:
        return items
    warnings.append(f"The report keeps {limit:,} of {len(items):,} {what} ({setting}={limit}): the rest were left "
                    "out to bound the report's size. Split the cluster, or ask the operator to raise the limit.")
    return items[:limit]
