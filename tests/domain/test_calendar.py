"""The store's time zone and business day (posapp.domain.calendar): which day an instant belongs
to, the UTC bounds of a day, a shift across midnight in Seoul, and setting the zone at start-up."""

from __future__ import annotations

import ast
import datetime as dt
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from posapp.domain import calendar
from posapp.domain.calendar import (
    DEFAULT_ZONE,
    TimeZoneError,
    business_day,
    day_bounds,
    day_start,
    local_instant,
    period_bounds,
    set_store_zone,
    store_zone,
    to_local,
    utc_offset,
    zone_named,
)

UTC = dt.UTC
HOUR = dt.timedelta(hours=1)

# zones with and without daylight saving, half- and quarter-hour offsets, a day-line crossing,
# and one (Santiago) whose clocks change at midnight
ZONES = [
    "Asia/Seoul",
    "UTC",
    "Europe/Berlin",
    "America/New_York",
    "America/Santiago",
    "America/St_Johns",
    "Asia/Kolkata",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Pacific/Kiritimati",
]

instants = st.datetimes(
    min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2040, 12, 31), timezones=st.just(UTC)
)
days = st.dates(min_value=dt.date(2000, 1, 2), max_value=dt.date(2040, 12, 30))
zones = st.sampled_from(ZONES)


@pytest.fixture(autouse=True)
def _seoul_again() -> Iterator[None]:
    """Every test starts and ends with the default zone, whatever it set."""
    set_store_zone(DEFAULT_ZONE)
    yield
    set_store_zone(DEFAULT_ZONE)


def kst(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), zone_named("Asia/Seoul"))


# --- the zone --------------------------------------------------------------------------------


def test_the_store_is_in_seoul_until_told_otherwise() -> None:
    assert store_zone().key == "Asia/Seoul" == DEFAULT_ZONE
    assert utc_offset() == 9 * HOUR


def test_set_store_zone_changes_the_business_day() -> None:
    at = dt.datetime(2026, 11, 30, 20, 0, tzinfo=UTC)  # 05:00 on 12-01 in Seoul
    assert business_day(at) == dt.date(2026, 12, 1)
    assert set_store_zone("Europe/Berlin").key == "Europe/Berlin"
    assert store_zone().key == "Europe/Berlin"
    assert business_day(at) == dt.date(2026, 11, 30)
    assert utc_offset(at) == HOUR


@pytest.mark.parametrize(
    "name", ["", "  ", "Asia/Seol", "Mars/Olympus_Mons", "../etc/passwd", "Asia"]
)
def test_an_unknown_zone_is_refused_and_the_zone_stays(name: str) -> None:
    set_store_zone("Asia/Seoul")
    with pytest.raises(TimeZoneError) as caught:
        set_store_zone(name)
    assert caught.value.code == "calendar.unknown_zone"
    assert caught.value.data == {"zone": name}
    assert repr(name) in str(caught.value)
    assert store_zone().key == "Asia/Seoul"


def test_a_zone_error_survives_pickling() -> None:
    with pytest.raises(TimeZoneError) as caught:
        zone_named("Nowhere/Town")
    again = pickle.loads(pickle.dumps(caught.value))
    assert (type(again), again.code, str(again)) == (
        TimeZoneError,
        "calendar.unknown_zone",
        str(caught.value),
    )


def test_a_name_with_spaces_around_is_read() -> None:
    assert set_store_zone(" Asia/Seoul ").key == "Asia/Seoul"


# --- business day ----------------------------------------------------------------------------


def test_a_sale_late_in_the_evening_is_that_days_and_after_midnight_the_next_days() -> None:
    day = dt.date(2026, 11, 30)
    assert business_day(kst(day, 23, 30)) == day  # 14:30 UTC
    assert business_day(kst(day, 23, 30).astimezone(UTC)) == day
    assert business_day(dt.datetime(2026, 11, 30, 15, 30, tzinfo=UTC)) == dt.date(2026, 12, 1)


def test_a_naive_instant_is_utc() -> None:
    naive = dt.datetime(2026, 11, 30, 15, 30)
    assert business_day(naive) == dt.date(2026, 12, 1)
    assert to_local(naive) == naive.replace(tzinfo=UTC)
    assert to_local(naive).tzinfo is store_zone()


@given(instants)
def test_to_local_is_the_same_instant_on_the_store_clock(at: dt.datetime) -> None:
    local = to_local(at)
    assert local == at
    assert local.tzinfo is store_zone()
    assert local.utcoffset() == 9 * HOUR  # Korea keeps UTC+9 all year


@given(instants, zones)
def test_an_instant_lies_within_the_bounds_of_its_business_day(at: dt.datetime, zone: str) -> None:
    set_store_zone(zone)
    start, end = day_bounds(business_day(at))
    assert start <= at < end
    assert start.tzinfo is UTC and end.tzinfo is UTC


@given(days, zones)
def test_days_follow_each_other_without_gap_or_overlap(day: dt.date, zone: str) -> None:
    set_store_zone(zone)
    start, end = day_bounds(day)
    assert end == day_bounds(day + dt.timedelta(days=1))[0]
    assert 22 * HOUR <= end - start <= 26 * HOUR
    assert business_day(start) == day
    assert business_day(end - dt.timedelta(microseconds=1)) == day
    assert business_day(end) == day + dt.timedelta(days=1)


@given(days)
def test_a_seoul_day_is_24_hours_from_15_00_utc_the_day_before(day: dt.date) -> None:
    start, end = day_bounds(day)
    assert start == dt.datetime.combine(day - dt.timedelta(days=1), dt.time(15), UTC)
    assert end - start == 24 * HOUR
    assert day_start(day) == start


@given(days, st.integers(min_value=0, max_value=60))
def test_period_bounds_run_from_the_first_days_start_to_the_last_days_end(
    first: dt.date, length: int
) -> None:
    last = first + dt.timedelta(days=length)
    lo, hi = period_bounds(first, last)
    assert lo == day_bounds(first)[0]
    assert hi == day_bounds(last)[1]
    assert hi - lo == (length + 1) * 24 * HOUR


@given(days, st.times(), zones)
def test_local_instant_is_on_its_day(day: dt.date, clock: dt.time, zone: str) -> None:
    set_store_zone(zone)
    at = local_instant(day, clock)
    assert at.tzinfo is UTC
    assert business_day(at) in (day, day + dt.timedelta(days=1))  # a skipped hour moves on
    if zone == "Asia/Seoul":
        assert business_day(at) == day
        assert to_local(at).time() == clock.replace(tzinfo=None)


# --- a shift across midnight -----------------------------------------------------------------


def test_a_shift_across_midnight_kst_spans_two_business_days_but_one_utc_date() -> None:
    day = dt.date(2026, 11, 30)
    opened, closed = kst(day, 23, 0), kst(day + dt.timedelta(days=1), 1, 0)
    assert opened.astimezone(UTC).date() == closed.astimezone(UTC).date() == day  # 14:00, 16:00
    assert (business_day(opened), business_day(closed)) == (day, day + dt.timedelta(days=1))
    midnight = day_bounds(day)[1]
    assert opened < midnight <= closed
    assert midnight == dt.datetime(2026, 11, 30, 15, 0, tzinfo=UTC)


@given(
    days,
    st.timedeltas(min_value=dt.timedelta(microseconds=1), max_value=12 * HOUR),
    st.timedeltas(min_value=dt.timedelta(0), max_value=12 * HOUR),
)
def test_a_shift_is_split_at_seoul_midnight_wherever_it_starts_and_ends(
    day: dt.date, before: dt.timedelta, after: dt.timedelta
) -> None:
    midnight = day_start(day + dt.timedelta(days=1))
    opened, closed = midnight - before, midnight + after
    assert business_day(opened) == day
    assert business_day(closed) == day + dt.timedelta(days=1)
    first, second = day_bounds(day), day_bounds(day + dt.timedelta(days=1))
    assert first[0] <= opened < first[1] == second[0] <= closed < second[1]


# --- now -------------------------------------------------------------------------------------


def test_now_and_today_are_on_the_store_clock() -> None:
    before = dt.datetime.now(UTC)
    local, day = calendar.now_local(), calendar.today()
    after = dt.datetime.now(UTC)
    assert local.tzinfo is store_zone()
    assert before <= local <= after
    assert day in (business_day(before), business_day(after))


# --- one owner -------------------------------------------------------------------------------

REPO = Path(__file__).resolve().parents[2]
OWNER = "posapp/domain/calendar.py"
CONFIG = "posapp/config"  # the `[store] timezone` default may name the zone (module or package)


def _zone_makers(path: Path) -> list[str]:
    """``file:line`` of every zone made outside the calendar: ``ZoneInfo(...)``, a fixed
    ``timezone(timedelta(...))`` offset, or the name ``"Asia/Seoul"`` outside a docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    rel = path.relative_to(REPO).as_posix()
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            first = node.args[0] if node.args else None
            fixed = name == "timezone" and isinstance(first, ast.Call)
            if name == "ZoneInfo" or fixed:
                found.append(f"{rel}:{node.lineno}")
        elif (
            isinstance(node, ast.Constant)
            and node.value == "Asia/Seoul"
            and id(node) not in docstrings
            and not rel.startswith(CONFIG)
        ):
            found.append(f"{rel}:{node.lineno}")
    return found


def test_no_module_but_the_calendar_makes_the_store_zone() -> None:
    files = [
        p
        for root in ("posapp", "posapp_devtools")
        for p in sorted((REPO / root).rglob("*.py"))
        if p.relative_to(REPO).as_posix() != OWNER
    ]
    assert [hit for p in files for hit in _zone_makers(p)] == []
