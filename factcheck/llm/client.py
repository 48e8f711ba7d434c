"""The only place that talks to a model: openai + instructor + tenacity + diskcache.

One owner per retry kind: tenacity retries transport failures (429 honouring Retry-After, 5xx, timeouts,
dropped connections) around each HTTP call, with the SDK's own retries off; instructor re-asks on
validation failures with the error text. When the re-ask budget is spent, the last answer is parsed
without the citation checks and returned marked unverified, so the caller can show it as such.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Any, TypeVar

import instructor
import openai
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from instructor.core.hooks import Hooks
from diskcache import Cache
from pydantic import BaseModel, ValidationError
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt, wait_exponential_jitter

from factcheck.config import Settings
from factcheck.errors import ConfigError, LLMError, LLMOutputError
from factcheck.prompts import RenderedPrompt

log = logging.getLogger("factcheck.llm")
# instructor logs every exhausted re-ask budget at ERROR level on its own; this client reports the outcome
# (unverified items with their reasons, or an LLMError), so its message would only repeat it on stderr.
logging.getLogger("instructor").setLevel(logging.CRITICAL)
T = TypeVar("T", bound=BaseModel)

# USD per million tokens (prompt, completion) for models whose price is public; settings override.
KNOWN_PRICES = {"gpt-4o-mini": (0.15, 0.60), "gpt-4o": (2.50, 10.0), "gpt-4.1-mini": (0.40, 1.60),
                "gpt-4.1": (2.00, 8.00), "gpt-4.1-nano": (0.10, 0.40)}
_GLOBAL_SLOTS: dict[int, threading.BoundedSemaphore] = {}
_SLOTS_LOCK = threading.Lock()


def _slots(limit: int) -> threading.BoundedSemaphore:
    """One process-wide limit on concurrent model calls, shared by every job and request."""
    with _SLOTS_LOCK:
        return _GLOBAL_SLOTS.setdefault(limit, threading.BoundedSemaphore(limit))


@dataclass
class CallUsage:
    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cache_hits: int = 0
    reasks: int = 0
    seconds: float = 0.0

    def add(self, other: CallUsage) -> None:
        for name in ("calls", "prompt_tokens", "completion_tokens", "cache_hits", "reasks", "seconds"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class CallResult:
    output: BaseModel
    verified: bool  # False: the re-ask budget was spent; the output was parsed without citation checks
    problems: list[str] = field(default_factory=list)
    usage: CallUsage = field(default_factory=CallUsage)


def _transient(exc: BaseException) -> bool:
    if isinstance(exc, (openai.APITimeoutError, openai.APIConnectionError, openai.RateLimitError,
                        openai.InternalServerError)):
        return True
    return isinstance(exc, openai.APIStatusError) and (exc.status_code == 429 or exc.status_code >= 500)


def _retry_after(exc: BaseException | None) -> float | None:
    response = getattr(exc, "response", None)
    value = response.headers.get("retry-after") if response is not None else None
    try:
        return min(float(value), 60.0) if value is not None else None
    except ValueError:
        return None


class LLMClient:
    """Structured calls against any OpenAI-compatible endpoint, cached and accounted."""

    def __init__(self, settings: Settings) -> None:
        if not settings.llm_configured:
            raise ConfigError(
                "The llm engine needs a model endpoint: set OPENAI_API_KEY (for OpenAI) or OPENAI_BASE_URL "
                "(for vLLM, Ollama, llama.cpp ...) in the environment or .env, or use --engine local.",
                details={"engine": "llm"})
        self.settings = settings
        self.endpoint = settings.openai_base_url or "https://api.openai.com/v1"
        raw = openai.OpenAI(api_key=settings.openai_api_key or "not-needed", base_url=settings.openai_base_url or None,
                            timeout=settings.request_timeout, max_retries=0)
        self._attempts = threading.local()
        create = raw.chat.completions.create
        raw.chat.completions.create = lambda *a, **kw: self._with_transport_retries(create, *a, **kw)
        self.client = instructor.from_openai(raw, mode=instructor.Mode[settings.instructor_mode])
        self.cache = Cache(str(settings.cache_dir)) if settings.cache_enabled else None
        self.slots = _slots(settings.llm_concurrency)

    # ------------------------------------------------------------------ transport
    def _with_transport_retries(self, create, *args, **kwargs):
        def wait(state: RetryCallState) -> float:
            hinted = _retry_after(state.outcome.exception() if state.outcome else None)
            return hinted if hinted is not None else wait_exponential_jitter(multiplier=0.5, max=20)(state)

        retrying = Retrying(stop=stop_after_attempt(self.settings.transport_retries + 1), wait=wait,
                            retry=retry_if_exception(_transient), reraise=True)
        for attempt in retrying:
            with attempt:
                self._attempts.count = attempt.retry_state.attempt_number
                return create(*args, **kwargs)
        raise AssertionError("unreachable")

    def _error(self, prompt: RenderedPrompt, exc: BaseException) -> LLMError:
        attempts = getattr(self._attempts, "count", 1)
        where = f"{self.endpoint} (model {self.settings.model})"
        if isinstance(exc, openai.AuthenticationError):
            message = f"The model endpoint {where} rejected the API key. Check OPENAI_API_KEY."
        elif isinstance(exc, openai.APITimeoutError):
            message = f"The model endpoint {where} timed out {attempts} times. Raise FACTCHECK_REQUEST_TIMEOUT or retry later."
        elif isinstance(exc, openai.APIConnectionError):
            message = f"Cannot connect to the model endpoint {where} after {attempts} attempts. Is the server running?"
        elif isinstance(exc, openai.APIStatusError):
            message = (f"The model endpoint {where} answered HTTP {exc.status_code} after {attempts} attempts: "
                       f"{str(exc)[:300]}")
        else:
            message = f"The model endpoint {where} failed: {exc}"
        return LLMError(message, endpoint=self.endpoint, model=self.settings.model, attempts=attempts,
                        prompt=f"{prompt.name}@v{prompt.version}", retryable=_transient(exc))

    # ------------------------------------------------------------------ structured calls
    def _cache_key(self, prompt: RenderedPrompt, response_model: type[BaseModel]) -> str:
        s = self.settings
        payload = {"model": s.model, "base_url": self.endpoint, "prompt": prompt.sha,
                   "schema": response_model.model_json_schema(), "messages": prompt.messages,
                   "temperature": s.temperature, "max_tokens": s.max_output_tokens, "mode": s.instructor_mode}
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()

    def structured(self, prompt: RenderedPrompt, response_model: type[T], *, sentences: dict[str, str],
                   context: dict[str, Any] | None = None) -> CallResult:
        """Ask for `response_model`; validate citations against `sentences` (and `context`, for the response
        model's own checks); re-ask, then fall back."""
        key = self._cache_key(prompt, response_model)
        if self.cache is not None and (hit := self.cache.get(key)) is not None:
            output = response_model.model_validate(hit["output"], context={"strict": False})
            log.info("llm call %s@v%s model=%s key=%s cache=hit", prompt.name, prompt.version, self.settings.model, key[:12])
            return CallResult(output, hit["verified"], hit["problems"], CallUsage(cache_hits=1))
        usage = CallUsage(calls=1)
        responses: list[Any] = []
        started = time.perf_counter()
        try:
            result = self._ask(prompt, response_model, sentences, context, usage, responses)
        except LLMError as exc:  # a failed call still spent requests and tokens: the caller counts them
            usage.seconds = time.perf_counter() - started
            self._account(usage, responses)
            exc.usage = usage
            raise
        usage.seconds = time.perf_counter() - started
        self._account(usage, responses)
        log.info("llm call %s@v%s model=%s key=%s prompt_tokens=%d completion_tokens=%d reasks=%d verified=%s %.2fs",
                 prompt.name, prompt.version, self.settings.model, key[:12], usage.prompt_tokens,
                 usage.completion_tokens, usage.reasks, result.verified, usage.seconds)
        if self.cache is not None:
            self.cache.set(key, {"output": result.output.model_dump(mode="json"), "verified": result.verified,
                                 "problems": result.problems})
        return result

    def _ask(self, prompt: RenderedPrompt, response_model: type[T], sentences: dict[str, str],
             context: dict[str, Any] | None, usage: CallUsage, responses: list[Any]) -> CallResult:
        """One structured call with instructor's re-asks; a cut-off answer keeps its finished items."""
        with self.slots:
            try:
                output, _ = self.client.chat.completions.create_with_completion(
                    model=self.settings.model, messages=prompt.messages, response_model=response_model,
                    max_retries=self.settings.validation_retries,
                    context={**(context or {}), "sentences": sentences, "strict": True},
                    temperature=self.settings.temperature, max_tokens=self.settings.max_output_tokens,
                    hooks=self._hooks(responses, usage))
                result = CallResult(output, True, [], usage)
            except InstructorRetryException as exc:
                cause = exc.__cause__
                if cause is not None and not isinstance(cause, (ValidationError, json.JSONDecodeError, ValueError)):
                    raise self._error(prompt, cause) from exc
                result = self._fallback(prompt, response_model, exc, usage, context)
            except IncompleteOutputException as exc:
                salvaged = self._salvage(response_model, exc, usage, context)
                if salvaged is not None:
                    result = salvaged
                else:
                    raise LLMOutputError(
                        f"The model at {self.endpoint} (model {self.settings.model}) stopped at the output limit "
                        f"(FACTCHECK_MAX_OUTPUT_TOKENS={self.settings.max_output_tokens}) before finishing an "
                        "item of its answer. Raise the limit if the model's context allows, or lower "
                        "FACTCHECK_SINGLE_CALL_MAX_TOKENS so work is split into smaller calls.",
                        endpoint=self.endpoint, model=self.settings.model, attempts=1,
                        prompt=f"{prompt.name}@v{prompt.version}") from exc
            except openai.OpenAIError as exc:
                raise self._error(prompt, exc) from exc
        return result

    def _hooks(self, responses: list[Any], usage: CallUsage):
        hooks = Hooks()
        hooks.on("completion:response", responses.append)
        return hooks

    @staticmethod
    def _account(usage: CallUsage, responses: list[Any]) -> None:
        # A re-ask is a request sent again with the validation error; a failed last attempt re-sends nothing.
        usage.reasks = max(0, len(responses) - 1)
        for response in responses:
            u = getattr(response, "usage", None)
            usage.prompt_tokens += getattr(u, "prompt_tokens", 0) or 0
            usage.completion_tokens += getattr(u, "completion_tokens", 0) or 0

    def _salvage(self, response_model: type[T], exc: Exception, usage: CallUsage,
                 context: dict[str, Any] | None) -> CallResult | None:
        """An answer cut off at the output limit: keep the items the model did finish, unverified."""
        raw = _raw_output(exc.last_completion) if getattr(exc, "last_completion", None) is not None else None
        candidate = salvage_json(raw) if raw else None
        if candidate is None:
            return None
        try:
            output = response_model.model_validate_json(candidate, context={**(context or {}), "strict": False})
        except ValidationError:
            return None
        return CallResult(output, False, ["answer cut off at the output limit; the complete items were kept"], usage)

    def _fallback(self, prompt: RenderedPrompt, response_model: type[T], exc: Exception, usage: CallUsage,
                  context: dict[str, Any] | None = None) -> CallResult:
        """The re-ask budget is spent: keep the last answer, unverified, if it parses at all."""
        raw = _raw_output(exc.last_completion) if getattr(exc, "last_completion", None) is not None else None
        problem = f"failed validation after {getattr(exc, 'n_attempts', '?')} attempts: {str(exc.__cause__ or exc)[:500]}"
        for candidate in (raw, salvage_json(raw) if raw else None):
            if candidate is None:
                continue
            try:
                output = response_model.model_validate_json(candidate, context={**(context or {}), "strict": False})
            except ValidationError:
                continue
            if candidate is not raw:
                problem += " (answer cut short; the complete items were kept)"
            return CallResult(output, False, [problem], usage)
        raise LLMOutputError(f"The model at {self.endpoint} (model {self.settings.model}) returned output that could not "
                       f"be parsed as {response_model.__name__} after {getattr(exc, 'n_attempts', '?')} attempts.",
                       endpoint=self.endpoint, model=self.settings.model, attempts=getattr(exc, "n_attempts", 0),
                       prompt=f"{prompt.name}@v{prompt.version}", last_output=raw)

    def cost(self, usage: CallUsage) -> float | None:
        s = self.settings
        price = (s.price_per_mtok_prompt, s.price_per_mtok_completion)
        if None in price:
            price = KNOWN_PRICES.get(s.model, (None, None))
        if None in price:
            return None
        return round(usage.prompt_tokens / 1e6 * price[0] + usage.completion_tokens / 1e6 * price[1], 6)


def salvage_json(raw: str) -> str | None:
    """Close a JSON answer cut off mid-way after its last complete list item, so the items the model
    did finish are not lost ('{"claims": [{...}, {...}, {"sen' -> '{"claims": [{...}, {...}]}')."""
    stack: list[str] = []
    in_string = escaped = False
    cuts: list[tuple[int, list[str]]] = []
    for i, ch in enumerate(raw):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
            continue
        if ch == '"':
            in_string = True
        elif ch in "[{":
            stack.append("]" if ch == "[" else "}")
        elif ch in "]}" and stack:
            stack.pop()
            if stack and stack[-1] == "]":
                cuts.append((i + 1, list(stack)))
    for end, open_ in reversed(cuts[-50:]):
        candidate = raw[:end] + "".join(reversed(open_))
        try:
            json.loads(candidate)
        except json.JSONDecodeError:
            continue
        return candidate
    return None


def _raw_output(completion: Any) -> str | None:
    """The JSON the model produced, from a tool call or the message content (```json fences removed)."""
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError):
        return None
    calls = getattr(message, "tool_calls", None) or []
    if calls:
        return calls[0].function.arguments
    content = (message.content or "").strip()
    if content.startswith("```"):
        content = content.strip("`")
        content = content[content.find("\n") + 1 :] if "\n" in content else content
    return content or None
