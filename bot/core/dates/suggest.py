"""Typos one edit away from a date word ("vierenes", "mañna", "miercloes") or two words
glued together ("pasadomañana"): never read silently, offered back as "¿quisiste decir
«viernes»?" so the user retypes."""

from __future__ import annotations

from collections.abc import Callable

from bot.core.dates.lexicon import DATE_WORDS, FILLERS, GLUED_PARTS, TYPO_TARGETS
from bot.core.dates.tokens import Tok

_KNOWN = frozenset({*DATE_WORDS, *(w for f in FILLERS for w in f.split()), *GLUED_PARTS})


def one_edit(a: str, b: str) -> bool:
    """True when a and b differ by exactly one insertion, deletion, substitution or swap of
    two neighbouring letters."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


def fix_for(word: str) -> str | None:
    """The date word `word` was meant to be, when there is exactly one."""
    if len(word) < 4 or word in _KNOWN:
        return None
    near = {shown for target, shown in TYPO_TARGETS.items() if one_edit(word, target)}
    for cut in range(2, len(word) - 1):
        head, tail = word[:cut], word[cut:]
        if (
            head in GLUED_PARTS
            and tail in GLUED_PARTS
            and (head in TYPO_TARGETS or tail in TYPO_TARGETS)
        ):
            near.add(f"{GLUED_PARTS[head]} {GLUED_PARTS[tail]}")
    return near.pop() if len(near) == 1 else None


def suggestion(
    text: str, toks: list[Tok], candidates: list[int], reads: Callable[[str], bool]
) -> str | None:
    """The phrase with its typos corrected, when the corrected phrase reads as a date."""
    fixes: list[tuple[Tok, str]] = []
    for k in candidates:
        tok = toks[k]
        if tok.kind != "word":
            continue
        fix = fix_for(tok.text)
        if fix is not None:
            written = text[tok.start : tok.end]
            fixes.append((tok, fix.capitalize() if written[:1].isupper() else fix))
    if not fixes:
        return None
    corrected = text
    for tok, fix in sorted(fixes, key=lambda f: -f[0].start):
        corrected = corrected[: tok.start] + fix + corrected[tok.end :]
    corrected = corrected.strip()
    return corrected if reads(corrected) else None
