from __future__ import annotations

import re
import unicodedata
from datetime import datetime, time
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, false
from sqlalchemy.orm import Mapped, mapped_column, validates

from models.base import Base, Timestamps, utcnow
from models.enums import Rank

_SPACES = re.compile(r"\s+")


def search_name_of(name: str) -> str:
    """The name as people type it in a hurry: lowercase, no accents, single-spaced. The same
    folding as the domain's `bot.core.text.fold` (the models may not import the domain; a
    test keeps the two equal), so what was typed and what is stored meet."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped).strip().lower()


def search_id_of(external_id: str) -> str:
    """An external id as people type it: "c 00042", "C-00042" and "C00042" are one id.
    Folded like a name, case-folded, spaces and punctuation dropped: people leave out the
    hyphen an ERP writes. Two customers whose ids differ only there both match, and the
    user picks one: never a guess."""
    return "".join(ch for ch in search_name_of(external_id).casefold() if ch.isalnum())


class Customer(Base, Timestamps):
    """A company that owes us, with when it may be called.

    `call_days` holds ISO weekday numbers as text ("1,2,3,4,5" = Monday to Friday); empty
    calling fields mean the team's defaults. `search_name` and `search_id` are the name and
    the external id folded (see `search_name_of`, `search_id_of`), so that "ferreteria lopez"
    finds "Ferretería López" and "c00042" finds "C00042" through an index. They follow `name`
    and `external_id` on every ORM write (the validators below); bulk statements, which
    bypass the ORM, set them with the same two functions. On PostgreSQL a trigram index
    (pg_trgm, GiST) on `search_name` serves fragments and typos.
    """

    __tablename__ = "customer"
    __table_args__ = (
        Index(
            "ix_customer_search_name_trgm",
            "search_name",
            postgresql_using="gist",
            postgresql_ops={"search_name": "gist_trgm_ops(siglen=64)"},
        ).ddl_if(dialect="postgresql"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    search_name: Mapped[str] = mapped_column(String(200), index=True)
    search_id: Mapped[str] = mapped_column(String(64), index=True)
    # Indexed: max(updated_at) and count() tell a process, cheaply, that its in-memory name
    # index (SQLite) is stale, whichever process changed a customer.
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow, index=True)
    tax_id: Mapped[str | None] = mapped_column(String(32))
    rank: Mapped[Rank | None]
    collector_id: Mapped[int | None] = mapped_column(ForeignKey("team_member.id"), index=True)
    timezone: Mapped[str | None] = mapped_column(String(64))
    call_days: Mapped[str | None] = mapped_column(String(20))
    call_start: Mapped[time | None]
    call_end: Mapped[time | None]
    # Paid beyond every open invoice: applied to the next invoice imported.
    credit: Mapped[Decimal] = mapped_column(default=Decimal("0"), server_default="0")
    # Escalated accounts: no more sales on credit (shown on the card and the agenda) ...
    credit_hold: Mapped[bool] = mapped_column(default=False, server_default=false())
    # ... and handed over to an agency or legal: off every collector's agenda.
    handed_over_at: Mapped[datetime | None]
    # "No contactar", with the reason someone gave: kept out of the agenda, warned in the
    # call modal (a legal request, a lawyer handling it, a dispute in court…).
    do_not_contact: Mapped[str | None] = mapped_column(String(500))

    @validates("name")
    def _fold_name(self, _key: str, value: str) -> str:
        self.search_name = search_name_of(value)
        return value

    @validates("external_id")
    def _fold_id(self, _key: str, value: str) -> str:
        self.search_id = search_id_of(value)
        return value
