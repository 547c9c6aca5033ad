"""How cobro's words reach Slack: the notifier words them (Block Kit), the transport posts
them from the outbox, the directory asks Slack who is who."""
