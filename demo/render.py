"""Block Kit, read in a terminal: sections as text, buttons and menu options as numbered
choices, mrkdwn's *bold* and `code` as rich styles. Pure: a payload in, lines out."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from rich.text import Text

_MRKDWN = re.compile(r"(\*[^*\n]+\*|`[^`\n]+`|_[^_\n]+_|<[^>|]+\|[^>]+>|<[^>]+>)")
_EMOJI = {
    ":white_check_mark:": "✅",
    ":telephone_receiver:": "📞",
    ":lock:": "🔒",
    ":inbox_tray:": "📥",
    ":eyes:": "👀",
    ":zzz:": "💤",
    ":arrow_right:": "➡️",
    ":memo:": "📝",
    ":moneybag:": "💰",
    ":calendar:": "📅",
    ":alarm_clock:": "⏰",
    ":hourglass:": "⏳",
    ":rotating_light:": "🚨",
    ":mag:": "🔎",
    ":warning:": "⚠️",
    ":pause_button:": "⏸️",
    ":tada:": "🎉",
    ":wave:": "👋",
    ":phone:": "📞",
    ":star:": "⭐",
    ":clipboard:": "📋",
    ":file_folder:": "📁",
    ":no_entry:": "⛔",
    ":pencil2:": "✏️",
    ":pushpin:": "📌",
}
# a Slack :code: starts with a letter; never the ":00:" of "11:00: *Enviar…*"
_EMOJI_CODE = re.compile(r"(?<![\d:]):[a-z][a-z0-9_+-]*:(?![\d])")


@dataclass(frozen=True)
class Choice:
    """Something to click: a button, or one option of a menu in a message."""

    label: str
    action_id: str
    value: str
    block_id: str
    kind: str = "button"


@dataclass
class Rendered:
    lines: list[Text] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)


def emoji(text: str) -> str:
    for code, char in _EMOJI.items():
        text = text.replace(code, char)
    return _EMOJI_CODE.sub("", text)


def mrkdwn(text: str) -> Text:
    """Slack's mrkdwn as a rich Text (bold, code, italics, links), entities decoded."""
    out = Text()
    for part in _MRKDWN.split(emoji(text or "")):
        if not part:
            continue
        if part.startswith("*") and part.endswith("*") and len(part) > 2:
            out.append(html.unescape(part[1:-1]), style="bold")
        elif part.startswith("`") and part.endswith("`"):
            out.append(html.unescape(part[1:-1]), style="cyan")
        elif part.startswith("_") and part.endswith("_") and len(part) > 2:
            out.append(html.unescape(part[1:-1]), style="italic")
        elif part.startswith("<") and "|" in part:
            out.append(html.unescape(part[1:-1].split("|", 1)[1]), style="underline")
        elif part.startswith("<") and part.endswith(">"):
            out.append(html.unescape(part[1:-1]), style="underline")
        else:
            out.append(html.unescape(part))
    return out


def _plain(obj: dict[str, Any] | None) -> str:
    return emoji((obj or {}).get("text", ""))


def render_blocks(blocks: list[dict[str, Any]], first_choice: int = 1) -> Rendered:
    """Lines to print, and the choices (numbered from `first_choice`) they offer."""
    rendered = Rendered()
    numbered = 0

    def number_new() -> None:
        """Show the choices a block just offered, right under it."""
        nonlocal numbered
        for index in range(numbered, len(rendered.choices)):
            label = rendered.choices[index].label
            rendered.lines.append(Text(f"  [{first_choice + index}] {label}", style="green"))
        numbered = len(rendered.choices)

    def offer(element: dict[str, Any], block_id: str) -> None:
        kind = element.get("type")
        if kind == "button":
            choice = Choice(
                _plain(element.get("text")),
                element["action_id"],
                element.get("value", ""),
                block_id,
            )
            rendered.choices.append(choice)
        elif kind in ("static_select", "overflow"):
            prefix = _plain(element.get("placeholder"))
            for option in element.get("options") or []:
                label = (
                    f"{prefix}: {_plain(option.get('text'))}"
                    if prefix
                    else _plain(option.get("text"))
                )
                rendered.choices.append(
                    Choice(label, element["action_id"], option["value"], block_id, kind)
                )

    for block in blocks:
        kind = block.get("type")
        block_id = block.get("block_id", "")
        if kind == "header":
            rendered.lines.append(Text(_plain(block.get("text")), style="bold underline"))
        elif kind == "section":
            if block.get("text"):
                rendered.lines.append(mrkdwn(block["text"].get("text", "")))
            for item in block.get("fields") or []:
                rendered.lines.append(mrkdwn(item.get("text", "")))
            if block.get("accessory"):
                offer(block["accessory"], block_id)
        elif kind == "context":
            line = Text(style="dim")
            for element in block.get("elements") or []:
                line.append_text(mrkdwn(element.get("text", "")))
                line.append("  ")
            rendered.lines.append(line)
        elif kind == "divider":
            rendered.lines.append(Text("─" * 40, style="dim"))
        elif kind == "actions":
            for element in block.get("elements") or []:
                offer(element, block_id)
        elif kind == "input":
            rendered.lines.append(Text(_plain(block.get("label")), style="bold"))
        number_new()
    return rendered
