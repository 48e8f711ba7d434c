"""A time budget for one analysis. The pipeline checks it between its stages and at every progress report an
engine makes, so an analysis over its budget stops at the next such point with a clear error."""

from __future__ import annotations

import time
from collections.abc import Callable

from factcheck.engines.base import Progress
from factcheck.errors import FactcheckError


class TimeBudgetExceeded(FactcheckError):
    code = "timeout"
    http_status = 504

    def __init__(self, seconds: float, *, stage: str, setting: str) -> None:
        super().__init__(
            f"The analysis did not finish within {seconds:g} s ({setting}); it was stopped after stage '{stage}'. "
            "Submit fewer or shorter articles, or submit them as a job (POST /v1/jobs), which may run longer.",
            details={"timeout_seconds": seconds, "stage": stage, "setting": setting})


class Deadline:
    """`seconds` from now; `setting` names where the limit is configured, for the error message."""

    def __init__(self, seconds: float, *, setting: str, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self.setting = setting
        self.clock = clock
        self.ends = clock() + seconds
        self.stage = "start"  # the last stage checked: where an analysis is, as far as is known

    def remaining(self) -> float:
        return max(0.0, self.ends - self.clock())

    def exceeded(self) -> TimeBudgetExceeded:
        return TimeBudgetExceeded(self.seconds, stage=self.stage, setting=self.setting)

    def check(self, stage: str) -> None:
        """Raise TimeBudgetExceeded once the time is up."""
        if self.clock() >= self.ends:
            raise self.exceeded()
        self.stage = stage

    def watch(self, progress: Progress) -> Progress:
        """`progress`, checking the budget first: an engine over time stops at its next progress report."""

        def checked(stage: str, done: int, total: int) -> None:
            self.check(stage)
            progress(stage, done, total)

        return checked
