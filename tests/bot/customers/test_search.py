"""Finding customers through indexes, on SQLite and PostgreSQL: the folded id and name are
kept on every write, and a typo finds the same customers in the same order on both."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.customers.service import find_customers, prepare_search
from bot.imports.queries import write_customers
from models import Customer
from models.db import make_engine, make_session_factory
from tests import builders

ROOT = Path(__file__).resolve().parents[3]
NAMES = [
    "Ferretería López",
    "Ferretería Lopes",
    "Ferretería Lópiz",
    "Ferretería Pérez",
    "Papelería López",
    "Farmacia Lozano",
    "Ferretería López Hermanos",
]


def _seed(db: sessionmaker[Session]) -> None:
    with db.begin() as s:
        for index, name in enumerate(NAMES, start=1):
            builders.customer(s, name, None, external_id=f"C-{index:03d}")


def _names(db: sessionmaker[Session], typed: str) -> list[str]:
    return [m.name for m in find_customers(db, typed)]


def test_the_model_folds_the_id_and_the_name_on_add_and_on_rename(
    db: sessionmaker[Session],
) -> None:
    with db.begin() as s:
        s.add(Customer(external_id="Ab 12", name="Ñandú  Óptica"))
    with db.begin() as s:
        customer = s.scalars(select(Customer)).one()
        assert (customer.search_id, customer.search_name) == ("ab12", "nandu optica")
        customer.name = "Óptica Ñandú del Sur"
        customer.external_id = "AB-13"
    with db() as s:
        assert s.execute(select(Customer.search_id, Customer.search_name)).one() == (
            "ab13",
            "optica nandu del sur",
        )


def test_a_bulk_import_folds_the_id_and_the_name_too(db: sessionmaker[Session]) -> None:
    with db.begin() as s:
        write_customers(s, {"Ab 12": {"external_id": "Ab 12", "name": "Ñandú Óptica"}}, {})
    with db.begin() as s:
        write_customers(s, {"Ab 12": {"external_id": "Ab 12", "name": "Óptica Ñandú"}}, {})
    with db() as s:
        assert s.execute(select(Customer.search_id, Customer.search_name)).one() == (
            "ab12",
            "optica nandu",
        )
    assert _names(db, "AB 12") == ["Óptica Ñandú"]
    assert _names(db, "optica nandu") == ["Óptica Ñandú"]


@pytest.mark.parametrize("typed", ["C-004", "c-004", " c - 004 ", "Ｃ-004"])
def test_an_id_is_found_in_any_case_or_spacing(db: sessionmaker[Session], typed: str) -> None:
    _seed(db)
    assert _names(db, typed) == ["Ferretería Pérez"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ferreteria lopz", NAMES[0:1] + NAMES[2:3] + NAMES[1:2] + NAMES[3:4] + NAMES[6:7]),
        ("Ferretria Lopes", NAMES[1:2] + NAMES[0:1] + NAMES[2:4] + NAMES[6:7]),
        ("papeleria lpez", ["Papelería López"]),
        ("zapateria ruiz", []),
    ],
)
def test_a_typo_finds_the_same_customers_in_the_same_order_on_both_databases(
    db: sessionmaker[Session], typed: str, expected: list[str]
) -> None:
    _seed(db)
    assert _names(db, typed) == expected


def test_fragments_and_whole_names_go_before_typos(db: sessionmaker[Session]) -> None:
    _seed(db)
    assert _names(db, "ferreteria lopez") == ["Ferretería López"]
    assert _names(db, "lopez") == [
        "Papelería López",
        "Ferretería López",
        "Ferretería López Hermanos",
    ]
    assert _names(db, "100%") == []


_RENAME = """
import sys
from sqlalchemy import func, select
from models import Customer
from models.db import make_engine, make_session_factory
db = make_session_factory(make_engine(sys.argv[1]))
with db.begin() as s:
    s.scalars(select(Customer).where(Customer.external_id == "C-006")).one().name = sys.argv[2]
    s.add(Customer(external_id="C-100", name=sys.argv[3]))
"""


def test_a_typo_finds_what_another_process_renamed_or_added(
    tmp_path: Path, sqlite_template: Path
) -> None:
    """SQLite keeps the names in this process: another process's changes must reach it."""
    from tests.conftest import fresh_sqlite

    url = fresh_sqlite(tmp_path, sqlite_template)
    engine = make_engine(url)
    db = make_session_factory(engine)
    _seed(db)
    assert _names(db, "farmacia lozanno") == ["Farmacia Lozano"]  # the list is now held
    subprocess.run(
        [sys.executable, "-c", _RENAME, url, "Zapatería Quintana", "Relojería Bermúdez"],
        check=True,
        cwd=ROOT,
    )
    assert _names(db, "farmacia lozanno") == []
    assert _names(db, "zapateria quintanna") == ["Zapatería Quintana"]
    assert _names(db, "relojeria bermudes") == ["Relojería Bermúdez"]
    engine.dispose()


@pytest.mark.parametrize("typed", ["C004", "c004", "c 004"])
def test_an_id_typed_without_its_hyphen_is_found(db: sessionmaker[Session], typed: str) -> None:
    _seed(db)
    assert _names(db, typed) == ["Ferretería Pérez"]


def test_two_ids_that_differ_only_in_punctuation_are_both_offered(
    db: sessionmaker[Session],
) -> None:
    with db.begin() as s:
        builders.customer(s, "Uno", None, external_id="X-1")
        builders.customer(s, "Otro", None, external_id="X1")
    assert sorted(_names(db, "x1")) == ["Otro", "Uno"]


def test_the_names_are_read_ahead_only_where_the_process_holds_them(
    db: sessionmaker[Session],
) -> None:
    """`cobro run` reads them at its start on SQLite; PostgreSQL searches by itself."""
    _seed(db)
    with db() as s:
        count = s.scalar(select(func.count(Customer.id)))
        sqlite = s.get_bind().dialect.name == "sqlite"
    assert prepare_search(db) == (count if sqlite else 0)
    assert _names(db, "farmacia lozanno") == ["Farmacia Lozano"]
