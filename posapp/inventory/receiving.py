"""Receiving goods: ``goods_receipts`` / ``goods_receipt_lines``.

Receiving, against a sent purchase order or ad hoc, makes one lot per line with its expiry date
and unit cost and posts the receipt movement; receiving more than was ordered is allowed (the
driver brought it, the store keeps it) and recorded per line as ``over_ordered``; the order's
received quantities and status follow.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, insert, select, update

from posapp.db.engine import UnitOfWork, inserted_id
from posapp.db.models import (
    GoodsReceipt,
    GoodsReceiptLine,
    Product,
    PurchaseOrder,
    PurchaseOrderLine,
    utcnow,
)
from posapp.domain import calendar
from posapp.inventory import ledger
from posapp.inventory.error_codes import InventoryErrorCode
from posapp.inventory.ledger import FLOOR
from posapp.inventory.purchasing import POStatus, order_status, supplier_name
from posapp.inventory.stock import InventoryError, _location, _positive


@dataclass(frozen=True, slots=True)
class ReceiveLine:
    """One line received: ``qty`` base units; expiry defaults to today + the shelf life."""

    product_id: int
    qty: int
    expiry_date: dt.date | None = None
    unit_cost: int | None = None
    lot_code: str = ""


@dataclass(frozen=True, slots=True)
class ReceivedLine:
    product_id: int
    lot_id: int
    qty: int
    over_ordered: int
    expiry_date: dt.date | None
    unit_cost: int | None


@dataclass(frozen=True, slots=True)
class GoodsReceiptInfo:
    id: int
    uuid: str
    po_id: int | None
    po_status: str | None
    lines: tuple[ReceivedLine, ...]

    @property
    def over_ordered(self) -> int:
        return sum(ln.over_ordered for ln in self.lines)


def receive(
    uow: UnitOfWork,
    lines: Sequence[ReceiveLine],
    *,
    user_id: int,
    po_id: int | None = None,
    supplier_id: int | None = None,
    location: str = FLOOR,
    note: str = "",
    now: dt.datetime | None = None,
) -> GoodsReceiptInfo:
    """Receive goods: one lot per line. Against a sent or partly received order, its lines'
    received quantities go up (beyond the ordered quantity too, recorded as over-ordered;
    products not on the order are accepted as extra lines) and the order becomes partial or
    received. Ad hoc (no order) every unit is simply received."""
    if not lines:
        raise InventoryError("nothing to receive", code=InventoryErrorCode.RECEIVE_EMPTY)
    conn = uow.conn
    _location(location)
    now = now or utcnow()
    today = calendar.business_day(now)
    po_lines: dict[int, list[int]] = {}  # product -> [line id, remaining]
    if po_id is not None:
        status, po_supplier = order_status(uow, po_id)
        if status not in (POStatus.SENT, POStatus.PARTIAL):
            raise InventoryError(
                f"the order is {status}: only a sent order is received against",
                code=InventoryErrorCode.PO_NOT_OPEN,
                status=status,
            )
        if supplier_id is not None and supplier_id != po_supplier:
            raise InventoryError(
                "the order is from another supplier", code=InventoryErrorCode.SUPPLIER
            )
        supplier_id = po_supplier
        for lid, pid, ordered, got in conn.execute(
            select(
                PurchaseOrderLine.id,
                PurchaseOrderLine.product_id,
                PurchaseOrderLine.qty_ordered,
                PurchaseOrderLine.qty_received,
            ).where(PurchaseOrderLine.po_id == po_id)
        ):
            po_lines[pid] = [lid, max(0, ordered - got)]
    elif supplier_id is not None:
        supplier_name(uow, supplier_id)
    pids = sorted({ln.product_id for ln in lines})
    shelf = dict(
        conn.execute(select(Product.id, Product.shelf_life_days).where(Product.id.in_(pids))).all()
    )
    for ln in lines:
        if ln.product_id not in shelf:
            raise InventoryError(
                f"no product {ln.product_id}",
                code=InventoryErrorCode.UNKNOWN_PRODUCT,
                product_id=ln.product_id,
            )
        _positive(ln.qty, "received quantity")
        if ln.unit_cost is not None and (not isinstance(ln.unit_cost, int) or ln.unit_cost < 0):
            raise InventoryError(
                "a unit cost is whole won, 0 or more", code=InventoryErrorCode.COST
            )
        if ln.expiry_date is not None and ln.expiry_date < today:
            raise InventoryError(
                f"expiry {ln.expiry_date} is already past",
                code=InventoryErrorCode.EXPIRED,
                product_id=ln.product_id,
            )
    gr_uuid = str(uuidlib.uuid4())
    gr_id = inserted_id(
        conn.execute(
            insert(GoodsReceipt.__table__).values(
                uuid=gr_uuid,
                po_id=po_id,
                supplier_id=supplier_id,
                user_id=user_id,
                received_at=now,
                note=note,
            )
        )
    )
    ledger.lock_products(uow, pids)
    received: list[ReceivedLine] = []
    rows = []
    moves: list[ledger.MovementRow] = []
    new_qty: dict[int, int] = {}
    for ln in lines:
        expiry = ln.expiry_date
        shelf_days = shelf[ln.product_id]
        if expiry is None and shelf_days:
            expiry = today + dt.timedelta(days=int(shelf_days))
        cost = ln.unit_cost
        line_id: int | None = None
        over = ln.qty
        if ln.product_id in po_lines:
            line_id, remaining = po_lines[ln.product_id]
            over = max(0, ln.qty - remaining)
            po_lines[ln.product_id][1] = max(0, remaining - ln.qty)
            new_qty[line_id] = new_qty.get(line_id, 0) + ln.qty
        elif po_id is None:
            over = 0
        if cost is None and line_id is not None:
            cost = conn.execute(
                select(PurchaseOrderLine.unit_cost).where(PurchaseOrderLine.id == line_id)
            ).scalar()
        lot_id = ledger.new_lot(
            uow,
            ln.product_id,
            ln.qty,
            expiry_date=expiry,
            unit_cost=cost,
            lot_code=ln.lot_code,
            received_at=now,
            location=location,
        )
        moves.append(ledger.MovementRow(ln.product_id, lot_id, ln.qty))
        received.append(ReceivedLine(ln.product_id, lot_id, ln.qty, over, expiry, cost))
        rows.append(
            {
                "receipt_id": gr_id,
                "po_line_id": line_id,
                "product_id": ln.product_id,
                "lot_id": lot_id,
                "qty": ln.qty,
                "over_ordered": over,
                "unit_cost": cost,
                "expiry_date": expiry,
            }
        )
    # the whole goods receipt is one posting: one statement per table, one journal entry
    ledger.post(
        uow,
        moves,
        kind=ledger.MovementKind.RECEIPT,
        doc_type="receipt",
        doc_uuid=gr_uuid,
        user_id=user_id,
        at=now,
    )
    conn.execute(insert(GoodsReceiptLine.__table__), rows)
    po_status = None
    if po_id is not None:
        t = PurchaseOrderLine.__table__
        for line_id, q in sorted(new_qty.items()):
            conn.execute(
                update(t).where(t.c.id == line_id).values(qty_received=t.c.qty_received + q)
            )
        short = conn.execute(
            select(func.count())
            .select_from(PurchaseOrderLine)
            .where(
                PurchaseOrderLine.po_id == po_id,
                PurchaseOrderLine.qty_received < PurchaseOrderLine.qty_ordered,
            )
        ).scalar_one()
        po_status = POStatus.PARTIAL if short else POStatus.RECEIVED
        pt = PurchaseOrder.__table__
        conn.execute(update(pt).where(pt.c.id == po_id).values(status=po_status))
    return GoodsReceiptInfo(gr_id, gr_uuid, po_id, po_status, tuple(received))
