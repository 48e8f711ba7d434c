"""A bounded pool of worker threads that runs queued jobs through the pipeline.

Each job's analysis runs in its own daemon thread so the worker can enforce `settings.job_timeout`:
Python cannot kill a thread, so an overrunning analysis is marked failed (`timeout`), told to stop at
its next progress report, and left to end on its own while the worker moves on.
"""

from __future__ import annotations

import json
import logging
import queue
import threading
import time
from collections.abc import Callable

from factcheck.config import Settings
from factcheck.errors import FactcheckError
from factcheck.jobs.errors import INTERNAL, TIMEOUT
from factcheck.jobs.models import Job, JobError, JobProgress
from factcheck.jobs.store import JobStore
from factcheck.types import ArticleIn, Report

log = logging.getLogger(__name__)

# A job whose process died this many times while running it is failed as `interrupted`, not retried again:
# the job itself may be what brings the process down.
MAX_ATTEMPTS = 2
# Progress is written at most this often per job (plus on every stage change and stage end).
PROGRESS_INTERVAL = 0.25

AnalyzeFn = Callable[..., Report]


def _pipeline_analyze(*args, **kwargs) -> Report:
    # Looked up on each call so tests can monkeypatch factcheck.pipeline.analyze.
    from factcheck import pipeline

    return pipeline.analyze(*args, **kwargs)


class _Abandoned(Exception):
    """Raised inside an analysis whose job was timed out or released, to stop it early."""


class JobRunner:
    def __init__(self, store: JobStore, settings: Settings, *, analyze: AnalyzeFn | None = None) -> None:
        self.store = store
        self.settings = settings
        self.analyze = analyze or _pipeline_analyze
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._workers: list[threading.Thread] = []
        self._stopping = threading.Event()
        self._running: dict[str, threading.Event] = {}  # job id -> the event that stops its analysis
        self._running_lock = threading.Lock()

    def start(self) -> None:
        """Recover jobs left by a previous process, then start `settings.job_workers` workers."""
        for job_id in self.store.recover(max_attempts=MAX_ATTEMPTS):
            self._queue.put(job_id)
        for n in range(max(1, self.settings.job_workers)):
            worker = threading.Thread(target=self._work, name=f"factcheck-job-worker-{n}", daemon=True)
            worker.start()
            self._workers.append(worker)

    def enqueue(self, job_id: str) -> None:
        self._queue.put(job_id)

    def cancel(self, job_id: str) -> None:
        """Stop the analysis of a job the store has just cancelled, if a worker is running it; the worker moves
        on at once, the analysis ends at its next progress report."""
        with self._running_lock:
            abandoned = self._running.get(job_id)
        if abandoned is not None:
            abandoned.set()

    def stop(self) -> None:
        """Stop taking jobs; running ones go back to `queued` and resume on the next start (one a worker
        cannot release in time stays `running` and is recovered by the next start)."""
        self._stopping.set()
        for _ in self._workers:
            self._queue.put(None)
        for worker in self._workers:
            worker.join(timeout=2)

    def _work(self) -> None:
        while not self._stopping.is_set():
            job_id = self._queue.get()
            if job_id is None:
                return
            try:
                job = self.store.claim(job_id)
                if job is not None:
                    self._run(job)
            except Exception:  # e.g. the disk is full: log it and keep the worker alive for the next job
                log.exception("worker failed on job %s", job_id)

    def _run(self, job: Job) -> None:
        abandoned = threading.Event()
        with self._running_lock:
            self._running[job.id] = abandoned
        try:
            thread = threading.Thread(target=self._attempt, args=(job, abandoned), name=f"factcheck-job-{job.id[:8]}",
                                      daemon=True)
            thread.start()
            deadline = time.monotonic() + self.settings.job_timeout
            while (thread.is_alive() and not self._stopping.is_set() and not abandoned.is_set()
                   and time.monotonic() < deadline):
                thread.join(timeout=min(0.5, max(0.0, deadline - time.monotonic())))
        finally:
            with self._running_lock:
                self._running.pop(job.id, None)
        if not thread.is_alive() or abandoned.is_set():  # finished, or cancelled (the store already says so)
            return
        abandoned.set()
        if self._stopping.is_set():
            self.store.release(job.id, job.attempts)
        elif self.store.fail(job.id, job.attempts, _timeout_error(self.settings)):
            log.warning("job %s exceeded %g s and was marked failed (timeout)", job.id, self.settings.job_timeout)

    def _attempt(self, job: Job, abandoned: threading.Event) -> None:
        progress = _ProgressWriter(self.store, job, abandoned)
        try:
            articles = [ArticleIn.model_validate(a) for a in json.loads(job.articles_json)]
            report = self.analyze(articles, engine=job.engine, settings=self.settings, progress=progress)
        except _Abandoned:
            return
        except FactcheckError as exc:
            # details round-trip through JSON (str() for anything else) so storing them cannot fail
            details = json.loads(json.dumps(exc.details, default=str))
            self.store.fail(job.id, job.attempts, JobError(code=exc.code, message=exc.message, details=details))
            return
        except Exception as exc:
            log.exception("job %s failed unexpectedly", job.id)
            self.store.fail(job.id, job.attempts, JobError(
                code=INTERNAL,
                message=f"The analysis failed unexpectedly ({type(exc).__name__}); the server logged the "
                        f"traceback under job {job.id}. Retry, or report the job id if it keeps failing.",
                details={"job_id": job.id, "exception": type(exc).__name__}))
            return
        self.store.succeed(job.id, job.attempts, report.model_dump_json())


class _ProgressWriter:
    """The pipeline's progress(stage, done, total) callback: throttled writes, and the stop signal."""

    def __init__(self, store: JobStore, job: Job, abandoned: threading.Event) -> None:
        self.store, self.job, self.abandoned = store, job, abandoned
        self.last_stage: str | None = None
        self.last_write = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.abandoned.is_set():
            raise _Abandoned()
        now = time.monotonic()
        if stage == self.last_stage and done < total and now - self.last_write < PROGRESS_INTERVAL:
            return
        self.last_stage, self.last_write = stage, now
        if not self.store.report_progress(self.job.id, self.job.attempts, JobProgress(stage=stage, done=done,
                                                                                       total=total)):
            raise _Abandoned()


def _timeout_error(settings: Settings) -> JobError:
    return JobError(
        code=TIMEOUT,
        message=f"The analysis did not finish within {settings.job_timeout:g} s (FACTCHECK_JOB_TIMEOUT). "
                "Submit fewer or shorter articles, or ask the operator to raise the limit.",
        details={"timeout_seconds": settings.job_timeout},
    )

