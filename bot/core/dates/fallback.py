"""dateparser, for what it does well: the long tail of written-out dates ("December the
15th, 2026", "15.12.2026"). Imported lazily: most phrases never need it, and loading its
language data costs a quarter of a second."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any

_LETTER = re.compile(r"[a-z]")
_SETTINGS_BASE: dict[str, Any] = {
    "PREFER_DATES_FROM": "future",
    "DATE_ORDER": "DMY",
    "REQUIRE_PARTS": ["day", "month"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def read_with_dateparser(folded: str, now_local: datetime) -> tuple[date, time | None] | None:
    """A date (and a time, when one was written) or None. Never called with bare numbers:
    dateparser would read "15" as a day that may already have passed."""
    if not _LETTER.search(folded) or not re.search(r"\d", folded):
        return None
    import dateparser

    settings = {**_SETTINGS_BASE, "RELATIVE_BASE": now_local.replace(tzinfo=None)}
    result = dateparser.parse(folded, languages=["es", "en"], settings=settings)
    if result is None:
        return None
    at = result.time() if (result.hour, result.minute) != (0, 0) else None
    return result.date(), at
