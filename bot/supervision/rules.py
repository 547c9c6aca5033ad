"""Running the team: who a supervisor answers for, what the team's day looks like, who may
move whose accounts, and what an escalated account may become. Pure.

- A supervisor answers for the active collectors who report to them; an admin for every
  active collector. Either may look at those collectors' tasks and promises; a collector
  only at their own (anyone else's is refused politely).
- Accounts move between collectors (a portfolio, some of its customers, one orphan) only by
  an admin, or by the supervisor of both ends (the one giving them up may have left the
  team already: their accounts are orphans now and need a home).
- An escalated account (an invoice `COBRO_ESCALATION_DAYS` days past due) may have its
  credit held, and be handed over to an external agency or legal; a handed-over account
  leaves every agenda and is listed apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from bot.core.errors import BadInput, Forbidden
from bot.core.vocabulary import Role
from bot.team.rules import Person

# The Home's team section: at most this many collectors, two blocks each.
TEAM_SHOWN = 20


@dataclass(frozen=True)
class CollectorDay:
    """One collector's day as their supervisor sees it, so far."""

    member_id: int
    slack_user_id: str
    name: str
    planned: int  # the calls on today's agenda (as the digest kept it, once it ran)
    done: int  # calls logged today
    broken: int  # broken promises waiting for a call today
    overdue_tasks: int  # open tasks whose day has passed
    escalated: int  # accounts with an invoice past the escalation threshold


@dataclass(frozen=True)
class TeamDay:
    day: date
    collectors: list[CollectorDay] = field(default_factory=list)
    more: int = 0  # collectors beyond TEAM_SHOWN

    @property
    def done(self) -> int:
        return sum(c.done for c in self.collectors)

    @property
    def planned(self) -> int:
        return sum(c.planned for c in self.collectors)


@dataclass(frozen=True)
class Moved:
    """What a reassignment moved: customers, their open tasks, their pending promises."""

    from_name: str
    to_name: str
    customers: int
    tasks: int
    promises: int


@dataclass(frozen=True)
class HandedOver:
    customer_id: int
    name: str
    external_id: str
    balances: dict[str, Decimal]
    since: date  # handed over that day, in the team's time zone
    collector: str | None


def answers_for(asker: Person, team: Iterable[Person]) -> list[Person]:
    """The active collectors the asker answers for, by name (none for a collector)."""
    if asker.role == Role.COLLECTOR:
        return []
    mine = [
        p
        for p in team
        if p.active
        and p.role == Role.COLLECTOR
        and (asker.role == Role.ADMIN or p.supervisor_id == asker.id)
    ]
    return sorted(mine, key=lambda p: (p.name, p.id))


def may_look_at(asker: Person, target: Person) -> bool:
    """Admins see everyone's work; supervisors their own and their collectors'; collectors
    their own."""
    if asker.id == target.id or asker.role == Role.ADMIN:
        return True
    return asker.role == Role.SUPERVISOR and target.supervisor_id == asker.id


def require_may_look_at(asker: Person, target: Person) -> None:
    if not may_look_at(asker, target):
        key = "supervision.only_yours" if asker.role == Role.COLLECTOR else "supervision.not_yours"
        raise Forbidden(key, name=target.name)


def may_move(actor: Person | None, giver: Person | None, taker: Person) -> bool:
    """The CLI (no actor) and admins move anything; a supervisor between their own people
    (an account with no collector may be given to one of theirs)."""
    if actor is None or actor.role == Role.ADMIN:
        return True
    if actor.role != Role.SUPERVISOR:
        return False
    return taker.supervisor_id == actor.id and (giver is None or giver.supervisor_id == actor.id)


def require_may_move(actor: Person | None, giver: Person | None, taker: Person) -> None:
    if not may_move(actor, giver, taker):
        raise Forbidden("supervision.may_not_move", name=taker.name)


def check_reassign(giver: Person, taker: Person) -> None:
    """Accounts go from one person to another collector who is on the team."""
    if giver.id == taker.id:
        raise BadInput("supervision.same_person", name=giver.name)
    if not taker.active:
        raise BadInput("supervision.taker_gone", name=taker.name)
    if taker.role != Role.COLLECTOR:
        raise BadInput("supervision.taker_not_collector", name=taker.name)


def require_manager(actor: Person) -> None:
    if actor.role not in (Role.SUPERVISOR, Role.ADMIN):
        raise Forbidden("supervision.managers_only")


def is_escalated(days_past_due: int, escalation_days: int) -> bool:
    return days_past_due >= escalation_days


def customer_list(text: str | None) -> list[str] | None:
    """`--customers C1,C2 C3` → the external ids named, in order, once each; None: all."""
    if text is None:
        return None
    wanted: list[str] = []
    for part in text.replace(";", ",").replace(" ", ",").split(","):
        part = part.strip()
        if part and part not in wanted:
            wanted.append(part)
    if not wanted:
        raise BadInput("supervision.no_customers_named")
    return wanted
