"""Events: the App Home tab."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from handlers.blocks.home import build_home_stranger, build_home_welcome


def register(app: App) -> None:
    app.event("app_home_opened")(on_home_opened)


def on_home_opened(event: dict[str, Any], context: BoltContext, client: WebClient) -> None:
    if event.get("tab") not in (None, "home"):
        return
    member = context.get("member")
    view = (
        build_home_welcome(member.name, member.lang)
        if member is not None
        else build_home_stranger(context["lang"])
    )
    client.views_publish(user_id=event["user"], view=view)
