"""The payment modal reads back its amount and date under their fields, as the call modal
does: each field dispatches on Enter, and its reading is a context line right under it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from bot.customers.rules import CallContext
from handlers.blocks.customer import build_payment_modal
from slackfake.blockkit import check_payload

CTX = CallContext(1, "Ferretería López", Decimal("58100"), "MXN", contacts=[], invoices=[])


def _ids(view: dict[str, Any]) -> list[str]:
    return [b.get("block_id", "") for b in view["blocks"]]


def test_the_amount_and_the_date_dispatch_on_enter_and_echo_under_their_field() -> None:
    view = build_payment_modal(
        CTX,
        "es",
        "cinco mil",
        values={"payment_amount": "cinco mil", "payment_date": "ayer", "promise_method": "cash"},
        echo={
            "payment_amount": "Se registrará: $5,000.00",
            "payment_date": "Se registrará: ayer, domingo 22 de noviembre",
        },
    )
    check_payload("views.open", {"view": view})
    ids = _ids(view)
    assert ids.index("payment_amount_echo") == ids.index("payment_amount") + 1
    assert ids.index("payment_date_echo") == ids.index("payment_date") + 1
    blocks = {b.get("block_id"): b for b in view["blocks"]}
    for field in ("payment_amount", "payment_date"):
        assert blocks[field]["dispatch_action"] is True
        assert blocks[field]["element"]["dispatch_action_config"] == {
            "trigger_actions_on": ["on_enter_pressed"]
        }
    assert "$5,000.00" in blocks["payment_amount_echo"]["elements"][0]["text"]
    assert "22 de noviembre" in blocks["payment_date_echo"]["elements"][0]["text"]
    # what was typed stays in the redrawn modal
    assert blocks["payment_date"]["element"]["initial_value"] == "ayer"
    assert blocks["promise_method"]["element"]["initial_option"]["value"] == "cash"


def test_a_warning_and_the_reading_share_the_line_under_the_amount() -> None:
    view = build_payment_modal(
        CTX, "es", "500000", warning=":warning: más que el saldo", echo={"payment_amount": "X"}
    )
    line = next(b for b in view["blocks"] if b.get("block_id") == "payment_amount_echo")
    assert line["elements"][0]["text"] == ":warning: más que el saldo\nX"
    assert "payment_date_echo" not in _ids(view)  # nothing typed, nothing said
