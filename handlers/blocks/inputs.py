"""Modal pieces: input blocks and their elements, cut to Slack's limits.

Every input is optional for Slack: cobro validates on submit and answers with field errors
in the user's language, instead of Slack's generic "this field is required" in English.
"""

from __future__ import annotations

from typing import Any

from bot.core.i18n import Lang, t
from handlers.blocks.common import clip, context, plain
from handlers.metadata import Metadata

OPTION_TEXT_LIMIT = 75
PLACEHOLDER_LIMIT = 150
INITIAL_VALUE_LIMIT = 3000


def option(text: str, value: str) -> dict[str, Any]:
    return {"text": plain(text, OPTION_TEXT_LIMIT), "value": value}


def input_block(
    block_id: str,
    label: str,
    element: dict[str, Any],
    *,
    hint: str | None = None,
    dispatch: bool = False,
) -> dict[str, Any]:
    block: dict[str, Any] = {
        "type": "input",
        "block_id": block_id,
        "label": plain(label, 2000),
        "element": element,
        "optional": True,
    }
    if hint:
        block["hint"] = plain(hint, 2000)
    if dispatch:
        block["dispatch_action"] = True
    return block


def text_input(
    action_id: str,
    *,
    initial: str | None = None,
    placeholder: str | None = None,
    multiline: bool = False,
    max_length: int = 3000,
) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "plain_text_input",
        "action_id": action_id,
        "multiline": multiline,
        "max_length": max_length,
    }
    if initial:
        element["initial_value"] = clip(initial, min(INITIAL_VALUE_LIMIT, max_length))
    if placeholder:
        element["placeholder"] = plain(placeholder, PLACEHOLDER_LIMIT)
    return element


def select(
    action_id: str,
    options: list[dict[str, Any]],
    *,
    initial: str | None = None,
    placeholder: str | None = None,
) -> dict[str, Any]:
    """A static select; `initial` is a value, used only when it is one of the options."""
    element: dict[str, Any] = {"type": "static_select", "action_id": action_id, "options": options}
    chosen = next((o for o in options if o["value"] == initial), None)
    if chosen is not None:
        element["initial_option"] = chosen
    if placeholder:
        element["placeholder"] = plain(placeholder, PLACEHOLDER_LIMIT)
    return element


def user_select(action_id: str, *, initial: str | None = None) -> dict[str, Any]:
    element: dict[str, Any] = {"type": "users_select", "action_id": action_id}
    if initial:
        element["initial_user"] = initial
    return element


def modal(
    *,
    callback_id: str,
    title: str,
    blocks: list[dict[str, Any]],
    metadata: Metadata,
    submit: str | None = None,
    close: str | None = None,
) -> dict[str, Any]:
    view: dict[str, Any] = {
        "type": "modal",
        "callback_id": callback_id,
        "title": plain(title, 24),
        "blocks": blocks,
        "private_metadata": metadata.dump(),
    }
    if submit:
        view["submit"] = plain(submit, 24)
    if close:
        view["close"] = plain(close, 24)
    return view


def date_words_input(
    block_id: str,
    label: str,
    placeholder: str,
    *,
    action_id: str | None = None,
    initial: str | None = None,
) -> dict[str, Any]:
    """A date typed in words ("el viernes", "mañana a las 10"): read by bot.core.dates."""
    element = text_input(
        action_id or block_id, initial=initial, placeholder=placeholder, max_length=100
    )
    return input_block(block_id, label, element)


def save_modal(
    *,
    callback_id: str,
    title: str,
    blocks: list[dict[str, Any]],
    metadata: Metadata,
    lang: Lang,
) -> dict[str, Any]:
    """A small form with Guardar and Cancelar."""
    return modal(
        callback_id=callback_id,
        title=title,
        submit=t("task.save", lang),
        close=t("call.cancel", lang),
        blocks=blocks,
        metadata=metadata,
    )


def on_enter(block: dict[str, Any]) -> dict[str, Any]:
    """A text input that tells cobro when Enter is pressed in it (so its reading can be
    said back under it before anything is saved)."""
    block["element"]["dispatch_action_config"] = {"trigger_actions_on": ["on_enter_pressed"]}
    block["dispatch_action"] = True
    return block


def echo_line(block_id: str, words: str | None) -> list[dict[str, Any]]:
    """What a field will store, in words, in a context line right under it
    (`<block_id>_echo`); nothing when there is nothing to say."""
    if not words:
        return []
    line = context(words)
    line["block_id"] = f"{block_id}_echo"
    return [line]
