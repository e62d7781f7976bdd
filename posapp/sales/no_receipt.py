"""Returns without a receipt (영수증 없는 반품): the customer lost the receipt, a manager takes the
goods back anyway.

The goods are priced as the catalogue has them now (the price in force, a marked-down lot's
price; never what a ticket says), the money goes back in cash only — no original approval to
cancel, no 현금영수증 to cancel — up to the store's limits (:mod:`posapp.store_policy`:
``no_receipt_refund_limit`` per return, ``no_receipt_shift_count`` / ``no_receipt_shift_total``
per shift, 0 = no limit). It is a refund document like any other (kind ``refund``, numbered,
journalled, in the outbox, restocked), with no original sale (``original_sale_id`` NULL: that is
what marks it), its reason prefixed :data:`REASON_PREFIX` and the approving manager in
``approved_by``; the audit event ``sale.refund_no_receipt`` records who and why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from posapp import audit, store_policy
from posapp.auth.permissions import Permission, require_permission
from posapp.db.engine import UnitOfWork
from posapp.db.models import Lot, Sale, utcnow
from posapp.domain.cart import price_cart
from posapp.domain.tax import split_vat
from posapp.inventory import catalog
from posapp.inventory.ledger import MovementRow
from posapp.sales import refund_record
from posapp.sales.error_codes import RefundErrorCode
from posapp.sales.sale_records import (
    INSERT_PAYMENTS,
    CompletedSale,
    SaleError,
    line_rows,
    payment_rows,
    untracked_products,
)
from posapp.sales.shifts import require_open_shift
from posapp.sales.tenders import Method, Tender, settle

#: the refund's ``reason`` starts with this: the receipt and a reprint say so
REASON_PREFIX = "영수증 없는 반품: "

#: the reasons offered (기타: written out)
REASONS = ("영수증 분실", "선물 받음", "영수증 훼손", "기타")


@dataclass(frozen=True, slots=True)
class NoReceiptTotals:
    """This shift's returns without a receipt so far."""

    count: int
    total: int  # won given back (positive)


def shift_totals(uow: UnitOfWork, shift_id: int) -> NoReceiptTotals:
    s = Sale.__table__
    count, total = uow.conn.execute(
        select(func.count(), func.coalesce(func.sum(s.c.total), 0)).where(
            s.c.shift_id == shift_id, s.c.kind == "refund", s.c.original_sale_id.is_(None)
        )
    ).one()
    return NoReceiptTotals(int(count), -int(total))


def refund_without_receipt(
    uow: UnitOfWork,
    items: Sequence[tuple[int, int]],
    *,
    register_id: str,
    user_id: int,
    approved_by: int | None,
    reason: str,
    approver_name: str = "",
    doc_uuid: str,
    now: dt.datetime | None = None,
) -> CompletedSale:
    """Take back ``items`` [(product_id, qty)] (qty in pieces, or grams of weighed goods) at the
    price in force and pay it out in cash. ``doc_uuid`` is the ticket's: a ticket is taken back
    once (a second press is refused with the first's number). Refused, with nothing written,
    without a manager, a reason, goods, or over the store's limits."""
    require_permission(uow, approved_by, Permission.REFUND, "a return without a receipt")
    reason = reason.strip()
    if not reason:
        raise SaleError(
            "a return without a receipt needs a reason", code=RefundErrorCode.NO_RECEIPT_REASON
        )
    if not items:
        raise SaleError("nothing to take back", code=RefundErrorCode.NO_RECEIPT_EMPTY)
    conn = uow.conn
    now = now or utcnow()
    s = Sale.__table__
    done = conn.execute(select(s.c.receipt_no).where(s.c.uuid == doc_uuid)).scalar()
    if done is not None:
        raise SaleError(
            f"ticket {doc_uuid} was already taken back as {done}",
            code=RefundErrorCode.NO_RECEIPT_TWICE,
            receipt=done,
        )
    products = catalog.products_by_id(uow, [pid for pid, _ in items])
    lines = []
    for pid, qty in items:
        product = products.get(pid)
        if product is None:
            raise SaleError(f"no product {pid}", code=RefundErrorCode.NO_RECEIPT_EMPTY)
        # the price in force, as a sale would take it now (withdrawn goods are still taken back)
        lines.append(catalog.marked_down(uow, product.line(qty)))
    priced = price_cart(lines)
    total = priced.total
    policy = store_policy.load(uow)
    limit = policy["no_receipt_refund_limit"]
    if total > limit:
        raise SaleError(
            f"a return without a receipt is at most {limit} won",
            code=RefundErrorCode.NO_RECEIPT_LIMIT,
            limit=limit,
            amount=total,
        )
    shift_id, _ = require_open_shift(uow, register_id)
    so_far = shift_totals(uow, shift_id)
    count_limit = policy["no_receipt_shift_count"]
    total_limit = policy["no_receipt_shift_total"]
    if (count_limit and so_far.count + 1 > count_limit) or (
        total_limit and so_far.total + total > total_limit
    ):
        raise SaleError(
            "over the shift's limit of returns without a receipt",
            code=RefundErrorCode.NO_RECEIPT_SHIFT,
            done=so_far.count,
            done_total=so_far.total,
            count_limit=count_limit or "-",
            total_limit=total_limit,
        )
    tenders = _cash(total, policy["cash_rounding_unit"])
    settlement = settle(total, tenders)
    tax = split_vat(-priced.tax.taxable_total, -priced.tax.exempt_total)
    rows = []
    for r in line_rows(0, priced):
        for k in ("qty", "gross", "line_discount", "ticket_discount", "net"):
            r[k] = -r[k]
        for k in ("regular_price", "price_override_reason", "price_override_by"):
            del r[k]
        rows.append(r)
    header = refund_record.write_header(
        uow,
        uuid=doc_uuid,
        register_id=register_id,
        shift_id=shift_id,
        user_id=user_id,
        now=now,
        original_sale_id=None,
        lines=rows,
        total=total,
        tax=tax,
        approved_by=approved_by,
        reason=REASON_PREFIX + reason,
    )
    payments = payment_rows(header.id, tenders, settlement, None, sign=-1)
    conn.execute(INSERT_PAYMENTS, payments)
    untracked = untracked_products(uow, [r["product_id"] for r in rows])
    moves = _restock_moves(uow, [r for r in rows if r["product_id"] not in untracked])
    done = refund_record.finish(
        uow,
        header,
        rows,
        payments,
        moves,
        tax=tax,
        original_uuid=None,
        original_line_nos=[None] * len(rows),
        no_receipt=receipt_lines(header.row["reason"], approver_name),
    )
    audit.record(
        conn,
        "sale.refund_no_receipt",
        approved_by,
        register_id,
        done.receipt_no,
        None,
        {
            "refund": done.receipt_no,
            "amount": total,
            "cashier": user_id,
            "manager": approver_name,
            "reason": reason,
            "items": [f"{pid}:{qty}" for pid, qty in items],
        },
        now,
    )
    return done


def receipt_lines(reason: str, manager: str) -> tuple[str, ...]:
    """What the 반품 영수증 says of a return without a receipt (its reason as recorded, with
    or without :data:`REASON_PREFIX`, and the approving manager) — printed and reprinted."""
    return (f"사유 {reason.removeprefix(REASON_PREFIX)}", f"승인 관리자 {manager}".rstrip())


def _cash(total: int, unit: int) -> list[Tender]:
    """All in cash, its 원단위 절사 as a sale's: the drawer pays out whole tens."""
    r = total % unit if unit > 1 else 0
    if r and total > r:
        return [Tender.cash(total - r), Tender(Method.ROUNDING, r)]
    return [Tender.cash(total)]


def _restock_moves(uow: UnitOfWork, rows: Sequence[Mapping[str, Any]]) -> list[MovementRow]:
    """The goods back on the shelf: into the product's latest-expiring floor lot (no receipt
    says which lot they came from), unlotted when it has none."""
    lot = Lot.__table__
    out: list[MovementRow] = []
    qty: dict[int, int] = {}
    for r in rows:
        qty[r["product_id"]] = qty.get(r["product_id"], 0) - r["qty"]
    for pid, q in sorted(qty.items()):
        lot_id = uow.conn.execute(
            select(lot.c.id)
            .where(lot.c.product_id == pid, lot.c.location == "floor")
            .order_by(lot.c.expiry_date.is_(None), lot.c.expiry_date.desc(), lot.c.id.desc())
            .limit(1)
        ).scalar()
        if q:
            out.append(MovementRow(pid, lot_id, q))
    return out
