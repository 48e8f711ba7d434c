"""App factory: routers, error envelope, body-size limit."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from factcheck import __version__
from factcheck.api.limits import BodySizeLimit
from factcheck.api.routes import analyze, health
from factcheck.config import Settings, get_settings
from factcheck.errors import FactcheckError


def error_response(status: int, code: str, message: str, details: object = None, headers: dict | None = None):
    body = {"error": {"code": code, "message": message, "details": details or {}}}
    return JSONResponse(body, status_code=status, headers=headers)


async def _factcheck_error(request: Request, exc: FactcheckError) -> JSONResponse:
    return error_response(exc.http_status, exc.code, exc.message, exc.details)


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    problems = [
        {"loc": list(e.get("loc", [])), "message": e.get("msg", "")} for e in exc.errors()
    ]
    summary = "; ".join(f"{'.'.join(map(str, p['loc']))}: {p['message']}" for p in problems[:5])
    return error_response(422, "invalid_input", f"The request body is not valid: {summary}", {"problems": problems})


async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    code = {401: "unauthorized", 404: "not_found", 405: "method_not_allowed", 413: "too_large", 429: "rate_limited"}
    return error_response(exc.status_code, code.get(exc.status_code, "http_error"), str(exc.detail),
                          headers=getattr(exc, "headers", None))


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(
        title="factcheck",
        version=__version__,
        description="Several news articles about one event in; a neutral, fully cited summary and the "
        "cross-source contradictions out, each tied to exact character spans of the submitted text.",
    )
    app.state.settings = settings
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    app.add_exception_handler(FactcheckError, _factcheck_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.include_router(health.router)
    app.include_router(analyze.router)
    return app
