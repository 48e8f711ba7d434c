"""Hostile and unusual input ends in a report or a JSON error with a stable code (API) or exit 2 with a
message (CLI): never a 5xx, a plain-text error or a traceback."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from factcheck import pipeline
from factcheck.api import create_app
from factcheck.api.auth import KeyRing
from factcheck.cli import main

FIRE = "A fire destroyed a warehouse in Springfield on Dec. 31, killing 12 people, officials said."
OTHER = "The warehouse fire in Springfield on Dec. 31 killed 14 people, the fire chief said."


def article(i: str, text: str = FIRE, **fields) -> dict:
    return {"id": i, "source": f"Outlet {i}", "text": text, **fields}


def post(client: TestClient, path: str, body: dict, headers: dict | None = None):
    # json.dumps escapes lone surrogates as \ud800, as a browser's JSON.stringify does.
    return client.post(path, content=json.dumps(body), headers={"content-type": "application/json", **(headers or {})})


@pytest.fixture
def client(settings):
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        yield client


# --- item 3: lone surrogates and dates at the calendar's edge ---------------------------------------------------

# Fields with length limits are refused by pydantic's own string check; the others by validate_cluster.
UNICODE_AND_DATES = [
    ("surrogate in text", [article("a", FIRE + "\ud800"), article("b", OTHER)], "text holds a lone surrogate (U+D800)"),
    ("surrogate in title", [article("a", title="x\ud800"), article("b", OTHER)], "title"),
    ("surrogate in source", [article("a", source="AP\ud800"), article("b", OTHER)], "source"),
    ("lone low surrogate", [article("a", source="AP\udfff"), article("b", OTHER)], "source"),
    ("surrogate in id", [article("a\ud800"), article("b", OTHER)], "id"),
    ("published 0001-01-01", [article("a", published="0001-01-01"), article("b", OTHER)], "'0001-01-01' is outside"),
    ("published 9999-12-31", [article("a", published="9999-12-31T23:59:59Z"), article("b", OTHER)],
     "outside the supported range"),
    ("header published", [article("a", "published: 0001-01-01\n\n" + FIRE), article("b", OTHER)], "'0001-01-01'"),
]


@pytest.mark.parametrize("path", ["/v1/analyze", "/v1/jobs", "/v1/report.html"])
@pytest.mark.parametrize("name, articles, words", UNICODE_AND_DATES, ids=[c[0] for c in UNICODE_AND_DATES])
def test_bad_unicode_and_edge_dates_are_json_422(client, path, name, articles, words):
    response = post(client, path, {"articles": articles, "options": {"engine": "local"}})
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "invalid_input" and words in error["message"]


@pytest.mark.parametrize(
    "a, b",
    [
        (article("a", published="1000-01-01"), article("b", OTHER, published="1000-01-03")),
        (article("a", published="9000-12-31"), article("b", "Jan. 1 " + OTHER, published="9000-12-30")),
        (article("a", "Posted: 0001-01-01\n" + FIRE), article("b", "Last updated: 9999-12-31 10:00\n" + OTHER)),
        (article("a", FIRE + " It was Dec. 31, 9999, or Jan. 1, 0001."), article("b", OTHER, published="2024-01-02")),
    ],
    ids=["earliest", "latest", "datelines at the edges", "edge dates in the text"],
)
def test_dates_near_the_edges_are_analysed(client, a, b):
    response = post(client, "/v1/analyze", {"articles": [a, b], "options": {"engine": "local"}})
    assert response.status_code == 200, response.text


def test_unexpected_failure_is_a_json_500(client, monkeypatch):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(pipeline, "analyze", broken)
    monkeypatch.setattr("factcheck.api.routes.analyze.analyze", broken)
    response = post(client, "/v1/analyze", {"articles": [article("a"), article("b", OTHER)]})
    assert response.status_code == 500 and response.headers["content-type"] == "application/json"
    assert response.json()["error"]["code"] == "internal_error"
    assert "ZeroDivisionError" in response.json()["error"]["message"]


# --- item 5: short real input ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "a, b",
    [
        ("The museum was founded in 1934", "The museum was founded in 1933"),
        ("The museum was founded in 1934.", "The museum was founded in 1933."),
        ("Fire kills 12 in Springfield\nCause unknown", "Fire in Springfield kills 14\nWiring blamed"),
    ],
    ids=["no full stop", "one sentence each", "no sentence punctuation"],
)
def test_short_articles_are_analysed(client, a, b):
    response = post(client, "/v1/analyze", {"articles": [article("a", a), article("b", b)], "options": {"engine": "local"}})
    assert response.status_code == 200, response.text
    for item in response.json()["articles"]:
        assert item["sentences"] and item["excluded_spans"] == []


def test_stray_token_at_end_of_line_one_hides_no_figure(client):
    a = article("a", "A fire killed 12 people in Springfield on Monday. x\nCrews fought the blaze for six hours.")
    b = article("b", "A fire killed 14 people in Springfield on Monday, the police said.")
    report = post(client, "/v1/analyze", {"articles": [a, b], "options": {"engine": "local"}}).json()
    assert {side["value"] for c in report["contradictions"] for side in c["sides"]} == {"12", "14"}


# --- item 6: strict request fields and length limits -------------------------------------------------------------


@pytest.mark.parametrize(
    "body, words",
    [
        ({"articles": [article("a"), article("b", OTHER)], "option": {"engine": "local"}}, "body.option: Extra inputs"),
        ({"articles": [article("a"), article("b", OTHER)], "options": {"engnie": "local"}}, "body.options.engnie"),
        ({"articles": [article("a", titel="T"), article("b", OTHER)]}, "body.articles.0.titel"),
        ({"articles": [article("a", title="T" * 1_001), article("b", OTHER)]}, "body.articles.0.title: String should"),
        ({"articles": [article("a", url="https://x/" + "u" * 2_000), article("b", OTHER)]}, "body.articles.0.url"),
        ({"articles": [article("a", published="2024-01-01" * 11), article("b", OTHER)]}, "body.articles.0.published"),
    ],
    ids=["unknown top-level field", "unknown option", "unknown article field", "title", "url", "published"],
)
@pytest.mark.parametrize("path", ["/v1/analyze", "/v1/jobs", "/v1/report.html"])
def test_unknown_fields_and_overlong_metadata_are_422_naming_the_field(client, path, body, words):
    response = post(client, path, body)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == "invalid_input" and words in response.json()["error"]["message"]


def test_cli_metadata_meets_the_same_limits(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(FIRE)
    (tmp_path / "b.txt").write_text(OTHER)
    meta = tmp_path / "meta.json"
    meta.write_text(json.dumps({"a": {"title": "T" * 1_001}}))
    code, out, err = run_cli(capsys, "analyze", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--meta", str(meta))
    assert code == 2 and "Article 'a': title: String should have at most 1000 characters" in err


# --- item 6: keys ------------------------------------------------------------------------------------------------


def test_wrong_keys_are_rate_limited(settings):
    app = create_app(settings.model_copy(update={"api_keys": "right-key", "rate_limit_per_minute": 3}))
    with TestClient(app) as client:
        guesses = [client.get("/v1/jobs/x", headers={"Authorization": f"Bearer guess-{n}"}).status_code
                   for n in range(5)]
        missing = client.get("/v1/jobs/x")
        right = client.get("/v1/jobs/x", headers={"Authorization": "Bearer right-key"})
    assert guesses == [401, 401, 401, 429, 429]
    assert missing.status_code == 429 and missing.json()["error"]["code"] == "rate_limited"
    assert right.status_code == 404  # a valid key has its own allowance


def test_non_ascii_key_sent_as_utf8_authenticates(settings):
    app = create_app(settings.model_copy(update={"api_keys": "clé-secrète"}))
    with TestClient(app) as client:
        right = client.get("/v1/jobs/x", headers={"Authorization": "Bearer clé-secrète".encode()})
        wrong = client.get("/v1/jobs/x", headers={"Authorization": "Bearer clé-secrètE".encode()})
    assert right.status_code == 404 and right.json()["error"]["code"] == "not_found"
    assert wrong.status_code == 401


@pytest.mark.parametrize(
    "header, counted_as",
    [
        ("Bearer clé-secrète".encode("utf-8"), "key"),
        ("Bearer clé-secrète".encode("latin-1"), "key"),  # HTTP's old default, still sent by some clients
        ("Bearer clé-secrètE".encode("utf-8"), "ip"),
        (b"Basic Y2zDqQ==", "ip"),
    ],
)
def test_key_ring_reads_raw_header_bytes(header, counted_as):
    scope = {"type": "http", "headers": [(b"authorization", header)], "client": ("127.0.0.1", 1)}
    assert KeyRing(["clé-secrète"]).client(scope).split(":")[0] == counted_as


# --- item 6: a chunked body over the limit -------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/v1/analyze", "/v1/jobs", "/v1/report.html"])
def test_chunked_body_over_the_limit_is_413(settings, path):
    payload = json.dumps({"articles": [article("a", "y" * 3_000), article("b", OTHER)]}).encode()

    def chunks():  # no Content-Length: the client sends Transfer-Encoding: chunked
        for i in range(0, len(payload), 500):
            yield payload[i : i + 500]

    with TestClient(create_app(settings.model_copy(update={"max_body_bytes": 1_000}))) as client:
        response = client.post(path, content=chunks(), headers={"content-type": "application/json"})
        small = client.post(path, content=iter([json.dumps({"articles": []}).encode()]),
                            headers={"content-type": "application/json"})
    assert response.status_code == 413 and response.json()["error"]["code"] == "too_large"
    assert small.status_code == 422  # under the limit, a chunked body is read as usual


# --- the CLI ------------------------------------------------------------------------------------------------------


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "files, words",
    [
        ({"c.json": json.dumps([article("a", FIRE + "\ud800"), article("b", OTHER)])}, "lone surrogate (U+D800)"),
        ({"c.json": json.dumps([article("a", title="\udc00"), article("b", OTHER)])}, "Article 'a': title"),
        ({"a.txt": "published: 9999-12-31\n\n" + FIRE, "b.txt": OTHER}, "'9999-12-31' is outside"),
    ],
    ids=["surrogate in text", "surrogate in title", "edge date in header"],
)
def test_cli_hostile_files_exit_2_without_traceback(tmp_path, capsys, files, words):
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    code, out, err = run_cli(capsys, "analyze", str(tmp_path), "--engine", "local")
    assert code == 2 and words in err and "Traceback" not in err and out == ""


DEEP = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize(
    "files, words",
    [
        ({"c.json": DEEP}, "c.json: not valid JSON (nested too deeply)"),
        ({"c.json": '{"articles": [], "n": ' + "9" * 5_000 + "}"}, "c.json: not valid JSON (Exceeds the limit"),
    ],
    ids=["nested 100,000 deep", "5,000-digit integer"],
)
def test_cli_pathological_json_exits_2(tmp_path, capsys, files, words):
    for name, content in files.items():
        (tmp_path / name).write_text(content)
    code, out, err = run_cli(capsys, "analyze", str(tmp_path), "--engine", "local")
    assert code == 2 and words in err and "Traceback" not in err


@pytest.mark.parametrize("meta", [DEEP, "a: " + "9" * 5_000], ids=["nested", "long integer"])
def test_cli_pathological_metadata_exits_2(tmp_path, capsys, meta):
    (tmp_path / "a.txt").write_text(FIRE)
    (tmp_path / "b.txt").write_text(OTHER)
    (tmp_path / "meta.yaml").write_text(meta)
    code, _, err = run_cli(capsys, "analyze", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                           "--meta", str(tmp_path / "meta.yaml"))
    assert code == 2 and "Cannot read metadata file" in err and "Traceback" not in err


@pytest.mark.parametrize("out", ["missing-dir/report.md", "."], ids=["no such directory", "a directory"])
def test_cli_unwritable_out_exits_2(tmp_path, capsys, monkeypatch, out):
    (tmp_path / "a.txt").write_text(FIRE)
    (tmp_path / "b.txt").write_text(OTHER)
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(capsys, "analyze", "a.txt", "b.txt", "--engine", "local", "--out", out)
    assert code == 2 and f"[output_error]: Cannot write the report to {out}" in err and "Traceback" not in err


# --- item 6: a byte-order mark counts the same in the CLI and the API --------------------------------------------


@pytest.mark.parametrize("header", ["", "source: Wire\n\n"], ids=["bare", "with header lines"])
def test_bom_is_kept_and_counted_alike_by_cli_and_api(tmp_path, capsys, client, header):
    (tmp_path / "a.txt").write_bytes(("\ufeff" + header + FIRE).encode("utf-8"))
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    code, _, _ = run_cli(capsys, "analyze", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--engine", "local",
                         "--format", "json", "--out", str(tmp_path / "r.json"))
    cli = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    text = (tmp_path / "a.txt").read_text(encoding="utf-8")  # Python keeps the BOM with encoding="utf-8"
    api = post(client, "/v1/analyze", {"articles": [{"id": "a", "source": "a", "text": text},
                                                    {"id": "b", "source": "b", "text": OTHER}],
                                       "options": {"engine": "local"}}).json()
    assert code == 0 and cli["articles"][0]["text"] == api["articles"][0]["text"] == text
    for report in (cli, api):
        first = report["articles"][0]
        assert first["excluded_spans"][0]["start"] == 0 and first["sentences"][0]["start"] == len(header) + 1
        [side] = [s for c in report["contradictions"] for s in c["sides"] if s["article_id"] == "a"]
        assert text[side["citation"]["start"] : side["citation"]["end"]] == side["citation"]["quote"]
        assert text[side["value_start"] : side["value_end"]] == "12"
    spans = [[(s["citation"]["start"], s["citation"]["end"], s["value_start"]) for c in r["contradictions"]
              for s in c["sides"]] for r in (cli, api)]
    assert spans[0] == spans[1]


@pytest.mark.parametrize("content", [DEEP.encode(), b'{"articles": [], "n": ' + b"9" * 5_000 + b"}"],
                         ids=["nested 100,000 deep", "5,000-digit integer"])
def test_api_pathological_json_is_a_clear_400(client, content):
    response = client.post("/v1/analyze", content=content, headers={"content-type": "application/json"})
    assert response.status_code == 400 and response.json()["error"]["code"] == "bad_request"
    assert "could not be parsed as JSON" in response.json()["error"]["message"]



def test_api_docs_say_offsets_are_code_points(client):
    description = client.get("/openapi.json").json()["info"]["description"]
    assert "Unicode code points" in description and "Array.from(text).slice(start, end)" in description
