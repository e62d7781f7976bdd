"""Stock: lots (FEFO) and stock levels, the movement ledger, purchase orders and goods
receipts, stock counts and markdowns."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from posapp.db.models.base import Base, BigID, UTCDateTime, utcnow


class Lot(Base):
    """A received batch of one product with its expiry date; sold first-expiring-first."""

    __tablename__ = "lots"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    lot_code: Mapped[str] = mapped_column(String(40), default="")
    expiry_date: Mapped[dt.date | None] = mapped_column(Date)
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    unit_cost: Mapped[int | None] = mapped_column(Integer)
    qty_received: Mapped[int] = mapped_column(Integer, default=0)
    qty_on_hand: Mapped[int] = mapped_column(Integer, default=0)
    # where the lot is kept: "floor" (the sales floor, sold at the till) or "store_room"
    # (the basement kitchen store room); a transfer moves units into a lot at the other place
    location: Mapped[str] = mapped_column(String(16), default="floor", server_default="floor")

    # qty_on_hand is deliberately not indexed: a sale decrements it, and an update of an
    # indexed column cannot be HOT on PostgreSQL (every index gets a new entry each time).
    __table_args__ = (Index("ix_lots_fefo", "product_id", "expiry_date"),)


class StockLevel(Base):
    """Cached on-hand per product: always equal to the sum of its ledger movements."""

    __tablename__ = "stock_levels"
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), primary_key=True)
    on_hand: Mapped[int] = mapped_column(Integer, default=0)
    needs_count: Mapped[bool] = mapped_column(Boolean, default=False)


class StockMovement(Base):
    """The append-only stock ledger. ``qty`` is signed, in base units."""

    __tablename__ = "stock_movements"
    id: Mapped[int] = mapped_column(BigID, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("lots.id"))
    qty: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    doc_type: Mapped[str] = mapped_column(String(16), default="")
    doc_uuid: Mapped[str] = mapped_column(String(36), default="")
    reason: Mapped[str] = mapped_column(String(120), default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    register_id: Mapped[str | None] = mapped_column(ForeignKey("registers.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        Index("ix_stock_movements_product", "product_id", "id"),
        Index("ix_stock_movements_doc", "doc_uuid"),
    )


class PurchaseOrder(Base):
    """An order to a supplier (a producer): draft → sent → partial → received, or closed."""

    __tablename__ = "purchase_orders"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    number: Mapped[str] = mapped_column(String(24), unique=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("producers.id"), index=True)
    status: Mapped[str] = mapped_column(String(12), default="draft")
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class PurchaseOrderLine(Base):
    __tablename__ = "purchase_order_lines"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    po_id: Mapped[int] = mapped_column(ForeignKey("purchase_orders.id"), index=True)
    line_no: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    qty_ordered: Mapped[int] = mapped_column(Integer)
    qty_received: Mapped[int] = mapped_column(Integer, default=0)
    unit_cost: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (UniqueConstraint("po_id", "product_id"),)


class GoodsReceipt(Base):
    """A delivery received (against a purchase order or ad hoc); its lines are lots."""

    __tablename__ = "goods_receipts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    po_id: Mapped[int | None] = mapped_column(ForeignKey("purchase_orders.id"), index=True)
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("producers.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    note: Mapped[str] = mapped_column(Text, default="")


class GoodsReceiptLine(Base):
    """One received line: the lot it made, and how much of it was beyond the order."""

    __tablename__ = "goods_receipt_lines"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    receipt_id: Mapped[int] = mapped_column(ForeignKey("goods_receipts.id"), index=True)
    po_line_id: Mapped[int | None] = mapped_column(ForeignKey("purchase_order_lines.id"))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    lot_id: Mapped[int] = mapped_column(ForeignKey("lots.id"))
    qty: Mapped[int] = mapped_column(Integer)
    over_ordered: Mapped[int] = mapped_column(Integer, default=0)
    unit_cost: Mapped[int | None] = mapped_column(Integer)
    expiry_date: Mapped[dt.date | None] = mapped_column(Date)


class StockCount(Base):
    """A stock count: open (counting, the store may sell) → posted, or cancelled.

    ``start_movement_id`` is the last ledger movement before the count started: movements after
    it (sales during the count) are kept apart from what was counted.
    """

    __tablename__ = "stock_counts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    status: Mapped[str] = mapped_column(String(12), default="open")
    note: Mapped[str] = mapped_column(Text, default="")
    start_movement_id: Mapped[int] = mapped_column(BigID, default=0)
    started_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    posted_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    posted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class StockCountLine(Base):
    __tablename__ = "stock_count_lines"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    count_id: Mapped[int] = mapped_column(ForeignKey("stock_counts.id"))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    expected_at_start: Mapped[int] = mapped_column(Integer, default=0)
    counted: Mapped[int | None] = mapped_column(Integer)
    counted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    posted_variance: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (UniqueConstraint("count_id", "product_id"),)


class LotMarkdown(Base):
    """A near-expiry lot marked down: the reduced price its labels carry, and who set it."""

    __tablename__ = "lot_markdowns"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("lots.id"), index=True)
    price: Mapped[int] = mapped_column(Integer)
    percent: Mapped[int] = mapped_column(Integer)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


# Partial (lots with stock) on SQLite only. On PostgreSQL an index whose predicate reads
# qty_on_hand makes every sale's lot decrement a non-HOT update (a new entry in each of the lots'
# indexes and a dead tuple the next sale's FEFO walk wades through until vacuum), so there it
# holds every lot and the expiring queries drop the empty ones on the heap.
Index(
    "ix_lots_expiring",
    Lot.expiry_date,
    Lot.product_id,
    sqlite_where=Lot.qty_on_hand > 0,
)


Index("ix_stock_movements_kind_at", StockMovement.kind, StockMovement.created_at)
