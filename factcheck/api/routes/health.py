from __future__ import annotations

from fastapi import APIRouter

from factcheck import __version__
from factcheck.api.deps import SettingsDep
from factcheck.engines import resolve_engine_name

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz(settings: SettingsDep) -> dict:
    """Liveness, and which engine `auto` resolves to."""
    return {"status": "ok", "version": __version__, "default_engine": resolve_engine_name(settings.engine, settings)}
