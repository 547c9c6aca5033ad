"""manifest.yml against the JSON schema Slack validates app manifests with (slackapi/
manifest-schema, copied into tests/contracts/slack/). The top schema refers to the versioned
ones by their public URLs; they are resolved to the local copies, with no network."""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft7Validator
from referencing import Registry, Resource

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = Path(__file__).parent / "slack"
PUBLISHED = "https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/"
MANIFEST = yaml.safe_load((ROOT / "manifest.yml").read_text(encoding="utf-8"))


@cache
def validator() -> Draft7Validator:
    top = json.loads((SCHEMAS / "manifest.schema.json").read_text(encoding="utf-8"))
    registry: Registry[Any] = Registry()
    for path in sorted((SCHEMAS / "schemas").glob("manifest.schema.*.json")):
        schema = Resource.from_contents(json.loads(path.read_text(encoding="utf-8")))
        registry = registry.with_resource(PUBLISHED + path.name, schema)
    return Draft7Validator(top, registry=registry)


def _errors(manifest: dict[str, Any]) -> list[str]:
    found: list[str] = []
    for error in validator().iter_errors(manifest):
        found += [f"{list(c.absolute_path)}: {c.message}" for c in error.context] or [error.message]
    return found


def test_the_manifest_validates_against_slacks_schema() -> None:
    assert _errors(MANIFEST) == []


def test_the_http_mode_variant_the_readme_describes_validates() -> None:
    manifest = copy.deepcopy(MANIFEST)
    url = "https://cobro.example.com/slack/events"
    manifest["settings"]["socket_mode_enabled"] = False
    manifest["settings"]["event_subscriptions"]["request_url"] = url
    manifest["settings"]["interactivity"]["request_url"] = url
    manifest["features"]["slash_commands"][0]["url"] = url
    assert _errors(manifest) == []


def _changed(path: list[str], value: Any) -> dict[str, Any]:
    manifest = copy.deepcopy(MANIFEST)
    target = manifest
    for key in path[:-1]:
        target = target[key] if not key.isdigit() else target[int(key)]
    target[path[-1]] = value
    return manifest


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (["features", "shortcuts", "0", "name"], "Registrar gestión de cobro"),  # 26 > 24
        (["display_information", "description"], "x" * 141),
        (["features", "slash_commands", "0", "command"], "cobro"),  # no leading slash
        (["settings", "socket_mode_enabled"], "yes"),
        (["oauth_config", "scopes", "bot"], ["chat:write", "x" * 51]),
        (["features", "unknown_feature"], True),
    ],
)
def test_the_schema_refuses_what_slack_refuses(path: list[str], value: Any) -> None:
    assert _errors(_changed(path, value)) != []
