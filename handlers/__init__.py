"""Everything that speaks Slack: thin listeners, Block Kit builders, the Slack side of the
domain's ports. `handlers.app.create_bolt_app` assembles them."""
