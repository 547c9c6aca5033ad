"""Amounts said in words, as collectors type them: "20 mil", "20k", "mil quinientos",
"medio millón", "un millón y medio", "1,5 millones", "2 thousand".

Only the grammar of number words lives here; the digits inside ("1,5") are read by
`bot.core.money`, which hands this module each number already read. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from bot.core.dates import numerals

# The same number words the date reader knows, grouped as amounts need them: "veinte" is a
# ten that takes "y", and zero is an amount.
UNITS: dict[str, int] = {"cero": 0, **numerals.UNITS} | {
    word: value for word, value in numerals.TEENS.items() if word != "veinte"
}
TENS: dict[str, int] = {"veinte": 20, **numerals.TENS}
HUNDREDS: dict[str, int] = dict(numerals.HUNDREDS)
THOUSAND = frozenset({"mil", "k", "thousand"})
MILLION = frozenset({"millon", "millones", "million", "millions"})
HALF = frozenset({"medio", "media", "half"})
FILLER = frozenset({"y", "and", "a"})
_PLACE = {**dict.fromkeys(UNITS, 1), **dict.fromkeys(TENS, 2), **dict.fromkeys(HUNDREDS, 3)}
_VALUE = {**UNITS, **TENS, **HUNDREDS}


def is_number_word(word: str) -> bool:
    return word in _VALUE or word in THOUSAND or word in MILLION or word in HALF or word in FILLER


@dataclass
class _State:
    millions: Decimal | None = None
    thousands: Decimal | None = None
    group: Decimal = Decimal(0)
    place: int = 4  # the place of the last word in the group; 4 = nothing yet
    digits_in_group: bool = False
    last_scale: int = 0  # the multiplier just applied, for "un millón y medio"


class WordsError(ValueError):
    """The words do not make one amount; `word` is the first that does not fit."""

    def __init__(self, word: str) -> None:
        super().__init__(word)
        self.word = word


def combine(tokens: list[Decimal | str]) -> Decimal:
    """The amount that numbers (already read) and number words make together.

    Raises WordsError naming the first token that does not fit, e.g. "20 30" or "cinco
    veinte": a wrong order is refused, never summed into something nobody said."""
    state = _State()
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if isinstance(token, Decimal):
            _number(state, token, str(token))
        elif token in _VALUE:
            _word(state, token)
        elif token in THOUSAND:
            _thousand(state, token)
        elif token in MILLION:
            _million(state, token)
        elif token in HALF:
            _half(state, token, following)
        elif token in FILLER:
            if index == 0 or following is None:
                raise WordsError(token)
        else:
            raise WordsError(token)
    if state.place == 4 and state.millions is None and state.thousands is None:
        raise WordsError(str(tokens[-1]) if tokens else "")
    return (state.millions or 0) + (state.thousands or 0) + state.group


def _number(state: _State, value: Decimal, word: str) -> None:
    if state.place != 4:
        raise WordsError(word)
    state.group = value
    state.place = 0
    state.digits_in_group = True
    state.last_scale = 0


def _word(state: _State, word: str) -> None:
    place = _PLACE[word]
    if state.digits_in_group or place >= state.place:
        raise WordsError(word)
    state.group += _VALUE[word]
    # 10 to 29 fill tens and units: nothing may follow them in the group.
    state.place = 0 if (place == 1 and _VALUE[word] >= 10) else place
    state.last_scale = 0


def _thousand(state: _State, word: str) -> None:
    if state.thousands is not None or (word == "k" and state.place == 4):
        raise WordsError(word)
    state.thousands = (state.group if state.place != 4 else Decimal(1)) * 1000
    _close_group(state, 1000)


def _million(state: _State, word: str) -> None:
    if state.millions is not None:
        raise WordsError(word)
    count = (state.thousands or 0) + state.group
    state.millions = (count if state.place != 4 or state.thousands else Decimal(1)) * 1_000_000
    state.thousands = None
    _close_group(state, 1_000_000)


def _half(state: _State, word: str, following: Decimal | str | None) -> None:
    if state.last_scale and state.place == 4:
        # "un millón y medio", "veinte mil y media": half of what was just counted.
        half = Decimal(state.last_scale) / 2
        if state.last_scale == 1_000_000:
            state.millions = (state.millions or 0) + half
        else:
            state.thousands = (state.thousands or 0) + half
        state.last_scale = 0
        return
    if state.place == 4 and isinstance(following, str) and (following in MILLION | THOUSAND):
        state.group = Decimal("0.5")  # "medio millón"
        state.place = 0
        return
    if state.place == 4 and following == "a":
        state.group = Decimal("0.5")  # "half a million"
        state.place = 0
        return
    raise WordsError(word)


def _close_group(state: _State, scale: int) -> None:
    state.group = Decimal(0)
    state.place = 4
    state.digits_in_group = False
    state.last_scale = scale
