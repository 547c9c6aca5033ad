"""Socket Mode: the bot holds a WebSocket to Slack and answers each envelope on it.

The protocol is small (apps.connections.open, `hello`, envelopes acked within 3 s, a
`disconnect` asking for a new connection) and is spoken here on the `websockets` library,
with Bolt dispatching every envelope as it dispatches an HTTP request. Neither of the
Socket Mode clients Bolt ships held up against Slack's protocol on loopback
(slackfake.socket): the built-in one keeps reading the old socket for up to 3 s after a
`refresh_requested`, so the first command after every refresh was acked past Slack's limit,
and it took about fifty seconds to notice a dropped socket; the websocket-client one
reconnected several times over after one `disconnect` and could end with none open.

What this runner does instead:
- on `disconnect`, it opens the new connection first and only then closes the old one;
- a dropped socket (or one that stops answering pings) is replaced at once, with backoff
  while Slack cannot be reached;
- an ack goes back on the connection its envelope came on, or the current one;
- Slack delivers an envelope again (`retry_attempt`) when its ack did not arrive within
  3 s, for instance because it was written to a dying socket: an envelope already handled
  is acked again with the same answer and not handled twice;
- `close()` says goodbye with a close frame, then lets handlers in flight finish.
"""

from __future__ import annotations

import json
import logging
import signal
import threading
from collections import OrderedDict, deque
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from types import FrameType
from typing import Any

from slack_bolt import App
from slack_bolt.request import BoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from websockets.exceptions import ConnectionClosed, InvalidHandshake
from websockets.sync.client import ClientConnection, connect

log = logging.getLogger(__name__)

_REMEMBERED = 2000  # envelopes whose answer is kept for a redelivery (minutes of traffic)
_IN_PROGRESS = object()
_REFUSED = {"invalid_auth", "not_authed", "not_allowed_token_type", "account_inactive"}


class SocketModeRefused(Exception):
    """Slack refused the app-level token: reconnecting would not help."""

    def __init__(self, error: str) -> None:
        super().__init__(error)
        self.error = error


class SocketModeRunner:
    """`start()` connects (raising SocketModeRefused for a bad token) and returns;
    `serve_forever()` then blocks until SIGTERM or Ctrl-C; `close()` disconnects."""

    def __init__(
        self, app: App, app_token: str, *, ping_interval: float = 10, workers: int = 10
    ) -> None:
        self.app = app
        self.app_token = app_token
        self.ping_interval = ping_interval
        # envelope ids delivered again and acked without being handled again
        self.redelivered: deque[str] = deque(maxlen=_REMEMBERED)
        self._answers: OrderedDict[str, object] = OrderedDict()
        self._lock = threading.Lock()
        self._current: ClientConnection | None = None
        self._renew = threading.Event()  # the current connection ended, or Slack asked
        self._stop = threading.Event()
        self._workers = ThreadPoolExecutor(workers, thread_name_prefix="cobro-envelope")
        self._supervisor: threading.Thread | None = None

    # ------------------------------------------------------------ lifecycle

    def start(self) -> SocketModeRunner:
        first = self._open()
        self._supervisor = threading.Thread(
            target=self._supervise, args=(first,), name="cobro-socket", daemon=True
        )
        self._supervisor.start()
        return self

    def serve_forever(self) -> None:
        """After `start()`: serve until SIGTERM (a service manager stopping it) or Ctrl-C,
        then close."""

        def on_sigterm(signum: int, frame: FrameType | None) -> None:
            self._stop.set()

        signal.signal(signal.SIGTERM, on_sigterm)
        try:
            self._stop.wait()
        except KeyboardInterrupt:
            pass
        finally:
            self.close()

    def close(self) -> None:
        self._stop.set()
        self._renew.set()
        if self._supervisor is not None:
            self._supervisor.join(timeout=10)
        connection = self._current
        if connection is not None:
            connection.close()  # a close frame: Slack delivers the unacked elsewhere
        self._workers.shutdown(wait=True, cancel_futures=True)

    # ------------------------------------------------------------ connections

    def _supervise(self, connection: ClientConnection) -> None:
        """Keep one connection open: read it until it ends or Slack asks for another,
        open the next one, then let the old one go."""
        while True:
            previous, self._current = self._current, connection
            self._renew.clear()
            if not self._stop.is_set():
                threading.Thread(
                    target=self._read, args=(connection,), name="cobro-socket-read", daemon=True
                ).start()
            if previous is not None:
                previous.close()  # after the new one is read: its envelopes wait for nothing
            if self._stop.is_set():
                return  # close() closes the current one
            self._renew.wait()
            if self._stop.is_set():
                return
            replacement = self._reopen()
            if replacement is None:
                return
            connection = replacement

    def _open(self) -> ClientConnection:
        try:
            url = self.app.client.apps_connections_open(app_token=self.app_token)["url"]
        except SlackApiError as exc:
            error = str(exc.response.get("error", "?"))
            if error in _REFUSED:
                raise SocketModeRefused(error) from exc
            raise
        return connect(
            url,
            legacy=True,  # a connection that outlives this call, closed by the supervisor
            compression=None,
            open_timeout=10,
            ping_interval=self.ping_interval,
            ping_timeout=self.ping_interval,
            close_timeout=2,
        )

    def _reopen(self) -> ClientConnection | None:
        """A new connection, waiting (1 s, 2 s… up to 30 s) while Slack cannot be reached."""
        delay = 1.0
        while not self._stop.is_set():
            try:
                return self._open()
            except (SlackApiError, SocketModeRefused, OSError, InvalidHandshake) as exc:
                log.warning("Socket Mode: no connection (%s); trying again in %g s", exc, delay)
            self._stop.wait(delay)
            delay = min(delay * 2, 30.0)
        return None

    def _read(self, connection: ClientConnection) -> None:
        try:
            for frame in connection:
                message = _parse(frame)
                if message.get("type") == "disconnect":
                    log.info("Socket Mode: Slack asks to reconnect (%s)", message.get("reason"))
                    if connection is self._current:
                        self._renew.set()
                elif message.get("envelope_id"):
                    self._workers.submit(self._handle, connection, message)
        except ConnectionClosed:
            pass
        except RuntimeError:  # the pool is shut down: we are closing
            return
        if connection is self._current and not self._stop.is_set():
            log.info("Socket Mode: the connection ended; opening another")
            self._renew.set()

    # ------------------------------------------------------------ envelopes

    def _handle(self, connection: ClientConnection, message: dict[str, Any]) -> None:
        envelope_id = str(message["envelope_id"])
        with self._lock:
            again = envelope_id in self._answers
            known = self._answers.get(envelope_id)
            if again:
                self.redelivered.append(envelope_id)
            else:
                self._answers[envelope_id] = _IN_PROGRESS
                while len(self._answers) > _REMEMBERED:
                    self._answers.popitem(last=False)
        if again:
            log.info("envelope %s delivered again (%s)", envelope_id, message.get("retry_reason"))
            if isinstance(known, str):
                self._send(connection, known, envelope_id)
            return  # still being handled: that handling acks it
        ack = _ack_of(envelope_id, self.app.dispatch(_bolt_request(message)))
        with self._lock:
            self._answers[envelope_id] = ack
        if ack is not None:
            self._send(connection, ack, envelope_id)

    def _send(self, connection: ClientConnection, frame: str, envelope_id: str) -> None:
        for target in (connection, self._current):
            if target is None:
                continue
            try:
                target.send(frame)
                return
            except ConnectionClosed:
                continue
        log.warning("ack of %s lost with its connection; Slack will deliver it again", envelope_id)


def _parse(frame: str | bytes) -> dict[str, Any]:
    try:
        message = json.loads(frame)
    except ValueError:
        log.warning("Socket Mode: a frame that is not JSON")
        return {}
    return message if isinstance(message, dict) else {}


def _bolt_request(message: dict[str, Any]) -> BoltRequest:
    """The envelope's payload as Bolt's request, with Slack's retry as the HTTP headers."""
    headers: dict[str, str | Sequence[str]] = {}
    if message.get("retry_attempt"):
        headers["x-slack-retry-num"] = str(message["retry_attempt"])
        headers["x-slack-retry-reason"] = str(message.get("retry_reason") or "")
    return BoltRequest(mode="socket_mode", body=message.get("payload") or {}, headers=headers)


def _ack_of(envelope_id: str, answer: BoltResponse) -> str | None:
    """The ack Bolt's own adapters send: the listener's answer as the payload; none for a
    failed request (Slack delivers it again)."""
    if answer.status != 200:
        log.info("no ack for a failed request (status %s)", answer.status)
        return None
    ack: dict[str, Any] = {"envelope_id": envelope_id}
    if answer.body:
        content_type = answer.headers.get("content-type", [""])[0]
        is_json = content_type.startswith("application/json")
        ack["payload"] = json.loads(answer.body) if is_json else {"text": answer.body}
    return json.dumps(ack)
