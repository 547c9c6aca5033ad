"""Block Kit pieces shared by every builder, cut to Slack's limits, with user text escaped.

Escaping matters: Slack reads `<!channel>`, `<!here>` and `<@U…>` in mrkdwn and pings people.
Whatever a user typed goes through `escape()` before it is shown.
"""

from __future__ import annotations

from typing import Any

SECTION_TEXT_LIMIT = 3000
HEADER_LIMIT = 150
BUTTON_TEXT_LIMIT = 75
CONTEXT_TEXT_LIMIT = 2000
FALLBACK_LIMIT = 3000


def escape(text: str | None) -> str:
    """mrkdwn-safe user text: exactly `&`, `<` and `>` are escaped, as Slack documents."""
    if not text:
        return ""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def mrkdwn(text: str) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": clip(text, SECTION_TEXT_LIMIT)}


def quiet(text: str) -> str:
    """User text for places that are not mrkdwn (plain text, file titles): angle brackets
    would still read as Slack's control sequences to anyone copying them on, so they
    become ‹ › (a name is rarely written so)."""
    return text.replace("<", "‹").replace(">", "›")


def plain(text: str, limit: int = SECTION_TEXT_LIMIT) -> dict[str, Any]:
    return {"type": "plain_text", "text": clip(quiet(text), limit), "emoji": True}


def header(text: str) -> dict[str, Any]:
    return {"type": "header", "text": plain(text, HEADER_LIMIT)}


def section(text: str, *, accessory: dict[str, Any] | None = None) -> dict[str, Any]:
    block: dict[str, Any] = {"type": "section", "text": mrkdwn(text)}
    if accessory is not None:
        block["accessory"] = accessory
    return block


def context(*texts: str) -> dict[str, Any]:
    return {
        "type": "context",
        "elements": [mrkdwn(clip(text, CONTEXT_TEXT_LIMIT)) for text in texts[:10]],
    }


def divider() -> dict[str, Any]:
    return {"type": "divider"}


def button(
    text: str, action_id: str, value: str = "", *, style: str | None = None
) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "button",
        "text": plain(text, BUTTON_TEXT_LIMIT),
        "action_id": action_id,
    }
    if value:
        element["value"] = value
    if style:
        element["style"] = style
    return element


def message(text: str, blocks: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A message payload: blocks, and always a plain fallback text for notifications."""
    return {"text": clip(text, FALLBACK_LIMIT), "blocks": blocks or [section(text)]}
