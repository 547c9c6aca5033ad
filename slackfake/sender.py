"""Sending requests to the bot's /slack/events exactly as Slack does: signed, with the same
bodies (form-encoded commands, a `payload` field for interactivity, JSON events)."""

from __future__ import annotations

import itertools
import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

from slackfake.blockkit import check_payload
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


class SlackSender:
    def __init__(
        self,
        events_url: str,
        signing_secret: str,
        *,
        fake: FakeSlack | None = None,
        team_id: str = "T0COBRO",
    ) -> None:
        self.events_url = events_url
        self.verifier = SignatureVerifier(signing_secret)
        self.fake = fake
        self.team_id = team_id
        self._ids = itertools.count(1)

    # ------------------------------------------------------------ raw

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
        if (
            self.fake is not None
            and reply.json
            and ("blocks" in reply.json or "text" in reply.json)
        ):
            self.fake.problems.extend(f"ack: {p}" for p in check_payload("message", reply.json))
        return reply

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
        return self.post(urlencode(fields), "application/x-www-form-urlencoded")

    def interactive(self, payload: dict[str, Any]) -> Reply:
        base = {"team": {"id": self.team_id}, "api_app_id": "A0COBRO", "token": "legacy-unused"}
        body = urlencode({"payload": json.dumps({**base, **payload})})
        return self.post(body, "application/x-www-form-urlencoded")

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
        self, user: str, view: dict[str, Any], answers: dict[str, str | None] | None = None
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
        headers = {}
        if retry_num is not None:
            headers = {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": "http_timeout"}
        return self.post(json.dumps(body), "application/json", headers=headers)


def fill(view: dict[str, Any], answers: dict[str, str | None]) -> dict[str, dict[str, Any]]:
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
