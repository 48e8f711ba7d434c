"""Eval cases: one hand-labelled YAML file per case under evals/cases/."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from factcheck.ingest import apply_metadata, articles_from_json, load_paths
from factcheck.types import ArticleIn

CASES_DIR = Path(__file__).parent / "cases"
GROUPS = ("seeds", "real", "written", "topics", "other", "swapped")
LEVELS = ("must", "should", "may")
KINDS = ("number", "date", "name", "status", "attribution", "other")
ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Case:
    name: str
    path: Path
    data: dict[str, Any] = field(repr=False)

    @property
    def group(self) -> str:
        return self.data.get("group", "other")

    @property
    def contradictions(self) -> list[dict[str, Any]]:
        return self.data.get("contradictions") or []

    @property
    def traps(self) -> list[dict[str, Any]]:
        return self.data.get("traps") or []

    @property
    def expect(self) -> dict[str, Any]:
        return self.data.get("expect") or {}

    def articles(self) -> list[ArticleIn]:
        inputs = self.data["inputs"]
        if "dir" in inputs:
            articles = load_paths([ROOT / inputs["dir"]])
            meta = {k: {kk: str(vv) for kk, vv in v.items()} for k, v in (self.data.get("articles") or {}).items()}
            return apply_metadata(articles, meta)
        return articles_from_json(inputs["articles"], name=self.name)


def load_case(path: Path) -> Case:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in ("name", "labelled_by", "labelled_on", "inputs"):
        if key not in data:
            raise ValueError(f"{path}: eval case is missing '{key}'")
    return Case(name=data["name"], path=path, data=data)


def load_cases(names: list[str] | None = None, *, folder: Path = CASES_DIR) -> list[Case]:
    cases = [load_case(p) for p in sorted(folder.glob("*.yaml"))]
    if names:
        unknown = set(names) - {c.name for c in cases}
        if unknown:
            raise ValueError(f"Unknown eval case(s): {', '.join(sorted(unknown))}")
        cases = [c for c in cases if c.name in names]
    return cases
