"""The clock check around what a till writes: at start, before each sale, refund and shift close.

Owns :func:`guarded`, which runs one write in :meth:`Database.transact` with the register's
clock checked first in the same transaction (:mod:`posapp.sales.clock_guard`: no round trip
once the journal's latest time is known; the episode's audit event, when one begins or ends,
written before the write so it is never inside an open ``Batch``). After the commit the session
holds what the check found (:attr:`CheckoutSession.clock`), which the checkout window shows
until the clock is right again. Nothing is refused: the store keeps selling.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from posapp.db.engine import DatabaseUnavailable, UnitOfWork
from posapp.domain import calendar
from posapp.sales import clock_guard
from posapp.sales.clock_guard import ClockBehind

if TYPE_CHECKING:
    from posapp.usecases.checkout import CheckoutSession

T = TypeVar("T")


def guarded(s: CheckoutSession, fn: Callable[[UnitOfWork, dt.datetime], T]) -> T:
    """``fn(uow, now)`` in one transaction on the store's database, the clock checked first
    (``now`` is the instant checked: the write records that same time)."""
    register = s.settings.register_id
    user = s.user.id if s.user is not None else None
    found: list[ClockBehind | None] = [None]

    def run(uow: UnitOfWork) -> T:
        now = calendar.utc_now()
        found[0], _wrote = clock_guard.check(uow.conn, register, now, user)
        return fn(uow, now)

    engine = s.db.engine
    try:
        result = s.db.transact(run)
    except BaseException:
        clock_guard.forget(engine, register)  # the episode's event may have rolled back
        raise
    clock_guard.settled(engine, register, found[0])
    s.clock = found[0]
    return result


def check(s: CheckoutSession) -> ClockBehind | None:
    """Check the clock now (at start, at sign-in): what the screen should say, if anything."""
    if s.offline:
        return s.clock
    # the database out of reach: the session goes offline on its next write; checked again then
    with contextlib.suppress(DatabaseUnavailable):
        guarded(s, lambda _uow, _now: None)
    return s.clock


__all__ = ["ClockBehind", "check", "guarded"]
