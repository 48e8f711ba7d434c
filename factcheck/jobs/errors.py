"""Errors the job service raises; the API maps them to the usual error envelope."""

from __future__ import annotations

from factcheck.errors import FactcheckError

# Codes a failed job can carry besides the analysis' own (invalid_input, llm_unavailable, ...).
TIMEOUT = "timeout"
INTERRUPTED = "interrupted"
INTERNAL = "internal_error"
CANCELLED = "cancelled"


class JobNotFound(FactcheckError):
    # Also raised for another key's job, so job ids do not leak across keys.
    code = "not_found"
    http_status = 404

    def __init__(self, job_id: str) -> None:
        super().__init__(f"No job '{job_id}' for this API key. Check the id returned by POST /v1/jobs.",
                         details={"job_id": job_id})


class JobNotFinished(FactcheckError):
    code = "job_not_finished"
    http_status = 409

    def __init__(self, job_id: str, status: str) -> None:
        super().__init__(f"Job '{job_id}' is {status}; its report exists once it has succeeded. "
                         f"Poll GET /v1/jobs/{job_id} or follow /v1/jobs/{job_id}/events.",
                         details={"job_id": job_id, "status": status})


class JobFinished(FactcheckError):
    code = "job_finished"
    http_status = 409

    def __init__(self, job_id: str, status: str) -> None:
        outcome = "was already cancelled" if status == CANCELLED else f"has already {status}"
        super().__init__(f"Job '{job_id}' {outcome}: only a queued or running job can be cancelled. "
                         f"GET /v1/jobs/{job_id} shows its outcome.", details={"job_id": job_id, "status": status})


class UnknownCursor(FactcheckError):
    code = "invalid_input"
    http_status = 422

    def __init__(self, cursor: str) -> None:
        super().__init__(f"The cursor '{cursor}' is not one of your jobs. Pass the next_cursor of the previous page, "
                         "or leave cursor out for the first page.", details={"cursor": cursor})


class TooManyJobs(FactcheckError):
    code = "too_many_jobs"
    http_status = 429

    def __init__(self, limit: int, *, retry_after: int) -> None:
        super().__init__(f"You already have {limit} unfinished jobs, the limit (FACTCHECK_JOBS_PER_KEY). "
                         f"Wait for one to finish, then submit again.",
                         details={"limit": limit, "retry_after": retry_after})
        self.headers = {"Retry-After": str(retry_after)}


class JobServiceUnavailable(FactcheckError):
    code = "jobs_unavailable"
    http_status = 503

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or "The job service is not running (the app was started without its lifespan). "
                         "Run the server with uvicorn or `factcheck serve`.")


class JobStoreDamaged(Exception):
    """The job database cannot be used as it is (not SQLite, damaged pages, another schema, not a file)."""

    def __init__(self, path: object, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.reason = reason
