"""The till's side of the outbox: the one writer of its events, which go next, and what the
platform said of them.

Every event is written through :func:`event_row` / :func:`append`, by the services in their own
transactions (a sale and its event commit together; PostgreSQL's one-round-trip sale,
:mod:`posapp.sales.fastpath`, inserts the same row from :func:`event_row`). Here they are read
in order, a batch at a time, and marked: ``sent_at`` when the
platform acknowledged them (applied now, or a duplicate of an earlier lost ack), ``rejected_at``
when it refused them for good. A refund never leaves before its sale: a batch stops short of a
refund whose sale is still unsent. Each till sends the events it wrote (several tills may share
one PostgreSQL outbox); events without a till (older rows) go with any.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid as uuidlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Text, bindparam, cast, func, insert, or_, select, update

from posapp.db.engine import UnitOfWork
from posapp.db.models import OutboxEvent, SyncState, utcnow

_t = OutboxEvent.__table__
_insert = insert(_t).inline()  # inline: no RETURNING, so it can travel in a Batch


# --- the one writer --------------------------------------------------------------------------


def event_row(
    kind: str,
    doc_uuid: str,
    payload: dict[str, Any] | None,
    *,
    at: dt.datetime,
    register_id: str | None,
    event_uuid: str | None = None,
) -> dict[str, Any]:
    """The outbox row of one event, as every writer inserts it: unsent, never tried, a fresh
    event uuid (unless given), and the till that wrote it (None: any till may send it)."""
    return {
        "event_uuid": event_uuid or str(uuidlib.uuid4()),
        "kind": kind,
        "doc_uuid": doc_uuid,
        "payload": payload,
        "created_at": at,
        "sent_at": None,
        "attempts": 0,
        "last_error": None,
        "register_id": register_id,
        "rejected_at": None,
    }


def append(
    uow: UnitOfWork,
    kind: str,
    doc_uuid: str,
    payload: dict[str, Any],
    *,
    at: dt.datetime,
    register_id: str | None,
    event_uuid: str | None = None,
) -> None:
    """Write one event in the caller's transaction (it commits with the document it tells of)."""
    uow.conn.execute(
        _insert,
        event_row(kind, doc_uuid, payload, at=at, register_id=register_id, event_uuid=event_uuid),
    )


# --- reading and marking ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Pending:
    """An unsent event; its payload stays the JSON text it was stored as (sent as is)."""

    id: int
    doc_uuid: str
    kind: str
    raw: str

    @property
    def payload(self) -> dict[str, Any]:
        return dict(json.loads(self.raw))

    def document(self) -> dict[str, Any]:
        return {"uuid": self.doc_uuid, "kind": self.kind, "payload": self.payload}

    def document_json(self) -> str:
        """The protocol document as JSON text, built around the stored payload text."""
        head = json.dumps({"uuid": self.doc_uuid, "kind": self.kind}, ensure_ascii=False)
        return f'{head[:-1]}, "payload": {self.raw}}}'


def _mine(register_id: str) -> Any:
    return or_(_t.c.register_id == register_id, _t.c.register_id.is_(None))


def next_batch(
    uow: UnitOfWork,
    register_id: str,
    limit: int,
    *,
    after_id: int = 0,
    in_flight: frozenset[str] = frozenset(),
) -> list[Pending]:
    """Up to ``limit`` unsent events in the order they were written, never a refund before
    its sale (the batch is cut before a refund whose sale is unsent and not earlier in it).

    ``after_id``/``in_flight``: the batch being sent right now (not marked yet) — its events
    are skipped, and its documents count as going before this batch."""
    conn = uow.conn
    rows = conn.execute(
        select(_t.c.id, _t.c.doc_uuid, _t.c.kind, cast(_t.c.payload, Text))
        .where(
            _t.c.sent_at.is_(None),
            _t.c.rejected_at.is_(None),
            _mine(register_id),
            _t.c.id > after_id,
        )
        .order_by(_t.c.id)
        .limit(limit)
    ).all()
    batch = [Pending(i, u, k, p) for i, u, k, p in rows]
    refunds = {p.doc_uuid: p.payload.get("original_uuid") for p in batch if p.kind == "refund"}
    originals = {o for o in refunds.values() if o}
    if not originals:
        return batch
    unsent = set(
        conn.execute(
            select(_t.c.doc_uuid).where(
                _t.c.doc_uuid.in_(sorted(originals)), _t.c.sent_at.is_(None)
            )
        ).scalars()
    )
    seen: set[str] = set(in_flight)
    for n, p in enumerate(batch):
        original = refunds.get(p.doc_uuid)
        if original in unsent and original not in seen:
            return batch[:n]
        seen.add(p.doc_uuid)
    return batch


def mark_sent(uow: UnitOfWork, ids: Sequence[int], at: dt.datetime | None = None) -> None:
    conn = uow.conn
    if ids:
        conn.execute(
            update(_t)
            .where(_t.c.id.in_(list(ids)))
            .values(sent_at=at or utcnow(), attempts=_t.c.attempts + 1, last_error=None)
        )


def mark_rejected(uow: UnitOfWork, rejected: dict[int, str], at: dt.datetime | None = None) -> None:
    """The platform refused these for good: kept, shown, never resent on their own."""
    conn = uow.conn
    if rejected:
        conn.execute(
            update(_t)
            .where(_t.c.id == bindparam("oid"))
            .values(
                rejected_at=at or utcnow(), attempts=_t.c.attempts + 1, last_error=bindparam("err")
            ),
            [{"oid": i, "err": e} for i, e in rejected.items()],
        )


def mark_attempted(uow: UnitOfWork, failed: dict[int, str]) -> None:
    """Tried and not taken yet (deferred, or the request failed): counted, kept pending."""
    conn = uow.conn
    if failed:
        conn.execute(
            update(_t)
            .where(_t.c.id == bindparam("oid"))
            .values(attempts=_t.c.attempts + 1, last_error=bindparam("err")),
            [{"oid": i, "err": e[:500]} for i, e in failed.items()],
        )


def retry_rejected(uow: UnitOfWork, register_id: str) -> int:
    """A manager fixed the cause: put rejected events back in the queue."""
    conn = uow.conn
    return int(
        conn.execute(
            update(_t)
            .where(_t.c.rejected_at.is_not(None), _mine(register_id))
            .values(rejected_at=None)
        ).rowcount
        or 0
    )


@dataclass(frozen=True, slots=True)
class OutboxCounts:
    pending: int
    rejected: int


def counts(uow: UnitOfWork, register_id: str) -> OutboxCounts:
    conn = uow.conn
    pending = conn.execute(
        select(func.count())
        .select_from(_t)
        .where(_t.c.sent_at.is_(None), _t.c.rejected_at.is_(None), _mine(register_id))
    ).scalar_one()
    rejected = conn.execute(
        select(func.count())
        .select_from(_t)
        .where(_t.c.sent_at.is_(None), _t.c.rejected_at.is_not(None), _mine(register_id))
    ).scalar_one()
    return OutboxCounts(int(pending), int(rejected))


# --- durable cursors ------------------------------------------------------------------------


def get_state(uow: UnitOfWork, key: str, default: str = "") -> str:
    conn = uow.conn
    value = conn.execute(select(SyncState.value).where(SyncState.key == key)).scalar_one_or_none()
    return default if value is None else value


def set_state(uow: UnitOfWork, key: str, value: str) -> None:
    conn = uow.conn
    t = SyncState.__table__
    changed = conn.execute(
        update(t).where(t.c.key == key).values(value=value, updated_at=utcnow())
    ).rowcount
    if not changed:
        conn.execute(t.insert().values(key=key, value=value, updated_at=utcnow()))
