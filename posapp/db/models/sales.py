"""Sales: sales and their lines, payments, pending cash receipts and card cancels, held tickets."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from posapp.db.models.base import Base, BigID, UTCDateTime, utcnow


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
    # sold at a lot's markdown (마감할인): the shelf price it came down from (the receipt shows it)
    shelf_price: Mapped[int | None] = mapped_column(Integer)


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
    # a refund's card payment: the approval it cancels (its own approval_no is the cancel's)
    original_approval_no: Mapped[str | None] = mapped_column(String(40))
    original_approved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # the card slip: 매입사 (the acquirer) and the store's 가맹점번호 with it, from the terminal
    card_acquirer: Mapped[str | None] = mapped_column(String(40))
    merchant_no: Mapped[str | None] = mapped_column(String(20))


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


class PendingCardCancel(Base):
    """A card refund the terminal could not make at the till (it was down): the refund is
    recorded with its card payment ``card_pending`` and the cancel waits here (``kind``
    ``cash_receipt``: the cancel of the refunded part of an issued 현금영수증) — made by the till
    when the terminal answers again, or recorded by a manager with the approval number of a
    cancel made on a standalone terminal. Until then the customer's card is not refunded."""

    __tablename__ = "card_cancels_pending"
    __table_args__ = (UniqueConstraint("refund_uuid", "payment_seq"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    refund_uuid: Mapped[str] = mapped_column(String(36))
    receipt_no: Mapped[str] = mapped_column(String(32))
    register_id: Mapped[str] = mapped_column(ForeignKey("registers.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="card")  # "card" | "cash_receipt"
    payment_seq: Mapped[int] = mapped_column(Integer)  # 0 for a 현금영수증 cancel
    original_approval_no: Mapped[str] = mapped_column(String(40))
    original_approved_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    amount: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    done_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    approval_no: Mapped[str | None] = mapped_column(String(40))
    done_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


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


Index("ix_sales_business_date", Sale.business_date, Sale.kind)


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
