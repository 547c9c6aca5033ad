"""How long a message may be retried, and how far apart. Pure."""

from __future__ import annotations

from datetime import timedelta

LEASE = timedelta(minutes=2)
MAX_ATTEMPTS = 10
PER_CHANNEL_INTERVAL = 1.0  # Slack: about one message per second per channel


def backoff(attempts: int) -> timedelta:
    """5 s, 10 s, 20 s… up to 15 minutes between tries."""
    return timedelta(seconds=min(5 * 2 ** (attempts - 1), 15 * 60))
