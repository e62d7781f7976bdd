"""The audit trail: who did what, when, on which till, with before/after.

Owns ``audit_events``: :func:`record` writes one in the caller's transaction (so an action and
its record commit together), :func:`list_events` reads them back filtered by the store's calendar
dates, user name and action (exact or prefix). Never a PIN, card number or token in it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select

from posapp.db.engine import UnitOfWork
from posapp.db.models import AuditEvent, User, utcnow
from posapp.domain import calendar


@dataclass(frozen=True, slots=True)
class AuditFilter:
    since: dt.date | None = None  # the store's dates, inclusive
    until: dt.date | None = None
    user: str | None = None  # user name
    action: str | None = None  # exact action or a prefix ("perm" matches perm.grant)
    limit: int = 500


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: int
    at: dt.datetime  # UTC
    register_id: str | None
    user_id: int | None
    user_name: str | None
    action: str
    target: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    @property
    def at_local(self) -> dt.datetime:
        return calendar.to_local(self.at)


_insert = insert(AuditEvent.__table__).inline()  # no RETURNING: can travel in a Batch


def record(
    conn: Connection,
    action: str,
    user_id: int | None,
    register_id: str | None,
    target: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    at: dt.datetime | None = None,
) -> None:
    """Write one audit event in the caller's transaction."""
    conn.execute(
        _insert,
        {
            "uuid": str(uuid.uuid4()),
            "at": at or utcnow(),
            "user_id": user_id,
            "register_id": register_id,
            "action": action,
            "target": target[:120],
            "before": before,
            "after": after,
        },
    )


def _day_start(day: dt.date) -> dt.datetime:
    return calendar.day_start(day)


def list_events(uow: UnitOfWork, flt: AuditFilter = AuditFilter()) -> list[AuditRow]:
    """Audit events matching ``flt``, newest first."""
    a = AuditEvent.__table__
    u = User.__table__
    q = select(a, u.c.name.label("user_name")).select_from(a.outerjoin(u, u.c.id == a.c.user_id))
    if flt.since is not None:
        q = q.where(a.c.at >= _day_start(flt.since))
    if flt.until is not None:
        q = q.where(a.c.at < _day_start(flt.until + dt.timedelta(days=1)))
    if flt.user:
        q = q.where(u.c.name == flt.user.strip())
    if flt.action:
        action = flt.action.strip()
        q = q.where((a.c.action == action) | a.c.action.startswith(action + "."))
    q = q.order_by(a.c.at.desc(), a.c.id.desc()).limit(max(1, flt.limit))
    return [
        AuditRow(
            id=r["id"],
            at=r["at"],
            register_id=r["register_id"],
            user_id=r["user_id"],
            user_name=r["user_name"],
            action=r["action"],
            target=r["target"],
            before=r["before"],
            after=r["after"],
        )
        for r in uow.conn.execute(q).mappings()
    ]


def actions(uow: UnitOfWork) -> list[str]:
    """The distinct actions recorded so far (for a filter's choices)."""
    a = AuditEvent.__table__
    return sorted(uow.conn.execute(select(a.c.action).distinct()).scalars())
