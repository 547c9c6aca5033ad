"""Serving Slack's HTTP requests at POST /slack/events with a production WSGI server.

Bolt's own `app.start()` is a single-threaded development server; waitress is a small,
well-kept, pure-Python WSGI server with a thread pool, so a slow listener never blocks
another request's ack.
"""

from __future__ import annotations

import threading
from typing import Any
from urllib.parse import parse_qsl

from slack_bolt import App, BoltContext
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.adapter.wsgi.http_request import WsgiHttpRequest
from slack_bolt.request import BoltRequest
from slack_bolt.request.internals import build_context
from slack_bolt.response import BoltResponse
from waitress.server import create_server

EVENTS_PATH = "/slack/events"


class CobroRequestHandler(SlackRequestHandler):
    """Bolt's WSGI adapter, plus a fix: Bolt reads any form body containing the text
    "payload" as interactivity, so `/cobro cliente payload corp` would get a 404. A slash
    command body has no `payload` field; we parse it as the form it is."""

    def dispatch(self, request: WsgiHttpRequest) -> BoltResponse:
        raw = request.get_body()
        bolt_request = BoltRequest(
            body=raw, query=request.query_string, headers=request.get_headers()
        )
        if bolt_request.body == {} and "payload" in raw and not raw.lstrip().startswith("{"):
            fields = dict(parse_qsl(raw, keep_blank_values=True))
            if "payload" not in fields and "command" in fields:
                bolt_request.body = fields
                bolt_request.context = build_context(BoltContext({}), fields)
        return self.app.dispatch(bolt_request)

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        if environ.get("PATH_INFO") == "/health":
            start_response("200 OK", [("Content-Type", "text/plain")])
            return [b"ok"]
        return super().__call__(environ, start_response)  # type: ignore[arg-type]


class HttpServer:
    """A waitress server around the Bolt app; `port=0` picks a free port (tests)."""

    def __init__(self, app: App, *, host: str = "0.0.0.0", port: int = 3000, threads: int = 8):
        self._server = create_server(
            CobroRequestHandler(app, path=EVENTS_PATH),
            host=host,
            port=port,
            threads=threads,
            asyncore_loop_timeout=0.2,
        )
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._server.effective_port)  # type: ignore[union-attr]

    def serve_forever(self) -> None:
        self._server.run()

    def start_background(self) -> HttpServer:
        self._thread = threading.Thread(target=self._server.run, name="cobro-http", daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        """Let requests in flight finish, then stop the loop from inside its own thread
        (closing sockets from another thread while it polls them breaks the poll)."""
        server: Any = self._server
        server.task_dispatcher.shutdown(timeout=5)

        def stop_in_loop() -> None:
            for channel in list(server._map.values()):
                if channel is not server and channel is not server.trigger:
                    channel.close()
            server.close()

        if self._thread is None:
            server.close()
            return
        server.trigger.pull_trigger(stop_in_loop)
        if self._thread is not None:
            self._thread.join(timeout=5)
