"""Phrases cut into tokens: words, numbers and punctuation, each with its span in what the
user wrote, so a reading can quote exactly what it read and what it could not.

Numbers written in words become number tokens here ("treinta y uno" → 31, "dos mil
veintisiete" → 2027), as do ordinals written with digits ("1.º", "1er", "15th"), so the
grammar sees one number however it was written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.core.dates.numerals import (
    EN_TEENS,
    EN_TENS,
    EN_UNITS,
    HUNDREDS,
    ORDINAL_SUFFIXES,
    TEENS,
    TENS,
    UNITS,
)
from bot.core.text import fold_keep_length

_TOKEN = re.compile(r"\d+|[a-z]+|\S")
_PAIRS = {("un", "par", "de"): 2, ("par", "de"): 2, ("a", "couple", "of"): 2, ("couple", "of"): 2}


@dataclass(frozen=True, slots=True)
class Tok:
    text: str  # folded; a number's digits
    kind: str  # "num", "word" or "punct"
    start: int  # span in the original text
    end: int
    space: bool  # whitespace (or the start of the text) before it
    value: int = -1  # a number's value
    digits: int = 0  # how many digits it was written with (0 when in words)
    ordinal: bool = False

    @property
    def spelled(self) -> bool:
        return self.kind == "num" and self.digits == 0


def tokenize(text: str) -> list[Tok]:
    folded = fold_keep_length(text)
    raw: list[Tok] = []
    last_end = -1
    for match in _TOKEN.finditer(folded):
        piece = match.group()
        space = last_end < 0 or match.start() > last_end
        last_end = match.end()
        if piece[0].isdigit():
            value = int(piece) if len(piece) < 10 else -1
            raw.append(Tok(piece, "num", match.start(), match.end(), space, value, len(piece)))
        elif "a" <= piece[0] <= "z":
            raw.append(Tok(piece, "word", match.start(), match.end(), space))
        else:
            raw.append(Tok(piece, "punct", match.start(), match.end(), space))
    return _numbers_in_words(_ordinals(raw))


def _ordinals(toks: list[Tok]) -> list[Tok]:
    """ "1ro", "1er", "15th", "1.º" (folded "1.o"), "1°": one ordinal number token."""
    out: list[Tok] = []
    i, n = 0, len(toks)
    while i < n:
        tok = toks[i]
        if tok.kind == "num" and tok.digits <= 2 and i + 1 < n and not toks[i + 1].space:
            nxt = toks[i + 1]
            end = None
            if nxt.text in ORDINAL_SUFFIXES:
                end = i + 2
            elif (
                nxt.text == "."
                and i + 2 < n
                and not toks[i + 2].space
                and toks[i + 2].text in ("o", "er", "ro", "a")
            ):
                end = i + 3
            if end is not None and (end == n or toks[end].space or toks[end].kind == "punct"):
                out.append(replace(tok, end=toks[end - 1].end, ordinal=True))
                i = end
                continue
        out.append(tok)
        i += 1
    return out


def _numbers_in_words(toks: list[Tok]) -> list[Tok]:
    out: list[Tok] = []
    i, n = 0, len(toks)
    words = [t.text if t.kind == "word" else "" for t in toks]
    while i < n:
        found = _number_at(words, toks, i) if words[i] else None
        if found is None:
            out.append(toks[i])
            i += 1
            continue
        value, end = found
        first = toks[i]
        out.append(Tok(str(value), "num", first.start, toks[end - 1].end, first.space, value))
        i = end
    return out


def _number_at(words: list[str], toks: list[Tok], i: int) -> tuple[int, int] | None:
    for phrase, value in _PAIRS.items():
        if tuple(words[i : i + len(phrase)]) == phrase:
            return value, i + len(phrase)
    found = _spanish(words, i)
    if found is None:
        found = _english(words, toks, i)
    return found


def _spanish_below_thousand(words: list[str], i: int) -> tuple[int, int] | None:
    value, j = 0, i
    if words[j : j + 1] and words[j] in HUNDREDS:
        value, j = HUNDREDS[words[j]], j + 1
    word = words[j] if j < len(words) else ""
    if word in TENS:
        value, j = value + TENS[word], j + 1
        if words[j : j + 1] == ["y"] and j + 1 < len(words) and words[j + 1] in UNITS:
            value, j = value + UNITS[words[j + 1]], j + 2
    elif word in TEENS:
        value, j = value + TEENS[word], j + 1
    elif word in UNITS:
        value, j = value + UNITS[word], j + 1
    return (value, j) if j > i else None


def _spanish(words: list[str], i: int) -> tuple[int, int] | None:
    """Cardinals up to 9999 ("quince", "treinta y uno", "mil novecientos noventa")."""
    head = _spanish_below_thousand(words, i)
    j = head[1] if head else i
    if j < len(words) and words[j] == "mil" and (head is None or head[0] < 10):
        thousands = (head[0] if head else 1) * 1000
        tail = _spanish_below_thousand(words, j + 1)
        if tail is not None:
            return thousands + tail[0], tail[1]
        return thousands, j + 1
    return head


def _english(words: list[str], toks: list[Tok], i: int) -> tuple[int, int] | None:
    """Cardinals in English up to "thirty-one", and years like "two thousand twenty six"."""

    def below_hundred(j: int) -> tuple[int, int] | None:
        word = words[j] if j < len(words) else ""
        if word in EN_TENS:
            value, k = EN_TENS[word], j + 1
            if k < len(words) and words[k] == "" and toks[k].text == "-" and not toks[k].space:
                k += 1
            if k < len(words) and words[k] in EN_UNITS:
                return value + EN_UNITS[words[k]], k + 1
            return value, j + 1
        if word in EN_TEENS:
            return EN_TEENS[word], j + 1
        if word in EN_UNITS:
            return EN_UNITS[word], j + 1
        return None

    head = below_hundred(i)
    if head and head[1] < len(words) and words[head[1]] == "thousand" and head[0] < 10:
        tail = below_hundred(head[1] + 1)
        if tail is not None:
            return head[0] * 1000 + tail[0], tail[1]
        return head[0] * 1000, head[1] + 1
    return head
