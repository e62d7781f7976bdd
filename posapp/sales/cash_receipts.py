"""Cash receipts (현금영수증) the till could not issue at the moment of sale.

When the card terminal/VAN is down (or the till has none) a customer who asked for a 현금영수증
still gets the sale; the receipt says 발급 대기 and the request is queued here, in the sale's own
transaction (:func:`queue`, called by the sale engine). Later it is issued for the same amount
and identity — by :func:`retry` when the terminal answers again (the app runs it every few
minutes on its I/O pool), or by hand (:func:`mark_issued`) with the approval number the VAN's
site gave. Issuing never changes the sale's document or journal entry; it is an audit event,
and the full identity (a phone, card or business number) is erased, leaving the masked one.
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
from posapp.db.models import Payment, PendingCashReceipt, Sale, utcnow
from posapp.domain import tax_parts
from posapp.domain.tax_parts import TaxParts
from posapp.errors import PosError
from posapp.sales.error_codes import CashReceiptErrorCode
from posapp.sales.tenders import CARD_METHODS, CashReceiptRequest, ReceiptPurpose

log = logging.getLogger(__name__)

_t = PendingCashReceipt.__table__


class CashReceiptError(PosError):
    pass


@dataclass(frozen=True, slots=True)
class Pending:
    id: int
    receipt_no: str
    register_id: str
    amount: int
    masked_identity: str
    purpose: str
    created_at: dt.datetime
    attempts: int
    last_error: str
    approval_no: str | None


@dataclass(frozen=True, slots=True)
class RetryResult:
    issued: int
    failed: int
    last_error: str = ""


def queue(
    uow: UnitOfWork,
    *,
    sale_uuid: str,
    receipt_no: str,
    register_id: str,
    amount: int,
    request: CashReceiptRequest,
    at: dt.datetime,
) -> None:
    """Keep a 현금영수증 the terminal did not issue (in the sale's transaction)."""
    conn = uow.conn
    conn.execute(  # inline: no RETURNING, so it may travel in the sale's batch (pipeline)
        insert(_t)
        .inline()
        .values(
            sale_uuid=sale_uuid,
            receipt_no=receipt_no,
            register_id=register_id,
            amount=amount,
            identity=request.normalized_identity(),
            purpose=request.purpose.value,
            created_at=at,
            attempts=0,
            last_error="",
        )
    )


def _mask(identity: str) -> str:
    return CashReceiptRequest(identity).masked_identity()


def pending(uow: UnitOfWork, register_id: str | None = None) -> list[Pending]:
    """Cash receipts still to issue, oldest first (one till's, or the store's)."""
    q = select(_t).where(_t.c.issued_at.is_(None)).order_by(_t.c.id)
    if register_id is not None:
        q = q.where(_t.c.register_id == register_id)
    return [
        Pending(
            r["id"],
            r["receipt_no"],
            r["register_id"],
            r["amount"],
            _mask(r["identity"]),
            r["purpose"],
            r["created_at"],
            r["attempts"],
            r["last_error"],
            r["approval_no"],
        )
        for r in uow.conn.execute(q).mappings()
    ]


def mark_issued(
    uow: UnitOfWork,
    pending_id: int,
    approval_no: str,
    *,
    approved_at: dt.datetime | None = None,
    user_id: int | None = None,
    register_id: str | None = None,
) -> None:
    """Record the approval (from the terminal, or typed from the VAN's site)."""
    approval_no = (approval_no or "").strip()
    if not approval_no:
        raise CashReceiptError(
            "type the approval number the VAN gave", code=CashReceiptErrorCode.APPROVAL_MISSING
        )
    # locked (PostgreSQL FOR UPDATE): the till's retry and posapp-admin issuing it at once
    # take turns, the second is told it was issued already
    found = select(_t).where(_t.c.id == pending_id).with_for_update()
    row = uow.conn.execute(found).mappings().first()
    if row is None:
        raise CashReceiptError(
            f"no pending cash receipt {pending_id}",
            code=CashReceiptErrorCode.UNKNOWN,
            id=pending_id,
        )
    if row["issued_at"] is not None:
        raise CashReceiptError(
            f"the cash receipt of {row['receipt_no']} was issued already",
            code=CashReceiptErrorCode.ISSUED_ALREADY,
            receipt_no=row["receipt_no"],
        )
    masked = _mask(row["identity"])
    uow.conn.execute(
        update(_t)
        .where(_t.c.id == pending_id)
        .values(
            issued_at=approved_at or utcnow(),
            approval_no=approval_no,
            issued_by=user_id,
            identity=masked,  # the full number is not kept once issued
        )
    )
    audit.record(
        uow.conn,
        "cash_receipt.issue",
        user_id,
        register_id or row["register_id"],
        row["receipt_no"],
        {"pending_since": row["created_at"].isoformat(), "attempts": row["attempts"]},
        {"amount": row["amount"], "identity": masked, "approval_no": approval_no},
    )


def retry(
    db: Database,
    register_id: str,
    issue: Callable[..., Any],
) -> RetryResult:
    """Issue this till's pending cash receipts through the terminal: ``issue(amount, identity,
    purpose, tax=TaxParts)`` returns an approval (``approval_no``, ``approved_at``) or raises.
    The tax split is the sale's, less its card parts (:func:`tax_of`). Runs on the I/O pool;
    the database is touched only between terminal calls."""

    def read(uow: UnitOfWork) -> list[dict[str, Any]]:
        q = (
            select(_t.c.id, _t.c.amount, _t.c.identity, _t.c.purpose, _t.c.sale_uuid)
            .where(_t.c.issued_at.is_(None), _t.c.register_id == register_id, _t.c.amount > 0)
            .order_by(_t.c.id)
        )
        rows = [dict(r) for r in uow.conn.execute(q).mappings()]
        for r in rows:
            r["tax"] = tax_of(uow, r["sale_uuid"], r["amount"])
        return rows

    issued = failed = 0
    last = ""
    for row in db.read(read):
        try:
            a = issue(
                row["amount"], row["identity"], ReceiptPurpose(row["purpose"]).value, tax=row["tax"]
            )
        except Exception as exc:  # the terminal still down: count it, try the next time
            failed += 1
            last = f"{getattr(exc, 'code', type(exc).__name__)}: {exc}"
            db.transact(partial(_count_failure, pending_id=row["id"], why=last))
            break  # one refusal says enough about the terminal; the rest wait
        db.transact(
            partial(
                mark_issued,
                pending_id=row["id"],
                approval_no=a.approval_no,
                approved_at=a.approved_at,
                register_id=register_id,
            )
        )
        issued += 1
    if issued or failed:
        log.info("pending cash receipts: %d issued, %d still failing (%s)", issued, failed, last)
    return RetryResult(issued, failed, last)


def tax_of(uow: UnitOfWork, sale_uuid: str, amount: int) -> TaxParts | None:
    """The 공급가액/부가세/면세금액 of ``amount`` won of a sale's (or refund's) non-card part:
    the sale's split less its card parts' shares (posapp.domain.tax_parts), apportioned when
    the amount is less (원단위 절사, or a refund reduced it). None for an unknown sale."""
    s, p = Sale.__table__, Payment.__table__
    sale = (
        uow.conn.execute(
            select(s.c.id, s.c.supply_value, s.c.vat, s.c.exempt_total, s.c.total).where(
                s.c.uuid == sale_uuid
            )
        )
        .mappings()
        .first()
    )
    if sale is None:
        return None
    sign = -1 if sale["total"] < 0 else 1
    whole = TaxParts(sign * sale["supply_value"], sign * sale["vat"], sign * sale["exempt_total"])
    cards = [
        sign * int(a)
        for m, a in uow.conn.execute(
            select(p.c.method, p.c.amount).where(p.c.sale_id == sale["id"]).order_by(p.c.seq)
        )
        if m in {x.value for x in CARD_METHODS}
    ]
    rest = tax_parts.rest(whole, cards)
    if not 0 < amount <= rest.amount:
        return None
    return tax_parts.apportion(rest, [amount, rest.amount - amount])[0]


def _count_failure(uow: UnitOfWork, *, pending_id: int, why: str) -> None:
    """One more failed attempt at a pending cash receipt, and why."""
    uow.conn.execute(
        update(_t)
        .where(_t.c.id == pending_id)
        .values(attempts=_t.c.attempts + 1, last_error=why[:500])
    )
