"""The catalogue: every text exists in Spanish and English with the same placeholders; a
text that depends on a number has real plural forms in both (never "(s)"), picked by the
language's CLDR rule."""

from __future__ import annotations

import re
import string
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from bot.core.i18n import Lang, catalog, lang_of, plural_form, t
from bot.core.i18n.formats import set_team_locale, short_day, team_locale


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _forms(value: Any) -> dict[str, str]:
    return value if isinstance(value, dict) else {"": value}


@pytest.mark.parametrize("key", sorted(catalog()))
def test_every_text_has_spanish_and_english_with_the_same_fields(key: str) -> None:
    entry = catalog()[key]
    assert set(entry) == {"es", "en"}, key
    es, en = _forms(entry["es"]), _forms(entry["en"])
    assert isinstance(entry["es"], dict) == isinstance(entry["en"], dict), key
    # A plural form may leave the number out ("Columnas que cobro no usa: …"): `count` is
    # always passed; every other field must be in every form.
    fields = {frozenset(_fields(text) - {"count"}) for text in [*es.values(), *en.values()]}
    assert len(fields) == 1, (key, es, en)
    for text in [*es.values(), *en.values()]:
        assert text.strip(), key
        assert not re.search(r"\w\((s|es)\)|/a\b|\(a\)", text), (key, text)
    if isinstance(entry["es"], dict):
        assert "other" in es and "other" in en and "one" in es and "one" in en, key


def test_plural_forms_follow_each_language() -> None:
    assert plural_form("es", 1) == "one" and plural_form("es", 2) == "other"
    assert plural_form("es", 0) == "other"
    assert plural_form("en", 1) == "one"
    assert t("call.line_plan", "es", count=2, total="$10", method="") == (
        "*Plan de pagos:* 2 cuotas, $10 en total"
    )
    assert t("call.line_plan", "en", count=1, total="$10", method="") == (
        "*Payment plan:* 1 installment, $10 in all"
    )


def test_slack_locales_choose_the_language() -> None:
    assert lang_of("es-LA") == "es"
    assert lang_of("es-ES") == "es"
    assert lang_of("en-US") == "en"
    assert lang_of("pt-BR") == "es"
    assert lang_of("pt-BR", "en") == "en"
    assert lang_of(None, "en") == "en"


def test_roles_are_said_without_a_gender() -> None:
    """Ana and Bea are not "cobrador": a role is the work (cobranza), and "supervisa Sara"
    never reads as if Ana supervised Sara."""
    assert [t(f"role.{r}", "es") for r in ("collector", "supervisor", "admin")] == [
        "cobranza",
        "supervisión",
        "administración",
    ]
    line = t(
        "team.line",
        "es",
        name="Ana Pérez",
        role="cobranza",
        supervisor=t("team.supervised_by", "es", supervisor="Sara Jiménez"),
    )
    assert line == "Ana Pérez · cobranza · supervisión a cargo de Sara Jiménez"
    gendered = re.compile(r"\b(cobrador|cobradores|supervisores|administradores)\b", re.IGNORECASE)
    spanish = [
        text
        for key, entry in catalog().items()
        if not key.startswith(("csv.", "import", "report.csv"))
        for text in _forms(entry["es"]).values()
    ]
    assert [text for text in spanish if gendered.search(text)] == []


def test_a_short_day_kept_for_one_team_locale_is_not_shown_to_another() -> None:
    """short_day keeps what it wrote (an agenda writes the same days forty times); a
    change of the team's locale must still be seen at once."""
    before = team_locale()
    day = date(2026, 11, 27)
    try:
        set_team_locale("en_US")
        assert short_day(day, "en") == "Nov 27, 2026"
        set_team_locale("en_GB")
        assert short_day(day, "en") == "27 Nov 2026"
    finally:
        set_team_locale(before)


@pytest.mark.parametrize(
    ("lang", "count", "form"),
    [("es", 1, "one"), ("es", 2, "other"), ("es", 1_000_000, "many"), ("en", 1, "one")],
)
def test_plural_forms_kept_for_whole_numbers_are_cldrs(lang: Lang, count: int, form: str) -> None:
    assert plural_form(lang, count) == form
    assert plural_form(lang, count) == form  # the second time, from what was kept


def test_a_decimal_one_keeps_its_own_plural_after_a_whole_one() -> None:
    assert plural_form("en", 1) == "one"
    assert plural_form("en", Decimal("1.0")) == "other"
