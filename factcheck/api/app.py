"""App factory: routers, error envelope, body-size limit."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi_offline import FastAPIOffline
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from factcheck import __version__
from factcheck.api.auth import ApiKeyAuth, KeyRing, openapi_security
from factcheck.api.limits import BodySizeLimit
from factcheck.api.ratelimit import RateLimit
from factcheck.api.routes import analyze, health, jobs, pages
from factcheck.api.sync import SyncAnalyses
from factcheck.config import Settings, get_settings
from factcheck.errors import FactcheckError
from factcheck.ingest import shown


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


def error_response(status: int, code: str, message: str, details: object = None, headers: dict | None = None):
    body = {"error": {"code": code, "message": message, "details": details or {}}}
    return JSONResponse(_printable(body), status_code=status, headers=headers)


async def _factcheck_error(request: Request, exc: FactcheckError) -> JSONResponse:
    return error_response(exc.http_status, exc.code, exc.message, exc.details, headers=getattr(exc, "headers", None))


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    problems = [
        {"loc": list(e.get("loc", [])), "message": e.get("msg", "")} for e in exc.errors()
    ]
    summary = "; ".join(f"{'.'.join(map(str, p['loc']))}: {p['message']}" for p in problems[:5])
    return error_response(422, "invalid_input", f"The request body is not valid: {summary}", {"problems": problems})


async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    code = {400: "bad_request", 401: "unauthorized", 404: "not_found", 405: "method_not_allowed", 413: "too_large",
            429: "rate_limited"}
    message = str(exc.detail)
    if exc.status_code == 400 and message == "There was an error parsing the body":
        # FastAPI's words for JSON it could not read at all (nested too deeply, a number too long to convert)
        message = ("The request body could not be parsed as JSON (nested too deeply, or a number too long?). "
                   "Send {\"articles\": [...]} as plain JSON.")
    return error_response(exc.status_code, code.get(exc.status_code, "http_error"), message,
                          headers=getattr(exc, "headers", None))


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    # Starlette logs the traceback after this response is sent.
    return error_response(500, "internal_error", f"The server failed unexpectedly ({type(exc).__name__}); it logged "
                          "the traceback. Retry, or report the time of the request if it keeps failing.",
                          {"exception": type(exc).__name__})


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    # FastAPI's own /docs and /redoc load their scripts from a CDN: a newsroom without internet would see a
    # blank page. FastAPIOffline serves the same pages with the scripts from its package.
    app = FastAPIOffline(
        title="factcheck",
        version=__version__,
        description="Several news articles about one event in; a neutral, fully cited summary and the "
        "cross-source contradictions out, each tied to exact character spans of the submitted text. "
        "Offsets (`start`, `end`) count Unicode code points of `text` as submitted, a leading byte-order mark "
        "included; in JavaScript slice with `Array.from(text).slice(start, end).join('')`.",
        lifespan=jobs.lifespan,
    )
    app.state.settings = settings
    app.state.sync_analyses = SyncAnalyses(seconds=settings.analyze_timeout, slots=settings.analyze_concurrency)
    keys = KeyRing(settings.api_key_list)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    # Added last = runs first: rate-limit the caller (by key, or by address for a wrong key), then check the
    # key, then the body size.
    app.add_middleware(ApiKeyAuth, keys=keys)
    app.add_middleware(RateLimit, per_minute=settings.rate_limit_per_minute, identify=keys.client)
    app.add_exception_handler(FactcheckError, _factcheck_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected_error)
    app.include_router(health.router)
    v1 = {"dependencies": openapi_security(settings.api_key_list),
          "responses": {401: {"description": "Missing or invalid API key"}, 429: {"description": "Rate limited"}}}
    app.include_router(analyze.router, dependencies=v1["dependencies"], responses={
        **v1["responses"], 400: {"description": "The configuration does not allow the engine asked for"}})
    app.include_router(jobs.router, **v1)
    app.include_router(pages.router)
    return app
