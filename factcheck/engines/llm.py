"""Engine `llm` (placeholder until the LLM engine lands): refuses clearly when no endpoint is set."""

from __future__ import annotations

from factcheck.config import Settings
from factcheck.errors import ConfigError


class LLMEngine:
    name = "llm"

    def __init__(self, settings: Settings) -> None:
        if not settings.llm_configured:
            raise ConfigError(
                "The llm engine needs a model endpoint: set OPENAI_API_KEY (for OpenAI) or OPENAI_BASE_URL "
                "(for vLLM, Ollama, llama.cpp ...) in the environment or .env, or use --engine local.",
                details={"engine": "llm"},
            )
        raise ConfigError("The llm engine is not available in this build yet; use --engine local.")
