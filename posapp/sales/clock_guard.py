"""A till whose clock is behind its own journal: noticed, recorded once, and numbered right.

Owns the rule for a clock set back (issue 19, item 6). The till keeps selling — stopping the
store until someone finds the clock settings is worse than a sale stamped with a wrong time —
but it never lets the wrong time reorder what it numbers, and it says so:

- :func:`behind` — the clock is behind when it reads more than :data:`TOLERANCE` earlier than
  the latest entry of the register's journal chain (:func:`posapp.sales.journal.latest_time`,
  read once per process and then kept by every append: no round trip on the sale path);
- :func:`numbering_day` — the business day a sale, refund or shift is numbered and counted on:
  the clock's day, and while an episode is open the later of the clock's day and the day of the
  chain's latest entry, so a sale made while the clock says yesterday takes the next number of
  today (never yesterday's sequence again) and is counted in today's Z; a write outside an
  episode with an explicit earlier time (a test, a back-dated import) keeps the day it names;
- :func:`episode_change` / :func:`record_episode` / :func:`settled` — one audit event when an
  episode begins (``clock.behind``, with both times and the chain's head) and one when the clock
  has caught up (``clock.ok``), not one per sale. The state is read from the last such event of
  the register (so a restart during an episode does not record it twice) and kept per engine
  once the transaction that recorded it committed (:func:`settled`).

What the sale records as its time is the clock's reading, as it was: the accountant gets the
time the till believed, the chain's order (``seq``) stays the truth of what came first, and
``verify`` lists each step back in time with both times, explained by the episode's event.
"""

from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, select

from posapp import audit
from posapp.db.models import AuditEvent
from posapp.domain import calendar
from posapp.sales import journal

#: how far the clock may read behind the journal's latest entry before it is "set back" (NTP
#: steps, two processes of one register a few milliseconds apart, a slow commit)
TOLERANCE = dt.timedelta(minutes=2)
BEHIND = "clock.behind"
CAUGHT_UP = "clock.ok"

_EPISODES: weakref.WeakKeyDictionary[Engine, dict[str, bool]] = weakref.WeakKeyDictionary()


@dataclass(frozen=True, slots=True)
class ClockBehind:
    """The register's clock reads ``now``, earlier than its journal's latest entry."""

    register_id: str
    now: dt.datetime
    latest: dt.datetime

    @property
    def behind_by(self) -> dt.timedelta:
        return self.latest - self.now


def behind(conn: Connection, register_id: str, now: dt.datetime) -> ClockBehind | None:
    """The clock reading ``now`` is behind the register's journal, or None (it is not)."""
    return behind_of(register_id, now, journal.latest_time(conn, register_id))


def behind_of(register_id: str, now: dt.datetime, latest: dt.datetime | None) -> ClockBehind | None:
    """The clock reading ``now`` is behind ``latest`` (the register's latest entry), or None."""
    if latest is None or now >= latest - TOLERANCE:
        return None
    return ClockBehind(register_id, now, latest)


def day_of(now: dt.datetime, state: ClockBehind | None) -> dt.date:
    """The numbering day of a write at ``now``: the clock's business day, or while the clock is
    behind (``state``) the later of it and the day of the register's latest entry."""
    day = calendar.business_day(now)
    return day if state is None else max(day, calendar.business_day(state.latest))


def known_latest(engine: Engine, register_id: str) -> dt.datetime | None:
    """The register's latest journal time this process already knows of ``engine`` (no query:
    what a till that just lost its server still knows)."""
    return journal.known_latest(engine, register_id)


def numbering_day(conn: Connection, register_id: str, now: dt.datetime) -> dt.date:
    """The business day a document made at ``now`` is numbered and counted on.

    The clock's business day of ``now`` — unless the register's clock is behind (a
    ``clock.behind`` episode is open): then never before the day of the register's latest
    journal entry, so a sale made while the clock says yesterday takes today's next number and
    is counted in today's Z and reports, not in a day already closed. Outside an episode a write
    with an explicit earlier ``now`` (a test, a back-dated import) keeps the day it names."""
    day = calendar.business_day(now)
    if not _in_episode(conn, register_id):
        return day
    latest = journal.latest_time(conn, register_id)
    if latest is None:
        return day
    return max(day, calendar.business_day(latest))


def _in_episode(conn: Connection, register_id: str) -> bool:
    known = _EPISODES.setdefault(conn.engine, {})
    if register_id not in known:
        a = AuditEvent.__table__
        last = conn.execute(
            select(a.c.action)
            .where(a.c.register_id == register_id, a.c.action.in_((BEHIND, CAUGHT_UP)))
            .order_by(a.c.id.desc())
            .limit(1)
        ).scalar()
        known[register_id] = last == BEHIND
    return known[register_id]


def episode_change(conn: Connection, register_id: str, state: ClockBehind | None) -> str | None:
    """The audit action this check begins or ends an episode with, or None (no change)."""
    was = _in_episode(conn, register_id)
    if was == (state is not None):
        return None
    return BEHIND if state is not None else CAUGHT_UP


def record_episode(
    conn: Connection,
    register_id: str,
    state: ClockBehind | None,
    now: dt.datetime,
    user_id: int | None,
) -> bool:
    """Write the episode's audit event if this check begins or ends one; True if it did.

    Call it outside any open :class:`~posapp.db.engine.Batch` (the audit chain reads its head),
    then :func:`settled` once the transaction committed or :func:`forget` if it rolled back."""
    action = episode_change(conn, register_id, state)
    if action is None:
        return False
    seq = journal.heads(conn).get(register_id, (0, journal.GENESIS))[0]
    after: dict[str, object] = {"clock": now.astimezone(dt.UTC).isoformat(), "seq": seq}
    if state is not None:
        after["latest"] = state.latest.astimezone(dt.UTC).isoformat()
        after["behind_seconds"] = int(state.behind_by.total_seconds())
    audit.record(conn, action, user_id, register_id, f"register {register_id}", None, after, now)
    # the write after it in this transaction is numbered by the episode it began or ended
    # (kept if the transaction commits, :func:`settled`; dropped if it rolls back, :func:`forget`)
    _EPISODES.setdefault(conn.engine, {})[register_id] = state is not None
    return True


def settled(engine: Engine, register_id: str, state: ClockBehind | None) -> None:
    """The transaction that checked the clock committed: the episode is as ``state`` says."""
    _EPISODES.setdefault(engine, {})[register_id] = state is not None


def forget(engine: Engine, register_id: str) -> None:
    """Read the episode from the audit trail again next time (a transaction rolled back)."""
    _EPISODES.get(engine, {}).pop(register_id, None)


def check(
    conn: Connection, register_id: str, now: dt.datetime, user_id: int | None
) -> tuple[ClockBehind | None, bool]:
    """The clock check before a sale, refund or shift close, in its transaction: whether the
    clock is behind, and whether an episode's audit event was written (then :func:`settled`)."""
    state = behind(conn, register_id, now)
    return state, record_episode(conn, register_id, state, now, user_id)


__all__ = [
    "BEHIND",
    "CAUGHT_UP",
    "TOLERANCE",
    "ClockBehind",
    "behind",
    "behind_of",
    "check",
    "day_of",
    "episode_change",
    "forget",
    "known_latest",
    "numbering_day",
    "record_episode",
    "settled",
]
