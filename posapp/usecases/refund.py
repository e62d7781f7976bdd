"""Refunds at the till: look up an earlier receipt, refund all of it or some lines (a manager's
approval given for :data:`REFUND`), online only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from posapp.sales import refunds
from posapp.sales.refunds import SaleSummary
from posapp.sales.sale_records import CompletedSale
from posapp.usecases.approvals import Approval

if TYPE_CHECKING:
    from posapp.usecases.checkout import CheckoutSession

REFUND = "sale.refund"


def find_sale(s: CheckoutSession, receipt_no: str) -> SaleSummary:
    s.online_only("looking up a receipt")
    return s.db.read(lambda uow: refunds.find_sale(uow, receipt_no))


def refund(
    s: CheckoutSession,
    receipt_no: str,
    lines: dict[int, int] | None,
    reason: str = "",
    approval: Approval | None = None,
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
        )
    )
    s.last_sale = sale
    return sale


__all__ = ["REFUND", "CompletedSale", "SaleSummary", "find_sale", "refund"]
