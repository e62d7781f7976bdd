"""Completing the open ticket as a sale — online in one transaction (class bookings on the
ticket settled in the same one, and a 세금계산서 request recorded in it), or offline on the
spool — and the drawer and reprint journal.

Paying (electronic approvals, and cancelling them when this commit fails) is
:mod:`posapp.usecases.payment`, which calls :func:`complete`.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from posapp.classes import booking_payment as class_bookings
from posapp.db.engine import DatabaseUnavailable, UnitOfWork
from posapp.reports import tax_invoices
from posapp.reports.tax_invoices import Buyer, TaxInvoiceInfo
from posapp.sales import clock_guard, completion, drawer
from posapp.sales.sale_records import CompletedSale
from posapp.sales.tenders import CashReceiptRequest, Tender
from posapp.usecases import clock
from posapp.usecases.approvals import Approval
from posapp.usecases.ticket import discount_approver, discount_limit

if TYPE_CHECKING:
    from posapp.usecases.checkout import CheckoutSession

log = logging.getLogger(__name__)
NO_SALE_DRAWER = "drawer.no_sale"


def complete(
    s: CheckoutSession,
    tenders: list[Tender],
    cash_receipt: CashReceiptRequest | None = None,
    approval: Approval | None = None,
) -> CompletedSale:
    """Commit the ticket paid by ``tenders``; the session then starts a new ticket."""
    return complete_invoiced(s, tenders, cash_receipt, approval, None)[0]


def complete_invoiced(
    s: CheckoutSession,
    tenders: list[Tender],
    cash_receipt: CashReceiptRequest | None,
    approval: Approval | None,
    tax_invoice: Buyer | None,
) -> tuple[CompletedSale, TaxInvoiceInfo | None]:
    """:func:`complete`, and the sale marked for a 세금계산서 / 계산서 to ``tax_invoice`` in
    the sale's own transaction (a refused request fails the sale: nothing is half-done).
    Offline the sale goes to the spool and no request is recorded (``None``: the caller says
    so; it is asked for later from the receipt finder)."""
    uid = s.who()
    ticket = s.ticket
    approver = discount_approver(s, approval)  # None unless it covers every discount
    approved = dict(approval.bound) if approver is not None and approval else None
    # nothing to write after the sale (no class booking, no tax invoice): its COMMIT may go
    # with it (fast path)
    final = not class_bookings.pays_bookings(ticket) and tax_invoice is None
    invoice: list[TaxInvoiceInfo] = []

    def run(uow: UnitOfWork, now: dt.datetime) -> CompletedSale:
        invoice.clear()  # a retried transaction starts again
        sale = completion.complete_sale(
            uow,
            ticket,
            tenders,
            register_id=s.settings.register_id,
            user_id=uid,
            approved_by=approver,
            cash_receipt=cash_receipt,
            final=final,  # the discount limit: the store's policy, read in this transaction
            approved_bound=approved,
            now=now,  # the instant the clock was checked at (posapp.usecases.clock)
        )
        if class_bookings.pays_bookings(ticket):
            class_bookings.settle_from_sale(uow, sale)  # class bookings on the ticket: paid
        if tax_invoice is not None:
            invoice.append(tax_invoices.request(uow, sale.receipt_no, tax_invoice, user_id=uid))
        return sale

    if s.offline:
        sale = _sell_offline(s, tenders, cash_receipt, approver, approved)
    else:
        try:
            sale = clock.guarded(s, run)
        except DatabaseUnavailable as exc:
            if not s.go_offline(str(exc)):
                raise
            invoice.clear()
            sale = _sell_offline(s, tenders, cash_receipt, approver, approved)
    # committed: nothing from here on may fail the payment (its approvals would be cancelled
    # for a sale that exists)
    s.last_sale = sale
    try:
        s.new_ticket()
    except Exception:
        log.exception("the open-ticket file of %s was not cleared", sale.receipt_no)
    return sale, (invoice[0] if invoice else None)


def _sell_offline(
    s: CheckoutSession,
    tenders: list[Tender],
    cash_receipt: CashReceiptRequest | None,
    approver: int | None,
    approved: dict[str, int] | None = None,
) -> CompletedSale:
    assert s.spool is not None
    shift = s.require_shift()
    if class_bookings.pays_bookings(s.ticket):
        s.online_only("paying a cooking-class booking")
    sale = s.spool.sell(
        s.ticket,
        tenders,
        user_id=s.who(),
        shift=shift,
        approved_by=approver,
        cash_receipt=cash_receipt,
        discount_limit_percent=discount_limit(s),  # the spool's copy of the store's policy
        approved_bound=approved,
        # the register's latest entry on the server as this process saw it (no query): the
        # clock rule holds offline (posapp.sales.clock_guard)
        latest_known=clock_guard.known_latest(s.db.engine, s.settings.register_id),
    )
    s.clock = s.spool.clock  # the checkout window warns offline as online
    if s.on_offline is not None:
        try:
            s.on_offline()  # wakes the forwarder
        except Exception:
            log.exception("the offline forwarder was not woken")
    return sale


def record_drawer(
    s: CheckoutSession, receipt_no: str | None, approval: Approval | None = None
) -> None:
    """Journal a drawer opening: for a sale's cash (``receipt_no``), or a no-sale opening that
    needs an approval given for it (:data:`NO_SALE_DRAWER`)."""
    uid = s.who()
    approver = None
    if receipt_no is None and approval is not None and approval.covers(NO_SALE_DRAWER):
        approver = approval.approver_id
    s.transact(
        lambda uow: drawer.record_drawer_open(
            uow,
            register_id=s.settings.register_id,
            user_id=uid,
            receipt_no=receipt_no,
            approved_by=approver,
        )
    )


def record_reprint(s: CheckoutSession, receipt_no: str) -> None:
    uid = s.who()
    s.transact(
        lambda uow: drawer.record_reprint(
            uow, register_id=s.settings.register_id, user_id=uid, receipt_no=receipt_no
        )
    )


__all__ = ["NO_SALE_DRAWER", "CompletedSale", "complete", "record_drawer", "record_reprint"]
