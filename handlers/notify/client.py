"""The Slack Web API client: pointed at SLACK_API_URL, with the retries Slack asks for."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from bot.core.config import Settings


def make_web_client(settings: Settings, *, timeout: int = 10) -> WebClient:
    """A client that waits out 429s (honouring Retry-After), retries 5xx and dropped
    connections with backoff, and talks to SLACK_API_URL (Slack, a proxy or a test fake)."""
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    return WebClient(
        token=token,
        base_url=settings.slack_api_url,
        timeout=timeout,
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=2),
            RateLimitErrorRetryHandler(max_retry_count=2),
            ServerErrorRetryHandler(max_retry_count=2),
        ],
    )
