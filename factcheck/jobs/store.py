"""Jobs on disk (SQLite under `settings.data_dir`), so they survive a restart.

Every state change is one guarded UPDATE: a result or progress report is written only while the job is
still `running` in the same attempt, so a timed-out or released analysis can never overwrite the outcome.
One server process per data directory.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from pathlib import Path
from typing import Any

from factcheck.jobs.errors import INTERRUPTED, TooManyJobs
from factcheck.jobs.models import Job, JobError, JobProgress

_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    client TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    engine TEXT NOT NULL,
    articles TEXT NOT NULL,
    status TEXT NOT NULL,
    stage TEXT,
    done INTEGER NOT NULL DEFAULT 0,
    total INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    report TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at REAL NOT NULL,
    started_at REAL,
    finished_at REAL
);
CREATE INDEX IF NOT EXISTS jobs_by_hash ON jobs (owner, content_hash);
CREATE INDEX IF NOT EXISTS jobs_by_client ON jobs (client, status);
CREATE INDEX IF NOT EXISTS jobs_by_status ON jobs (status);
"""
_UNFINISHED = "status IN ('queued', 'running')"


class JobStore:
    """Thread-safe: one connection behind a lock (jobs are few; writes are small)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = sqlite3.connect(
            path, check_same_thread=False, isolation_level=None, timeout=10)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def submit(self, *, owner: str, client: str, content_hash: str, engine: str, articles_json: str,
               limit: int, retry_after: int = 5) -> tuple[Job, bool]:
        """Return (the owner's unfailed job for this content, False) or (a new queued job, True).

        Raises TooManyJobs when `client` already has `limit` unfinished jobs. Atomic, so concurrent
        submissions cannot both pass the check."""
        with self._lock:
            conn = self._connection()
            conn.execute("BEGIN IMMEDIATE")
            try:
                row = conn.execute(
                    "SELECT * FROM jobs WHERE owner = ? AND content_hash = ? AND status != 'failed' "
                    "ORDER BY created_at DESC LIMIT 1", (owner, content_hash)).fetchone()
                if row is not None:
                    conn.execute("COMMIT")
                    return _job(row), False
                (unfinished,) = conn.execute(
                    f"SELECT COUNT(*) FROM jobs WHERE client = ? AND {_UNFINISHED}", (client,)).fetchone()
                if limit > 0 and unfinished >= limit:
                    raise TooManyJobs(limit, retry_after=retry_after)
                job_id = uuid.uuid4().hex
                conn.execute(
                    "INSERT INTO jobs (id, owner, client, content_hash, engine, articles, status, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, 'queued', ?)",
                    (job_id, owner, client, content_hash, engine, articles_json, time.time()))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        job = self.get(job_id)
        assert job is not None
        return job, True

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            if self._conn is None:
                return None
            row = self._conn.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return _job(row) if row is not None else None

    def claim(self, job_id: str) -> Job | None:
        """queued -> running, counting the attempt. None if the job is no longer queued."""
        changed = self._update(
            "UPDATE jobs SET status = 'running', attempts = attempts + 1, started_at = ?, stage = NULL, "
            "done = 0, total = 0 WHERE id = ? AND status = 'queued'", (time.time(), job_id))
        return self.get(job_id) if changed else None

    def report_progress(self, job_id: str, attempt: int, progress: JobProgress) -> bool:
        """Record progress; False when this attempt no longer owns the job."""
        return self._update(
            "UPDATE jobs SET stage = ?, done = ?, total = ? WHERE id = ? AND status = 'running' AND attempts = ?",
            (progress.stage, progress.done, progress.total, job_id, attempt))

    def succeed(self, job_id: str, attempt: int, report_json: str) -> bool:
        return self._finish(job_id, attempt, "succeeded", report=report_json)

    def fail(self, job_id: str, attempt: int, error: JobError) -> bool:
        return self._finish(job_id, attempt, "failed", error=error.model_dump_json())

    def release(self, job_id: str, attempt: int) -> bool:
        """running -> queued without counting the attempt (graceful shutdown; resumed on next start)."""
        return self._update(
            "UPDATE jobs SET status = 'queued', attempts = attempts - 1 WHERE id = ? AND status = 'running' "
            "AND attempts = ?", (job_id, attempt))

    def recover(self, *, max_attempts: int) -> list[str]:
        """After a restart: fail jobs whose process died `max_attempts` times while running them (code
        `interrupted`), put the other running jobs back in the queue, and return every queued id, oldest first."""
        error = JobError(
            code=INTERRUPTED,
            message=f"The server stopped {max_attempts} times while running this job, so it was not resumed "
                    "again. Submit the same articles again to retry.",
            details={"attempts": max_attempts},
        ).model_dump_json()
        with self._lock:
            conn = self._connection()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("UPDATE jobs SET status = 'failed', error = ?, finished_at = ? "
                         "WHERE status = 'running' AND attempts >= ?", (error, time.time(), max_attempts))
            conn.execute("UPDATE jobs SET status = 'queued' WHERE status = 'running'")
            rows = conn.execute("SELECT id FROM jobs WHERE status = 'queued' ORDER BY created_at").fetchall()
            conn.execute("COMMIT")
        return [row["id"] for row in rows]

    def _finish(self, job_id: str, attempt: int, status: str, **values: Any) -> bool:
        return self._update(
            "UPDATE jobs SET status = ?, report = ?, error = ?, finished_at = ? "
            "WHERE id = ? AND status = 'running' AND attempts = ?",
            (status, values.get("report"), values.get("error"), time.time(), job_id, attempt))

    def _update(self, sql: str, params: tuple[Any, ...]) -> bool:
        with self._lock:
            if self._conn is None:  # closed at shutdown while an abandoned analysis still reports
                return False
            return self._conn.execute(sql, params).rowcount > 0

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise RuntimeError(f"The job store {self.path} is closed.")
        return self._conn


def _job(row: sqlite3.Row) -> Job:
    return Job(
        id=row["id"], owner=row["owner"], client=row["client"], content_hash=row["content_hash"],
        engine=row["engine"], articles_json=row["articles"], status=row["status"],
        progress=JobProgress(stage=row["stage"], done=row["done"], total=row["total"]),
        error=JobError.model_validate(json.loads(row["error"])) if row["error"] else None,
        report_json=row["report"], attempts=row["attempts"], created_at=row["created_at"],
        started_at=row["started_at"], finished_at=row["finished_at"],
    )
