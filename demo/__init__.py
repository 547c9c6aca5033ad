"""`cobro demo`: the real bot in a terminal, against a fake Slack, with sample data."""
