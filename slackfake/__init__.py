"""A fake Slack for tests and `cobro demo`: a Web API server on loopback that records every
call, Slack's Socket Mode on loopback, a checker of Block Kit limits, and senders of what
users do (signed requests to /slack/events, or Socket Mode envelopes).

It ships with cobro (not only in tests/) because the demo runs the real bot against it.
"""

from slackfake.blockkit import check_ack, check_payload
from slackfake.sender import Sender, SlackSender, SocketSender
from slackfake.server import Call, FakeSlack
from slackfake.socket import SocketModeServer

__all__ = [
    "Call",
    "FakeSlack",
    "Sender",
    "SlackSender",
    "SocketModeServer",
    "SocketSender",
    "check_ack",
    "check_payload",
]
