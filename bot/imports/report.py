"""What an import did (or, in a dry run, would do), in words for the console and for the
admins' message. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from bot.core.i18n import Lang, t
from bot.core.money import money
from bot.imports.files import Table

ZERO = Decimal("0")
_SHOWN = 10  # ids listed before "…"


@dataclass(frozen=True)
class Credit:
    """Money a customer paid beyond all their open invoices, kept for the next one."""

    customer: str
    amount: Decimal
    currency: str


@dataclass(frozen=True)
class ImportReport:
    kind: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    ignored: tuple[str, ...] = ()
    orphans: tuple[str, ...] = ()
    credits: tuple[Credit, ...] = ()
    credit_applied: tuple[Credit, ...] = ()
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    dry_run: bool = False

    def read_as(self, lang: Lang) -> str:
        if self.sheet is not None:
            return t("import.read_sheet", lang, sheet=self.sheet)
        delimiter = t(f"import.delimiter.{_DELIMITER_NAMES.get(self.delimiter or ',')}", lang)
        return t("import.read_as", lang, encoding=self.encoding or "?", delimiter=delimiter)

    def lines(self, lang: Lang) -> list[str]:
        """The summary: how the file was read, what changed, and what needs someone."""
        lines = [self.read_as(lang)]
        if self.dry_run:
            lines.append(t("import.dry_run", lang))
        lines.append(
            t(
                f"import.done.{self.kind}",
                lang,
                created=self.created,
                updated=self.updated,
                unchanged=self.unchanged,
            )
        )
        if self.ignored:
            columns = ", ".join(f"«{c}»" for c in self.ignored)
            lines.append(t("import.ignored", lang, count=len(self.ignored), columns=columns))
        if self.orphans:
            lines.append(
                t("import.orphans", lang, count=len(self.orphans), ids=_listed(self.orphans))
            )
        if self.credits:
            lines.append(
                t(
                    "import.credits",
                    lang,
                    count=len(self.credits),
                    credits=_credits(self.credits, lang),
                )
            )
        if self.credit_applied:
            lines.append(
                t(
                    "import.credit_applied",
                    lang,
                    count=len(self.credit_applied),
                    credits=_credits(self.credit_applied, lang),
                )
            )
        return lines


_DELIMITER_NAMES = {";": "semicolon", ",": "comma", "\t": "tab"}


def _listed(ids: tuple[str, ...]) -> str:
    shown = ", ".join(ids[:_SHOWN])
    return shown + (f", … (+{len(ids) - _SHOWN})" if len(ids) > _SHOWN else "")


def _credits(credits: tuple[Credit, ...], lang: Lang) -> str:
    shown = [f"{c.customer} {money(c.amount, c.currency, lang)}" for c in credits[:_SHOWN]]
    extra = len(credits) - _SHOWN
    return "; ".join(shown) + (f"; … (+{extra})" if extra > 0 else "")


def read_with(table: Table, kind: str, **counted: Any) -> ImportReport:
    """A report of `kind` that knows how `table` was read."""
    return ImportReport(
        kind=kind,
        encoding=table.encoding,
        delimiter=table.delimiter,
        sheet=table.sheet,
        **counted,
    )


@dataclass(frozen=True)
class SyncedFile:
    """One file the folder sync took: imported (with its report) or refused (with the
    number of problems and the file that lists them), and where it was moved."""

    name: str
    kind: str | None
    moved_to: str
    report: ImportReport | None = None
    problems: int = 0
    errors_file: str | None = None

    @property
    def imported(self) -> bool:
        return self.report is not None

    def lines(self, lang: Lang) -> list[str]:
        if self.report is not None:
            return [t("sync.imported", lang, name=self.name), *self.report.lines(lang)]
        return [
            t(
                "sync.refused",
                lang,
                name=self.name,
                count=self.problems,
                errors=self.errors_file or "",
            )
        ]
