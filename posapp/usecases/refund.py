"""Refunds at the till: look up an earlier receipt, quote what a refund of some lines gives back
and how (the sale's own tenders), refund all of it or some lines (a manager's approval given for
:data:`REFUND`), online only. The card side of a refund (the terminal's cancel) is
:meth:`posapp.usecases.payment.Payments.refund`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from posapp.sales import refunds
from posapp.sales.refunds import RefundQuote, SaleSummary
from posapp.sales.sale_records import CompletedSale
from posapp.sales.tenders import Tender
from posapp.usecases.approvals import Approval

if TYPE_CHECKING:
    from posapp.usecases.checkout import CheckoutSession

REFUND = "sale.refund"


def find_sale(s: CheckoutSession, receipt_no: str) -> SaleSummary:
    s.online_only("looking up a receipt")
    return s.db.read(lambda uow: refunds.find_sale(uow, receipt_no))


def quote(s: CheckoutSession, receipt_no: str, lines: dict[int, int] | None) -> RefundQuote:
    """What refunding ``lines`` of ``receipt_no`` gives back, and the default tenders."""
    s.online_only("a refund")
    return s.db.read(lambda uow: refunds.quote(uow, receipt_no, lines))


def refund(
    s: CheckoutSession,
    receipt_no: str,
    lines: dict[int, int] | None,
    reason: str = "",
    approval: Approval | None = None,
    *,
    tenders: Sequence[Tender] | None = None,
    tender_reason: str = "",
    cash_receipt_cancel: str | None = None,
) -> CompletedSale:
    uid = s.who()
    approver = approval.approver_id if approval is not None and approval.covers(REFUND) else None
    s.online_only("a refund")
    sale = s.db.transact(
        lambda uow: refunds.refund(
            uow,
            receipt_no,
            register_id=s.settings.register_id,
            user_id=uid,
            approved_by=approver,
            lines=lines,
            reason=reason,
            tenders=tenders,
            tender_reason=tender_reason,
            cash_receipt_cancel=cash_receipt_cancel,
        )
    )
    s.last_sale = sale
    return sale


__all__ = ["REFUND", "CompletedSale", "RefundQuote", "SaleSummary", "find_sale", "quote", "refund"]
