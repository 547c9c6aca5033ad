"""The database: SQLAlchemy 2 typed models, one per file, and the queries that read them.

Importing this package registers every model on `Base.metadata` (Alembic needs them all).
"""

from models.base import Base
from models.call_plan import CallPlan
from models.contact import Contact
from models.contact_attempt import ContactAttempt
from models.correction import Correction
from models.customer import Customer
from models.dispute import Dispute
from models.due_entry import DueEntry
from models.due_stale import DueStale
from models.form_submission import FormSubmission
from models.invoice import Invoice
from models.job_run import JobRun
from models.note import Note
from models.outbox import OutboxMessage
from models.payment import Payment
from models.promise import PaymentPromise
from models.task import Task
from models.team_member import TeamMember

__all__ = [
    "Base",
    "CallPlan",
    "Contact",
    "ContactAttempt",
    "Correction",
    "Customer",
    "Dispute",
    "DueEntry",
    "DueStale",
    "FormSubmission",
    "Invoice",
    "JobRun",
    "Note",
    "OutboxMessage",
    "Payment",
    "PaymentPromise",
    "Task",
    "TeamMember",
]
