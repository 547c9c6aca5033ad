"""The call modal is as short as the outcome allows; the README's field counts are these."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.core.vocabulary import AttemptOutcome
from bot.customers.rules import CallContext
from handlers.blocks.call_modal import CONTACT_NEW, CallPrefill, ModalState, build_call_modal
from slackfake.blockkit import check_payload

CTX = CallContext(1, "Ferretería López", Decimal("58100"), "MXN", contacts=[], invoices=[])


def _inputs(outcome: AttemptOutcome, contact: str | None = None) -> list[str]:
    view = build_call_modal(
        CTX,
        "es",
        me="U0ANA",
        prefill=CallPrefill(outcome=outcome.value, contact=contact),
        state=ModalState(outcome=outcome),
    )
    check_payload("views.open", {"view": view})
    return [b["block_id"] for b in view["blocks"] if b["type"] == "input"]


@pytest.mark.parametrize(
    ("outcome", "contact", "count"),
    [
        (AttemptOutcome.ANSWERED, "7", 13),
        (AttemptOutcome.ANSWERED, CONTACT_NEW, 15),
        (AttemptOutcome.THIRD_PARTY, None, 6),
        (AttemptOutcome.NO_ANSWER, None, 3),
        (AttemptOutcome.MESSAGE_LEFT, None, 3),
        (AttemptOutcome.WRONG_NUMBER, None, 3),
    ],
)
def test_each_outcome_asks_only_its_fields(
    outcome: AttemptOutcome, contact: str | None, count: int
) -> None:
    inputs = _inputs(outcome, contact)
    assert len(inputs) == count, inputs
    asks_about_debt = {"excuse", "excuse_category", "promise_amount"} & set(inputs)
    assert bool(asks_about_debt) == (outcome == AttemptOutcome.ANSWERED)
