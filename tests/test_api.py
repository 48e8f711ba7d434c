import pytest
from fastapi.testclient import TestClient

from factcheck.api import create_app
from factcheck.ingest import load_paths
from tests.conftest import SEEDS
from tests.test_ingest import SEED_OUTLETS


@pytest.fixture
def client(settings):
    return TestClient(create_app(settings))


def body(articles, **options):
    return {"articles": [a if isinstance(a, dict) else a.model_dump() for a in articles], "options": options}


def test_healthz_and_docs(client):
    assert client.get("/healthz").json()["default_engine"] == "local"
    assert client.get("/docs").status_code == 200
    assert "/v1/analyze" in client.get("/openapi.json").json()["paths"]


def test_analyze_seeds(client, seed_articles):
    response = client.post("/v1/analyze", json=body(seed_articles, engine="local"))
    assert response.status_code == 200
    report = response.json()
    assert report["independent_sources"] == 3 and report["engine"]["name"] == "local"
    texts = {a["id"]: a["text"] for a in report["articles"]}
    assert texts == {a.id: a.text for a in seed_articles}
    for s in report["summary"]:
        for c in s["citations"]:
            assert texts[c["article_id"]][c["start"] : c["end"]] == c["quote"]


A = {"id": "a", "source": "S", "text": "A thing happened on Monday, officials said."}


@pytest.mark.parametrize(
    "articles, status, code, words",
    [
        ([A], 422, "invalid_input", "at least 2"),
        ([A, {**A, "id": "b", "text": " \n"}], 422, "invalid_input", "'b' has empty"),
        ([A, A], 422, "invalid_input", "'a' is used more than once"),
        ([A, {**A, "id": "b", "text": "x" * 200_001}], 413, "too_large", "'b' has 200,001 characters"),
        ([{**A, "id": str(i)} for i in range(51)], 413, "too_large", "at most 50"),
        ([A, {"id": "b", "text": "no source"}], 422, "invalid_input", "source"),
    ],
)
def test_bad_input_is_a_json_error(client, articles, status, code, words):
    response = client.post("/v1/analyze", json=body(articles, engine="local"))
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code and words in error["message"]


def test_body_size_limit(settings):
    client = TestClient(create_app(settings.model_copy(update={"max_body_bytes": 1000})))
    response = client.post("/v1/analyze", json=body([A, {**A, "id": "b", "text": "y" * 2000}]))
    assert response.status_code == 413 and response.json()["error"]["code"] == "too_large"


def test_not_json(client):
    response = client.post("/v1/analyze", content=b"{oops", headers={"content-type": "application/json"})
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_input"


def test_llm_without_endpoint_is_config_error(client, seed_articles):
    response = client.post("/v1/analyze", json=body(seed_articles, engine="llm"))
    assert response.status_code == 400
    assert "OPENAI_API_KEY" in response.json()["error"]["message"]


def _operations(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            yield method.upper(), path, operation


@pytest.mark.parametrize("path, statuses", [("/v1/analyze", {200}), ("/v1/report.html", {200}),
                                            ("/v1/jobs", {202, 200})])  # 200: the same cluster's job again
def test_openapi_examples_succeed_as_try_it_out_sends_them(settings, path, statuses):
    with TestClient(create_app(settings)) as client:
        operation = client.get("/openapi.json").json()["paths"][path]["post"]
        examples = operation["requestBody"]["content"]["application/json"]["examples"]
        assert {"two_outlets", "server_engine"} <= set(examples)
        for name, example in examples.items():
            response = client.post(path, json=example["value"])
            assert response.status_code in statuses, (name, response.text)
            if path == "/v1/analyze":
                report = response.json()
                assert {a["source"] for a in report["articles"]} == {"Example Wire", "Example Daily"}
                assert report["contradictions"], "the example shows a disagreement"


def test_every_error_status_is_documented_with_the_body_the_api_sends(client):
    from factcheck.api.errors import ErrorEnvelope

    schema = client.get("/openapi.json").json()
    components = schema["components"]["schemas"]
    assert "HTTPValidationError" not in components  # FastAPI's `detail` shape is not what the API sends
    assert components["ErrorEnvelope"]["required"] == ["error"]
    assert set(components["ErrorBody"]["required"]) == {"code", "message"}
    checked = 0
    for method, path, operation in _operations(schema):
        errors = {int(s): r for s, r in operation["responses"].items() if int(s) >= 400}
        if path.startswith("/v1"):
            assert {401, 413, 429, 500} <= set(errors), (method, path)
        for status, response in errors.items():
            content = response["content"]["application/json"]
            assert content["schema"] == {"$ref": "#/components/schemas/ErrorEnvelope"}, (method, path, status)
            ErrorEnvelope.model_validate(content["example"])
            assert f"`{content['example']['error']['code']}`" in response["description"]
            checked += 1
    assert checked > 50


def test_a_method_not_allowed_names_every_allowed_method(client):
    response = client.put("/v1/jobs")
    assert response.status_code == 405 and response.headers["allow"] == "GET, POST"
    assert response.json()["error"]["code"] == "method_not_allowed"


def _files(*names: str) -> list[tuple[str, tuple[str, bytes]]]:
    return [("files", (name, (SEEDS / name).read_bytes())) for name in names]


def test_ingest_reads_uploaded_files_as_the_cli_does(client):
    names = sorted(p.name for p in SEEDS.glob("*.txt"))
    inferred = client.post("/v1/ingest", files=_files(*names)).json()["articles"]
    named = client.post("/v1/ingest", files=_files(*names, "sources.yaml")).json()["articles"]
    assert [(a["id"], a["source"], a["source_origin"]) for a in inferred] == [(i, *o) for i, o in SEED_OUTLETS.items()]
    assert [(a["source"], a["source_origin"]) for a in named] == [(a.source, "metadata") for a in load_paths([SEEDS])]
    assert [a["text"] for a in named] == [(SEEDS / name).read_text(encoding="utf-8") for name in names]
    response = client.post("/v1/analyze", json={"articles": named, "options": {"engine": "local"}})
    assert response.status_code == 200 and response.json()["independent_sources"] == 3


@pytest.mark.parametrize(
    "files, status, words",
    [
        ([("files", (f"{n}.txt", b"Fine.")) for n in range(51)], 413, "at most 50"),
        ([("files", ("bad.txt", b"caf\xe9"))], 422, "Article 'bad': the file is not valid UTF-8"),
        ([("files", ("a.txt", b"One.")), ("files", ("a.json", b'{"id": "a", "source": "S", "text": "T."}'))], 422,
         "'a' is used more than once: by a.txt and by a.json"),
        ([("files", ("sources.yaml", b"- not a mapping"))], 422, "sources.yaml: expected a mapping"),
    ],
)
def test_ingest_errors_name_the_file(client, files, status, words):
    response = client.post("/v1/ingest", files=files)
    assert response.status_code == status, response.text
    assert words in response.json()["error"]["message"]


def test_a_body_that_cannot_be_read_is_a_bad_request(client):
    response = client.post("/v1/ingest", content=b"--x\r\nNone--x--\r\n",
                           headers={"content-type": "multipart/form-data; boundary=x"})
    assert response.status_code == 400 and response.json()["error"]["code"] == "bad_request"
    assert "-F files=@a.txt" in response.json()["error"]["message"]
