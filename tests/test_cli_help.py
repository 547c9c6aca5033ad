"""`cobro --help` in the team's language: Spanish with COBRO_LANGUAGE=es, English with en."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

COBRO = str(Path(sys.executable).parent / "cobro")


def _help(lang: str, *args: str) -> str:
    env = {**os.environ, "COBRO_LANGUAGE": lang, "COLUMNS": "200"}
    done = subprocess.run(
        [COBRO, *args, "--help"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize(
    ("args", "spanish", "english"),
    [
        ((), "el bot de Slack del equipo de cobranza", "the collections team's Slack bot"),
        (("import", "customers"), "revisa todo, dice qué cambiaría", "check everything, say what"),
        (("jobs", "run"), "entrega los mensajes pendientes", "deliver pending messages"),
    ],
)
def test_help_is_in_the_teams_language(args: tuple[str, ...], spanish: str, english: str) -> None:
    es, en = _help("es", *args), _help("en", *args)
    assert spanish in es and english not in es
    assert english in en and spanish not in en
