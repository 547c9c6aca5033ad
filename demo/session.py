"""A demo session: the real bot over HTTP (or Socket Mode), a fake Slack in the process, a
clock you move.

Everything goes the way it goes in Slack: a command is a signed POST to `/slack/events`, a
click is a signed `block_actions`, a modal is a signed `view_submission` with the state
Slack would send (with `socket_mode`, the same payloads arrive as Socket Mode envelopes on
the bot's WebSocket); what the bot says arrives at the fake Slack's Web API and is shown
here. Nothing of the bot is mocked: the demo only plays the user and Slack. Anything Slack
would refuse (a Block Kit limit, a late ack) is shown when the demo ends.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from pathlib import Path
from time import monotonic as time_now
from time import sleep
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from rich.console import Console
from rich.text import Text

from bot.core import dates
from bot.core.calendar import BusinessCalendar
from bot.core.config import Settings
from bot.core.i18n import Lang
from demo.render import Choice, Rendered, render_blocks
from models.db import make_engine, make_session_factory, transaction
from models.migrate import upgrade
from slackfake import Call
from slackfake.seed import COLLECTORS, SUPERVISOR, TEAM, seed
from slackfake.sender import fill
from slackfake.stack import start_stack

REFUSED = "⚠ Slack lo rechazaría:"  # what the fake Slack found wrong, shown at the end
SETTLE_SECONDS = 0.5
ANSWER_TIMEOUT = 10.0


class ModalCancelled(Exception):
    """The user gave up on a modal (or the input ended)."""


class FormAnswers(Protocol):
    """Where a modal's answers come from: the keyboard, or the next lines of a script."""

    def answer(self, block: dict[str, Any], current: str | None) -> str | None: ...

    def start(self, view: dict[str, Any]) -> bool: ...


@dataclass
class Screen:
    """What the current user can click now."""

    choices: list[tuple[Choice, str | None]] = field(default_factory=list)


class DemoSession:
    def __init__(
        self,
        *,
        workdir: Path,
        start: datetime,
        console: Console,
        timezone: str = "America/Mexico_City",
        country: str = "MX",
        socket_mode: bool = False,
    ) -> None:
        self.workdir = workdir
        self.console = console
        self.start_at = start
        self.timezone = timezone
        self.country = country
        self.socket_mode = socket_mode
        self.user = COLLECTORS[0].slack_id
        self.screen = Screen()
        self.inbox: dict[str, list[Call]] = {}
        self._seen = 0
        self._home_asked = False

    # ------------------------------------------------------------------ setup

    def open(self) -> DemoSession:
        if self.workdir.exists():
            shutil.rmtree(self.workdir)
        (self.workdir / "archivos").mkdir(parents=True)
        url = f"sqlite:///{self.workdir / 'demo.db'}"
        engine = make_engine(url)
        upgrade(engine)
        self.db = make_session_factory(engine)
        calendar = BusinessCalendar(self.country)
        with transaction(self.db) as session:
            seed(session, self.start_at.date(), ZoneInfo(self.timezone), calendar)
        self.stack = start_stack(
            url,
            self.db,
            at=self.start_at,
            socket_mode=self.socket_mode,
            cobro_timezone=self.timezone,
            cobro_country=self.country,
            cobro_supervisors_channel="C0SUPERVISORES",
            cobro_currency="MXN",
            cobro_company="Aceros del Centro",
        )
        self.fake = self.stack.fake
        for person in TEAM:
            self.fake.add_user(person.slack_id, person.name, email=person.email, locale="es-LA")
        self.fake.private_channels.add("C0SUPERVISORES")
        self.settings: Settings = self.stack.settings
        self.clock = self.stack.clock
        self.slack = self.stack.slack
        self.jobs = self.stack.jobs
        self._seen = len(self.fake.calls)
        return self

    def close(self) -> None:
        """Let the bot finish what it is sending, then stop it and the fake Slack."""
        self.fake.wait_quiet(1.0, timeout=10)
        self.stack.close()
        for problem in self.fake.problems + self.fake.socket_failures:
            self.console.print(Text(f"{REFUSED} {problem}", style="bold red"))

    # ------------------------------------------------------------ the user

    def name_of(self, slack_id: str) -> str:
        return next((p.name for p in TEAM if p.slack_id == slack_id), slack_id)

    def find_person(self, text: str) -> str | None:
        """`@luis`, `luis`, `Luis Gómez` or `U0LUIS` → U0LUIS."""
        wanted = text.strip().lstrip("@").lower()
        for person in TEAM:
            first = person.name.split()[0].lower()
            if wanted in (person.slack_id.lower(), person.name.lower(), first):
                return person.slack_id
        return None

    def become(self, who: str) -> bool:
        found = self.find_person(who)
        if found is None:
            return False
        self.user = found
        self.console.print(Text(f"Ahora eres {self.name_of(found)}.", style="bold magenta"))
        waiting = self.inbox.pop(found, [])
        for call in waiting:
            self._show_message(call)
        return True

    def command(self, text: str) -> None:
        self.screen = Screen()
        body = text.strip()
        slash, _, rest = body.partition(" ")
        if slash != "/cobro":
            self.console.print(Text("Solo conozco /cobro (prueba `/cobro ayuda`).", style="red"))
            return
        reply = self.slack.command(self.user, rest, channel="C0GENERAL")
        answered = reply.json  # quick answers come back in the HTTP response itself
        if answered.get("blocks") or answered.get("text"):
            self._render(answered.get("blocks") or [], answered.get("text", ""), None)
        self.settle(expect=not answered)

    def click(self, number: int) -> bool:
        if not 1 <= number <= len(self.screen.choices):
            return False
        choice, channel = self.screen.choices[number - 1]
        extra: dict[str, Any] = {}
        if choice.kind != "button":
            extra = {"type": choice.kind, "selected_option": {"value": choice.value}}
        self.screen = Screen()
        self.slack.block_action(
            self.user,
            choice.action_id,
            choice.value if choice.kind == "button" else "",
            channel=channel or f"D{self.user[1:]}",
            block_id=choice.block_id,
            extra=extra,
        )
        self.settle()
        return True

    def home(self) -> None:
        self._home_asked = True
        self.slack.event({"type": "app_home_opened", "user": self.user, "tab": "home"})
        self.settle()

    def go_to(self, text: str) -> bool:
        """`2026-12-01 08:00`, `2026-12-01`, or words ("mañana a las 8", "el lunes")."""
        moment = self._moment(text)
        if moment is None:
            return False
        if moment < self.clock.now():
            # The data was seeded as of the demo's start; going back would put calls in
            # the future and show a week that never happened.
            now = self._spoken(self.clock.now())
            self.console.print(
                Text(
                    f"La demo no vuelve atrás en el tiempo: ya es {now}. Para empezar antes: "
                    "cobro demo --now 2026-11-23T08:00",
                    style="red",
                )
            )
            return True
        self.clock.set(moment)
        local = moment.astimezone(self.settings.tz)
        self.console.print(Text(f"⏩ {self._spoken(moment)}", style="bold magenta"))
        if local.time() >= self.settings.digest_time:
            self.jobs.enqueue_digest(moment)
            self.jobs.enqueue_report(moment)
        self.jobs.enqueue_nudges(moment)
        self.jobs.deliver()
        self.settle(expect=False)
        return True

    def _spoken(self, moment: datetime) -> str:
        local = moment.astimezone(self.settings.tz)
        return format_datetime(local, "EEEE d 'de' MMMM 'de' y, HH:mm", locale="es")

    def _moment(self, text: str) -> datetime | None:
        raw = text.strip()
        try:
            parsed = datetime.fromisoformat(raw.replace(" ", "T"))
        except ValueError:
            reading = dates.parse(raw, self.clock.now(), self.settings.tz)
            if reading.date is None:
                return None
            parsed = datetime.combine(reading.date, reading.time or time(8, 0))
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=self.settings.tz)
        if len(raw) == 10 and parsed.time() == time(0):
            parsed = parsed.replace(hour=8)
        return parsed

    # ------------------------------------------------------------- output

    def settle(self, form: FormAnswers | None = None, *, expect: bool = True) -> None:
        """Wait for the bot's first answer (it acks first, then works), then for it to
        finish; show what it sent."""
        deadline = time_now() + ANSWER_TIMEOUT
        while expect and len(self.fake.calls) <= self._seen and time_now() < deadline:
            sleep(0.01)
        self.fake.wait_quiet(SETTLE_SECONDS)
        calls = self.fake.calls[self._seen :]
        self._seen = len(self.fake.calls)
        for call in calls:
            self._show(call, form)

    form_answers: Callable[[], FormAnswers] | None = None

    def _show(self, call: Call, form: FormAnswers | None) -> None:
        method = call.method
        if method == "chat.postMessage":
            self._route(call)
        elif method == "response_url" or (
            method == "chat.postEphemeral" and call.params.get("user") == self.user
        ):
            self._render(call.params.get("blocks") or [], call.params.get("text", ""), None)
        elif method == "views.open":
            view = call.params.get("view") or {}
            self._modal({**view, "id": call.response["view"]["id"]}, form)
        elif method == "views.publish" and call.params.get("user_id") == self.user:
            if not self._home_asked:  # refreshed after a change: shown when asked for
                return
            self._home_asked = False
            self.console.print(Text("🏠 Inicio", style="bold"))
            view = call.params.get("view") or {}
            self._render(view.get("blocks") or [], "", None)
        elif method == "files.completeUploadExternal":
            self._files(call)

    def _route(self, call: Call) -> None:
        channel = str(call.params.get("channel", ""))
        if channel.startswith("C"):
            if self.user == SUPERVISOR.slack_id:
                self.console.print(Text("# canal de supervisores", style="bold blue"))
                self._show_message(call)
            else:
                self.console.print(
                    Text(
                        "📨 Mensaje en el canal de supervisores (`:como @sara` para verlo).",
                        style="dim",
                    )
                )
                self.inbox.setdefault(SUPERVISOR.slack_id, []).append(call)
            return
        recipient = "U" + channel[1:] if channel.startswith("D") else channel
        if recipient == self.user:
            self._show_message(call)
        else:
            self.inbox.setdefault(recipient, []).append(call)
            first = self.name_of(recipient).split()[0].lower()
            self.console.print(
                Text(
                    f"📨 Mensaje privado para {self.name_of(recipient)} "
                    f"(`:como @{first}` para verlo).",
                    style="dim",
                )
            )

    def _show_message(self, call: Call) -> None:
        if call.method == "files.completeUploadExternal":
            self._files(call)
            return
        if call.params.get("thread_ts"):
            self.console.print(Text("↳ en el hilo de la confirmación", style="dim"))
        channel = str(call.params.get("channel", ""))
        self._render(call.params.get("blocks") or [], call.params.get("text", ""), channel)

    def _render(self, blocks: list[dict[str, Any]], text: str, channel: str | None) -> None:
        rendered: Rendered = render_blocks(blocks, first_choice=len(self.screen.choices) + 1)
        if not rendered.lines and text:
            self.console.print(text)
        for line in rendered.lines:
            self.console.print(line)
        dm = f"D{self.user[1:]}"
        for choice in rendered.choices:
            self.screen.choices.append((choice, channel if channel else dm))
        self.console.print()

    def _files(self, call: Call) -> None:
        channel = str(call.params.get("channel_id", ""))
        mine = channel == f"D{self.user[1:]}" or (
            channel.startswith("C") and self.user == SUPERVISOR.slack_id
        )
        if not mine:
            self.inbox.setdefault(
                SUPERVISOR.slack_id if channel.startswith("C") else "U" + channel[1:], []
            ).append(call)
            return
        for item in call.response.get("files") or []:
            name = str(item.get("name") or item.get("id"))
            data = self.fake.uploads.get(str(item.get("id")), b"")
            path = self.workdir / "archivos" / name
            path.write_bytes(data)
            self.console.print(Text(f"📎 {item.get('title') or name}: {path}", style="cyan"))

    # -------------------------------------------------------------- modals

    def _modal(self, view: dict[str, Any], form: FormAnswers | None) -> None:
        answers_from = form or (self.form_answers() if self.form_answers else None)
        title = (view.get("title") or {}).get("text", "")
        self.console.print(Text(f"┌─ {title}", style="bold yellow"))
        for block in view.get("blocks") or []:
            if block.get("type") in ("section", "context"):
                for line in render_blocks([block]).lines:
                    self.console.print(line)
        if answers_from is None or not answers_from.start(view):
            self.console.print(Text("└─ (cancelado)", style="yellow"))
            return
        try:
            self._fill(view, answers_from, form)
        except ModalCancelled:
            self.console.print(Text("└─ (cancelado)", style="yellow"))

    def _fill(
        self, view: dict[str, Any], answers_from: FormAnswers, form: FormAnswers | None
    ) -> None:
        """Each field in turn, as the view stands now: a choice that redraws the modal
        (someone else answered: name and role) brings its new fields into the round; the
        readings the bot writes under a field are shown as soon as it writes them."""
        answers: dict[str, str | None] = {}
        only: set[str] | None = None  # after errors: those fields, and any new one
        while True:
            known = {str(b.get("block_id")) for b in view["blocks"]}
            asked: set[str] = set()
            while True:
                block = next(
                    (
                        b
                        for b in view["blocks"]
                        if b.get("type") == "input"
                        and b["block_id"] not in asked
                        and (only is None or b["block_id"] in only or b["block_id"] not in known)
                    ),
                    None,
                )
                if block is None:
                    break
                block_id = block["block_id"]
                asked.add(block_id)
                current = _current(block, answers)
                value = answers_from.answer(block, current)
                answers[block_id] = value
                if block.get("dispatch_action") and value and value != current:
                    before = view
                    view = self._dispatch(view, block, answers)
                    self._show_echoes(before, view, block_id)
                if block_id.startswith("promise_date") and self._more_wanted(view, answers_from):
                    view = self._add_installment(view, answers)
            unknown: list[str] = getattr(answers_from, "unmatched", lambda _view: [])(view)
            if unknown:
                for name in unknown:
                    self.console.print(
                        Text(f"  ✗ «{name}» no es un campo de este formulario", style="red")
                    )
                self.console.print(Text("└─ (cancelado: nada se guardó)", style="yellow"))
                return
            reply = self.slack.view_submission(self.user, view, fill(view, answers))
            body = reply.json
            if body.get("response_action") == "errors":
                self.console.print(Text("  Revisa:", style="bold red"))
                for field_id, error in body["errors"].items():
                    label = _label(view, field_id)
                    self.console.print(Text(f"  ✗ {label}: {error}", style="red"))
                if not answers_from.start(view):
                    self.console.print(Text("└─ (cancelado)", style="yellow"))
                    return
                only = set(body["errors"])
                if getattr(answers_from, "retry_all", False):  # a script may set any field
                    only = {str(b.get("block_id")) for b in view["blocks"]}
                continue
            if body.get("response_action") == "update":
                self.console.print(Text("└─", style="yellow"))
                self._modal({**body["view"], "id": view.get("id")}, form)
                return
            self.console.print(Text("└─ enviado", style="yellow"))
            self.settle(form)
            return

    def _show_echoes(self, before: dict[str, Any], view: dict[str, Any], block_id: str) -> None:
        """What the bot wrote under the field just entered (how it read an amount or a
        date), and under any other field whose reading it wrote or changed with it, named
        by its label: an amount is read back once its date is there, as Slack shows it."""
        for block in view.get("blocks") or []:
            echo_id = str(block.get("block_id") or "")
            if not echo_id.endswith("_echo"):
                continue
            field_id = echo_id.removesuffix("_echo")
            if field_id != block_id and _block(before, echo_id) == block:
                continue  # said before, unchanged
            name = "" if field_id == block_id else f"{_label(view, field_id)}: "
            for line in render_blocks([block]).lines:
                self.console.print(Text(f"  ↳ {name}", style="cyan") + line)

    def _more_wanted(self, view: dict[str, Any], answers_from: FormAnswers) -> bool:
        """After an installment's date, with Añadir cuota on the modal: another one?"""
        if _block(view, "promise_more") is None:
            return False
        asked = getattr(answers_from, "another_installment", None)
        count = sum(
            1
            for b in view["blocks"]
            if b.get("type") == "input" and str(b.get("block_id")).startswith("promise_date")
        )
        return bool(asked and asked(count + 1))

    def _add_installment(
        self, view: dict[str, Any], answers: dict[str, str | None]
    ) -> dict[str, Any]:
        """Press Añadir cuota, as in Slack: the bot redraws the modal with one more row."""
        before = len(self.fake.calls_to("views.update"))
        state = {**view, "hash": "h", "state": {"values": fill(view, answers)}}
        self.slack.block_action(
            self.user, "cobro_add_installment", view=state, block_id="promise_more", value="1"
        )
        try:
            self.fake.wait_for("views.update", before + 1, timeout=5)
        except AssertionError:
            return view
        self._seen = len(self.fake.calls)
        return {**self.fake.last_view("views.update"), "id": view.get("id")}

    def _dispatch(
        self, view: dict[str, Any], block: dict[str, Any], answers: dict[str, str | None]
    ) -> dict[str, Any]:
        """A field with dispatch_action (a select chosen, a text entered): the bot may
        update the view."""
        before = len(self.fake.calls_to("views.update"))
        state = {**view, "hash": "h", "state": {"values": fill(view, answers)}}
        value = answers[block["block_id"]]
        kind = block["element"]["type"]
        picked = (
            {"value": value}
            if kind == "plain_text_input"
            else {"selected_option": {"value": value}}
        )
        self.slack.block_action(
            self.user,
            block["element"]["action_id"],
            view=state,
            block_id=block["block_id"],
            extra={"type": kind, **picked},
        )
        try:
            self.fake.wait_for("views.update", before + 1, timeout=5)
        except AssertionError:
            return view
        updated = self.fake.last_view("views.update")
        self._seen = len(self.fake.calls)
        for later in updated["blocks"]:
            if later.get("type") != "input":
                continue
            if answers.get(later["block_id"]) is None and _initial(later):
                answers.pop(later["block_id"], None)  # an empty field takes the suggestion
            if later["block_id"] not in answers:
                initial = _initial(later)
                before_block = _block(view, later["block_id"])
                shown_before = _initial(before_block) if before_block else None
                if (
                    initial
                    and initial != shown_before
                    and later["block_id"] in ("task", "task_due")
                ):
                    self.console.print(
                        Text(f"  💡 {_label(updated, later['block_id'])}: {initial}", style="cyan")
                    )
        return {**updated, "id": view.get("id")}


def _block(view: dict[str, Any], block_id: str) -> dict[str, Any] | None:
    return next((b for b in view.get("blocks") or [] if b.get("block_id") == block_id), None)


def _initial(block: dict[str, Any]) -> str | None:
    element = block.get("element") or {}
    if element.get("type") == "static_select":
        return (element.get("initial_option") or {}).get("value")
    if element.get("type") == "users_select":
        return element.get("initial_user")
    return element.get("initial_value")


def _current(block: dict[str, Any], answers: dict[str, str | None]) -> str | None:
    return answers.get(block["block_id"], _initial(block))


def _label(view: dict[str, Any], block_id: str) -> str:
    for block in view.get("blocks") or []:
        if block.get("block_id") == block_id:
            return str((block.get("label") or {}).get("text", block_id))
    return block_id


def next_morning(now: datetime, tz: Any, calendar: BusinessCalendar) -> datetime:
    """The demo starts on the next business morning at 08:00."""
    day = now.astimezone(tz).date() + timedelta(days=1)
    day = calendar.next_business_day(day)
    return datetime.combine(day, time(8, 0), tz)


def team_line(lang: Lang) -> str:
    people = ", ".join(f"{p.name} (@{p.name.split()[0].lower()})" for p in TEAM)
    return f"Equipo: {people}."
