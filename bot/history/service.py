"""The history export: the customer's events as a file in the requester's DM (never in the
channel it was asked from), through the outbox."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.core.db import Db, transaction
from bot.core.i18n import Lang
from bot.core.policy import Policy
from bot.customers import queries as customers
from bot.history import queries
from bot.history.rules import file_stem, in_order
from bot.outbox import keys
from bot.outbox.service import enqueue
from bot.ports import Notifier
from bot.team import queries as team
from bot.team.rules import recipient_of


@dataclass(frozen=True)
class Exported:
    customer: str
    events: int
    outbox_keys: list[str]


def export_history(
    db: Db,
    *,
    customer_id: int,
    member_id: int,
    request: str,
    now: datetime,
    policy: Policy,
    lang: Lang,
    notifier: Notifier,
) -> Exported:
    with transaction(db) as session:
        member = team.require_active(session, member_id)
        customer = customers.require_customer(session, customer_id)
        events = in_order(queries.events(session, customer_id, policy.tz, lang))
        to = recipient_of(member, lang)
        message = notifier.history_export(
            customer.name, events, file_stem=file_stem(customer.name, policy.today(now)), to=to
        )
        key = keys.history_export(member.id, customer.id, request)
        enqueue(session, key=key, channel=member.slack_user_id, message=message)
        return Exported(customer.name, len(events), [key])
