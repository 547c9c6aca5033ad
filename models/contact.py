from __future__ import annotations

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamps


class Contact(Base, Timestamps):
    """A person at the customer: whom to ask for and how to address them."""

    __tablename__ = "contact"
    __table_args__ = (UniqueConstraint("customer_id", "match_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    match_name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(254))
    decision_maker: Mapped[bool] = mapped_column(default=False)
    # "No contactar" this person, with the reason: the call modal warns before calling them.
    do_not_contact: Mapped[str | None] = mapped_column(String(500))
