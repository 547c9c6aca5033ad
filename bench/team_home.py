"""Benchmark: a supervisor's team on the Home (`supervision.service.team_day`) at scale:
20,000 customers, 200,000 invoices, 50 collectors, one supervisor over 20 of them (the
most the Home shows), on SQLite and on PostgreSQL.

    python -m bench.team_home [--customers 20000] [--invoices 200000] [--rounds 10]

Prints the median and the slowest of `--rounds` computations (target median ≤ 1 s: the Home
is republished after each change a supervisor makes).
"""

from __future__ import annotations

import statistics
import time
from datetime import datetime
from datetime import time as clock

from sqlalchemy import select, update

from bench.agenda import TODAY
from bench.harness import MX
from bot.core.config import load_settings
from bot.core.policy import Policy
from bot.core.vocabulary import Role
from bot.supervision.service import team_day
from models import TeamMember
from models.db import make_engine, make_session_factory, transaction


def add_supervisor(url: str) -> None:
    db = make_session_factory(make_engine(url))
    with transaction(db) as s:
        boss = TeamMember(slack_user_id="U0BOSS", name="Sara Jiménez", role=Role.SUPERVISOR)
        s.add(boss)
        s.flush()
        ids = list(s.scalars(select(TeamMember.id).where(TeamMember.role == Role.COLLECTOR)))
        s.execute(
            update(TeamMember).where(TeamMember.id.in_(ids[:20])).values(supervisor_id=boss.id)
        )


def run(url: str, label: str, rounds: int) -> None:
    engine = make_engine(url)
    db = make_session_factory(engine)
    policy = Policy.from_settings(
        load_settings(_env_file=None, cobro_timezone="America/Mexico_City", cobro_country="MX")
    )
    with db() as s:
        boss = s.scalar(select(TeamMember.id).where(TeamMember.slack_user_id == "U0BOSS"))
    assert boss is not None
    now = datetime.combine(TODAY, clock(10), MX)
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        day = team_day(db, member_id=boss, now=now, policy=policy)
        samples.append(time.perf_counter() - started)
    assert day is not None
    engine.dispose()
    print(
        f"{label:10} team day of {len(day.collectors)} collectors ({day.planned} calls planned): "
        f"median {statistics.median(samples) * 1000:.0f} ms, slowest {max(samples) * 1000:.0f} ms"
        "  (target median ≤ 1 s)"
    )


def main() -> None:
    from bench.scale import on_both_databases, scale_arguments

    parser = scale_arguments(__doc__)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    on_both_databases(args, lambda url, label: run(url, label, args.rounds), extra=add_supervisor)


if __name__ == "__main__":
    main()
