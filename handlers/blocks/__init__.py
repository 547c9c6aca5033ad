"""Block Kit builders: pure functions of data and language that return Slack payloads."""
