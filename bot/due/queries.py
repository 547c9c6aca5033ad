"""The due index's SQL: marking customers stale (in the same transaction as the change, from
the session's flush or explicitly after a bulk statement), finding what to recompute,
writing entries, and reading the day's calls as an indexed query.

Marks are written by a session listener for every ORM change to what the due rule reads;
bulk `insert()`/`update()` statements bypass the ORM's events, so whoever runs one calls
`mark` or `mark_where` beside it.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from datetime import date
from itertools import chain
from typing import Any

from sqlalchemy import (
    Date,
    Select,
    String,
    and_,
    bindparam,
    delete,
    event,
    false,
    func,
    literal,
    or_,
    select,
    true,
    update,
)
from sqlalchemy import inspect as inspect_
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, SessionTransaction, UOWTransaction

from bot.agenda.rules import DueCall
from bot.core.db import Prebuilt, ids_in, in_ids
from bot.core.dunning import Reason
from bot.core.vocabulary import TaskKind, TaskStatus
from bot.due.rules import CallTask, Entry, order_columns
from models import (
    ContactAttempt,
    Customer,
    Dispute,
    DueEntry,
    DueStale,
    Invoice,
    Payment,
    PaymentPromise,
    Task,
)

_CHILDREN = (Invoice, PaymentPromise, Payment, Task, Dispute, ContactAttempt)
# What of a customer the rule reads (or the agenda shows from the entry).
_CUSTOMER_FIELDS = (
    "collector_id",
    "name",
    "external_id",
    "timezone",
    "call_days",
    "call_start",
    "call_end",
    "credit_hold",
    "handed_over_at",
    "do_not_contact",
)
_CALL_KINDS = (TaskKind.CALL, TaskKind.PAYMENT_PLAN)


def _insert(session: Session | Any, table: Any) -> Any:
    dialect = session.get_bind().dialect.name if isinstance(session, Session) else session
    return (pg_insert if dialect == "postgresql" else sqlite_insert)(table)


def _mark_statement(session: Session) -> Any:
    stmt = _insert(session, DueStale)
    return stmt.on_conflict_do_update(
        index_elements=[DueStale.customer_id], set_={"version": DueStale.version + 1}
    )


_DEFERRED = "due_marks_deferred"


def defer_marks(session: Session) -> None:
    """Hold this transaction's marks in memory until `apply_marks`, just before its commit.

    For the long transactions (an import: minutes at two million invoices): each mark
    written at once would lock its row until the commit, so a reader refreshing one of
    those customers would wait for the whole import, and the import's later marks, in
    another order than the refresh's, could meet a refresh's locks in a circle (a deadlock,
    one of them aborted). Written last, in customer order, the marks lock for a moment."""
    session.info[_DEFERRED] = set()


def apply_marks(session: Session) -> None:
    """Write the marks `defer_marks` held, in customer order."""
    held: set[int] | None = session.info.pop(_DEFERRED, None)
    if held:
        mark(session, held)


def mark(session: Session, customer_ids: Iterable[int]) -> None:
    """These customers' entries may be wrong: recompute them at the next read. Once a
    customer a transaction (see _MARKED), whether a flush or a bulk statement marks."""
    held: set[int] | None = session.info.get(_DEFERRED)
    if held is not None:
        held.update(customer_ids)
        return
    tx = _innermost(session)
    done = _MARKED.setdefault(tx, set()) if tx is not None else set()
    ids = sorted(set(customer_ids) - done)  # one order for every writer: no deadlock
    done.update(ids)
    for start in range(0, len(ids), 5000):
        session.connection().execute(
            _mark_statement(session),
            [{"customer_id": cid, "version": 1} for cid in ids[start : start + 5000]],
        )


def mark_where(session: Session, customer_ids: Select[Any]) -> None:
    """Mark the customers a query selects, in one INSERT … SELECT (bulk imports); when the
    marks are deferred, the query is read now (what it selects may change next) and the
    customers are held."""
    held: set[int] | None = session.info.get(_DEFERRED)
    if held is not None:
        held.update(session.scalars(customer_ids))
        return
    # "WHERE true": SQLite cannot otherwise tell the ON CONFLICT clause from a join's ON.
    found = (
        select(customer_ids.subquery().c[0].label("customer_id"), literal(1))
        .where(true())
        .distinct()
    )
    stmt = (
        _insert(session, DueStale)
        .from_select(["customer_id", "version"], found)
        .on_conflict_do_update(
            index_elements=[DueStale.customer_id], set_={"version": DueStale.version + 1}
        )
    )
    session.connection().execute(stmt)


def _changed_customers(session: Session) -> set[int]:
    ids: set[int] = set()
    gone = {obj.id for obj in session.deleted if isinstance(obj, Customer)}
    for obj in chain(session.new, session.dirty, session.deleted):
        if isinstance(obj, Customer):
            if obj in session.new:
                ids.add(obj.id)
            elif obj not in session.deleted:
                state: Any = inspect_(obj)
                if any(state.attrs[name].history.has_changes() for name in _CUSTOMER_FIELDS):
                    ids.add(obj.id)
        elif isinstance(obj, _CHILDREN):
            if obj in session.dirty and not session.is_modified(obj):
                continue
            child: Any = inspect_(obj)
            history = child.attrs["customer_id"].history
            ids |= {cid for cid in chain(history.deleted or (), [obj.customer_id]) if cid}
    return ids - gone


# The customers already marked in each (innermost) transaction: a call submission flushes
# three times and closes the call's tasks in a bulk UPDATE, and one mark a customer is
# enough until its transaction ends. Keyed by the innermost transaction, so a savepoint
# rolled back (its marks with it) is not trusted.
_MARKED: weakref.WeakKeyDictionary[SessionTransaction, set[int]] = weakref.WeakKeyDictionary()


def _innermost(session: Session) -> SessionTransaction | None:
    return session.get_nested_transaction() or session.get_transaction()


def _after_flush(session: Session, _context: UOWTransaction) -> None:
    ids = _changed_customers(session)
    if ids:
        mark(session, ids)


event.listen(Session, "after_flush", _after_flush)


def _held_not_each(day: Any, rule_key: Any, business: bool) -> list[Any]:
    """Each way a kept answer stops holding on `day`, written so that each is a range of
    ix_due_entry_recheck or ix_due_entry_rules: a step or a grace reached, other rules
    (`<` or `>`, an inequality no index serves), computed for a later day, and, on a day
    that is not a business day, for any other day. `day` and `rule_key` are values, or
    bound parameters of a statement built once."""
    held = [
        DueEntry.recheck_on <= day,
        DueEntry.rule_key < rule_key,
        DueEntry.rule_key > rule_key,
        and_(DueEntry.rule_key == rule_key, DueEntry.computed_for > day),
    ]
    if not business:
        held.append(and_(DueEntry.rule_key == rule_key, DueEntry.computed_for < day))
    return held


def _held_not(day: date, rule_key: str, business: bool) -> Any:
    return or_(*_held_not_each(day, rule_key, business))


def _concerning(of: Callable[[Any], Any]) -> Any:
    """Marked customers these collectors (`of(column)`: the column among their ids) own,
    hold entries for, or have a call task for: each asked from the mark (correlated), so
    the few marks drive the query, not the collectors' thousands of customers."""
    mark = DueStale.customer_id
    return or_(
        select(Customer.id).where(Customer.id == mark, of(Customer.collector_id)).exists(),
        select(DueEntry.customer_id)
        .where(DueEntry.customer_id == mark, of(DueEntry.collector_id))
        .exists(),
        select(Task.id)
        .where(
            Task.customer_id == mark,
            of(Task.assignee_id),
            Task.status == TaskStatus.OPEN,
            Task.kind.in_(_CALL_KINDS),
        )
        .exists(),
    )


def _anything_to_refresh(dialect: str, business: bool, some: bool) -> Any:
    """Whether anything is stale, for everyone or for the collectors `:ids`, on a business
    day or not: one index probe per way an entry stops holding, and the marks."""

    def of(column: Any) -> Any:
        return ids_in(dialect, column)

    day, rule_key = bindparam("day", type_=Date), bindparam("rule_key", type_=String)
    probes = []
    for condition in _held_not_each(day, rule_key, business):
        entries = select(DueEntry.customer_id).where(condition)
        probes.append((entries.where(of(DueEntry.collector_id)) if some else entries).exists())
    marks = select(DueStale.customer_id)
    return select(or_(*probes, (marks.where(_concerning(of)) if some else marks).exists()))


def _prebuilt_probe(business: bool, some: bool) -> Prebuilt:
    return Prebuilt(lambda dialect: _anything_to_refresh(dialect, business, some))


_ANYTHING_TO_REFRESH = {
    (business, some): _prebuilt_probe(business, some)
    for business in (True, False)
    for some in (True, False)
}


def anything_to_refresh(
    session: Session, collector_ids: list[int] | None, day: date, rule_key: str, business: bool
) -> bool:
    """One round trip for the usual answer, "nothing": no mark and no entry due again,
    each asked as an index probe that stops at its first hit. Built once: it runs before
    every agenda shown."""
    statement = _ANYTHING_TO_REFRESH[business, collector_ids is not None](session)
    params: dict[str, Any] = {"day": day, "rule_key": rule_key}
    if collector_ids is not None:
        params["ids"] = collector_ids
    return bool(session.scalar(statement, params))


def due_again(
    session: Session, collector_ids: list[int], day: date, rule_key: str, business: bool
) -> list[int]:
    """Customers of these collectors whose kept answer does not hold on `day`: a step or a
    grace reached (`recheck_on`), computed for a later day, under other rules, or a
    non-business day (answers hold over business days only)."""
    return list(
        session.scalars(
            select(DueEntry.customer_id)
            .where(
                in_ids(session, DueEntry.collector_id, collector_ids),
                _held_not(day, rule_key, business),
            )
            .distinct()
        )
    )


def due_again_all(session: Session, day: date, rule_key: str, business: bool) -> list[int]:
    """`due_again` for every collector (the morning digest)."""
    return list(
        session.scalars(
            select(DueEntry.customer_id).where(_held_not(day, rule_key, business)).distinct()
        )
    )


def mark_all(session: Session) -> None:
    mark_where(session, select(Customer.id))


def stale_of(
    session: Session, collector_ids: list[int] | None, *, lock: bool
) -> list[tuple[int, int]]:
    """The marks (customer, version) that concern these collectors (None: all): customers
    they own, hold entries for, or have an open call task for. With `lock`, PostgreSQL locks
    them, waiting for those another replica is recomputing: skipping them, as this once
    did, let a reader answer from entries not yet written ("no calls today" while the other
    replica built them). Locked in customer order, so two refreshes never wait on each
    other in a circle."""
    query = select(DueStale.customer_id, DueStale.version).order_by(DueStale.customer_id)
    if collector_ids is not None:
        query = query.where(_concerning(lambda column: in_ids(session, column, collector_ids)))
    if lock:
        query = query.with_for_update()
    return [(cid, version) for cid, version in session.execute(query)]


def one_writer(db: Any) -> bool:
    """Whether the database lets one transaction write at a time (SQLite)."""
    return bool(db.kw["bind"].dialect.name == "sqlite")


def versions_of(session: Session, customer_ids: list[int]) -> dict[int, int]:
    """The marks these customers have now, with their versions."""
    if not customer_ids:
        return {}
    query = select(DueStale.customer_id, DueStale.version).where(
        in_ids(session, DueStale.customer_id, customer_ids)
    )
    return {cid: version for cid, version in session.execute(query)}


def take_write_lock(session: Session) -> None:
    """SQLite: begin the write now, so that what is read next is what is written against
    (one writer at a time); PostgreSQL locks rows instead."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(update(DueStale).where(false()).values(version=DueStale.version))


def call_tasks(session: Session, ids: list[int]) -> dict[int, list[CallTask]]:
    """Every open call task of these customers, due or not, in the agenda's order."""
    found: dict[int, list[CallTask]] = {}
    for task_id, assignee_id, customer_id, text, due_date, snoozed in session.execute(
        select(
            Task.id,
            Task.assignee_id,
            Task.customer_id,
            Task.text,
            Task.due_date,
            Task.snoozed_until,
        )
        .where(
            in_ids(session, Task.customer_id, ids),
            Task.status == TaskStatus.OPEN,
            Task.kind.in_(_CALL_KINDS),
        )
        .order_by(Task.due_date, Task.due_time, Task.id)
    ):
        if customer_id is None:
            continue
        found.setdefault(customer_id, []).append(
            CallTask(task_id, assignee_id, customer_id, text, due_date, snoozed)
        )
    return found


def _values(entry: Entry, rule_key: str) -> dict[str, Any]:
    call = entry.call
    values: dict[str, Any] = {
        "collector_id": entry.collector_id,
        "customer_id": entry.customer_id,
        "computed_for": entry.computed_for,
        "recheck_on": entry.recheck_on,
        "rule_key": rule_key,
        "due_on": None,
        "priority": None,
        "overdue": None,
        "since": None,
        "name": None,
        "reason": None,
        "external_id": None,
        "escalated": False,
        "credit_hold": False,
        "promise_amount": None,
        "promise_date": None,
        "task_id": None,
        "task_text": None,
    }
    if call is not None:
        priority, overdue, since, name = order_columns(call)
        values |= {
            "due_on": entry.computed_for,
            "priority": priority,
            "overdue": overdue,
            "since": since,
            "name": name,
            "reason": call.reason.value,
            "external_id": call.external_id,
            "escalated": call.escalated,
            "credit_hold": call.credit_hold,
            "promise_amount": call.promise_amount,
            "promise_date": call.promise_date,
            "task_id": call.task_id,
            "task_text": call.task_text,
        }
    return values


def write_entries(
    session: Session, customer_ids: list[int], entries: list[Entry], rule_key: str
) -> None:
    """Replace these customers' entries with `entries`: upsert the pairs that remain, delete
    the pairs that no longer exist (a customer moved, handed over, a task done)."""
    wanted = {(e.collector_id, e.customer_id) for e in entries}
    existing = {
        (collector_id, customer_id)
        for collector_id, customer_id in session.execute(
            select(DueEntry.collector_id, DueEntry.customer_id).where(
                in_ids(session, DueEntry.customer_id, customer_ids)
            )
        )
    }
    obsolete = existing - wanted
    if obsolete:
        session.connection().execute(
            delete(DueEntry).where(
                DueEntry.collector_id == bindparam("c"), DueEntry.customer_id == bindparam("k")
            ),
            [{"c": c, "k": k} for c, k in sorted(obsolete)],
        )
    if not entries:
        return
    stmt = _insert(session, DueEntry)
    columns = [
        c.name for c in DueEntry.__table__.columns if c.name not in ("collector_id", "customer_id")
    ]
    stmt = stmt.on_conflict_do_update(
        index_elements=[DueEntry.collector_id, DueEntry.customer_id],
        set_={name: stmt.excluded[name] for name in columns},
    )
    rows = [
        _values(e, rule_key) for e in sorted(entries, key=lambda e: (e.customer_id, e.collector_id))
    ]
    for start in range(0, len(rows), 5000):
        session.connection().execute(stmt, rows[start : start + 5000])


def drop_marks(session: Session, marks: list[tuple[int, int]]) -> None:
    """Remove the marks read, each only if nobody marked the customer again meanwhile."""
    tx = _innermost(session)
    if tx is not None:  # a change after this in the same transaction marks again
        _MARKED.pop(tx, None)
    if marks:
        session.connection().execute(
            delete(DueStale).where(
                DueStale.customer_id == bindparam("k"), DueStale.version == bindparam("v")
            ),
            [{"k": k, "v": v} for k, v in marks],
        )


def due_calls(
    session: Session, collector_ids: list[int], day: date, capacity: int
) -> tuple[dict[int, list[DueCall]], dict[int, int]]:
    """Each collector's first `capacity` due calls in the rule's order, and how many are due
    in all. For a few collectors (`/cobro hoy`, the Home tab) each one's calls are read off
    ix_due_entry_order and counted off it: no sort, whatever the
    portfolio. For many (the digest) one pass ranks them all, cheaper than a query each."""
    due_today = (
        DueEntry.due_on.is_not(None),
        DueEntry.due_on <= day,
    )
    order = (
        DueEntry.priority,
        DueEntry.overdue.desc(),
        DueEntry.since,
        DueEntry.name,  # code points on both databases (see the model)
        DueEntry.customer_id,
    )
    shown: dict[int, list[DueCall]] = {cid: [] for cid in collector_ids}
    totals: dict[int, int] = {}
    if len(collector_ids) <= _FEW:
        for cid in collector_ids:
            mine = (DueEntry.collector_id == cid, *due_today)
            # The count rides along as a subquery run once: one round trip, not two.
            total = select(func.count()).select_from(DueEntry).where(*mine).scalar_subquery()
            rows = (
                session.execute(
                    select(*DueEntry.__table__.c, Customer.rank, total.label("total"))
                    .join(Customer, Customer.id == DueEntry.customer_id)
                    .where(*mine)
                    .order_by(*order)
                    .limit(max(capacity, 1))
                )
                .mappings()
                .all()
            )
            shown[cid] = [_call_of(row) for row in rows[:capacity]]
            totals[cid] = rows[0]["total"] if rows else 0
        return shown, totals
    ranked = (
        select(
            DueEntry,
            func.row_number().over(partition_by=DueEntry.collector_id, order_by=order).label("n"),
            func.count().over(partition_by=DueEntry.collector_id).label("total"),
        )
        .where(in_ids(session, DueEntry.collector_id, collector_ids), *due_today)
        .subquery()
    )
    c = ranked.c
    for row in session.execute(
        select(ranked, Customer.rank)
        .join(Customer, Customer.id == c.customer_id)
        .where(c.n <= capacity)
        .order_by(c.collector_id, c.n)
    ).mappings():
        totals[row["collector_id"]] = row["total"]
        shown[row["collector_id"]].append(_call_of(row))
    return shown, totals


# Up to this many collectors, a query each reads off the order index (see due_calls).
_FEW = 8


def _call_of(row: Any) -> DueCall:
    return DueCall(
        customer_id=row["customer_id"],
        external_id=row["external_id"],
        name=row["name"],
        reason=Reason(row["reason"]),
        since=row["since"],
        overdue=row["overdue"],
        credit_hold=row["credit_hold"],
        escalated=row["escalated"],
        promise_amount=row["promise_amount"],
        promise_date=row["promise_date"],
        task_id=row["task_id"],
        task_text=row["task_text"],
        rank=row["rank"].value if row["rank"] else None,
    )
