"""Property-based fuzzing of the API from its own OpenAPI schema (schemathesis): no 5xx, and responses
conform to the schema (status codes, content types, bodies). Bounded: at most 50 examples per operation."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections import Counter
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.core.parameters import ParameterLocation
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from factcheck.api import create_app
from factcheck.config import Settings

_DATA = Path(tempfile.mkdtemp(prefix="factcheck-fuzz-"))
# Registered before schemathesis starts the apps, so it runs after their lifespans have shut down.
atexit.register(shutil.rmtree, _DATA, True)
KEY = "fuzz-key"


def _app(name: str, **env):
    # No rate limit (it has its own tests); one worker and a short job timeout so fuzzed jobs stay cheap.
    return create_app(Settings(OPENAI_API_KEY="", OPENAI_BASE_URL="", FACTCHECK_DATA_DIR=_DATA / name,
                               FACTCHECK_CACHE_DIR=_DATA / "cache", FACTCHECK_RATE_LIMIT_PER_MINUTE=0,
                               FACTCHECK_JOBS_PER_KEY=0, FACTCHECK_JOB_WORKERS=1, FACTCHECK_JOB_TIMEOUT=10,
                               _env_file=None, **env))


OPEN = schemathesis.openapi.from_asgi("/openapi.json", _app("open"))
# With keys the schema declares bearer auth, and schemathesis also checks that requests without it get 401.
KEYED = schemathesis.openapi.from_asgi("/openapi.json", _app("keyed", FACTCHECK_API_KEYS=KEY))
STATUSES: Counter[int] = Counter()
# Every part of a multipart body is bytes: a file schemathesis means as "not a string" (false, {}) arrives as a
# file holding that text, which is an article like any other. Only schema-valid uploads are checked there.
MULTIPART = {("POST", "/v1/ingest")}


@pytest.fixture(scope="module", autouse=True)
def _tally():
    yield
    print(f"\nschemathesis: {sum(STATUSES.values())} requests, statuses {dict(sorted(STATUSES.items()))}, "
          f"5xx: {sum(n for s, n in STATUSES.items() if s >= 500)}")


@schemathesis.pytest.parametrize(open=OPEN, keyed=KEYED)
@settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_from_its_schema(case):
    # A case generated without its required headers goes without the key too (and must get 401).
    negative_headers = case.meta is not None and case.meta.is_negative_at(ParameterLocation.HEADER)
    headers = {} if negative_headers else {"Authorization": f"Bearer {KEY}"}
    response = case.call(headers=headers)
    STATUSES[response.status_code] += 1
    assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.status_code} {response.text}"
    # The schema cannot say "2 to 50 articles with unique ids and non-empty text": the pipeline's validation
    # rejects such schema-valid clusters with 422/413 (and engine=llm without an endpoint with 400), by design.
    excluded = [positive_data_acceptance]
    if (case.method.upper(), case.path) in MULTIPART:
        excluded.append(negative_data_rejection)
    case.validate_response(response, excluded_checks=excluded, headers=headers)
