"""Calling days and hours as people write them; business days with public holidays."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.core.calendar import BusinessCalendar, parse_call_days, parse_call_hours


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("lun-vie", {1, 2, 3, 4, 5}),
        ("L-V", {1, 2, 3, 4, 5}),
        ("lunes a viernes", {1, 2, 3, 4, 5}),
        ("mon,wed", {1, 3}),
        ("Lun, Mié, Vie", {1, 3, 5}),
        ("sab-lun", {6, 7, 1}),
        ("mon-fri", {1, 2, 3, 4, 5}),
        ("martes y jueves", {2, 4}),
    ],
)
def test_call_days_are_read_in_spanish_and_english(text: str, days: set[int]) -> None:
    assert parse_call_days(text) == days


@pytest.mark.parametrize("text", ["", "lun-xyz", "someday"])
def test_unreadable_call_days_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_call_days(text)


def test_call_hours_are_read_and_must_be_ordered() -> None:
    assert parse_call_hours("09:00-13:00") == (time(9), time(13))
    assert parse_call_hours("9-13") == (time(9), time(13))
    with pytest.raises(ValueError):
        parse_call_hours("13:00-09:00")
    with pytest.raises(ValueError):
        parse_call_hours("mañanas")


def test_business_days_skip_weekends_and_the_countrys_holidays() -> None:
    mexico = BusinessCalendar("MX")
    # 2026-11-16 is Revolution Day (third Monday of November) in Mexico.
    assert not mexico.is_business_day(date(2026, 11, 16))
    assert mexico.next_business_day(date(2026, 11, 14)) == date(2026, 11, 17)
    assert BusinessCalendar().next_business_day(date(2026, 11, 14)) == date(2026, 11, 16)
    assert mexico.add_business_days(date(2026, 11, 13), 1) == date(2026, 11, 17)
    assert mexico.business_days_between(date(2026, 11, 13), date(2026, 11, 18)) == 2
