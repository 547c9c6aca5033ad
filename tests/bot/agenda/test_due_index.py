"""The due index always tells what the rule tells: after any sequence of changes (calls,
promises made, kept and broken, payments, tasks for the owner or a colleague, disputes,
invoice imports, "no contactar", hand-over, a customer moved, calling days, days passing),
the agendas read through the index equal the agendas recomputed from every fact.

The changes go through the ORM (whose flush marks the customers) and through the bulk
statements the services use (which mark explicitly); the index is refreshed and committed
between steps, as the readers do, so what it kept from one day serves the next."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from itertools import count
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker

from bot.agenda.service import agendas_from_scratch, compute_agendas
from bot.core.config import load_settings
from bot.core.policy import Policy
from bot.core.vocabulary import PromiseStatus, TaskKind, TaskStatus
from bot.due import service as due_index
from bot.imports import queries as imports
from bot.supervision.queries import cancel_open_tasks
from bot.tasks.queries import close_call_tasks
from models import Customer, Dispute, Invoice, PaymentPromise, Task
from tests import builders as b

START = date(2026, 11, 23)  # a Monday; 25 December and the weekends lie ahead
POLICY = Policy.from_settings(
    load_settings(_env_file=None, cobro_timezone="America/Mexico_City", cobro_country="MX")
)
TIGHT = Policy.from_settings(
    load_settings(
        _env_file=None,
        cobro_timezone="America/Mexico_City",
        cobro_country="MX",
        cobro_daily_capacity=2,
        cobro_contact_cap="1/week",
    )
)
_run = count(1)

CUSTOMERS = 5
MEMBERS = 3

offset = st.integers(min_value=-100, max_value=20)
who = st.integers(min_value=0, max_value=CUSTOMERS - 1)
member = st.integers(min_value=0, max_value=MEMBERS - 1)
steps = st.one_of(
    st.tuples(st.just("call"), who, member),
    st.tuples(st.just("promise"), who, st.integers(min_value=-6, max_value=6)),
    st.tuples(st.just("keep"), who),
    st.tuples(st.just("break"), who),
    st.tuples(st.just("pay"), who, st.sampled_from(["10", "all"])),
    st.tuples(st.just("task"), who, member, st.integers(min_value=-3, max_value=6), st.booleans()),
    st.tuples(st.just("done"), who),
    st.tuples(st.just("dispute"), who, st.booleans()),
    st.tuples(st.just("resolve"), who),
    st.tuples(st.just("import"), who, offset, st.sampled_from(["150", "900", "0"])),
    st.tuples(st.just("no_contact"), who),
    st.tuples(st.just("hand_over"), who),
    st.tuples(st.just("move"), who, member),
    st.tuples(st.just("days"), who, st.sampled_from([None, "1,3,5", "6"])),
    st.tuples(st.just("pass"), st.integers(min_value=1, max_value=4)),
    st.tuples(st.just("hold"), who),
)


def _now(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), POLICY.tz).astimezone(UTC)


def _apply(s: Session, step: tuple, day: date, people: list, customers: list[int]) -> date:
    kind, *args = step
    cid = customers[args[0]] if args and kind != "pass" else 0
    c = s.get(Customer, cid) if cid else None
    if kind == "call":
        by = people[args[1]]
        b.attempt(s, c, by, day.isoformat())
        close_call_tasks(s, cid, day, _now(day))  # the bulk statement a logged call runs
    elif kind == "promise":
        b.promise(s, c, people[0], (day + timedelta(days=args[1])).isoformat(), "500")
    elif kind in ("keep", "break"):
        pending = s.scalars(
            select(PaymentPromise).where(
                PaymentPromise.customer_id == cid, PaymentPromise.status == PromiseStatus.PENDING
            )
        ).first()
        if pending is not None:
            if kind == "keep":
                pending.status, pending.paid_amount = PromiseStatus.KEPT, pending.amount
            else:
                pending.status, pending.broken_at = PromiseStatus.BROKEN, _now(day, 9)
    elif kind == "pay":
        invoice = s.scalars(
            select(Invoice).where(Invoice.customer_id == cid, Invoice.balance > 0)
        ).first()
        if invoice is not None:
            paid = invoice.balance if args[1] == "all" else Decimal(args[1])
            invoice.balance = max(invoice.balance - paid, Decimal("0"))
    elif kind == "task":
        snooze = {"snoozed_until": _now(day + timedelta(days=2), 8)} if args[3] else {}
        b.task(s, c, people[args[1]], (day + timedelta(days=args[2])).isoformat(), **snooze)
    elif kind == "done":
        task = s.scalars(
            select(Task).where(Task.customer_id == cid, Task.status == TaskStatus.OPEN)
        ).first()
        if task is not None:
            task.status = TaskStatus.DONE
        else:
            cancel_open_tasks(s, cid)
    elif kind == "dispute":
        invoice = s.scalars(select(Invoice).where(Invoice.customer_id == cid)).first()
        b.dispute(s, c, people[0], invoice if args[1] else None)
    elif kind == "resolve":
        for open_one in s.scalars(
            select(Dispute).where(Dispute.customer_id == cid, Dispute.resolved_at.is_(None))
        ):
            open_one.resolved_at = _now(day)
    elif kind == "import":  # the importer's bulk INSERT and UPDATE
        due_date = day + timedelta(days=args[1])
        existing = s.scalars(select(Invoice).where(Invoice.customer_id == cid)).first()
        record = {
            "customer_id": cid,
            "issue_date": None,
            "due_date": due_date,
            "amount": Decimal(args[2]),
            "balance": Decimal(args[2]),
            "currency": "MXN",
        }
        if existing is not None and args[2] == "0":
            _import(s, {"number": existing.number, **record})
            s.expire_all()
        else:
            _import(s, {"number": f"I-{next(_run)}", **record})
    elif kind == "no_contact":
        c.do_not_contact = None if c.do_not_contact else "lo pidió su abogado"
    elif kind == "hand_over":
        c.handed_over_at = None if c.handed_over_at else _now(day)
    elif kind == "move":
        c.collector_id = people[args[1]].id
    elif kind == "days":
        c.call_days = args[1]
    elif kind == "hold":
        c.credit_hold = not c.credit_hold
    elif kind == "pass":
        return day + timedelta(days=args[0])
    return day


def _import(session: Session, record: dict[str, object]) -> None:
    """One invoice as the importer writes a file: staged, then upserted in set-based SQL."""
    imports.open_stage(session, imports.INVOICE_STAGE)
    imports.stage_rows(session, imports.INVOICE_STAGE, [{"line": 2, **record}])
    imports.upsert_staged_invoices(session)
    imports.drop_stage(session, imports.INVOICE_STAGE)


def _check(db: sessionmaker[Session], ids: list[int], day: date, policy: Policy) -> None:
    due_index.refresh(db, collector_ids=ids[:1], day=day, policy=policy)  # one reader's
    with db() as s:
        indexed = compute_agendas(s, collector_ids=ids, day=day, policy=policy)
        oracle = agendas_from_scratch(s, collector_ids=ids, day=day, policy=policy)
    for member_id in ids:
        got, want = indexed[member_id], oracle[member_id]
        assert (got.calls, got.more) == (want.calls, want.more), (member_id, day)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(changes=st.lists(steps, min_size=1, max_size=14), tight=st.booleans())
def test_the_index_answers_what_the_rule_answers(
    db: sessionmaker[Session], changes: list[tuple], tight: bool
) -> None:
    policy = TIGHT if tight else POLICY
    run = next(_run)
    with db.begin() as s:
        people = [b.member(s, f"U{run}X{n}", f"Cobrador {run}-{n}") for n in range(MEMBERS)]
        customers = []
        for n in range(CUSTOMERS):
            c = b.customer(s, f"Cliente {run}-{n}", people[n % 2])
            b.invoice(s, c, (START - timedelta(days=15 * n)).isoformat(), str(100 * (n + 1)))
            customers.append(c.id)
        ids = [p.id for p in people]
    day = START
    _check(db, ids, POLICY.calendar.next_business_day(day), policy)
    for step in changes:
        with db.begin() as s:
            people_now = [s.get(b.TeamMember, i) for i in ids]
            day = _apply(s, step, day, people_now, customers)
        _check(db, ids, policy.calendar.next_business_day(day), policy)
    # Any day read directly, a weekend or a holiday too, answers the same.
    for later in (1, 5, 6):
        _check(db, ids, day + timedelta(days=later), policy)


def test_a_mark_is_written_with_the_change_and_removed_by_the_read(
    db: sessionmaker[Session],
) -> None:
    from models import DueStale

    with db.begin() as s:
        ana = b.member(s, "U0ANA", "Ana")
        c = b.customer(s, "Ferretería López", ana)
        b.invoice(s, c, "2026-11-01", "100")
    with db() as s:
        assert s.scalars(select(DueStale.customer_id)).all() == [c.id]
    due_index.refresh(db, collector_ids=[ana.id], day=START, policy=POLICY)
    with db() as s:
        assert s.scalars(select(DueStale.customer_id)).all() == []
        calls = compute_agendas(s, collector_ids=[ana.id], day=START, policy=POLICY)[ana.id]
        assert [call.name for call in calls.calls] == ["Ferretería López"]
    with db.begin() as s:
        b.task(s, s.get(Customer, c.id), s.get(b.TeamMember, ana.id), "2026-11-23")
    with db() as s:
        assert s.scalars(select(DueStale.customer_id)).all() == [c.id]


def test_a_mark_written_meanwhile_survives_the_recomputation(db: sessionmaker[Session]) -> None:
    """Deleting a mark only if its version is the one read: a change that lands while the
    entries are being recomputed is recomputed again at the next read."""
    from bot.due import queries
    from models import DueStale

    with db.begin() as s:
        ana = b.member(s, "U0ANA", "Ana")
        c = b.customer(s, "Ferretería López", ana)
    with db.begin() as s:
        read = queries.stale_of(s, None, lock=False)
    with db.begin() as s:
        queries.mark(s, [c.id])  # someone changed the customer meanwhile
    with db.begin() as s:
        queries.drop_marks(s, read)
    with db() as s:
        assert s.scalars(select(DueStale.version)).all() == [2]


def test_a_change_landing_while_sqlite_computes_is_not_overwritten(
    tmp_path: Path, sqlite_template: Path
) -> None:
    """On SQLite (only there) the refresh computes holding no lock and writes after: a
    change stored between the two must not be buried under the answer computed before it.
    The change is committed, and read by another refresher, just before the first one's
    write: the first must then write nothing for that customer."""
    from sqlalchemy import event

    from models import DueStale
    from models.db import make_engine, make_session_factory
    from tests.conftest import fresh_sqlite

    engine = make_engine(fresh_sqlite(tmp_path, sqlite_template))
    db = make_session_factory(engine)

    with db.begin() as s:
        ana = b.member(s, "U0ANA", "Ana")
        c = b.customer(s, "Ferretería López", ana)
        b.invoice(s, c, "2026-11-01", "100")
    landed: list[bool] = []

    def meanwhile(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if landed or not statement.startswith("UPDATE due_stale"):
            return
        landed.append(True)
        with db.begin() as other:  # the collector's task, stored by someone else
            b.task(other, other.get(Customer, c.id), other.get(b.TeamMember, ana.id), "2026-11-23")
        # and another reader brings the index up to date (and drops the mark) first
        due_index.refresh(db, collector_ids=[ana.id], day=START, policy=POLICY)

    event.listen(engine, "before_cursor_execute", meanwhile)
    try:
        due_index.refresh(db, collector_ids=[ana.id], day=START, policy=POLICY)
    finally:
        event.remove(engine, "before_cursor_execute", meanwhile)
    with db() as s:
        still_marked = s.scalars(select(DueStale.customer_id)).all()
    assert landed and still_marked == []
    with db() as s:  # what is kept is the later answer, not the one computed before
        agenda = compute_agendas(s, collector_ids=[ana.id], day=START, policy=POLICY)
        oracle = agendas_from_scratch(s, collector_ids=[ana.id], day=START, policy=POLICY)
    assert agenda[ana.id].calls == oracle[ana.id].calls
    assert [call.reason.value for call in agenda[ana.id].calls] == ["task"]
    engine.dispose()


def test_one_mark_a_customer_a_transaction_and_a_savepoint_rolled_back_marks_again(
    db: sessionmaker[Session],
) -> None:
    """Three flushes for one customer (as a call submission does) write its mark once; a
    mark written inside a savepoint that rolls back is written again by the next flush."""
    from sqlalchemy import event

    from models import DueStale

    with db.begin() as s:
        ana = b.member(s, "U0ANA", "Ana")
        c = b.customer(s, "Ferretería López", ana)
        b.invoice(s, c, "2026-11-01", "100")
    due_index.refresh(db, collector_ids=[ana.id], day=START, policy=POLICY)
    engine = db.kw["bind"]
    marks: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.startswith("INSERT INTO due_stale"):
            marks.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        with db.begin() as s:
            me, lopez = s.get(b.TeamMember, ana.id), s.get(Customer, c.id)
            b.attempt(s, lopez, me, "2026-11-23")
            s.flush()
            b.note(s, lopez, me, "2026-11-23", excuse="de vacaciones")
            s.flush()
            b.task(s, lopez, me, "2026-11-24")
            s.flush()
        assert len(marks) == 1
        with db.begin() as s:
            me, lopez = s.get(b.TeamMember, ana.id), s.get(Customer, c.id)
            savepoint = s.begin_nested()
            b.task(s, lopez, me, "2026-11-25")
            s.flush()
            savepoint.rollback()
            b.task(s, lopez, me, "2026-11-26")
            s.flush()
        assert len(marks) == 3
    finally:
        event.remove(engine, "before_cursor_execute", count)
    with db() as s:
        assert s.scalars(select(DueStale.customer_id)).all() == [c.id]


def test_a_colleague_task_comes_due_by_the_passing_of_time(db: sessionmaker[Session]) -> None:
    with db.begin() as s:
        ana, luis = b.member(s, "U0ANA", "Ana"), b.member(s, "U0LUIS", "Luis")
        c = b.customer(s, "Ferretería López", ana)
        b.task(s, c, luis, "2026-11-25", kind=TaskKind.CALL)
    for day, expected in ((date(2026, 11, 24), []), (date(2026, 11, 25), ["Ferretería López"])):
        due_index.refresh(db, collector_ids=[luis.id], day=day, policy=POLICY)
        with db() as s:
            agenda = compute_agendas(s, collector_ids=[luis.id], day=day, policy=POLICY)
        assert [call.name for call in agenda[luis.id].calls] == expected


def test_invoices_imported_in_bulk_mark_their_customers(db: sessionmaker[Session]) -> None:
    """The importer's set-based INSERT and UPDATE bypass the ORM's events: it marks the
    customers itself, so a customer who owed nothing is due once an overdue invoice comes."""
    with db.begin() as s:
        ana = b.member(s, "U0ANA", "Ana")
        c = b.customer(s, "Ferretería López", ana)
    due_index.refresh(db, collector_ids=[ana.id], day=START, policy=POLICY)
    record = {
        "customer_id": c.id,
        "issue_date": None,
        "due_date": START - timedelta(days=20),
        "amount": Decimal("900"),
        "balance": Decimal("900"),
        "currency": "MXN",
    }
    for balance, expected in (("900", ["Ferretería López"]), ("0", [])):
        with db.begin() as s:
            _import(s, {**record, "number": "F-1", "balance": Decimal(balance)})
        due_index.refresh(db, collector_ids=[ana.id], day=START, policy=POLICY)
        with db() as s:
            agenda = compute_agendas(s, collector_ids=[ana.id], day=START, policy=POLICY)
        assert [call.name for call in agenda[ana.id].calls] == expected


def test_an_imports_marks_are_written_at_its_end_and_lock_nothing_before(
    db: sessionmaker[Session],
) -> None:
    """An import runs for minutes: its marks, written as it went, would lock their rows
    until its commit, keeping a reader's refresh of those customers waiting all that time
    (and, taken in another order than the refresh's, meeting it in a deadlock). Held, they
    are written at its end, in customer order."""
    from bot.due import queries
    from models import DueStale

    with db.begin() as s:
        ana = b.member(s, "U0ANA", "Ana")
        first, second = b.customer(s, "Uno", ana), b.customer(s, "Dos", ana)
    importing = db()
    queries.defer_marks(importing)
    queries.mark(importing, [second.id])
    queries.mark_where(importing, select(Customer.id).where(Customer.id == first.id))
    assert importing.scalars(select(DueStale.version)).all() == [1, 1]  # nothing written yet
    if importing.get_bind().dialect.name == "postgresql":
        with db.begin() as reader:  # a refresh meanwhile: it takes the marks at once
            reader.execute(text("SET LOCAL lock_timeout = '2s'"))
            taken = queries.stale_of(reader, None, lock=True)
        assert sorted(cid for cid, _ in taken) == sorted([first.id, second.id])
    queries.apply_marks(importing)
    importing.commit()
    importing.close()
    with db() as s:
        assert s.scalars(select(DueStale.version)).all() == [2, 2]
