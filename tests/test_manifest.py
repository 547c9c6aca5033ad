"""manifest.yml installs the app as it is: Slack's schema, and every scope the code needs."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from handlers.ids import SLASH_COMMAND, Shortcut

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = yaml.safe_load((ROOT / "manifest.yml").read_text(encoding="utf-8"))

# Web API methods the code calls → the bot scope each needs.
SCOPE_OF_METHOD = {
    "chat_postMessage": "chat:write",
    "chat_postEphemeral": "chat:write",
    "chat_update": "chat:write",
    "conversations_open": "im:write",
    "users_info": "users:read",
    "users_lookupByEmail": "users:read.email",
    "files_upload_v2": "files:write",
    "conversations_info": ("channels:read", "groups:read"),
    # finding an outbox message after an uncertain send: DMs and the supervisors' channel
    "conversations_history": ("im:history", "channels:history", "groups:history"),
    "conversations_replies": ("im:history", "channels:history", "groups:history"),
    "views_open": None,
    "views_publish": None,
    "views_update": None,
    "views_push": None,
}


def _methods_used() -> set[str]:
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "handlers").rglob("*.py"))
    return {m for m in SCOPE_OF_METHOD if re.search(rf"\.{m}\(", source)}


def test_manifest_has_only_the_keys_slack_accepts() -> None:
    allowed = {"_metadata", "display_information", "features", "oauth_config", "settings"}
    assert set(MANIFEST) <= allowed
    assert {"display_information", "features", "oauth_config", "settings"} <= set(MANIFEST)


def test_display_information_fits_slack_limits() -> None:
    info = MANIFEST["display_information"]
    assert 1 <= len(info["name"]) <= 35
    assert 1 <= len(info["description"]) <= 140
    assert 175 <= len(info["long_description"]) <= 4000


def test_the_slash_command_escapes_user_text() -> None:
    (command,) = MANIFEST["features"]["slash_commands"]
    assert command["command"] == SLASH_COMMAND
    assert command["should_escape"] is True
    assert 1 <= len(command["description"]) <= 2000
    assert len(command["usage_hint"]) <= 1000


def test_shortcuts_fit_and_match_the_code() -> None:
    shortcuts = MANIFEST["features"]["shortcuts"]
    assert len(shortcuts) <= 10
    for shortcut in shortcuts:
        assert 1 <= len(shortcut["name"]) <= 24
        assert 1 <= len(shortcut["description"]) <= 150
    assert {s["callback_id"] for s in shortcuts} == {s.value for s in Shortcut}


def test_home_tab_interactivity_and_socket_mode_are_on() -> None:
    assert MANIFEST["features"]["app_home"]["home_tab_enabled"] is True
    assert MANIFEST["settings"]["interactivity"]["is_enabled"] is True
    assert MANIFEST["settings"]["socket_mode_enabled"] is True
    assert "app_home_opened" in MANIFEST["settings"]["event_subscriptions"]["bot_events"]


def test_every_scope_the_code_needs_is_declared_and_no_more() -> None:
    declared = set(MANIFEST["oauth_config"]["scopes"]["bot"])
    needed: set[str] = set()
    for method in _methods_used():
        scope = SCOPE_OF_METHOD[method]
        needed |= set(scope) if isinstance(scope, tuple) else ({scope} if scope else set())
    needed.add("commands")
    assert all(len(scope) <= 50 for scope in declared)
    assert declared == needed, f"missing: {needed - declared}, unused: {declared - needed}"
