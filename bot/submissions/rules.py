"""The identity of a modal submission: the view it came from, who sent it and what they
sent. Slack retries a submission it got no answer for, and people double-click: both are
the same key, so the work is done once. A submission sent again after field errors has
other values, so it is a new attempt. Pure."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping


def submission_key(form: str, view_id: str, user: str, values: Mapping[str, str | None]) -> str:
    canonical = json.dumps(
        [form, view_id, user, sorted(values.items())], ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(canonical.encode()).hexdigest()
