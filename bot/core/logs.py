"""Logging that an attacker cannot flood or forge and that never carries a secret or a
customer's debt: one line per event (newlines and other control characters escaped, so a
value cannot forge a second line), at most `MAX_LINE` characters, no request bodies, no
bound SQL parameters (the engine hides them), tokens and the signing secret redacted.
`COBRO_LOG_FORMAT=json` writes one JSON object per line, for log collectors."""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime

MAX_LINE = 2000
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str, limit: int = MAX_LINE) -> str:
    """Control characters written out (\\n, \\x1b…), and cut at `limit`."""
    escaped = _CONTROL.sub(lambda m: _NAMED.get(m.group(), f"\\x{ord(m.group()):02x}"), text)
    return escaped if len(escaped) <= limit else escaped[: limit - 1] + "…"


class OneLineFormatter(logging.Formatter):
    def __init__(self, *, as_json: bool = False) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")
        self._json = as_json

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        error = self.formatException(record.exc_info) if record.exc_info else ""
        if self._json:
            entry = {
                "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
                "level": record.levelname,
                "logger": record.name,
                "message": one_line(message),
            }
            if error:
                entry["error"] = one_line(error)
            return json.dumps(entry, ensure_ascii=False)
        line = f"{self.formatTime(record)} {record.levelname} {record.name}: {message}"
        return one_line(f"{line} | {error}" if error else line)


class RedactSecrets(logging.Filter):
    """Belt and braces: no log line may carry a token or signing secret."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self._secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if any(secret in message for secret in self._secrets):
            for secret in self._secrets:
                message = message.replace(secret, "***")
            record.msg, record.args = message, None
        return True


class NoRequestBodies(logging.Filter):
    """Bolt describes an unhandled request with (part of) its body: keep only that it
    happened."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.getMessage().startswith("Unhandled request"):
            record.msg, record.args = "Unhandled request (no listener matched)", None
        return True


def configure(*, secrets: list[str], as_json: bool = False, level: int = logging.INFO) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(OneLineFormatter(as_json=as_json))
    handler.addFilter(RedactSecrets(secrets))
    handler.addFilter(NoRequestBodies())
    logging.basicConfig(level=level, handlers=[handler], force=True)
    logging.getLogger("slack_bolt.App").addFilter(
        lambda record: "will be unused" not in record.getMessage()
    )
    for noisy in ("slack_sdk", "slack_bolt", "apscheduler", "waitress", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
