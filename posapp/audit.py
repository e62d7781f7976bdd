"""The audit trail: who did what, when, on which till, with before/after.

Owns ``audit_events``: :func:`record` writes one in the caller's transaction (so an action and
its record commit together), :func:`list_events` reads them back filtered by the store's calendar
dates, user name and action (exact or prefix). Never a PIN, card number or token in it.

The events are a keyed chain like the journal's (:func:`posapp.secrets.keyed_link`), one chain
per register ("" for events of no register, such as the admin command's): each event holds its
chain's next number and ``hash = HMAC(key, prev_hash || canonical event)``, the head in
``audit_heads`` moves in the same transaction (locked), so a deleted, edited or inserted event,
a role or permission change among them, is found by :func:`verify`. :func:`record` reads the
head, so it is never called inside an open :class:`posapp.db.engine.Batch`.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, RowMapping, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from posapp.db.engine import UnitOfWork
from posapp.db.models import AuditEvent, AuditHead, User, utcnow
from posapp.domain import calendar
from posapp.secrets import keyed_link

GENESIS = "0" * 64
_CONTENT = ("uuid", "at", "user_id", "register_id", "action", "target", "before", "after")


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


_insert = insert(AuditEvent.__table__).inline()
_heads = AuditHead.__table__


def content(event: Mapping[str, Any] | RowMapping) -> str:
    """The canonical text of an event, what its link covers (the same written and read back)."""
    doc = {k: event[k] for k in _CONTENT}
    at = doc["at"]
    doc["at"] = at.astimezone(dt.UTC).isoformat(timespec="microseconds")
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def _take_head(conn: Connection, chain: str) -> tuple[int, str]:
    """The chain's head, locked until the transaction ends (created on first use)."""
    q = select(_heads.c.seq, _heads.c.hash).where(_heads.c.chain == chain).with_for_update()
    row = conn.execute(q).first()
    if row is None:
        dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
        conn.execute(
            dialect.insert(_heads).values(chain=chain, seq=0, hash=GENESIS).on_conflict_do_nothing()
        )
        row = conn.execute(q).one()
    return int(row[0]), str(row[1])


def _append(conn: Connection, event: dict[str, Any]) -> None:
    chain = event["register_id"] or ""
    seq, prev = _take_head(conn, chain)
    digest = keyed_link(prev, content(event))
    conn.execute(update(_heads).where(_heads.c.chain == chain).values(seq=seq + 1, hash=digest))
    conn.execute(
        _insert, {**event, "chain": chain, "seq": seq + 1, "prev_hash": prev, "hash": digest}
    )


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
    """Write one audit event in the caller's transaction, chained to its register's events."""
    _append(
        conn,
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


def insert_copies(conn: Connection, rows: Iterable[Mapping[str, Any]]) -> int:
    """Add events made elsewhere (the offline spool's) unless their uuid is here already,
    each chained on this database's chain. Returns how many were added."""
    t = AuditEvent.__table__
    added = 0
    for r in rows:
        if conn.execute(select(t.c.id).where(t.c.uuid == r["uuid"])).first() is not None:
            continue
        _append(conn, {k: r[k] for k in _CONTENT})
        added += 1
    return added


def upgrade_chains(conn: Connection) -> list[str]:
    """Chain the events written before the chain existed (NULL ``hash``), in the order written."""
    t = AuditEvent.__table__
    rows = conn.execute(select(t).where(t.c.hash.is_(None)).order_by(t.c.id)).mappings().all()
    for r in rows:
        chain = r["register_id"] or ""
        seq, prev = _take_head(conn, chain)
        digest = keyed_link(prev, content(r))
        conn.execute(update(_heads).where(_heads.c.chain == chain).values(seq=seq + 1, hash=digest))
        conn.execute(
            update(t)
            .where(t.c.id == r["id"])
            .values(chain=chain, seq=seq + 1, prev_hash=prev, hash=digest)
        )
    return [f"audit: {len(rows)} earlier events chained"] if rows else []


@dataclass(frozen=True, slots=True)
class AuditProblem:
    chain: str
    seq: int | None
    what: str

    def __str__(self) -> str:
        return f"audit {self.chain or '-'} #{self.seq}: {self.what}"


def verify(conn: Connection) -> list[AuditProblem]:
    """Walk each audit chain: numbers without gaps, every link keyed, the head at the last."""
    t = AuditEvent.__table__
    problems: list[AuditProblem] = []
    heads = {
        c: (s, h) for c, s, h in conn.execute(select(_heads.c.chain, _heads.c.seq, _heads.c.hash))
    }
    last: dict[str, tuple[int, str]] = {}
    q = select(t).order_by(t.c.chain, t.c.seq)
    current: str | None = None
    prev, expected = GENESIS, 1
    for r in conn.execute(q).mappings():
        if r["hash"] is None:
            problems.append(
                AuditProblem(r["register_id"] or "", None, f"event {r['uuid']} is not chained")
            )
            continue
        chain = r["chain"] or ""
        if chain != current:
            current, prev, expected = chain, GENESIS, 1
        if chain != (r["register_id"] or ""):
            problems.append(AuditProblem(chain, r["seq"], "event moved to another register"))
        if r["seq"] != expected:
            problems.append(AuditProblem(chain, r["seq"], f"events missing: expected #{expected}"))
        if r["prev_hash"] != prev:
            problems.append(AuditProblem(chain, r["seq"], "previous hash does not match the chain"))
        if keyed_link(r["prev_hash"], content(r)) != r["hash"]:
            problems.append(AuditProblem(chain, r["seq"], "event does not match its keyed hash"))
        prev, expected = r["hash"], r["seq"] + 1
        last[chain] = (r["seq"], r["hash"])
    for chain, head in heads.items():
        if last.get(chain, (0, GENESIS)) != head:
            problems.append(AuditProblem(chain, head[0], "head does not match the last event"))
    for chain in last.keys() - heads.keys():
        problems.append(AuditProblem(chain, None, "chain has no head"))
    return problems


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
