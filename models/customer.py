from __future__ import annotations

from datetime import datetime, time
from decimal import Decimal

from sqlalchemy import ForeignKey, String, false
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamps
from models.enums import Rank


class Customer(Base, Timestamps):
    """A company that owes us, with when it may be called.

    `call_days` holds ISO weekday numbers as text ("1,2,3,4,5" = Monday to Friday); empty
    calling fields mean the team's defaults. `search_name` is the name without accents or
    case, so that "ferreteria lopez" finds "Ferretería López" with an index.
    """

    __tablename__ = "customer"

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    search_name: Mapped[str] = mapped_column(String(200), index=True)
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
