import pytest
from fastapi.testclient import TestClient

from factcheck.api import create_app


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
