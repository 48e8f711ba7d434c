"""The engine registry. The CLI, the API, jobs, settings and evals read engine names from here.

An engine is declared by an `EngineSpec`: its name, what it needs, and where its class lives (imported only
when used, so the local engine never loads the model client). Other packages can add engines through the
`factcheck.engines` entry-point group, each entry pointing at an `EngineSpec`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module
from importlib.metadata import entry_points

from factcheck.config import Settings
from factcheck.engines.base import Engine, Findings, Progress, no_progress
from factcheck.errors import ConfigError

__all__ = ["Engine", "EngineSpec", "Findings", "Progress", "engine_names", "get_engine", "no_progress",
           "registry", "resolve_engine_name"]


@dataclass(frozen=True)
class EngineSpec:
    name: str
    description: str
    target: str  # "module:Class"
    needs_model: bool = False  # needs a model endpoint (OPENAI_API_KEY or OPENAI_BASE_URL)

    def load(self) -> type:
        module, _, cls = self.target.partition(":")
        return getattr(import_module(module), cls)


BUILTIN = (
    EngineSpec("local", "Deterministic and offline: parsed facts aligned across outlets, judged by code.",
               "factcheck.engines.local:LocalEngine"),
    EngineSpec("llm", "A model on any OpenAI-compatible endpoint judges and writes on top of the fact graph.",
               "factcheck.engines.llm:LLMEngine", needs_model=True),
)


@lru_cache(maxsize=1)
def registry() -> dict[str, EngineSpec]:
    specs = {spec.name: spec for spec in BUILTIN}
    for entry in entry_points(group="factcheck.engines"):
        spec = entry.load()
        if isinstance(spec, EngineSpec) and spec.name not in specs and spec.name != "auto":
            specs[spec.name] = spec
    return specs


def engine_names() -> list[str]:
    """Every name a user may ask for: 'auto' and each registered engine."""
    return ["auto", *registry()]


def resolve_engine_name(name: str, settings: Settings) -> str:
    """'auto' is the LLM engine when a model endpoint is configured, else the local engine."""
    if name == "auto":
        return "llm" if settings.llm_configured else "local"
    if name not in registry():
        raise ConfigError(f"Unknown engine '{name}'. Use one of: {', '.join(engine_names())}.",
                          details={"engine": name})
    return name


def get_engine(name: str, settings: Settings) -> Engine:
    resolved = resolve_engine_name(name, settings)
    return registry()[resolved].load()(settings)
