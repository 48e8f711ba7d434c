"""Pages for people: the paste-or-upload form at `/` and the report as one HTML page."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from factcheck.api.deps import SettingsDep
from factcheck.api.routes.analyze import AnalyzeRequest
from factcheck.pipeline import analyze
from factcheck.render.html import landing_page, to_html

router = APIRouter(tags=["pages"])

_ERRORS = {
    413: {"description": "Too large (body, articles or characters); JSON error envelope"},
    422: {"description": "Invalid input; JSON error envelope naming the article and the problem"},
    502: {"description": "The model endpoint failed after retries; JSON error envelope"},
}


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def landing() -> HTMLResponse:
    """The form: paste or load 2+ articles, submit, read the report."""
    return HTMLResponse(landing_page())


@router.post("/v1/report.html", response_class=HTMLResponse, responses=_ERRORS)
def report_page(body: AnalyzeRequest, settings: SettingsDep) -> HTMLResponse:
    """Analyse like `POST /v1/analyze`, but return the report as one self-contained HTML page."""
    report = analyze(body.articles, engine=body.options.engine or settings.engine, settings=settings)
    return HTMLResponse(to_html(report))
