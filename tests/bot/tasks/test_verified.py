"""Which payment settles a "verify the payment" task (tasks.rules.verified_by)."""

from __future__ import annotations

import pytest

from bot.tasks.rules import verified_by

REF_TASK = "Verificar el pago (depósito n.º 23763172736)"


@pytest.mark.parametrize(
    ("text", "note_id", "reference", "kept_notes", "expected"),
    [
        (REF_TASK, None, "23763172736", frozenset(), True),
        (REF_TASK, None, "2376-3172-736", frozenset(), True),  # written with dashes
        (REF_TASK, None, "DEP 23763172736", frozenset(), False),  # more than the task says
        (REF_TASK, None, "99881", frozenset(), False),  # another deposit
        (REF_TASK, None, None, frozenset(), False),
        ("Verificar el pago (depósito n.º 12)", None, "12", frozenset(), False),  # too short
        ("Verificar que llegó el pago prometido", 7, None, frozenset({7}), True),  # kept
        ("Verificar que llegó el pago prometido", 7, None, frozenset({8}), False),  # another call
        ("Verificar que llegó el pago prometido", None, None, frozenset({7}), False),
    ],
)
def test_a_payment_settles_the_check_it_answers_and_no_other(
    text: str,
    note_id: int | None,
    reference: str | None,
    kept_notes: frozenset[int],
    expected: bool,
) -> None:
    assert verified_by(text, note_id, reference=reference, kept_notes=kept_notes) is expected
