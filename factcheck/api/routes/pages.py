"""Pages for people: the paste-or-upload form at `/` and the report as one HTML page."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from factcheck.api.deps import SettingsDep
from factcheck.api.routes.analyze import ANALYSIS_ERRORS, ClusterBody, check_request
from factcheck.api.sync import SyncDep
from factcheck.budget import Deadline
from factcheck.pipeline import analyze
from factcheck.render.html import landing_page, to_html

router = APIRouter(tags=["pages"])
HTML_PAGE = {200: {"content": {"text/html": {"schema": {"type": "string"}}}, "description": "The report, one page"}}


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def landing() -> HTMLResponse:
    """The form: paste or load 2+ articles, submit, read the report."""
    return HTMLResponse(landing_page())


# response_class=Response: the page is HTML, the errors JSON (with HTMLResponse, FastAPI documents both as HTML).
@router.post("/v1/report.html", response_class=Response, responses={**HTML_PAGE, **ANALYSIS_ERRORS})
async def report_page(body: ClusterBody, settings: SettingsDep, sync: SyncDep) -> HTMLResponse:
    """Analyse like `POST /v1/analyze`, but return the report as one self-contained HTML page."""
    engine = check_request(body, settings)

    def work(deadline: Deadline) -> str:
        return to_html(analyze(body.articles, engine=engine, settings=settings, deadline=deadline))

    return HTMLResponse(await sync.run(work))
