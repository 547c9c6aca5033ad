"""dateparser, as a last resort for a field the grammar reads nothing in ("15 diciembre,
2026" written some other way). Imported lazily: most phrases never need it, and loading its
language data costs a quarter of a second.

Its answer is kept only when it accounts for every number written: dateparser drops what
it does not understand, and a date that ignores part of what was typed is a silent guess.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any

_LETTER = re.compile(r"[a-z]")
_NUMBER = re.compile(r"\d+")
_SETTINGS_BASE: dict[str, Any] = {
    "PREFER_DATES_FROM": "future",
    "DATE_ORDER": "DMY",
    "REQUIRE_PARTS": ["day", "month"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def read_with_dateparser(folded: str, now_local: datetime) -> tuple[date, time | None] | None:
    """A date (and a time, when one was written) or None."""
    numbers = _NUMBER.findall(folded)
    if not numbers or not (_LETTER.search(folded) or any(len(n) == 4 for n in numbers)):
        return None  # digits alone only as a full date ("15 12 2026"), never "10 11"
    import dateparser

    settings = {**_SETTINGS_BASE, "RELATIVE_BASE": now_local.replace(tzinfo=None)}
    result = dateparser.parse(folded, languages=["es", "en"], settings=settings)
    if result is None:
        return None
    if result.year > now_local.year + 20:
        return None  # a two-digit number taken for a year a century away
    said = {result.day, result.month, result.year, result.year % 100, result.minute}
    said |= {result.hour, result.hour % 12 or 12}
    if any(int(n) not in said for n in numbers):
        return None
    at = result.time() if (result.hour, result.minute) != (0, 0) else None
    return result.date(), at
