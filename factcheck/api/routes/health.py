from __future__ import annotations

from fastapi import APIRouter, Request

from factcheck import __version__
from factcheck.api.deps import SettingsDep
from factcheck.api.routes.jobs import jobs_problem
from factcheck.engines import resolve_engine_name

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz(request: Request, settings: SettingsDep) -> dict:
    """Liveness, which engine `auto` resolves to, and whether jobs work: status 'degraded' (still 200, since
    /v1/analyze works) with the reason in `jobs` when the job store cannot be used."""
    problem = jobs_problem(request)
    return {"status": "degraded" if problem else "ok", "version": __version__,
            "default_engine": resolve_engine_name(settings.engine, settings), "jobs": problem or "ok"}
