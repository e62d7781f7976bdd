"""A product's stock movements, newest first: when, what, how much, which lot, who, why, and
the document behind it (receipt number, purchase order, count, online order, class).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, select
from sqlalchemy.orm import aliased

from posapp.db.engine import UnitOfWork
from posapp.db.models import GoodsReceipt, Lot, PurchaseOrder, Sale, StockCount, StockMovement, User
from posapp.domain import calendar

# --- movement history ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HistoryRow:
    id: int
    at: dt.datetime
    kind: str
    qty: int
    lot_code: str
    location: str
    reason: str
    user: str
    register_id: str | None
    doc_type: str
    doc_uuid: str
    document: str  # a human reference: receipt number, PO number, count date


def history(
    uow: UnitOfWork, product_id: int, *, limit: int = 100, before_id: int | None = None
) -> list[HistoryRow]:
    """A product's movements, newest first: who, when, why and which document."""
    sm = StockMovement
    gr_po = aliased(PurchaseOrder)
    q = (
        select(
            sm.id,
            sm.created_at,
            sm.kind,
            sm.qty,
            Lot.lot_code,
            Lot.location,
            sm.reason,
            User.name,
            sm.register_id,
            sm.doc_type,
            sm.doc_uuid,
            Sale.receipt_no,
            gr_po.number,
            StockCount.started_at,
        )
        .outerjoin(Lot, Lot.id == sm.lot_id)
        .outerjoin(User, User.id == sm.user_id)
        .outerjoin(Sale, and_(sm.doc_type.in_(("sale", "refund")), Sale.uuid == sm.doc_uuid))
        .outerjoin(GoodsReceipt, and_(sm.doc_type == "receipt", GoodsReceipt.uuid == sm.doc_uuid))
        .outerjoin(gr_po, gr_po.id == GoodsReceipt.po_id)
        .outerjoin(StockCount, and_(sm.doc_type == "count", StockCount.uuid == sm.doc_uuid))
        .where(sm.product_id == product_id)
        .order_by(sm.id.desc())
        .limit(limit)
    )
    if before_id is not None:
        q = q.where(sm.id < before_id)
    out = []
    for r in uow.conn.execute(q):
        if r[11]:
            document = r[11]
        elif r[9] == "receipt":
            document = r[12] or "입고(발주 없음)"
        elif r[13] is not None:
            document = f"재고조사 {calendar.business_day(r[13]).isoformat()}"
        else:
            document = r[9]
        out.append(
            HistoryRow(
                id=r[0],
                at=r[1],
                kind=r[2],
                qty=r[3],
                lot_code=r[4] or "",
                location=r[5] or "",
                reason=r[6] or "",
                user=r[7] or "",
                register_id=r[8],
                doc_type=r[9],
                doc_uuid=r[10],
                document=document,
            )
        )
    return out
