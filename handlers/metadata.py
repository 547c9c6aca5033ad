"""What a modal carries from its opening to its submission (`private_metadata`), typed:
one pydantic model per modal, written by the builders and parsed once by the forms. A view
whose metadata does not parse (an old modal from before an upgrade) is refused with a
clear message, never read as zeros."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.core.errors import CobroError

M = TypeVar("M", bound="Metadata")
PRIVATE_METADATA_LIMIT = 3000


class StaleForm(CobroError):
    key = "error.stale_form"


class Metadata(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    def dump(self) -> str:
        return self.model_dump_json(exclude_defaults=True)

    @classmethod
    def of(cls: type[M], view: dict[str, Any]) -> M:
        try:
            return cls.model_validate_json(view.get("private_metadata") or "{}")
        except ValidationError:
            raise StaleForm() from None


class CallMeta(Metadata):
    """The call modal: the customer, the promise amount's default (the balance), the
    suggestion last shown (never overwrite what the collector typed), the outcome the
    view was built for, how many installments it shows, and, when it corrects a logged
    call, that call's attempt."""

    customer_id: int
    default_amount: str = ""
    suggestion: str = ""
    suggestion_due: str = ""
    revision: int = 0
    outcome: str = "answered"
    installments: int = 1
    correcting: int | None = None
    amount_confirmed: str = ""
    plan_offered: bool = False


class CustomerMeta(Metadata):
    """Modals about one customer: add a task, record a payment (and the payment amount
    the collector confirmed above the balance)."""

    customer_id: int | None = None
    amount_confirmed: str = ""


class TaskMeta(Metadata):
    """Snooze and reassign: the task, and the message whose button opened the modal (its
    response_url), which shows the change."""

    task_id: int
    response_url: str = ""


class PromiseMeta(Metadata):
    promise_id: int


class MessageMeta(Metadata):
    """The shortcut's first modal: the message to read once the customer is known."""

    message: str = Field(default="", max_length=1500)


class ReassignMeta(Metadata):
    """Reassign a portfolio: whose it is (their Slack id and name, for the intro)."""

    giver: str
    name: str = ""
