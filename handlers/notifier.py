"""The Slack side of the domain's ports: the Notifier renders Block Kit and writes outbox
rows in the caller's transaction; the Transport posts a row to Slack and classifies errors
into permanent (never retried) and transient ones."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot import outbox
from bot.agenda import Agenda, AgendaPolicy
from bot.calls import LoggedCall
from bot.charts import all_charts
from bot.config import Settings
from bot.i18n import Lang, t
from bot.jobs import DigestSummary
from bot.nudges import PromiseNudge, TaskNudge
from bot.outbox import OutboxFile
from bot.ports import DeliveryError, Recipient
from bot.reports import Report, to_csv
from bot.tasks import TaskView
from handlers.blocks.agenda import AgendaView, agenda_title, build_agenda_messages
from handlers.blocks.call import (
    build_call_confirmation,
    build_task_assigned,
    build_task_supervised,
)
from handlers.blocks.nudges import (
    build_channel_escalation,
    build_promise_nudge,
    build_task_nudge,
)
from handlers.blocks.report import build_report
from handlers.blocks.summary import build_supervisors_summary
from handlers.blocks.tasks import build_task_reassigned

METADATA_EVENT = "cobro_outbox"  # every message carries its outbox key as Slack metadata

PERMANENT = {
    "channel_not_found",
    "user_not_found",
    "account_inactive",
    "is_archived",
    "not_in_channel",
    "invalid_blocks",
    "msg_too_long",
    "no_text",
    "invalid_auth",
    "not_authed",
    "cannot_dm_bot",
    "user_disabled",
}


class SlackNotifier:
    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._policy = AgendaPolicy.from_settings(settings)

    def digest(self, session: Any, *, to: Recipient, agenda: Agenda) -> None:
        lang: Lang = "en" if to.lang == "en" else "es"
        view = AgendaView(
            agenda=agenda,
            collector_name=to.name,
            company=self._settings.cobro_company,
            policy=self._policy,
            title=agenda_title(agenda.day, lang),
        )
        for part, payload in enumerate(build_agenda_messages(view, lang), start=1):
            outbox.enqueue(
                session,
                key=f"digest:{to.member_id}:{agenda.day.isoformat()}:{part}",
                channel=to.slack_user_id,
                text=payload["text"],
                blocks=payload["blocks"],
            )

    def supervisors_summary(self, session: Any, *, channel: str, summary: DigestSummary) -> None:
        lang = self._settings.cobro_language
        payload = build_supervisors_summary(summary, lang, self._settings.cobro_escalation_days)
        outbox.enqueue(
            session,
            key=f"digest-summary:{summary.day.isoformat()}",
            channel=channel,
            text=payload["text"],
            blocks=payload["blocks"],
        )

    def call_logged(self, session: Any, logged: LoggedCall) -> list[str]:
        """The collector's receipt; the assignee's task with its buttons; the supervisor's
        heads-up. Keys are per attempt and per task, so a replay writes nothing new."""
        keys: list[str] = []

        def put(key: str, to: Recipient, payload: dict[str, Any]) -> None:
            outbox.enqueue(
                session,
                key=key,
                channel=to.slack_user_id,
                text=payload["text"],
                blocks=payload["blocks"],
            )
            keys.append(key)

        author = logged.author
        put(
            f"call:{logged.attempt_id}:confirm",
            author,
            build_call_confirmation(logged, _lang(author)),
        )
        task = logged.task
        if task is not None and task.assignee.member_id != author.member_id:
            put(
                f"task:{task.id}:assigned",
                task.assignee,
                build_task_assigned(logged, _lang(task.assignee)),
            )
            supervisor = task.supervisor
            if supervisor is not None and supervisor.member_id != author.member_id:
                put(
                    f"task:{task.id}:supervised",
                    supervisor,
                    build_task_supervised(logged, _lang(supervisor)),
                )
        return keys

    def task_reassigned(self, session: Any, task: TaskView, *, by: str, now: datetime) -> list[str]:
        to = task.assignee
        today = now.astimezone(self._settings.tz).date()
        key = f"task:{task.id}:to:{to.member_id}:{now.astimezone(UTC):%Y%m%d%H%M%S}"
        payload = build_task_reassigned(task, by, _lang(to), today)
        outbox.enqueue(
            session,
            key=key,
            channel=to.slack_user_id,
            text=payload["text"],
            blocks=payload["blocks"],
        )
        return [key]

    def task_nudge(self, session: Any, nudge: TaskNudge, *, key: str, to: Recipient) -> bool:
        payload = build_task_nudge(nudge, _lang(to), nudge.task.when.day)
        return outbox.enqueue(
            session,
            key=key,
            channel=to.slack_user_id,
            text=payload["text"],
            blocks=payload["blocks"],
        )

    def promise_nudge(
        self,
        session: Any,
        nudge: PromiseNudge,
        *,
        key: str,
        to: Recipient,
        thread_of: str | None = None,
    ) -> bool:
        payload = build_promise_nudge(nudge, _lang(to), nudge.promised_for)
        return outbox.enqueue(
            session,
            key=key,
            channel=to.slack_user_id,
            text=payload["text"],
            blocks=payload["blocks"],
            thread_of=thread_of,
        )

    def escalation_to_channel(
        self,
        session: Any,
        nudge: TaskNudge | PromiseNudge,
        *,
        key: str,
        channel: str,
        details: bool,
    ) -> bool:
        lang = self._settings.cobro_language
        today = nudge.task.when.day if isinstance(nudge, TaskNudge) else nudge.promised_for
        payload = build_channel_escalation(nudge, lang, today, details=details)
        return outbox.enqueue(
            session, key=key, channel=channel, text=payload["text"], blocks=payload["blocks"]
        )

    def weekly_report(
        self, session: Any, report: Report, *, channel: str, week: str, details: bool
    ) -> None:
        """The summary, then the charts and the CSV as one file share: two outbox rows."""
        lang = self._settings.cobro_language
        payload = build_report(report, lang, details=details, weekly=True)
        # Drawn before the first write, so the transaction holds no lock while drawing.
        files = report_files(report, lang, f"control-{week}", names=details)
        outbox.enqueue(
            session,
            key=f"report:{week}:summary",
            channel=channel,
            text=payload["text"],
            blocks=payload["blocks"],
        )
        outbox.enqueue(
            session,
            key=f"report:{week}:files",
            channel=channel,
            text=t("report.files_here", lang),
            files=files,
        )


def report_files(report: Report, lang: Lang, stem: str, *, names: bool) -> list[OutboxFile]:
    """The charts (PNG) and every figure (CSV), with names unique to this report."""
    files = [
        OutboxFile(f"{stem}-{name}", title, content)
        for name, title, content in all_charts(report, lang)
    ]
    files.append(
        OutboxFile(
            f"{stem}.csv", t("report.csv_title", lang), to_csv(report, lang, names=names).encode()
        )
    )
    return files


def _lang(to: Recipient) -> Lang:
    return "en" if to.lang == "en" else "es"


class SlackTransport:
    def __init__(self, client: WebClient) -> None:
        self._client = client

    def post(
        self,
        *,
        channel: str,
        text: str,
        blocks: list[dict] | None,
        thread_ts: str | None,
        key: str,
        files: list[OutboxFile] | None = None,
    ) -> tuple[str, str]:
        try:
            if files:
                return self._upload(channel, text, files)
            response = self._client.chat_postMessage(
                channel=channel,
                text=text,
                blocks=blocks,
                thread_ts=thread_ts,
                metadata={"event_type": METADATA_EVENT, "event_payload": {"key": key}},
            )
        except SlackApiError as exc:
            code = str(exc.response.get("error") or f"http_{exc.response.status_code}")
            retry_after = exc.response.headers.get("Retry-After") if exc.response.headers else None
            return _raise(code, retry_after)
        except DeliveryError:
            raise
        except Exception as exc:  # connection dropped, timeout: try again later
            raise DeliveryError(type(exc).__name__, permanent=False) from exc
        return str(response["channel"]), str(response["ts"])

    def _upload(self, channel: str, text: str, files: list[OutboxFile]) -> tuple[str, str]:
        """Files are shared with the text as their comment; file names are unique per
        message (the week is in them), which is how `find` recognises them later."""
        target = self._conversation(channel)
        response = self._client.files_upload_v2(
            channel=target,
            initial_comment=text,
            file_uploads=[
                {"content": f.content, "filename": f.name, "title": f.title} for f in files
            ],
        )
        uploaded = response.get("files") or [{}]
        return target, str(uploaded[0].get("id") or "")

    def _conversation(self, channel: str) -> str:
        """A user id means our DM with them; Slack's file API wants the DM's own id."""
        if channel[:1] in ("U", "W"):
            return str(self._client.conversations_open(users=channel)["channel"]["id"])
        return channel

    def find(
        self,
        *,
        channel: str,
        key: str,
        since: float,
        thread_ts: str | None,
        file_name: str | None = None,
    ) -> tuple[str, str] | None:
        """The message tagged `key` in `channel` (a user id means our DM with them), posted
        since `since`; in the thread `thread_ts` when the message is a reply; for a file
        share, the message carrying a file named `file_name`."""
        try:
            target = self._conversation(channel)
            cursor = None
            while True:
                if thread_ts:
                    page = self._client.conversations_replies(
                        channel=target,
                        ts=thread_ts,
                        include_all_metadata=True,
                        limit=200,
                        cursor=cursor,
                    )
                else:
                    page = self._client.conversations_history(
                        channel=target,
                        oldest=f"{since:.6f}",
                        include_all_metadata=True,
                        limit=200,
                        cursor=cursor,
                    )
                for found in page.get("messages") or []:
                    meta = found.get("metadata") or {}
                    if (
                        meta.get("event_type") == METADATA_EVENT
                        and (meta.get("event_payload") or {}).get("key") == key
                    ):
                        return target, str(found["ts"])
                    names = {f.get("name") for f in found.get("files") or []}
                    if file_name and file_name in names:
                        return target, str(found["ts"])
                cursor = (page.get("response_metadata") or {}).get("next_cursor")
                if not cursor:
                    return None
        except SlackApiError as exc:
            code = str(exc.response.get("error") or f"http_{exc.response.status_code}")
            retry_after = exc.response.headers.get("Retry-After") if exc.response.headers else None
            _raise(code, retry_after)
        except Exception as exc:
            raise DeliveryError(type(exc).__name__, permanent=False) from exc
        return None

    def channel_is_private(self, channel: str) -> bool:
        """Whether only its members can read `channel`; unknown counts as public (safe)."""
        try:
            info = self._client.conversations_info(channel=channel)
        except Exception:
            return False
        data = info.get("channel") or {}
        return bool(data.get("is_private") or data.get("is_im") or data.get("is_mpim"))


def _raise(code: str, retry_after: Any) -> tuple[str, str]:
    if code in PERMANENT:
        raise DeliveryError(code, permanent=True)
    seconds = None
    if retry_after:
        first = retry_after[0] if isinstance(retry_after, list) else retry_after
        seconds = float(first)
    raise DeliveryError(code, permanent=False, retry_after=seconds)
