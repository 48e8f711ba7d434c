from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Response
from pydantic import BaseModel, ConfigDict, Field

from factcheck.api.deps import SettingsDep
from factcheck.api.errors import error_responses
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
        default=None, description="auto: llm when a model endpoint is configured, else local. Left out: the "
        "server's FACTCHECK_ENGINE.")


class AnalyzeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(description="2-50 articles about the same event.")
    options: AnalyzeOptions = Field(default_factory=AnalyzeOptions)


# A short two-outlet cluster that disagrees on a figure: what "Try it out" on /docs sends.
TWO_OUTLETS: dict[str, Any] = {
    "articles": [
        {"id": "wire", "source": "Example Wire", "published": "2024-03-04",
         "text": "A fire destroyed a warehouse in Springfield on Monday, officials said. At least 12 people were "
                 "injured, according to the fire department. The cause of the fire is under investigation."},
        {"id": "daily", "source": "Example Daily", "published": "2024-03-05",
         "text": "A warehouse in Springfield burned down on Monday. Eight people were hurt, the fire department "
                 "said. Investigators believe faulty wiring started the blaze."},
    ],
    "options": {"engine": "local"},
}
EXAMPLES = {
    "two_outlets": {"summary": "Two outlets, one figure apart (local engine, offline)", "value": TWO_OUTLETS},
    "server_engine": {"summary": "The same, on the server's default engine (FACTCHECK_ENGINE)",
                      "value": {"articles": TWO_OUTLETS["articles"]}},
}
ClusterBody = Annotated[AnalyzeRequest, Body(openapi_examples=EXAMPLES)]
ANALYSIS_ERRORS = error_responses(400, 422, 502, 503, 504)


def check_request(body: AnalyzeRequest, settings: Settings) -> str:
    """The engine to run, once the cheap checks have passed: bad input or configuration is answered at once,
    without waiting for an analysis slot."""
    engine = body.options.engine or settings.engine
    get_engine(engine, settings)
    validate_cluster(body.articles, settings=settings)
    return engine


@router.post("/analyze", response_model=Report, responses=ANALYSIS_ERRORS)
async def analyze_cluster(body: ClusterBody, settings: SettingsDep, sync: SyncDep) -> Response:
    """Analyse a cluster synchronously and return the report, within FACTCHECK_ANALYZE_TIMEOUT seconds."""
    engine = check_request(body, settings)

    def work(deadline: Deadline) -> str:  # serialised in the worker thread, not in the event loop
        return analyze(body.articles, engine=engine, settings=settings, deadline=deadline).model_dump_json()

    return Response(await sync.run(work), media_type="application/json")
