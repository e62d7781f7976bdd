"""Suppliers' purchase orders and the suggested quantities of a new one.

Owns ``purchase_orders`` / ``purchase_order_lines``. A purchase order goes draft → sent →
partial → received, or is closed at any point after draft (the rest will not come). Suppliers
are the producers table (partner producers and wholesalers). Receiving goods against an order
(or ad hoc): posapp.inventory.receiving.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid as uuidlib
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, func, insert, select

from posapp.db.engine import UnitOfWork, inserted_id
from posapp.db.models import (
    Producer,
    Product,
    PurchaseOrder,
    PurchaseOrderLine,
    StockLevel,
    StockMovement,
    utcnow,
)
from posapp.domain import calendar
from posapp.inventory import catalog
from posapp.inventory.error_codes import InventoryErrorCode
from posapp.inventory.ledger import MovementKind
from posapp.inventory.stock import InventoryError, _positive


class POStatus:
    DRAFT = "draft"
    SENT = "sent"
    PARTIAL = "partial"
    RECEIVED = "received"
    CLOSED = "closed"


# --- suppliers -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SupplierInfo:
    id: int
    name: str
    region_id: int | None
    contact: str
    phone: str
    kind: str
    active: bool


def list_suppliers(uow: UnitOfWork, *, active_only: bool = True) -> list[SupplierInfo]:
    q = select(
        Producer.id,
        Producer.name,
        Producer.region_id,
        Producer.contact,
        Producer.phone,
        Producer.kind,
        Producer.active,
    ).order_by(Producer.name)
    if active_only:
        q = q.where(Producer.active)
    return [SupplierInfo(*r) for r in uow.conn.execute(q)]


def supplier_name(uow: UnitOfWork, supplier_id: int) -> str:
    """The supplier's name; ``inventory.unknown_supplier`` when there is none."""
    name = uow.conn.execute(select(Producer.name).where(Producer.id == supplier_id)).scalar()
    if name is None:
        raise InventoryError(
            f"no supplier {supplier_id}", code=InventoryErrorCode.UNKNOWN_SUPPLIER, id=supplier_id
        )
    return str(name)


# --- purchase orders -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OrderLine:
    """A line to order: ``qty`` base units of a product at ``unit_cost`` won (optional)."""

    product_id: int
    qty: int
    unit_cost: int | None = None


@dataclass(frozen=True, slots=True)
class POLineInfo:
    id: int
    line_no: int
    product_id: int
    name: str
    unit: str
    barcode: str | None
    qty_ordered: int
    qty_received: int
    unit_cost: int | None

    @property
    def remaining(self) -> int:
        return max(0, self.qty_ordered - self.qty_received)

    @property
    def amount(self) -> int:
        return (self.unit_cost or 0) * self.qty_ordered


@dataclass(frozen=True, slots=True)
class POInfo:
    id: int
    uuid: str
    number: str
    supplier_id: int
    supplier_name: str
    supplier_contact: str
    supplier_phone: str
    status: str
    note: str
    created_at: dt.datetime
    sent_at: dt.datetime | None
    closed_at: dt.datetime | None
    lines: tuple[POLineInfo, ...]

    @property
    def total(self) -> int:
        return sum(ln.amount for ln in self.lines)


def _check_lines(conn: Connection, lines: Sequence[OrderLine]) -> None:
    seen: set[int] = set()
    for ln in lines:
        _positive(ln.qty, "ordered quantity")
        if ln.unit_cost is not None and (not isinstance(ln.unit_cost, int) or ln.unit_cost < 0):
            raise InventoryError(
                "a unit cost is whole won, 0 or more", code=InventoryErrorCode.COST
            )
        if ln.product_id in seen:
            raise InventoryError(
                "a product is on the order twice",
                code=InventoryErrorCode.PO_DUPLICATE_LINE,
                product_id=ln.product_id,
            )
        seen.add(ln.product_id)
    ids = sorted(seen)
    have = set(conn.execute(select(Product.id).where(Product.id.in_(ids))).scalars()) if ids else ()
    missing = [i for i in ids if i not in have]
    if missing:
        raise InventoryError(
            f"no product {missing[0]}",
            code=InventoryErrorCode.UNKNOWN_PRODUCT,
            product_id=missing[0],
        )


def create_po(
    uow: UnitOfWork,
    supplier_id: int,
    lines: Sequence[OrderLine],
    *,
    user_id: int,
    note: str = "",
) -> POInfo:
    """A draft purchase order numbered ``PO-YYYYMMDD-NNNNN`` (the store's date, order id)."""
    conn = uow.conn
    supplier_name(uow, supplier_id)
    _check_lines(conn, lines)
    now = utcnow()
    po_uuid = str(uuidlib.uuid4())
    po_id = inserted_id(
        conn.execute(
            insert(PurchaseOrder.__table__).values(
                uuid=po_uuid,
                number=po_uuid[:24],
                supplier_id=supplier_id,
                status=POStatus.DRAFT,
                note=note,
                created_by=user_id,
                created_at=now,
            )
        )
    )
    number = f"PO-{calendar.business_day(now):%Y%m%d}-{po_id:05d}"
    t = PurchaseOrder.__table__
    conn.execute(t.update().where(t.c.id == po_id).values(number=number))
    _write_lines(conn, po_id, lines)
    return get_po(uow, po_id)


def _write_lines(conn: Connection, po_id: int, lines: Sequence[OrderLine]) -> None:
    if lines:
        conn.execute(
            insert(PurchaseOrderLine.__table__),
            [
                {
                    "po_id": po_id,
                    "line_no": i,
                    "product_id": ln.product_id,
                    "qty_ordered": ln.qty,
                    "qty_received": 0,
                    "unit_cost": ln.unit_cost,
                }
                for i, ln in enumerate(lines, start=1)
            ],
        )


def order_status(uow: UnitOfWork, po_id: int) -> tuple[str, int]:
    """The order's status and supplier; ``inventory.unknown_po`` when there is none."""
    row = uow.conn.execute(
        select(PurchaseOrder.status, PurchaseOrder.supplier_id).where(PurchaseOrder.id == po_id)
    ).first()
    if row is None:
        raise InventoryError(
            f"no purchase order {po_id}", code=InventoryErrorCode.UNKNOWN_PO, id=po_id
        )
    return str(row[0]), int(row[1])


def set_po_lines(uow: UnitOfWork, po_id: int, lines: Sequence[OrderLine]) -> POInfo:
    """Replace a draft's lines (a sent order is changed by closing it and ordering again)."""
    conn = uow.conn
    status, _ = order_status(uow, po_id)
    if status != POStatus.DRAFT:
        raise InventoryError(
            "only a draft order can be edited", code=InventoryErrorCode.PO_NOT_DRAFT, status=status
        )
    _check_lines(conn, lines)
    t = PurchaseOrderLine.__table__
    conn.execute(t.delete().where(t.c.po_id == po_id))
    _write_lines(conn, po_id, lines)
    return get_po(uow, po_id)


def send_po(uow: UnitOfWork, po_id: int) -> POInfo:
    """Draft → sent (the PDF is made from what this returns)."""
    conn = uow.conn
    status, _ = order_status(uow, po_id)
    if status != POStatus.DRAFT:
        raise InventoryError(
            f"the order is {status}, not a draft",
            code=InventoryErrorCode.PO_NOT_DRAFT,
            status=status,
        )
    n = conn.execute(
        select(func.count()).select_from(PurchaseOrderLine).where(PurchaseOrderLine.po_id == po_id)
    ).scalar_one()
    if not n:
        raise InventoryError("the order has no lines", code=InventoryErrorCode.PO_EMPTY)
    t = PurchaseOrder.__table__
    conn.execute(t.update().where(t.c.id == po_id).values(status=POStatus.SENT, sent_at=utcnow()))
    return get_po(uow, po_id)


def close_po(uow: UnitOfWork, po_id: int) -> POInfo:
    """Close an order: nothing more is expected (a draft is closed unsent, i.e. cancelled)."""
    conn = uow.conn
    status, _ = order_status(uow, po_id)
    if status == POStatus.CLOSED:
        raise InventoryError("the order is already closed", code=InventoryErrorCode.PO_CLOSED)
    t = PurchaseOrder.__table__
    conn.execute(
        t.update().where(t.c.id == po_id).values(status=POStatus.CLOSED, closed_at=utcnow())
    )
    return get_po(uow, po_id)


def get_po(uow: UnitOfWork, po_id: int) -> POInfo:
    conn = uow.conn
    h = conn.execute(
        select(
            PurchaseOrder.id,
            PurchaseOrder.uuid,
            PurchaseOrder.number,
            PurchaseOrder.supplier_id,
            Producer.name.label("supplier_name"),
            Producer.contact.label("supplier_contact"),
            Producer.phone.label("supplier_phone"),
            PurchaseOrder.status,
            PurchaseOrder.note,
            PurchaseOrder.created_at,
            PurchaseOrder.sent_at,
            PurchaseOrder.closed_at,
        )
        .join(Producer, Producer.id == PurchaseOrder.supplier_id)
        .where(PurchaseOrder.id == po_id)
    ).first()
    if h is None:
        raise InventoryError(
            f"no purchase order {po_id}", code=InventoryErrorCode.UNKNOWN_PO, id=po_id
        )
    lines = tuple(
        POLineInfo(*r)
        for r in conn.execute(
            select(
                PurchaseOrderLine.id,
                PurchaseOrderLine.line_no,
                Product.id,
                Product.name_ko,
                Product.unit,
                catalog.primary_barcode,
                PurchaseOrderLine.qty_ordered,
                PurchaseOrderLine.qty_received,
                PurchaseOrderLine.unit_cost,
            )
            .join(Product, Product.id == PurchaseOrderLine.product_id)
            .where(PurchaseOrderLine.po_id == po_id)
            .order_by(PurchaseOrderLine.line_no)
        )
    )
    return POInfo(**h._asdict(), lines=lines)


@dataclass(frozen=True, slots=True)
class POSummary:
    id: int
    number: str
    supplier_name: str
    status: str
    created_at: dt.datetime
    lines: int


def list_pos(uow: UnitOfWork, *, status: str | None = None, limit: int = 200) -> list[POSummary]:
    n_lines = (
        select(func.count())
        .where(PurchaseOrderLine.po_id == PurchaseOrder.id)
        .correlate(PurchaseOrder)
        .scalar_subquery()
    )
    q = (
        select(
            PurchaseOrder.id,
            PurchaseOrder.number,
            Producer.name,
            PurchaseOrder.status,
            PurchaseOrder.created_at,
            n_lines,
        )
        .join(Producer, Producer.id == PurchaseOrder.supplier_id)
        .order_by(PurchaseOrder.id.desc())
        .limit(limit)
    )
    if status:
        q = q.where(PurchaseOrder.status == status)
    return [POSummary(*r) for r in uow.conn.execute(q)]


# --- suggested quantities --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Suggestion:
    product_id: int
    name: str
    on_hand: int
    on_order: int
    reorder_point: int
    sold_per_day_x100: int  # average daily sales over the window, in hundredths of a unit
    qty: int  # suggested order quantity


def suggest_order(
    uow: UnitOfWork,
    supplier_id: int,
    *,
    sales_days: int = 28,
    cover_days: int = 7,
    now: dt.datetime | None = None,
) -> list[Suggestion]:
    """What to order from a supplier: for each of its active products, the reorder point plus
    ``cover_days`` of the average daily sales of the last ``sales_days``, less what is on hand
    and still on order. Products needing nothing are left out."""
    conn = uow.conn
    supplier_name(uow, supplier_id)
    now = now or utcnow()
    since = now - dt.timedelta(days=sales_days)
    products = conn.execute(
        select(Product.id, Product.name_ko, Product.reorder_point, StockLevel.on_hand)
        .outerjoin(StockLevel, StockLevel.product_id == Product.id)
        .where(Product.producer_id == supplier_id, Product.active)
        .order_by(Product.name_ko)
    ).all()
    ids = [p[0] for p in products]
    if not ids:
        return []
    sold = dict(
        conn.execute(
            select(StockMovement.product_id, -func.sum(StockMovement.qty))
            .where(
                StockMovement.product_id.in_(ids),
                StockMovement.kind.in_((MovementKind.SALE, MovementKind.RETURN)),
                StockMovement.created_at >= since,
            )
            .group_by(StockMovement.product_id)
        ).all()
    )
    on_order = dict(
        conn.execute(
            select(
                PurchaseOrderLine.product_id,
                func.sum(PurchaseOrderLine.qty_ordered - PurchaseOrderLine.qty_received),
            )
            .join(PurchaseOrder, PurchaseOrder.id == PurchaseOrderLine.po_id)
            .where(
                PurchaseOrderLine.product_id.in_(ids),
                PurchaseOrder.status.in_((POStatus.SENT, POStatus.PARTIAL)),
                PurchaseOrderLine.qty_ordered > PurchaseOrderLine.qty_received,
            )
            .group_by(PurchaseOrderLine.product_id)
        ).all()
    )
    out = []
    for pid, name, reorder, on_hand in products:
        have = int(on_hand or 0) + int(on_order.get(pid) or 0)
        total_sold = max(0, int(sold.get(pid) or 0))
        cover = math.ceil(total_sold * cover_days / sales_days)
        qty = int(reorder or 0) + cover - have
        if qty > 0:
            out.append(
                Suggestion(
                    pid,
                    name,
                    int(on_hand or 0),
                    int(on_order.get(pid) or 0),
                    int(reorder or 0),
                    total_sold * 100 // sales_days,
                    qty,
                )
            )
    return out
