"""The job service: submit (validate, dedupe, quota) and look up jobs; owns the store and the runner."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import AsyncIterator

import anyio

from factcheck import __version__
from factcheck.config import Settings
from factcheck.engines import get_engine, resolve_engine_name
from factcheck.ingest import validate_cluster
from factcheck.jobs.errors import CANCELLED, JobFinished, JobNotFinished, JobNotFound, UnknownCursor
from factcheck.jobs.events import job_events
from factcheck.jobs.models import Job, JobError, JobStatus
from factcheck.jobs.runner import AnalyzeFn, JobRunner
from factcheck.jobs.store import JobStore
from factcheck.types import ArticleIn, Report

# Seconds a client is told to wait when it has too many unfinished jobs.
QUOTA_RETRY_AFTER = 5


def request_hash(articles: list[ArticleIn], *, engine: str, model: str | None = None) -> str:
    """Content hash of the canonical request: the articles as submitted, the resolved engine, the model
    (llm engine) and the factcheck version; each may change the report. Timeouts and retries do not."""
    canonical = json.dumps(
        {"articles": [a.model_dump(mode="json") for a in articles], "engine": engine, "model": model,
         "version": __version__},
        sort_keys=True, separators=(",", ":"), ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class JobService:
    def __init__(self, settings: Settings, *, analyze: AnalyzeFn | None = None) -> None:
        self.settings = settings
        self.store = JobStore.open(settings.data_dir / "jobs.sqlite3")
        self.runner = JobRunner(self.store, settings, analyze=analyze)

    @property
    def problem(self) -> str | None:
        """Why jobs are failing, once the database has failed while serving."""
        return self.store.problem

    def start(self) -> None:
        self.runner.start()

    def stop(self) -> None:
        self.runner.stop()
        self.store.close()

    def submit(self, articles: list[ArticleIn], *, engine: str, owner: str, client: str) -> tuple[Job, bool]:
        """Queue a job, or return the owner's identical queued/running/succeeded job (created=False).

        Input and configuration errors are raised here (422/413/400) rather than becoming failed jobs."""
        validate_cluster(articles, settings=self.settings)
        get_engine(engine, self.settings)
        resolved = resolve_engine_name(engine, self.settings)
        model = self.settings.model if resolved == "llm" else None
        job, created = self.store.submit(
            owner=owner, client=client, engine=resolved,
            content_hash=request_hash(articles, engine=resolved, model=model),
            articles_json=json.dumps([a.model_dump(mode="json") for a in articles], ensure_ascii=False),
            limit=self.settings.jobs_per_key, retry_after=QUOTA_RETRY_AFTER,
        )
        if created:
            self.runner.enqueue(job.id)
        return job, created

    def get(self, job_id: str, *, owner: str) -> Job:
        """The job if `owner` created it; JobNotFound otherwise (also for other owners' jobs)."""
        job = self.store.get(job_id)
        if job is None or not hmac.compare_digest(job.owner, owner):
            raise JobNotFound(job_id)
        return job

    def list(self, *, owner: str, status: JobStatus | None = None, limit: int = 20,
             cursor: str | None = None) -> tuple[list[Job], str | None]:
        """A page of `owner`'s jobs, newest first, and the cursor of the next page (None on the last)."""
        jobs = self.store.owned(owner=owner, status=status, limit=limit + 1, after=cursor)
        if jobs is None:
            raise UnknownCursor(cursor or "")
        return jobs[:limit], jobs[limit - 1].id if len(jobs) > limit else None

    def cancel(self, job_id: str, *, owner: str) -> Job:
        """Cancel `owner`'s queued or running job; JobFinished (409) when it has already finished."""
        job = self.get(job_id, owner=owner)
        error = JobError(code=CANCELLED, message=f"Cancelled by its owner (DELETE /v1/jobs/{job_id}). Submit the "
                         "same articles again to run it.", details={"job_id": job_id, "was": job.status})
        if not self.store.cancel(job_id, error):
            raise JobFinished(job_id, self.get(job_id, owner=owner).status)
        self.runner.cancel(job_id)
        return self.get(job_id, owner=owner)

    def report(self, job_id: str, *, owner: str) -> Report:
        job = self.get(job_id, owner=owner)
        if job.report_json is None:
            raise JobNotFinished(job_id, job.status)
        return Report.model_validate_json(job.report_json)

    def events(self, job_id: str, *, owner: str) -> AsyncIterator[str]:
        """Server-sent events following the job (JobNotFound is raised now, before any streaming)."""
        self.get(job_id, owner=owner)

        async def load() -> Job | None:
            return await anyio.to_thread.run_sync(self.store.get, job_id)

        return job_events(load)
