"""Slack's Socket Mode on loopback, as Slack documents it: the protocol, not the network.

`apps.connections.open` (on the fake Web API, with an app-level `xapp-` token) hands out a
one-use `ws://127.0.0.1:PORT/link/?ticket=…` URL. On each connection the server sends
`hello`, then envelopes (`slash_commands`, `interactive`, `events_api`), each with an
`envelope_id` and `accepts_response_payload`. The app acks with `{"envelope_id", "payload"?}`
within 3 s; an envelope not acked in time is a failure the server records, and it is
delivered again with `retry_attempt` and `retry_reason`, as Slack does. The server can ask
for a reconnection (`disconnect` with `refresh_requested` or `link_disabled`) and drop a
socket without a close frame, so reconnection is tested for real.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlparse

from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response
from websockets.sync.server import Server, ServerConnection, serve

from slackfake.blockkit import check_ack

ACK_SECONDS = 3.0  # Slack's limit for acknowledging an envelope
MAX_RETRIES = 3  # Slack delivers an unacknowledged envelope up to three more times
_TICK_SECONDS = 0.05


@dataclass
class Delivery:
    """One sending of an envelope: `attempt` 0 first, then the `retry_attempt` it carried."""

    attempt: int
    link: int
    at: float
    lost: bool = False
    expired: bool = False  # 3 s passed without an ack


@dataclass
class Ack:
    envelope_id: str
    payload: dict[str, Any] | None
    link: int
    seconds: float  # since the delivery it answers
    in_time: bool


@dataclass
class Envelope:
    envelope_id: str
    type: str
    payload: dict[str, Any]
    accepts_response_payload: bool
    deliveries: list[Delivery] = field(default_factory=list)
    acks: list[Ack] = field(default_factory=list)
    failed: bool = False  # no ack after the last retry

    @property
    def settled(self) -> bool:
        return any(ack.in_time for ack in self.acks)

    def frame(self, attempt: int) -> str:
        body: dict[str, Any] = {
            "envelope_id": self.envelope_id,
            "type": self.type,
            "payload": self.payload,
            "accepts_response_payload": self.accepts_response_payload,
        }
        if self.type == "events_api" or attempt:
            body["retry_attempt"] = attempt
            body["retry_reason"] = "timeout" if attempt else ""
        return json.dumps(body)


@dataclass
class Link:
    """One WebSocket connection of the app."""

    id: int
    connection: ServerConnection
    draining: bool = False  # told to reconnect: no new envelopes go there
    closed: bool = False
    close_code: int | None = None


class SocketModeServer:
    """Start with `.start()`; the fake Web API starts one for `apps.connections.open`."""

    def __init__(
        self,
        *,
        app_id: str = "A0COBRO",
        problems: list[str] | None = None,
        ack_seconds: float = ACK_SECONDS,
    ) -> None:
        self.app_id = app_id
        self.ack_seconds = ack_seconds
        self.envelopes: dict[str, Envelope] = {}
        self.links: list[Link] = []
        self.failures: list[str] = []  # Slack's protocol broken: late acks, unknown ids
        self.problems = problems if problems is not None else []  # Block Kit in acks
        self.lose_acks = False  # the acks the app sends never arrive (a dying network)
        self.lost_acks: list[str] = []
        self._tickets: set[str] = set()
        self._ids = itertools.count(1)
        self._lock = threading.Condition()
        self._server: Server | None = None
        self._stopping = threading.Event()

    # ------------------------------------------------------------ lifecycle

    def start(self) -> SocketModeServer:
        self._server = serve(
            self._serve_link,
            "127.0.0.1",
            0,
            process_request=self._check_ticket,
            compression=None,
            ping_interval=None,
        )
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        threading.Thread(target=self._watch_acks, daemon=True).start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server = None

    @property
    def port(self) -> int:
        assert self._server is not None, "start() the Socket Mode server first"
        return int(self._server.socket.getsockname()[1])

    def open_url(self) -> str:
        """A new one-use URL, as `apps.connections.open` returns."""
        ticket = uuid.uuid4().hex
        with self._lock:
            self._tickets.add(ticket)
        return f"ws://127.0.0.1:{self.port}/link/?ticket={ticket}&app_id={self.app_id}"

    # ------------------------------------------------------------ Slack's side

    def deliver(
        self,
        type: str,
        payload: dict[str, Any],
        *,
        accepts_response_payload: bool,
        retry_attempt: int = 0,
        lost: bool = False,
        timeout: float = 10.0,
    ) -> Envelope:
        """Send an envelope on an open connection (waiting up to `timeout` for one, as a
        user waits for the app to be online). `retry_attempt`: as if earlier deliveries
        had gone unanswered. `lost`: the frame never reaches the app, as when a socket dies
        under it; Slack delivers it again after its 3 s."""
        envelope = Envelope(
            f"{uuid.uuid4()}", type, payload, accepts_response_payload=accepts_response_payload
        )
        with self._lock:
            self.envelopes[envelope.envelope_id] = envelope
            link = self._wait_link(timeout)
            self._send(envelope, link, attempt=retry_attempt, lost=lost)
        return envelope

    def wait_ack(self, envelope: Envelope, timeout: float = 10.0) -> Ack:
        """The ack that settled `envelope` (an ack within 3 s of a delivery)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                for ack in envelope.acks:
                    if ack.in_time:
                        return ack
                remaining = deadline - time.monotonic()
                if remaining <= 0 or envelope.failed:
                    raise AssertionError(
                        f"no ack in time for {envelope.type} {envelope.envelope_id}: "
                        f"{len(envelope.deliveries)} deliveries, acks {envelope.acks}"
                    )
                self._lock.wait(remaining)

    def disconnect(self, reason: str = "refresh_requested") -> None:
        """Ask the app to reconnect (`refresh_requested`, `link_disabled`, `warning`): Slack
        sends no new envelope on those links, and the app opens a new one."""
        frame = json.dumps(
            {"type": "disconnect", "reason": reason, "debug_info": {"host": "applink-fake"}}
        )
        for link in self.open_links():
            link.draining = True
            self._send_frame(link, frame)

    def drop(self) -> None:
        """Close every socket at once, without a WebSocket close frame."""
        for link in self.open_links():
            link.connection.close_socket()

    def open_links(self) -> list[Link]:
        with self._lock:
            return [link for link in self.links if not link.closed]

    def wait_links(self, total: int, timeout: float = 10.0) -> list[Link]:
        """Wait until `total` connections were opened since the start (reconnections count)
        and one of them is open and not draining; the open ones."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while not (len(self.links) >= total and self._live()):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"expected {total} Socket Mode connections, got {len(self.links)}"
                    )
                self._lock.wait(remaining)
            return [link for link in self.links if not link.closed]

    def wait_closed(self, link: Link, timeout: float = 10.0) -> Link:
        """Wait until the app closed `link` (or it dropped)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while not link.closed:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"Socket Mode connection {link.id} is still open")
                self._lock.wait(remaining)
        return link

    # ------------------------------------------------------------ serving

    def _check_ticket(self, connection: ServerConnection, request: Request) -> Response | None:
        url = urlparse(request.path)
        ticket = (parse_qs(url.query).get("ticket") or [""])[0]
        with self._lock:
            if url.path.rstrip("/") != "/link" or ticket not in self._tickets:
                return connection.respond(
                    401, "invalid or used ticket: call apps.connections.open\n"
                )
            self._tickets.discard(ticket)
        return None

    def _serve_link(self, connection: ServerConnection) -> None:
        with self._lock:
            link = Link(next(self._ids), connection)
            hello = {
                "type": "hello",
                "num_connections": len(self._live()) + 1,
                "debug_info": {
                    "host": "applink-fake",
                    "build_number": 1,
                    "approximate_connection_time": 18060,
                },
                "connection_info": {"app_id": self.app_id},
            }
            self._send_frame(link, json.dumps(hello))
            self.links.append(link)
            self._lock.notify_all()
        try:
            for frame in connection:
                self._receive(link, frame)
        except ConnectionClosed:
            pass
        finally:
            with self._lock:
                link.closed = True
                link.close_code = connection.close_code
                self._lock.notify_all()

    def _receive(self, link: Link, frame: str | bytes) -> None:
        try:
            message = json.loads(frame)
            envelope_id = message["envelope_id"]
        except (ValueError, KeyError, TypeError):
            with self._lock:
                self.failures.append(f"link {link.id}: a frame that is not an ack: {frame!r:.200}")
            return
        payload = message.get("payload")
        with self._lock:
            envelope = self.envelopes.get(envelope_id)
            if envelope is None:
                self.failures.append(f"ack for an envelope never sent: {envelope_id}")
                return
            if self.lose_acks:
                self.lost_acks.append(envelope_id)
                return
            last = envelope.deliveries[-1]
            seconds = time.monotonic() - last.at
            in_time = seconds <= self.ack_seconds and not envelope.settled
            envelope.acks.append(Ack(envelope_id, payload, link.id, seconds, in_time))
            if payload and not envelope.accepts_response_payload:
                self.failures.append(
                    f"{envelope.type} {envelope_id}: a payload in the ack of an envelope that "
                    "accepts none (Slack ignores it)"
                )
            if payload:
                self.problems.extend(f"socket ack: {p}" for p in check_ack(payload))
            self._lock.notify_all()

    def _watch_acks(self) -> None:
        """Slack's clock: an envelope not acked 3 s after its delivery is a failure, and is
        delivered again (on a live connection, as soon as there is one)."""
        while not self._stopping.wait(_TICK_SECONDS):
            with self._lock:
                now = time.monotonic()
                for envelope in self.envelopes.values():
                    if envelope.settled or envelope.failed or not envelope.deliveries:
                        continue
                    last = envelope.deliveries[-1]
                    if now - last.at <= self.ack_seconds:
                        continue
                    if not last.expired and not last.lost:
                        self.failures.append(
                            f"{envelope.type} {envelope.envelope_id}: no ack within "
                            f"{self.ack_seconds:g} s of delivery {last.attempt}"
                        )
                    last.expired = True
                    if last.attempt >= MAX_RETRIES:
                        envelope.failed = True
                        self._lock.notify_all()
                        continue
                    link = self._newest_live()
                    if link is not None:
                        self._send(envelope, link, attempt=last.attempt + 1)

    # ------------------------------------------------------------ helpers (lock held)

    def _live(self) -> list[Link]:
        return [link for link in self.links if not link.closed and not link.draining]

    def _newest_live(self) -> Link | None:
        live = self._live()
        return live[-1] if live else None

    def _wait_link(self, timeout: float) -> Link:
        deadline = time.monotonic() + timeout
        while (link := self._newest_live()) is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError("the app has no open Socket Mode connection")
            self._lock.wait(remaining)
        return link

    def _send(self, envelope: Envelope, link: Link, *, attempt: int, lost: bool = False) -> None:
        envelope.deliveries.append(Delivery(attempt, link.id, time.monotonic(), lost=lost))
        if not lost:
            self._send_frame(link, envelope.frame(attempt))

    def _send_frame(self, link: Link, frame: str) -> None:
        try:
            link.connection.send(frame)
        except ConnectionClosed:
            link.closed = True  # the delivery stays unacked and is sent again after 3 s
