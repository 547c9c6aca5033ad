"""Serving Slack's HTTP requests at POST /slack/events with a production WSGI server.

A guard stands in front of Bolt. It answers, before any listener can run:
- 413 to a body over 1 MB, without reading it whole;
- 401 to a request that fails Slack's signature check for any reason (missing, malformed or
  non-ASCII headers, a bad signature, a timestamp more than five minutes off either way),
  with one short log line and nothing else: no Web API call, no response_url POST, no
  database write (Bolt's own check raises on malformed headers, and its error handler
  would then answer the unverified body);
- 400 to a signed request that lacks what its type needs (a user, a team, the payload's
  fields), or whose payload is not the JSON object Slack sends.
Slack's `url_verification` and `ssl_check`, which carry no user, keep working.

Bolt's own `app.start()` is a single-threaded development server; waitress is a small,
well-kept, pure-Python WSGI server with a thread pool.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import logging
import re
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any
from urllib.parse import parse_qsl

from slack_bolt import App, BoltContext
from slack_bolt.request import BoltRequest
from slack_bolt.request.internals import build_context
from slack_bolt.response import BoltResponse
from waitress import wasyncore
from waitress.server import create_server

EVENTS_PATH = "/slack/events"
MAX_BODY = 1024 * 1024
MAX_SKEW_SECONDS = 300
_TIMESTAMP = re.compile(r"^[0-9]{1,12}$")
_SIGNATURE = re.compile(r"^v0=[0-9a-f]{64}$")

log = logging.getLogger("cobro.http")
StartResponse = Callable[..., Any]


class Rejected(Exception):
    """A request answered by the guard itself: the status, and a reason for the log."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def verify_signature(secret: str | None, headers: dict[str, str], body: bytes, now: float) -> None:
    """Slack's request signing (v0, HMAC-SHA256 of `v0:{timestamp}:{body}`), checked
    without ever raising on what an attacker sends: every failure is a Rejected(401)."""
    if secret is None:  # Socket Mode only: HTTP requests are not served
        raise Rejected(401, "no signing secret")
    timestamp = headers.get("x-slack-request-timestamp", "")
    signature = headers.get("x-slack-signature", "")
    if not _TIMESTAMP.match(timestamp) or not _SIGNATURE.match(signature):
        raise Rejected(401, "malformed signature headers")
    if abs(now - int(timestamp)) > MAX_SKEW_SECONDS:
        raise Rejected(401, "stale or future timestamp")
    base = b"v0:" + timestamp.encode() + b":" + body
    expected = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        raise Rejected(401, "bad signature")


def parse_body(raw: str, content_type: str) -> dict[str, Any]:
    """The request as Bolt will see it: a JSON event, a form (slash command), or a form
    with a `payload` (interactivity). Anything else is a Rejected(400)."""
    text = raw.strip()
    if content_type.startswith("application/json") or text.startswith("{"):
        try:
            data = json.loads(text)
        except ValueError:
            raise Rejected(400, "body is not JSON") from None
        if not isinstance(data, dict):
            raise Rejected(400, "body is not a JSON object")
        return data
    fields = dict(parse_qsl(raw, keep_blank_values=True))
    if "payload" in fields:
        try:
            payload = json.loads(fields["payload"])
        except ValueError:
            raise Rejected(400, "payload is not JSON") from None
        if not isinstance(payload, dict):
            raise Rejected(400, "payload is not a JSON object")
        return payload
    return fields


def _has(data: dict[str, Any], *path: str) -> bool:
    value: Any = data
    for key in path:
        if not isinstance(value, dict):
            return False
        value = value.get(key)
    return isinstance(value, str) and bool(value.strip())


def check_shape(data: dict[str, Any]) -> None:
    """What each kind of request must carry before a listener may look at it."""
    kind = data.get("type")
    if kind == "url_verification" or data.get("ssl_check"):
        return
    needed: list[tuple[str, ...]]
    if "command" in data:
        needed = [("user_id",), ("team_id",), ("command",)]
    elif kind == "event_callback":
        event = data.get("event")
        if not isinstance(event, dict) or not isinstance(event.get("type"), str):
            raise Rejected(400, "event without a type")
        needed = [("team_id",)]
        if event.get("type") == "app_home_opened":
            needed.append(("event", "user"))
    elif kind in ("block_actions", "view_submission", "view_closed", "shortcut", "message_action"):
        needed = [("user", "id"), ("team", "id")]
        if kind == "block_actions" and not (
            isinstance(data.get("actions"), list)
            and data["actions"]
            and all(isinstance(a, dict) for a in data["actions"])
        ):
            raise Rejected(400, "block_actions without actions")
        if kind in ("view_submission", "view_closed"):
            view = data.get("view")
            if not isinstance(view, dict) or not _has(view, "id") or not _has(view, "callback_id"):
                raise Rejected(400, "view without an id or a callback")
        if kind in ("shortcut", "message_action"):
            needed.append(("callback_id",))
    else:
        raise Rejected(400, "unknown kind of request")
    for path in needed:
        if not _has(data, *path):
            raise Rejected(400, f"missing {'.'.join(path)}")


class GuardedHandler:
    """The WSGI application: the guard (see the module docstring), then Bolt."""

    def __init__(
        self,
        app: App,
        *,
        signing_secret: str | None,
        path: str = EVENTS_PATH,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.app = app
        self.path = path
        self._secret = signing_secret
        self._clock = clock

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        path = environ.get("PATH_INFO", "")
        if method == "GET" and path == "/health":
            return _answer(start_response, 200, b"ok", "text/plain")
        if method != "POST" or path != self.path:
            return _answer(start_response, 404, b"Not Found", "text/plain")
        headers = _headers(environ)
        try:
            raw = _read(environ)
            verify_signature(self._secret, headers, raw, self._clock())
            body = raw.decode("utf-8")
            data = parse_body(body, headers.get("content-type", ""))
            check_shape(data)
        except Rejected as rejected:
            log.warning(
                "refused request: %s (status %d, %d bytes)",
                rejected.reason,
                rejected.status,
                int(environ.get("CONTENT_LENGTH") or 0),
            )
            return _answer(start_response, rejected.status, b"", "text/plain")
        except UnicodeDecodeError:
            log.warning("refused request: body is not UTF-8 (status 400)")
            return _answer(start_response, 400, b"", "text/plain")
        if data.get("ssl_check"):
            return _answer(start_response, 200, b"", "text/plain")
        response = self.app.dispatch(_bolt_request(body, data, environ, headers))
        return _respond(start_response, response)


def _headers(environ: dict[str, Any]) -> dict[str, str]:
    headers = {}
    for key, value in environ.items():
        if key in ("CONTENT_LENGTH", "CONTENT_TYPE"):
            headers[key.lower().replace("_", "-")] = str(value)
        elif key.startswith("HTTP_"):
            headers[key[5:].lower().replace("_", "-")] = str(value)
    return headers


def _read(environ: dict[str, Any]) -> bytes:
    """The body, refused with 413 past MAX_BODY before it is read whole."""
    try:
        declared = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise Rejected(400, "bad content length") from None
    if declared > MAX_BODY:
        raise Rejected(413, "body over 1 MB")
    stream = environ.get("wsgi.input")
    if stream is None or declared <= 0:
        return b""
    data: bytes = stream.read(declared)
    return data


def _bolt_request(
    body: str, data: dict[str, Any], environ: dict[str, Any], headers: dict[str, str]
) -> BoltRequest:
    """Bolt's request, with the body the guard has parsed already: Bolt would parse it
    again (a modal submission carries its whole view, tens of kilobytes, URL-encoded), and
    it reads any form body containing the text "payload" as interactivity, so `/cobro
    cliente payload corp` would get a 404. The raw text stays for Bolt's own signature
    check."""
    bolt_headers: dict[str, str | Sequence[str]] = dict(headers)
    request = BoltRequest(body="", query=environ.get("QUERY_STRING", ""), headers=bolt_headers)
    request.raw_body = body
    request.body = data
    request.context = build_context(BoltContext({}), data)
    return request


def _answer(start: StartResponse, status: int, body: bytes, kind: str) -> list[bytes]:
    start(f"{status} {_REASONS.get(status, '')}".strip(), [("Content-Type", kind)])
    return [body]


def _respond(start: StartResponse, response: BoltResponse) -> list[bytes]:
    headers = [(name, value) for name, values in response.headers.items() for value in values]
    start(f"{response.status} {_REASONS.get(response.status, '')}".strip(), headers)
    body = response.body
    return [body.encode() if isinstance(body, str) else bytes(body or b"")]


_REASONS = {
    200: "OK",
    400: "Bad Request",
    401: "Unauthorized",
    404: "Not Found",
    413: "Payload Too Large",
    500: "Internal Server Error",
}


class HttpServer:
    """A waitress server around the guarded Bolt app; `port=0` picks a free port (tests).

    The event loop is ours rather than waitress's `run()`: it polls in short slices and
    checks a stop flag, so `close()` never touches the loop's sockets from another thread
    (which breaks a poll in progress); the loop closes them itself on its way out."""

    _POLL_SECONDS = 0.2
    # Each request holds a thread only until its ack (answers run on the fair pool), so a
    # thread mostly waits; 8 (waitress's default) queued a burst of 200 behind the acks in
    # progress, 32 let each be read and verified as it comes.
    THREADS = 32

    def __init__(
        self,
        app: App,
        *,
        signing_secret: str | None,
        host: str = "0.0.0.0",
        port: int = 3000,
        threads: int = THREADS,
    ) -> None:
        handler = GuardedHandler(app, signing_secret=signing_secret)
        self._server: Any = create_server(
            handler,
            host=host,
            port=port,
            threads=threads,
            max_request_body_size=MAX_BODY,
            ident="cobro",
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
        # Wake the loop now, not at its next poll; a loop that saw the stop first has
        # already closed its channels, the trigger too.
        with contextlib.suppress(OSError):
            self._server.trigger.pull_trigger()
        if self._thread is not None:
            self._thread.join(timeout=10)
