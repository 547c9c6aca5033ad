"""Sending what users do to the bot exactly as Slack does, in either of Slack's two ways:
`SlackSender` posts signed requests to /slack/events (form-encoded commands, a `payload`
field for interactivity, JSON events); `SocketSender` delivers the same payloads as Socket
Mode envelopes and returns the ack. Stories written against one run against the other."""

from __future__ import annotations

import itertools
import json
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

from slackfake.blockkit import check_ack
from slackfake.server import FakeSlack


@dataclass
class Reply:
    status: int
    body: str
    elapsed: float

    @property
    def json(self) -> dict[str, Any]:
        return json.loads(self.body) if self.body.strip().startswith("{") else {}

    def text(self) -> str:
        """The reply as readable text (JSON with its accents unescaped)."""
        return json.dumps(self.json, ensure_ascii=False) if self.json else self.body


class Sender:
    """What a user does in Slack, as the payloads Slack sends; how they travel is the
    subclass's: `_send_command`, `_send_interactive`, `_send_event`."""

    def __init__(self, *, fake: FakeSlack | None = None, team_id: str = "T0COBRO") -> None:
        self.fake = fake
        self.team_id = team_id
        self._ids = itertools.count(1)

    def _send_command(self, fields: dict[str, str]) -> Reply:
        raise NotImplementedError

    def _send_interactive(self, payload: dict[str, Any]) -> Reply:
        raise NotImplementedError

    def _send_event(self, body: dict[str, Any], retry_num: int | None) -> Reply:
        raise NotImplementedError

    # ------------------------------------------------------------ shapes

    def command(
        self,
        user: str,
        text: str,
        *,
        channel: str = "C0GENERAL",
        command: str = "/cobro",
        response_url: str | None = None,
    ) -> Reply:
        fields = {
            "token": "legacy-unused",
            "team_id": self.team_id,
            "team_domain": "cobro",
            "channel_id": channel,
            "channel_name": "general",
            "user_id": user,
            "user_name": user.lower(),
            "command": command,
            "text": text,
            "api_app_id": "A0COBRO",
            "response_url": response_url or (self.fake.response_url("cmd") if self.fake else ""),
            "trigger_id": f"trigger-{next(self._ids)}",
        }
        return self._send_command(fields)

    def ask(self, user: str, text: str, *, timeout: float = 5.0, **options: Any) -> Reply:
        """A command and its answer, as the user sees it: the first message posted to the
        command's response_url (cobro acks first and answers from there), with the status
        of the ack; the ack's own body when it answered there (help, an unknown word)."""
        assert self.fake is not None, "asking needs the fake Slack that records answers"
        url = self.fake.response_url("ask")
        acked = self.command(user, text, response_url=url, **options)
        if acked.json:
            return acked
        call = self.fake.wait_for_url(url, timeout=timeout)
        answer = {k: v for k, v in call.params.items() if k != "_url"}
        return Reply(acked.status, json.dumps(answer, ensure_ascii=False), acked.elapsed)

    def interactive(self, payload: dict[str, Any]) -> Reply:
        base = {"team": {"id": self.team_id}, "api_app_id": "A0COBRO", "token": "legacy-unused"}
        return self._send_interactive({**base, **payload})

    def block_action(
        self,
        user: str,
        action_id: str,
        value: str = "",
        *,
        channel: str | None = None,
        view: dict[str, Any] | None = None,
        block_id: str = "b",
        extra: dict[str, Any] | None = None,
    ) -> Reply:
        action = {"action_id": action_id, "block_id": block_id, "type": "button", "value": value}
        payload: dict[str, Any] = {
            "type": "block_actions",
            "user": {"id": user},
            "actions": [{**action, **(extra or {})}],
            "trigger_id": f"trigger-{next(self._ids)}",
        }
        if channel:
            payload["channel"] = {"id": channel}
            payload["container"] = {"type": "message", "channel_id": channel}
            payload["response_url"] = self.fake.response_url("act") if self.fake else ""
        if view is not None:
            payload["view"] = view
            payload["container"] = {"type": "view", "view_id": view.get("id", "V1")}
        return self.interactive(payload)

    def change(
        self,
        user: str,
        view: dict[str, Any],
        block_id: str,
        value: str | None,
        answers: dict[str, str | None] | None = None,
    ) -> Reply:
        """What Slack sends when a person changes an input that dispatches (a select picked,
        Enter pressed in a text field): `block_actions` from inside the view, carrying the
        view's state as it stands (`answers`, and the changed value)."""
        filled = {**(answers or {}), block_id: value}
        state = fill(view, filled)
        block = next(b for b in view.get("blocks") or [] if b.get("block_id") == block_id)
        element = block.get("element") or {}
        action: dict[str, Any] = {
            "action_id": element.get("action_id"),
            "block_id": block_id,
            "type": element.get("type"),
        }
        if element.get("type") == "static_select":
            action["selected_option"] = state[block_id][element["action_id"]]["selected_option"]
        else:
            action["value"] = value
        payload = {
            "type": "block_actions",
            "user": {"id": user},
            "actions": [action],
            "trigger_id": f"trigger-{next(self._ids)}",
            "view": {**view, "id": view.get("id", "V1"), "state": {"values": state}},
            "container": {"type": "view", "view_id": view.get("id", "V1")},
        }
        return self.interactive(payload)

    def press(self, user: str, view: dict[str, Any], block_id: str, action_id: str) -> Reply:
        """A button inside a view (an actions block), with the view's state as it stands."""
        payload = {
            "type": "block_actions",
            "user": {"id": user},
            "actions": [
                {"action_id": action_id, "block_id": block_id, "type": "button", "value": "1"}
            ],
            "trigger_id": f"trigger-{next(self._ids)}",
            "view": {**view, "id": view.get("id", "V1"), "state": {"values": fill(view, {})}},
            "container": {"type": "view", "view_id": view.get("id", "V1")},
        }
        return self.interactive(payload)

    def view_submission(
        self, user: str, view: dict[str, Any], values: dict[str, dict[str, Any]]
    ) -> Reply:
        """Submit `view` (as the bot opened it) with `values` keyed block_id → action_id → value."""
        submitted = {
            **view,
            "id": view.get("id", f"V{next(self._ids):06d}"),
            "state": {"values": values},
        }
        return self.interactive(
            {"type": "view_submission", "user": {"id": user}, "view": submitted}
        )

    def submit(
        self, user: str, view: dict[str, Any], answers: Mapping[str, str | None] | None = None
    ) -> Reply:
        """Submit a view as a person would: every input keeps what it shows (its initial
        value) unless `answers` gives another, keyed by block_id (None clears it)."""
        return self.view_submission(user, view, fill(view, answers or {}))

    def message_shortcut(
        self, user: str, callback_id: str, message_text: str, *, channel: str = "C0GENERAL"
    ) -> Reply:
        return self.interactive(
            {
                "type": "message_action",
                "callback_id": callback_id,
                "user": {"id": user},
                "channel": {"id": channel},
                "message": {
                    "type": "message",
                    "text": message_text,
                    "ts": "1.000001",
                    "user": user,
                },
                "response_url": self.fake.response_url("sc") if self.fake else "",
                "trigger_id": f"trigger-{next(self._ids)}",
            }
        )

    def event(
        self, event: dict[str, Any], *, event_id: str | None = None, retry_num: int | None = None
    ) -> Reply:
        body = {
            "token": "legacy-unused",
            "team_id": self.team_id,
            "api_app_id": "A0COBRO",
            "type": "event_callback",
            "event_id": event_id or f"Ev{next(self._ids):08d}",
            "event_time": int(time.time()),
            "event": event,
        }
        return self._send_event(body, retry_num)


class SlackSender(Sender):
    """Signed HTTP requests to the bot's /slack/events, as Slack sends them."""

    def __init__(
        self,
        events_url: str,
        signing_secret: str,
        *,
        fake: FakeSlack | None = None,
        team_id: str = "T0COBRO",
    ) -> None:
        super().__init__(fake=fake, team_id=team_id)
        self.events_url = events_url
        self.verifier = SignatureVerifier(signing_secret)

    def post(
        self,
        body: str,
        content_type: str,
        *,
        timestamp: int | None = None,
        signature: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        ts = str(int(time.time()) if timestamp is None else timestamp)
        signed = signature or self.verifier.generate_signature(timestamp=ts, body=body) or ""
        request = urllib.request.Request(
            self.events_url,
            data=body.encode(),
            method="POST",
            headers={
                "Content-Type": content_type,
                "X-Slack-Request-Timestamp": ts,
                "X-Slack-Signature": signed,
                **(headers or {}),
            },
        )
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        started = time.perf_counter()
        try:
            with opener.open(request, timeout=10) as response:
                reply = Reply(response.status, response.read().decode(), 0.0)
        except urllib.error.HTTPError as exc:
            reply = Reply(exc.code, exc.read().decode(), 0.0)
        reply.elapsed = time.perf_counter() - started
        if self.fake is not None and reply.json:
            self.fake.problems.extend(f"ack: {p}" for p in check_ack(reply.json))
        return reply

    def _send_command(self, fields: dict[str, str]) -> Reply:
        return self.post(urlencode(fields), "application/x-www-form-urlencoded")

    def _send_interactive(self, payload: dict[str, Any]) -> Reply:
        body = urlencode({"payload": json.dumps(payload)})
        return self.post(body, "application/x-www-form-urlencoded")

    def _send_event(self, body: dict[str, Any], retry_num: int | None) -> Reply:
        headers = {}
        if retry_num is not None:
            headers = {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": "http_timeout"}
        return self.post(json.dumps(body), "application/json", headers=headers)


# Interactive payloads whose ack may carry an answer (field errors, a new view, options).
_ANSWERED_INTERACTIONS = {"view_submission", "block_suggestion"}


class SocketSender(Sender):
    """The same shapes, delivered over the fake's Socket Mode server. Each call waits for
    the app's ack and returns it as the `Reply` (its payload as the body); an ack later
    than Slack's 3 s is a failure the server records, as Slack would."""

    def __init__(self, fake: FakeSlack, *, team_id: str = "T0COBRO") -> None:
        super().__init__(fake=fake, team_id=team_id)
        self.server = fake.socket

    def _deliver(
        self, kind: str, payload: dict[str, Any], *, answers: bool, retry_attempt: int = 0
    ) -> Reply:
        started = time.perf_counter()
        envelope = self.server.deliver(
            kind, payload, accepts_response_payload=answers, retry_attempt=retry_attempt
        )
        ack = self.server.wait_ack(envelope)
        body = json.dumps(ack.payload) if ack.payload else ""
        return Reply(200, body, time.perf_counter() - started)

    def _send_command(self, fields: dict[str, str]) -> Reply:
        payload = {**fields, "is_enterprise_install": "false"}
        return self._deliver("slash_commands", payload, answers=True)

    def _send_interactive(self, payload: dict[str, Any]) -> Reply:
        answers = payload.get("type") in _ANSWERED_INTERACTIONS
        return self._deliver("interactive", payload, answers=answers)

    def _send_event(self, body: dict[str, Any], retry_num: int | None) -> Reply:
        return self._deliver("events_api", body, answers=False, retry_attempt=retry_num or 0)


def fill(view: dict[str, Any], answers: Mapping[str, str | None]) -> dict[str, dict[str, Any]]:
    """The `state.values` Slack would send for `view` with these answers."""
    values: dict[str, dict[str, Any]] = {}
    for block in view.get("blocks") or []:
        if block.get("type") != "input":
            continue
        element = block["element"]
        block_id, kind = block["block_id"], element["type"]
        if block_id in answers:
            chosen = answers[block_id]
        elif kind == "static_select":
            chosen = (element.get("initial_option") or {}).get("value")
        elif kind == "users_select":
            chosen = element.get("initial_user")
        else:
            chosen = element.get("initial_value")
        state: dict[str, Any] = {"type": kind}
        if kind == "static_select":
            option = next((o for o in element["options"] if o["value"] == chosen), None)
            if chosen is not None and option is None:
                raise ValueError(f"{chosen!r} is not an option of {block_id}")
            state["selected_option"] = option
        elif kind == "users_select":
            state["selected_user"] = chosen
        else:
            state["value"] = chosen
        values[block_id] = {element["action_id"]: state}
    return values
