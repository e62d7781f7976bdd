"""Error codes of the domain's rules (barcodes, prices, quantities, discounts, tax classes, units,
phone numbers).

The values are the codes the errors carry; the words are in ``posapp/ui/error_words/domain.py``.
"""

from __future__ import annotations

from enum import StrEnum


class BarcodeErrorCode(StrEnum):
    """``barcode.*`` codes."""

    EMPTY = "barcode.empty"
    NOT_DIGITS = "barcode.not_digits"
    LENGTH = "barcode.length"
    CHECK_DIGIT = "barcode.check_digit"
    IN_STORE_PREFIX = "barcode.in_store_prefix"
    NOT_GTIN = "barcode.not_gtin"


class PriceErrorCode(StrEnum):
    """``price.*`` codes."""

    INVALID = "price.invalid"
    OVERRIDE_REASON = "price.override_reason"
    FIXED_LABEL = "price.fixed_label"


class QuantityErrorCode(StrEnum):
    """``quantity.*`` codes."""

    INVALID = "quantity.invalid"
    FIXED_LABEL = "quantity.fixed_label"


class DiscountErrorCode(StrEnum):
    """``discount.*`` codes."""

    INVALID = "discount.invalid"
    TOO_LARGE = "discount.too_large"


class TaxErrorCode(StrEnum):
    """``tax.*`` codes."""

    UNKNOWN = "tax.unknown"


class UnitErrorCode(StrEnum):
    """``unit.*`` codes."""

    UNKNOWN = "unit.unknown"


class PhoneErrorCode(StrEnum):
    """``phone.*`` codes."""

    MISSING = "phone.missing"
    INVALID = "phone.invalid"


class CalendarErrorCode(StrEnum):
    """``calendar.*`` codes."""

    UNKNOWN_ZONE = "calendar.unknown_zone"
