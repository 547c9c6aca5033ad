"""The due index kept right: before anyone reads the day's calls, the customers marked stale
and the entries whose answer the passing of time may have changed are recomputed by the
due rule itself, on freshly gathered facts for just those customers.

Safe with several replicas on one PostgreSQL: the marks being recomputed are locked (a
second replica skips them and reads the entries as they stand), entries are upserted, and
a mark is removed only if nobody marked the customer again meanwhile.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from bot.agenda import queries as agenda
from bot.agenda.rules import callable_day
from bot.core.db import Db, transaction
from bot.core.policy import Policy
from bot.due import queries
from bot.due.rules import Entry, entries_of, resting_entries, rule_key

_BATCH = 2000


def refresh(
    db: Db,
    *,
    collector_ids: list[int] | None,
    day: date,
    policy: Policy,
    reading: Session | None = None,
) -> int:
    """Bring these collectors' entries (None: everyone's) up to `day`, in a transaction of
    its own; returns how many customers were recomputed. `reading`: the caller's read
    session, asked first whether there is anything to do (the usual answer is no, and a
    write transaction costs round trips)."""
    if reading is not None and not queries.anything_to_refresh(
        reading, collector_ids, day, rule_key(policy), policy.calendar.is_business_day(day)
    ):
        return 0
    if queries.one_writer(db):
        return _refresh_beside_writers(db, collector_ids=collector_ids, day=day, policy=policy)
    with transaction(db) as session:
        return refresh_in(session, collector_ids=collector_ids, day=day, policy=policy)


def _refresh_beside_writers(
    db: Db, *, collector_ids: list[int] | None, day: date, policy: Policy
) -> int:
    """SQLite has one writer: a refresh that held the write lock while computing kept every
    call note waiting behind it (a tenth of a second a collector under a burst, a whole
    minute for the morning's first refresh at scale). So it computes holding nothing and
    writes, a batch at a time, only what nobody changed meanwhile: an answer is written
    for a customer only if its mark is still the version read before its facts were (any
    change since bumped it, any other reader that recomputed it dropped it), and the
    others stay as the later change or reader left them."""
    key = rule_key(policy)
    business = policy.calendar.is_business_day(day)
    with transaction(db) as session:  # the answers time has changed become marks, first
        if not queries.anything_to_refresh(session, collector_ids, day, key, business):
            return 0
        _mark_due_again(session, collector_ids, day, key, business)
    with db() as session:
        marks = queries.stale_of(session, collector_ids, lock=False)
    written = 0
    for start in range(0, len(marks), _BATCH):
        batch = marks[start : start + _BATCH]
        with db() as session:
            ids, entries = _computed(session, [cid for cid, _ in batch], day, policy)
        with transaction(db) as session:
            queries.take_write_lock(session)
            now = queries.versions_of(session, ids)
            kept = [(cid, version) for cid, version in batch if now.get(cid) == version]
            still = {cid for cid, _ in kept}
            queries.write_entries(
                session, sorted(still), [e for e in entries if e.customer_id in still], key
            )
            queries.drop_marks(session, kept)
            written += len(kept)
    return written


def refresh_in(
    session: Session, *, collector_ids: list[int] | None, day: date, policy: Policy
) -> int:
    """The same, inside the caller's transaction. Costs one indexed read when nothing is
    stale, and writes nothing then."""
    key = rule_key(policy)
    business = policy.calendar.is_business_day(day)
    if not queries.anything_to_refresh(session, collector_ids, day, key, business):
        return 0
    queries.take_write_lock(session)
    _mark_due_again(session, collector_ids, day, key, business)
    marks = queries.stale_of(session, collector_ids, lock=True)
    for start in range(0, len(marks), _BATCH):
        batch = marks[start : start + _BATCH]
        ids, entries = _computed(session, [cid for cid, _ in batch], day, policy)
        queries.write_entries(session, ids, entries, key)
        queries.drop_marks(session, batch)
    return len(marks)


def _mark_due_again(
    session: Session, collector_ids: list[int] | None, day: date, key: str, business: bool
) -> None:
    """The kept answers the passing of time (or other rules) no longer holds become marks."""
    again = (
        queries.due_again(session, collector_ids, day, key, business)
        if collector_ids is not None
        else queries.due_again_all(session, day, key, business)
    )
    if again:
        queries.mark(session, again)


def _computed(
    session: Session, ids: list[int], day: date, policy: Policy
) -> tuple[list[int], list[Entry]]:
    """The rule's answers for these customers, on facts read now."""
    customers = agenda.workable(session, ids)
    # Nobody is due on a day they cannot be called: no facts needed to say so.
    resting = [c for c in customers if not callable_day(c, day, policy)]
    working = [c for c in customers if callable_day(c, day, policy)]
    facts = agenda.facts_of_customers(session, working, day, policy)
    tasks = queries.call_tasks(session, [c.id for c in customers]) if customers else {}
    return ids, entries_of(facts, tasks, day, policy) + resting_entries(resting, tasks, day, policy)


def mark_everyone(session: Session) -> None:
    """Every customer stale: the next read rebuilds the index (after a bulk load)."""
    queries.mark_all(session)
