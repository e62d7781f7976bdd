"""The one root of every error a person can act on, and the errors of the domain rules.

Owns :class:`AppError` — the root: an English message (the developers' and the log's language,
naming the offending value), a stable machine ``code`` and ``data`` (the values involved, which
fill the Korean and English words of :mod:`posapp.ui.messages`). It lives here because the
domain may import nothing of ours and every other layer may import the domain. The families
below it: :class:`DomainError` (a broken business rule, this module),
:class:`posapp.errors.PosError` (the services and the till),
:class:`posapp.db.engine.DatabaseError`, :class:`posapp.hardware.ports.HardwareError` and
:class:`posapp.config_errors.ConfigError`.

The codes are declared in Saleor-style ``error_codes`` modules, one per package
(``posapp/<package>/error_codes.py``; the top-level modules' in ``posapp/error_codes.py``): a
``StrEnum`` per code prefix, ``prefix.name`` → ``PrefixErrorCode.NAME`` (a member is a ``str``,
so ``error.code == "barcode.check_digit"`` holds). They are leaf modules (they import nothing
of ours), so any layer may raise another package's code. A new code is a new member there plus
its words in ``posapp/ui/error_words/`` (a test checks both).
"""

from __future__ import annotations

from typing import Any


class AppError(Exception):
    """An error with a code and data. ``code`` is stable, ``data`` holds the values involved."""

    def __init__(self, message: str, *, code: str, **data: Any) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.data: dict[str, Any] = data

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, code={str(self.code)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        # keyword-only arguments and a subclass's own attributes survive pickling
        # (multiprocessing, logging handlers) whatever the subclass's __init__ takes
        return (_rebuild, (type(self), self.args, dict(self.__dict__)))


def _rebuild(cls: type[AppError], args: tuple[Any, ...], state: dict[str, Any]) -> AppError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class DomainError(AppError):
    """A broken business rule."""


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
