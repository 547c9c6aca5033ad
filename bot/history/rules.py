"""A customer's whole history, in order: the evidence a collection agency or a court asks
for (seed 003). Every attempt, note, promise, task and payment, one event each. Pure: the
rows come from `bot.history.queries`; the words are chosen at export, never stored."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

COLUMNS = ("when", "kind", "who", "detail", "amount", "status")


@dataclass(frozen=True)
class Event:
    at: datetime
    kind: str
    who: str
    detail: str
    amount: Decimal | None = None
    status: str = ""


def in_order(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: e.at)


def file_stem(customer: str, today: date) -> str:
    """`historial-ferreteria-lopez-2026-11-30`: what the file holds, not an internal id."""
    ascii_name = unicodedata.normalize("NFKD", customer).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:60] or "cliente"
    return f"historial-{slug}-{today.isoformat()}"
