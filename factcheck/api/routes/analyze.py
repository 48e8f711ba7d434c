from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from factcheck.api.deps import SettingsDep
from factcheck.pipeline import analyze
from factcheck.types import ArticleIn, Report

router = APIRouter(prefix="/v1", tags=["analyze"])


class AnalyzeOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")  # a misspelt option is an error, not silently the default

    engine: Literal["auto", "local", "llm"] | None = Field(
        default=None, description="auto: llm when a model endpoint is configured, else local.")


class AnalyzeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(description="2-50 articles about the same event.")
    options: AnalyzeOptions = Field(default_factory=AnalyzeOptions)


_ERRORS = {
    413: {"description": "Too large (body, articles or characters)"},
    422: {"description": "Invalid input; the error names the article and the problem"},
    502: {"description": "The model endpoint failed after retries"},
}


@router.post("/analyze", response_model=Report, responses=_ERRORS)
def analyze_cluster(body: AnalyzeRequest, settings: SettingsDep) -> Report:
    """Analyse a cluster synchronously and return the report."""
    return analyze(body.articles, engine=body.options.engine or settings.engine, settings=settings)
