"""The closed vocabularies the domain speaks in (outcomes, excuses, payment methods…).

Stored as enums next to the models; builders and listeners take them from here, so that
everything outside `bot/` and `models/` depends on the domain, not on the database layer.
"""

from __future__ import annotations

from models.enums import (
    AttemptOutcome,
    ExcuseCategory,
    JobRunStatus,
    OutboxStatus,
    PaymentMethod,
    PromiseStatus,
    Rank,
    Role,
    TaskKind,
    TaskStatus,
)

__all__ = [
    "AttemptOutcome",
    "ExcuseCategory",
    "JobRunStatus",
    "OutboxStatus",
    "PaymentMethod",
    "PromiseStatus",
    "Rank",
    "Role",
    "TaskKind",
    "TaskStatus",
]
