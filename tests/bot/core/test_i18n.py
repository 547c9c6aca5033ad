"""Every text exists in Spanish and English with the same placeholders."""

from __future__ import annotations

import string

from bot.core.i18n import catalog, lang_of


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_text_has_spanish_and_english_with_the_same_fields() -> None:
    for key, entry in catalog().items():
        assert set(entry) == {"es", "en"}, key
        assert entry["es"].strip() and entry["en"].strip(), key
        assert _fields(entry["es"]) == _fields(entry["en"]), key


def test_slack_locales_choose_the_language() -> None:
    assert lang_of("es-LA") == "es"
    assert lang_of("es-ES") == "es"
    assert lang_of("en-US") == "en"
    assert lang_of("pt-BR") == "es"
    assert lang_of("pt-BR", "en") == "en"
    assert lang_of(None, "en") == "en"
