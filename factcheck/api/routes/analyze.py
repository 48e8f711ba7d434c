from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Response
from pydantic import BaseModel, ConfigDict, Field

from factcheck.api.deps import SettingsDep
from factcheck.api.sync import SyncDep
from factcheck.budget import Deadline
from factcheck.config import Settings
from factcheck.engines import get_engine
from factcheck.ingest import validate_cluster
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


ERRORS: dict[int | str, dict[str, Any]] = {
    413: {"description": "Too large (body, articles or characters)"},
    422: {"description": "Invalid input; the error names the article and the problem"},
    502: {"description": "The model endpoint failed after retries"},
    503: {"description": "The model endpoint is overloaded, or every analysis slot stayed busy (`busy`, Retry-After)"},
    504: {"description": "The analysis did not finish within FACTCHECK_ANALYZE_TIMEOUT (`timeout`) and was stopped"},
}


def check_request(body: AnalyzeRequest, settings: Settings) -> str:
    """The engine to run, once the cheap checks have passed: bad input or configuration is answered at once,
    without waiting for an analysis slot."""
    engine = body.options.engine or settings.engine
    get_engine(engine, settings)
    validate_cluster(body.articles, settings=settings)
    return engine


@router.post("/analyze", response_model=Report, responses=ERRORS)
async def analyze_cluster(body: AnalyzeRequest, settings: SettingsDep, sync: SyncDep) -> Response:
    """Analyse a cluster synchronously and return the report, within FACTCHECK_ANALYZE_TIMEOUT seconds."""
    engine = check_request(body, settings)

    def work(deadline: Deadline) -> str:  # serialised in the worker thread, not in the event loop
        return analyze(body.articles, engine=engine, settings=settings, deadline=deadline).model_dump_json()

    return Response(await sync.run(work), media_type="application/json")
