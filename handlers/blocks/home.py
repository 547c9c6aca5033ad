"""The App Home tab."""

from __future__ import annotations

from typing import Any

from bot.i18n import Lang, t
from handlers.blocks.common import context, header, section


def build_home_stranger(lang: Lang) -> dict[str, Any]:
    return {"type": "home", "blocks": [section(t("error.not_on_team", lang))]}


def build_home_welcome(name: str, lang: Lang) -> dict[str, Any]:
    from handlers.blocks.common import escape

    return {
        "type": "home",
        "blocks": [
            header(t("home.title", lang)),
            section(t("home.hello", lang, name=escape(name))),
            context(t("help.footer", lang)),
        ],
    }
