"""Typed errors of the domain. They carry a text key and its values, never user words:
the words are chosen in one place (`bot.core.i18n`) in the user's language."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.core.i18n import Lang


class CobroError(Exception):
    """An error a person can fix; `key` names its text in `bot.core.i18n`."""

    key: str = "error.generic"

    def __init__(self, key: str | None = None, **params: Any) -> None:
        self.key = key or self.key
        self.params = params
        super().__init__(self.key)


class ConfigError(CobroError):
    """Missing or invalid settings: one (VARIABLE, reason) per problem, never a value."""

    key = "error.config"

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__()
        self.problems = problems

    def __str__(self) -> str:
        return "; ".join(f"{name}: {reason}" for name, reason in self.problems)


class NotOnTeam(CobroError):
    key = "error.not_on_team"


class Forbidden(CobroError):
    key = "error.forbidden"


class NotFound(CobroError):
    key = "error.not_found"


class BadInput(CobroError):
    key = "error.bad_input"


@dataclass(frozen=True)
class CellError:
    """One bad cell of an import file: the line as an editor or Excel shows it (0 for the
    file as a whole), and the column's name. A param may be a function of the language."""

    line: int
    column: str
    key: str
    params: dict[str, Any] = field(default_factory=dict)
    letter: str = ""  # the column's letter in a spreadsheet (D), when known


class ImportRejected(CobroError):
    """A CSV file refused as a whole; every bad cell is listed."""

    key = "import.rejected"

    def __init__(
        self,
        errors: list[CellError],
        *,
        path: str = "",
        more: int = 0,
        rows: int | None = None,
    ) -> None:
        """`errors` are the cells listed; `more` the bad cells beyond them, only counted (a
        file of two million bad lines is not printed whole); `rows` the lines with any."""
        super().__init__(count=len(errors) + more, path=path)
        self.errors = errors
        self.more = more
        self.rows = len({cell.line for cell in errors}) if rows is None else rows

    def lines(self, lang: Lang) -> list[str]:
        """Each bad cell as a line a person can act on: where, and what to write instead."""
        from bot.core.i18n import t

        lines = [t("import.rejected", lang, count=len(self.errors) + self.more)]
        for cell in sorted(self.errors, key=lambda c: (c.line, c.column)):
            # A param may be worded by the reader's language itself (an amount's reason).
            params = {k: v(lang) if callable(v) else v for k, v in cell.params.items()}
            text = t(cell.key, lang, **params)
            if cell.line == 0:
                lines.append(t("import.file", lang, message=text))
            elif cell.column:
                key, where = (
                    ("import.cell_letter", cell.letter) if cell.letter else ("import.cell", "")
                )
                lines.append(
                    t(key, lang, line=cell.line, column=cell.column, letter=where, message=text)
                )
            else:
                lines.append(t("import.line", lang, line=cell.line, message=text))
        if self.more:
            lines.append(t("import.more", lang, count=self.more, shown=len(self.errors)))
        return lines


class SaveFailed(CobroError):
    """The database did not take a form: the modal stays open with everything typed."""

    key = "call.save_failed"


class FormRejected(CobroError):
    """A form refused field by field: {field (a modal's block_id): message in the user's
    language}. Checks that read dates produce their reason in words, so the messages are
    already worded here."""

    key = "error.fields"

    def __init__(self, messages: dict[str, str]) -> None:
        super().__init__()
        self.messages = messages
