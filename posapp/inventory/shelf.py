"""Shelf windows and returns to suppliers: how many days a category's lots may stay on the floor
(leafy greens 1, fruiting vegetables 2), the morning's pull list of lots past their window, and
a return (반품) to the supplier — stock out of the lot with its reason, a return slip PDF, and
the supplier's settlement reduced (posapp.reports.settlement).

Owns ``categories.shelf_days`` and ``supplier_returns``. A lot's days on the shelf count from
the store's business day it was received (:mod:`posapp.domain.calendar`); it is past its window
when today − that day ≥ the category's days. A return is a stock movement of kind
``supplier_return`` (the ledger stays the one record of stock) and a ``supplier_returns`` row at
the lot's unit cost.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle
from sqlalchemy import insert, select, update

from posapp import audit
from posapp.db.engine import UnitOfWork, inserted_id
from posapp.db.models import Category, Lot, Producer, Product, SupplierReturn, utcnow
from posapp.domain import calendar
from posapp.inventory import ledger
from posapp.inventory.error_codes import InventoryErrorCode
from posapp.inventory.ledger import MovementRow
from posapp.inventory.pdf import FONT, FONT_BOLD, a4_pdf, register_fonts
from posapp.inventory.stock import InventoryError, lot_stock, require_adjustment

SUPPLIER_RETURN = "supplier_return"  # the stock movement's kind


def set_shelf_days(
    uow: UnitOfWork, category_id: int, days: int | None, *, user_id: int | None
) -> None:
    """A category's shelf window in days (1–60), or None for none."""
    if days is not None and (
        isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 60
    ):
        raise InventoryError("shelf days are 1 to 60", code=InventoryErrorCode.SHELF_DAYS)
    t = Category.__table__
    done = uow.conn.execute(update(t).where(t.c.id == category_id).values(shelf_days=days))
    if not done.rowcount:
        raise InventoryError(f"no category {category_id}", code=InventoryErrorCode.UNKNOWN_PRODUCT)
    audit.record(
        uow.conn, "category.shelf_days", user_id, None, f"category:{category_id}", None,
        {"shelf_days": days},
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class ShelfWindow:
    """A category and its days on the shelf (None: no window)."""

    id: int
    name: str
    days: int | None


def shelf_windows(uow: UnitOfWork) -> list[ShelfWindow]:
    """Every category with its shelf window, by name."""
    t = Category.__table__
    rows = uow.conn.execute(select(t.c.id, t.c.name, t.c.shelf_days).order_by(t.c.name))
    return [ShelfWindow(int(i), n, None if d is None else int(d)) for i, n, d in rows]


@dataclass(frozen=True, slots=True)
class PullItem:
    """A floor lot past its category's window."""

    lot_id: int
    product_id: int
    product: str
    category: str
    supplier: str
    received: dt.date
    days_on_shelf: int
    window: int
    qty: int
    unit: str


def pull_list(uow: UnitOfWork, *, today: dt.date | None = None) -> list[PullItem]:
    """The lots on the floor with stock that are past their category's window, oldest first."""
    today = today or calendar.today()
    L, P, C, PR = Lot.__table__, Product.__table__, Category.__table__, Producer.__table__
    q = (
        select(
            L.c.id, P.c.id, P.c.name_ko, C.c.name, PR.c.name, L.c.received_at, C.c.shelf_days,
            L.c.qty_on_hand, P.c.unit,
        )
        .select_from(
            L.join(P, P.c.id == L.c.product_id)
            .join(C, C.c.id == P.c.category_id)
            .outerjoin(PR, PR.c.id == P.c.producer_id)
        )
        .where(L.c.qty_on_hand > 0, L.c.location == "floor", C.c.shelf_days.is_not(None))
    )  # fmt: skip
    out = []
    for lot, pid, name, cat, sup, received, window, qty, unit in uow.conn.execute(q):
        at = received if received.tzinfo else received.replace(tzinfo=dt.UTC)
        day = calendar.business_day(at)
        days = (today - day).days
        if days >= int(window):
            out.append(
                PullItem(
                    int(lot), int(pid), name, cat, sup or "", day, days, int(window), int(qty), unit
                )
            )
    out.sort(key=lambda i: (i.received, i.product, i.lot_id))
    return out


@dataclass(frozen=True, slots=True)
class ReturnInfo:
    id: int
    uuid: str
    supplier: str
    product: str
    lot_id: int
    qty: int
    unit_cost: int | None
    amount: int
    reason: str
    at: dt.datetime


def return_to_supplier(
    uow: UnitOfWork,
    lot_id: int,
    qty: int,
    reason: str,
    *,
    user_id: int,
    approved_by: int | None = None,
    now: dt.datetime | None = None,
) -> ReturnInfo:
    """Send ``qty`` of a lot back to its product's supplier: stock out of the lot (kind
    ``supplier_return``), recorded at the lot's cost with the reason. Needs the
    stock-adjustment permission (of the user or of a manager approving in place)."""
    if isinstance(qty, bool) or not isinstance(qty, int) or qty <= 0:
        raise InventoryError("the quantity is a whole number above 0", code=InventoryErrorCode.QTY)
    if not reason.strip():
        raise InventoryError("say why it goes back", code=InventoryErrorCode.RETURN_REASON)
    require_adjustment(uow, user_id, approved_by, "a return to the supplier")
    product_id, on_hand, _location = lot_stock(uow, lot_id)
    ledger.lock_products(uow, [product_id])
    product_id, on_hand, _location = lot_stock(uow, lot_id)
    if qty > on_hand:
        raise InventoryError(
            f"the lot holds {on_hand}", code=InventoryErrorCode.LOT_SHORT, on_hand=on_hand
        )
    conn = uow.conn
    L, P = Lot.__table__, Product.__table__
    cost, producer = conn.execute(
        select(L.c.unit_cost, P.c.producer_id)
        .select_from(L.join(P, P.c.id == L.c.product_id))
        .where(L.c.id == lot_id)
    ).one()
    doc = str(uuidlib.uuid4())
    at = now or utcnow()
    ledger.post(
        uow,
        [MovementRow(product_id, lot_id, -qty)],
        kind=SUPPLIER_RETURN,
        doc_type="return",
        doc_uuid=doc,
        reason=reason.strip()[:120],
        user_id=user_id,
    )
    amount = qty * int(cost) if cost is not None else 0
    rid = inserted_id(
        conn.execute(
            insert(SupplierReturn.__table__).values(
                uuid=doc, producer_id=producer, product_id=product_id, lot_id=lot_id, qty=qty,
                unit_cost=cost, amount=amount, reason=reason.strip()[:200], created_at=at,
                created_by=user_id,
            )
        )
    )  # fmt: skip
    audit.record(
        conn, "stock.supplier_return", user_id, None, f"product:{product_id}", None,
        {"lot_id": lot_id, "qty": qty, "amount": amount, "reason": reason, "doc": doc},
    )  # fmt: skip
    return get_return(uow, rid)


def get_return(uow: UnitOfWork, return_id: int) -> ReturnInfo:
    R, P, PR = SupplierReturn.__table__, Product.__table__, Producer.__table__
    r = uow.conn.execute(
        select(
            R.c.id, R.c.uuid, PR.c.name, P.c.name_ko, R.c.lot_id, R.c.qty, R.c.unit_cost,
            R.c.amount, R.c.reason, R.c.created_at,
        )
        .select_from(R.join(P, P.c.id == R.c.product_id).outerjoin(PR, PR.c.id == R.c.producer_id))
        .where(R.c.id == return_id)
    ).one()  # fmt: skip
    at = r[9] if r[9].tzinfo else r[9].replace(tzinfo=dt.UTC)
    return ReturnInfo(
        int(r[0]), r[1], r[2] or "", r[3], int(r[4] or 0), int(r[5]),
        None if r[6] is None else int(r[6]), int(r[7]), r[8], at,
    )  # fmt: skip


def return_slip_pdf(info: ReturnInfo, store_name: str = "I·Market·U (아이마켓유)") -> bytes:
    """The 반품 전표 that goes with the goods: supplier, product, lot, quantity, cost, reason."""
    register_fonts()
    title = ParagraphStyle("t", fontName=FONT_BOLD, fontSize=16, leading=22)
    body = ParagraphStyle("b", fontName=FONT, fontSize=10, leading=15)
    when = calendar.to_local(info.at).strftime("%Y-%m-%d %H:%M")
    rows = [
        ["공급자", info.supplier or "-"],
        ["상품", info.product],
        ["로트", str(info.lot_id)],
        ["수량", f"{info.qty:,}"],
        ["단가 (매입가)", "-" if info.unit_cost is None else f"{info.unit_cost:,}원"],
        ["금액", f"{info.amount:,}원"],
        ["사유", info.reason],
        ["일시", when],
        ["문서 번호", info.uuid],
    ]
    t = Table(rows, colWidths=[40 * mm, 120 * mm])
    t.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 10),
                ("FONT", (0, 0), (0, -1), FONT_BOLD, 10),
                ("GRID", (0, 0), (-1, -1), 0.4, "#888888"),
            ]
        )
    )
    story = [
        Paragraph("반 품 전 표", title),
        Paragraph(f"{store_name} → {info.supplier or '-'}", body),
        Spacer(1, 6 * mm),
        t,
        Spacer(1, 12 * mm),
        Paragraph("점포 확인 ____________ (인)      공급자 인수 ____________ (인)", body),
    ]
    return a4_pdf(story, f"반품전표 {info.uuid[:8]}", author=store_name)
