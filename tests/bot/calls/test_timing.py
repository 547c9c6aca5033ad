"""When the call modal opens: inside the customer's hours, or a warning with the next
allowed moment. A table over the rules; Mexico City's team, Monday 23 November 2026."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest

from bot.calls.timing import call_timing
from bot.core.config import load_settings
from bot.core.policy import Policy
from bot.customers.rules import Reach, Timing

MX = ZoneInfo("America/Mexico_City")
POLICY = Policy.from_settings(
    load_settings(_env_file=None, cobro_timezone=MX.key, cobro_country="MX")
)
BOGOTA = Reach("America/Bogota", "1,2,3,4,5", time(7), time(17))


def _mx(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=MX)


@pytest.mark.parametrize(
    ("reach", "now", "attempts", "problem", "slot"),
    [
        (Reach(), _mx(23, 10), 0, None, None),
        (Reach(), _mx(23, 7, 30), 0, Timing.EARLY, _mx(23, 8)),
        (Reach(), _mx(23, 18, 0), 0, Timing.LATE, _mx(24, 8)),
        (Reach(), _mx(27, 19), 0, Timing.LATE, _mx(30, 8)),  # Friday evening → Monday
        (Reach(), _mx(21, 10), 0, Timing.NOT_A_CALLING_DAY, _mx(23, 8)),  # Saturday
        (Reach(), _mx(16, 10), 0, Timing.NOT_A_CALLING_DAY, _mx(17, 8)),  # Revolution Day
        (Reach(), _mx(23, 10), 1, Timing.CONTACT_CAP, _mx(24, 8)),  # one call a day
        # Bogotá is an hour ahead: 16:30 in Mexico is 17:30 there, past their 17:00
        (BOGOTA, _mx(23, 16, 30), 0, Timing.LATE, _mx(24, 6)),
        (BOGOTA, _mx(23, 15, 30), 0, None, None),
        (Reach(call_days="1,3"), _mx(24, 10), 0, Timing.NOT_A_CALLING_DAY, _mx(25, 8)),
    ],
)
def test_call_timing(
    reach: Reach,
    now: datetime,
    attempts: int,
    problem: Timing | None,
    slot: datetime | None,
) -> None:
    timing = call_timing(reach, now, POLICY, attempts)
    if problem is None:
        assert timing is None
        return
    assert timing is not None
    assert timing.problem == problem
    assert timing.next_slot == slot
