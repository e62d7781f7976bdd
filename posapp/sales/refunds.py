"""Refunds: finding an earlier sale by its receipt number and giving back all or part of it.

Owns what of each line is still refundable, the refund document (negative lines and payments,
amounts prorated so a sale refunded in parts sums back to its total), restocking to the lots the
goods came from, and the refund's journal entry, outbox event and audit event — in one
transaction, like a sale.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection, func, select, update

from posapp import audit
from posapp.auth.permissions import Permission, require_permission
from posapp.db.engine import UnitOfWork
from posapp.db.models import (
    Lot,
    Payment,
    PendingCashReceipt,
    Sale,
    SaleLine,
    StockMovement,
    utcnow,
)
from posapp.domain.money import prorate
from posapp.domain.tax import TaxClass, TaxSplit, split_vat
from posapp.inventory.ledger import MovementRow
from posapp.sales import card_cancels, refund_record
from posapp.sales.error_codes import RefundErrorCode
from posapp.sales.sale_records import (
    INSERT_PAYMENTS,
    CompletedSale,
    PaymentInfo,
    SaleError,
    payment_info,
    payment_rows,
    untracked_products,
)
from posapp.sales.shifts import require_open_shift
from posapp.sales.tenders import CARD_METHODS, Evidence, Method, Tender, VoucherKind, settle


@dataclass(frozen=True, slots=True)
class RefundableLine:
    line_id: int
    line_no: int
    product_id: int
    name: str
    unit: str
    qty: int
    refunded_qty: int
    net: int
    refunded_net: int
    tax_class: str

    @property
    def remaining_qty(self) -> int:
        return self.qty - self.refunded_qty

    def amount_for(self, qty: int) -> int:
        """What refunding ``qty`` of this line gives back: its net prorated by quantity; the
        last refund of a line takes exactly what is left (a sale refunded in parts sums back)."""
        if qty == self.remaining_qty:
            return self.net - self.refunded_net
        return prorate(self.net, qty, self.qty)


@dataclass(frozen=True, slots=True)
class SaleSummary:
    id: int
    uuid: str
    receipt_no: str
    kind: str
    created_at: dt.datetime
    total: int
    lines: tuple[RefundableLine, ...]
    payments: tuple[PaymentInfo, ...]


def lock_sale(uow: UnitOfWork, receipt_no: str) -> None:
    """Lock the original sale's row for this transaction (PostgreSQL ``SELECT … FOR UPDATE``;
    SQLite's writer already holds the database), so two tills refunding the same sale at once
    take turns: the second reads what the first left (no line refunded twice)."""
    if uow.conn.dialect.name == "postgresql":
        s = Sale.__table__
        uow.conn.execute(
            select(s.c.id).where(s.c.receipt_no == receipt_no.strip()).with_for_update()
        )


def find_sale(uow: UnitOfWork, receipt_no: str) -> SaleSummary:
    """An earlier sale by its receipt number, with what of each line is still refundable."""
    conn = uow.conn
    s = Sale.__table__
    sale = conn.execute(select(s).where(s.c.receipt_no == receipt_no.strip())).mappings().first()
    if sale is None:
        raise SaleError(
            f"no receipt {receipt_no}", code=RefundErrorCode.UNKNOWN_RECEIPT, receipt_no=receipt_no
        )
    sl = SaleLine.__table__
    lines = (
        conn.execute(select(sl).where(sl.c.sale_id == sale["id"]).order_by(sl.c.line_no))
        .mappings()
        .all()
    )
    refunded = {
        lid: (int(-q), int(-n))
        for lid, q, n in conn.execute(
            select(sl.c.original_line_id, func.sum(sl.c.qty), func.sum(sl.c.net))
            .where(sl.c.original_line_id.in_([ln["id"] for ln in lines]))
            .group_by(sl.c.original_line_id)
        )
    }
    p = Payment.__table__
    pays = conn.execute(select(p).where(p.c.sale_id == sale["id"]).order_by(p.c.seq)).mappings()
    return SaleSummary(
        id=sale["id"],
        uuid=sale["uuid"],
        receipt_no=sale["receipt_no"],
        kind=sale["kind"],
        created_at=sale["created_at"],
        total=sale["total"],
        lines=tuple(
            RefundableLine(
                line_id=ln["id"],
                line_no=ln["line_no"],
                product_id=ln["product_id"],
                name=ln["name"],
                unit=ln["unit"],
                qty=ln["qty"],
                refunded_qty=refunded.get(ln["id"], (0, 0))[0],
                net=ln["net"],
                refunded_net=refunded.get(ln["id"], (0, 0))[1],
                tax_class=ln["tax_class"],
            )
            for ln in lines
        ),
        payments=tuple(payment_info(x) for x in pays),
    )


def refund(
    uow: UnitOfWork,
    receipt_no: str,
    *,
    register_id: str,
    user_id: int,
    approved_by: int | None,
    lines: Mapping[int, int] | None = None,
    tenders: Sequence[Tender] | None = None,
    reason: str = "",
    restock: bool = True,
    amounts: Mapping[int, int] | None = None,
    now: dt.datetime | None = None,
    tender_reason: str = "",
    cash_receipt_cancel: str | None = None,
    exchange_credit: int = 0,
    exchange_id: str | None = None,
) -> CompletedSale:
    """Refund all (``lines=None``) or some lines {line_no: qty} of an earlier sale.

    ``amounts`` {line_no: won} gives back less than the prorated amount for those lines (a
    class cancelled with a partial refund by policy); the rest of the line stays the store's.
    Services (products not stock-tracked) are never restocked.

    Amounts are the original line's net prorated by quantity; the last refund of a line takes
    exactly what is left, so a sale refunded in parts sums back to its total. Returned goods go
    back to the lots they came from (the latest-expiring of them) unless ``restock`` is off
    (spoiled goods are wasted instead).

    Tenders default to giving back the way the sale was paid (:func:`default_tenders`): each
    card approval up to what is left of it, vouchers, then cash. A card part is a cancel of
    one of the sale's own approvals (``original_approval_no``): ``card`` with the terminal's
    cancel approval, ``card_manual`` with the approval of a cancel made on a standalone
    terminal, or ``card_pending`` — the cancel waits in :mod:`posapp.sales.card_cancels` —
    never a card refund under the original approval number. Tenders other than the default
    need ``tender_reason`` (the manager approving the refund approves it); it is audited.

    A sale with a 현금영수증: the refund's non-card payments stay ``cash_receipt`` evidence (so
    its totals fall) and the refunded part is cancelled — ``cash_receipt_cancel`` is the
    terminal's cancel approval; without it the cancel waits in :mod:`posapp.sales.card_cancels`.
    A 현금영수증 still pending (never issued) is reduced by the refunded part instead.

    An exchange (교환, :mod:`posapp.sales.exchanges`): ``exchange_credit`` won of what is given
    back pays for the new goods of the same ticket — an ``exchange`` tender carrying
    ``exchange_id`` — and only the rest is given back by the rules above.
    """
    require_permission(uow, approved_by, Permission.REFUND, "a refund")
    conn = uow.conn
    now = now or utcnow()
    lock_sale(uow, receipt_no)  # a second till refunding it waits, then reads what is left
    original = find_sale(uow, receipt_no)
    if original.kind != "sale":
        raise SaleError("a refund cannot itself be refunded", code=RefundErrorCode.OF_REFUND)
    refund_lines, orig_nos, total, tax = _refund_lines(conn, original, lines, amounts)
    defaults = _exchange_first(
        exchange_credit,
        exchange_id,
        total,
        lambda rest: default_tenders(original, rest, card_refundable(conn, original)),
    )
    if tenders is None:
        tenders = defaults
    _check_exchange_part(tenders, exchange_credit, exchange_id)
    tenders = _check_refund_tenders(conn, original, list(tenders), defaults, tender_reason)
    settlement = settle(total, list(tenders))
    if settlement.change:
        raise SaleError("a refund pays out exactly what is due", code=RefundErrorCode.OVERPAID)
    shift_id, _ = require_open_shift(uow, register_id)
    refund_uuid = str(uuidlib.uuid4())
    header = refund_record.write_header(
        uow,
        uuid=refund_uuid,
        register_id=register_id,
        shift_id=shift_id,
        user_id=user_id,
        now=now,
        original_sale_id=original.id,
        lines=refund_lines,
        total=total,
        tax=tax,
        approved_by=approved_by,
        reason=reason,
    )
    sale_id, receipt = header.id, header.receipt_no
    payments = payment_rows(sale_id, tenders, settlement, None, sign=-1)
    receipt_of = original_cash_receipt(conn, original)
    non_card = 0
    if receipt_of is not None:  # the refunded cash stays 현금영수증 evidence: its totals fall
        for row in payments:
            # an exchange's credit stays with the goods the customer takes: still covered
            if row["method"] in CARD_METHODS or row["method"] == Method.EXCHANGE.value:
                continue
            non_card -= row["amount"]
            row["evidence"] = Evidence.CASH_RECEIPT.value
            row["cash_receipt_identity"] = receipt_of.identity_masked
            row["cash_receipt_purpose"] = receipt_of.purpose
            row["cash_receipt_approval"] = cash_receipt_cancel
    if payments:
        conn.execute(INSERT_PAYMENTS, payments)
    for t, row in zip(tenders, payments, strict=True):
        if t.method is Method.CARD_PENDING:
            assert t.original_approval_no and t.original_approved_at is not None
            card_cancels.queue(
                uow,
                refund_uuid=refund_uuid,
                receipt_no=receipt,
                register_id=register_id,
                payment_seq=row["seq"],
                original_approval_no=t.original_approval_no,
                original_approved_at=t.original_approved_at,
                amount=t.amount,
                at=now,
            )
    if receipt_of is not None and non_card:
        _refund_cash_receipt(
            uow, receipt_of, non_card, cash_receipt_cancel, refund_uuid, receipt, register_id, now
        )
    moves: list[MovementRow] = []
    if restock:
        untracked = untracked_products(uow, [r["product_id"] for r in refund_lines])
        tracked = [r for r in refund_lines if r["product_id"] not in untracked]
        moves = _restock_moves(conn, original.uuid, tracked)
    done = refund_record.finish(
        uow,
        header,
        refund_lines,
        payments,
        moves,
        tax=tax,
        original_uuid=original.uuid,
        original_line_nos=orig_nos,
        original_receipt_no=original.receipt_no,
        **_receipt_words(receipt_of, non_card, cash_receipt_cancel),
    )
    after: dict[str, Any] = {
        "refund": receipt,
        "amount": total,
        "cashier": user_id,
        "reason": reason,
    }
    if exchange_id is not None:
        after["exchange"] = exchange_id
        after["exchange_credit"] = exchange_credit
    if _shape(tenders) != _shape(defaults):
        after["tender_reason"] = tender_reason
        after["tenders"] = [f"{t.method.value}:{t.amount}" for t in tenders]
    audit.record(
        conn, "sale.refund", approved_by, register_id, original.receipt_no, None, after, now
    )
    return done


def _refund_lines(
    conn: Connection,
    original: SaleSummary,
    lines: Mapping[int, int] | None,
    amounts: Mapping[int, int] | None,
) -> tuple[list[dict[str, Any]], list[int | None], int, TaxSplit]:
    """The refund's line rows of ``lines`` {line_no: qty} (None: all that is left), the
    original line numbers, the total to give back and its VAT split."""
    receipt_no = original.receipt_no
    by_no = {ln.line_no: ln for ln in original.lines}
    wanted = (
        {ln.line_no: ln.remaining_qty for ln in original.lines if ln.remaining_qty > 0}
        if lines is None
        else dict(lines)
    )
    if not wanted:
        raise SaleError(
            f"receipt {receipt_no} is already fully refunded",
            code=RefundErrorCode.NOTHING,
            receipt_no=receipt_no,
        )
    refund_lines: list[dict[str, Any]] = []
    orig_nos: list[int | None] = []
    for no, qty in sorted(wanted.items()):
        ln = by_no.get(no)
        if ln is None:
            raise SaleError(
                f"receipt {receipt_no} has no line {no}",
                code=RefundErrorCode.UNKNOWN_LINE,
                receipt_no=receipt_no,
                line=no,
            )
        if not isinstance(qty, int) or qty <= 0:
            raise SaleError(
                f"line {no}: refund quantity must be positive", code=RefundErrorCode.QTY, line=no
            )
        if qty > ln.remaining_qty:
            raise SaleError(
                f"line {no} ({ln.name}): only {ln.remaining_qty} left to refund",
                code=RefundErrorCode.TOO_MANY,
                line=no,
                name=ln.name,
                remaining=ln.remaining_qty,
                line_no=no,
            )
        net = ln.amount_for(qty)
        partial = amounts is not None and no in amounts
        if partial:
            assert amounts is not None
            if not isinstance(amounts[no], int) or not 0 < amounts[no] <= net:
                raise SaleError(
                    f"line {no}: a refund amount must be above 0 and at most {net}",
                    code=RefundErrorCode.AMOUNT,
                    line=no,
                    amount=amounts[no],
                    most=net,
                )
            net = amounts[no]
        orig = (
            conn.execute(select(SaleLine.__table__).where(SaleLine.__table__.c.id == ln.line_id))
            .mappings()
            .one()
        )
        share_gross = orig["gross"] if qty == ln.qty else prorate(orig["gross"], qty, ln.qty)
        share_ld = (
            orig["line_discount"] if qty == ln.qty else prorate(orig["line_discount"], qty, ln.qty)
        )
        if partial:  # a partial refund of an amount: no discount shares, just the amount
            share_gross, share_ld = net, 0
        share_td = share_gross - share_ld - net
        refund_lines.append(
            {
                "line_no": len(refund_lines) + 1,
                "product_id": ln.product_id,
                "barcode": orig["barcode"],
                "name": ln.name,
                "unit": ln.unit,
                "qty": -qty,
                "unit_price": orig["unit_price"],
                "gross": -share_gross,
                "line_discount": -share_ld,
                "ticket_discount": -share_td,
                "net": -net,
                "tax_class": ln.tax_class,
                "discount_kind": orig["discount_kind"],
                "discount_value": orig["discount_value"],
                "original_line_id": ln.line_id,
            }
        )
        orig_nos.append(no)
    total = -sum(r["net"] for r in refund_lines)
    taxable = -sum(r["net"] for r in refund_lines if r["tax_class"] == TaxClass.TAXABLE.value)
    tax = split_vat(-taxable, -(total - taxable))
    return refund_lines, orig_nos, total, tax


def card_refundable(conn: Connection, original: SaleSummary) -> dict[str, int]:
    """What is left to refund of each card approval of ``original``: its amount less the card
    refunds already made against it (terminal, standalone, or still waiting)."""
    left = {
        p.approval_no: p.amount
        for p in original.payments
        if p.method in CARD_METHODS and p.approval_no
    }
    if not left:
        return left
    s, p = Sale.__table__, Payment.__table__
    done = conn.execute(
        select(p.c.original_approval_no, func.sum(p.c.amount))
        .select_from(p.join(s, s.c.id == p.c.sale_id))
        .where(s.c.original_sale_id == original.id, p.c.original_approval_no.is_not(None))
        .group_by(p.c.original_approval_no)
    )
    for approval_no, amount in done:
        if approval_no in left:
            left[approval_no] += int(amount)  # refund payments are negative
    return left


def default_tenders(
    original: SaleSummary, total: int, card_left: Mapping[str, int]
) -> list[Tender]:
    """Give back the way the customer paid: each card approval up to what is left of it (a
    ``card_pending`` tender naming the approval: the cancel still to make), vouchers, then
    cash for the rest."""
    out: list[Tender] = []
    left = total
    cards = [p for p in original.payments if p.method in CARD_METHODS and p.approval_no]
    for p in sorted(cards, key=lambda p: -p.amount):
        assert p.approval_no is not None
        amount = min(left, card_left.get(p.approval_no, 0))
        if amount <= 0:
            continue
        out.append(
            Tender(
                Method.CARD_PENDING,
                amount,
                card_masked=p.card_masked,
                card_issuer=p.card_issuer,
                card_acquirer=p.card_acquirer,
                merchant_no=p.merchant_no,
                installment_months=p.installment_months,
                original_approval_no=p.approval_no,
                original_approved_at=p.approved_at or original.created_at,
                # an electronic voucher goes back to the voucher (its evidence with it)
                voucher_kind=VoucherKind(p.voucher_kind) if p.voucher_kind else None,
            )
        )
        left -= amount
    for p in original.payments:
        if left <= 0:
            break
        if p.method != Method.VOUCHER.value or p.voucher_kind is None:
            continue
        amount = min(left, p.amount)
        out.append(Tender(Method.VOUCHER, amount, voucher_kind=VoucherKind(p.voucher_kind)))
        left -= amount
    if left > 0:
        out.append(Tender.cash(left))
    return out


def _shape(tenders: Sequence[Tender]) -> list[tuple[str, str, int]]:
    """What a refund's tenders give back, and to which payment: a card part by the approval it
    cancels (terminal, standalone or waiting alike)."""
    out = []
    cash = 0  # cash and its 원단위 절사 are one cash part
    for t in tenders:
        if t.method in CARD_METHODS:
            out.append(("card", t.original_approval_no or "", t.amount))
        elif t.method is Method.VOUCHER:
            out.append(("voucher", t.voucher_kind.value if t.voucher_kind else "", t.amount))
        elif t.method is Method.EXCHANGE:
            out.append(("exchange", t.reference or "", t.amount))
        else:
            cash += t.amount
    if cash:
        out.append(("cash", "", cash))
    return sorted(out)


def _exchange_first(
    credit: int,
    exchange_id: str | None,
    total: int,
    rest: Callable[[int], list[Tender]],
) -> list[Tender]:
    """The default tenders of a refund: of an exchange, its credit to the new sale first and
    the sale's own way for the rest (``rest`` of what is left); else the sale's own way."""
    if exchange_id is None and not credit:
        return rest(total)
    if exchange_id is None or not 0 < credit <= total:
        raise SaleError(
            "an exchange moves at most what is refunded to the new sale",
            code=RefundErrorCode.EXCHANGE,
            credit=credit,
            most=total,
        )
    out = [Tender(Method.EXCHANGE, credit, reference=exchange_id)]
    return out + (rest(total - credit) if total > credit else [])


def _check_exchange_part(tenders: Sequence[Tender], credit: int, exchange_id: str | None) -> None:
    """An ``exchange`` tender is only the exchange's own credit, exactly, under its id: a
    refund cannot hand its money to a sale that is not its exchange."""
    parts = [t for t in tenders if t.method is Method.EXCHANGE]
    if not parts and not credit:
        return
    if sum(t.amount for t in parts) != credit or any(t.reference != exchange_id for t in parts):
        raise SaleError(
            "an exchange moves at most what is refunded to the new sale",
            code=RefundErrorCode.EXCHANGE,
            credit=sum(t.amount for t in parts),
            most=credit,
        )


def _check_refund_tenders(
    conn: Connection,
    original: SaleSummary,
    tenders: list[Tender],
    defaults: Sequence[Tender],
    tender_reason: str,
) -> list[Tender]:
    """A card part cancels one of the sale's own approvals, within what is left of it, under
    an approval of its own; tenders other than the defaults need a reason."""
    left = dict(card_refundable(conn, original))
    originals = {p.approval_no for p in original.payments if p.approval_no}
    at = {p.approval_no: p.approved_at for p in original.payments if p.approval_no}
    out: list[Tender] = []
    for t in tenders:
        if t.method not in CARD_METHODS:
            out.append(t)
            continue
        orig = t.original_approval_no
        if orig is None or orig not in left or t.amount > left[orig]:
            raise SaleError(
                "a card refund cancels one of the sale's own approvals, within what is left",
                code=RefundErrorCode.CARD_TENDER,
                approval_no=orig or "-",
                most=left.get(orig or "", 0),
            )
        if t.approval_no is not None and (t.approval_no == orig or t.approval_no in originals):
            raise SaleError(
                "a card refund is recorded under its cancel's approval, not the original's",
                code=RefundErrorCode.OLD_APPROVAL,
            )
        left[orig] -= t.amount
        if t.original_approved_at is None:
            t = replace(t, original_approved_at=at.get(orig) or original.created_at)
        out.append(t)
    if _shape(out) != _shape(defaults) and not tender_reason.strip():
        raise SaleError(
            "a refund paid out another way than the sale was paid needs a reason",
            code=RefundErrorCode.TENDER_REASON,
        )
    return out


@dataclass(frozen=True, slots=True)
class OriginalCashReceipt:
    """The 현금영수증 of a sale: issued (``approval_no``) or still pending (``pending_id``)."""

    identity_masked: str
    purpose: str
    approval_no: str | None
    approved_at: dt.datetime
    pending_id: int | None
    pending_amount: int


def original_cash_receipt(conn: Connection, original: SaleSummary) -> OriginalCashReceipt | None:
    """The 현금영수증 the sale was given, if any (its payments say so)."""
    p = Payment.__table__
    row = (
        conn.execute(
            select(p.c.cash_receipt_identity, p.c.cash_receipt_purpose, p.c.cash_receipt_approval)
            .where(p.c.sale_id == original.id, p.c.evidence == Evidence.CASH_RECEIPT.value)
            .order_by(p.c.seq)
        )
        .mappings()
        .first()
    )
    if row is None:
        return None
    cr = PendingCashReceipt.__table__
    pend = conn.execute(select(cr).where(cr.c.sale_uuid == original.uuid)).mappings().first()
    approval = row["cash_receipt_approval"]
    at = original.created_at
    pending_id, pending_amount = None, 0
    if pend is not None:
        if pend["issued_at"] is None:
            pending_id, pending_amount = pend["id"], pend["amount"]
        elif pend["approval_no"]:
            approval, at = pend["approval_no"], pend["issued_at"]
    return OriginalCashReceipt(
        identity_masked=row["cash_receipt_identity"] or "",
        purpose=row["cash_receipt_purpose"] or "income_deduction",
        approval_no=approval,
        approved_at=at,
        pending_id=pending_id,
        pending_amount=pending_amount,
    )


def _refund_cash_receipt(
    uow: UnitOfWork,
    receipt_of: OriginalCashReceipt,
    amount: int,
    cancel_approval: str | None,
    refund_uuid: str,
    receipt_no: str,
    register_id: str,
    now: dt.datetime,
) -> None:
    """The 현금영수증 side of a refund of ``amount`` won of non-card payments: a pending one is
    reduced before it is issued; an issued one is cancelled (or its cancel waits)."""
    cr = PendingCashReceipt.__table__
    if receipt_of.pending_id is not None:
        left = max(0, receipt_of.pending_amount - amount)
        values: dict[str, Any] = {"amount": left}
        if left == 0:  # nothing left to issue: it is done with, never issued
            values |= {"issued_at": now, "last_error": "환불로 발급 취소"}
        uow.conn.execute(update(cr).where(cr.c.id == receipt_of.pending_id).values(**values))
        audit.record(
            uow.conn,
            "cash_receipt.reduce",
            None,
            register_id,
            receipt_no,
            {"amount": receipt_of.pending_amount},
            {"amount": left, "refund": receipt_no},
            now,
        )
    elif receipt_of.approval_no and cancel_approval is None:
        card_cancels.queue(
            uow,
            refund_uuid=refund_uuid,
            receipt_no=receipt_no,
            register_id=register_id,
            payment_seq=0,
            original_approval_no=receipt_of.approval_no,
            original_approved_at=receipt_of.approved_at,
            amount=amount,
            at=now,
            kind="cash_receipt",
        )


def _receipt_words(
    receipt_of: OriginalCashReceipt | None, amount: int, cancel_approval: str | None
) -> dict[str, Any]:
    """What the refund's receipt says of the 현금영수증: cancelled (its approval), cancel
    waiting, or reduced before it was issued."""
    if receipt_of is None or not amount:
        return {}
    purpose = "지출증빙" if receipt_of.purpose == "expense_proof" else "소득공제"
    if receipt_of.identity_masked == "010-000-1234":
        purpose = "자진발급"
    if receipt_of.pending_id is not None:
        purpose += " 발급 전 감액"
    elif cancel_approval is None:
        purpose += " 취소 대기"
    return {
        "cash_receipt": receipt_of.identity_masked,
        "cash_receipt_purpose": purpose,
        "cash_receipt_approval": cancel_approval,
    }


@dataclass(frozen=True, slots=True)
class RefundQuote:
    """What a refund of some lines would give back, before anything is written: the total,
    its VAT split and the default tenders (card parts as ``card_pending``: cancels to make)."""

    original: SaleSummary
    total: int
    tax: TaxSplit
    tenders: tuple[Tender, ...]
    cash_receipt: OriginalCashReceipt | None = None


def quote(
    uow: UnitOfWork,
    receipt_no: str,
    lines: Mapping[int, int] | None = None,
    amounts: Mapping[int, int] | None = None,
    credit: int = 0,
) -> RefundQuote:
    """The refund :func:`refund` would make of ``lines`` with its default tenders (read only);
    ``credit``: of an exchange, the tenders are those of what is left after the credit."""
    original = find_sale(uow, receipt_no)
    if original.kind != "sale":
        raise SaleError("a refund cannot itself be refunded", code=RefundErrorCode.OF_REFUND)
    _, _, total, tax = _refund_lines(uow.conn, original, lines, amounts)
    rest = max(0, total - credit)
    tenders = default_tenders(original, rest, card_refundable(uow.conn, original)) if rest else []
    receipt_of = original_cash_receipt(uow.conn, original)
    return RefundQuote(original, total, tax, tuple(tenders), receipt_of)


def _restock_moves(
    conn: Connection, sale_uuid: str, refund_lines: Sequence[Mapping[str, Any]]
) -> list[MovementRow]:
    sm = StockMovement.__table__
    lots: dict[int, int | None] = {}
    rows = conn.execute(
        select(sm.c.product_id, sm.c.lot_id)
        .select_from(sm.outerjoin(Lot.__table__, Lot.__table__.c.id == sm.c.lot_id))
        .where(sm.c.doc_uuid == sale_uuid, sm.c.qty < 0)
        .order_by(sm.c.product_id, Lot.__table__.c.expiry_date.desc(), sm.c.id)
    )
    for pid, lot_id in rows:
        lots.setdefault(pid, lot_id)
    qty: dict[int, int] = defaultdict(int)
    for r in refund_lines:
        qty[r["product_id"]] += -r["qty"]
    return [MovementRow(pid, lots.get(pid), q) for pid, q in sorted(qty.items()) if q]
