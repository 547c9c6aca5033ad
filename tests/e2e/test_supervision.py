"""A supervisor runs the team from Slack: the team's day on the Home with a collector's day,
tasks and promises a button away; `tareas @luis` within scope; a portfolio moved; an
orphan account given a collector from the summary; an escalated account's credit held and
the account handed over to legal with its history; a member deactivated in Slack."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import select

from bot.core.vocabulary import Role
from models import Correction, Customer, PaymentPromise, Task, TeamMember
from models.enums import TaskKind, TaskStatus
from tests import builders as b
from tests.e2e.conftest import MEXICO, Harness

MONDAY_8AM = datetime(2026, 11, 23, 8, 0, tzinfo=MEXICO)


def _people(bot: Harness) -> dict[str, TeamMember]:
    with bot.db() as s:
        return {m.slack_user_id: m for m in s.scalars(select(TeamMember))}


def _seed(bot: Harness) -> dict[str, int]:
    """Sara's team; Luis has Ferretería López (due at +15, an overdue task, a pending
    promise at Papelería Sol), Ana called someone this morning, Bea has nothing."""
    bot.team()
    people = _people(bot)
    with bot.db.begin() as s:
        ana, luis = people["U0ANA"], people["U0LUIS"]
        lopez = b.lopez(s, luis)
        b.invoice(s, lopez, "2026-11-06", "1500.00")
        sol = b.customer(s, "Papelería Sol", luis, external_id="C-200")
        b.invoice(s, sol, "2026-11-20", "300.00")
        b.task(s, sol, luis, "2026-11-19", "Enviar estado de cuenta", kind=TaskKind.SEND_INVOICE)
        b.promise(s, sol, luis, "2026-11-27", "300")
        b.attempt(s, b.customer(s, "Farmacia Luz", ana), ana, "2026-11-23")
        return {"lopez": lopez.id, "sol": sol.id}


def _dms_to(bot: Harness, user: str) -> list[str]:
    return [c.text() for c in bot.fake.calls_to("chat.postMessage") if c.params["channel"] == user]


def test_the_supervisors_home_shows_every_collectors_day_with_buttons(bot: Harness) -> None:
    _seed(bot)
    bot.slack.event({"type": "app_home_opened", "user": "U0SARA", "tab": "home"})
    (published,) = bot.fake.wait_for("views.publish")
    view = published.params["view"]
    text = published.text()
    assert view["type"] == "home" and len(view["blocks"]) <= 100
    assert "Tu equipo hoy" in text
    lines = [
        blk["text"]["text"]
        for blk in view["blocks"]
        if blk["type"] == "section" and "tareas vencidas" in blk["text"]["text"]
    ]
    assert [line.split("*")[1] for line in lines] == ["Ana Pérez", "Bea Ruiz", "Luis Gómez"]
    assert "hechas 1" in lines[0] and "tareas vencidas 0" in lines[0]
    assert lines[1].endswith(
        "plan 0 · hechas 0 · promesas rotas 0 · tareas vencidas 0 · escaladas 0"
    )
    assert "plan 1 · hechas 0" in lines[2] and "tareas vencidas 1" in lines[2]
    luis_buttons = next(
        blk for blk in view["blocks"] if blk.get("block_id", "").startswith("team-")
    )
    assert {e["action_id"] for e in luis_buttons["elements"]} == {
        "cobro_team_day",
        "cobro_team_tasks",
        "cobro_team_promises",
        "cobro_team_reassign",
    }
    home = {**view, "id": "V0HOME"}
    bot.slack.block_action("U0SARA", "cobro_team_tasks", "U0LUIS", view=home)
    bot.slack.block_action("U0SARA", "cobro_team_promises", "U0LUIS", view=home)
    bot.slack.block_action("U0SARA", "cobro_team_day", "U0LUIS", view=home)
    bot.fake.wait_for("chat.postMessage", 3)
    dms = " ".join(_dms_to(bot, "U0SARA"))
    assert "Tareas pendientes de Luis Gómez" in dms and "Enviar estado de cuenta" in dms
    assert "Promesas que sigue Luis Gómez" in dms and "Papelería Sol" in dms
    assert "Ferretería López" in dms  # his calls today


def test_a_collectors_home_has_no_team_section(bot: Harness) -> None:
    _seed(bot)
    bot.slack.event({"type": "app_home_opened", "user": "U0LUIS", "tab": "home"})
    (published,) = bot.fake.wait_for("views.publish")
    assert "Tu equipo hoy" not in published.text() and "Ferretería López" in published.text()


def test_tareas_and_promesas_of_a_collector_for_their_supervisor_only(bot: Harness) -> None:
    _seed(bot)
    tasks = bot.slack.ask("U0SARA", "tareas @luis").text()
    assert "Tareas pendientes de Luis Gómez" in tasks and "Enviar estado de cuenta" in tasks
    promises = bot.slack.ask("U0SARA", "promesas <@U0LUIS|luis>").text()
    assert "Promesas que sigue Luis Gómez" in promises and "Papelería Sol" in promises
    refused = bot.slack.ask("U0ANA", "tareas @luis").text()
    assert "Solo puedes ver tu propio trabajo" in refused
    assert "Enviar estado de cuenta" not in refused
    mine = bot.slack.ask("U0LUIS", "tareas").text()
    assert "Mis tareas pendientes" in mine and "Enviar estado de cuenta" in mine


def test_a_supervisor_moves_a_portfolio_from_the_home(bot: Harness) -> None:
    _seed(bot)
    bot.slack.block_action("U0SARA", "cobro_team_reassign", "U0LUIS", view={"id": "V0HOME"})
    modal = bot.fake.last_view()
    assert "<@U0LUIS>" in json.dumps(modal, ensure_ascii=False)
    answer = bot.slack.submit("U0SARA", modal, {"assignee": "U0ANA"})
    assert answer.json["response_action"] == "update"
    assert "2 clientes, 1 tarea abierta, 1 promesa pendiente" in answer.text()
    people = _people(bot)
    with bot.db() as s:
        assert set(s.scalars(select(Customer.collector_id))) == {people["U0ANA"].id}
        assert s.scalar(select(PaymentPromise.collector_id)) == people["U0ANA"].id
        assert {t.assignee_id for t in s.scalars(select(Task))} == {people["U0ANA"].id}
        assert {c.by_id for c in s.scalars(select(Correction))} == {people["U0SARA"].id}


def test_an_orphan_account_is_given_a_collector_from_the_summary(bot: Harness) -> None:
    _seed(bot)
    bot.fake.private_channels.add("C0SUPER")
    with bot.db.begin() as s:
        nadie = b.customer(s, "Abarrotes Nadie", None, external_id="C-300")
        b.invoice(s, nadie, "2026-10-30", "700.00")
        orphan_id = nadie.id
    bot.jobs.digest(MONDAY_8AM)
    summary = bot.fake.messages_to("C0SUPER")[-1]
    blocks = summary.params["blocks"]
    blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
    block = next(blk for blk in blocks if blk.get("block_id") == f"orphan-{orphan_id}")
    assert "Abarrotes Nadie" in block["text"]["text"]
    select_menu = block["accessory"]
    assert select_menu["action_id"] == "cobro_assign_orphan"
    ana = _people(bot)["U0ANA"]
    chosen = next(o for o in select_menu["options"] if o["text"]["text"] == "Ana Pérez")
    assert chosen["value"] == f"{orphan_id}:{ana.id}"
    bot.slack.block_action(
        "U0SARA",
        "cobro_assign_orphan",
        channel="C0SUPER",
        block_id=block["block_id"],
        extra={"type": "static_select", "selected_option": chosen},
    )
    (answer,) = bot.fake.wait_for("response_url")
    assert "Abarrotes Nadie ahora es de Ana Pérez" in answer.text()
    with bot.db() as s:
        assert s.get(Customer, orphan_id).collector_id == ana.id
        change = s.scalar(select(Correction).where(Correction.customer_id == orphan_id))
        assert (change.field, change.old_value, change.new_value) == (
            "collector",
            None,
            str(ana.id),
        )


def test_a_collector_cannot_assign_an_orphan(bot: Harness) -> None:
    _seed(bot)
    with bot.db.begin() as s:
        orphan_id = b.customer(s, "Abarrotes Nadie", None).id
    ana = _people(bot)["U0ANA"]
    bot.slack.block_action(
        "U0ANA",
        "cobro_assign_orphan",
        channel="C0SUPER",
        extra={"type": "static_select", "selected_option": {"value": f"{orphan_id}:{ana.id}"}},
    )
    (answer,) = bot.fake.wait_for("response_url")
    assert "quien supervisa o administra el equipo" in answer.text()
    with bot.db() as s:
        assert s.get(Customer, orphan_id).collector_id is None


def test_an_escalated_account_has_its_credit_held_then_goes_to_legal(bot: Harness) -> None:
    ids = _seed(bot)
    with bot.db.begin() as s:
        luis = s.scalar(select(TeamMember).where(TeamMember.slack_user_id == "U0LUIS"))
        vieja = b.customer(s, "Constructora Vieja", luis, external_id="C-400")
        b.invoice(s, vieja, "2026-07-20", "9000.00")  # 126 days past due
        b.task(s, vieja, luis, "2026-11-30", "Mandar carta de cobranza")
        vieja_id = vieja.id
    luis_card = bot.slack.command(
        "U0LUIS", "cliente vieja", response_url=bot.fake.response_url("l")
    )
    assert luis_card.status == 200
    (shown,) = bot.fake.wait_for("response_url")
    assert "Escalada" in shown.text() and "cobro_credit_hold" not in shown.text()
    url = bot.fake.response_url("card")
    bot.slack.command("U0SARA", "cliente vieja", response_url=url)
    card = bot.fake.wait_for_url(url)
    assert "Retener crédito" in card.text() and "Pasar a cobranza externa/legal" in card.text()
    bot.slack.block_action(
        "U0SARA", "cobro_credit_hold", str(vieja_id), channel="D0SARA", block_id=f"card-{vieja_id}"
    )
    replaced = bot.fake.wait_for("response_url", 3)[-1]
    assert replaced.params.get("replace_original") is True
    assert "Crédito retenido" in replaced.text() and "Liberar crédito" in replaced.text()
    today = bot.fake.response_url("hoy")
    bot.slack.command("U0LUIS", "hoy", response_url=today)
    assert "crédito retenido" in bot.fake.wait_for_url(today).text()
    bot.slack.block_action("U0SARA", "cobro_hand_over", str(vieja_id), channel="D0SARA")
    (complete,) = bot.fake.wait_for("files.completeUploadExternal")
    assert complete.params["channel_id"].startswith("D")  # the evidence, in Sara's DM
    answer = bot.fake.wait_for("response_url", 5)[-1]
    assert "Constructora Vieja pasó a cobranza externa/legal" in answer.text()
    again = bot.fake.response_url("hoy2")
    bot.slack.command("U0LUIS", "hoy", response_url=again)
    agenda = bot.fake.wait_for_url(again).text()
    assert "Constructora Vieja" not in agenda and "Ferretería López" in agenda
    listed = bot.slack.ask("U0SARA", "legal").text()
    assert "Constructora Vieja" in listed and "C-400" in listed and "Luis Gómez" in listed
    assert "quien supervisa o administra el equipo" in bot.slack.ask("U0LUIS", "legal").text()
    with bot.db() as s:
        fields = list(s.scalars(select(Correction.field).where(Correction.customer_id == vieja_id)))
    assert fields == ["credit_hold", "handed_over"]
    with bot.db() as s:
        statuses = set(s.scalars(select(Task.status).where(Task.customer_id == vieja_id)))
    assert statuses == {TaskStatus.CANCELLED}  # nobody is nudged about it any more
    assert ids["lopez"] != vieja_id


def test_credit_hold_is_only_for_escalated_accounts(bot: Harness) -> None:
    ids = _seed(bot)
    bot.slack.block_action("U0SARA", "cobro_credit_hold", str(ids["sol"]), channel="D0SARA")
    (answer,) = bot.fake.wait_for("response_url")
    assert "no está escalada" in answer.text()
    with bot.db() as s:
        assert s.get(Customer, ids["sol"]).credit_hold is False


def test_a_member_deactivated_in_slack_leaves_and_the_admins_are_told(bot: Harness) -> None:
    _seed(bot)
    bot.member("U0ADM", "Adela Admin", Role.ADMIN)
    bot.slack.event(
        {"type": "user_change", "user": {"id": "U0LUIS", "deleted": True, "name": "luis"}}
    )
    (told,) = bot.fake.wait_for("chat.postMessage")
    assert told.params["channel"] == "U0ADM"
    assert "Luis Gómez fue desactivado en Slack" in told.text() and "2 cuentas" in told.text()
    with bot.db() as s:
        luis = s.scalar(select(TeamMember).where(TeamMember.slack_user_id == "U0LUIS"))
        assert luis.active is False and luis.left_slack_at is not None
    bot.slack.event({"type": "user_change", "user": {"id": "U0ANA", "deleted": False}})
    bot.fake.wait_quiet()
    assert len(bot.fake.calls_to("chat.postMessage")) == 1  # Ana is still here
