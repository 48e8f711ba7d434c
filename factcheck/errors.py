"""One error root. Every error carries a stable `code`, a message that says what to do next,
and structured `details` (article ids, stage, attempts, ...). The API maps them to JSON."""

from __future__ import annotations

from typing import Any


class FactcheckError(Exception):
    code = "error"
    http_status = 500

    def __init__(self, message: str, *, details: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or {}

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "details": self.details}


class InputError(FactcheckError):
    """The submitted articles cannot be analysed as they are."""

    code = "invalid_input"
    http_status = 422


class TooLargeError(InputError):
    code = "too_large"
    http_status = 413


class ConfigError(FactcheckError):
    """The configuration does not allow what was asked (e.g. llm engine without a model endpoint)."""

    code = "config_error"
    http_status = 400


class LLMError(FactcheckError):
    """The model endpoint failed after the retry budget was spent."""

    code = "llm_unavailable"
    http_status = 502

    def __init__(
        self,
        message: str,
        *,
        endpoint: str | None = None,
        model: str | None = None,
        attempts: int = 0,
        prompt: str | None = None,
        last_output: str | None = None,
        retryable: bool = False,
    ) -> None:
        details = {"endpoint": endpoint, "model": model, "attempts": attempts, "prompt": prompt}
        if last_output is not None:
            details["last_output"] = last_output[:2000]
        super().__init__(message, details=details)
        self.attempts = attempts
        # 503 tells clients the provider is overloaded and a later retry may work; 502 that it answered badly.
        if retryable:
            self.http_status = 503


class LLMOutputError(LLMError):
    """The endpoint answered (HTTP 200), but what the model wrote cannot be used: cut off at the output limit
    with nothing complete in it, or not parseable as the requested answer after every re-ask."""

    code = "llm_bad_output"
    http_status = 502


class CitationError(FactcheckError):
    """A citation does not point at the words it claims."""

    code = "citation_error"
    http_status = 500
