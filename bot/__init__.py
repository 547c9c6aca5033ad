"""cobro's domain: what a collections team knows, in plain Python that never imports Slack."""
