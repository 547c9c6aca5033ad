"""The one ranking of typos (both databases only narrow the candidates), as tables."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.text import fold
from bot.customers.rules import NameList, closest, similarity
from models.customer import search_id_of, search_name_of

NAMES = [
    (1, "ferreteria lopez"),
    (2, "ferreteria lopes"),
    (3, "ferreteria lopiz"),
    (4, "ferreteria perez"),
    (5, "papeleria lopez"),
    (6, "farmacia lozano"),
    (7, "ferreteria lopez hermanos"),
]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # One name clearly closest: it alone is the answer.
        ("papeleria lpez", [5]),
        # Close ones, most alike first: the user picks (the first is not far enough ahead).
        ("ferretria lopes", [2, 1, 3, 4, 7]),
        # Two equally close: ties by name.
        ("ferreteria lopz", [1, 3, 2, 4, 7]),
        # Nothing close enough: nothing, never a guess.
        ("zapateria ruiz", []),
        ("", []),
    ],
)
def test_closest_ranks_typos(typed: str, expected: list[int]) -> None:
    assert closest(typed, NAMES, 8) == expected


def test_closest_keeps_at_most_the_limit() -> None:
    assert closest("ferreteria lopz", NAMES, 2) == [1, 3]


def test_the_order_does_not_depend_on_the_order_found() -> None:
    assert closest("ferreteria lopz", list(reversed(NAMES)), 8) == closest(
        "ferreteria lopz", NAMES, 8
    )


def test_ties_go_by_name_then_id() -> None:
    assert closest("ana lopez", [(9, "ana lopes"), (3, "ana lopes"), (5, "ana lopea")], 8) == [
        5,
        3,
        9,
    ]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("lopez", "lopez", 1.0), ("lopez", "lopes", 0.8), ("abc", "xyz", 0.0)],
)
def test_similarity_is_the_edit_similarity(a: str, b: str, expected: float) -> None:
    assert similarity(a, b) == pytest.approx(expected)


def test_the_name_list_narrows_to_what_closest_could_keep() -> None:
    names = NameList(("v",), [i for i, _ in NAMES], [n for _, n in NAMES])
    near = names.near("ferreteria lopz")
    assert {cid for cid, _ in near} == {1, 2, 3, 4, 7}
    assert closest("ferreteria lopz", near, 8) == closest("ferreteria lopz", NAMES, 8)
    assert names.near("ferreteria lopz", 2) == [(1, "ferreteria lopez"), (3, "ferreteria lopiz")]


@pytest.mark.parametrize(
    ("external_id", "folded"),
    [
        ("C00042", "c00042"),
        ("c 000 42", "c00042"),
        ("Ñ-1", "n1"),
        ("c-000.42", "c00042"),
        ("STRASSE", "strasse"),
    ],
)
def test_an_id_is_folded_without_case_accents_spaces_or_punctuation(
    external_id: str, folded: str
) -> None:
    assert search_id_of(external_id) == folded


@given(st.text())
def test_the_model_folds_names_as_the_domain_folds_what_is_typed(text: str) -> None:
    assert search_name_of(text) == fold(text)


@pytest.mark.parametrize(
    ("words", "limit", "expected"),
    [
        (["lopez"], 8, [5, 1, 7]),  # shortest first
        (["lopez", "ferreteria"], 8, [1, 7]),
        (["lop"], 2, [5, 2]),  # ties in length go by name
        (["ez", "her"], 8, [7]),
        (["zapateria"], 8, []),
        (["lopez", "zapateria"], 8, []),  # one word found nowhere: no name holds them all
        (["lopez", "lopez", "fe"], 8, [1, 7]),
        (["ia lo"], 8, [6, 5, 2, 1, 3, 7]),
        ([], 8, []),
    ],
)
def test_the_name_list_finds_fragments_as_like_does(
    words: list[str], limit: int, expected: list[int]
) -> None:
    names = NameList(("v",), [i for i, _ in NAMES], [n for _, n in NAMES])
    assert names.containing(words, limit) == expected


def test_a_fragment_never_spans_two_names() -> None:
    names = NameList(("v",), [1, 2], ["ana", "bea"])
    assert names.containing(["a\nb"], 8) == []
    assert names.containing(["ab"], 8) == []


@given(
    st.lists(st.text(alphabet="abc ", max_size=6), max_size=12),
    st.lists(st.text(alphabet="abc", min_size=1, max_size=3), min_size=1, max_size=3),
)
def test_the_name_list_finds_what_a_scan_of_every_name_finds(
    names: list[str], words: list[str]
) -> None:
    """Whichever word the list starts from, the names are those holding every word."""
    listed = NameList(("v",), list(range(len(names))), names)
    every = sorted(
        (len(name), name, cid)
        for cid, name in enumerate(names)
        if all(word in name for word in words)
    )
    assert listed.containing(words, 5) == [cid for _, _, cid in every[:5]]


def test_a_patched_list_holds_the_changed_and_the_added_names() -> None:
    held = NameList(("v1",), [1, 2, 4], ["ana", "bea", "eva"])
    patched = held.patched(("v2",), [(5, "zoe"), (2, "beatriz"), (3, "cloe")])
    assert patched.version == ("v2",)
    assert list(zip(patched.ids, patched.names, strict=True)) == [
        (1, "ana"),
        (2, "beatriz"),
        (4, "eva"),
        (3, "cloe"),
        (5, "zoe"),
    ]
    assert patched.containing(["bea"], 8) == [2]
    assert patched.containing(["zo"], 8) == [5]
    assert held.containing(["bea"], 8) == [2]  # the held list is left as it was
    assert held.names[1] == "bea"
