"""What a price check at the till reads beside the product: the stock on hand and the floor
lots with stock, first-expiring first (the order the till sells them in,
:func:`posapp.inventory.ledger.take_fefo`). Reads only; owns nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from posapp.db.engine import UnitOfWork
from posapp.db.models import Lot, StockLevel


@dataclass(frozen=True, slots=True)
class LotStock:
    """One floor lot with stock: its expiry date (None: not dated) and what is left."""

    expiry: dt.date | None
    qty: int


def on_hand(uow: UnitOfWork, product_id: int) -> int:
    """The product's stock on hand in base units (pieces or grams; 0 when never stocked)."""
    value = uow.conn.execute(
        select(StockLevel.on_hand).where(StockLevel.product_id == product_id)
    ).scalar()
    return int(value or 0)


def floor_lots(uow: UnitOfWork, product_id: int, most: int = 10) -> tuple[LotStock, ...]:
    """The floor lots with stock, first-expiring first, at most ``most``."""
    rows = uow.conn.execute(
        select(Lot.expiry_date, Lot.qty_on_hand)
        .where(Lot.product_id == product_id, Lot.qty_on_hand > 0, Lot.location == "floor")
        .order_by(Lot.expiry_date.is_(None), Lot.expiry_date, Lot.id)
        .limit(most)
    )
    return tuple(LotStock(r[0], int(r[1])) for r in rows)
