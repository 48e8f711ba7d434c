"""The one error body of the API, `{"error": {"code", "message", "details"}}`: the model, the response that
sends it, and its OpenAPI documentation for every status an operation can answer with."""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from factcheck.ingest import shown


class ErrorBody(BaseModel):
    code: str = Field(description="Stable and machine-readable, e.g. 'invalid_input', 'too_large', 'not_found'.")
    message: str = Field(description="What happened and what to do next, for a person.")
    details: dict[str, Any] = Field(default_factory=dict, description="Structured context: article ids, fields, "
                                    "limits, the problems found, attempts ...")


class ErrorEnvelope(BaseModel):
    """Every error response of the API has this body."""

    error: ErrorBody


def _printable(value: Any) -> Any:
    """Error details echo what the client sent (field names, ids); a lone surrogate there must not turn
    the error itself into an unencodable response."""
    if isinstance(value, str):
        return shown(value)
    if isinstance(value, dict):
        return {_printable(k): _printable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_printable(v) for v in value]
    return value


def error_response(status: int, code: str, message: str, details: object = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body = {"error": {"code": code, "message": message, "details": details or {}}}
    return JSONResponse(_printable(body), status_code=status, headers=headers)


def _example(code: str, message: str, **details: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "details": details}}


RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait before retrying (with 'rate_limited', "
                                              "'too_many_jobs' and 'busy').", "schema": {"type": "integer"}}}
# status -> (when, an example body)
STATUSES: dict[int, tuple[str, dict[str, Any]]] = {
    400: ("The configuration does not allow what was asked: `config_error` (engine llm without a model endpoint); "
          "or the body cannot be read at all: `bad_request` (a broken multipart body, JSON nested too deeply).",
          _example("config_error", "The llm engine needs a model endpoint: set OPENAI_API_KEY (for OpenAI) or "
                   "OPENAI_BASE_URL (for vLLM, Ollama, llama.cpp ...) in the environment or .env, or use --engine "
                   "local.")),
    401: ("The API key is missing or not valid: `unauthorized` (only when the server has FACTCHECK_API_KEYS).",
          _example("unauthorized", "The API key is missing. Send the header 'Authorization: Bearer <key>' with a "
                   "key from the server's FACTCHECK_API_KEYS.")),
    404: ("No such job for this API key: `not_found`.",
          _example("not_found", "No job '3f2a…' for this API key. Check the id returned by POST /v1/jobs.",
                   job_id="3f2a…")),
    409: ("The job is not in the state this needs: `job_not_finished` (its report exists once it has succeeded), "
          "`job_finished` (a finished job cannot be cancelled).",
          _example("job_not_finished", "Job '3f2a…' is running; its report exists once it has succeeded. Poll GET "
                   "/v1/jobs/3f2a… or follow /v1/jobs/3f2a…/events.", job_id="3f2a…", status="running")),
    413: ("Too large: `too_large` (the body, the number of articles, or the characters of an article or the "
          "cluster).",
          _example("too_large", "A cluster may hold at most 50 articles; got 51. Split it.",
                   problem="too_many_articles", count=51, limit=50)),
    422: ("The input cannot be analysed as it is: `invalid_input`, naming the article and the problem.",
          _example("invalid_input", "Article 'b' has empty or whitespace-only text.", problems=[
              {"article_id": "b", "problem": "empty_text", "message": "Article 'b' has empty or whitespace-only "
               "text."}])),
    429: ("Too many requests: `rate_limited` (per key, or per address without keys), or `too_many_jobs` "
          "(unfinished jobs per key). See Retry-After.",
          _example("too_many_jobs", "You already have 4 unfinished jobs, the limit (FACTCHECK_JOBS_PER_KEY). Wait "
                   "for one to finish, then submit again.", limit=4, retry_after=5)),
    500: ("The server failed unexpectedly: `internal_error` (it logged the traceback).",
          _example("internal_error", "The server failed unexpectedly (RuntimeError); it logged the traceback. "
                   "Retry, or report the time of the request if it keeps failing.", exception="RuntimeError")),
    502: ("The model endpoint failed after the retry budget was spent: `llm_unavailable`.",
          _example("llm_unavailable", "The model at http://127.0.0.1:8765/v1 (model qwen2.5) returned output that "
                   "could not be parsed as ClusterAnalysis after 3 attempts.", endpoint="http://127.0.0.1:8765/v1",
                   model="qwen2.5", attempts=3, prompt="analyze_cluster@v1")),
    503: ("Unavailable for now: `llm_unavailable` (the model endpoint is overloaded), `busy` (every analysis slot "
          "stayed busy; see Retry-After), `jobs_unavailable` (the job service is not running).",
          _example("busy", "All 4 analysis slots stayed busy for 30 s (FACTCHECK_ANALYZE_CONCURRENCY). Retry in a "
                   "moment, or submit the articles as a job (POST /v1/jobs).", slots=4, retry_after=5)),
    504: ("The analysis did not finish within FACTCHECK_ANALYZE_TIMEOUT and was stopped: `timeout`.",
          _example("timeout", "The analysis did not finish within 30 s (FACTCHECK_ANALYZE_TIMEOUT); it was stopped "
                   "after stage 'local: mentions'. Submit fewer or shorter articles, or submit them as a job (POST "
                   "/v1/jobs), which may run longer.", timeout_seconds=30, stage="local: mentions",
                   setting="FACTCHECK_ANALYZE_TIMEOUT")),
}
# Every /v1 operation can answer these: the key check, the rate limit, the body size limit, a crash.
EVERY_V1 = (401, 413, 429, 500)


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for these error statuses: the envelope's schema, when each happens, an example."""
    documented: dict[int | str, dict[str, Any]] = {}
    for status in sorted(set(statuses)):
        when, example = STATUSES[status]
        documented[status] = {"model": ErrorEnvelope, "description": when,
                              "content": {"application/json": {"example": example}}}
        if status in (429, 503):
            documented[status]["headers"] = RETRY_AFTER
    return documented
