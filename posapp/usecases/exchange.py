"""Exchanges (교환) at the till: the returned lines of an earlier receipt chosen (a manager's
approval given for :data:`~posapp.usecases.refund.REFUND`), kept on the session as the open
ticket's return part while the new goods are scanned, and committed with the ticket in one
transaction (:func:`posapp.sales.exchanges.exchange`). Online only.

The money side (card cancels for what is given back, approvals for what is paid on top, the
receipt) is :meth:`posapp.usecases.payment.Payments.exchange`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from posapp.db.engine import UnitOfWork
from posapp.sales import exchanges, refunds
from posapp.sales.error_codes import RefundErrorCode
from posapp.sales.exchanges import CompletedExchange, ExchangeTerms
from posapp.sales.refunds import RefundableLine, RefundQuote
from posapp.sales.sale_records import SaleError
from posapp.sales.tenders import CashReceiptRequest, Tender
from posapp.usecases import clock
from posapp.usecases.approvals import Approval
from posapp.usecases.refund import REFUND, RefundView
from posapp.usecases.ticket import discount_approver

if TYPE_CHECKING:
    from posapp.usecases.checkout import CheckoutSession


@dataclass(frozen=True)
class ReturnedLine:
    """One returned line as the ticket shows it: name, quantity and the amount it credits."""

    line: RefundableLine
    qty: int
    amount: int


@dataclass(frozen=True)
class PendingExchange:
    """The return part of the open ticket: which lines of which receipt come back, why, and
    the manager's approval of that refund."""

    exchange_id: str
    receipt_no: str
    lines: Mapping[int, int]
    reason: str
    approval: Approval
    returned: tuple[ReturnedLine, ...]

    @property
    def credit(self) -> int:
        """What the returned goods are worth (the refund's total)."""
        return sum(r.amount for r in self.returned)


def begin(
    s: CheckoutSession, view: RefundView, lines: Mapping[int, int], reason: str, approval: Approval
) -> PendingExchange:
    """Put the chosen lines of ``view``'s receipt on the open ticket as its return part."""
    s.online_only("an exchange")
    wanted = {no: q for no, q in lines.items() if q > 0}
    by_no = {ln.line_no: ln for ln in view.sale.lines}
    if view.sale.kind != "sale":
        raise SaleError("a refund cannot itself be refunded", code=RefundErrorCode.OF_REFUND)
    for no, q in wanted.items():  # said now, not after the new goods are scanned
        ln = by_no.get(no)
        if ln is not None and q > ln.remaining_qty:
            raise SaleError(
                f"line {no} ({ln.name}): only {ln.remaining_qty} left to refund",
                code=RefundErrorCode.TOO_MANY,
                line=no,
                name=ln.name,
                remaining=ln.remaining_qty,
                line_no=no,
            )
    returned = tuple(
        ReturnedLine(by_no[no], q, by_no[no].amount_for(q))
        for no, q in sorted(wanted.items())
        if no in by_no
    )
    pending = PendingExchange(
        exchanges.new_exchange_id(), view.sale.receipt_no, wanted, reason, approval, returned
    )
    s.pending_exchange = pending
    return pending


def drop(s: CheckoutSession) -> None:
    """The cashier gave up the exchange: the return part leaves the ticket (nothing written)."""
    s.pending_exchange = None


def require_new_goods(s: CheckoutSession) -> None:
    """An exchange is settled with new goods on the ticket (without: a refund, F8)."""
    if not s.ticket.lines:
        raise SaleError("an exchange needs new goods", code=RefundErrorCode.EXCHANGE_EMPTY)


def terms(s: CheckoutSession, pending: PendingExchange) -> ExchangeTerms:
    """What the exchange moves with the ticket as it is now."""
    return ExchangeTerms(pending.credit, s.priced().total)


def quote(s: CheckoutSession, pending: PendingExchange, credit: int) -> RefundQuote:
    """The refund of the returned lines as it is now, with the default tenders of what is
    left after ``credit`` (the part that pays for the new goods)."""
    s.online_only("an exchange")
    return s.db.read(
        lambda uow: refunds.quote(uow, pending.receipt_no, dict(pending.lines), credit=credit)
    )


def commit(
    s: CheckoutSession,
    pending: PendingExchange,
    give_back: Sequence[Tender] | None,
    pay: Sequence[Tender],
    *,
    tender_reason: str = "",
    cash_receipt_cancel: str | None = None,
    discount_approval: Approval | None = None,
    cash_receipt: CashReceiptRequest | None = None,
) -> CompletedExchange:
    """Write the refund and the sale in one transaction; the session then starts a new
    ticket."""
    s.online_only("an exchange")
    uid = s.who()
    approval = pending.approval
    approver = approval.approver_id if approval.covers(REFUND) else None
    discount_by = discount_approver(s, discount_approval)
    bound = dict(discount_approval.bound) if discount_by and discount_approval else None
    ticket = s.ticket

    def run(uow: UnitOfWork, now: dt.datetime) -> CompletedExchange:
        return exchanges.exchange(
            uow,
            ticket,
            pending.receipt_no,
            pending.lines,
            exchange_id=pending.exchange_id,
            register_id=s.settings.register_id,
            user_id=uid,
            approved_by=approver,
            give_back=give_back,
            pay=pay,
            reason=pending.reason,
            tender_reason=tender_reason,
            cash_receipt_cancel=cash_receipt_cancel,
            discount_approved_by=discount_by,
            approved_bound=bound,
            cash_receipt=cash_receipt,
            now=now,  # the instant the clock was checked at (posapp.usecases.clock)
        )

    done = clock.guarded(s, run)
    s.pending_exchange = None
    s.last_sale = done.sale
    s.new_ticket()
    return done


__all__ = [
    "CompletedExchange",
    "ExchangeTerms",
    "PendingExchange",
    "ReturnedLine",
    "begin",
    "commit",
    "drop",
    "quote",
    "require_new_goods",
    "terms",
]
