"""Benchmark: how fast cobro reads a date phrase. Targets: median at most 1 ms a phrase
after warm-up; a fresh `cobro parse-date` process at most 300 ms (imports included).

    python -m bench.parse_dates

Times the everyday phrases and the whole table of tests/bot/core/date_phrases.txt (which
includes refusals and typo suggestions, the slower paths), then fresh processes: the
`cobro parse-date` command and a bare first parse, each with bytecode cached (as an
installed cobro runs) and compiled from source (as with PYTHONDONTWRITEBYTECODE). Also
dateparser alone on the everyday phrases, to show why cobro never lets it guess.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "tests" / "bot" / "core" / "date_phrases.txt"
COBRO = str(Path(sys.executable).parent / "cobro")

EVERYDAY = [
    "el viernes",
    "pasado mañana",
    "mañana a las 10",
    "a fin de mes",
    "la semana que viene",
    "dentro de dos semanas",
    "el 15 de diciembre",
    "a la quincena",
    "me dijo que paga el viernes sin falta",
    "martes a las 10",
    "mañana en la tarde",
    "el próximo lunes",
    "15/12/2026",
    "next friday",
    "tomorrow at 10am",
    "in 3 days",
    "cuando pueda",
    "el 31 de febrero",
]

FIRST_PARSE = (
    "import time; t = time.perf_counter(); from datetime import datetime; "
    "from zoneinfo import ZoneInfo; from bot.core.dates import parse; "
    "r = parse('mañana a las 10', datetime(2026, 11, 23, 9, tzinfo=ZoneInfo('America/Mexico_City')), "
    "'America/Mexico_City'); r.in_words('es'); print(time.perf_counter() - t)"
)


def table_phrases() -> list[str]:
    phrases = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if " => " in line and not line.startswith("#"):
            phrases.append(line.split(" => ")[0])
    return phrases


def timed(function: Callable[[str], object], phrases: list[str], rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        for phrase in phrases:
            started = time.perf_counter()
            function(phrase)
            samples.append(time.perf_counter() - started)
    return sorted(samples)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.3f} ms"


# A Mexican team's settings: the country brings its holidays (the `business_day` field).
TEAM = {"COBRO_COUNTRY": "MX", "COBRO_TIMEZONE": "America/Mexico_City"}


def fresh(command: list[str], *, cached: bool, runs: int = 9) -> list[float]:
    """Wall time of fresh processes (the first run, which writes the cache, not counted)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COBRO_", "SLACK_"))}
    env |= TEAM
    with tempfile.TemporaryDirectory() as cache:
        if cached:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = cache  # keeps __pycache__ out of the tree
        else:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        samples = []
        for run in range(runs + 1):
            started = time.perf_counter()
            subprocess.run(command, env=env, check=True, capture_output=True, cwd=ROOT)
            if run:
                samples.append(time.perf_counter() - started)
    return sorted(samples)


def main() -> None:
    from bot.core.dates import parse

    tz = ZoneInfo("America/Mexico_City")
    now = datetime(2026, 11, 23, 9, tzinfo=tz)
    table = table_phrases()
    for name, phrases, rounds in [("everyday", EVERYDAY, 200), ("table", table, 10)]:
        timed(lambda p: parse(p, now, tz), phrases, 2)
        samples = timed(lambda p: parse(p, now, tz), phrases, rounds)
        print(
            f"cobro parse, {name} phrases ({len(phrases)} × {rounds}): median "
            f"{ms(statistics.median(samples))}, p95 {ms(samples[int(len(samples) * 0.95)])}, "
            f"max {ms(samples[-1])}  (target median ≤ 1 ms)"
        )
        # refused phrases without a date word ("mil novecientos noventa") may try dateparser
        print(f"  dateparser loaded after these: {'dateparser' in sys.modules}")

    # The plain command is answered before typer loads (bot.core.entry); an option hands
    # it to typer, which builds every parameter through pydantic.
    command = [COBRO, "parse-date", "mañana a las 10"]
    optioned = [COBRO, "parse-date", "mañana a las 10", "--now", "2026-11-23T09:00"]
    first = [sys.executable, "-c", FIRST_PARSE]
    for label, cmd in [
        ("fresh `cobro parse-date PHRASE`", command),
        ("fresh `cobro parse-date PHRASE --now …` (typer)", optioned),
        ("fresh first parse", first),
    ]:
        for cached in (True, False):
            samples = fresh(cmd, cached=cached)
            how = "bytecode cached" if cached else "compiled from source"
            target = "  (target ≤ 300 ms)" if cmd is command and cached else ""
            print(
                f"{label}, {how}: median {statistics.median(samples) * 1000:.0f} ms, "
                f"min {samples[0] * 1000:.0f} ms, max {samples[-1] * 1000:.0f} ms{target}"
            )

    import dateparser

    base = {"PREFER_DATES_FROM": "future", "RELATIVE_BASE": now.replace(tzinfo=None)}
    given = timed(
        lambda p: dateparser.parse(p, languages=["es", "en"], settings=base), EVERYDAY, 20
    )
    guessed = timed(lambda p: dateparser.parse(p, settings=base), EVERYDAY, 5)
    read = sum(dateparser.parse(p, languages=["es"], settings=base) is not None for p in EVERYDAY)
    print(f"dateparser with languages: median {ms(statistics.median(given))}")
    print(
        f"dateparser auto-detecting: median {ms(statistics.median(guessed))} "
        f"({statistics.median(guessed) / statistics.median(given):.0f}× slower)"
    )
    print(f"dateparser alone read {read} of {len(EVERYDAY)} phrases; cobro refuses 2 on purpose")
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
