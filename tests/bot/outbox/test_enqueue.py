"""A message is written once per key, and the answer says whether this call wrote it: the
nudges count on it to keep to three messages a day (PostgreSQL's driver reports no row
count for an INSERT … ON CONFLICT, so the answer must not come from one)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.outbox.service import enqueue
from bot.ports import Message
from models import OutboxMessage


def test_a_key_is_written_once_and_the_second_enqueue_says_so(db: sessionmaker[Session]) -> None:
    with db.begin() as s:
        first = enqueue(s, key="nudge:1", channel="U0ANA", message=Message(text="Es hora"))
        again = enqueue(s, key="nudge:1", channel="U0ANA", message=Message(text="otra vez"))
    with db.begin() as s:
        later = enqueue(s, key="nudge:1", channel="U0ANA", message=Message(text="mañana"))
        other = enqueue(s, key="nudge:2", channel="U0ANA", message=Message(text="Es hora"))
    assert (first, again, later, other) == (True, False, False, True)
    with db() as s:
        texts = dict(s.execute(select(OutboxMessage.dedupe_key, OutboxMessage.text)).all())
        assert texts == {"nudge:1": "Es hora", "nudge:2": "Es hora"}
        assert s.scalar(select(func.count()).select_from(OutboxMessage)) == 2
