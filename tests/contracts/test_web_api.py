"""The bot's Web API calls against Slack's published description: every method the code calls
exists there (or is allow-listed with its reason), and the checker that the e2e suite runs
on every recorded call refuses what Slack would refuse."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import pytest
from slack_sdk import WebClient

from slackfake.server import Call
from tests.contracts.openapi import (
    NEWER_ARGUMENTS,
    NEWER_THAN_THE_DESCRIPTION,
    check_call,
    described_methods,
    is_known,
)

ROOT = Path(__file__).resolve().parents[2]
CODE = [ROOT / "app.py", *sorted((ROOT / "handlers").rglob("*.py"))]


def _api_methods(client_method: str, seen: frozenset[str] = frozenset()) -> set[str]:
    """The Web API methods one WebClient method calls (files_upload_v2 calls two)."""
    source = inspect.getsource(getattr(WebClient, client_method))
    found = set(re.findall(r'api_call\(\s*"([\w.]+)"', source))
    for helper in set(re.findall(r"self\.(\w+)\(", source)) - seen - {"api_call"}:
        if helper.startswith(("files_", "chat_", "conversations_")):
            found |= _api_methods(helper, seen | {client_method})
    return found


def methods_the_code_calls() -> dict[str, set[str]]:
    """Web API method → the files that call it, read from the code (any `.x_y(` call
    whose name is a WebClient method)."""
    client_methods = {
        name for name, _ in inspect.getmembers(WebClient, inspect.isfunction) if "_" in name
    } - {"api_call"}
    calls: dict[str, set[str]] = {}
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                name = node.func.attr
                if name in client_methods and not name.startswith("_"):
                    for method in _api_methods(name):
                        calls.setdefault(method, set()).add(str(path.relative_to(ROOT)))
    return calls


def test_every_method_the_code_calls_is_in_slacks_description() -> None:
    calls = methods_the_code_calls()
    assert {"chat.postMessage", "views.open", "apps.connections.open", "auth.test"} <= set(calls)
    unknown = {method: files for method, files in calls.items() if not is_known(method)}
    assert unknown == {}


def test_the_allow_list_names_only_methods_the_file_lacks_and_the_code_calls() -> None:
    calls = methods_the_code_calls()
    for method, (reason, _) in NEWER_THAN_THE_DESCRIPTION.items():
        assert method not in described_methods(), f"{method} is described now: check it"
        assert method in calls, f"{method} is allow-listed but nothing calls it"
        assert reason


def test_the_newer_arguments_are_missing_from_the_file() -> None:
    called = [m for m in methods_the_code_calls() if m in described_methods()]
    for key in NEWER_ARGUMENTS:
        method, _, argument = key.rpartition(".")
        for name in called if method == "*" else [method]:
            assert argument not in described_methods()[name], f"{key}: described for {name}"


def _call(method: str, encoding: str = "json", **params: object) -> Call:
    return Call(method, dict(params), token="xoxb-t", encoding=encoding)


def test_a_well_formed_call_passes() -> None:
    view = {"type": "modal", "title": {"type": "plain_text", "text": "Hola"}, "blocks": []}
    assert check_call(_call("views.open", trigger_id="t-1", view=view)) == []
    assert check_call(_call("conversations.history", "form", channel="D1", limit="200")) == []


@pytest.mark.parametrize(
    ("call", "problem"),
    [
        (_call("chat.postMessage", text="hola"), "required argument 'channel' missing"),
        (_call("views.open", view={}), "required argument 'trigger_id' missing"),
        (_call("chat.postMessage", channel="C1", thread_ts=1.5), "thread_ts is a float"),
        (_call("chat.postMessage", channel="C1", unfurl_links="yes"), "documented as boolean"),
        (_call("conversations.history", "form", channel="C1", limit="many"), "as integer"),
        (_call("chat.postMessage", channel="C1", channel_name="x"), "not in the description"),
        (_call("chat.postMessage", channel="C1", username={"a": 1}), "a dict"),
        (_call("chat.postMesage", channel="C1"), "not a method"),
        (Call("auth.test", {}, token=None), "no token"),
        (_call("files.getUploadURLExternal", "form", filename="a.csv"), "'length' missing"),
    ],
)
def test_what_slack_would_refuse_is_a_problem(call: Call, problem: str) -> None:
    problems = check_call(call)
    assert len(problems) == 1 and problem in problems[0], problems
