"""Every text exists in Spanish and English with the same placeholders."""

from __future__ import annotations

import string

from bot.core.i18n import catalog, lang_of


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _forms(text: str | dict[str, str]) -> list[str]:
    """A text's templates: itself, or each of its plural forms ("one", "other"…)."""
    return list(text.values()) if isinstance(text, dict) else [text]


def test_every_text_has_spanish_and_english_with_the_same_fields() -> None:
    for key, entry in catalog().items():
        assert set(entry) == {"es", "en"}, key
        forms = _forms(entry["es"]) + _forms(entry["en"])
        assert all(form.strip() for form in forms), key
        if isinstance(entry["es"], dict) or isinstance(entry["en"], dict):
            assert isinstance(entry["es"], dict) and isinstance(entry["en"], dict), key
            assert "other" in entry["es"] and "other" in entry["en"], key
        fields = {frozenset(_fields(form) - {"count"}) for form in forms}
        assert len(fields) == 1, key


def test_slack_locales_choose_the_language() -> None:
    assert lang_of("es-LA") == "es"
    assert lang_of("es-ES") == "es"
    assert lang_of("en-US") == "en"
    assert lang_of("pt-BR") == "es"
    assert lang_of("pt-BR", "en") == "en"
    assert lang_of(None, "en") == "en"
