"""The import folder an ERP drops its exports into: which files are new, in which order to
take them, and where each goes once taken (`procesados/` or `rechazados/`, with the error
report beside a refused file). Files only, no database.

A file is new while it sits in the folder itself: taking it moves it out, so each file is
imported once. Files still being written are left for the next round: hidden and temporary
names (`.x`, `~$x`, `x.tmp`, `x.part`), and files changed in the last `settle` seconds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bot.imports.columns import KINDS, kind_of_name

DONE = "procesados"
REFUSED = "rechazados"
SUFFIXES = (".csv", ".txt", ".xlsx", ".xlsm")
_TEMPORARY = (".tmp", ".part", ".crdownload", ".partial")


@dataclass(frozen=True)
class Incoming:
    path: Path
    kind: str | None  # from the name; None: read the headers


def incoming(folder: Path, *, now: datetime, settle: float) -> list[Incoming]:
    """The files to take this round: customers first (invoices need them), then invoices,
    then payments, then those whose kind the headers must tell; by name within each."""
    found: list[Incoming] = []
    for path in folder.iterdir():
        name = path.name
        if not path.is_file() or name.startswith((".", "~$")):
            continue
        if name.lower().endswith(_TEMPORARY) or not name.lower().endswith(SUFFIXES):
            continue
        if settle > 0 and now.timestamp() - path.stat().st_mtime < settle:
            continue
        found.append(Incoming(path, kind_of_name(name)))
    order = {kind: index for index, kind in enumerate(KINDS)}
    return sorted(found, key=lambda f: (order.get(f.kind or "", len(KINDS)), f.path.name))


def _free(target: Path, now: datetime) -> Path:
    """`target`, or beside it with the moment when a file of that name was taken before."""
    if not target.exists():
        return target
    stamped = target.with_name(f"{target.stem}.{now:%Y%m%dT%H%M%S}{target.suffix}")
    counter = 1
    while stamped.exists():
        stamped = target.with_name(f"{target.stem}.{now:%Y%m%dT%H%M%S}-{counter}{target.suffix}")
        counter += 1
    return stamped


def move_done(path: Path, now: datetime) -> Path:
    target = _free(path.parent / DONE / path.name, now)
    target.parent.mkdir(exist_ok=True)
    return path.rename(target)


def move_refused(path: Path, report: list[str], now: datetime) -> tuple[Path, Path]:
    """Move a refused file out, with `NAME.errores.txt` beside it listing every problem."""
    target = _free(path.parent / REFUSED / path.name, now)
    target.parent.mkdir(exist_ok=True)
    moved = path.rename(target)
    errors = moved.with_name(moved.name + ".errores.txt")
    errors.write_text("\n".join(report) + "\n", encoding="utf-8")
    return moved, errors
