"""What we know about a customer, as plain values, and the rules that read it: which currency
is theirs, which dunning step they have reached, which names are close to what was typed.

Collectors type "ferreteria lopez", "López", "C00042" or "ferretria lopes": an external id
matches exactly, every word of the name matches as a fragment, and when nothing does, the
closest names are offered. Several matches are returned for the user to pick; a single
guess is never taken silently.

For typos the database only narrows the candidates (PostgreSQL's trigram index, or on SQLite
the process's `NameList`); `closest` alone decides which of them are offered and in what
order, so both databases answer a typo the same way.
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from enum import StrEnum

from rapidfuzz import fuzz, process

from bot.core.calendar import BusinessCalendar
from bot.core.dunning import Reason, Step, latest_step
from bot.core.vocabulary import AttemptOutcome, ExcuseCategory
from bot.promises.rules import PromiseLine
from bot.tasks.rules import TaskLine

ZERO = Decimal("0")
MAX_MATCHES = 8
FUZZY_CUTOFF = 0.72
CLEAR_WINNER = 0.08
# How many names the database hands `closest` for a typo: enough that the few it offers are
# the same whichever database narrowed them.
CANDIDATES = 100


@dataclass(frozen=True)
class CustomerMatch:
    id: int
    external_id: str
    name: str


@dataclass(frozen=True)
class ContactLine:
    id: int
    name: str
    title: str | None
    phone: str | None
    email: str | None
    decision_maker: bool
    do_not_contact: str | None = None  # the reason, when this person must not be called


@dataclass(frozen=True)
class InvoiceLine:
    id: int
    number: str
    balance: Decimal
    currency: str
    due_date: date
    days_past_due: int
    disputed: bool = False


@dataclass(frozen=True)
class Reach:
    """When a customer may be called: their days, their hours, in their time zone (each
    None for the team's defaults)."""

    timezone: str | None = None
    call_days: str | None = None
    call_start: time | None = None
    call_end: time | None = None


class Timing(StrEnum):
    """Why now is not a moment to call a customer."""

    EARLY = "early"
    LATE = "late"
    NOT_A_CALLING_DAY = "not_a_calling_day"
    CONTACT_CAP = "contact_cap"


@dataclass(frozen=True)
class CallTiming:
    """A warning for the call modal: what rule now breaks, the customer's own time now, and
    the next moment the rules allow (in the team's zone)."""

    problem: Timing
    their_time: time
    zone: str | None
    next_slot: datetime
    today: date  # the team's, for saying the slot in words ("mañana a las 07:00")


@dataclass(frozen=True)
class CallContext:
    """What the call modal shows and defaults to."""

    customer_id: int
    name: str
    balance: Decimal
    currency: str
    contacts: list[ContactLine]
    invoices: list[InvoiceLine]
    reach: Reach = field(default_factory=Reach)
    rank: str | None = None
    timing: CallTiming | None = None
    do_not_contact: str | None = None  # the reason, when the customer must not be called


@dataclass(frozen=True)
class NoteLine:
    at: datetime
    author: str
    outcome: AttemptOutcome | None
    spoke_with: str | None
    category: ExcuseCategory | None
    excuse: str | None
    agreement: str | None
    hashtags: str


@dataclass(frozen=True)
class PaymentLine:
    """A payment received, as the card lists it."""

    paid_on: date
    amount: Decimal
    currency: str
    method: str | None
    reference: str | None
    invoice: str | None


@dataclass(frozen=True)
class CallingHours:
    """When the customer may be called, in their own time; `own` False: the team's
    defaults, because the customer has none of their own."""

    days: frozenset[int]
    start: time
    end: time
    timezone: str | None
    own: bool


@dataclass(frozen=True)
class CustomerCard:
    """Everything a collector needs before picking up the phone, on one card."""

    id: int
    external_id: str
    name: str
    tax_id: str | None
    collector: str | None
    timezone: str | None
    contacts: list[ContactLine]
    invoices: list[InvoiceLine]
    balance: Decimal
    currency: str
    step: Reason | None
    promises_kept: int
    promises_made: int
    pending_promise: PromiseLine | None
    notes: list[NoteLine] = field(default_factory=list)
    tasks: list[TaskLine] = field(default_factory=list)
    attempts: int = 0
    credit: Decimal = ZERO  # paid beyond every open invoice, waiting for the next one
    # The last call, when the one looking at the card may still correct it.
    correctable: int | None = None
    payments: list[PaymentLine] = field(default_factory=list)
    outcomes: dict[AttemptOutcome, int] = field(default_factory=dict)
    hours: CallingHours | None = None
    # Escalated accounts: the supervisor's flags, and whether the viewer may set them.
    escalated: bool = False
    escalation_days: int = 90
    credit_hold: bool = False
    handed_over_on: date | None = None  # the day, in the team's time zone
    may_escalate: bool = False
    do_not_contact: str | None = None


def calling_hours(
    call_days: frozenset[int] | None,
    start: time | None,
    end: time | None,
    timezone: str | None,
    defaults: tuple[frozenset[int], time, time],
) -> CallingHours:
    """The customer's own calling days and hours where they have them, else the team's."""
    days, team_start, team_end = defaults
    own = call_days is not None or (start is not None and end is not None)
    hours = (start, end) if start is not None and end is not None else (team_start, team_end)
    return CallingHours(call_days or days, hours[0], hours[1], timezone, own)


def main_currency(invoices: Iterable[InvoiceLine], default: str) -> str:
    """The currency most of the customer's open invoices are in."""
    counted = Counter(i.currency for i in invoices)
    return counted.most_common(1)[0][0] if counted else default


def balance_in(invoices: Iterable[InvoiceLine], currency: str) -> Decimal:
    return sum((i.balance for i in invoices if i.currency == currency), ZERO)


def current_step(
    invoices: list[InvoiceLine], today: date, steps: tuple[Step, ...], calendar: BusinessCalendar
) -> Reason | None:
    """The most advanced dunning step any open, undisputed invoice has reached."""
    order = [s.reason for s in steps]
    best: Reason | None = None
    for invoice in invoices:
        if invoice.disputed:
            continue
        found = latest_step(invoice.due_date, today, steps, calendar.next_business_day)
        if found and (best is None or order.index(found[0].reason) > order.index(best)):
            best = found[0].reason
    return best


def similarity(typed: str, name: str) -> float:
    """How alike two folded strings are, 0 to 1: the edit (insertions and deletions)
    similarity, so a missing, an extra or a swapped letter costs the same in any name."""
    return fuzz.ratio(typed, name) / 100


def closest(folded: str, names: Iterable[tuple[int, str]], limit: int) -> list[int]:
    """Typos: the ids of the names most like what was typed, most alike first (ties by name,
    then id, so the order never depends on which database found them). When one name is
    clearly closer than the rest it is the only answer; otherwise the user picks among the
    close ones."""
    scored = sorted(
        (-score, name, cid)
        for cid, name in names
        if (score := similarity(folded, name)) >= FUZZY_CUTOFF
    )
    if len(scored) > 1 and scored[1][0] - scored[0][0] >= CLEAR_WINNER:
        scored = scored[:1]
    return [cid for _, _, cid in scored[:limit]]


@dataclass(frozen=True)
class NameList:
    """Every customer's folded name, held by a process to narrow a typo's candidates without
    a scan of the table (SQLite has no trigram index). `version` says which state of the
    table it reflects; whoever holds it compares that with the table's before using it."""

    version: tuple[object, ...]
    ids: Sequence[int]
    names: Sequence[str]
    # Every name on its line, and where each line starts: a fragment is found by the string
    # search in C over one text, not by a loop over 200,000 names.
    text: str = field(init=False, repr=False)
    starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        starts, offset = [], 0
        for name in self.names:
            starts.append(offset)
            offset += len(name) + 1
        object.__setattr__(self, "text", "\n".join(self.names))
        object.__setattr__(self, "starts", starts)

    def patched(self, version: tuple[object, ...], rows: Iterable[tuple[int, str]]) -> NameList:
        """The list with `rows` (customers changed or added since) in it, at `version`: a
        change costs the rows that changed, not the table read again (about a second at
        200,000 customers on SQLite, where the patch takes a tenth of that). Ids come in
        ascending order, so a new customer goes at the end."""
        position = {cid: line for line, cid in enumerate(self.ids)}
        ids, names = list(self.ids), list(self.names)
        for cid, name in sorted(rows):
            line = position.get(cid)
            if line is None:
                position[cid] = len(ids)
                ids.append(cid)
                names.append(name)
            else:
                names[line] = name
        return NameList(version, ids, names)

    def containing(self, words: Sequence[str], limit: int) -> list[int]:
        """The ids of the names holding every word, shortest first (then by name, then id):
        what `LIKE '%word%' AND …` returns on PostgreSQL, without scanning the table."""
        if not words:
            return []
        # A word found nowhere ends the search (a typo: "panadera hernandez" was 80 ms of
        # looking through the 20,000 Hernández for its longest word); of the words found,
        # the rarest, counted in C over the one text, gives the fewest lines to check.
        distinct = sorted(set(words), key=len, reverse=True)
        if any(word not in self.text for word in distinct):
            return []
        rarest = min(distinct, key=self.text.count) if len(distinct) > 1 else distinct[0]
        lines: set[int] = set()
        at = self.text.find(rarest)
        while at != -1:
            line = bisect_right(self.starts, at) - 1
            lines.add(line)
            at = self.text.find(rarest, self.starts[line] + len(self.names[line]) + 1)
        found = [
            (len(name), name, self.ids[line])
            for line in lines
            if all(word in (name := self.names[line]) for word in words)
        ]
        return [cid for _, _, cid in heapq.nsmallest(limit, found)]

    def near(self, folded: str, count: int = CANDIDATES) -> list[tuple[int, str]]:
        """The `count` names most like `folded` that could pass `closest`'s cutoff."""
        found = process.extract(
            folded,
            self.names,
            scorer=fuzz.ratio,
            score_cutoff=FUZZY_CUTOFF * 100,
            limit=count,
        )
        return [(self.ids[index], name) for name, _score, index in found]
