"""The Slack side of `bot.ports.Transport`: posts an outbox row, tagged with its key as
message metadata, and classifies Slack's errors into permanent (never retried) and
transient ones; `find` asks Slack whether an earlier try already got through."""

from __future__ import annotations

from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    ServerErrorRetryHandler,
)

from bot.ports import DeliveryError, Message, OutboxFile

METADATA_EVENT = "cobro_outbox"  # every message carries its outbox key as Slack metadata

PERMANENT = {
    "channel_not_found",
    "user_not_found",
    "account_inactive",
    "is_archived",
    "not_in_channel",
    "invalid_blocks",
    "msg_too_long",
    "no_text",
    "invalid_auth",
    "not_authed",
    "cannot_dm_bot",
    "user_disabled",
}


class SlackTransport:
    """Posts from the outbox with a client of its own: it retries a dropped connection or a
    5xx twice (seconds), but answers a 429 at once with its Retry-After, so the outbox
    reschedules the row instead of sleeping inside its claim."""

    def __init__(self, client: WebClient) -> None:
        self._client = WebClient(
            token=client.token,
            base_url=client.base_url,
            timeout=client.timeout,
            retry_handlers=[
                ConnectionErrorRetryHandler(max_retry_count=1),
                ServerErrorRetryHandler(max_retry_count=2),
            ],
        )

    def post(
        self, *, channel: str, message: Message, thread_ts: str | None, key: str
    ) -> tuple[str, str]:
        try:
            if message.files:
                return self._upload(channel, message.text, message.files)
            response = self._client.chat_postMessage(
                channel=channel,
                text=message.text,
                blocks=message.blocks,
                thread_ts=thread_ts,
                metadata={"event_type": METADATA_EVENT, "event_payload": {"key": key}},
            )
        except SlackApiError as exc:
            code = str(exc.response.get("error") or f"http_{exc.response.status_code}")
            retry_after = exc.response.headers.get("Retry-After") if exc.response.headers else None
            return _raise(code, retry_after)
        except DeliveryError:
            raise
        except Exception as exc:  # connection dropped, timeout: try again later
            raise DeliveryError(type(exc).__name__, permanent=False) from exc
        return str(response["channel"]), str(response["ts"])

    def update(self, *, channel: str, ts: str, message: Message, key: str) -> None:
        try:
            self._client.chat_update(
                channel=channel,
                ts=ts,
                text=message.text,
                blocks=message.blocks or [],
            )
        except SlackApiError as exc:
            code = str(exc.response.get("error") or f"http_{exc.response.status_code}")
            if code == "message_not_found":  # deleted in Slack: nothing left to edit
                return
            retry_after = exc.response.headers.get("Retry-After") if exc.response.headers else None
            _raise(code, retry_after)
        except DeliveryError:
            raise
        except Exception as exc:
            raise DeliveryError(type(exc).__name__, permanent=False) from exc

    def _upload(self, channel: str, text: str, files: list[OutboxFile]) -> tuple[str, str]:
        """Files are shared with the text as their comment; file names are unique per
        message (the week is in them), which is how `find` recognises them later."""
        target = self._conversation(channel)
        response = self._client.files_upload_v2(
            channel=target,
            initial_comment=text,
            file_uploads=[
                {"content": f.content, "filename": f.name, "title": f.title} for f in files
            ],
        )
        uploaded = response.get("files") or [{}]
        return target, str(uploaded[0].get("id") or "")

    def _conversation(self, channel: str) -> str:
        """A user id means our DM with them; Slack's file API wants the DM's own id."""
        if channel[:1] in ("U", "W"):
            return str(self._client.conversations_open(users=channel)["channel"]["id"])
        return channel

    def find(
        self,
        *,
        channel: str,
        key: str,
        since: float,
        thread_ts: str | None,
        file_name: str | None = None,
    ) -> tuple[str, str] | None:
        """The message tagged `key` in `channel` (a user id means our DM with them), posted
        since `since`; in the thread `thread_ts` when the message is a reply; for a file
        share, the message carrying a file named `file_name`."""
        try:
            target = self._conversation(channel)
            cursor = None
            while True:
                if thread_ts:
                    page = self._client.conversations_replies(
                        channel=target,
                        ts=thread_ts,
                        include_all_metadata=True,
                        limit=200,
                        cursor=cursor,
                    )
                else:
                    page = self._client.conversations_history(
                        channel=target,
                        oldest=f"{since:.6f}",
                        include_all_metadata=True,
                        limit=200,
                        cursor=cursor,
                    )
                for found in page.get("messages") or []:
                    meta = found.get("metadata") or {}
                    if (
                        meta.get("event_type") == METADATA_EVENT
                        and (meta.get("event_payload") or {}).get("key") == key
                    ):
                        return target, str(found["ts"])
                    names = {f.get("name") for f in found.get("files") or []}
                    if file_name and file_name in names:
                        return target, str(found["ts"])
                cursor = (page.get("response_metadata") or {}).get("next_cursor")
                if not cursor:
                    return None
        except SlackApiError as exc:
            code = str(exc.response.get("error") or f"http_{exc.response.status_code}")
            retry_after = exc.response.headers.get("Retry-After") if exc.response.headers else None
            _raise(code, retry_after)
        except Exception as exc:
            raise DeliveryError(type(exc).__name__, permanent=False) from exc
        return None


def _raise(code: str, retry_after: Any) -> tuple[str, str]:
    if code in PERMANENT:
        raise DeliveryError(code, permanent=True)
    seconds = None
    if retry_after:
        first = retry_after[0] if isinstance(retry_after, list) else retry_after
        seconds = float(first)
    raise DeliveryError(code, permanent=False, retry_after=seconds)
