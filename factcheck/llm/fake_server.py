"""A scriptable fake OpenAI-compatible server for tests and for checking the eval harness offline.

Real HTTP on loopback, Chat Completions with tool calls (instructor's TOOLS mode) and plain JSON content
(JSON / MD_JSON modes). Tests `enqueue` replies and read `history`:

    with FakeOpenAIServer() as server:
        server.enqueue({"json": {...}}, {"status": 429, "headers": {"Retry-After": "0"}}, {"text": "{oops"})
        settings = Settings(OPENAI_BASE_URL=server.base_url, ...)

A reply is a dict: {"json": obj} | {"text": raw} (either may add "finish_reason": "length") | {"status": code, "headers": {...}, "body": obj} |
{"delay": seconds, "then": reply} | {"drop": True}; or set `responder(request) -> reply` for replies
computed from the request. With nothing queued and no responder, the server answers 500.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable

Reply = dict[str, Any]


class FakeOpenAIServer:
    def __init__(self, *, model: str = "fake-model") -> None:
        self.model = model
        self.queue: deque[Reply] = deque()
        self.history: list[dict[str, Any]] = []
        self.responder: Callable[[dict[str, Any]], Reply] | None = None
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    # -------------------------------------------------------------- control
    def enqueue(self, *replies: Reply) -> None:
        self.queue.extend(replies)

    @property
    def base_url(self) -> str:
        assert self._server is not None, "server not started"
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    @property
    def completions(self) -> list[dict[str, Any]]:
        return [h["body"] for h in self.history if h["path"].endswith("/chat/completions")]

    def start(self) -> FakeOpenAIServer:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # keep test output clean
                return None

            def do_GET(self) -> None:  # noqa: N802 (http.server API)
                fake._send(self, 200, {"object": "list", "data": [{"id": fake.model, "object": "model"}]})

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("content-length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                with fake._lock:
                    fake.history.append({"path": self.path, "body": body, "headers": dict(self.headers)})
                    fake.in_flight += 1
                    fake.max_in_flight = max(fake.max_in_flight, fake.in_flight)
                    reply = fake.queue.popleft() if fake.queue else None
                try:
                    if reply is None and fake.responder is not None:
                        reply = fake.responder(body)
                    fake._answer(self, body, reply)
                finally:
                    with fake._lock:
                        fake.in_flight -= 1

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeOpenAIServer:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    # -------------------------------------------------------------- replies
    def _answer(self, handler: BaseHTTPRequestHandler, request: dict[str, Any], reply: Reply | None) -> None:
        if reply is None:
            self._send(handler, 500, {"error": {"message": "fake server: nothing queued", "type": "server_error"}})
            return
        if "delay" in reply:
            time.sleep(reply["delay"])
            return self._answer(handler, request, reply.get("then", {"json": {}}))
        if reply.get("drop"):
            handler.close_connection = True
            handler.connection.shutdown(2)  # no response at all
            return
        if "status" in reply:
            body = reply.get("body") or {"error": {"message": f"fake error {reply['status']}", "type": "fake"}}
            self._send(handler, reply["status"], body, reply.get("headers"))
            return
        text = reply["text"] if "text" in reply else json.dumps(reply["json"])
        self._send(handler, 200, self._completion(request, text, reply.get("finish_reason")))

    def _completion(self, request: dict[str, Any], text: str, finish_reason: str | None = None) -> dict[str, Any]:
        prompt_chars = sum(len(str(m.get("content", ""))) for m in request.get("messages", []))
        message: dict[str, Any] = {"role": "assistant", "content": text}
        finish = "stop"
        tools = request.get("tools") or []
        if tools:
            name = tools[0]["function"]["name"]
            message = {"role": "assistant", "content": None, "tool_calls": [
                {"id": f"call_{len(self.history)}", "type": "function", "function": {"name": name, "arguments": text}}]}
            finish = "tool_calls"
        return {
            "id": f"chatcmpl-fake-{len(self.history)}", "object": "chat.completion", "created": int(time.time()),
            "model": request.get("model", self.model),
            "choices": [{"index": 0, "message": message, "finish_reason": finish_reason or finish}],
            "usage": {"prompt_tokens": prompt_chars // 4, "completion_tokens": len(text) // 4,
                      "total_tokens": prompt_chars // 4 + len(text) // 4},
        }

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, status: int, body: dict[str, Any], headers: dict | None = None) -> None:
        data = json.dumps(body).encode()
        handler.send_response(status)
        handler.send_header("content-type", "application/json")
        handler.send_header("content-length", str(len(data)))
        for key, value in (headers or {}).items():
            handler.send_header(key, value)
        handler.end_headers()
        try:
            handler.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (its timeout): nothing to answer


def main() -> None:
    """`python -m factcheck.llm.fake_server PORT`: serve canned-empty replies (for manual checks)."""
    import sys

    server = FakeOpenAIServer()
    server.responder = lambda request: {"json": {"summary": [], "contradictions": []}}
    server.start()
    print(server.base_url, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.stop()
    sys.exit(0)


if __name__ == "__main__":
    main()
