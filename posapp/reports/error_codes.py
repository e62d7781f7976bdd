"""Error codes of the reports.

The values are the codes the errors carry; the words are in ``posapp/ui/error_words/reports.py``.
"""

from __future__ import annotations

from enum import StrEnum


class ReportErrorCode(StrEnum):
    """``report.*`` codes."""

    PERIOD = "report.period"
    GROUP = "report.group"
    ORDER = "report.order"
    FILTER = "report.filter"
    FILTER_UNKNOWN = "report.filter_unknown"
    UNKNOWN = "report.unknown"
    OUT_REQUIRED = "report.out_required"
    PERIOD_NAME = "report.period_name"
    FORMAT = "report.format"


class TaxInvoiceErrorCode(StrEnum):
    """``tax_invoice.*`` codes: 세금계산서 / 계산서 requests (posapp.reports.tax_invoices)."""

    UNKNOWN_SALE = "tax_invoice.unknown_sale"
    NOT_A_SALE = "tax_invoice.not_a_sale"
    HAS_SLIP = "tax_invoice.has_slip"
    DUPLICATE = "tax_invoice.duplicate"
    BUSINESS_NO = "tax_invoice.business_no"
    FIELD = "tax_invoice.field"
    EMAIL = "tax_invoice.email"
    UNKNOWN = "tax_invoice.unknown"
    STATE = "tax_invoice.state"
    APPROVAL = "tax_invoice.approval"
    #: at the till: a card / electronic payment or a 현금영수증 asked with the request (§33②)
    CARD_TENDER = "tax_invoice.card_tender"
    WITH_CASH_RECEIPT = "tax_invoice.with_cash_receipt"
    #: a later request past the 10th of the month after the sale (부가가치세법 §34③)
    LATE = "tax_invoice.late"
    #: the till is offline: the request waits for the store's database
    OFFLINE = "tax_invoice.offline"
    #: a class / meeting-room booking that has a live request already
    BOOKING_DUPLICATE = "tax_invoice.booking_duplicate"
