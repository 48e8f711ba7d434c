"""The landing page at `/` and `POST /v1/report.html` (same body as /v1/analyze, HTML out, JSON errors)."""

import pytest
from fastapi.testclient import TestClient

from factcheck.api import create_app


@pytest.fixture
def client(settings):
    return TestClient(create_app(settings))


def test_landing_page_is_a_self_contained_form(client):
    response = client.get("/")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    page = response.text
    assert '<html lang="en">' in page and "<form" in page and 'id="add"' in page and 'type="file"' in page
    assert "/v1/report.html" in page
    assert "src=\"http" not in page and "href=\"http" not in page  # no external assets


def test_report_html_renders_the_seeds(client, seed_articles):
    body = {"articles": [a.model_dump() for a in seed_articles], "options": {"engine": "local"}}
    response = client.post("/v1/report.html", json=body)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert "Cross-source report" in response.text and "The New York Times" in response.text
    assert "/v1/report.html" in client.get("/openapi.json").json()["paths"]


@pytest.mark.parametrize(
    "body, status, code",
    [
        ({"articles": [{"id": "a", "source": "S", "text": "One article."}]}, 422, "invalid_input"),
        ({"articles": [{"id": "a", "text": "No source."}, {"id": "b", "source": "S", "text": "T."}]}, 422,
         "invalid_input"),
        ({"articles": [{"id": "a", "source": "S", "text": "A."}, {"id": "b", "source": "T", "text": "B."}],
          "options": {"engine": "llm"}}, 400, "config_error"),
    ],
)
def test_report_html_errors_use_the_json_envelope(client, body, status, code):
    response = client.post("/v1/report.html", json=body)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["error"]["code"] == code and response.json()["error"]["message"]
