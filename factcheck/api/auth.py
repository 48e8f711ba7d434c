"""Optional bearer keys for /v1/*. Keys come from FACTCHECK_API_KEYS; with none set, the API is open.

Checked in an ASGI middleware, before routing and body parsing, so every /v1 request without a valid
key gets 401 (even to unknown paths or with a malformed body). /healthz, /docs, /openapi.json and / stay open.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPBearer
from starlette.types import ASGIApp, Receive, Scope, Send

PROTECTED_PREFIX = "/v1"
HOW_TO = "Send the header 'Authorization: Bearer <key>' with a key from the server's FACTCHECK_API_KEYS."


@dataclass(frozen=True)
class Caller:
    """Who is calling. `owner` scopes job visibility (a key digest, '' without keys); `client` is the
    identity that quotas and rate limits count against (the key digest, else the client IP)."""

    owner: str
    client: str


def key_digest(key: str) -> str:
    """What is stored with a job instead of the key."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def client_address(scope: Scope) -> str:
    client = scope.get("client")
    return f"ip:{client[0]}" if client else "ip:unknown"


def is_protected(path: str) -> bool:
    return path == PROTECTED_PREFIX or path.startswith(PROTECTED_PREFIX + "/")


class KeyRing:
    """The server's keys, kept as SHA-256 digests and matched in constant time."""

    def __init__(self, keys: list[str]) -> None:
        self.digests = [bytes.fromhex(key_digest(k)) for k in keys]

    def __bool__(self) -> bool:
        return bool(self.digests)

    def match(self, token: str) -> str | None:
        """The hex digest of the key `token` is, or None."""
        presented = hashlib.sha256(token.encode("utf-8")).digest()
        matched = None
        for digest in self.digests:  # no early exit: the time taken does not depend on which key matched
            if hmac.compare_digest(presented, digest):
                matched = digest.hex()
        return matched

    def client(self, scope: Scope) -> str:
        """Whom a request counts against: its key when the key is valid, else its address (so guessing keys
        is rate-limited like anything else)."""
        token = _bearer_token(scope) if self.digests else None
        digest = self.match(token) if token else None
        return f"key:{digest}" if digest else client_address(scope)


class ApiKeyAuth:
    """Identify the caller of every /v1 request (scope['state']['caller']); 401 when keys are set and
    the request has no valid one."""

    def __init__(self, app: ASGIApp, *, keys: KeyRing) -> None:
        self.app = app
        self.keys = keys

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_protected(scope["path"]):
            await self.app(scope, receive, send)
            return
        if not self.keys:
            caller = Caller(owner="", client=client_address(scope))
        else:
            token = _bearer_token(scope)
            digest = self.keys.match(token) if token else None
            if digest is None:
                problem = "is not valid" if token else "is missing"
                await _unauthorized(f"The API key {problem}. {HOW_TO}")(scope, receive, send)
                return
            caller = Caller(owner=digest, client=f"key:{digest}")
        scope.setdefault("state", {})["caller"] = caller
        await self.app(scope, receive, send)


def _bearer_token(scope: Scope) -> str | None:
    for name, value in scope.get("headers") or []:
        if name == b"authorization":
            scheme, _, token = _header_text(value).partition(" ")
            if scheme.lower() != "bearer":
                return None
            return token.strip() or None
    return None


def _header_text(value: bytes) -> str:
    """Clients send non-ASCII header values as UTF-8 (curl, browsers' fetch, httpx); latin-1 is HTTP's old default."""
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return value.decode("latin-1")


def _unauthorized(message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": "unauthorized", "message": message, "details": {}}}, status_code=401,
                        headers={"WWW-Authenticate": 'Bearer realm="factcheck"'})


# Declares the scheme in OpenAPI (the docs' Authorize button) when keys are set; the middleware does the checking.
_bearer = HTTPBearer(auto_error=False, description="A key from the server's FACTCHECK_API_KEYS.")


def openapi_security(keys: list[str]) -> list[Any]:
    """Router dependencies that document bearer auth in the schema, only when the server has keys."""
    return [Depends(_bearer)] if keys else []


def current_caller(request: Request) -> Caller:
    caller = getattr(request.state, "caller", None)
    return caller if isinstance(caller, Caller) else Caller(owner="", client=client_address(request.scope))


CallerDep = Annotated[Caller, Depends(current_caller)]
