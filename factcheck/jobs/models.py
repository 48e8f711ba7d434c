"""Job records: what the store keeps and what the API shows."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field

from factcheck.types import Report

JobStatus = Literal["queued", "running", "succeeded", "failed", "cancelled"]
FINISHED: tuple[JobStatus, ...] = ("succeeded", "failed", "cancelled")


class JobProgress(BaseModel):
    stage: str | None = Field(default=None, description="Pipeline stage last reported, e.g. 'prepare'.")
    done: int = 0
    total: int = 0


class JobError(BaseModel):
    """The same content as the API's error envelope: a stable code, what to do next, details."""

    code: str
    message: str
    details: dict[str, Any] = Field(default_factory=dict)


class Job(BaseModel):
    """One stored job. `owner` is a SHA-256 of the API key ('' without keys), never the key itself."""

    model_config = ConfigDict(frozen=True)

    id: str
    owner: str
    client: str
    content_hash: str
    engine: str
    articles_json: str
    status: JobStatus
    progress: JobProgress = Field(default_factory=JobProgress)
    error: JobError | None = None
    report_json: str | None = None
    attempts: int = 0
    created_at: float
    started_at: float | None = None
    finished_at: float | None = None

    @property
    def finished(self) -> bool:
        return self.status in FINISHED


class JobLinks(BaseModel):
    self: str
    events: str
    report_html: str


class JobSummary(BaseModel):
    """A job as `GET /v1/jobs` lists it: everything but the report."""

    id: str
    status: JobStatus
    engine: str
    progress: JobProgress
    error: JobError | None = Field(default=None, description="Set when status is 'failed' or 'cancelled'.")
    attempts: int = Field(description="How many times a worker started this job (restarts resume it).")
    created_at: datetime
    started_at: datetime | None = None
    finished_at: datetime | None = None
    links: JobLinks

    @classmethod
    def of(cls, job: Job, **extra: Any) -> Self:
        base = f"/v1/jobs/{job.id}"
        return cls(
            id=job.id, status=job.status, engine=job.engine, progress=job.progress, error=job.error,
            attempts=job.attempts, created_at=_time(job.created_at), started_at=_time(job.started_at),
            finished_at=_time(job.finished_at),
            links=JobLinks(self=base, events=f"{base}/events", report_html=f"{base}/report.html"), **extra,
        )


class JobView(JobSummary):
    """A job as the API returns it: status, progress, and the report or the error once finished."""

    report: Report | None = Field(default=None, description="Set when status is 'succeeded'.")
    deduplicated: bool = Field(default=False, description="True when an identical earlier job was returned.")

    @classmethod
    def of(cls, job: Job, *, deduplicated: bool = False) -> Self:
        report = Report.model_validate_json(job.report_json) if job.report_json else None
        return super().of(job, report=report, deduplicated=deduplicated)


class JobList(BaseModel):
    """One page of the caller's jobs, newest first."""

    jobs: list[JobSummary]
    next_cursor: str | None = Field(default=None, description="Pass as `cursor` for the next page; null on the "
                                    "last page.")
    next: str | None = Field(default=None, description="The next page's URL; null on the last page.")


def _time(epoch: float | None) -> datetime | None:
    return None if epoch is None else datetime.fromtimestamp(epoch, tz=UTC)
