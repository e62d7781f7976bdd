"""The accountant's and the partners' records: scheduled tax-class changes, commission rules,
tax-invoice (세금계산서 / 계산서) requests and returns to suppliers (migration 0011_accounts)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from posapp.db.models.base import Base, UTCDateTime, utcnow


class TaxClassChange(Base):
    """A product's tax class (과세/면세) from a business day on. Until it is applied, the till
    sells under the latest change due on the sale's business day, else ``products.tax_class``.
    A sale line keeps the class it was sold under (``sale_lines.tax_class``), so a change never
    rewrites history. A cancelled change is kept (``cancelled_at``) and never applies."""

    __tablename__ = "tax_class_changes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    tax_class: Mapped[str] = mapped_column(String(8))
    effective_from: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    #: when it was written to ``products.tax_class`` (from then on the product's own class
    #: holds it, and a later edit of the product wins); NULL while scheduled
    applied_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_tax_class_changes_product", "product_id", "effective_from"),)


class CommissionRule(Base):
    """The store's commission on a supplier's sales, from a business day on: for one supplier
    (``producer_id``) or every supplier (NULL), for one category or all (NULL). ``rate_bp`` is
    in basis points (1,200 = 12 %); ``threshold`` (won, VAT included) is the supplier's sales
    in the calendar year below which the rule does not apply yet (0: from the first won)."""

    __tablename__ = "commission_rules"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    producer_id: Mapped[int | None] = mapped_column(ForeignKey("producers.id"), index=True)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"))
    effective_from: Mapped[dt.date] = mapped_column(Date)
    threshold: Mapped[int] = mapped_column(Integer, default=0)
    rate_bp: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class TaxInvoice(Base):
    """A 세금계산서 (과세 part) / 계산서 (면세 part) asked for a sale — or for a class or
    meeting-room booking not paid at the till (``booking_uuid``, no ``sale_uuid``; its
    ``receipt_no`` is the booking's reference ``BK…`` and ``item`` its 품목) — with the
    buyer's details; ``state`` to_issue → issued (with the NTS approval number) or cancelled."""

    __tablename__ = "tax_invoices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_uuid: Mapped[str | None] = mapped_column(String(36), unique=True)
    booking_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    item: Mapped[str] = mapped_column(String(200), default="", server_default="")
    receipt_no: Mapped[str] = mapped_column(String(32))
    business_date: Mapped[dt.date] = mapped_column(Date, index=True)
    buyer_business_no: Mapped[str] = mapped_column(String(10))
    buyer_name: Mapped[str] = mapped_column(String(120))
    buyer_ceo: Mapped[str] = mapped_column(String(60))
    buyer_email: Mapped[str] = mapped_column(String(120))
    buyer_address: Mapped[str] = mapped_column(String(200), default="")
    buyer_business_type: Mapped[str] = mapped_column(String(60), default="")
    buyer_business_item: Mapped[str] = mapped_column(String(60), default="")
    supply_value: Mapped[int] = mapped_column(Integer)
    vat: Mapped[int] = mapped_column(Integer)
    exempt_total: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(12), default="to_issue")
    nts_approval_no: Mapped[str | None] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    issued_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class SupplierReturn(Base):
    """Goods sent back to their supplier (반품): the stock movement's document, what of which
    lot, at the lot's cost, and why; a 직매입 supplier's settlement is reduced by it."""

    __tablename__ = "supplier_returns"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    producer_id: Mapped[int | None] = mapped_column(ForeignKey("producers.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("lots.id"))
    qty: Mapped[int] = mapped_column(Integer)
    unit_cost: Mapped[int | None] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
