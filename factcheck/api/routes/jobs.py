"""Background jobs: submit a cluster, poll it, follow it as server-sent events, fetch its report."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Query, Request, Response
from fastapi.responses import HTMLResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from factcheck.api.auth import CallerDep
from factcheck.api.errors import error_responses
from factcheck.api.routes.analyze import ClusterBody
from factcheck.config import Settings
from factcheck.jobs import JobList, JobService, JobServiceUnavailable, JobStatus, JobSummary, JobView

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


PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


@router.post("", status_code=202, response_model=JobView,
             responses={200: {"model": JobView, "description": "An identical job already exists; this is it"},
                        **error_responses(400, 422, 503)})
def submit_job(body: ClusterBody, response: Response, jobs: JobsDep, caller: CallerDep) -> JobView:
    """Queue a cluster for analysis (same body as /v1/analyze). Resubmitting the same articles and engine
    returns the existing job, or its finished report, instead of recomputing."""
    job, created = jobs.submit(body.articles, engine=body.options.engine or jobs.settings.engine,
                               owner=caller.owner, client=caller.client)
    response.status_code = 202 if created else 200
    response.headers["Location"] = f"/v1/jobs/{job.id}"
    return JobView.of(job, deduplicated=not created)


class JobFilter(BaseModel):
    model_config = ConfigDict(extra="forbid")  # a misspelt parameter is an error, not silently ignored

    status: JobStatus | None = Field(default=None, description="Only jobs with this status.")
    limit: int = Field(default=PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Jobs per page.")
    cursor: str | None = Field(default=None, max_length=200, description="The next_cursor of the previous page.")


@router.get("", response_model=JobList, responses=error_responses(422, 503))
def list_jobs(request: Request, query: Annotated[JobFilter, Query()], jobs: JobsDep, caller: CallerDep) -> JobList:
    """Your jobs, newest first, a page at a time (without their reports: GET /v1/jobs/{id} has them)."""
    page, next_cursor = jobs.list(owner=caller.owner, status=query.status, limit=query.limit, cursor=query.cursor)
    following = request.url.include_query_params(cursor=next_cursor) if next_cursor else None
    return JobList(jobs=[JobSummary.of(job) for job in page], next_cursor=next_cursor,
                   next=f"{following.path}?{following.query}" if following else None)


@router.get("/{job_id}", response_model=JobView, responses=error_responses(404, 422, 503))
def get_job(job_id: str, jobs: JobsDep, caller: CallerDep) -> JobView:
    """Status, progress, and the report (succeeded) or error (failed, cancelled)."""
    return JobView.of(jobs.get(job_id, owner=caller.owner))


@router.delete("/{job_id}", response_model=JobView, responses=error_responses(404, 409, 422, 503))
def cancel_job(job_id: str, jobs: JobsDep, caller: CallerDep) -> JobView:
    """Cancel a queued or running job: its status becomes 'cancelled' at once, and a running analysis stops at its
    next progress report. A finished job answers 409 `job_finished`."""
    return JobView.of(jobs.cancel(job_id, owner=caller.owner))


@router.get("/{job_id}/events", response_class=StreamingResponse,
            responses={200: {"content": {"text/event-stream": {}},
                             "description": "`progress` events, then one `done` event when the job finishes"},
                       **error_responses(404, 422, 503)})
def job_event_stream(job_id: str, jobs: JobsDep, caller: CallerDep) -> StreamingResponse:
    """Follow a job as server-sent events (works with `curl -N`)."""
    return StreamingResponse(jobs.events(job_id, owner=caller.owner), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


# response_class=Response: the page is HTML, the errors JSON (with HTMLResponse, FastAPI documents both as HTML).
@router.get("/{job_id}/report.html", response_class=Response,
            responses={200: {"content": {"text/html": {"schema": {"type": "string"}}}, "description": "The report"},
                       **error_responses(404, 409, 422, 503)})
def job_report_html(job_id: str, jobs: JobsDep, caller: CallerDep) -> HTMLResponse:
    """The finished job's report as a standalone HTML page."""
    report = jobs.report(job_id, owner=caller.owner)
    from factcheck.render.html import to_html  # lazily: the renderer is optional at import time

    return HTMLResponse(to_html(report))
