"""Slack's own published Web API description (OpenAPI 2.0, slackapi/slack-api-specs, last
updated 2021; copied unchanged into tests/contracts/slack/ with its licence) as a check of
the calls the bot makes: the method exists, its required arguments are there, and each
documented argument has the documented type.

Our fake accepts what we taught it to accept; this file is what Slack says it accepts.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from slackfake.server import Call

SPEC = Path(__file__).parent / "slack" / "web-api-openapi-v2.json"

# Methods the bot uses that the 2021 description predates: why each is missing, and the
# required arguments Slack documents for it today (checked instead).
NEWER_THAN_THE_DESCRIPTION: dict[str, tuple[str, tuple[str, ...]]] = {
    "apps.connections.open": (
        "Socket Mode's only method, missing from the file; takes just the app-level token",
        (),
    ),
    "files.getUploadURLExternal": (
        "newer than the file: the upload flow behind files_upload_v2 that replaced files.upload",
        ("filename", "length"),
    ),
    "files.completeUploadExternal": (
        "newer than the file: the second half of files_upload_v2's upload flow",
        ("files",),
    ),
}

# Arguments the bot sends that the 2021 description predates ("*": on every method), and why.
NEWER_ARGUMENTS: dict[str, str] = {
    "*.team_id": "Bolt adds the workspace to every call (for org-wide installs)",
    "chat.postMessage.metadata": "message metadata: the outbox finds its own messages by it",
    "conversations.history.include_all_metadata": "returns that metadata when looking",
}

_BOOLEAN_TEXT = {"true", "false", "1", "0"}
_INTEGER_TEXT = re.compile(r"-?\d+")
_NUMBER_TEXT = re.compile(r"-?\d+(\.\d+)?")


@dataclass(frozen=True)
class Param:
    name: str
    type: str  # string, integer, number or boolean
    required: bool
    json: bool  # a JSON-encoded string (blocks, view, attachments…)


@cache
def described_methods() -> dict[str, dict[str, Param]]:
    """Every method in the description, with its arguments by name."""
    spec = json.loads(SPEC.read_text(encoding="utf-8"))
    methods: dict[str, dict[str, Param]] = {}
    for path, verbs in spec["paths"].items():
        params: dict[str, Param] = {}
        for operation in verbs.values():
            for p in operation.get("parameters", []):
                described = p.get("description") or ""
                params[p["name"]] = Param(
                    p["name"], p.get("type", "string"), bool(p.get("required")), "JSON" in described
                )
        methods[path.lstrip("/")] = params
    return methods


def is_known(method: str) -> bool:
    return method in described_methods() or method in NEWER_THAN_THE_DESCRIPTION


def check_call(call: Call) -> list[str]:
    """What Slack's description says is wrong with one recorded call, as sentences."""
    method = call.method
    if method in NEWER_THAN_THE_DESCRIPTION:
        _, required = NEWER_THAN_THE_DESCRIPTION[method]
        return [
            f"{method}: required argument {name!r} missing"
            for name in required
            if _absent(call, name)
        ]
    params = described_methods().get(method)
    if params is None:
        return [f"{method}: not a method of Slack's Web API description (nor allow-listed)"]
    problems: list[str] = []
    for param in params.values():
        if param.name == "token":
            if param.required and not call.token:
                problems.append(f"{method}: no token")
            continue
        if _absent(call, param.name):
            if param.required:
                problems.append(f"{method}: required argument {param.name!r} missing")
            continue
        wrong = _type_problem(param, call.params[param.name], call.encoding)
        if wrong:
            problems.append(f"{method}: {param.name} {wrong}")
    for name in call.params:
        newer = f"*.{name}" in NEWER_ARGUMENTS or f"{method}.{name}" in NEWER_ARGUMENTS
        if name not in params and not newer:
            problems.append(f"{method}: argument {name!r} is not in the description")
    return problems


def _absent(call: Call, name: str) -> bool:
    return call.params.get(name) in (None, "")


def _type_problem(param: Param, value: Any, encoding: str) -> str | None:
    """Why `value` is not of the documented type, or None. A form body or a query string
    carries text that must read as the type; a JSON body carries JSON values, and a
    JSON-encoded string argument may come as the JSON itself (Slack reads both)."""
    if encoding != "json" and not isinstance(value, str):
        # the fake decoded a JSON-encoded form field: it arrived as a string
        return None if param.type == "string" else f"is JSON text, documented as {param.type}"
    if isinstance(value, str):
        text = value.strip().lower()
        ok = {
            "string": True,
            "boolean": text in _BOOLEAN_TEXT,
            "integer": bool(_INTEGER_TEXT.fullmatch(text)),
            "number": bool(_NUMBER_TEXT.fullmatch(text)),
        }.get(param.type, False)
        return None if ok else f"is {value!r:.40}, documented as {param.type}"
    if param.type == "string":
        ok = isinstance(value, list | dict) and param.json
    elif param.type == "boolean":
        ok = isinstance(value, bool)
    elif param.type == "integer":
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif param.type == "number":
        ok = isinstance(value, int | float) and not isinstance(value, bool)
    else:
        ok = False
    return None if ok else f"is a {type(value).__name__}, documented as {param.type}"
