"""Per-caller rate limit for /v1/*: a token bucket per API key (or client IP without keys).

A bucket holds up to `per_minute` tokens and refills at `per_minute / 60` per second, so a client may
burst a minute's allowance and then sustain the rate. Over the limit: 429 `rate_limited` with Retry-After.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from factcheck.api.auth import client_address, is_protected

# Full buckets are forgotten once this many clients are tracked, so memory stays bounded.
MAX_TRACKED = 10_000


class TokenBucket:
    def __init__(self, per_minute: int, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # client -> (tokens, last refill time)
        self._lock = threading.Lock()

    def take(self, client: str) -> float:
        """Spend one token: 0.0 if allowed, else the seconds until one is available."""
        now = self.clock()
        with self._lock:
            tokens, last = self._buckets.get(client, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if tokens >= 1.0:
                self._buckets[client] = (tokens - 1.0, now)
                self._prune(now)
                return 0.0
            self._buckets[client] = (tokens, now)
            return (1.0 - tokens) / self.rate

    def _prune(self, now: float) -> None:
        if len(self._buckets) > MAX_TRACKED:
            self._buckets = {c: (t, last) for c, (t, last) in self._buckets.items()
                             if t + (now - last) * self.rate < self.capacity}


class RateLimit:
    """ASGI middleware, before the key check so that requests with wrong keys are limited too; `identify`
    names the bucket (the key when valid, else the address). `per_minute <= 0` turns it off."""

    def __init__(self, app: ASGIApp, *, per_minute: int, identify: Callable[[Scope], str] = client_address) -> None:
        self.app = app
        self.bucket = TokenBucket(per_minute) if per_minute > 0 else None
        self.per_minute = per_minute
        self.identify = identify

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.bucket is None or scope["type"] != "http" or not is_protected(scope["path"]):
            await self.app(scope, receive, send)
            return
        wait = self.bucket.take(self.identify(scope))
        if wait > 0:
            retry_after = max(1, math.ceil(wait))
            await _rate_limited(self.per_minute, retry_after)(scope, receive, send)
            return
        await self.app(scope, receive, send)


def _rate_limited(per_minute: int, retry_after: int) -> JSONResponse:
    message = (f"Too many requests: the limit is {per_minute} per minute (FACTCHECK_RATE_LIMIT_PER_MINUTE). "
               f"Retry after {retry_after} s.")
    body = {"error": {"code": "rate_limited", "message": message,
                      "details": {"limit_per_minute": per_minute, "retry_after": retry_after}}}
    return JSONResponse(body, status_code=429, headers={"Retry-After": str(retry_after)})
