"""Claiming a submission: a unique row, inserted in the use case's own transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import FormSubmission


def claim(session: Session, key: str, form: str, now: datetime) -> bool:
    """True when this is the first time this submission is stored; False when it already
    was (or another request is storing it right now: on PostgreSQL the insert waits for
    that transaction and then finds the key taken)."""
    if session.scalar(select(FormSubmission.id).where(FormSubmission.key == key)) is not None:
        return False
    try:
        with session.begin_nested():
            session.add(FormSubmission(key=key, form=form, created_at=now))
    except IntegrityError:
        return False
    return True


def forget_before(session: Session, moment: datetime) -> int:
    result = session.execute(delete(FormSubmission).where(FormSubmission.created_at < moment))
    return int(getattr(result, "rowcount", 0) or 0)
