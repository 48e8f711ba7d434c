"""Synchronous analyses (POST /v1/analyze, /v1/report.html) under a request-level time budget.

Each runs in a worker thread. The request ends by its deadline, with the report or a JSON error: 504 `timeout`
when the analysis ran out of time, 503 `busy` when every slot stayed taken. An analysis past its deadline
stops at its next check (between stages, or at the engine's next progress report) and keeps its slot until
then, so at most `slots` analyses ever run at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Annotated, TypeVar

import anyio
from fastapi import Depends, Request

from factcheck.budget import Deadline
from factcheck.errors import FactcheckError

T = TypeVar("T")
BUSY_RETRY_AFTER = 5


class ServerBusy(FactcheckError):
    code = "busy"
    http_status = 503

    def __init__(self, slots: int, seconds: float) -> None:
        super().__init__(f"All {slots} analysis slots stayed busy for {seconds:g} s (FACTCHECK_ANALYZE_CONCURRENCY). "
                         "Retry in a moment, or submit the articles as a job (POST /v1/jobs).",
                         details={"slots": slots, "retry_after": BUSY_RETRY_AFTER})
        self.headers = {"Retry-After": str(BUSY_RETRY_AFTER)}


class SyncAnalyses:
    def __init__(self, *, seconds: float, slots: int) -> None:
        self.seconds = seconds
        self.slots = slots
        self._free = threading.BoundedSemaphore(slots)

    async def run(self, work: Callable[[Deadline], T]) -> T:
        """`work(deadline)` in a worker thread, within the time budget."""
        deadline = Deadline(self.seconds, setting="FACTCHECK_ANALYZE_TIMEOUT")
        queued, started = threading.Event(), threading.Event()

        def in_a_slot() -> T:
            if not self._free.acquire(blocking=False):
                queued.set()  # every slot taken: wait for one within the budget
                if not self._free.acquire(timeout=deadline.remaining()):
                    raise ServerBusy(self.slots, self.seconds)
            started.set()
            try:
                return work(deadline)
            finally:
                self._free.release()

        with anyio.move_on_after(deadline.remaining()):
            return await anyio.to_thread.run_sync(in_a_slot, abandon_on_cancel=True)
        if queued.is_set() and not started.is_set():
            # the budget ran out while waiting for a slot (the wait and the budget end together): busy, not slow
            raise ServerBusy(self.slots, self.seconds)
        raise deadline.exceeded()


def get_sync_analyses(request: Request) -> SyncAnalyses:
    return request.app.state.sync_analyses


SyncDep = Annotated[SyncAnalyses, Depends(get_sync_analyses)]
