"""Lots on the manager's side: a product's lots in selling order (first-expiring first) with
their days left, the lots about to expire (the 유통기한 tab), and markdowns of near-expiry lots
(the reduced price their markdown labels print; the shelf price does not change).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import aliased

from posapp.db.engine import UnitOfWork
from posapp.db.models import Lot, LotMarkdown, Product, utcnow
from posapp.domain import calendar
from posapp.domain.money import round_half_up_div
from posapp.inventory.error_codes import InventoryErrorCode
from posapp.inventory.stock import InventoryError, audit, lot_stock

# --- lots ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LotInfo:
    id: int
    product_id: int
    product_name: str
    lot_code: str
    expiry_date: dt.date | None
    received_at: dt.datetime
    unit_cost: int | None
    qty_received: int
    qty_on_hand: int
    location: str
    days_left: int | None
    markdown_price: int | None


_md = aliased(LotMarkdown)
_latest_markdown = (
    select(_md.price)
    .where(_md.lot_id == Lot.id)
    .order_by(_md.id.desc())
    .limit(1)
    .correlate(Lot)
    .scalar_subquery()
)


def _lot_info(row: Sequence[Any], today: dt.date) -> LotInfo:
    expiry = row[4]
    return LotInfo(
        id=row[0],
        product_id=row[1],
        product_name=row[2],
        lot_code=row[3] or "",
        expiry_date=expiry,
        received_at=row[5],
        unit_cost=row[6],
        qty_received=row[7],
        qty_on_hand=row[8],
        location=row[9],
        days_left=(expiry - today).days if expiry else None,
        markdown_price=row[10],
    )


_lot_cols = (
    Lot.id,
    Lot.product_id,
    Product.name_ko,
    Lot.lot_code,
    Lot.expiry_date,
    Lot.received_at,
    Lot.unit_cost,
    Lot.qty_received,
    Lot.qty_on_hand,
    Lot.location,
    _latest_markdown,
)


def lots_of(uow: UnitOfWork, product_id: int, *, include_empty: bool = False) -> list[LotInfo]:
    """A product's lots in selling order (first-expiring first), with days left."""
    q = (
        select(*_lot_cols)
        .join(Product, Product.id == Lot.product_id)
        .where(Lot.product_id == product_id)
        .order_by(Lot.expiry_date.is_(None), Lot.expiry_date, Lot.id)
    )
    if not include_empty:
        q = q.where(Lot.qty_on_hand > 0)
    today = calendar.today()
    return [_lot_info(tuple(r), today) for r in uow.conn.execute(q)]


def expiring_lots(
    uow: UnitOfWork, within_days: int, *, limit: int = 200, today: dt.date | None = None
) -> list[LotInfo]:
    """Lots with stock that expire within ``within_days`` (or already have), soonest first."""
    today = today or calendar.today()
    q = (
        select(*_lot_cols)
        .join(Product, Product.id == Lot.product_id)
        .where(
            Lot.qty_on_hand > 0,
            Lot.expiry_date.is_not(None),
            Lot.expiry_date <= today + dt.timedelta(days=within_days),
        )
        .order_by(Lot.expiry_date, Lot.product_id)
        .limit(limit)
    )
    return [_lot_info(tuple(r), today) for r in uow.conn.execute(q)]


# --- markdowns -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Markdown:
    lot_id: int
    product_id: int
    regular_price: int
    price: int
    percent: int


def markdown_lot(uow: UnitOfWork, lot_id: int, percent: int, *, user_id: int) -> Markdown:
    """Mark a (near-expiry) lot down by ``percent``: the reduced price, rounded to 10 won, is
    what its markdown labels print; the shelf price of the product does not change."""
    if not isinstance(percent, int) or not 1 <= percent <= 90:
        raise InventoryError("a markdown is 1–90 percent", code=InventoryErrorCode.MARKDOWN_PERCENT)
    conn = uow.conn
    product_id, on_hand, _ = lot_stock(uow, lot_id)
    if on_hand <= 0:
        raise InventoryError("the lot is empty", code=InventoryErrorCode.LOT_EMPTY, lot_id=lot_id)
    regular = conn.execute(select(Product.price).where(Product.id == product_id)).scalar_one()
    price = round_half_up_div(regular * (100 - percent), 1000) * 10
    now = utcnow()
    conn.execute(
        insert(LotMarkdown.__table__).values(
            lot_id=lot_id, price=price, percent=percent, user_id=user_id, created_at=now
        )
    )
    audit(
        uow,
        user_id,
        "lot.markdown",
        f"lot:{lot_id}",
        before={"price": regular},
        after={"price": price, "percent": percent},
        at=now,
    )
    return Markdown(lot_id, product_id, regular, price, percent)
