"""Engines turn a prepared cluster into a Report. `get_engine` resolves 'auto' | 'local' | 'llm'."""

from __future__ import annotations

from factcheck.config import Settings
from factcheck.engines.base import Engine, Progress, no_progress
from factcheck.errors import ConfigError

__all__ = ["Engine", "Progress", "no_progress", "get_engine", "resolve_engine_name"]


def resolve_engine_name(name: str, settings: Settings) -> str:
    """'auto' is the LLM engine when a model endpoint is configured, else the local engine."""
    if name == "auto":
        return "llm" if settings.llm_configured else "local"
    if name not in ("local", "llm"):
        raise ConfigError(f"Unknown engine '{name}'. Use one of: auto, local, llm.", details={"engine": name})
    return name


def get_engine(name: str, settings: Settings) -> Engine:
    resolved = resolve_engine_name(name, settings)
    if resolved == "llm":
        from factcheck.engines.llm import LLMEngine

        return LLMEngine(settings)
    from factcheck.engines.local import LocalEngine

    return LocalEngine(settings)
