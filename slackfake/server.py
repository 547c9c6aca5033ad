"""A fake Slack Web API on loopback: answers like Slack, records every call, fails on demand.

Point the bot's client at `fake.api_url` (SLACK_API_URL). Methods come as JSON or form
bodies (slack_sdk sends both), so the body is sniffed, not trusted by its content type.
Tokens are checked as Slack checks them: `apps.connections.open` (Socket Mode, see
slackfake.socket) takes only an app-level `xapp-` token, every other method refuses one.

Every recorded call also goes through the checks in `CALL_CHECKS` (the e2e suite puts Slack's
published OpenAPI description there, see `watching`), and what they find joins `problems`.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlparse

from slackfake.blockkit import check_payload
from slackfake.socket import SocketModeServer
from slackfake.webapi import VIEW_METHODS, dm_of, reply_to, token_refused

_MESSAGE_METHODS = {"chat.postMessage", "chat.postEphemeral", "chat.update", "chat.scheduleMessage"}


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.time)
    response: dict[str, Any] = field(default_factory=dict)
    token: str | None = None  # from the Authorization header, or a `token` argument
    encoding: str = "none"  # how the arguments came: "json", "form" or "none" (query only)

    def text(self) -> str:
        """Everything readable in the call: fallback text, blocks and views, as one string."""
        return json.dumps(self.params, ensure_ascii=False)


# A check of one recorded Web API call: the problems it finds, as sentences.
CallCheck = Callable[[Call], list[str]]
CALL_CHECKS: list[CallCheck] = []
_WATCHERS: list[list[FakeSlack]] = []


@contextlib.contextmanager
def watching(*checks: CallCheck) -> Iterator[list[FakeSlack]]:
    """While inside, every FakeSlack created runs `checks` on each call, and is added to the
    list yielded, so a test harness can fail on what any of them found."""
    created: list[FakeSlack] = []
    CALL_CHECKS.extend(checks)
    _WATCHERS.append(created)
    try:
        yield created
    finally:
        _WATCHERS.remove(created)
        for check in checks:
            CALL_CHECKS.remove(check)


@dataclass
class _Failure:
    status: int
    error: str | None
    retry_after: int
    remaining: int
    until: float | None


class FakeSlack:
    """Start with `FakeSlack().start()`; stop with `.stop()`; or use it as a context manager."""

    def __init__(self, *, team_id: str = "T0COBRO", bot_user_id: str = "U0BOT") -> None:
        self.team_id = team_id
        self.bot_user_id = bot_user_id
        self.users: dict[str, dict[str, Any]] = {}
        self.calls: list[Call] = []
        self.problems: list[str] = []
        self.uploads: dict[str, bytes] = {}
        self.private_channels: set[str] = set()
        self.files: dict[str, dict[str, Any]] = {}
        # What a channel holds: every posted message, as conversations.history returns it.
        self.history: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self._delays: dict[str, float] = {}
        self._views_taken: dict[str, int] = {}
        self._failures: dict[str, deque[_Failure]] = defaultdict(deque)
        self._lock = threading.Condition()
        self._counter = itertools.count(1)
        self._server: ThreadingHTTPServer | None = None
        self._socket: SocketModeServer | None = None
        self.checks: list[CallCheck] = list(CALL_CHECKS)
        for created in _WATCHERS:
            created.append(self)

    # ------------------------------------------------------------ lifecycle

    def start(self) -> FakeSlack:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                fake._handle(self)

            def log_message(self, *_: Any) -> None:
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        # A short poll: `shutdown()` waits for the loop to notice, and every test stops one.
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        ).start()
        return self

    def stop(self) -> None:
        if self._socket is not None:
            self._socket.stop()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    @property
    def socket_failures(self) -> list[str]:
        """How the app broke Socket Mode's protocol (late acks…), if it ever connected."""
        return list(self._socket.failures) if self._socket is not None else []

    @property
    def socket(self) -> SocketModeServer:
        """Slack's Socket Mode side, started the first time it is needed."""
        with self._lock:
            if self._socket is None:
                self._socket = SocketModeServer(problems=self.problems).start()
            return self._socket

    def __enter__(self) -> FakeSlack:
        return self.start()

    def __exit__(self, *_: Any) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        assert self._server is not None, "start() the fake first"
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def api_url(self) -> str:
        return self.base_url + "/api/"

    def response_url(self, name: str = "r") -> str:
        return f"{self.base_url}/response/{name}-{next(self._counter)}"

    # ------------------------------------------------------------ scripting

    def add_user(
        self,
        user_id: str,
        name: str,
        *,
        email: str | None = None,
        tz: str = "America/Mexico_City",
        locale: str = "es-LA",
    ) -> None:
        self.users[user_id] = {
            "id": user_id,
            "name": name.lower().replace(" ", "."),
            "real_name": name,
            "tz": tz,
            "locale": locale,
            "profile": {"real_name": name, "email": email},
        }

    def fail(
        self,
        method: str,
        *,
        status: int = 200,
        error: str | None = None,
        times: int = 1,
        retry_after: int = 1,
        seconds: float | None = None,
    ) -> None:
        """Make `method` answer badly: HTTP `status` (429 with Retry-After, 500…) or
        `ok: false` with `error`, for `times` calls or for `seconds` of wall time."""
        until = time.time() + seconds if seconds is not None else None
        with self._lock:
            self._failures[method].append(
                _Failure(status, error, retry_after, times if until is None else 10**9, until)
            )

    def delay(self, method: str, seconds: float) -> None:
        """Take `seconds` to answer `method`, after recording the call: a slow Slack, or a
        window in which to kill the bot after Slack got the message but before it knows."""
        with self._lock:
            self._delays[method] = seconds

    def posted_to(self, channel: str) -> list[dict[str, Any]]:
        """The messages a channel holds (a user id: our DM with them)."""
        with self._lock:
            return list(self.history.get(dm_of(channel), []))

    # ------------------------------------------------------------ reading

    def calls_to(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        """Wait until `method` was called `count` times (listeners post after their ack)."""
        deadline = time.time() + timeout
        with self._lock:
            while True:
                found = [c for c in self.calls if c.method == method]
                if len(found) >= count:
                    return found
                remaining = deadline - time.time()
                if remaining <= 0:
                    raise AssertionError(
                        f"expected {count} call(s) to {method}, got {len(found)}; "
                        f"calls: {[c.method for c in self.calls]}"
                    )
                self._lock.wait(remaining)

    def wait_for_url(self, url: str, timeout: float = 5.0) -> Call:
        """The first answer posted to one response_url (each request has its own)."""
        deadline = time.time() + timeout
        with self._lock:
            while True:
                for call in self.calls:
                    if call.method == "response_url" and call.params.get("_url") == url:
                        return call
                remaining = deadline - time.time()
                if remaining <= 0:
                    raise AssertionError(f"nothing was posted to {url}")
                self._lock.wait(remaining)

    def wait_quiet(self, seconds: float = 0.3, timeout: float = 30.0) -> None:
        """Wait until no call has arrived for `seconds`: the bot finished what it was doing."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            with self._lock:
                last = self.calls[-1].at if self.calls else 0.0
            if time.time() - last >= seconds:
                return
            time.sleep(seconds / 3)

    def last_view(self, method: str = "views.open", timeout: float = 5.0) -> dict[str, Any]:
        """The view the bot opened (or updated) since the last time this was asked, with
        the id Slack gave it: waits for it, since the bot opens views after its ack."""
        with self._lock:
            already = self._views_taken.get(method, 0)
        calls = self.wait_for(method, already + 1, timeout=timeout)
        with self._lock:
            self._views_taken[method] = len(calls)
        call = calls[-1]
        view = call.params.get("view")
        view = json.loads(view) if isinstance(view, str) else dict(view or {})
        return {**view, "id": call.params.get("view_id") or call.response["view"]["id"]}

    def messages_to(self, channel: str) -> list[Call]:
        return [
            c
            for c in self.calls_to("chat.postMessage")
            if c.params.get("channel") in (channel, dm_of(channel))
        ]

    def recover(self, method: str) -> None:
        """Slack is back: `method` answers normally again."""
        with self._lock:
            self._failures.pop(method, None)

    def reset(self) -> None:
        with self._lock:
            self.calls.clear()
            self.problems.clear()
            self._failures.clear()
            self._views_taken.clear()

    # ------------------------------------------------------------ serving

    def _handle(self, request: BaseHTTPRequestHandler) -> None:
        parsed = urlparse(request.path)
        length = int(request.headers.get("Content-Length") or 0)
        raw = request.rfile.read(length) if length else b""
        if parsed.path.startswith("/upload/"):
            file_id = parsed.path.rsplit("/", 1)[-1]
            with self._lock:
                self.uploads[file_id] = raw
            self._send(request, 200, {"ok": True}, raw_text="OK - " + str(len(raw)))
            return
        params, encoding = _parse_body(raw)
        params.update(dict(parse_qsl(parsed.query)))
        if parsed.path.startswith("/response/"):
            method = "response_url"
            params["_url"] = self.base_url + parsed.path
        else:
            method = parsed.path.removeprefix("/api/")
        auth = request.headers.get("Authorization") or ""
        token = auth.removeprefix("Bearer ").strip() or params.get("token")
        call = Call(method, params, token=token, encoding=encoding)
        self._check(call)
        failure = self._take_failure(method)
        refused = token_refused(method, token)
        if refused:
            answer = {"ok": False, "error": refused}
        else:
            answer = reply_to(self, method, params) if failure is None else {}
        call.response = answer
        with self._lock:
            self.calls.append(call)
            self._lock.notify_all()
            pause = self._delays.get(method, 0.0)
        if pause:
            time.sleep(pause)
        if failure is not None and not refused:
            if failure.status != 200:
                headers = {"Retry-After": str(failure.retry_after)} if failure.status == 429 else {}
                self._send(
                    request, failure.status, {"ok": False, "error": "ratelimited"}, headers=headers
                )
            else:
                self._send(request, 200, {"ok": False, "error": failure.error or "fatal_error"})
            return
        self._send(request, 200, answer)

    def _take_failure(self, method: str) -> _Failure | None:
        with self._lock:
            queue = self._failures.get(method)
            while queue:
                failure = queue[0]
                if failure.until is not None and time.time() > failure.until:
                    queue.popleft()
                    continue
                failure.remaining -= 1
                if failure.remaining <= 0:
                    queue.popleft()
                return failure
        return None

    def _check(self, call: Call) -> None:
        method, params = call.method, call.params
        problems: list[str] = []
        if method != "response_url":
            for check in self.checks:
                problems.extend(check(call))
        if method in _MESSAGE_METHODS or method == "response_url":
            problems += check_payload("message", params)
        elif method in VIEW_METHODS:
            view = params.get("view")
            problems += check_payload(
                "view", json.loads(view) if isinstance(view, str) else view or {}
            )
        if problems:
            with self._lock:
                self.problems.extend(f"{method}: {p}" for p in problems)

    @staticmethod
    def _send(
        request: BaseHTTPRequestHandler,
        status: int,
        body: dict[str, Any],
        *,
        headers: dict[str, str] | None = None,
        raw_text: str | None = None,
    ) -> None:
        data = (raw_text if raw_text is not None else json.dumps(body)).encode()
        request.send_response(status)
        request.send_header("Content-Type", "application/json; charset=utf-8")
        request.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            request.send_header(key, value)
        request.end_headers()
        request.wfile.write(data)


def _parse_body(raw: bytes) -> tuple[dict[str, Any], str]:
    """The arguments, and how they came ("json", "form" or "none")."""
    text = raw.decode("utf-8", errors="replace").strip()
    if not text:
        return {}, "none"
    if text.startswith("{"):
        try:
            return dict(json.loads(text)), "json"
        except ValueError:
            return {"_raw": text}, "json"
    params: dict[str, Any] = dict(parse_qsl(text, keep_blank_values=True))
    for key in ("blocks", "view", "files", "attachments"):
        if isinstance(params.get(key), str) and params[key][:1] in "[{":
            with contextlib.suppress(ValueError):
                params[key] = json.loads(params[key])
    return params, "form"
