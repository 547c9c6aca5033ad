"""Benchmark: how fast cobro reads a date phrase. Targets: median at most 1 ms after
warm-up; the first parse in a fresh process at most 0.5 s (imports included).

    python -m bench.parse_dates

Also prints dateparser alone on the same phrases, with languages given and with
auto-detection, to show why cobro never lets it guess the language.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from datetime import datetime
from zoneinfo import ZoneInfo

PHRASES = [
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
    "parse('mañana a las 10', datetime(2026, 11, 23, 9, tzinfo=ZoneInfo('America/Mexico_City')), "
    "'America/Mexico_City'); print(time.perf_counter() - t)"
)


def timed(function, phrases: list[str], rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        for phrase in phrases:
            started = time.perf_counter()
            function(phrase)
            samples.append(time.perf_counter() - started)
    return samples


def main() -> None:
    first = [float(subprocess.check_output([sys.executable, "-c", FIRST_PARSE])) for _ in range(5)]
    print(
        f"first parse in a fresh process: median {statistics.median(first) * 1000:.0f} ms, "
        f"max {max(first) * 1000:.0f} ms  (target ≤ 500 ms)"
    )

    from bot.core.dates import parse

    tz = ZoneInfo("America/Mexico_City")
    now = datetime(2026, 11, 23, 9, tzinfo=tz)
    timed(lambda p: parse(p, now, tz), PHRASES, 20)
    samples = timed(lambda p: parse(p, now, tz), PHRASES, 200)
    samples.sort()
    print(
        f"cobro parse, {len(samples)} parses: median {statistics.median(samples) * 1000:.3f} ms, "
        f"p95 {samples[int(len(samples) * 0.95)] * 1000:.3f} ms  (target median ≤ 1 ms)"
    )

    import dateparser

    base = {"PREFER_DATES_FROM": "future", "RELATIVE_BASE": now.replace(tzinfo=None)}
    given = timed(lambda p: dateparser.parse(p, languages=["es", "en"], settings=base), PHRASES, 20)
    guessed = timed(lambda p: dateparser.parse(p, settings=base), PHRASES, 5)
    read = sum(dateparser.parse(p, languages=["es"], settings=base) is not None for p in PHRASES)
    print(f"dateparser with languages: median {statistics.median(given) * 1000:.3f} ms")
    print(
        f"dateparser auto-detecting: median {statistics.median(guessed) * 1000:.3f} ms "
        f"({statistics.median(guessed) / statistics.median(given):.0f}× slower)"
    )
    print(f"dateparser alone read {read} of {len(PHRASES)} phrases; cobro refuses 2 on purpose")


if __name__ == "__main__":
    main()
