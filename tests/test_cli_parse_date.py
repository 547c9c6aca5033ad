"""`cobro parse-date`: many phrases from stdin in one process, one JSON object per line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

COBRO = str(Path(sys.executable).parent / "cobro")
NOW = ["--now", "2026-11-23T09:00", "--tz", "America/Mexico_City"]


def run(
    *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    import os

    base = {k: v for k, v in os.environ.items() if not k.startswith(("COBRO_", "SLACK_"))}
    return subprocess.run(
        [COBRO, "parse-date", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env={**base, **(env or {})},
    )


def test_phrases_from_stdin_are_read_in_one_process() -> None:
    result = run(*NOW, stdin="el viernes\nmañana a las 10\n\nayer\n")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 0
    assert [(x["text"], x["date"], x["time"], x["error"]) for x in lines] == [
        ("el viernes", "2026-11-27", None, None),
        ("mañana a las 10", "2026-11-24", "10:00", None),
        ("ayer", "2026-11-22", None, None),
    ]
    assert lines[1]["words"] == "martes 24 de noviembre, 10:00"
    assert lines[2]["past"] is True


def test_unreadable_phrases_say_why_and_exit_2() -> None:
    result = run("cuando pueda", "el 15", *NOW)
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert result.returncode == 2
    assert first["date"] is None and "cuando pueda" in first["error"]
    assert second["date"] == "2026-12-15"


def test_english_errors_follow_the_team_language() -> None:
    result = run("whenever", *NOW, env={"COBRO_LANGUAGE": "en"})
    assert "I couldn't read a date" in json.loads(result.stdout)["error"]


def test_a_bad_now_is_bad_usage() -> None:
    result = run("el viernes", "--now", "ayer")
    assert result.returncode == 2
    assert "--now «ayer» no es una fecha ISO 8601" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_holiday_is_flagged_as_not_a_business_day() -> None:
    result = run("el 16 de noviembre", "--now", "2026-11-10T09:00", env={"COBRO_COUNTRY": "MX"})
    line = json.loads(result.stdout)
    assert line["date"] == "2026-11-16"
    assert line["business_day"] is False


def test_a_typo_is_reported_as_a_suggestion_with_no_date() -> None:
    result = run("vierenes", "mañna a primera hora", "el viernes", *NOW)
    typo, other, fine = (json.loads(line) for line in result.stdout.splitlines())
    assert result.returncode == 2
    assert (typo["date"], typo["suggestion"]) == (None, "viernes")
    assert typo["error"] == "¿quisiste decir «viernes»?"
    assert (other["date"], other["suggestion"]) == (None, "mañana a primera hora")
    assert (fine["date"], fine["suggestion"]) == ("2026-11-27", None)


def test_a_recurring_date_points_to_payment_plans() -> None:
    result = run("el 5 de cada mes", *NOW)
    line = json.loads(result.stdout)
    assert result.returncode == 2
    assert line["date"] is None and line["suggestion"] is None
    assert "plan de pagos" in line["error"]


def test_settings_it_cannot_vouch_for_get_the_full_settings_error(tmp_path: Path) -> None:
    """parse-date reads its three settings without pydantic to start fast; a bad one is
    still refused with the message every other command gives."""
    result = run("mañana", env={"COBRO_TIMEZONE": "Mars/Olympus"})
    assert result.returncode == 2
    assert "COBRO_TIMEZONE" in result.stderr + result.stdout


def test_its_settings_come_from_a_dotenv_file_too(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("cobro_language=en\nCOBRO_COUNTRY=mx\n", encoding="utf-8")
    import os

    base = {k: v for k, v in os.environ.items() if not k.startswith(("COBRO_", "SLACK_"))}
    result = subprocess.run(
        [COBRO, "parse-date", "--now", "2026-11-23T09:00", "--tz", "America/Mexico_City"],
        input="zzz\n16 de noviembre\n",
        capture_output=True,
        text=True,
        timeout=60,
        env=base,
        cwd=tmp_path,
    )
    first, holiday = (json.loads(line) for line in result.stdout.splitlines())
    assert "I couldn't read a date" in first["error"]  # cobro_language=en, any case
    assert holiday["business_day"] is False  # Mexico's Revolution Day, observed on the 16th


PLAIN_ENV = {"COBRO_COUNTRY": "MX", "COBRO_TIMEZONE": "America/Mexico_City"}
PHRASES = ["el viernes", "mañana a las 10", "el 31 de febrero", "el vienres", "25 de diciembre"]


def test_the_plain_command_answers_as_the_full_one_does() -> None:
    """`cobro parse-date PHRASE…` with no option is answered before typer loads (see
    bot.core.entry); `python -m app` is typer's path: the same lines, the same status."""
    import os

    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("COBRO_", "SLACK_"))},
        **PLAIN_ENV,
    }
    plain = run(*PHRASES, env=PLAIN_ENV)
    full = subprocess.run(
        [sys.executable, "-m", "app", "parse-date", *PHRASES],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert plain.returncode == full.returncode == 2  # the 31st of February is refused
    assert plain.stdout == full.stdout
    assert len(plain.stdout.splitlines()) == len(PHRASES)


def test_the_plain_command_loads_neither_typer_nor_pydantic() -> None:
    import os

    probe = (
        "import sys\n"
        "sys.argv = ['cobro', 'parse-date', 'el viernes']\n"
        "from bot.core.entry import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as done:\n"
        "    print(done.code, 'typer' in sys.modules, 'pydantic' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **PLAIN_ENV},
    )
    assert result.stderr.split() == ["0", "False", "False"]
    assert json.loads(result.stdout)["date"] is not None


def test_an_option_hands_the_command_to_typer() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "--now" in result.stdout
