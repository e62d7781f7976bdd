"""세금계산서 / 계산서 requests at the till: the checks the tender dialog makes before anything
is charged (the buyer; no card part and no 현금영수증 with it, 부가가치세법 §33②), a request made
later for a recalled receipt (up to the 10th of the month after the sale, §34③), and the paper:
the 세금계산서 요청서 slip after the customer's receipt (whose own block says 발행 요청).

A request made with the payment is recorded in the sale's own transaction by
:meth:`posapp.usecases.payment.Payments.pay`; this module owns the rest. Qt-free; the types
the dialogs need are re-exported here (the UI never imports a service).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from posapp.db.engine import UnitOfWork
from posapp.domain import calendar
from posapp.reports import tax_invoices
from posapp.reports.error_codes import TaxInvoiceErrorCode
from posapp.reports.tax_invoices import (
    Buyer,
    TaxInvoiceError,
    TaxInvoiceInfo,
    masked_business_no,
    request_deadline,
)
from posapp.sales import receipt_lookup
from posapp.sales.tenders import Tender

if TYPE_CHECKING:
    from posapp.usecases.checkout import CheckoutSession
    from posapp.usecases.receipts import ReceiptPrinting

log = logging.getLogger(__name__)

SLIP_TITLE = "세금계산서 요청서"


def check_buyer(buyer: Buyer) -> Buyer:
    """The buyer with its number as 10 digits, or the refusal in words (checksum, 상호,
    대표자, e-mail)."""
    return tax_invoices.check_buyer(buyer)


def check_tenders(tenders: Sequence[Tender], *, cash_receipt: bool) -> None:
    """Refuse a tax invoice for these tenders (a card or e-voucher part) or with a 현금영수증."""
    tax_invoices.check_tenders(
        [
            (t.method.value, t.voucher_kind.value if t.voucher_kind is not None else None)
            for t in tenders
        ],
        cash_receipt=cash_receipt,
    )


def print_slip(printing: ReceiptPrinting, info: TaxInvoiceInfo) -> None:
    """The 세금계산서 요청서 on the receipt printer (through its print queue)."""
    printing.print_text(SLIP_TITLE, [f"[{SLIP_TITLE}]", *tax_invoices.slip_lines(info)])


class LaterRequests:
    """A request for a receipt already printed (the customer comes back with it)."""

    def __init__(self, session: CheckoutSession, printing: ReceiptPrinting) -> None:
        self._session = session
        self._printing = printing

    def request(self, receipt_no: str, buyer: Buyer) -> TaxInvoiceInfo:
        """Mark the sale ``receipt_no`` for a tax invoice to ``buyer``, then print the
        요청서 slip and the receipt again (재발행) with its 발행 요청 block."""
        s = self._session
        checked = check_buyer(buyer)  # before the database: the dialog's words first
        if s.offline:
            raise TaxInvoiceError(
                "offline: the request waits for the store's database",
                code=TaxInvoiceErrorCode.OFFLINE,
            )
        uid = s.who()
        today = calendar.today()

        def run(uow: UnitOfWork) -> TaxInvoiceInfo:
            sale = receipt_lookup.load_sale(uow, receipt_no)
            tax_invoices.check_deadline(sale.business_date, today)
            return tax_invoices.request(uow, sale.receipt_no, checked, user_id=uid)

        info = s.db.transact(run)
        try:
            print_slip(self._printing, info)
            sale = s.db.read(lambda uow: receipt_lookup.load_sale(uow, info.receipt_no))
            self._printing.print_sale(sale, copy=True, tax_invoice=info)
        except Exception:  # recorded; the paper shows on the print queue's banner
            log.exception("the tax-invoice slip of %s was not queued", info.receipt_no)
        return info


__all__ = [
    "SLIP_TITLE",
    "Buyer",
    "LaterRequests",
    "TaxInvoiceError",
    "TaxInvoiceInfo",
    "check_buyer",
    "check_tenders",
    "masked_business_no",
    "print_slip",
    "request_deadline",
]
