"""The unit of work as the services see it: a session factory, and one transaction per use
case (commit when the block ends, roll back if it raises)."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from models.db import Prebuilt, ids_in, in_ids, transaction

Db = sessionmaker[Session]

__all__ = ["Db", "Prebuilt", "Session", "ids_in", "in_ids", "transaction"]
