"""The hardware ports: small Protocols the checkout talks to, and the data they exchange.

Adapters (ESC/POS printers, serial scales and displays, the card terminal) implement these; the
UI and services know only the ports. Every call may block on I/O, so callers run them off the Qt
thread; every adapter bounds its waits with a timeout and raises :class:`HardwareError` (with a
machine-readable ``code``) instead of hanging or losing a job silently.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol, runtime_checkable

from posapp.domain.errors import AppError
from posapp.domain.tax_parts import TaxParts


class HardwareError(AppError):
    """A device failed.

    ``code`` e.g. ``printer.offline``, ``printer.paper_out``, ``scale.unstable``,
    ``card.declined``, ``card.timeout`` (:mod:`posapp.hardware.error_codes`); ``retryable`` tells
    the UI whether "try again" helps.
    """

    def __init__(self, message: str, *, code: str, retryable: bool = True, **data: object) -> None:
        super().__init__(message, code=code, **data)
        self.retryable = retryable


# --- printer ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PrinterStatus:
    online: bool
    paper_out: bool = False
    paper_low: bool = False
    cover_open: bool = False
    drawer_open: bool | None = None
    error: str = ""

    @property
    def ready(self) -> bool:
        return self.online and not self.paper_out and not self.cover_open and not self.error


@runtime_checkable
class RawTransport(Protocol):
    """Moves bytes to a printer. ``status()`` asks DLE EOT where the transport can answer."""

    def write(self, data: bytes) -> None: ...

    def status(self) -> PrinterStatus | None:  # None: this transport cannot tell
        ...

    def close(self) -> None: ...


class CashDrawer(Protocol):
    """The cash drawer, kicked open through the receipt printer it hangs on."""

    def open_drawer(self) -> None: ...


# --- scale, scanner, display -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Weight:
    grams: int
    stable: bool
    at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))


class Scale(Protocol):
    def read_stable(self, timeout: float = 3.0) -> Weight:
        """Flush stale readings, ask, and return a stable weight; HardwareError otherwise."""
        ...

    def close(self) -> None: ...


class ScannerSource(Protocol):
    """Delivers whole scanned codes to ``on_code`` (from a background thread)."""

    def start(self, on_code: Callable[[str], None]) -> None: ...

    def stop(self) -> None: ...


class CustomerDisplay(Protocol):
    def show(self, line1: str, line2: str = "") -> None: ...

    def clear(self) -> None: ...

    def close(self) -> None: ...


# --- card terminal ---------------------------------------------------------------------------


class CardResult(StrEnum):
    APPROVED = "approved"
    DECLINED = "declined"


@dataclass(frozen=True, slots=True)
class CardApproval:
    """What the terminal tells the till: never a full card number, expiry or CVC."""

    approval_no: str
    approved_at: dt.datetime
    amount: int
    card_masked: str
    issuer: str = ""
    acquirer: str = ""
    installment_months: int = 0
    transaction_id: str = ""
    merchant_no: str = ""  # 가맹점번호 the card company knows the store by


@dataclass(frozen=True, slots=True)
class CashReceiptApproval:
    approval_no: str
    approved_at: dt.datetime
    amount: int
    identity_masked: str


class CardTerminal(Protocol):
    def approve(
        self,
        amount: int,
        *,
        installment_months: int = 0,
        request_id: str,
        timeout: float = 60.0,
        tax: TaxParts | None = None,
        voucher_kind: str | None = None,
    ) -> CardApproval:
        """Charge a card (or, with ``voucher_kind``, a card or mobile voucher);
        raise HardwareError(code="card.declined" | "card.timeout" | ...).

        On a timeout the adapter net-cancels (망취소) ``request_id`` before raising, so the
        customer is never charged for a sale the till did not record."""
        ...

    def cancel(
        self,
        approval_no: str,
        approved_at: dt.datetime,
        amount: int,
        *,
        request_id: str,
        tax: TaxParts | None = None,
    ) -> CardApproval:
        """Cancel (refund) an earlier approval, in full or in part."""
        ...

    def net_cancel(self, request_id: str) -> None:
        """Undo a request whose answer never arrived (idempotent)."""
        ...

    def issue_cash_receipt(
        self,
        amount: int,
        identity: str,
        purpose: str,
        *,
        request_id: str,
        tax: TaxParts | None = None,
    ) -> CashReceiptApproval: ...

    def cancel_cash_receipt(
        self,
        approval_no: str,
        approved_at: dt.datetime,
        amount: int,
        *,
        request_id: str,
        tax: TaxParts | None = None,
    ) -> CashReceiptApproval: ...
