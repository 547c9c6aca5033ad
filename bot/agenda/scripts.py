"""Call scripts a collector can read aloud without embarrassment. Pure.

What the seeds ask of a collection call, and how each is kept here:

- **Address the person correctly** (seed 002: "no hay nada más dañino … que equivocarse en
  el nombre de una persona"). A courtesy form is used only when the contact's own data says
  which: an honorific in the name ("Lic. Jorge Ramos" → "licenciado Ramos"), or a role word
  whose grammar does ("Contadora" → "señora Díaz", "Contador" → "señor Díaz"). A surname is
  picked only from a two-word name; a longer one keeps the full name ("señora María José
  Díaz"), since "María José Díaz" and "Marisol Díaz López" cannot be told apart. Otherwise
  the script asks: "¿Hablo con Marisol Díaz?". No guessing a gender or a surname.
- **Say what happened, not what did not**: a first conversation has its own wording (never
  "la última vez que hablamos fue el nunca"); "ya la hemos tratado varias veces" only after
  two or more conversations; the last conversation is recalled from the last note (an
  unanswered call is not a conversation).
- **Dates in full words** ("el viernes 27 de noviembre"), amounts in the team's locale.
- **The customer's rank** (seed 003: "es posible que no desee presionar para el pago el mismo
  día si la llamada es a un cliente A"): A asks for a date, B asks to agree on one today,
  C asks for payment today and offers to split it or a plan. No rank reads as B.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

from bot.agenda.rules import DueCall
from bot.core.dates import describe
from bot.core.dunning import Reason
from bot.core.i18n import Lang, t
from bot.core.money import money

# Honorifics written before a name, and the courtesy form each gives (Spanish, English).
HONORIFICS: dict[str, tuple[str, str]] = {
    "lic": ("licenciado", "Mr."),
    "licenciado": ("licenciado", "Mr."),
    "licda": ("licenciada", "Ms."),
    "licenciada": ("licenciada", "Ms."),
    "ing": ("ingeniero", "Mr."),
    "ingeniero": ("ingeniero", "Mr."),
    "inga": ("ingeniera", "Ms."),
    "ingeniera": ("ingeniera", "Ms."),
    "dr": ("doctor", "Dr."),
    "doctor": ("doctor", "Dr."),
    "dra": ("doctora", "Dr."),
    "doctora": ("doctora", "Dr."),
    "arq": ("arquitecto", "Mr."),
    "mtro": ("maestro", "Mr."),
    "mtra": ("maestra", "Ms."),
    "sr": ("señor", "Mr."),
    "señor": ("señor", "Mr."),
    "sra": ("señora", "Ms."),
    "señora": ("señora", "Ms."),
    "srta": ("señorita", "Ms."),
    "don": ("don", "Mr."),
    "doña": ("doña", "Ms."),
}
# A professional title as the contact's role gives its own courtesy form.
TITLED_ROLES = {
    "licenciado": ("licenciado", "Mr."),
    "licenciada": ("licenciada", "Ms."),
    "ingeniero": ("ingeniero", "Mr."),
    "ingeniera": ("ingeniera", "Ms."),
    "doctor": ("doctor", "Dr."),
    "doctora": ("doctora", "Dr."),
    "abogado": ("licenciado", "Mr."),
    "abogada": ("licenciada", "Ms."),
}
# Role words whose ending says the person's gender (Contadora, Encargado, Tesorera,
# Secretario, Dueña…); words like Gerente, Asistente, Contable say nothing.
FEMININE = re.compile(r"(ora|ada|era|aria|eña|efa|ica)$")
MASCULINE = re.compile(r"(or|ado|ero|ario|eño|ico)$")


@dataclass(frozen=True)
class Address:
    """How to greet: `courtesy` and `name` when known ("señora", "Díaz"); else ask for
    `full` by name."""

    full: str
    courtesy: str | None = None
    name: str | None = None


def address(name: str | None, title: str | None, lang: Lang) -> Address | None:
    """The contact's courtesy form, when their data says it (see the module docstring)."""
    if not (name or "").strip():
        return None
    words = (name or "").split()
    key = words[0].casefold().rstrip(".")
    courtesy: str | None = None
    if key in HONORIFICS and len(words) > 1:
        courtesy = HONORIFICS[key][0 if lang == "es" else 1]
        words = words[1:]
    full = " ".join(words)
    if courtesy is None:
        role = (title or "").split()[0].casefold() if (title or "").strip() else ""
        if role in TITLED_ROLES:
            courtesy = TITLED_ROLES[role][0 if lang == "es" else 1]
        elif FEMININE.search(role):
            courtesy = "señora" if lang == "es" else "Ms."
        elif MASCULINE.search(role):
            courtesy = "señor" if lang == "es" else "Mr."
    if courtesy is None or (len(words) < 2 and key not in HONORIFICS):
        return Address(full)
    surname = words[1] if len(words) == 2 else full
    return Address(full, courtesy, surname)


def greeting(at: time | None, lang: Lang) -> str:
    hour = at.hour if at else 9
    part = "morning" if hour < 12 else "afternoon" if hour < 19 else "evening"
    return t(f"script.greeting.{part}", lang)


def _opening(call: DueCall, me: str, company: str, lang: Lang, at: time | None) -> str:
    hello = greeting(at, lang)
    who = address(call.contact_name, call.contact_title, lang)
    if who is None:
        opening = t("script.ask_for_payer", lang, hello=hello, customer=call.name)
    elif who.courtesy is None:
        opening = t("script.ask_for", lang, hello=hello, name=who.full)
    else:
        opening = t("script.hello", lang, hello=hello, courtesy=who.courtesy, name=who.name)
    return opening + " " + t("script.me", lang, me=me, company=company)


def _pressure(call: DueCall) -> str:
    return {"A": "a", "C": "c"}.get(call.rank or "", "b")


def call_script(
    call: DueCall,
    *,
    collector: str,
    company: str,
    lang: Lang,
    today: date,
    at: time | None = None,
) -> str:
    """The words for this call (see the module docstring). `at`: the time it is read, for
    the greeting."""
    invoice = call.step_invoice
    company = company or t("agenda.our_company", lang)
    note = call.last_note
    talked = note is not None
    unknown = t("agenda.unknown", lang)
    facts = {
        "invoice": invoice.number if invoice else unknown,
        "amount": money(invoice.balance, invoice.currency, lang) if invoice else unknown,
        "due": describe(invoice.due_date, lang=lang, today=today) if invoice else unknown,
        "last": describe(note.at.date(), lang=lang, today=today) if note else "",
        "promised": describe(call.promise_date, lang=lang, today=today)
        if call.promise_date
        else unknown,
        "promise_amount": money(call.promise_amount, call.currency or "USD", lang)
        if call.promise_amount is not None
        else unknown,
        "task": (call.task_text or "").rstrip("."),
    }
    parts = [_opening(call, collector, company, lang, at)]
    reason = call.reason
    press = _pressure(call)
    if reason == Reason.REMINDER:
        # A reminder not made in time is read after the due date: "venció", not "vence".
        late = invoice is not None and invoice.due_date < today
        parts.append(t("script.reminder_late" if late else "script.reminder", lang, **facts))
    elif reason == Reason.FIRST_CALL:
        parts.append(t("script.first_call", lang, **facts))
        if talked:
            parts.append(t("script.since_last", lang, **facts))
        parts.append(t(f"script.ask_why.{press}", lang))
    elif reason == Reason.SECOND_CALL:
        parts.append(t("script.second_call", lang, **facts))
        parts.append(t("script.since_last" if talked else "script.first_talk", lang, **facts))
        parts.append(t(f"script.agree.{press}", lang))
    elif reason == Reason.THIRD_CALL:
        many = note is not None and note.conversations >= 2
        parts.append(t("script.third_call_many" if many else "script.third_call", lang, **facts))
        parts.append(t(f"script.last_offer.{press}", lang))
    elif reason == Reason.BROKEN_PROMISE:
        key = "script.broken_promise" if talked else "script.broken_promise_recorded"
        parts.append(t(key, lang, **facts))
        parts.append(t(f"script.agree.{press}", lang))
        parts.append(t("script.broken_promise_tips", lang))
    else:  # a follow-up the collector scheduled
        parts.append(t("script.task" if talked else "script.task_first", lang, **facts))
    if note is not None and reason != Reason.REMINDER:
        recap = note.agreement or note.excuse
        if recap:
            who = note.spoke_with or note.author
            spoken = any(facts["last"] in part for part in parts[1:])
            key = "script.recap_same_day" if spoken else "script.recap"
            parts.append(t(key, lang, last=facts["last"], who=who, said=recap))
    return " ".join(p for p in parts if p)
