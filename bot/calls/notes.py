"""The excuse as a note: categories, hashtags, the three-questions check and the playbook.

A note is read later by someone who was not on the call (a colleague, a supervisor, a
lawyer), so it must answer three questions (seed 000): whom did we speak to, why have they
not paid, and what happens next. "No hay pago para esta semana" answers none of them. The
playbook turns each excuse into the next step the seeds recommend, as a suggestion the
collector may edit. Pure Python: no Slack, no database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.text import fold, fold_keep_length
from bot.core.vocabulary import ExcuseCategory, TaskKind

# One hashtag per category, in Spanish: reports group by them whatever the reader's language.
CATEGORY_TAGS: dict[ExcuseCategory, str] = {
    ExcuseCategory.FORGOT: "olvido",
    ExcuseCategory.CANNOT_PAY: "sinliquidez",
    ExcuseCategory.INVOICE_NOT_RECEIVED: "facturanorecibida",
    ExcuseCategory.PERSON_AWAY: "responsableausente",
    ExcuseCategory.IN_APPROVAL: "enaprobacion",
    ExcuseCategory.CHEQUE_SENT: "chequeenviado",
    ExcuseCategory.ALREADY_PAID: "yapago",
    ExcuseCategory.DISPUTE: "disputa",
    ExcuseCategory.REFUSES: "senieganapagar",
    ExcuseCategory.OTHER: "otro",
}

# `#word` not preceded by a letter, digit, `&` or `<` (so `<#C123|general>` channel links
# and HTML entities like `&#35;` are not hashtags).
_HASHTAG = re.compile(r"(?<![\w&<])#(\w[\w-]{0,39})", re.UNICODE)
_DIGITS_ONLY = re.compile(r"^\d+$")


def hashtags_in(text: str | None) -> list[str]:
    """`#words` typed in a note, folded ("#Crédito" → "credito"), in order, without repeats.
    Pure numbers ("factura #123") are references, not tags."""
    found: list[str] = []
    for match in _HASHTAG.finditer(text or ""):
        tag = fold(match.group(1))
        if _DIGITS_ONLY.match(tag) or tag in found:
            continue
        found.append(tag)
    return found


def note_hashtags(category: ExcuseCategory | None, *texts: str | None) -> list[str]:
    """The category's tag first, then whatever the collector tagged."""
    tags = [CATEGORY_TAGS[category]] if category else []
    for text in texts:
        tags += [tag for tag in hashtags_in(text) if tag not in tags]
    return tags


# What a bad note looks like: the call's result, not its reason.
_BARE_OUTCOMES = [
    re.compile(p)
    for p in (
        r"^(no )?(hay|habra|tiene|tienen) (pago|dinero|plata|fondos)\b",
        r"^no (pago|pagara|paga|pagan|pagaran|va a pagar|van a pagar)\b",
        r"^sin (pago|novedad|novedades|respuesta)\b",
        r"^(no )?(payment|paid|no payment|will not pay|won't pay|not paying)\b",
        r"^(nada|ninguna novedad|igual|lo mismo|pendiente|ok|llamar|llamado|contactado)\b",
    )
]
MIN_EXCUSE_WORDS = 4


def says_why(excuse: str | None) -> bool:
    """Does the excuse give a reason? A few words at least, and not just the outcome."""
    folded = fold(excuse or "").strip(" .!¡¿?")
    if len(folded.split()) < MIN_EXCUSE_WORDS:
        return False
    # "No hay pago para esta semana" is an outcome; "no hay pago porque…" gives a reason.
    has_reason = any(w in folded for w in ("porque", "por que", "ya que", "debido", "because"))
    return has_reason or not any(p.search(folded) for p in _BARE_OUTCOMES)


@dataclass(frozen=True)
class NoteDraft:
    """What the collector wrote about an answered call, before it is stored."""

    spoke_with: str | None
    category: ExcuseCategory | None
    excuse: str | None
    agreement: str | None
    next_step: str | None


def missing_answers(draft: NoteDraft) -> dict[str, str]:
    """Which of the three questions the note leaves open, as {field: text key}.

    Fields are the call modal's block ids; each key names the question and why it matters.
    """
    missing: dict[str, str] = {}
    if not (draft.spoke_with or "").strip():
        missing["contact"] = "note.missing_who"
    if draft.category is None:
        missing["excuse_category"] = "note.missing_category"
    if not says_why(draft.excuse):
        missing["excuse"] = "note.missing_why"
    if not (draft.next_step or "").strip():
        missing["task"] = "note.missing_next"
    return missing


def answers_three_questions(draft: NoteDraft) -> bool:
    return not missing_answers(draft)


@dataclass(frozen=True)
class Play:
    """The next step the seeds recommend for an excuse: a task text key, its kind, and when
    (words that `bot.core.dates` reads, so the suggestion is echoed like anything typed)."""

    text_key: str
    kind: TaskKind
    when: str


PLAYBOOK: dict[ExcuseCategory, Play] = {
    ExcuseCategory.FORGOT: Play("play.forgot", TaskKind.CALL, "pasado mañana"),
    ExcuseCategory.CANNOT_PAY: Play("play.cannot_pay", TaskKind.PAYMENT_PLAN, "mañana"),
    ExcuseCategory.INVOICE_NOT_RECEIVED: Play("play.invoice", TaskKind.SEND_INVOICE, "mañana"),
    ExcuseCategory.PERSON_AWAY: Play("play.person_away", TaskKind.CALL, "en 3 días"),
    ExcuseCategory.IN_APPROVAL: Play("play.in_approval", TaskKind.CALL, "en 3 días"),
    ExcuseCategory.CHEQUE_SENT: Play("play.cheque", TaskKind.CALL, "en 5 días"),
    ExcuseCategory.ALREADY_PAID: Play("play.already_paid", TaskKind.VERIFY_PAYMENT, "mañana"),
    ExcuseCategory.DISPUTE: Play("play.dispute", TaskKind.RESOLVE_DISPUTE, "mañana"),
    ExcuseCategory.REFUSES: Play("play.refuses", TaskKind.ESCALATE, "mañana"),
    ExcuseCategory.OTHER: Play("play.other", TaskKind.CALL, "mañana"),
}

WHEN_EN = {
    "pasado mañana": "in 2 days",
    "mañana": "tomorrow",
    "en 3 días": "in 3 days",
    "en 5 días": "in 5 days",
}

_REFERENCE = re.compile(r"(?<![\w/.-])(?:n[º°o.]*\s*)?(\d[\d-]{4,30}\d)(?![\w/.-])", re.I)


def reference_in(text: str | None) -> str | None:
    """A deposit, transfer or cheque number mentioned in a note ("depósito número
    23763172736"): a run of at least six digits, not a date or an amount with decimals."""
    for match in _REFERENCE.finditer(text or ""):
        digits = match.group(1)
        if sum(ch.isdigit() for ch in digits) >= 6:
            return digits
    return None


# Words that suggest each excuse, for a note typed as a message (the message shortcut).
_CATEGORY_WORDS: list[tuple[ExcuseCategory, tuple[str, ...]]] = [
    (ExcuseCategory.ALREADY_PAID, ("ya pago", "ya cancelo", "ya deposito", "ya transfir",
                                   "already paid", "ya se pago", "ya realizo el pago")),
    (ExcuseCategory.CHEQUE_SENT, ("cheque", "check in the mail")),
    (ExcuseCategory.INVOICE_NOT_RECEIVED, ("no recibi", "no le llego la factura",
                                           "no llego la factura", "traspapel", "extravi",
                                           "perdio la factura", "not received", "misplaced")),
    (ExcuseCategory.DISPUTE, ("reclamo", "disputa", "queja", "defectuos", "no esta de acuerdo",
                              "inconforme", "dispute", "complaint", "error en la factura")),
    (ExcuseCategory.REFUSES, ("se niega", "no va a pagar", "no piensa pagar", "refuses")),
    (ExcuseCategory.IN_APPROVAL, ("aprobacion", "autorizacion", "firma", "approval")),
    (ExcuseCategory.PERSON_AWAY, ("vacaciones", "de viaje", "no esta", "ausente", "fuera de la",
                                  "on holiday", "away")),
    (ExcuseCategory.CANNOT_PAY, ("no tiene dinero", "sin fondos", "liquidez", "no puede pagar",
                                 "no tienen fondos", "flujo de caja", "cannot pay", "can't pay")),
    (ExcuseCategory.FORGOT, ("olvid", "se le paso", "forgot")),
]  # fmt: skip


def guess_category(text: str | None) -> ExcuseCategory | None:
    """The excuse a sentence most likely gives, for the user to confirm; None when unsure."""
    folded = fold(text or "")
    for category, words in _CATEGORY_WORDS:
        if any(word in folded for word in words):
            return category
    return None


_SPOKE_WITH = re.compile(
    r"\b(?:hable|platique|converse|me comunique|spoke|talked)\s+(?:con|with|to)\s+"
    r"(?:(?:el|la|the)\s+)?(?:(?:sr|sra|srta|senor|senora|lic|ing|dr|dra)\.?\s+)?"
    r"([a-z][a-z]+(?:\s+(?!que\b|quien\b|y\b|who\b|and\b)[a-z][a-z]+)?)",
)


_NOT_SURNAMES = {
    "sobre",
    "about",
    "hoy",
    "ayer",
    "manana",
    "por",
    "para",
    "en",
    "de",
    "del",
    "esta",
    "este",
    "today",
    "yesterday",
    "on",
    "at",
    "regarding",
    "dice",
    "dijo",
}


def spoke_with_in(text: str | None) -> str | None:
    """The person after "hablé con" in a message, with the capitals the author used. A
    second word is a surname when it looks like one: capitalised like the first name, or
    everything typed in lowercase and the word not a common one ("sobre", "hoy")."""
    original = text or ""
    match = _SPOKE_WITH.search(fold_keep_length(original))
    if match is None:
        return None
    words = original[match.start(1) : match.end(1)].split()
    if len(words) == 2:
        first, second = words
        capitalised = first[:1].isupper()
        if (capitalised and not second[:1].isupper()) or fold(second) in _NOT_SURNAMES:
            words = [first]
    name = " ".join(words)
    return name if any(ch.isupper() for ch in name) else name.title()
