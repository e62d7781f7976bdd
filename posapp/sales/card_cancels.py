"""Card refunds the terminal could not make at the till (it was down, or the till has none).

A refund of a card payment is a cancel of the sale's own approval on the terminal. When the
terminal cannot be reached, the refund is still recorded (the goods came back) with its card
part ``card_pending`` and the cancel waits here, in the refund's own transaction (:func:`queue`,
called by :func:`posapp.sales.refunds.refund`). It is made later — by :func:`retry` when the
terminal answers again (the app runs it with the pending 현금영수증), or recorded by a manager
(:func:`mark_done`) with the approval number of a cancel made on a standalone terminal. Either
way the cancel's own approval number (never the original's) is kept here and an audit event says
who did it; the refund's document and journal entry never change (corrections are new
documents, and ``verify`` rebuilds every document from the sales tables). Until then the
customer's card is not refunded and :func:`pending` lists it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy import insert, select, update

from posapp import audit
from posapp.db.engine import Database, UnitOfWork
from posapp.db.models import Payment, PendingCardCancel, Sale, utcnow
from posapp.domain import tax_parts
from posapp.domain.tax_parts import TaxParts
from posapp.errors import PosError
from posapp.sales import cash_receipts
from posapp.sales.error_codes import CardCancelErrorCode
from posapp.sales.tenders import CARD_METHODS, refuse_card_number

log = logging.getLogger(__name__)

_t = PendingCardCancel.__table__


class CardCancelError(PosError):
    pass


@dataclass(frozen=True, slots=True)
class PendingCancel:
    """A card refund still to be cancelled on a terminal."""

    id: int
    receipt_no: str  # the refund's
    register_id: str
    kind: str  # "card" | "cash_receipt"
    amount: int
    original_approval_no: str
    original_approved_at: dt.datetime
    created_at: dt.datetime
    attempts: int
    last_error: str


@dataclass(frozen=True, slots=True)
class CancelRetryResult:
    done: int
    failed: int
    last_error: str = ""


def queue(
    uow: UnitOfWork,
    *,
    refund_uuid: str,
    receipt_no: str,
    register_id: str,
    payment_seq: int,
    original_approval_no: str,
    original_approved_at: dt.datetime,
    amount: int,
    at: dt.datetime,
    kind: str = "card",
) -> None:
    """Keep a card (or 현금영수증) cancel the terminal did not make (in the refund's
    transaction). A 현금영수증 cancel has ``payment_seq`` 0: it covers the refund's non-card
    payments."""
    uow.conn.execute(
        insert(_t)
        .inline()
        .values(
            refund_uuid=refund_uuid,
            receipt_no=receipt_no,
            register_id=register_id,
            kind=kind,
            payment_seq=payment_seq,
            original_approval_no=original_approval_no,
            original_approved_at=original_approved_at,
            amount=amount,
            created_at=at,
            attempts=0,
            last_error="",
        )
    )


def pending(uow: UnitOfWork, register_id: str | None = None) -> list[PendingCancel]:
    """Card cancels still to make, oldest first (one till's, or the store's)."""
    q = select(_t).where(_t.c.done_at.is_(None)).order_by(_t.c.id)
    if register_id is not None:
        q = q.where(_t.c.register_id == register_id)
    return [
        PendingCancel(
            r["id"],
            r["receipt_no"],
            r["register_id"],
            r["kind"],
            r["amount"],
            r["original_approval_no"],
            r["original_approved_at"],
            r["created_at"],
            r["attempts"],
            r["last_error"],
        )
        for r in uow.conn.execute(q).mappings()
    ]


def mark_done(
    uow: UnitOfWork,
    pending_id: int,
    approval_no: str,
    *,
    approved_at: dt.datetime | None = None,
    user_id: int | None = None,
    register_id: str | None = None,
    manual: bool = False,
) -> None:
    """Record the cancel's own approval (from the terminal, or typed by a manager from the
    standalone terminal's slip): the refund's card payment is then paid back."""
    approval_no = (approval_no or "").strip()
    refuse_card_number(approval_no)
    if not approval_no or not approval_no.isalnum() or len(approval_no) > 40:
        raise CardCancelError(
            "type the cancel's approval number", code=CardCancelErrorCode.APPROVAL_MISSING
        )
    row = uow.conn.execute(select(_t).where(_t.c.id == pending_id)).mappings().first()
    if row is None:
        raise CardCancelError(
            f"no pending card cancel {pending_id}", code=CardCancelErrorCode.UNKNOWN, id=pending_id
        )
    if row["done_at"] is not None:
        raise CardCancelError(
            f"the card refund of {row['receipt_no']} was cancelled already",
            code=CardCancelErrorCode.DONE_ALREADY,
            receipt_no=row["receipt_no"],
        )
    if approval_no == row["original_approval_no"]:
        raise CardCancelError(
            "the cancel has an approval number of its own, not the original's",
            code=CardCancelErrorCode.OLD_APPROVAL,
        )
    at = approved_at or utcnow()
    uow.conn.execute(
        update(_t)
        .where(_t.c.id == pending_id)
        .values(done_at=at, approval_no=approval_no, done_by=user_id)
    )
    audit.record(
        uow.conn,
        "cash_receipt.cancel_done" if row["kind"] == "cash_receipt" else "card.cancel_done",
        user_id,
        register_id or row["register_id"],
        row["receipt_no"],
        {"pending_since": row["created_at"].isoformat(), "attempts": row["attempts"]},
        {
            "amount": row["amount"],
            "original_approval_no": row["original_approval_no"],
            "approval_no": approval_no,
            "manual": manual,
        },
    )


def retry(
    db: Database,
    register_id: str,
    cancel: Callable[..., Any],
    cancel_cash_receipt: Callable[..., Any] | None = None,
) -> CancelRetryResult:
    """Make this till's pending cancels on the terminal: ``cancel(approval_no, approved_at,
    amount, tax=TaxParts)`` (a card) or ``cancel_cash_receipt(...)`` (a 현금영수증) returns the
    cancel's approval (``approval_no``, ``approved_at``) or raises. Runs on the I/O pool; the
    database is touched only between terminal calls."""

    def read(uow: UnitOfWork) -> list[dict[str, Any]]:
        q = (
            select(
                _t.c.id,
                _t.c.kind,
                _t.c.original_approval_no,
                _t.c.original_approved_at,
                _t.c.amount,
                _t.c.refund_uuid,
                _t.c.payment_seq,
            )
            .where(_t.c.done_at.is_(None), _t.c.register_id == register_id)
            .order_by(_t.c.id)
        )
        rows = [dict(r) for r in uow.conn.execute(q).mappings()]
        for r in rows:
            r["tax"] = _tax(uow, r)
        return rows

    done = failed = 0
    last = ""
    for row in db.read(read):
        do = cancel if row["kind"] == "card" else cancel_cash_receipt
        if do is None:
            continue
        try:
            a = do(
                row["original_approval_no"],
                row["original_approved_at"],
                row["amount"],
                tax=row["tax"],
            )
        except Exception as exc:  # the terminal still down: count it, try the next time
            failed += 1
            last = f"{getattr(exc, 'code', type(exc).__name__)}: {exc}"
            db.transact(partial(_count_failure, pending_id=row["id"], why=last))
            break
        db.transact(
            partial(
                mark_done,
                pending_id=row["id"],
                approval_no=a.approval_no,
                approved_at=a.approved_at,
                register_id=register_id,
            )
        )
        done += 1
    if done or failed:
        log.info("pending card cancels: %d done, %d still failing (%s)", done, failed, last)
    return CancelRetryResult(done, failed, last)


def _tax(uow: UnitOfWork, row: dict[str, Any]) -> TaxParts | None:
    """The tax split of a waiting cancel: a card part's share of the refund's split (in the
    order of the refund's payments), or the 현금영수증's — what is left after the card parts."""
    if row["kind"] == "cash_receipt":
        return cash_receipts.tax_of(uow, row["refund_uuid"], row["amount"])
    s, p = Sale.__table__, Payment.__table__
    refund = (
        uow.conn.execute(
            select(s.c.id, s.c.supply_value, s.c.vat, s.c.exempt_total).where(
                s.c.uuid == row["refund_uuid"]
            )
        )
        .mappings()
        .first()
    )
    if refund is None:
        return None
    whole = TaxParts(-refund["supply_value"], -refund["vat"], -refund["exempt_total"])
    earlier = [
        -int(a)
        for seq, m, a in uow.conn.execute(
            select(p.c.seq, p.c.method, p.c.amount)
            .where(p.c.sale_id == refund["id"])
            .order_by(p.c.seq)
        )
        if m in {x.value for x in CARD_METHODS} and seq < row["payment_seq"]
    ]
    share = tax_parts.share(whole, earlier, row["amount"])
    return share if share.amount == row["amount"] else None


def _count_failure(uow: UnitOfWork, *, pending_id: int, why: str) -> None:
    uow.conn.execute(
        update(_t)
        .where(_t.c.id == pending_id)
        .values(attempts=_t.c.attempts + 1, last_error=why[:500])
    )
