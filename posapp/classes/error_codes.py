"""Error codes of cooking classes and their bookings.

The values are the codes the errors carry; the words are in ``posapp/ui/error_words/classes.py``.
"""

from __future__ import annotations

from enum import StrEnum


class ClassErrorCode(StrEnum):
    """``class.*`` codes."""

    TITLE = "class.title"
    ROOM = "class.room"
    KIND = "class.kind"
    LENGTH = "class.length"
    CAPACITY = "class.capacity"
    CAPACITY_BELOW_BOOKED = "class.capacity_below_booked"
    FEE = "class.fee"
    INGREDIENT_QTY = "class.ingredient_qty"
    INGREDIENT_TWICE = "class.ingredient_twice"
    INGREDIENT_PRODUCT = "class.ingredient_product"
    ROOM_TAKEN = "class.room_taken"
    SERIES_WEEKS = "class.series_weeks"
    NOT_FOUND = "class.not_found"
    NOT_SCHEDULED = "class.not_scheduled"
    NOT_STARTED = "class.not_started"
    HAS_BOOKINGS = "class.has_bookings"
    POLICY = "class.policy"
    REFUND_PERCENT = "class.refund_percent"


class BookingErrorCode(StrEnum):
    """``booking.*`` codes."""

    NAME = "booking.name"
    SEATS = "booking.seats"
    FULL = "booking.full"
    TOO_LATE = "booking.too_late"
    NOT_FOUND = "booking.not_found"
    CLOSED = "booking.closed"
    NOT_SEATED = "booking.not_seated"
    NOT_PAYABLE = "booking.not_payable"
    LINE_CHANGED = "booking.line_changed"
    REFUND_NEEDS_TILL = "booking.refund_needs_till"
    #: a booking marked for a tax invoice, to be paid outside the till (부가가치세법 §33②)
    TAX_INVOICED = "booking.tax_invoiced"
    #: a waiting, cancelled, expired or free booking: no supply to invoice
    NO_INVOICE = "booking.no_invoice"
