"""Refunds at the till: look up an earlier receipt, quote what a refund of some lines gives back
and how (the sale's own tenders), refund all of it or some lines (a manager's approval given for
:data:`REFUND`), online only. The card side of a refund (the terminal's cancel) is
:meth:`posapp.usecases.payment.Payments.refund`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from posapp.db.engine import UnitOfWork
from posapp.sales import refunds
from posapp.sales.refunds import RefundQuote, SaleSummary
from posapp.sales.sale_records import CompletedSale
from posapp.sales.tenders import Tender
from posapp.usecases import clock
from posapp.usecases.approvals import Approval

if TYPE_CHECKING:
    from posapp.usecases.checkout import CheckoutSession

REFUND = "sale.refund"


def find_sale(s: CheckoutSession, receipt_no: str) -> SaleSummary:
    s.online_only("looking up a receipt")
    return s.db.read(lambda uow: refunds.find_sale(uow, receipt_no))


@dataclass(frozen=True)
class RefundView:
    """An earlier receipt as the refund dialog shows it: its lines with what is left of each,
    its payments, and what is left to refund of each card approval (earlier refunds taken)."""

    sale: SaleSummary
    card_left: Mapping[str, int]

    def amount(self, lines: Mapping[int, int]) -> int:
        """What refunding ``lines`` {line_no: qty} gives back."""
        by_no = {ln.line_no: ln for ln in self.sale.lines}
        return sum(by_no[no].amount_for(q) for no, q in lines.items() if q > 0 and no in by_no)

    def tenders(self, lines: Mapping[int, int]) -> list[Tender]:
        """How it is given back by default: the sale's own tenders (card parts as cancels)."""
        total = self.amount(lines)
        return refunds.default_tenders(self.sale, total, self.card_left) if total else []


def view(s: CheckoutSession, receipt_no: str) -> RefundView:
    """An earlier receipt for the refund dialog (online only)."""
    s.online_only("looking up a receipt")

    def read(uow: UnitOfWork) -> RefundView:
        sale = refunds.find_sale(uow, receipt_no)
        return RefundView(sale, refunds.card_refundable(uow.conn, sale))

    return s.db.read(read)


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
    sale = clock.guarded(
        s,
        lambda uow, now: refunds.refund(
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
            now=now,
        ),
    )
    s.last_sale = sale
    return sale


__all__ = [
    "REFUND",
    "CompletedSale",
    "RefundQuote",
    "RefundView",
    "SaleSummary",
    "find_sale",
    "quote",
    "refund",
    "view",
]
