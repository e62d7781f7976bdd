"""Exceptions raised by the domain rules: a clear English message, a machine code and data.

Owns :class:`DomainError` and its subclasses. ``code`` is stable and machine readable (for
example ``barcode.check_digit``) so the UI can turn it into words; ``data`` carries the values
involved; ``str(error)`` is the English message, which always names the offending value.
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A broken business rule. ``code`` is stable, ``data`` holds the values involved."""

    def __init__(self, message: str, *, code: str, **data: Any) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.data: dict[str, Any] = data

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, code={self.code!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        # keyword-only arguments survive pickling (multiprocessing, logging handlers)
        return (_rebuild, (type(self), self.message, self.code, self.data))


def _rebuild(cls: type[DomainError], message: str, code: str, data: dict[str, Any]) -> DomainError:
    return cls(message, code=code, **data)


class BarcodeError(DomainError):
    """A scanned or typed code that is not a valid barcode (length, digits, check digit...)."""


class DiscountError(DomainError):
    """A discount that is malformed or larger than what it applies to."""


class QuantityError(DomainError):
    """A quantity (pieces or grams) that is not a positive whole number."""


class TenderError(DomainError):
    """A payment that cannot settle the sale (not enough cash, bad card data...)."""


class PriceError(DomainError):
    """A price or fixed label amount that is not a whole number of won, 0 or more."""
