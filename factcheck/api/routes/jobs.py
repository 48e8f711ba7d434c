"""Background jobs: submit a cluster, poll it, follow it as server-sent events, fetch its report."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Request, Response
from fastapi.responses import HTMLResponse, StreamingResponse
from pydantic import BaseModel

from factcheck.api.auth import CallerDep
from factcheck.api.routes.analyze import AnalyzeRequest
from factcheck.config import Settings
from factcheck.jobs import JobService, JobServiceUnavailable, JobView
from factcheck.jobs.models import JobError

router = APIRouter(prefix="/v1/jobs", tags=["jobs"])
log = logging.getLogger(__name__)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Start the job service (resuming jobs a previous process left unfinished) and stop it on shutdown."""
    settings: Settings = app.state.settings
    try:
        service = JobService(settings)
    except JobServiceUnavailable as exc:  # serve /v1/analyze without jobs rather than not at all
        log.error("%s", exc.message)
        app.state.jobs, app.state.jobs_problem = None, exc.message
        yield
        return
    service.start()
    app.state.jobs = service
    try:
        yield
    finally:
        app.state.jobs = None
        service.stop()


def get_jobs(request: Request) -> JobService:
    service = getattr(request.app.state, "jobs", None)
    if service is None:
        raise JobServiceUnavailable(getattr(request.app.state, "jobs_problem", None))
    return service


def jobs_problem(request: Request) -> str | None:
    """Why jobs are unavailable, if they are (for /healthz)."""
    service = getattr(request.app.state, "jobs", None)
    return service.problem if service is not None else getattr(request.app.state, "jobs_problem", None)


JobsDep = Annotated[JobService, Depends(get_jobs)]


class ErrorEnvelope(BaseModel):
    error: JobError


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    described = {
        400: "Configuration does not allow the engine asked for", 404: "No such job for this key",
        409: "The job has not succeeded (yet)", 413: "Too large (body, articles or characters)",
        422: "Invalid input; the error names the article and the problem",
        429: "Too many unfinished jobs for this key; see Retry-After", 503: "Job service not running",
    }
    return {s: {"model": ErrorEnvelope, "description": described[s]} for s in statuses}


@router.post("", status_code=202, response_model=JobView,
             responses={200: {"model": JobView, "description": "An identical job already exists; this is it"},
                        **_errors(400, 413, 422, 429, 503)})
def submit_job(body: AnalyzeRequest, response: Response, jobs: JobsDep, caller: CallerDep) -> JobView:
    """Queue a cluster for analysis (same body as /v1/analyze). Resubmitting the same articles and engine
    returns the existing job, or its finished report, instead of recomputing."""
    job, created = jobs.submit(body.articles, engine=body.options.engine or jobs.settings.engine,
                               owner=caller.owner, client=caller.client)
    response.status_code = 202 if created else 200
    response.headers["Location"] = f"/v1/jobs/{job.id}"
    return JobView.of(job, deduplicated=not created)


@router.get("/{job_id}", response_model=JobView, responses=_errors(404, 503))
def get_job(job_id: str, jobs: JobsDep, caller: CallerDep) -> JobView:
    """Status, progress, and the report (succeeded) or error (failed)."""
    return JobView.of(jobs.get(job_id, owner=caller.owner))


@router.get("/{job_id}/events", response_class=StreamingResponse,
            responses={200: {"content": {"text/event-stream": {}},
                             "description": "`progress` events, then one `done` event when the job finishes"},
                       **_errors(404, 503)})
def job_event_stream(job_id: str, jobs: JobsDep, caller: CallerDep) -> StreamingResponse:
    """Follow a job as server-sent events (works with `curl -N`)."""
    return StreamingResponse(jobs.events(job_id, owner=caller.owner), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


# response_class=Response: the page is HTML, the errors JSON (with HTMLResponse, FastAPI documents both as HTML).
@router.get("/{job_id}/report.html", response_class=Response,
            responses={200: {"content": {"text/html": {"schema": {"type": "string"}}}, "description": "The report"},
                       **_errors(404, 409, 503)})
def job_report_html(job_id: str, jobs: JobsDep, caller: CallerDep) -> HTMLResponse:
    """The finished job's report as a standalone HTML page."""
    report = jobs.report(job_id, owner=caller.owner)
    from factcheck.render.html import to_html  # lazily: the renderer is optional at import time

    return HTMLResponse(to_html(report))
