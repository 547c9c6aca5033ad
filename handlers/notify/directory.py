"""The Slack side of `bot.ports.Directory`: people and channels, asked of the Web API."""

from __future__ import annotations

from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.ports import DirectoryUser


class SlackDirectory:
    def __init__(self, client: WebClient) -> None:
        self._client = client

    def lookup_by_email(self, email: str) -> DirectoryUser | None:
        try:
            response = self._client.users_lookupByEmail(email=email)
        except SlackApiError as exc:
            if exc.response.get("error") == "users_not_found":
                return None
            raise
        return _user(response["user"])

    def user_info(self, user_id: str) -> DirectoryUser | None:
        try:
            response = self._client.users_info(user=user_id, include_locale=True)
        except SlackApiError as exc:
            if exc.response.get("error") == "user_not_found":
                return None
            raise
        return _user(response["user"])

    def channel_is_private(self, channel: str) -> bool:
        """Whether only its members can read `channel`; unknown counts as public (safe)."""
        try:
            info = self._client.conversations_info(channel=channel)
        except Exception:
            return False
        data = info.get("channel") or {}
        return bool(data.get("is_private") or data.get("is_im") or data.get("is_mpim"))


def _user(data: dict[str, Any]) -> DirectoryUser:
    profile = data.get("profile") or {}
    name = profile.get("real_name") or data.get("real_name") or data.get("name") or data["id"]
    return DirectoryUser(
        user_id=data["id"],
        name=name,
        email=profile.get("email"),
        timezone=data.get("tz"),
        locale=data.get("locale"),
        deleted=bool(data.get("deleted")),
    )
