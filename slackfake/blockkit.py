"""Slack's Block Kit limits, checked on every payload the bot sends.

slack_sdk validates only the top level of its models; Slack itself refuses a whole message
or view for one overlong option. These checks fail a test instead of a user's morning.
"""

from __future__ import annotations

import json
from typing import Any

LIMITS = {
    "message_blocks": 50,
    "view_blocks": 100,
    "section_text": 3000,
    "section_field": 2000,
    "section_fields": 10,
    "header": 150,
    "view_title": 24,
    "view_submit": 24,
    "view_close": 24,
    "option_text": 75,
    "option_value": 150,
    "options": 100,
    "id": 255,
    "private_metadata": 3000,
    "context_elements": 10,
    "actions_elements": 25,
    "button_text": 75,
    "fallback_text": 40000,
    "placeholder": 150,
    "initial_value": 3000,
}


def check_payload(kind: str, payload: dict[str, Any]) -> list[str]:
    """Problems of a message (`kind="message"`) or a view (`kind="view"`), as sentences."""
    problems: list[str] = []
    if kind == "view":
        _check_view(payload, problems)
    else:
        _check_message(payload, problems)
    return problems


def check_ack(body: dict[str, Any]) -> list[str]:
    """Problems of what an app answers in an ack (an HTTP response, a Socket Mode ack's
    payload): a message, or a `response_action` with its view or its field errors."""
    action = body.get("response_action")
    if action in ("update", "push"):
        return check_payload("view", body.get("view") or {})
    if action == "errors":
        errors = body.get("errors")
        if not isinstance(errors, dict) or not errors:
            return ["response_action errors without any field error"]
        return [f"field error for {k!r} is empty" for k, v in errors.items() if not v]
    if action is not None and action != "clear":
        return [f"unknown response_action {action!r}"]
    if "blocks" in body or "text" in body:
        return check_payload("message", body)
    return []


def _blocks_of(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return []
    return value if isinstance(value, list) else []


def _check_message(payload: dict[str, Any], problems: list[str]) -> None:
    blocks = _blocks_of(payload.get("blocks"))
    if blocks and not (payload.get("text") or "").strip():
        problems.append("message has blocks but no fallback text")
    if len(blocks) > LIMITS["message_blocks"]:
        problems.append(f"message has {len(blocks)} blocks (max 50)")
    _check_blocks(blocks, problems)


def _check_view(view: Any, problems: list[str]) -> None:
    if isinstance(view, str):
        view = json.loads(view)
    blocks = view.get("blocks") or []
    if len(blocks) > LIMITS["view_blocks"]:
        problems.append(f"view has {len(blocks)} blocks (max 100)")
    for key in ("title", "submit", "close"):
        text = (view.get(key) or {}).get("text", "")
        if len(text) > LIMITS[f"view_{key}"]:
            problems.append(f"view {key} {text!r} is {len(text)} chars (max 24)")
    if len(view.get("private_metadata") or "") > LIMITS["private_metadata"]:
        problems.append("view private_metadata over 3000 chars")
    if len(view.get("callback_id") or "") > LIMITS["id"]:
        problems.append("view callback_id over 255 chars")
    if view.get("type") == "modal" and not (view.get("title") or {}).get("text"):
        problems.append("modal has no title")
    for key in ("title", "submit", "close"):
        if view.get(key) and view[key].get("type") != "plain_text":
            problems.append(f"view {key} must be plain_text")
    _check_blocks(blocks, problems)


def _check_blocks(blocks: list[dict[str, Any]], problems: list[str]) -> None:
    """Each block, and what Slack checks across them: block_ids unique in the surface."""
    seen: set[str] = set()
    for block in blocks:
        block_id = block.get("block_id")
        if block_id and block_id in seen:
            problems.append(f"block_id {block_id!r} used twice")
        seen.add(block_id or "")
        _check_block(block, problems)


def _text_len(obj: Any) -> int:
    return len(obj.get("text", "")) if isinstance(obj, dict) else 0


def _check_block(block: dict[str, Any], problems: list[str]) -> None:
    kind = block.get("type")
    if len(block.get("block_id") or "") > LIMITS["id"]:
        problems.append(f"block_id over 255 chars in {kind}")
    if kind == "section":
        if _text_len(block.get("text")) > LIMITS["section_text"]:
            problems.append(f"section text is {_text_len(block.get('text'))} chars (max 3000)")
        fields = block.get("fields") or []
        if len(fields) > LIMITS["section_fields"]:
            problems.append("section has more than 10 fields")
        for f in fields:
            if _text_len(f) > LIMITS["section_field"]:
                problems.append("section field over 2000 chars")
        if not block.get("text") and not fields:
            problems.append("section without text or fields")
        if block.get("accessory"):
            _check_element(block["accessory"], problems)
    elif kind == "header":
        if (block.get("text") or {}).get("type") != "plain_text":
            problems.append("header text must be plain_text")
        if _text_len(block.get("text")) > LIMITS["header"]:
            problems.append(f"header is {_text_len(block.get('text'))} chars (max 150)")
    elif kind == "context":
        if len(block.get("elements") or []) > LIMITS["context_elements"]:
            problems.append("context has more than 10 elements")
    elif kind == "actions":
        elements = block.get("elements") or []
        if len(elements) > LIMITS["actions_elements"]:
            problems.append("actions has more than 25 elements")
        action_ids = [e.get("action_id") for e in elements if e.get("action_id")]
        if len(action_ids) != len(set(action_ids)):
            problems.append("an action_id used twice in one actions block")
        for element in elements:
            _check_element(element, problems)
    elif kind == "input":
        if not _text_len(block.get("label")):
            problems.append("input without label")
        if len(block.get("label", {}).get("text", "")) > 2000:
            problems.append("input label over 2000 chars")
        _check_element(block.get("element") or {}, problems)


def _check_element(element: dict[str, Any], problems: list[str]) -> None:
    if len(element.get("action_id") or "") > LIMITS["id"]:
        problems.append("action_id over 255 chars")
    if element.get("type") == "button" and _text_len(element.get("text")) > LIMITS["button_text"]:
        problems.append("button text over 75 chars")
    if len(element.get("value") or "") > 2000:
        problems.append("button value over 2000 chars")
    options = list(element.get("options") or [])
    for group in element.get("option_groups") or []:
        options += group.get("options") or []
    if len(options) > LIMITS["options"]:
        problems.append(f"{len(options)} options (max 100)")
    if element.get("type") == "static_select" and not options:
        problems.append(f"static_select {element.get('action_id')!r} without options")
    initial = element.get("initial_option")
    if initial and options and initial not in options:
        problems.append(f"initial_option of {element.get('action_id')!r} is not one of its options")
    if _text_len(element.get("placeholder")) > LIMITS["placeholder"]:
        problems.append("placeholder over 150 chars")
    if len(element.get("initial_value") or "") > LIMITS["initial_value"]:
        problems.append("initial_value over 3000 chars")
    for option in options + ([element["initial_option"]] if element.get("initial_option") else []):
        if _text_len(option.get("text")) > LIMITS["option_text"]:
            problems.append(f"option text {option['text']['text']!r} over 75 chars")
        if len(option.get("value") or "") > LIMITS["option_value"]:
            problems.append("option value over 150 chars")
