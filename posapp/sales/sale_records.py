"""What a completed sale or refund is made of: the shared vocabulary of the sale engine.

Owns the engine's error (:class:`SaleError`; the store's business day of an instant is
:func:`posapp.domain.calendar.business_day`), the rows a sale or refund inserts (lines and payments,
built here once for both), the Core insert statements of the hot path, and the typed results handed
back to the caller (:class:`SoldLine`, :class:`PaymentInfo`, :class:`CompletedSale`): frozen
dataclasses, never the row dicts themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, insert, select

from posapp.db.engine import Record, UnitOfWork
from posapp.db.models import Payment, Product, Sale, SaleLine
from posapp.domain.cart import PricedCart
from posapp.domain.tax import TaxSplit
from posapp.errors import PosError
from posapp.inventory.ledger import MovementRow
from posapp.sales.tenders import (
    CARD_METHODS,
    CashReceiptRequest,
    Evidence,
    Method,
    Settlement,
    Tender,
    e_voucher_evidence,
)


class SaleError(PosError):
    pass


@dataclass(frozen=True, slots=True)
class PaymentInfo:
    method: str
    amount: int
    tendered: int
    change: int
    evidence: str
    approval_no: str | None = None
    card_masked: str | None = None
    voucher_kind: str | None = None
    approved_at: dt.datetime | None = None
    card_issuer: str | None = None
    installment_months: int = 0
    #: a refund's card payment: the approval it cancels, and that approval's date
    original_approval_no: str | None = None
    original_approved_at: dt.datetime | None = None
    seq: int = 0
    card_acquirer: str | None = None
    merchant_no: str | None = None


@dataclass(frozen=True, slots=True)
class SoldLine:
    """One line of a completed sale or refund as written (a refund's amounts are negative)."""

    sale_id: int
    line_no: int
    product_id: int
    barcode: str | None
    name: str
    unit: str
    qty: int
    unit_price: int
    gross: int
    line_discount: int
    ticket_discount: int
    net: int
    tax_class: str
    discount_kind: str | None = None
    discount_value: int | None = None
    original_line_id: int | None = None
    #: the catalogue price when the price was changed at the till (else None)
    regular_price: int | None = None
    price_override_reason: str | None = None
    price_override_by: int | None = None
    #: the shelf price a lot's markdown lowered ``unit_price`` from (else None)
    shelf_price: int | None = None


def sold_line(row: Mapping[str, Any]) -> SoldLine:
    """The typed line of an inserted line row (``sale_id`` set; a refund's row has no
    price-override keys). Built by keyword from the row: the cheapest way on the hot path."""
    return SoldLine(**row)


@dataclass(frozen=True, slots=True)
class CompletedSale:
    """What the receipt printer and the screen need of a completed sale or refund."""

    id: int
    uuid: str
    receipt_no: str
    kind: str
    register_id: str
    user_id: int
    created_at: dt.datetime
    business_date: dt.date
    lines: tuple[SoldLine, ...]
    payments: tuple[PaymentInfo, ...]
    gross_total: int
    discount_total: int
    total: int
    tax: TaxSplit
    change: int
    cash_receipt: str | None = None
    cash_receipt_purpose: str | None = None  # 소득공제 / 지출증빙
    cash_receipt_approval: str | None = None  # None: not issued through the terminal (yet)
    original_receipt_no: str | None = None
    movements: tuple[MovementRow, ...] = field(default=())
    #: a return without a receipt (posapp.sales.no_receipt): its reason and manager, as printed
    no_receipt: tuple[str, ...] = field(default=())


# --- the rows a sale or refund inserts --------------------------------------------------------

INSERT_SALE = insert(Sale.__table__)
INSERT_LINES = insert(SaleLine.__table__).inline()  # inline: no RETURNING, so batchable
INSERT_PAYMENTS = insert(Payment.__table__).inline()


def _evidence(t: Tender, cash_receipt: CashReceiptRequest | None) -> Evidence:
    if t.method in CARD_METHODS:
        return e_voucher_evidence(t.voucher_kind) if t.voucher_kind else Evidence.CARD
    if t.method is Method.ROUNDING:
        return Evidence.ROUNDING
    if t.method is Method.EXCHANGE:
        return Evidence.EXCHANGE
    if cash_receipt is not None:
        return Evidence.CASH_RECEIPT
    return Evidence.VOUCHER if t.method is Method.VOUCHER else Evidence.CASH


def line_rows(sale_id: int, priced: PricedCart) -> list[dict[str, Any]]:
    """The ``sale_lines`` rows of a priced ticket (``sale_id`` 0 when not known yet)."""
    rows = []
    for no, pl in enumerate(priced.lines, start=1):
        ln = pl.line
        rows.append(
            {
                "sale_id": sale_id,
                "line_no": no,
                "product_id": ln.product_id,
                "barcode": ln.barcode,
                "name": ln.name,
                "unit": ln.unit.value,
                "qty": ln.qty,
                "unit_price": ln.unit_price,
                "gross": pl.gross,
                "line_discount": pl.line_discount,
                "ticket_discount": pl.ticket_discount,
                "net": pl.net,
                "tax_class": ln.tax_class.value,
                "discount_kind": ln.discount.kind if ln.discount else None,
                "discount_value": ln.discount.value if ln.discount else None,
                "original_line_id": None,
                "regular_price": ln.price_override.regular_price if ln.price_override else None,
                "price_override_reason": ln.price_override.reason if ln.price_override else None,
                "price_override_by": ln.price_override.authorized_by if ln.price_override else None,
                "shelf_price": ln.shelf_price,
            }
        )
    return rows


def payment_rows(
    sale_id: int,
    tenders: Sequence[Tender],
    settlement: Settlement,
    cash_receipt: CashReceiptRequest | None,
    sign: int = 1,
) -> list[dict[str, Any]]:
    """The ``payments`` rows of the tenders as settled (``sign`` -1: a refund pays out)."""
    rows = []
    for seq, (t, applied) in enumerate(zip(tenders, settlement.applied, strict=True), start=1):
        evidence = _evidence(t, cash_receipt)
        receipt = cash_receipt if evidence is Evidence.CASH_RECEIPT else None
        rows.append(
            {
                "sale_id": sale_id,
                "seq": seq,
                "method": t.method.value,
                "amount": sign * applied,
                "tendered": (
                    sign * t.amount
                    if t.method is Method.CASH or t.voucher_rest is not None
                    else sign * applied
                ),
                "change_given": (
                    sign * (t.amount - applied)
                    if t.method is Method.CASH
                    else sign * _voucher_change(settlement, seq - 1)
                ),
                "evidence": evidence.value,
                "approval_no": t.approval_no,
                "approved_at": t.approved_at,
                "card_masked": t.card_masked,
                "card_issuer": t.card_issuer,
                "installment_months": t.installment_months,
                "voucher_kind": t.voucher_kind.value if t.voucher_kind else None,
                "reference": t.reference,
                "cash_receipt_identity": receipt.masked_identity() if receipt else None,
                "cash_receipt_purpose": receipt.purpose.value if receipt else None,
                "cash_receipt_approval": receipt.approval_no if receipt else None,
                "original_approval_no": t.original_approval_no,
                "original_approved_at": t.original_approved_at,
                "card_acquirer": t.card_acquirer,
                "merchant_no": t.merchant_no,
            }
        )
    return rows


def _voucher_change(settlement: Settlement, i: int) -> int:
    """The cash repaid for the rest of a paper voucher (0 for every other tender)."""
    return settlement.changes[i] if settlement.changes else 0


def payment_info(p: Record) -> PaymentInfo:
    """The typed payment of a ``payments`` row (inserted or read back)."""
    return PaymentInfo(
        method=p["method"],
        amount=p["amount"],
        tendered=p["tendered"],
        change=p["change_given"],
        evidence=p["evidence"],
        approval_no=p["approval_no"],
        card_masked=p["card_masked"],
        voucher_kind=p["voucher_kind"],
        approved_at=p["approved_at"],
        card_issuer=p["card_issuer"],
        installment_months=p["installment_months"] or 0,
        original_approval_no=p["original_approval_no"],
        original_approved_at=p["original_approved_at"],
        seq=p["seq"],
        card_acquirer=p["card_acquirer"],
        merchant_no=p["merchant_no"],
    )


_untracked_q = select(Product.id).where(
    Product.id.in_(bindparam("pids", expanding=True)), Product.stock_tracked.is_(False)
)


def untracked_products(uow: UnitOfWork, product_ids: Sequence[int]) -> set[int]:
    """Which of the products are services (a class fee, a room fee): sold without stock."""
    conn = uow.conn
    return set(conn.execute(_untracked_q, {"pids": sorted(set(product_ids))}).scalars())
