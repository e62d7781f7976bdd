"""A return without a receipt at the till (영수증 없는 반품, Ctrl+F8): the goods coming back are
scanned onto the ticket as for a sale, a manager approves (the refund approval, :data:`REFUND`),
a reason is chosen, and the ticket is taken back at the price in force, in cash only, within the
store's limits (:mod:`posapp.sales.no_receipt`). Online only. The receipt, the drawer and the
sync wake-up follow as a refund's do (:meth:`posapp.usecases.payment.Payments.after_sale`)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from posapp.sales import no_receipt
from posapp.sales.error_codes import RefundErrorCode
from posapp.sales.no_receipt import REASONS
from posapp.sales.sale_records import CompletedSale, SaleError
from posapp.usecases import rules as ticket_rules
from posapp.usecases.approvals import Approval
from posapp.usecases.refund import REFUND

if TYPE_CHECKING:
    from posapp.usecases.checkout import CheckoutSession

log = logging.getLogger(__name__)


def require_goods(s: CheckoutSession) -> int:
    """What the ticket's goods come to (the screen's figure; the database prices them again).
    Refused in words when nothing is scanned, while an exchange is open, or over the store's
    per-return limit."""
    if not s.ticket.lines or s.pending_exchange is not None:
        raise SaleError("nothing to take back", code=RefundErrorCode.NO_RECEIPT_EMPTY)
    total = s.priced().total
    limit = ticket_rules.policy(s)["no_receipt_refund_limit"]
    if total > limit:  # said before a manager is called over; the transaction checks again
        raise SaleError(
            f"a return without a receipt is at most {limit} won",
            code=RefundErrorCode.NO_RECEIPT_LIMIT,
            limit=limit,
            amount=total,
        )
    return total


def refund(s: CheckoutSession, reason: str, approval: Approval | None) -> CompletedSale:
    """Take the ticket's goods back without a receipt; the session then starts a new ticket."""
    uid = s.who()
    s.online_only("a return without a receipt")
    require_goods(s)
    covered = approval is not None and approval.covers(REFUND)
    approver = approval.approver_id if covered and approval is not None else None
    name = approval.approver_name if covered and approval is not None else ""
    ticket = s.ticket
    items = [(ln.product_id, ln.qty) for ln in ticket.lines]
    sale = s.db.transact(
        lambda uow: no_receipt.refund_without_receipt(
            uow,
            items,
            register_id=s.settings.register_id,
            user_id=uid,
            approved_by=approver,
            reason=reason,
            approver_name=name,
            doc_uuid=ticket.uuid,
        )
    )
    s.last_sale = sale
    try:
        s.new_ticket()
    except Exception:
        log.exception("the open-ticket file of %s was not cleared", sale.receipt_no)
    return sale


__all__ = ["REASONS", "REFUND", "refund", "require_goods"]
