"""A burst, as a Monday morning brings it: 200 signed requests at once on loopback against
the real HTTP server (`/cobro hoy`, `/cobro reporte mes`, `/cobro cliente` with a typo,
`/cobro ayuda`), one collector firing twenty reports in a row among them.

Slack's protocol limit is the assertion: every request acked within 3 s, and every one
answered (in the ack, or on its response_url within a deadline). Another user's `ayuda`
sent while the burst of reports is being worked on is acked within the same limit."""

from __future__ import annotations

import random
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from models import TeamMember
from models.enums import Role
from slackfake.sender import Reply
from tests import builders as b
from tests.e2e.conftest import Harness

SLACK_ACK_LIMIT = 3.0
ANSWER_DEADLINE = 60.0
COLLECTORS = [f"U0LOAD{n:02d}" for n in range(8)]
BURSTER = COLLECTORS[0]


@dataclass
class Sent:
    user: str
    text: str
    url: str
    reply: Reply | None = None


def _seed(bot: Harness) -> None:
    bot.member("U0SARA", "Sara Jiménez", Role.SUPERVISOR)
    for n, user in enumerate(COLLECTORS):
        bot.member(user, f"Cobrador {n}", supervisor="U0SARA")
    rng = random.Random(16)
    with bot.db.begin() as s:
        members = s.query(TeamMember).filter(TeamMember.slack_user_id.in_(COLLECTORS)).all()
        for n in range(160):
            owner = members[n % len(members)]
            customer = b.customer(s, f"Ferretería Número {n:03d}", owner)
            b.contact(s, customer, f"Contacto {n}", "Contador", phone="+52 55 1234 5678")
            for _ in range(3):
                due = f"2026-{rng.choice(['09', '10', '11'])}-{rng.randint(1, 28):02d}"
                b.invoice(s, customer, due, f"{rng.randint(100, 9000)}.00")


def _burst(bot: Harness) -> list[Sent]:
    """200 requests: the burster's twenty reports first, then everyone else's mix."""
    rng = random.Random(2026)
    plan = [Sent(BURSTER, "reporte mes", "") for _ in range(20)]
    others = COLLECTORS[1:]
    for n in range(180):
        user = others[n % len(others)]
        text = rng.choice(["hoy"] * 9 + ["reporte mes"] * 2 + ["cliente ferreteria numro 01"] * 4)
        plan.append(Sent(user, text if n % 6 else "ayuda", ""))
    for sent in plan:
        sent.url = bot.fake.response_url("load")
    return plan


def _send(bot: Harness, sent: Sent) -> Sent:
    sent.reply = bot.slack.command(sent.user, sent.text, response_url=sent.url)
    return sent


def test_a_burst_of_200_is_acked_within_slacks_limit_and_every_request_answered(
    bot: Harness,
) -> None:
    _seed(bot)
    plan = _burst(bot)
    with ThreadPoolExecutor(max_workers=32) as clients:
        reports = [clients.submit(_send, bot, sent) for sent in plan[:20]]
        # The burster's reports are under way once the first answer of the burst is out.
        bot.fake.wait_for("response_url", timeout=30)  # a deadline, not the limit tested
        helper = _send(bot, Sent("U0SARA", "ayuda", bot.fake.response_url("help")))
        rest = [clients.submit(_send, bot, sent) for sent in plan[20:]]
        done = [f.result() for f in reports + rest]
    assert helper.reply is not None and helper.reply.status == 200
    assert helper.reply.elapsed < SLACK_ACK_LIMIT, "ayuda waited behind someone's reports"
    assert "/cobro hoy" in helper.reply.text()

    late = [(s.text, round(s.reply.elapsed, 2)) for s in done if s.reply and s.reply.elapsed > 3]
    assert all(s.reply is not None and s.reply.status == 200 for s in done)
    assert late == [], f"acks over Slack's 3 s: {late}"

    preparing = [s for s in done if s.reply and "Ya estoy preparando tu reporte" in s.reply.text()]
    assert preparing, "a second report while the first is prepared is answered at once"
    assert all(s.user == BURSTER or s.text == "reporte mes" for s in preparing)
    deadline = time.monotonic() + ANSWER_DEADLINE
    for sent in done:
        assert sent.reply is not None
        if sent.reply.json:  # answered in the ack itself: help, or "already preparing"
            continue
        answer = bot.fake.wait_for_url(sent.url, timeout=max(deadline - time.monotonic(), 0.1))
        expected = {
            "hoy": "llamadas",
            "reporte mes": "Control",
            "cliente ferreteria numro 01": "Ferretería Número",
        }[sent.text]
        assert expected in answer.text(), (sent.text, answer.text()[:300])
