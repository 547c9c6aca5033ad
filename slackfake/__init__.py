"""A fake Slack for tests and `cobro demo`: a Web API server on loopback that records every
call, a checker of Block Kit limits, and a sender of signed requests to /slack/events.

It ships with cobro (not only in tests/) because the demo runs the real bot against it.
"""

from slackfake.blockkit import check_payload
from slackfake.sender import SlackSender
from slackfake.server import Call, FakeSlack

__all__ = ["Call", "FakeSlack", "SlackSender", "check_payload"]
