"""The fake Web API's answers, method by method, as Slack gives them."""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from slackfake.server import FakeSlack

VIEW_METHODS = {"views.open", "views.push", "views.update", "views.publish"}


def reply_to(fake: FakeSlack, method: str, params: dict[str, Any]) -> dict[str, Any]:
    """What Slack answers `method` called with `params` (a successful call)."""
    n = next(fake._counter)
    ts = f"{int(time.time())}.{n:06d}"
    if method == "apps.connections.open":
        return {"ok": True, "url": fake.socket.open_url()}
    if method == "auth.test":
        return {
            "ok": True,
            "url": "https://cobro-test.slack.com/",
            "team": "cobro",
            "user": "cobro",
            "team_id": fake.team_id,
            "user_id": fake.bot_user_id,
            "bot_id": "B0BOT",
        }
    if method == "chat.postMessage":
        channel = dm_of(params.get("channel", ""))
        metadata = params.get("metadata")
        if isinstance(metadata, str):
            metadata = json.loads(metadata)
        with fake._lock:
            fake.history[channel].append(
                {
                    "ts": ts,
                    "text": params.get("text", ""),
                    "thread_ts": params.get("thread_ts"),
                    "metadata": metadata,
                }
            )
    if method == "chat.update":
        channel = dm_of(params.get("channel", ""))
        metadata = params.get("metadata")
        if isinstance(metadata, str):
            metadata = json.loads(metadata)
        with fake._lock:
            held = [m for m in fake.history[channel] if m["ts"] == params.get("ts")]
            if not held:
                return {"ok": False, "error": "message_not_found"}
            held[0]["text"] = params.get("text", "")
            held[0]["edits"] = held[0].get("edits", 0) + 1
            if metadata:
                held[0]["metadata"] = metadata
    if method in ("conversations.history", "conversations.replies"):
        return _history(fake, method, params)
    if method in ("chat.postMessage", "chat.update"):
        channel = dm_of(params.get("channel", ""))
        return {
            "ok": True,
            "channel": channel,
            "ts": params.get("ts") or ts,
            "message": {"text": params.get("text", ""), "ts": ts},
        }
    if method == "chat.postEphemeral":
        return {"ok": True, "message_ts": ts}
    if method in VIEW_METHODS:
        view = params.get("view")
        view = json.loads(view) if isinstance(view, str) else dict(view or {})
        view_id = params.get("view_id") or f"V{n:06d}"
        return {"ok": True, "view": {**view, "id": view_id, "hash": f"h{n}"}}
    if method == "users.info":
        user = fake.users.get(params.get("user", ""))
        return {"ok": True, "user": user} if user else {"ok": False, "error": "user_not_found"}
    if method == "users.lookupByEmail":
        email = (params.get("email") or "").lower()
        for user in fake.users.values():
            if (user["profile"].get("email") or "").lower() == email:
                return {"ok": True, "user": user}
        return {"ok": False, "error": "users_not_found"}
    if method == "conversations.info":
        channel = params.get("channel", "")
        return {
            "ok": True,
            "channel": {"id": channel, "is_private": channel in fake.private_channels},
        }
    if method == "conversations.open":
        users = params.get("users", "")
        return {"ok": True, "channel": {"id": dm_of(users.split(",")[0])}}
    if method == "files.getUploadURLExternal":
        file_id = f"F{n:06d}"
        with fake._lock:
            fake.files[file_id] = {"id": file_id, "name": params.get("filename")}
        return {
            "ok": True,
            "upload_url": f"{fake.base_url}/upload/{file_id}",
            "file_id": file_id,
        }
    if method == "files.completeUploadExternal":
        files = params.get("files")
        files = json.loads(files) if isinstance(files, str) else files or []
        shared = [
            {
                "id": f["id"],
                "title": f.get("title"),
                "name": fake.files.get(f["id"], {}).get("name"),
            }
            for f in files
        ]
        channel = str(params.get("channel_id") or "")
        if channel:
            with fake._lock:
                fake.history[channel].append(
                    {
                        "ts": ts,
                        "text": params.get("initial_comment", ""),
                        "thread_ts": params.get("thread_ts"),
                        "metadata": None,
                        "files": shared,
                    }
                )
        return {"ok": True, "files": shared}
    return {"ok": True}


def _history(fake: FakeSlack, method: str, params: dict[str, Any]) -> dict[str, Any]:
    channel = params.get("channel", "")
    with fake._lock:
        held = list(fake.history.get(channel, []))
    if method == "conversations.history":
        oldest = float(params.get("oldest") or 0)
        found = [m for m in held if not m["thread_ts"] and float(m["ts"]) >= oldest]
    else:
        parent = params.get("ts")
        found = [m for m in held if parent in (m["ts"], m["thread_ts"])]
    metadata = str(params.get("include_all_metadata", "")).lower() in ("1", "true")
    messages = [
        {k: v for k, v in m.items() if v is not None and (metadata or k != "metadata")}
        for m in reversed(found)
    ]
    return {"ok": True, "messages": messages, "has_more": False}


def token_refused(method: str, token: str | None) -> str | None:
    """Slack's answer to a call with the wrong kind of token, or None when it may go on."""
    if method == "response_url":
        return None
    if not token:
        return "not_authed"
    if method == "apps.connections.open":
        return None if token.startswith("xapp-") else "invalid_auth"
    return "not_allowed_token_type" if token.startswith("xapp-") else None


def dm_of(channel: str) -> str:
    """Slack answers a post to a user id from their DM channel: U123 → D123."""
    return "D" + channel[1:] if channel.startswith(("U", "W")) else channel
