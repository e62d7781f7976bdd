"""Finding an earlier receipt — by its number (or part of it), its business day, its amount or
the last four digits of the card that paid it — and reading that sale or refund back whole, as
:class:`~posapp.sales.sale_records.CompletedSale`, to print it again (재발행).

Reads only: ``sales``, ``sale_lines``, ``payments``. The reprint itself is journaled by
posapp.sales.drawer.record_reprint through the receipt-printing use case.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import aliased

from posapp.db.engine import UnitOfWork
from posapp.db.models import Payment, Sale, SaleLine, User
from posapp.domain.tax import TaxSplit
from posapp.sales.error_codes import RefundErrorCode
from posapp.sales.no_receipt import receipt_lines
from posapp.sales.sale_records import CompletedSale, PaymentInfo, SaleError, SoldLine


@dataclass(frozen=True, slots=True)
class ReceiptHit:
    """One receipt found: enough to tell it apart on a list."""

    receipt_no: str
    kind: str
    created_at: dt.datetime
    business_date: dt.date
    total: int
    cards: tuple[str, ...]  # the masked card numbers that paid it


def find_receipts(
    uow: UnitOfWork,
    *,
    number: str = "",
    day: dt.date | None = None,
    amount: int | None = None,
    card_last4: str = "",
    limit: int = 50,
) -> list[ReceiptHit]:
    """Receipts matching every criterion given, newest first, at most ``limit``."""
    s = Sale.__table__
    p = Payment.__table__
    q = select(s.c.id, s.c.receipt_no, s.c.kind, s.c.created_at, s.c.business_date, s.c.total)
    number = number.strip()
    if number:
        q = q.where(s.c.receipt_no.contains(number, autoescape=True))
    if day is not None:
        q = q.where(s.c.business_date == day)
    if amount is not None:
        q = q.where(s.c.total.in_([amount, -amount]))
    last4 = "".join(ch for ch in card_last4 if ch.isdigit())
    if last4:
        paid = aliased(p)
        q = q.where(
            select(paid.c.id)
            .where(paid.c.sale_id == s.c.id, paid.c.card_masked.endswith(last4, autoescape=True))
            .exists()
        )
    rows = uow.conn.execute(q.order_by(s.c.created_at.desc(), s.c.id.desc()).limit(limit)).all()
    cards: dict[int, list[str]] = {}
    if rows:
        for sale_id, masked in uow.conn.execute(
            select(p.c.sale_id, p.c.card_masked).where(
                p.c.sale_id.in_([r[0] for r in rows]), p.c.card_masked.is_not(None)
            )
        ):
            cards.setdefault(sale_id, []).append(masked)
    return [ReceiptHit(r[1], r[2], r[3], r[4], int(r[5]), tuple(cards.get(r[0], ()))) for r in rows]


def load_sale(uow: UnitOfWork, receipt_no: str) -> CompletedSale:
    """The sale or refund with ``receipt_no``, as it was completed (for a reprint)."""
    conn = uow.conn
    s = Sale.__table__
    row = conn.execute(select(s).where(s.c.receipt_no == receipt_no.strip())).mappings().first()
    if row is None:
        raise SaleError(
            f"no sale with receipt number {receipt_no}",
            code=RefundErrorCode.UNKNOWN_RECEIPT,
            receipt_no=receipt_no,
        )
    sl = SaleLine.__table__
    fields = [c for c in SoldLine.__dataclass_fields__ if c in sl.c]
    lines = tuple(
        SoldLine(**{k: r[k] for k in fields})
        for r in conn.execute(
            select(*[sl.c[k] for k in fields])
            .where(sl.c.sale_id == row["id"])
            .order_by(sl.c.line_no)
        ).mappings()
    )
    p = Payment.__table__
    pays = list(
        conn.execute(select(p).where(p.c.sale_id == row["id"]).order_by(p.c.seq)).mappings()
    )
    payments = tuple(
        PaymentInfo(
            method=r["method"],
            amount=r["amount"],
            tendered=r["tendered"],
            change=r["change_given"],
            evidence=r["evidence"],
            approval_no=r["approval_no"],
            card_masked=r["card_masked"],
            voucher_kind=r["voucher_kind"],
        )
        for r in pays
    )
    cash_receipt = next((r for r in pays if r["cash_receipt_identity"]), None)
    original = None
    no_receipt: tuple[str, ...] = ()
    if row["original_sale_id"] is not None:
        original = conn.execute(
            select(s.c.receipt_no).where(s.c.id == row["original_sale_id"])
        ).scalar()
    elif row["kind"] == "refund":  # a return without a receipt: its reason and manager again
        u = User.__table__
        manager = conn.execute(select(u.c.name).where(u.c.id == row["approved_by"])).scalar()
        no_receipt = receipt_lines(row["reason"] or "", manager or "")
    return CompletedSale(
        id=row["id"],
        uuid=row["uuid"],
        receipt_no=row["receipt_no"],
        kind=row["kind"],
        register_id=row["register_id"],
        user_id=row["user_id"],
        created_at=row["created_at"],
        business_date=row["business_date"],
        lines=lines,
        payments=payments,
        gross_total=row["gross_total"],
        discount_total=row["line_discount_total"] + row["ticket_discount_total"],
        total=row["total"],
        tax=TaxSplit(
            row["taxable_total"], row["supply_value"], row["vat"], row["exempt_total"], row["total"]
        ),
        change=sum(pi.change for pi in payments),
        cash_receipt=cash_receipt["cash_receipt_identity"] if cash_receipt else None,
        cash_receipt_purpose=cash_receipt["cash_receipt_purpose"] if cash_receipt else None,
        cash_receipt_approval=cash_receipt["cash_receipt_approval"] if cash_receipt else None,
        original_receipt_no=original,
        no_receipt=no_receipt,
    )
