"""Tried as an attacker would, over HTTP on loopback: every request Slack did not sign is
refused before anything happens; signed requests that are malformed or carry no user get a
400; nothing is doubled by repeated submissions; nothing typed reaches Slack as a mention;
the log holds one short line per refusal and never a body or a traceback.

For each attack: the status, no recorded Slack call, no POST to a response_url taken from
the body, no database change, and a clean log."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import socket
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

import pytest
from sqlalchemy import func, select

from models import Base, Customer, Note, Payment, Task, TeamMember
from tests import builders as b
from tests.e2e.conftest import SECRET, Harness

MARK = "ATTACKER-BODY-7f3e"  # appears in every attack's body: it must never reach the log
MENTIONS = ["<!channel>", "<!here>", "<@U0ANA>", "<https://evil.example|clic>"]


def _snapshot(bot: Harness) -> dict[str, int]:
    with bot.db() as s:
        return {
            table.name: s.scalar(select(func.count()).select_from(table)) or 0
            for table in Base.metadata.sorted_tables
        }


def _raw(bot: Harness, body: bytes, headers: dict[str, str]) -> int:
    request = urllib.request.Request(bot.events_url, data=body, method="POST", headers=headers)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def _signed_headers(body: bytes, timestamp: str | None = None) -> dict[str, str]:
    ts = timestamp or str(int(time.time()))
    digest = hmac.new(SECRET.encode(), b"v0:" + ts.encode() + b":" + body, hashlib.sha256)
    return {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": "v0=" + digest.hexdigest(),
    }


def _command_body(bot: Harness, **fields: str) -> bytes:
    base = {
        "command": "/cobro",
        "text": f"cliente C-100 {MARK}",
        "user_id": "U0ADMIN",
        "team_id": "T0COBRO",
        "channel_id": "C0GENERAL",
        "response_url": bot.fake.response_url("attacker"),
        "trigger_id": "t-1",
    }
    base.update(fields)
    return urlencode({k: v for k, v in base.items() if v != "-"}).encode()


@pytest.fixture
def attacked(bot: Harness, caplog: pytest.LogCaptureFixture) -> Harness:
    bot.member("U0ADMIN", "Admin")
    with bot.db.begin() as s:
        admin = s.scalars(select(TeamMember).where(TeamMember.slack_user_id == "U0ADMIN")).one()
        b.invoice(s, b.lopez(s, admin), "2026-11-08", "58100")
    bot.fake.reset()
    caplog.set_level(logging.INFO)
    return bot


def _nothing_happened(
    bot: Harness, before: dict[str, int], caplog: pytest.LogCaptureFixture
) -> None:
    assert bot.fake.calls == [], [c.method for c in bot.fake.calls]
    assert _snapshot(bot) == before
    assert MARK not in caplog.text
    assert "Traceback" not in caplog.text


UNSIGNED = {
    "a timestamp that is not a number": {"X-Slack-Request-Timestamp": "x"},
    "a non-ASCII signature": {"X-Slack-Signature": "v0=é"},
    "no signature at all": {"X-Slack-Signature": None},
    "no timestamp at all": {"X-Slack-Request-Timestamp": None},
    "a forged signature": {"X-Slack-Signature": "v0=" + "0" * 64},
    "a stale timestamp": {"X-Slack-Request-Timestamp": "-600"},
    "a timestamp from the future": {"X-Slack-Request-Timestamp": "+600"},
}
"""The two timestamp attacks give an offset from the moment the request is sent: a value
fixed when the module is imported would drift inside Slack's five minutes on a slow run."""


@pytest.mark.parametrize("attack", list(UNSIGNED), ids=list(UNSIGNED))
def test_a_request_slack_did_not_sign_gets_401_and_causes_nothing(
    attacked: Harness, caplog: pytest.LogCaptureFixture, attack: str
) -> None:
    body = _command_body(attacked)
    headers: dict[str, str | None] = {**_signed_headers(body), **UNSIGNED[attack]}
    if attack in ("a stale timestamp", "a timestamp from the future"):
        offset = int(UNSIGNED[attack]["X-Slack-Request-Timestamp"] or 0)
        headers = {**_signed_headers(body, str(int(time.time()) + offset))}
    before = _snapshot(attacked)
    sent = {k: v for k, v in headers.items() if v is not None}
    assert _raw(attacked, body, sent) == 401
    _nothing_happened(attacked, before, caplog)
    refusals = [r for r in caplog.records if r.name == "cobro.http"]
    assert len(refusals) == 1 and len(refusals[0].getMessage()) < 120


def test_a_body_over_a_megabyte_is_refused_unread(
    attacked: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """The body is announced at 2 MB and only its first kilobyte is sent: the answer comes
    at once, so the rest is never read."""
    body = _command_body(attacked, text=MARK * 80_000)
    headers = _signed_headers(body)
    before = _snapshot(attacked)
    port = attacked.server.port
    with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
        head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        conn.sendall(
            f"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: {len(body)}\r\n"
            f"{head}\r\n".encode()
            + body[:1024]
        )
        answer = conn.recv(4096).decode(errors="replace")
    assert answer.startswith("HTTP/1.1 413"), answer[:80]
    _nothing_happened(attacked, before, caplog)


SIGNED_BUT_WRONG = {
    "a command without a user": {"user_id": "-"},
    "a command without a team": {"team_id": "-"},
}


@pytest.mark.parametrize("attack", list(SIGNED_BUT_WRONG), ids=list(SIGNED_BUT_WRONG))
def test_a_signed_request_without_a_user_or_team_gets_400(
    attacked: Harness, caplog: pytest.LogCaptureFixture, attack: str
) -> None:
    body = _command_body(attacked, **SIGNED_BUT_WRONG[attack])
    before = _snapshot(attacked)
    assert _raw(attacked, body, _signed_headers(body)) == 400
    _nothing_happened(attacked, before, caplog)


MALFORMED = {
    "a payload that is not JSON": "payload=notjson" + MARK,
    "a payload that is a JSON array": urlencode({"payload": json.dumps([MARK])}),
    "a view submission without a view": urlencode(
        {
            "payload": json.dumps(
                {
                    "type": "view_submission",
                    "user": {"id": "U0ADMIN"},
                    "team": {"id": "T"},
                    "view": None,
                    "x": MARK,
                }
            )
        }
    ),
    "block actions without actions": urlencode(
        {
            "payload": json.dumps(
                {
                    "type": "block_actions",
                    "user": {"id": "U0ADMIN"},
                    "team": {"id": "T"},
                    "actions": MARK,
                }
            )
        }
    ),
    "an unknown kind of payload": urlencode(
        {"payload": json.dumps({"type": MARK, "user": {"id": "U0ADMIN"}})}
    ),
}


@pytest.mark.parametrize("attack", list(MALFORMED), ids=list(MALFORMED))
def test_a_malformed_signed_payload_gets_400_not_500(
    attacked: Harness, caplog: pytest.LogCaptureFixture, attack: str
) -> None:
    body = MALFORMED[attack].encode()
    before = _snapshot(attacked)
    assert _raw(attacked, body, _signed_headers(body)) == 400
    _nothing_happened(attacked, before, caplog)


def test_slacks_own_url_verification_and_ssl_check_still_work(attacked: Harness) -> None:
    challenge = json.dumps({"type": "url_verification", "challenge": "abc123", "token": "t"})
    reply = attacked.slack.post(challenge, "application/json")
    assert reply.status == 200 and "abc123" in reply.body
    reply = attacked.slack.post("ssl_check=1&token=t", "application/x-www-form-urlencoded")
    assert reply.status == 200


def test_a_raw_newline_in_a_body_forges_no_log_line(
    attacked: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    body = _command_body(attacked, text="x\n2026-12-01 INFO cobro: admin logged in")
    headers = {**_signed_headers(body), "X-Slack-Signature": "v0=" + "1" * 64}
    assert _raw(attacked, body, headers) == 401
    assert "admin logged in" not in caplog.text


@pytest.mark.parametrize("mention", MENTIONS)
def test_nothing_typed_reaches_slack_as_a_mention(attacked: Harness, mention: str) -> None:
    """Every command echoes what it was given somewhere (an error, a search, a card): no
    raw control sequence may reach any recorded Slack call or any answer."""
    with attacked.db.begin() as s:
        admin = s.scalars(select(TeamMember).where(TeamMember.slack_user_id == "U0ADMIN")).one()
        b.customer(s, f"Cliente {mention}", admin, external_id="C-666")
    answers = [
        attacked.slack.command("U0ADMIN", f"{word} {mention}").body
        for word in ("hoy", "cliente", "llamada", "historial", "reporte", "equipo agregar", "x")
    ]
    answers.append(attacked.slack.command("U0ADMIN", "cliente C-666").body)
    attacked.fake.wait_quiet(0.3)
    recorded = [json.dumps(c.params, ensure_ascii=False) for c in attacked.fake.calls]
    for text in answers + recorded:
        assert mention not in text
        assert mention.replace("<", "\\u003c") not in text


def _lopez(bot: Harness) -> str:
    with bot.db() as s:
        return str(s.scalars(select(Customer.id).where(Customer.external_id == "C-100")).one())


def test_a_task_submitted_twice_or_five_times_at_once_is_stored_once(attacked: Harness) -> None:
    attacked.slack.block_action("U0ADMIN", "cobro_add_task", _lopez(attacked), channel="D0ADMIN")
    view = attacked.fake.last_view()
    answers = {"task": "Enviar copia de la factura", "task_due": "mañana"}
    with ThreadPoolExecutor(5) as pool:
        replies = list(
            pool.map(lambda _: attacked.slack.submit("U0ADMIN", view, answers), range(5))
        )
    assert [r.status for r in replies] == [200] * 5
    assert all(r.body == "" for r in replies)  # each answered as the first: the modal closes
    assert attacked.slack.submit("U0ADMIN", view, answers).body == ""
    attacked.fake.wait_for("chat.postMessage")  # the receipt goes out after the ack
    attacked.fake.wait_quiet(0.3)
    with attacked.db() as s:
        assert s.scalar(select(func.count()).select_from(Task)) == 1
    assert len(attacked.fake.posted_to("U0ADMIN")) == 1  # one receipt


def test_a_payment_submitted_five_times_at_once_is_recorded_once_without_an_error(
    attacked: Harness,
) -> None:
    attacked.slack.block_action("U0ADMIN", "cobro_add_payment", _lopez(attacked), channel="D0ADMIN")
    view = attacked.fake.last_view()
    answers = {"payment_amount": "100", "payment_date": "hoy", "promise_reference": "DEP-5"}
    with ThreadPoolExecutor(5) as pool:
        replies = list(
            pool.map(lambda _: attacked.slack.submit("U0ADMIN", view, answers), range(5))
        )
    assert [r.status for r in replies] == [200] * 5
    assert all(r.body == "" for r in replies)
    attacked.fake.wait_for("chat.postMessage")  # the receipt goes out after the ack
    attacked.fake.wait_quiet(0.3)
    with attacked.db() as s:
        assert s.scalar(select(func.count()).select_from(Payment)) == 1
    receipts = attacked.fake.posted_to("U0ADMIN")
    assert len(receipts) == 1 and "Algo salió mal" not in receipts[0]["text"]


def test_a_nul_in_a_note_is_dropped_not_a_database_error(attacked: Harness) -> None:
    attacked.slack.command("U0ADMIN", "llamada C-100")
    view = attacked.fake.last_view()
    answers = {
        "excuse_category": "person_away",
        "excuse": "El gerente\x00 está de vacaciones y nadie más firma",
        "agreement": "Paga el viernes",
        "task": "Llamar para confirmar",
        "task_due": "el lunes",
    }
    reply = attacked.slack.submit("U0ADMIN", view, answers)
    assert reply.body == "", reply.body
    with attacked.db() as s:
        (excuse,) = s.scalars(select(Note.excuse)).all()
    assert excuse == "El gerente está de vacaciones y nadie más firma"


def test_sql_in_a_search_is_just_text(attacked: Harness) -> None:
    attacked.slack.command("U0ADMIN", "cliente ' OR 1=1 --")
    (answer,) = attacked.fake.wait_for("response_url")
    assert "No encontré" in answer.text()
    with attacked.db() as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == 1


def test_a_date_a_decade_away_is_refused_in_the_call_modal(attacked: Harness) -> None:
    attacked.slack.command("U0ADMIN", "llamada C-100")
    view = attacked.fake.last_view()
    answers = {
        "excuse_category": "person_away",
        "excuse": "El gerente está de vacaciones y nadie más firma",
        "agreement": "Paga cuando vuelva",
        "promise_date": "el 5 de mayo de 2099",
        "task": "Llamar para confirmar",
        "task_due": "el 6 de mayo de 2099",
    }
    errors = attacked.slack.submit("U0ADMIN", view, answers).json["errors"]
    assert "revisa el año" in errors["promise_date"] and "revisa el año" in errors["task_due"]
