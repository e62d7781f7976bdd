"""Error codes of the sale engine: shifts, sales, cash counts, refunds, holds, tenders and cash
receipts.

The values are the codes the errors carry; the words are in ``posapp/ui/error_words/sales.py``.
"""

from __future__ import annotations

from enum import StrEnum


class ShiftErrorCode(StrEnum):
    """``shift.*`` codes."""

    ALREADY_OPEN = "shift.already_open"
    NOT_OPEN = "shift.not_open"
    UNKNOWN = "shift.unknown"
    CLOSED = "shift.closed"
    CASH_AMOUNT = "shift.cash_amount"  # a paid-in / paid-out / pickup amount
    CASH_REASON = "shift.cash_reason"
    CASH_KIND = "shift.cash_kind"


class SaleErrorCode(StrEnum):
    """``sale.*`` codes."""

    EMPTY = "sale.empty"


class CashErrorCode(StrEnum):
    """``cash.*`` codes."""

    DENOMINATION = "cash.denomination"
    COUNT = "cash.count"


class RefundErrorCode(StrEnum):
    """``refund.*`` codes."""

    UNKNOWN_RECEIPT = "refund.unknown_receipt"
    OF_REFUND = "refund.of_refund"
    NOTHING = "refund.nothing"
    UNKNOWN_LINE = "refund.unknown_line"
    QTY = "refund.qty"
    TOO_MANY = "refund.too_many"
    OVERPAID = "refund.overpaid"
    AMOUNT = "refund.amount"
    CARD_TENDER = "refund.card_tender"
    OLD_APPROVAL = "refund.old_approval"
    TENDER_REASON = "refund.tender_reason"
    EXCHANGE = "refund.exchange"  # an exchange's credit is not what was refunded
    EXCHANGE_EMPTY = "refund.exchange_empty"  # an exchange with no new goods on the ticket
    # returns without a receipt (posapp.sales.no_receipt)
    NO_RECEIPT_EMPTY = "refund.no_receipt_empty"  # nothing scanned to take back
    NO_RECEIPT_REASON = "refund.no_receipt_reason"  # no reason given
    NO_RECEIPT_LIMIT = "refund.no_receipt_limit"  # over the store's per-return cash limit
    NO_RECEIPT_SHIFT = "refund.no_receipt_shift"  # over the shift's count or total
    NO_RECEIPT_TWICE = "refund.no_receipt_twice"  # this ticket was already taken back


class CardCancelErrorCode(StrEnum):
    """``card_cancel.*`` codes: card refunds waiting for a terminal."""

    APPROVAL_MISSING = "card_cancel.approval_missing"
    UNKNOWN = "card_cancel.unknown"
    DONE_ALREADY = "card_cancel.done_already"
    OLD_APPROVAL = "card_cancel.old_approval"


class HoldErrorCode(StrEnum):
    """``hold.*`` codes."""

    EMPTY = "hold.empty"
    GONE = "hold.gone"


class TenderErrorCode(StrEnum):
    """``tender.*`` codes."""

    AMOUNT = "tender.amount"
    APPROVAL = "tender.approval"
    VOUCHER_KIND = "tender.voucher_kind"
    CARD_UNMASKED = "tender.card_unmasked"
    CARD_NUMBER = "tender.card_number"
    CARD_NUMBER_TYPED = "tender.card_number_typed"
    INSTALLMENT = "tender.installment"
    VOUCHER_CHANGE = "tender.voucher_change"
    VOUCHER_NOT_ACCEPTED = "tender.voucher_not_accepted"
    VOUCHER_INSTALLMENT = "tender.voucher_installment"
    OVERPAID = "tender.overpaid"
    SHORT = "tender.short"
    ROUNDING = "tender.rounding"


class CashReceiptErrorCode(StrEnum):
    """``cash_receipt.*`` codes."""

    IDENTITY = "cash_receipt.identity"
    BUSINESS_NO = "cash_receipt.business_no"
    APPROVAL_MISSING = "cash_receipt.approval_missing"
    UNKNOWN = "cash_receipt.unknown"
    ISSUED_ALREADY = "cash_receipt.issued_already"
