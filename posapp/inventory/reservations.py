"""Stock reservations: goods promised to an online order (or a class) but still on the shelf.

A reservation is not a ledger movement — nothing has left the store. ``available`` is on hand
minus what is actively reserved; consuming a reservation posts the real movement through the
ledger (first-expiring-first) and closes it; releasing it closes it and posts nothing.
Reservations of one source (an order, a class session) are handled together by its uuid.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, func, insert, select, update

from posapp.db.engine import UnitOfWork
from posapp.db.models import StockLevel, StockReservation, utcnow
from posapp.inventory.error_codes import StockErrorCode
from posapp.inventory.ledger import FLOOR, MovementRow, StockError, Take, take_fefo

ACTIVE = "active"
CONSUMED = "consumed"
RELEASED = "released"


@dataclass(frozen=True, slots=True)
class Shortage:
    product_id: int
    wanted: int
    available: int


def reserved(uow: UnitOfWork, product_ids: Sequence[int]) -> dict[int, int]:
    """Actively reserved quantity per product (products with none are left out)."""
    conn = uow.conn
    if not product_ids:
        return {}
    rows = conn.execute(
        select(StockReservation.product_id, func.sum(StockReservation.qty))
        .where(
            StockReservation.product_id.in_(sorted(set(product_ids))),
            StockReservation.status == ACTIVE,
        )
        .group_by(StockReservation.product_id)
    ).all()
    return {pid: int(q) for pid, q in rows}


def available(uow: UnitOfWork, product_ids: Sequence[int]) -> dict[int, int]:
    """On hand minus actively reserved, per product (may be negative after selling below zero)."""
    conn = uow.conn
    ids = sorted(set(product_ids))
    on_hand = dict(
        conn.execute(
            select(StockLevel.product_id, StockLevel.on_hand).where(StockLevel.product_id.in_(ids))
        ).all()
    )
    held = reserved(uow, ids)
    return {pid: int(on_hand.get(pid, 0)) - held.get(pid, 0) for pid in ids}


def shortages(uow: UnitOfWork, wants: Sequence[Take]) -> list[Shortage]:
    """Which of ``wants`` exceed what is available now."""
    total: dict[int, int] = {}
    for w in wants:
        total[w.product_id] = total.get(w.product_id, 0) + w.qty
    free = available(uow, list(total))
    return [
        Shortage(pid, q, free[pid]) for pid, q in sorted(total.items()) if q > max(free[pid], 0)
    ]


def reserve(
    uow: UnitOfWork,
    wants: Sequence[Take],
    *,
    source: str,
    source_uuid: str,
    at: dt.datetime | None = None,
) -> None:
    """Reserve each want for ``source_uuid`` (call :func:`shortages` first to refuse)."""
    conn = uow.conn
    rows = []
    for w in wants:
        if w.qty <= 0:
            raise StockError(
                "a reserved quantity must be positive", code=StockErrorCode.QTY, qty=w.qty
            )
        rows.append(
            {
                "uuid": str(uuidlib.uuid4()),
                "product_id": w.product_id,
                "qty": w.qty,
                "source": source,
                "source_uuid": source_uuid,
                "status": ACTIVE,
                "created_at": at or utcnow(),
                "closed_at": None,
            }
        )
    if rows:
        conn.execute(insert(StockReservation.__table__), rows)


def _close(conn: Connection, source_uuid: str, status: str, at: dt.datetime) -> list[Take]:
    t = StockReservation.__table__
    active = conn.execute(
        select(t.c.product_id, t.c.qty)
        .where(t.c.source_uuid == source_uuid, t.c.status == ACTIVE)
        .order_by(t.c.id)
    ).all()
    if active:
        conn.execute(
            update(t)
            .where(t.c.source_uuid == source_uuid, t.c.status == ACTIVE)
            .values(status=status, closed_at=at)
        )
    return [Take(pid, q) for pid, q in active]


def release(uow: UnitOfWork, source_uuid: str, at: dt.datetime | None = None) -> list[Take]:
    """Give back what ``source_uuid`` held; returns what was released."""
    conn = uow.conn
    return _close(conn, source_uuid, RELEASED, at or utcnow())


def consume(
    uow: UnitOfWork,
    source_uuid: str,
    *,
    kind: str,
    doc_type: str,
    user_id: int | None,
    register_id: str | None,
    at: dt.datetime | None = None,
    locations: Sequence[str] = (FLOOR,),
) -> list[MovementRow]:
    """Take what ``source_uuid`` held out of stock (FEFO, through the ledger) and close it.

    ``locations``: where the lots may be taken from (a class takes from the basement store room
    and the floor alike)."""
    conn = uow.conn
    now = at or utcnow()
    takes = _close(conn, source_uuid, CONSUMED, now)
    return take_fefo(
        uow,
        takes,
        kind=kind,
        doc_type=doc_type,
        doc_uuid=source_uuid,
        user_id=user_id,
        register_id=register_id,
        at=now,
        locations=locations,
    )
