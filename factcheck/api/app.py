"""App factory: routers, error envelope, body-size limit."""

from __future__ import annotations

import re

from fastapi import FastAPI, Request
from fastapi_offline import FastAPIOffline
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from factcheck import __version__
from factcheck.api.auth import ApiKeyAuth, KeyRing, openapi_security
from factcheck.api.errors import EVERY_V1, error_response, error_responses
from factcheck.api.limits import BodySizeLimit
from factcheck.api.ratelimit import RateLimit
from factcheck.api.routes import analyze, health, ingest, jobs, pages
from factcheck.api.sync import SyncAnalyses
from factcheck.config import Settings, get_settings
from factcheck.errors import FactcheckError


async def _factcheck_error(request: Request, exc: FactcheckError) -> JSONResponse:
    return error_response(exc.http_status, exc.code, exc.message, exc.details, headers=getattr(exc, "headers", None))


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    problems = [
        {"loc": list(e.get("loc", [])), "message": e.get("msg", "")} for e in exc.errors()
    ]
    summary = "; ".join(f"{'.'.join(map(str, p['loc']))}: {p['message']}" for p in problems[:5])
    return error_response(422, "invalid_input", f"The request is not valid: {summary}", {"problems": problems})


async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    code = {400: "bad_request", 401: "unauthorized", 404: "not_found", 405: "method_not_allowed", 413: "too_large",
            429: "rate_limited"}
    message, headers = str(exc.detail), getattr(exc, "headers", None)
    if exc.status_code == 400:  # the framework could not read the body at all
        message = _unreadable_body_message(request, message)
    if exc.status_code == 405:  # Starlette's Allow misses methods of a path served by several routes
        headers = {**(headers or {}), "Allow": ", ".join(_allowed_methods(request))}
    return error_response(exc.status_code, code.get(exc.status_code, "http_error"), message, headers=headers)


def _unreadable_body_message(request: Request, detail: str) -> str:
    """What to send instead of a body the framework could not read: JSON it could not parse (nested too
    deeply, a number too long to convert), or a broken multipart body."""
    if "json" in request.headers.get("content-type", "").lower():
        return ("The request body could not be parsed as JSON (nested too deeply, or a number too long?). "
                "Send {\"articles\": [...]} as plain JSON.")
    return (f"The request body could not be read ({detail}). Send JSON (content-type: application/json), "
            "or to /v1/ingest multipart/form-data with one `files` part per file (curl -F files=@a.txt "
            "-F files=@b.html).")


def _allowed_methods(request: Request) -> list[str]:
    """The methods the API documents for the request's path (its OpenAPI paths are the routes clients see)."""
    methods: set[str] = set()
    for template, operations in request.app.openapi()["paths"].items():
        if re.fullmatch(re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template)), request.url.path):
            methods |= {method.upper() for method in operations}
    return sorted(methods)


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
        "included; in JavaScript slice with `Array.from(text).slice(start, end).join('')`. Every error is "
        "`{\"error\": {\"code\", \"message\", \"details\"}}` with a stable `code`. To post files, read them with "
        "`POST /v1/ingest` (multipart) or print the body with `factcheck body FILE...`.",
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
    v1 = {"dependencies": openapi_security(settings.api_key_list), "responses": error_responses(*EVERY_V1)}
    app.include_router(analyze.router, **v1)
    app.include_router(ingest.router, **v1)
    app.include_router(jobs.router, **v1)
    app.include_router(pages.router, **v1)
    return app
