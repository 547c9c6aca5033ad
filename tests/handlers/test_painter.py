"""The charts' painter process: the charts come back drawn, as the bot's process would have
drawn them (the team's locale too), and a painter that died is replaced."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator

import pytest

from bot.core.i18n.formats import set_team_locale, team_locale
from handlers.blocks.charts import BLUE, Chart, Series
from handlers.blocks.drawing import draw
from handlers.painter import paint, painter_pid
from tests.waiting import wait_until

MONEY = Chart(
    "antiguedad.png",
    "Antigüedad del saldo",
    ["Al corriente", "1-30 días"],
    [Series("Este periodo", [350_000.0, 1_250.5], BLUE)],
    currency="MXN",
    horizontal=False,
)
CALLS = Chart("llamadas.png", "Llamadas", ["Ana Pérez"], [Series("Llamadas", [7.0], BLUE)])


@pytest.fixture
def team_locale_kept() -> Iterator[None]:
    before = team_locale()
    yield
    set_team_locale(before)


def test_the_charts_are_drawn_in_another_process_as_this_one_draws_them(
    team_locale_kept: None,
) -> None:
    set_team_locale("es_MX")
    assert painter_pid() != os.getpid()
    painted = paint([MONEY, CALLS], "es")
    assert painted == [draw(MONEY, "es"), draw(CALLS, "es")]


def test_the_painter_draws_money_in_the_teams_locale(team_locale_kept: None) -> None:
    set_team_locale("es_MX")
    mexican = paint([MONEY], "es")
    set_team_locale("es_CO")
    colombian = paint([MONEY], "es")
    assert colombian == [draw(MONEY, "es")]  # "$350.000", drawn here with es_CO too
    assert colombian != mexican  # "$350,000"


def test_a_painter_that_died_is_replaced(team_locale_kept: None) -> None:
    first = painter_pid()
    os.kill(first, signal.SIGKILL)
    assert paint([CALLS], "es") == [draw(CALLS, "es")]
    assert painter_pid() != first


def test_no_charts_ask_nothing_of_the_painter() -> None:
    assert paint([], "es") == []


def test_the_painter_ends_when_the_bot_is_killed() -> None:
    """A bot stopped by SIGKILL leaves no painter behind (it would hold the bot's output
    open for whoever reads it, and its memory)."""
    probe = "from handlers.painter import painter_pid; print(painter_pid(), flush=True); input()"
    bot = subprocess.Popen(
        [sys.executable, "-c", probe], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert bot.stdout is not None
        painter = int(bot.stdout.readline())
        assert _alive(painter)
        bot.send_signal(signal.SIGKILL)
        bot.wait(timeout=10)
        wait_until(lambda: not _alive(painter), timeout=10, what="the painter gone")
    finally:
        bot.kill()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie is gone, waiting to be reaped
        return stat.read().split(")")[-1].split()[0] != "Z"
