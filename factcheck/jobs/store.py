"""Jobs on disk (SQLite under `settings.data_dir`), so they survive a restart.

Every state change is one guarded UPDATE: a result or progress report is written only while the job is
still `running` in the same attempt, so a timed-out or released analysis can never overwrite the outcome.
One server process per data directory.

A database that cannot be used (not SQLite, damaged pages, another schema, a directory in its place) is
moved aside at start-up and an empty one started, so the service keeps serving; damage found later makes
job requests fail with `jobs_unavailable` naming the file, and /healthz says so.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from factcheck.jobs.errors import INTERRUPTED, JobServiceUnavailable, JobStoreDamaged, TooManyJobs
from factcheck.jobs.models import Job, JobError, JobProgress

log = logging.getLogger(__name__)

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
_COLUMNS = {"id", "owner", "client", "content_hash", "engine", "articles", "status", "stage", "done", "total",
            "error", "report", "attempts", "created_at", "started_at", "finished_at"}
# SQLite keeps these beside the database; a stale one must not be replayed into a new database.
_COMPANIONS = ("-wal", "-shm", "-journal")


def _connect(path: Path) -> sqlite3.Connection:
    """Open and check the database: SQLite, undamaged (quick_check) and with this schema."""
    try:
        conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=10)
    except sqlite3.DatabaseError as exc:
        raise JobStoreDamaged(path, f"cannot be opened ({exc})") from exc
    try:
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        damage = [row[0] for row in conn.execute("PRAGMA quick_check")]
        if damage != ["ok"]:
            raise JobStoreDamaged(path, f"it is damaged ({damage[0][:200]})")
        conn.executescript(_SCHEMA)
        columns = {row["name"] for row in conn.execute("PRAGMA table_info(jobs)")}
        if columns != _COLUMNS:
            raise JobStoreDamaged(path, f"its jobs table has other columns ({', '.join(sorted(columns))})")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise JobStoreDamaged(path, f"it is not a usable SQLite database ({exc})") from exc
    except JobStoreDamaged:
        conn.close()
        raise
    return conn


def _move_aside(path: Path) -> Path:
    aside = path.with_name(f"{path.name}.broken-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:6]}")
    path.rename(aside)
    for suffix in _COMPANIONS:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(aside.with_name(aside.name + suffix))
    return aside


class JobStore:
    """Thread-safe: one connection behind a lock (jobs are few; writes are small)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.problem: str | None = None  # set when the database failed while serving
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = _connect(path)

    @classmethod
    def open(cls, path: Path) -> JobStore:
        """The store at `path`; an unusable database there is moved aside (logged, naming both paths) and an
        empty one started. JobServiceUnavailable when even that fails."""
        path = path.absolute()  # the log line must name the file wherever the server was started
        try:
            return cls(path)
        except JobStoreDamaged as exc:
            problem = exc.reason
        except OSError as exc:
            raise JobServiceUnavailable(_unavailable(path, str(exc))) from exc
        try:
            aside = _move_aside(path)
            store = cls(path)
        except (OSError, JobStoreDamaged) as exc:
            raise JobServiceUnavailable(_unavailable(path, f"{problem}; moving it aside failed: {exc}")) from exc
        log.error("The job store %s was unusable (%s). It was moved to %s and an empty job store started; "
                  "jobs in the old file are not served.", path, problem, aside)
        return store

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection | None]:
        """The connection (None once closed), under the lock; a database failure becomes JobServiceUnavailable
        naming the file."""
        with self._lock:
            try:
                yield self._conn
            except sqlite3.DatabaseError as exc:
                self.problem = _failed(self.path, str(exc))
                raise JobServiceUnavailable(self.problem) from exc

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def submit(self, *, owner: str, client: str, content_hash: str, engine: str, articles_json: str,
               limit: int, retry_after: int = 5) -> tuple[Job, bool]:
        """Return (the owner's job for this content, unless it failed or was cancelled, False) or (a new queued
        job, True).

        Raises TooManyJobs when `client` already has `limit` unfinished jobs. Atomic, so concurrent
        submissions cannot both pass the check."""
        with self._db() as conn:
            conn = self._connection(conn)
            conn.execute("BEGIN IMMEDIATE")
            try:
                row = conn.execute(
                    "SELECT * FROM jobs WHERE owner = ? AND content_hash = ? AND status NOT IN ('failed', 'cancelled') "
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
        with self._db() as conn:
            if conn is None:
                return None
            row = conn.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return _job(row) if row is not None else None

    def owned(self, *, owner: str, status: str | None, limit: int, after: str | None) -> list[Job] | None:
        """The owner's jobs, newest first: at most `limit`, with `status` if given, older than job `after` if given.
        None when `after` is not one of the owner's jobs."""
        where, params = ["owner = ?"], [owner]
        if status is not None:
            where.append("status = ?")
            params.append(status)
        with self._db() as conn:
            conn = self._connection(conn)
            if after is not None:
                anchor = conn.execute("SELECT created_at, id FROM jobs WHERE id = ? AND owner = ?",
                                      (after, owner)).fetchone()
                if anchor is None:
                    return None
                where.append("(created_at, id) < (?, ?)")
                params += [anchor["created_at"], anchor["id"]]
            rows = conn.execute(f"SELECT * FROM jobs WHERE {' AND '.join(where)} ORDER BY created_at DESC, id DESC "
                                "LIMIT ?", (*params, limit)).fetchall()
        return [_job(row) for row in rows]

    def cancel(self, job_id: str, error: JobError) -> bool:
        """queued or running -> cancelled; False when the job had already finished. A running analysis notices
        at its next progress report (which this attempt no longer owns) and stops."""
        return self._update(
            f"UPDATE jobs SET status = 'cancelled', error = ?, finished_at = ? WHERE id = ? AND {_UNFINISHED}",
            (error.model_dump_json(), time.time(), job_id))

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
        with self._db() as conn:
            conn = self._connection(conn)
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
        with self._db() as conn:
            if conn is None:  # closed at shutdown while an abandoned analysis still reports
                return False
            return conn.execute(sql, params).rowcount > 0

    def _connection(self, conn: sqlite3.Connection | None) -> sqlite3.Connection:
        if conn is None:
            raise RuntimeError(f"The job store {self.path} is closed.")
        return conn


def _unavailable(path: Path, problem: str) -> str:
    return (f"The job store {path} cannot be used ({problem}). Jobs are unavailable; /v1/analyze still works. "
            "Move the file aside or fix the data directory (FACTCHECK_DATA_DIR), then restart the server.")


def _failed(path: Path, problem: str) -> str:
    return (f"The job store {path} failed ({problem}). Jobs are unavailable until the server restarts, which moves "
            "a damaged file aside and starts an empty job store; /v1/analyze still works.")


def _job(row: sqlite3.Row) -> Job:
    return Job(
        id=row["id"], owner=row["owner"], client=row["client"], content_hash=row["content_hash"],
        engine=row["engine"], articles_json=row["articles"], status=row["status"],
        progress=JobProgress(stage=row["stage"], done=row["done"], total=row["total"]),
        error=JobError.model_validate(json.loads(row["error"])) if row["error"] else None,
        report_json=row["report"], attempts=row["attempts"], created_at=row["created_at"],
        started_at=row["started_at"], finished_at=row["finished_at"],
    )
