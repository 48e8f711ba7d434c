"""A job database that cannot be used does not stop the server: it is moved aside at start-up (logged, naming
the file), and damage found while serving is a JSON 503 naming the file, with /healthz saying so."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from factcheck.api import create_app
from factcheck.jobs import JobStore
from factcheck.jobs import store as store_module

A = {"id": "a", "source": "Wire", "text": "Officials said 12 people were hurt in the fire on Monday."}
B = {"id": "b", "source": "Paper", "text": "The fire on Monday hurt 14 people, the police said."}
BODY = {"articles": [A, B], "options": {"engine": "local"}}


def _valid_store(path: Path) -> bytes:
    store = JobStore(path)
    for n in range(30):
        store.submit(owner="", client="c", content_hash=str(n), engine="local", articles_json="x" * 5000, limit=0)
    store.close()
    data = path.read_bytes()
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    return data


def random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(10_000))


def truncated(path: Path) -> None:
    data = _valid_store(path)
    path.write_bytes(data[: len(data) // 2])


def damaged_page(path: Path) -> None:
    data = bytearray(_valid_store(path))
    data[4096 * 3 : 4096 * 3 + 2000] = os.urandom(2000)  # page 4; the header and schema pages stay intact
    path.write_bytes(bytes(data))


def wrong_schema(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE jobs (id TEXT PRIMARY KEY, payload BLOB)")


def directory(path: Path) -> None:
    path.mkdir()
    (path / "something").write_text("not a database")


@pytest.mark.parametrize("damage", [random_bytes, truncated, damaged_page, wrong_schema, directory],
                         ids=lambda f: f.__name__)
def test_unusable_database_is_moved_aside_and_service_keeps_serving(settings, caplog, damage):
    path = settings.data_dir / "jobs.sqlite3"
    path.parent.mkdir(parents=True)
    damage(path)
    with caplog.at_level(logging.ERROR, logger="factcheck.jobs.store"):
        with TestClient(create_app(settings)) as client:
            assert client.post("/v1/analyze", json=BODY).status_code == 200
            submitted = client.post("/v1/jobs", json=BODY)
            assert submitted.status_code == 202, submitted.text
            assert client.get("/healthz").json()["status"] == "ok"
    [aside] = [p for p in path.parent.iterdir() if p.name.startswith("jobs.sqlite3.broken-")]
    assert str(path) in caplog.text and str(aside) in caplog.text and "Traceback" not in caplog.text


def test_database_that_cannot_be_moved_aside_leaves_analyze_up(settings, monkeypatch, caplog):
    path = settings.data_dir / "jobs.sqlite3"
    path.parent.mkdir(parents=True)
    random_bytes(path)

    def refuse(path: Path) -> Path:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(store_module, "_move_aside", refuse)
    with TestClient(create_app(settings)) as client:
        analyzed = client.post("/v1/analyze", json=BODY)
        jobs = client.post("/v1/jobs", json=BODY)
        health = client.get("/healthz").json()
    assert analyzed.status_code == 200
    assert jobs.status_code == 503 and jobs.json()["error"]["code"] == "jobs_unavailable"
    assert str(path) in jobs.json()["error"]["message"] and "Permission denied" in jobs.json()["error"]["message"]
    assert health["status"] == "degraded" and str(path) in health["jobs"]
    assert str(path) in caplog.text


class _DamagedConnection:
    """What a connection does once a page it needs is damaged."""

    def execute(self, *args, **kwargs):
        raise sqlite3.DatabaseError("database disk image is malformed")

    def close(self) -> None:
        pass


def test_damage_found_while_serving_is_a_json_503_and_healthz_says_so(settings):
    with TestClient(create_app(settings)) as client:
        store = client.app.state.jobs.store
        real, store._conn = store._conn, _DamagedConnection()
        try:
            responses = [client.get("/v1/jobs/some-id"), client.post("/v1/jobs", json=BODY)]
            health = client.get("/healthz").json()
            analyzed = client.post("/v1/analyze", json=BODY)
        finally:
            store._conn = real
    for response in responses:
        assert response.status_code == 503, response.text
        error = response.json()["error"]
        assert error["code"] == "jobs_unavailable" and "malformed" in error["message"]
        assert str(settings.data_dir / "jobs.sqlite3") in error["message"]
    assert health["status"] == "degraded" and "malformed" in health["jobs"]
    assert analyzed.status_code == 200
