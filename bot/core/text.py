"""Small text helpers the domain shares: folding for search and for reading phrases."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lowercase, without accents, single-spaced: how people type names in a hurry."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped).strip().lower()


def fold_keep_length(text: str) -> str:
    """Lowercase without accents, one character for one character, so that a span found in
    the folded text is the same span in what the user wrote."""
    out = []
    for ch in text:
        base = unicodedata.normalize("NFKD", ch)
        stripped = "".join(c for c in base if not unicodedata.combining(c)) or ch
        lowered = stripped.lower()
        out.append(lowered if len(lowered) == 1 else ch.lower()[:1] or " ")
    return "".join(out)


_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")


def clean(text: str) -> str:
    """What a person typed, without the control characters nobody types on purpose (NUL,
    escapes, zero-width marks): the database refuses NUL, and the rest only hides text.
    Line breaks and tabs stay."""
    return _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
