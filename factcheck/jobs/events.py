"""Server-sent events for one job: `progress` whenever status or progress changes, then one `done`."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import anyio

from factcheck.jobs.models import Job

POLL_SECONDS = 0.2
# A comment line now and then keeps proxies and idle-timeouts from closing a quiet stream.
HEARTBEAT_SECONDS = 15.0


def format_event(event: str, data: dict[str, Any], *, event_id: int) -> str:
    return f"id: {event_id}\nevent: {event}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n"


def _progress(job: Job) -> dict[str, Any]:
    return {"id": job.id, "status": job.status, **job.progress.model_dump()}


def _done(job: Job) -> dict[str, Any]:
    error = job.error.model_dump() if job.error else None
    return {"id": job.id, "status": job.status, "error": error, "report": f"/v1/jobs/{job.id}"}


async def job_events(load: Callable[[], Awaitable[Job | None]], *, poll: float = POLL_SECONDS) -> AsyncIterator[str]:
    """Follow a job by polling the store (which also sees jobs resumed after a restart) until it finishes."""
    last: tuple | None = None
    event_id = 0
    quiet_since = time.monotonic()
    while True:
        job = await load()
        if job is None:  # the store closed under us: the server is shutting down
            return
        state = (job.status, job.progress.stage, job.progress.done, job.progress.total)
        if state != last:
            event_id += 1
            last, quiet_since = state, time.monotonic()
            yield format_event("progress", _progress(job), event_id=event_id)
        if job.finished:
            yield format_event("done", _done(job), event_id=event_id + 1)
            return
        if time.monotonic() - quiet_since > HEARTBEAT_SECONDS:
            quiet_since = time.monotonic()
            yield ": heartbeat\n\n"
        await anyio.sleep(poll)
