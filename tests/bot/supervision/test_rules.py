"""Who may look at whose lists, who may move whose accounts, how --customers is read."""

from __future__ import annotations

import pytest

from bot.core.errors import BadInput, Forbidden
from bot.core.vocabulary import Role
from bot.supervision.rules import (
    answers_for,
    check_reassign,
    customer_list,
    may_look_at,
    may_move,
    require_may_look_at,
)
from bot.team.rules import Person

ADMIN = Person(1, "U0ADM", "Adela Admin", Role.ADMIN)
SARA = Person(2, "U0SARA", "Sara Jiménez", Role.SUPERVISOR)
RITA = Person(3, "U0RITA", "Rita Ríos", Role.SUPERVISOR)
ANA = Person(4, "U0ANA", "Ana Pérez", Role.COLLECTOR, supervisor_id=2)
LUIS = Person(5, "U0LUIS", "Luis Gómez", Role.COLLECTOR, supervisor_id=2)
OMAR = Person(6, "U0OMAR", "Omar Ortiz", Role.COLLECTOR, supervisor_id=3)
GONE = Person(7, "U0GONE", "Gil Ido", Role.COLLECTOR, supervisor_id=2, active=False)


@pytest.mark.parametrize(
    ("asker", "target", "allowed"),
    [
        (ADMIN, LUIS, True),
        (ADMIN, OMAR, True),
        (SARA, LUIS, True),
        (SARA, OMAR, False),
        (SARA, SARA, True),
        (LUIS, LUIS, True),
        (LUIS, ANA, False),
        (LUIS, SARA, False),
    ],
)
def test_who_may_look_at_whose_tasks_and_promises(asker, target, allowed) -> None:
    assert may_look_at(asker, target) is allowed


def test_a_collector_asking_for_someone_else_is_told_to_ask_for_their_own() -> None:
    with pytest.raises(Forbidden) as refused:
        require_may_look_at(LUIS, ANA)
    assert refused.value.key == "supervision.only_yours"
    with pytest.raises(Forbidden) as other_team:
        require_may_look_at(SARA, OMAR)
    assert other_team.value.key == "supervision.not_yours"


@pytest.mark.parametrize(
    ("actor", "giver", "taker", "allowed"),
    [
        (None, LUIS, OMAR, True),  # the command line
        (ADMIN, LUIS, OMAR, True),
        (SARA, LUIS, ANA, True),
        (SARA, GONE, ANA, True),  # someone who left: their accounts need a home
        (SARA, None, ANA, True),  # an orphan with no collector
        (SARA, LUIS, OMAR, False),  # Omar is Rita's
        (RITA, LUIS, OMAR, False),  # Luis is Sara's
        (ANA, LUIS, ANA, False),  # collectors do not move accounts
    ],
)
def test_who_may_move_accounts(actor, giver, taker, allowed) -> None:
    assert may_move(actor, giver, taker) is allowed


@pytest.mark.parametrize(
    ("giver", "taker", "key"),
    [
        (LUIS, LUIS, "supervision.same_person"),
        (LUIS, GONE, "supervision.taker_gone"),
        (LUIS, SARA, "supervision.taker_not_collector"),
    ],
)
def test_accounts_go_to_another_active_collector(giver, taker, key) -> None:
    with pytest.raises(BadInput) as refused:
        check_reassign(giver, taker)
    assert refused.value.key == key


def test_a_supervisor_answers_for_their_active_collectors_an_admin_for_all() -> None:
    team = [ADMIN, SARA, RITA, ANA, LUIS, OMAR, GONE]
    assert [p.name for p in answers_for(SARA, team)] == ["Ana Pérez", "Luis Gómez"]
    assert [p.name for p in answers_for(ADMIN, team)] == ["Ana Pérez", "Luis Gómez", "Omar Ortiz"]
    assert answers_for(LUIS, team) == []


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        (None, None),
        ("C-100", ["C-100"]),
        ("C-100,C-200", ["C-100", "C-200"]),
        (" C-100 ; C-200 C-100 ", ["C-100", "C-200"]),
    ],
)
def test_customers_named_on_the_command_line(text, ids) -> None:
    assert customer_list(text) == ids


def test_an_empty_customers_option_is_refused_not_read_as_all() -> None:
    with pytest.raises(BadInput):
        customer_list(" , ")
