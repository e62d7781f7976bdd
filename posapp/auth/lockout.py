"""The lockout at every PIN prompt: wrong PINs counted in the database, so a restart forgets
nothing and, on PostgreSQL, every till sees the same counts.

Scopes (one ``pin_lockouts`` row each):

- ``till:<register>`` — every wrong PIN typed at that till (or ``till:cli`` for posapp-admin);
- ``user:<id>`` — every wrong PIN for a named user (the CLI's ``--user``);
- ``store`` — every wrong PIN at a prompt that names nobody (sign-in, a manager's approval),
  whichever till: a brute force moved to a second till meets the same count.

From :data:`DELAY_AFTER` failures on, the next try waits a growing delay (1, 2, 4, … seconds
after the last failure, refused unchecked while it runs); at :data:`LOCK_AFTER` the scope is
locked for the store policy's ``pin_lock_minutes``; a manager lifts a lock early
(:func:`lift`). A right PIN clears its till's and its user's count, not the store's (that one
is forgotten once no failure came for the lock time). Each failure, delay, lock and lift is an
audit event. The rows of a check are locked (``SELECT … FOR UPDATE`` on PostgreSQL, the
writer's ``BEGIN IMMEDIATE`` on SQLite), so two tills counting at once lose no failure.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from posapp import audit
from posapp.auth.error_codes import AuthErrorCode
from posapp.db.engine import UnitOfWork
from posapp.db.models import PinLockout, utcnow

log = logging.getLogger(__name__)

DELAY_AFTER = 5
LOCK_AFTER = 10
DEFAULT_LOCK_MINUTES = 15
STORE = "store"


def now() -> dt.datetime:
    """The lockout's clock (UTC); tests move it instead of sleeping through the delays."""
    return utcnow()


@dataclass(frozen=True)
class Refusal:
    """A prompt refused before its PIN is checked: locked, or the delay still running."""

    code: str
    message: str
    data: dict[str, object]


def till_scope(register_id: str) -> str:
    return f"till:{register_id}"


def user_scope(user_id: int) -> str:
    return f"user:{user_id}"


def scopes_for(register_id: str | None, user_id: int | None) -> list[str]:
    """The scopes a prompt counts in: its till (when it has one), and its user when named,
    else the store. A named prompt without a till (a manager lifting a lock) counts in the
    user's scope alone, so a locked till does not keep its manager out."""
    found = [] if register_id is None else [till_scope(register_id)]
    found.append(user_scope(user_id) if user_id is not None else STORE)
    return found


@dataclass(frozen=True)
class LockInfo:
    scope: str
    failures: int
    last_failure_at: dt.datetime | None
    locked_until: dt.datetime | None


def _rows(uow: UnitOfWork, scopes: Sequence[str]) -> list[PinLockout]:
    """The scopes' rows, created when missing and locked for this transaction."""
    conn = uow.conn
    values = [{"scope": sc, "failures": 0} for sc in scopes]
    if conn.dialect.name == "postgresql":
        conn.execute(pg_insert(PinLockout).values(values).on_conflict_do_nothing())
    else:
        conn.execute(sqlite_insert(PinLockout).values(values).on_conflict_do_nothing())
    query = select(PinLockout).where(PinLockout.scope.in_(list(scopes))).order_by(PinLockout.scope)
    if conn.dialect.name == "postgresql":
        query = query.with_for_update()
    return list(uow.session.scalars(query.execution_options(populate_existing=True)))


def _delay(failures: int) -> dt.timedelta:
    if failures < DELAY_AFTER:
        return dt.timedelta(0)
    return dt.timedelta(seconds=2 ** (failures - DELAY_AFTER))


REFUSALS = frozenset({AuthErrorCode.LOCKED.value, AuthErrorCode.PIN_WAIT.value})


def check(uow: UnitOfWork, scopes: Sequence[str], at: dt.datetime | None = None) -> Refusal | None:
    """Why the prompt is refused (``auth.locked`` or ``auth.pin_wait``) when one of ``scopes``
    is locked or its delay is running, else None; nothing is counted for a refused try."""
    at = at or now()
    for row in _rows(uow, scopes):
        if row.locked_until is not None and row.locked_until > at:
            return Refusal(
                AuthErrorCode.LOCKED,
                f"{row.scope} locked after too many wrong PINs",
                {"until": row.locked_until.isoformat(), "scope": row.scope},
            )
        if row.last_failure_at is not None:
            ready = row.last_failure_at + _delay(row.failures)
            if ready > at:
                seconds = max(1, int((ready - at).total_seconds() + 0.999))
                return Refusal(
                    AuthErrorCode.PIN_WAIT,
                    f"wait {seconds} s before the next PIN",
                    {"seconds": seconds, "scope": row.scope},
                )
    return None


def failed(
    uow: UnitOfWork,
    scopes: Sequence[str],
    *,
    register_id: str | None,
    prompt: str,
    lock_minutes: int = DEFAULT_LOCK_MINUTES,
    at: dt.datetime | None = None,
) -> dt.datetime | None:
    """Count a wrong PIN in each of ``scopes`` (the caller commits although it then raises);
    returns until when this failure locked a scope (None: nothing locked)."""
    at = at or now()
    locked_until: dt.datetime | None = None
    window = dt.timedelta(minutes=lock_minutes)
    for row in _rows(uow, scopes):
        expired = row.locked_until is not None and row.locked_until <= at
        quiet = row.last_failure_at is not None and at - row.last_failure_at > window
        if expired or quiet:
            row.failures, row.locked_until = 0, None
        row.failures += 1
        row.last_failure_at = at
        after: dict[str, object] = {"failures": row.failures, "prompt": prompt}
        audit.record(uow.conn, "pin.failed", None, register_id, row.scope, None, after, at)
        if row.failures == DELAY_AFTER:
            audit.record(uow.conn, "pin.delayed", None, register_id, row.scope, None, after, at)
        if row.failures >= LOCK_AFTER:
            row.locked_until = at + window
            row.failures = 0
            locked_until = row.locked_until
            log.warning("%s locked after %d wrong PINs", row.scope, LOCK_AFTER)
            locked = {"locked_until": row.locked_until.isoformat(), "prompt": prompt}
            audit.record(uow.conn, "pin.locked", None, register_id, row.scope, None, locked, at)
    uow.session.flush()
    return locked_until


def succeeded(uow: UnitOfWork, scopes: Sequence[str]) -> None:
    """A right PIN: its till's and its user's counts start again (the store's does not)."""
    mine = [sc for sc in scopes if sc != STORE]
    if mine:
        uow.session.execute(
            update(PinLockout)
            .where(PinLockout.scope.in_(mine))
            .values(failures=0, last_failure_at=None, locked_until=None)
        )


def locks(uow: UnitOfWork, at: dt.datetime | None = None) -> list[LockInfo]:
    """Every scope locked now or counting failures."""
    at = at or now()
    rows = uow.session.scalars(select(PinLockout).order_by(PinLockout.scope))
    return [
        LockInfo(r.scope, r.failures, r.last_failure_at, r.locked_until)
        for r in rows
        if r.failures or (r.locked_until is not None and r.locked_until > at)
    ]


def lift(
    uow: UnitOfWork,
    actor_id: int,
    scope: str | None = None,
    *,
    register_id: str | None = None,
) -> list[str]:
    """A manager lifts a lock early (one scope, or every one): counts and locks cleared, an
    audit event per scope naming who lifted it. Returns the scopes lifted."""
    found = [i.scope for i in locks(uow) if scope is None or i.scope == scope]
    if found:
        uow.session.execute(delete(PinLockout).where(PinLockout.scope.in_(found)))
    for sc in found:
        audit.record(uow.conn, "pin.unlocked", actor_id, register_id, sc, None, None)
    return found
