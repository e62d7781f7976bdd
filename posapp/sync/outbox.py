"""The till's side of the outbox: which events go next, and what the platform said of them.

Events are written by the services in their own transactions (a sale and its event commit
together). Here they are read in order, a batch at a time, and marked: ``sent_at`` when the
platform acknowledged them (applied now, or a duplicate of an earlier lost ack), ``rejected_at``
when it refused them for good. A refund never leaves before its sale: a batch stops short of a
refund whose sale is still unsent. Each till sends the events it wrote (several tills may share
one PostgreSQL outbox); events without a till (older rows) go with any.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Text, bindparam, cast, func, or_, select, update

from posapp.db.models import OutboxEvent, SyncState, utcnow

_t = OutboxEvent.__table__


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
    conn: Connection,
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


def mark_sent(conn: Connection, ids: Sequence[int], at: dt.datetime | None = None) -> None:
    if ids:
        conn.execute(
            update(_t)
            .where(_t.c.id.in_(list(ids)))
            .values(sent_at=at or utcnow(), attempts=_t.c.attempts + 1, last_error=None)
        )


def mark_rejected(
    conn: Connection, rejected: dict[int, str], at: dt.datetime | None = None
) -> None:
    """The platform refused these for good: kept, shown, never resent on their own."""
    if rejected:
        conn.execute(
            update(_t)
            .where(_t.c.id == bindparam("oid"))
            .values(
                rejected_at=at or utcnow(), attempts=_t.c.attempts + 1, last_error=bindparam("err")
            ),
            [{"oid": i, "err": e} for i, e in rejected.items()],
        )


def mark_attempted(conn: Connection, failed: dict[int, str]) -> None:
    """Tried and not taken yet (deferred, or the request failed): counted, kept pending."""
    if failed:
        conn.execute(
            update(_t)
            .where(_t.c.id == bindparam("oid"))
            .values(attempts=_t.c.attempts + 1, last_error=bindparam("err")),
            [{"oid": i, "err": e[:500]} for i, e in failed.items()],
        )


def retry_rejected(conn: Connection, register_id: str) -> int:
    """A manager fixed the cause: put rejected events back in the queue."""
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


def counts(conn: Connection, register_id: str) -> OutboxCounts:
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


def get_state(conn: Connection, key: str, default: str = "") -> str:
    value = conn.execute(select(SyncState.value).where(SyncState.key == key)).scalar_one_or_none()
    return default if value is None else value


def set_state(conn: Connection, key: str, value: str) -> None:
    t = SyncState.__table__
    changed = conn.execute(
        update(t).where(t.c.key == key).values(value=value, updated_at=utcnow())
    ).rowcount
    if not changed:
        conn.execute(t.insert().values(key=key, value=value, updated_at=utcnow()))
