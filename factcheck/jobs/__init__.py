"""Background analysis jobs: persisted in SQLite, run by a bounded worker pool, followed by polling or SSE."""

from factcheck.jobs.errors import JobFinished, JobNotFinished, JobNotFound, JobServiceUnavailable, TooManyJobs
from factcheck.jobs.events import job_events
from factcheck.jobs.models import FINISHED, Job, JobError, JobList, JobProgress, JobStatus, JobSummary, JobView
from factcheck.jobs.runner import MAX_ATTEMPTS, JobRunner
from factcheck.jobs.service import JobService, request_hash
from factcheck.jobs.store import JobStore

__all__ = [
    "FINISHED", "MAX_ATTEMPTS", "Job", "JobError", "JobFinished", "JobList", "JobNotFinished", "JobNotFound",
    "JobProgress", "JobRunner", "JobService", "JobServiceUnavailable", "JobStatus", "JobStore", "JobSummary", "JobView",
    "TooManyJobs", "job_events", "request_hash",
]
