"""cobro's words, grouped by area. Each module exports TEXTS = {key: {"es": …, "en": …}}.

`ALL_TEXTS` imports them when first asked for, so that a command reading only one area
(`cobro --help` reads cli_help) does not load the others."""

from importlib import import_module
from typing import Any

AREAS = (
    "agenda",
    "calls",
    "card",
    "cli_help",
    "common",
    "dates",
    "digest",
    "help",
    "importer",
    "money",
    "nudges",
    "report",
    "supervision",
    "team",
)


def __getattr__(name: str) -> Any:
    if name == "ALL_TEXTS":
        return tuple(import_module(f"{__name__}.{area}").TEXTS for area in AREAS)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
