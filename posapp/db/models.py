"""The relational schema: SQLAlchemy 2 typed models for every table the store keeps.

Owns table and column definitions only; rules live in posapp/domain and the services. Conventions:
money is ``int`` KRW; quantities are ``int`` in base units (pieces for ``ea`` products, grams for
weighed ones); timestamps are UTC (``UTCDateTime``); documents that leave the till carry a UUID
string made at the till. Integer keys are SQLite rowids (``Integer``); the two tables that grow
without bound use ``BigID`` (BIGINT on PostgreSQL, INTEGER rowid on SQLite).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

BigID = BigInteger().with_variant(Integer(), "sqlite")


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stores aware datetimes as naive UTC; returns aware UTC datetimes."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


# --- catalogue -------------------------------------------------------------------------------


class Region(Base):
    """A partner local government (시·군) and the promotion text shown for it."""

    __tablename__ = "regions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    name_en: Mapped[str] = mapped_column(String(80), default="")
    province: Mapped[str] = mapped_column(String(40), default="")
    signature: Mapped[str] = mapped_column(Text, default="")
    festival: Mapped[str] = mapped_column(Text, default="")
    tourism: Mapped[str] = mapped_column(Text, default="")
    season: Mapped[str] = mapped_column(Text, default="")
    promo: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # the partner local government's contact for the store (migration 0005)
    contact: Mapped[str] = mapped_column(String(80), default="", server_default="")
    phone: Mapped[str] = mapped_column(String(40), default="", server_default="")


class Producer(Base):
    """A producer or supplier; consignment suppliers carry a commission rate (percent)."""

    __tablename__ = "producers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"))
    contact: Mapped[str] = mapped_column(String(80), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    kind: Mapped[str] = mapped_column(String(16), default="purchase")
    commission_rate: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Category(Base):
    __tablename__ = "categories"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    name_en: Mapped[str] = mapped_column(String(80), default="")


class Product(Base):
    """A sellable item. ``unit`` is ea / kg / 100g and ``price`` is per that unit, VAT included."""

    __tablename__ = "products"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name_ko: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    unit: Mapped[str] = mapped_column(String(8), default="ea")
    price: Mapped[int] = mapped_column(Integer)
    tax_class: Mapped[str] = mapped_column(String(8), default="taxable")
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"), index=True)
    producer_id: Mapped[int | None] = mapped_column(ForeignKey("producers.id"), index=True)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"), index=True)
    plu: Mapped[str | None] = mapped_column(String(8), unique=True)
    reorder_point: Mapped[int] = mapped_column(Integer, default=0)
    shelf_life_days: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # False for services sold at the till (a cooking-class fee, a room fee): no stock movements
    stock_tracked: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())


class ProductBarcode(Base):
    __tablename__ = "product_barcodes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(20), unique=True)
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)


class PriceChange(Base):
    """Price history: every change of a product's shelf price, with who made it."""

    __tablename__ = "price_changes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    old_price: Mapped[int | None] = mapped_column(Integer)
    new_price: Mapped[int] = mapped_column(Integer)
    changed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    source: Mapped[str] = mapped_column(String(20), default="manual")


# --- stock -----------------------------------------------------------------------------------


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


# --- people and tills ------------------------------------------------------------------------


class Register(Base):
    __tablename__ = "registers"
    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(60), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class User(Base):
    """A cashier, manager, class staff member or admin; the PIN is stored as an Argon2id hash."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    pin_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Shift(Base):
    __tablename__ = "shifts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    register_id: Mapped[str] = mapped_column(ForeignKey("registers.id"), index=True)
    opened_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    opened_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    business_date: Mapped[dt.date] = mapped_column(Date)
    opening_float: Mapped[int] = mapped_column(Integer, default=0)
    opening_counts: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    closing_counts: Mapped[dict[str, int] | None] = mapped_column(JSON)
    counted_cash: Mapped[int | None] = mapped_column(Integer)
    expected_cash: Mapped[int | None] = mapped_column(Integer)
    z_number: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(8), default="open")


class ReceiptCounter(Base):
    """Per register and business day, the last receipt sequence handed out."""

    __tablename__ = "receipt_counters"
    register_id: Mapped[str] = mapped_column(ForeignKey("registers.id"), primary_key=True)
    business_date: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    last_no: Mapped[int] = mapped_column(Integer, default=0)


# --- sales -----------------------------------------------------------------------------------


class Sale(Base):
    """A completed sale or refund (``kind``); refunds carry negative amounts and their original."""

    __tablename__ = "sales"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    receipt_no: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[str] = mapped_column(String(8), default="sale")
    register_id: Mapped[str] = mapped_column(ForeignKey("registers.id"))
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    business_date: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    original_sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"))
    gross_total: Mapped[int] = mapped_column(Integer)
    line_discount_total: Mapped[int] = mapped_column(Integer, default=0)
    ticket_discount_total: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(Integer)
    taxable_total: Mapped[int] = mapped_column(Integer)
    supply_value: Mapped[int] = mapped_column(Integer)
    vat: Mapped[int] = mapped_column(Integer)
    exempt_total: Mapped[int] = mapped_column(Integer)
    ticket_discount_kind: Mapped[str | None] = mapped_column(String(8))
    ticket_discount_value: Mapped[int | None] = mapped_column(Integer)
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (Index("ix_sales_register_date", "register_id", "business_date"),)


class SaleLine(Base):
    __tablename__ = "sale_lines"
    id: Mapped[int] = mapped_column(BigID, primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), index=True)
    line_no: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    barcode: Mapped[str | None] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(8))
    qty: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[int] = mapped_column(Integer)
    gross: Mapped[int] = mapped_column(Integer)
    line_discount: Mapped[int] = mapped_column(Integer, default=0)
    ticket_discount: Mapped[int] = mapped_column(Integer, default=0)
    net: Mapped[int] = mapped_column(Integer)
    tax_class: Mapped[str] = mapped_column(String(8))
    discount_kind: Mapped[str | None] = mapped_column(String(8))
    discount_value: Mapped[int | None] = mapped_column(Integer)
    original_line_id: Mapped[int | None] = mapped_column(ForeignKey("sale_lines.id"))
    # a unit price changed at the till: the catalogue price it replaced, why, and the user whose
    # price_override permission allowed it (NULL when the line sold at the catalogue price)
    regular_price: Mapped[int | None] = mapped_column(Integer)
    price_override_reason: Mapped[str | None] = mapped_column(String(200))
    price_override_by: Mapped[int | None] = mapped_column(Integer)


class Payment(Base):
    """One tender of a sale. ``evidence`` groups it for the VAT return; card numbers are masked."""

    __tablename__ = "payments"
    id: Mapped[int] = mapped_column(BigID, primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(16))
    amount: Mapped[int] = mapped_column(Integer)
    tendered: Mapped[int] = mapped_column(Integer, default=0)
    change_given: Mapped[int] = mapped_column(Integer, default=0)
    evidence: Mapped[str] = mapped_column(String(16))
    approval_no: Mapped[str | None] = mapped_column(String(40))
    approved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    card_masked: Mapped[str | None] = mapped_column(String(40))
    card_issuer: Mapped[str | None] = mapped_column(String(40))
    installment_months: Mapped[int] = mapped_column(Integer, default=0)
    voucher_kind: Mapped[str | None] = mapped_column(String(16))
    reference: Mapped[str | None] = mapped_column(String(80))
    cash_receipt_identity: Mapped[str | None] = mapped_column(String(40))
    cash_receipt_purpose: Mapped[str | None] = mapped_column(String(20))
    cash_receipt_approval: Mapped[str | None] = mapped_column(String(40))


class PendingCashReceipt(Base):
    """A 현금영수증 the customer asked for that the card terminal/VAN could not issue at the
    till. Kept apart from the sale (its document and journal entry do not change) until it is
    issued — by the till when the terminal answers again, or by hand with the VAN's approval
    number. The full identity (phone, card or business number) is kept only until then."""

    __tablename__ = "cash_receipts_pending"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    receipt_no: Mapped[str] = mapped_column(String(32))
    register_id: Mapped[str] = mapped_column(ForeignKey("registers.id"), index=True)
    amount: Mapped[int] = mapped_column(Integer)
    identity: Mapped[str] = mapped_column(String(40))
    purpose: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    issued_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    approval_no: Mapped[str | None] = mapped_column(String(40))
    issued_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class HeldTicket(Base):
    __tablename__ = "held_tickets"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    register_id: Mapped[str] = mapped_column(ForeignKey("registers.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    label: Mapped[str] = mapped_column(String(80), default="")
    total: Mapped[int] = mapped_column(Integer, default=0)
    line_count: Mapped[int] = mapped_column(Integer, default=0)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)


# --- integrity and sync ----------------------------------------------------------------------


class JournalEntry(Base):
    """The hash chain of completed documents, one chain per register."""

    __tablename__ = "journal"
    id: Mapped[int] = mapped_column(BigID, primary_key=True)
    register_id: Mapped[str] = mapped_column(ForeignKey("registers.id"))
    seq: Mapped[int] = mapped_column(Integer)
    doc_type: Mapped[str] = mapped_column(String(16))
    doc_uuid: Mapped[str] = mapped_column(String(36))  # not indexed: nothing looks it up
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    payload: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (UniqueConstraint("register_id", "seq"),)


class JournalHead(Base):
    """The last journal entry per register, updated atomically to serialise its chain."""

    __tablename__ = "journal_heads"
    register_id: Mapped[str] = mapped_column(ForeignKey("registers.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    hash: Mapped[str] = mapped_column(String(64), default="0" * 64)


class AuditEvent(Base):
    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(BigID, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    register_id: Mapped[str | None] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(40), index=True)
    target: Mapped[str] = mapped_column(String(120), default="")
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class OutboxEvent(Base):
    """Transactional outbox: written in the same transaction as the document it reports."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(BigID, primary_key=True)
    event_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(24))
    doc_uuid: Mapped[str] = mapped_column(String(36))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    #: the till that wrote it sends it (several tills share one PostgreSQL outbox)
    register_id: Mapped[str | None] = mapped_column(String(16))
    #: the platform refused it for good (shown to the manager; never resent on its own)
    rejected_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        Index("ix_outbox_pending", "sent_at", "id"),
        Index("ix_outbox_doc", "doc_uuid"),
    )


# --- sync with the online platform (issue 8) --------------------------------------------------


class SyncState(Base):
    """Small durable facts of the sync: the server's cursors (never the till's clock)."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class OnlineOrder(Base):
    """An order placed on the online platform for pick-up at the store (prepaid online)."""

    __tablename__ = "online_orders"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    order_no: Mapped[str] = mapped_column(String(40), index=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    customer_name: Mapped[str] = mapped_column(String(80), default="")
    customer_phone: Mapped[str] = mapped_column(String(20), default="")
    total: Mapped[int] = mapped_column(Integer, default=0)
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    problem: Mapped[str] = mapped_column(Text, default="")
    placed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    picked_up_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    picked_up_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class StockReservation(Base):
    """Stock promised but not yet taken (an online order, a class's ingredients).

    Reserved quantity is not a ledger movement: the goods are still on the shelf. Consuming a
    reservation posts the movement; releasing it posts nothing."""

    __tablename__ = "stock_reservations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    qty: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(16))
    source_uuid: Mapped[str] = mapped_column(String(36), index=True)
    status: Mapped[str] = mapped_column(String(12), default="active")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_stock_reservations_active", "product_id", "status"),)


# --- inventory management (issue 6) ---------------------------------------------------------


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


# --- cooking classes and basement bookings (issue 7) ----------------------------------------


class ClassRoom(Base):
    """A bookable basement room (open kitchen, meeting space); its row is the lock under which
    a new session is checked against the room's other sessions."""

    __tablename__ = "class_rooms"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(60), default="")


class ClassSession(Base):
    """One cooking class or meeting in a basement room. ``seats_taken`` is the counter that
    capacity is enforced on (an atomic conditional UPDATE)."""

    __tablename__ = "class_sessions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    series_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(8), default="class")
    room: Mapped[str] = mapped_column(ForeignKey("class_rooms.code"))
    title_ko: Mapped[str] = mapped_column(String(120))
    title_en: Mapped[str] = mapped_column(String(120), default="")
    theme: Mapped[str] = mapped_column(String(120), default="")
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"))
    starts_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    capacity: Mapped[int] = mapped_column(Integer)
    seats_taken: Mapped[int] = mapped_column(Integer, default=0)
    fee: Mapped[int] = mapped_column(Integer, default=0)
    instructor: Mapped[str] = mapped_column(String(80), default="")
    organiser: Mapped[str] = mapped_column(String(80), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), default="scheduled")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    held_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_class_sessions_room_time", "room", "starts_at"),)


class ClassIngredient(Base):
    """What one participant of a session uses of a product, in base units."""

    __tablename__ = "class_ingredients"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("class_sessions.id", ondelete="CASCADE"), index=True
    )
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    qty_per_seat: Mapped[int] = mapped_column(Integer)

    __table_args__ = (UniqueConstraint("session_id", "product_id"),)


class ClassBooking(Base):
    """A booking of seats (or of the meeting space): held → confirmed (paid or pay on
    arrival), waitlist → held, and cancelled / expired; paid through a sale's line."""

    __tablename__ = "class_bookings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("class_sessions.id"), index=True)
    customer_name: Mapped[str] = mapped_column(String(80))
    phone: Mapped[str] = mapped_column(String(20))
    seats: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(Integer, default=0)
    allergies: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), index=True)
    pay_on_arrival: Mapped[bool] = mapped_column(Boolean, default=False)
    hold_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    sale_uuid: Mapped[str | None] = mapped_column(String(36))
    receipt_no: Mapped[str | None] = mapped_column(String(32))
    line_no: Mapped[int | None] = mapped_column(Integer)
    paid_amount: Mapped[int] = mapped_column(Integer, default=0)
    refund_receipt_no: Mapped[str | None] = mapped_column(String(32))
    refunded_amount: Mapped[int] = mapped_column(Integer, default=0)
    checked_in_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


# --- several registers, permissions (issue 10) ------------------------------------------------

# One open shift per register, kept by the database itself: two tills racing to open a shift on
# the same register cannot both succeed, whatever the service layer does.
Index(
    "uq_shifts_one_open_per_register",
    Shift.register_id,
    unique=True,
    sqlite_where=Shift.status == "open",
    postgresql_where=Shift.status == "open",
)


class RolePermission(Base):
    """A permission (posapp.auth.permissions.Permission) granted to a role; edited by an admin."""

    __tablename__ = "role_permissions"
    role: Mapped[str] = mapped_column(String(16), primary_key=True)
    permission: Mapped[str] = mapped_column(String(40), primary_key=True)


# --- reports (issue 9) ------------------------------------------------------------------------


class ReportSalesRollup(Base):
    """Sales lines summed per product and closed business day (``grain`` "d") or whole month
    ("m"), so a year of reports reads thousands of rows rather than millions of lines. Built by
    posapp/reports/rollup.py from the sales (never edited: corrections are new documents);
    sales newer than the rollup's watermark are always added live."""

    __tablename__ = "report_sales_rollup"
    grain: Mapped[str] = mapped_column(String(1), primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), primary_key=True)
    lines: Mapped[int] = mapped_column(Integer, default=0)
    qty_sold: Mapped[int] = mapped_column(BigInteger, default=0)
    qty_returned: Mapped[int] = mapped_column(BigInteger, default=0)
    gross: Mapped[int] = mapped_column(BigInteger, default=0)
    discounts: Mapped[int] = mapped_column(BigInteger, default=0)
    refunds: Mapped[int] = mapped_column(BigInteger, default=0)
    net: Mapped[int] = mapped_column(BigInteger, default=0)
    cost: Mapped[int] = mapped_column(BigInteger, default=0)
    uncosted: Mapped[int] = mapped_column(BigInteger, default=0)


class ReportRollupState(Base):
    """How far the sales rollup reaches: closed days up to ``built_through``, sales up to id
    ``max_sale_id`` (anything newer is read live)."""

    __tablename__ = "report_rollup_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    built_through: Mapped[dt.date | None] = mapped_column(Date)
    max_sale_id: Mapped[int] = mapped_column(BigInteger, default=0)
    built_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


Index("ix_sales_business_date", Sale.business_date, Sale.kind)
Index("ix_stock_movements_kind_at", StockMovement.kind, StockMovement.created_at)
# refunds only (partial): a sale and its lines, the rows every till writes, add no entry
Index(
    "ix_sales_original_sale_id",
    Sale.original_sale_id,
    sqlite_where=Sale.original_sale_id.is_not(None),
    postgresql_where=Sale.original_sale_id.is_not(None),
)
Index(
    "ix_sale_lines_original_line_id",
    SaleLine.original_line_id,
    sqlite_where=SaleLine.original_line_id.is_not(None),
    postgresql_where=SaleLine.original_line_id.is_not(None),
)
