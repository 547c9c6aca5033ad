"""The fake's Socket Mode speaks Slack's protocol, checked with a bare WebSocket client (not
the bot's), so the bot's Socket Mode tests mean something."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from websockets.exceptions import ConnectionClosedError, InvalidStatus
from websockets.sync.client import ClientConnection, connect

from slackfake import FakeSlack


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake


def _url(fake: FakeSlack, token: str = "xapp-1-test") -> str:
    return str(WebClient(base_url=fake.api_url).apps_connections_open(app_token=token)["url"])


def _connect(fake: FakeSlack) -> ClientConnection:
    connection = connect(_url(fake), legacy=True, open_timeout=5)
    hello = json.loads(connection.recv(timeout=5))
    assert hello["type"] == "hello"
    assert hello["connection_info"]["app_id"] == "A0COBRO"
    return connection


@pytest.mark.parametrize("token", ["xoxb-a-bot-token", "xoxp-a-user-token"])
def test_connections_open_needs_an_app_level_token(fake: FakeSlack, token: str) -> None:
    with pytest.raises(SlackApiError) as refused:
        _url(fake, token)
    assert refused.value.response["error"] == "invalid_auth"


def test_an_app_level_token_opens_only_socket_mode(fake: FakeSlack) -> None:
    assert _url(fake).startswith(f"ws://127.0.0.1:{fake.socket.port}/link/?ticket=")
    with pytest.raises(SlackApiError) as refused:
        WebClient(base_url=fake.api_url, token="xapp-1-test").auth_test()
    assert refused.value.response["error"] == "not_allowed_token_type"


def test_each_url_opens_one_connection(fake: FakeSlack) -> None:
    url = _url(fake)
    connect(url, legacy=True).close()
    with pytest.raises(InvalidStatus) as refused:
        connect(url, legacy=True)
    assert refused.value.response.status_code == 401


def test_an_envelope_is_acked_with_its_payload_and_recorded(fake: FakeSlack) -> None:
    connection = _connect(fake)
    server = fake.socket
    sent = server.deliver("slash_commands", {"text": "hoy"}, accepts_response_payload=True)
    envelope = json.loads(connection.recv(timeout=5))
    assert envelope == {
        "envelope_id": sent.envelope_id,
        "type": "slash_commands",
        "payload": {"text": "hoy"},
        "accepts_response_payload": True,
    }
    header = {"type": "header", "text": {"type": "plain_text", "text": "h" * 151}}
    answer = {"text": "hola", "blocks": [header]}
    connection.send(json.dumps({"envelope_id": sent.envelope_id, "payload": answer}))
    ack = server.wait_ack(sent)
    assert ack.payload == answer and ack.in_time
    assert fake.problems == ["socket ack: header is 151 chars (max 150)"]  # Block Kit
    connection.close()


def test_an_envelope_not_acked_in_3_s_fails_and_comes_again_with_its_retry(
    fake: FakeSlack,
) -> None:
    connection = _connect(fake)
    server = fake.socket
    sent = server.deliver(
        "events_api", {"event": {"type": "app_home_opened"}}, accepts_response_payload=False
    )
    first = json.loads(connection.recv(timeout=5))
    assert (first["retry_attempt"], first["retry_reason"]) == (0, "")
    again = json.loads(connection.recv(timeout=5))  # no ack: Slack tries again
    assert again["envelope_id"] == sent.envelope_id
    assert (again["retry_attempt"], again["retry_reason"]) == (1, "timeout")
    assert server.failures == [f"events_api {sent.envelope_id}: no ack within 3 s of delivery 0"]
    connection.send(json.dumps({"envelope_id": sent.envelope_id}))
    assert server.wait_ack(sent).payload is None
    connection.close()


@pytest.mark.parametrize("reason", ["refresh_requested", "link_disabled"])
def test_slack_asks_to_reconnect_and_sends_nothing_more_there(fake: FakeSlack, reason: str) -> None:
    old = _connect(fake)
    server = fake.socket
    server.disconnect(reason)
    assert json.loads(old.recv(timeout=5))["reason"] == reason
    new = _connect(fake)
    sent = server.deliver("interactive", {"type": "block_actions"}, accepts_response_payload=False)
    assert json.loads(new.recv(timeout=5))["envelope_id"] == sent.envelope_id
    old.close()
    new.close()


def test_a_dropped_socket_ends_without_a_close_frame(fake: FakeSlack) -> None:
    connection = _connect(fake)
    fake.socket.drop()
    with pytest.raises(ConnectionClosedError) as dropped:
        connection.recv(timeout=5)
    assert dropped.value.rcvd is None  # no close frame from Slack: the network went away
