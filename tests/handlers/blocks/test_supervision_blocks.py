"""The supervisor's builders, for meaning: every collector's figures and buttons, the Home
within Slack's 100 blocks however large the team, the hand-over asks for confirmation."""

from __future__ import annotations

from datetime import date

from bot.supervision.rules import CollectorDay, TeamDay
from handlers.blocks.supervision import (
    TEAM_SECTION_LIMIT,
    build_team_section,
    escalation_buttons,
    with_team_section,
)


def _day(n: int) -> TeamDay:
    people = [CollectorDay(i, f"U0C{i:02d}", f"Cobrador {i:02d}", 10, i, 1, 2, 0) for i in range(n)]
    return TeamDay(date(2026, 11, 23), people)


def test_each_collector_shows_their_figures_and_buttons_carry_their_slack_id() -> None:
    blocks = build_team_section(_day(3), "es")
    text = str(blocks)
    assert "llamadas hechas 3 de 30 planeadas" in text
    assert "*Cobrador 02* — plan 10 · hechas 2 · promesas rotas 1 · tareas vencidas 2" in text
    buttons = next(b for b in blocks if b.get("block_id") == "team-2")["elements"]
    assert {e["value"] for e in buttons} == {"U0C02"}


def test_a_large_team_is_cut_with_a_count_and_the_home_stays_within_100_blocks() -> None:
    blocks = build_team_section(_day(35), "es")
    assert len(blocks) <= TEAM_SECTION_LIMIT
    assert "Y 15 personas más" in str(blocks)
    home = {"type": "home", "blocks": [{"type": "header"}, {"type": "context"}] * 50}
    merged = with_team_section(home, blocks)
    assert len(merged["blocks"]) == 100
    assert merged["blocks"][2] == blocks[0]  # the team first, after the title and greeting


def test_the_hand_over_asks_before_it_takes_the_account_off_the_agenda() -> None:
    hold, hand_over = escalation_buttons(7, False, "es")
    assert hold["action_id"] == "cobro_credit_hold" and hold["value"] == "7"
    assert "confirm" in hand_over and hand_over["style"] == "danger"
    release, _ = escalation_buttons(7, True, "es")
    assert release["action_id"] == "cobro_credit_release"
