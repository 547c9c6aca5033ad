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
from waitress import wasyncore
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
        return super().__call__(environ, start_response)


class HttpServer:
    """A waitress server around the Bolt app; `port=0` picks a free port (tests).

    The event loop is ours rather than waitress's `run()`: it polls in short slices and
    checks a stop flag, so `close()` never touches the loop's sockets from another thread
    (which breaks a poll in progress); the loop closes them itself on its way out."""

    _POLL_SECONDS = 0.2

    def __init__(self, app: App, *, host: str = "0.0.0.0", port: int = 3000, threads: int = 8):
        self._server: Any = create_server(
            CobroRequestHandler(app, path=EVENTS_PATH), host=host, port=port, threads=threads
        )
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._server.effective_port)

    def serve_forever(self) -> None:
        server = self._server
        try:
            while not self._stop.is_set() and server._map:
                wasyncore.loop(timeout=self._POLL_SECONDS, map=server._map, count=1)
        finally:
            server.task_dispatcher.shutdown(timeout=5)
            for channel in list(server._map.values()):
                channel.close()

    def start_background(self) -> HttpServer:
        self._thread = threading.Thread(target=self.serve_forever, name="cobro-http", daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        """Stop accepting, let requests in flight finish, release the port."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
