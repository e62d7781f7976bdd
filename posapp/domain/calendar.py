"""The store's time zone and business day: the one place that knows what time it is at the till.

Owns the store's zone and every conversion between an instant (stored and compared in UTC) and
the store's wall clock and calendar:

- :func:`store_zone` — the zone, ``Asia/Seoul`` until :func:`set_store_zone` is called, which
  the composition root does once at start-up with ``[store] timezone`` from the configuration
  (an unknown name raises :class:`TimeZoneError`; :func:`zone_named` checks a name alone);
- :func:`business_day` — the store's calendar day of an instant (a sale at 23:30 in Seoul is
  that day's, though it is already 14:30 UTC; one at 00:30 is the next day's);
- :func:`utc_now` — the instant now by the machine's clock, the one source every write reads
  (``posapp.db.models.utcnow`` is it); :func:`set_clock` replaces that source (a test that sets
  the clock back as a person would, by changing what the machine says, not what one module reads);
- :func:`now_local`, :func:`today`, :func:`to_local` — the store's clock and calendar now;
- :func:`local_instant`, :func:`day_start`, :func:`day_bounds`, :func:`period_bounds` — the
  UTC instants of a wall-clock time, and the half-open UTC range ``[start, end)`` of a business
  day or of a run of them, for queries over stored instants;
- :func:`utc_offset` — the zone's offset, for the SQL that turns a stored instant into an hour.

A naive ``datetime`` given to any function here is taken to be UTC (the database's convention);
every ``datetime`` returned is aware. Pure: the standard library only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from posapp.domain.error_codes import CalendarErrorCode
from posapp.domain.errors import DomainError

__all__ = [
    "DEFAULT_ZONE",
    "TimeZoneError",
    "business_day",
    "day_bounds",
    "day_start",
    "local_instant",
    "now_local",
    "period_bounds",
    "set_clock",
    "set_store_zone",
    "store_zone",
    "to_local",
    "today",
    "utc_now",
    "utc_offset",
    "zone_named",
]

DEFAULT_ZONE = "Asia/Seoul"
"""The store's zone until the configuration says otherwise (the ``[store] timezone`` default)."""

_ONE_DAY = dt.timedelta(days=1)


class TimeZoneError(DomainError):
    """A time-zone name that the IANA time-zone database does not know."""


def zone_named(name: str) -> ZoneInfo:
    """The zone called ``name`` (IANA, such as ``"Asia/Seoul"``); else :class:`TimeZoneError`."""
    if not isinstance(name, str) or not name.strip():
        raise TimeZoneError(
            f"a time zone is an IANA name such as 'Asia/Seoul', got {name!r}",
            code=CalendarErrorCode.UNKNOWN_ZONE,
            zone=name,
        )
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise TimeZoneError(
            f"unknown time zone {name!r}: use an IANA name such as 'Asia/Seoul'",
            code=CalendarErrorCode.UNKNOWN_ZONE,
            zone=name,
        ) from exc


_zone: ZoneInfo = zone_named(DEFAULT_ZONE)


def set_store_zone(name: str) -> ZoneInfo:
    """Make ``name`` the store's zone (once, at start-up, from ``[store] timezone``).

    The name is checked first: an unknown one raises :class:`TimeZoneError` and leaves the
    zone as it was. Returns the new zone.
    """
    global _zone
    _zone = zone_named(name)
    return _zone


def store_zone() -> ZoneInfo:
    """The store's time zone."""
    return _zone


def _aware(at: dt.datetime) -> dt.datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)


def to_local(at: dt.datetime) -> dt.datetime:
    """The instant ``at`` on the store's wall clock (naive means UTC)."""
    return _aware(at).astimezone(_zone)


def business_day(at: dt.datetime) -> dt.date:
    """The store's calendar day of the instant ``at`` (naive means UTC)."""
    return to_local(at).date()


def _system_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


_clock: Callable[[], dt.datetime] = _system_clock


def utc_now() -> dt.datetime:
    """The instant now, as the machine's clock says (aware, UTC): what every write records."""
    return _aware(_clock()).astimezone(dt.UTC)


def set_clock(source: Callable[[], dt.datetime] | None) -> Callable[[], dt.datetime]:
    """Read the time from ``source`` from now on (None: the machine's clock again).

    Returns the source it replaces. The till never sets it; a test does, to be a machine whose
    clock was set back (every write, check and screen of the process then sees that time)."""
    global _clock
    previous = _clock
    _clock = source if source is not None else _system_clock
    return previous


def now_local() -> dt.datetime:
    """Now, on the store's wall clock."""
    return utc_now().astimezone(_zone)


def today() -> dt.date:
    """The store's business day now."""
    return now_local().date()


def local_instant(day: dt.date, clock: dt.time | None = None) -> dt.datetime:
    """The UTC instant when the store's wall clock shows ``clock`` (midnight if none) on ``day``.

    A wall-clock time that daylight saving skips is read with the offset before the change (so
    the day's first instant is where the day really starts); one it repeats is the first one.
    """
    local = dt.datetime.combine(day, (clock or dt.time()).replace(tzinfo=None), _zone)
    return local.astimezone(dt.UTC)


def day_start(day: dt.date) -> dt.datetime:
    """The UTC instant where the business day ``day`` starts."""
    return local_instant(day)


def day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The UTC range ``[start, end)`` of the business day ``day``; ``end`` starts the next."""
    return period_bounds(day, day)


def period_bounds(first: dt.date, last: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The UTC range ``[start, end)`` of the business days ``first`` to ``last``, both included."""
    return day_start(first), day_start(last + _ONE_DAY)


def utc_offset(at: dt.datetime | None = None) -> dt.timedelta:
    """The store zone's offset from UTC at the instant ``at`` (now if none): +9 hours in Seoul."""
    offset = (to_local(at) if at is not None else now_local()).utcoffset()
    return offset if offset is not None else dt.timedelta(0)  # never None for a ZoneInfo
