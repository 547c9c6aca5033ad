"""`cobro demo`: type what you would type in Slack. Interactive (rich), or a script whose
transcript is printed.

    /cobro hoy                       a command, as in Slack
    3                                click choice [3] (a button, a menu option)
    :como @luis                      act as someone else (and see what they were sent)
    :ir 2026-12-01 08:00             move the clock: digests, nudges, broken promises fire
    :inicio                          open the App Home tab
    :ayuda                           this help
    :salir                           leave

In a modal each field is asked in turn (Enter keeps what is shown, `-` clears it). In a
script, a modal's answers are lines `campo = valor` (the block id or the label) ending
with `:guardar` (or `:cancelar`); fields not given keep what the modal shows.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from rich.console import Console
from rich.text import Text

from bot.core.cli import fallback_lang
from bot.core.i18n import t
from bot.core.text import fold
from demo.session import DemoSession, ModalCancelled, team_line


def _options(block: dict[str, Any]) -> list[dict[str, Any]]:
    return list((block.get("element") or {}).get("options") or [])


def choose(block: dict[str, Any], typed: str, session: DemoSession) -> str | None:
    """What the user typed, as the value Slack would send for this element."""
    element = block.get("element") or {}
    kind = element.get("type")
    if kind == "static_select":
        options = _options(block)
        if typed.isdigit() and 1 <= int(typed) <= len(options):
            return str(options[int(typed) - 1]["value"])
        wanted = fold(typed)
        for option in options:
            if wanted in (fold(option["value"]), fold(option["text"]["text"])):
                return str(option["value"])
        for option in options:
            if wanted and wanted in fold(option["text"]["text"]):
                return str(option["value"])
        return None
    if kind == "users_select":
        return session.find_person(typed)
    return typed


class KeyboardAnswers:
    """Asks each field at the terminal."""

    def __init__(self, console: Console, session: DemoSession) -> None:
        self.console = console
        self.session = session

    def start(self, view: dict[str, Any]) -> bool:
        return True

    def answer(self, block: dict[str, Any], current: str | None) -> str | None:
        label = (block.get("label") or {}).get("text", block["block_id"])
        hint = (block.get("hint") or {}).get("text")
        if hint:
            self.console.print(Text(f"  {hint}", style="dim"))
        options = _options(block)
        for number, option in enumerate(options, start=1):
            self.console.print(Text(f"    {number}. {option['text']['text']}", style="dim"))
        shown = self._shown(block, current)
        while True:
            try:
                typed = self.console.input(f"  [bold]{label}[/bold] [dim]\\[{shown}][/dim]: ")
            except (EOFError, KeyboardInterrupt):
                raise ModalCancelled() from None
            typed = typed.strip()
            if not typed:
                return current
            if typed == "-":
                return None
            if typed in (":cancelar", ":cancel"):
                raise ModalCancelled()
            value = choose(block, typed, self.session)
            if value is not None:
                return value
            self.console.print(
                Text("  No es una de las opciones; prueba con su número.", style="red")
            )

    def another_installment(self, number: int) -> bool:
        """Asked after an installment's date: press Añadir cuota?"""
        try:
            typed = self.console.input(f"  ¿Añadir la cuota {number}? [dim](s/N)[/dim]: ")
        except (EOFError, KeyboardInterrupt):
            raise ModalCancelled() from None
        return fold(typed.strip()) in ("s", "si", "y", "yes")

    def _shown(self, block: dict[str, Any], current: str | None) -> str:
        if current is None:
            return ""
        for option in _options(block):
            if option["value"] == current:
                return str(option["text"]["text"])
        if (block.get("element") or {}).get("type") == "users_select":
            return self.session.name_of(current)
        return current


class ScriptAnswers:
    """Takes a modal's answers from the next lines of the script."""

    retry_all = True  # after errors, the next lines may set any field

    def __init__(self, lines: Iterator[str], console: Console, session: DemoSession) -> None:
        self.lines = lines
        self.console = console
        self.session = session
        self.given: dict[str, str] = {}
        self.pushed_back: str | None = None  # a command typed while the modal was open

    def start(self, view: dict[str, Any]) -> bool:
        self.given = {}
        for raw in self.lines:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("/") or (
                line.startswith(":") and "=" not in line and line not in (":guardar", ":cancelar")
            ):
                # Not an answer: the form was left open. Nothing is saved from it, and the
                # line runs as what it is (a command, :como, :ir…) next.
                self.console.print(
                    Text("  ✗ el formulario seguía abierto: se cancela sin guardar", style="red")
                )
                self.pushed_back = raw
                return False
            self.console.print(Text(f"  › {line}", style="bold"))
            if line == ":guardar":
                return True
            if line == ":cancelar":
                return False
            name, _, value = line.partition("=")
            self.given[fold(name)] = value.strip()
        return False

    def _matches(self, block: dict[str, Any]) -> str | None:
        label = fold((block.get("label") or {}).get("text", ""))
        if fold(block["block_id"]) in self.given:
            return fold(block["block_id"])
        return next((k for k in self.given if k and k in label), None)

    def unmatched(self, view: dict[str, Any]) -> list[str]:
        """Names given that no field of the modal answers to: refused, never dropped."""
        inputs = [b for b in view.get("blocks") or [] if b.get("type") == "input"]
        used = {self._matches(b) for b in inputs}
        return [name for name in self.given if name not in used]

    def another_installment(self, number: int) -> bool:
        """Añadir cuota, when the script gives that installment's fields."""
        return any(k in (f"promise_amount_{number}", f"promise_date_{number}") for k in self.given)

    def answer(self, block: dict[str, Any], current: str | None) -> str | None:
        name = self._matches(block)
        typed = self.given.get(name) if name is not None else None
        if typed is None:
            return current
        if typed == "-":
            return None
        value = choose(block, typed, self.session)
        if value is None:
            self.console.print(
                Text(f"  ✗ «{typed}» no es una opción de «{_label_of(block)}»", style="red")
            )
        return value


def _label_of(block: dict[str, Any]) -> str:
    """The field as the person sees it (its label), not its block id."""
    return str((block.get("label") or {}).get("text") or block["block_id"])


def handle(line: str, session: DemoSession, console: Console) -> bool:
    """One input line; False to stop."""
    text = line.strip()
    if not text or text.startswith("#"):
        return True
    if text in (":salir", ":exit", ":quit"):
        return False
    if text in (":ayuda", ":help"):
        console.print(t("demo.help", fallback_lang()), markup=False, highlight=False)
        console.print(team_line("es"))
    elif text.startswith(":como"):
        if not session.become(text.removeprefix(":como").strip()):
            console.print(Text("¿Quién? Prueba :como @ana, @luis, @bea o @sara.", style="red"))
    elif text.startswith(":ir"):
        if not session.go_to(text.removeprefix(":ir").strip()):
            console.print(Text("No entendí el momento: :ir 2026-12-01 08:00", style="red"))
    elif text == ":inicio":
        session.home()
    elif text.isdigit():
        if not session.click(int(text)):
            console.print(Text("No hay una opción con ese número.", style="red"))
    elif text.startswith("/"):
        session.command(text)
    else:
        console.print(Text("Escribe /cobro …, un número, o :ayuda.", style="red"))
    return True


def interactive(session: DemoSession, console: Console) -> None:
    session.form_answers = lambda: KeyboardAnswers(console, session)
    console.print(Text("cobro · demo", style="bold green"))
    way = "por Socket Mode" if session.socket_mode else "por HTTP"
    console.print(
        f"Todo pasa como en Slack: el bot de verdad, {way}, contra un Slack simulado aquí "
        "mismo. Escribe /cobro hoy para empezar, o :ayuda."
    )
    console.print(team_line("es"))
    console.print(Text(f"Eres {session.name_of(session.user)}.", style="bold magenta"))
    session.go_to(session.start_at.isoformat())  # the first morning: the digest arrives
    while True:
        try:
            line = console.input(f"[bold green]{session.name_of(session.user)}[/] › ")
        except (EOFError, KeyboardInterrupt):
            console.print()
            return
        if not handle(line, session, console):
            return


def scripted(session: DemoSession, console: Console, lines: list[str]) -> None:
    feed = iter(lines)
    console.print(Text(f"Eres {session.name_of(session.user)}.", style="bold magenta"))
    # the first morning, as at the keyboard: from 08:00 on a business day the digest arrives
    # (and its plan is kept), whether or not the script's first line moves the clock
    session.go_to(session.start_at.isoformat())
    answers: list[ScriptAnswers] = []

    def form() -> ScriptAnswers:
        answers[:] = [ScriptAnswers(feed, console, session)]
        return answers[0]

    session.form_answers = form

    def lines_left() -> Iterator[str]:
        for line in feed:
            yield line
            while answers and answers[0].pushed_back is not None:
                again, answers[0].pushed_back = answers[0].pushed_back, None
                yield again

    for line in lines_left():
        if line.strip() and not line.strip().startswith("#"):
            console.print(Text(f"{session.name_of(session.user)} › {line.strip()}", style="bold"))
        if not handle(line, session, console):
            return


def run_demo(
    *, script: Path | None, now: str | None, workdir: Path | None, socket: bool = False
) -> None:
    """`cobro demo`: the session on a fresh database, driven by the keyboard or a script."""
    import logging
    import tempfile

    from bot.core.calendar import BusinessCalendar
    from bot.core.cli import fail, parse_moment
    from bot.core.i18n import t
    from demo.session import next_morning

    logging.basicConfig(level=logging.ERROR)
    tz = ZoneInfo("America/Mexico_City")
    start = parse_moment(now, tz, "es") or next_morning(
        datetime.now(tz), tz, BusinessCalendar("MX")
    )
    lines = None
    if script is not None:
        try:
            lines = script.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            fail(t("cli.unreadable_file", "es", path=str(script), error=exc.strerror or ""))
    console = (
        Console(highlight=False)
        if lines is None
        else Console(color_system=None, width=110, highlight=False, soft_wrap=True)
    )
    folder = workdir or Path(tempfile.gettempdir()) / "cobro-demo"
    session = DemoSession(workdir=folder, start=start, console=console, socket_mode=socket)
    session.open()
    try:
        if lines is None:
            interactive(session, console)
        else:
            scripted(session, console, lines)
    finally:
        session.close()
