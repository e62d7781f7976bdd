"""The cashier's session at the till: who is signed in, the shift, the open ticket, whether the
till sells offline — and every checkout action, each owned by its use-case module:

- :mod:`posapp.usecases.ticket` — scan, search, add, change and remove lines, discounts, price
  override;
- :mod:`posapp.usecases.sale` — completing the sale (online or offline), the drawer and
  reprint journal;
- :mod:`posapp.usecases.payment` — electronic approvals, the commit, and cancelling every
  approval when the commit fails (the card is never charged for a sale that does not exist);
- :mod:`posapp.usecases.holds` — hold, recall, void;
- :mod:`posapp.usecases.refund` — refunds and receipt look-up;
- :mod:`posapp.usecases.shift` — sign-in, open/close shift, X/Z;
- :mod:`posapp.usecases.recovery` — the open-ticket file offered back after a crash;
- :mod:`posapp.usecases.pickup` — online orders collected at the till.

Qt-free, so flows are testable directly; the window runs these calls through
:mod:`posapp.ui.operations` (never on the Qt thread). A manager's approval is a value
(:class:`~posapp.usecases.approvals.Approval`) passed to the action it was given for; the
session never keeps one.

With a spool (a till on PostgreSQL, posapp.sales.offline), a server that cannot be reached
turns the session offline: scanning, searching, signing in, approvals and selling go on against
the spool, and everything else says it needs the server. The forwarder turns it online again
once the queued sales reached the server.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from posapp.auth.service import UserInfo
from posapp.config import Settings
from posapp.db.engine import Database, DatabaseUnavailable, UnitOfWork
from posapp.domain.barcodes import DEFAULT_SCALE_LAYOUTS, ScaleLayout
from posapp.domain.cart import CartLine, Discount, PricedCart
from posapp.domain.hangul import SearchIndex
from posapp.inventory.catalog import ProductInfo
from posapp.reports.tax_invoices import Buyer, TaxInvoiceInfo
from posapp.sales.clock_guard import ClockBehind
from posapp.sales.error_codes import ShiftErrorCode
from posapp.sales.holds import HeldInfo
from posapp.sales.offline.forwarder import OfflineState
from posapp.sales.offline.spool import Spool, SpoolStatus
from posapp.sales.refunds import RefundQuote, SaleSummary
from posapp.sales.register_report import RegisterReport
from posapp.sales.sale_records import CompletedSale
from posapp.sales.shifts import ShiftInfo
from posapp.sales.tenders import CashReceiptRequest, Tender, VoucherKind
from posapp.sales.ticket import Ticket
from posapp.sync.online import OrderInfo
from posapp.usecases import clock, holds, pickup, recovery, refund, sale, shift, ticket
from posapp.usecases.approvals import Approval
from posapp.usecases.error_codes import OfflineErrorCode, SessionErrorCode
from posapp.usecases.exchange import PendingExchange
from posapp.usecases.expiry import ExpiredLot
from posapp.usecases.refund import RefundView
from posapp.usecases.session_error import SessionError
from posapp.usecases.ticket import ScanOutcome

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass
class SessionSettings:
    register_id: str = "R01"
    cash_receipt_prompt_from: int = 100_000
    layouts: tuple[ScaleLayout, ...] = DEFAULT_SCALE_LAYOUTS
    recovery_dir: Path | None = None

    @classmethod
    def from_config(cls, settings: Settings, *, recovery_dir: Path | None) -> SessionSettings:
        """The register, 현금영수증 prompt and scale-label layout configured. The discount limit
        is store policy (posapp.store_policy), not a till's: ``[sales] discount_limit_percent``
        in a TOML changes nothing."""
        sales = settings.sales
        layout = ScaleLayout.from_config(
            {
                "prefixes": sales.scale_prefixes,
                "item_digits": sales.scale_item_digits,
                "value_digits": sales.scale_value_digits,
                "value_kind": sales.scale_value_kind,
            }
        )
        return cls(
            register_id=settings.register.id,
            cash_receipt_prompt_from=sales.cash_receipt_prompt_from,
            layouts=(layout,),
            recovery_dir=recovery_dir,
        )


@dataclass
class CheckoutSession:
    db: Database
    settings: SessionSettings
    index: SearchIndex | None = None
    user: UserInfo | None = None
    shift: ShiftInfo | None = None
    ticket: Ticket = field(default_factory=Ticket)
    last_sale: CompletedSale | None = None
    #: expired lots the last scan or add put on the ticket (posapp.usecases.expiry)
    warnings: list[ExpiredLot] = field(default_factory=list)
    spool: Spool | None = None
    offline: bool = False
    #: called (on the worker thread) when the till goes offline or sells offline: the app
    #: wakes its forwarder, which then tells the screen
    on_offline: Callable[[], None] | None = None
    recovery: recovery.RecoveryFile = field(init=False, repr=False)
    #: the store policy as last read and when (monotonic s): scans check limits against it
    #: without a round trip each (posapp.usecases.rules.policy)
    policy_read: tuple[float, Mapping[str, int]] | None = field(default=None, repr=False)
    vouchers_read: tuple[float, frozenset[VoucherKind]] | None = field(default=None, repr=False)
    #: 교환: the return part of the open ticket (posapp.usecases.exchange); a new ticket
    #: (sold, held, voided) drops it — nothing of it is written before the exchange is paid
    pending_exchange: PendingExchange | None = None
    #: the register's clock as last checked (posapp.usecases.clock): behind its journal, or
    #: None; the checkout window warns while it is set
    clock: ClockBehind | None = None

    def __post_init__(self) -> None:
        self.recovery = recovery.RecoveryFile(self.settings.recovery_dir, self.settings.register_id)

    # --- online / offline ----------------------------------------------------------------

    def go_offline(self, why: str = "") -> bool:
        """Sell against the spool from now on; False when this till has no usable spool."""
        if self.spool is None or not self.spool.ready():
            return False
        if not self.offline:
            log.warning("the database cannot be reached (%s): selling offline", why)
            if self.shift is not None:
                self.spool.mirror_shift(self.shift)
        self.offline = True
        if self.on_offline is not None:
            self.on_offline()
        return True

    def back_online(self) -> None:
        """Called by the forwarder once every queued sale reached the server."""
        if self.offline:
            log.warning("the database is back: selling online again")
        self.offline = False

    def read(self, fn: Callable[[UnitOfWork], T]) -> T:
        """A read the spool may answer while offline (catalogue, users)."""
        return self._either(fn, write=False)

    def transact(self, fn: Callable[[UnitOfWork], T]) -> T:
        """A write the spool may take while offline (sign-in attempts, approvals, the drawer
        journal); also what :class:`~posapp.usecases.approvals.Approvals` verifies PINs on."""
        return self._either(fn, write=True)

    def _either(self, fn: Callable[[UnitOfWork], T], *, write: bool) -> T:
        def on(db: Database) -> T:
            return db.transact(fn) if write else db.read(fn)

        if self.offline and self.spool is not None:
            return on(self.spool.db)
        try:
            return on(self.db)
        except DatabaseUnavailable as exc:
            if not self.go_offline(str(exc)):
                raise
            assert self.spool is not None
            return on(self.spool.db)

    def online_only(self, what: str) -> None:
        if self.offline:
            raise SessionError(
                f"{what} needs the store's database, which cannot be reached now",
                code=OfflineErrorCode.NEEDS_SERVER,
                what=what,
            )

    def who(self) -> int:
        if self.user is None:
            raise SessionError("sign in first", code=SessionErrorCode.SIGNED_OUT)
        return self.user.id

    def require_shift(self) -> ShiftInfo:
        if self.shift is None:
            raise SessionError("no open shift", code=ShiftErrorCode.NOT_OPEN)
        return self.shift

    def offline_state(self) -> SpoolStatus | None:
        return None if self.spool is None else self.spool.status()

    # --- people and shifts (posapp.usecases.shift) ------------------------------------------

    def sign_in(self, pin: str) -> UserInfo:
        return shift.sign_in(self, pin)

    def check_clock(self) -> ClockBehind | None:
        """Is this register's clock behind its journal? (at start; sales check it themselves)"""
        return clock.check(self)

    def sign_out(self) -> None:
        self.user = None

    def open_shift(self, counts: Mapping[int, int]) -> ShiftInfo:
        return shift.open_shift(self, counts)

    def x_report(self) -> RegisterReport:
        return shift.x_report(self)

    def close_shift(self, counts: Mapping[int, int]) -> RegisterReport:
        return shift.close_shift(self, counts)

    # --- online orders (posapp.usecases.pickup) ---------------------------------------------

    def online_orders(self) -> list[OrderInfo]:
        return pickup.online_orders(self)

    def pick_up(self, order_uuid: str) -> OrderInfo:
        return pickup.pick_up(self, order_uuid)

    # --- building the ticket (posapp.usecases.ticket) ---------------------------------------

    def load_index(self) -> SearchIndex:
        return ticket.load_index(self)

    def scan(self, code: str, approval: Approval | None = None) -> ScanOutcome:
        return ticket.scan(self, code, approval)

    def search(self, query: str, limit: int = 30) -> list[ProductInfo]:
        return ticket.search(self, query, limit)

    def add_product(
        self, product: ProductInfo, grams: int | None = None, approval: Approval | None = None
    ) -> int:
        return ticket.add_product(self, product, grams, approval)

    def add_line(self, line: CartLine) -> int:
        return ticket.add_line(self, line)

    def set_qty(self, index: int, qty: int, approval: Approval | None = None) -> None:
        ticket.set_qty(self, index, qty, approval)

    def remove(self, index: int, approval: Approval | None = None) -> None:
        ticket.remove(self, index, approval)

    def mark_subtotal(self) -> None:
        ticket.mark_subtotal(self)

    def set_line_discount(self, index: int, discount: Discount | None) -> bool:
        return ticket.set_line_discount(self, index, discount)

    def set_ticket_discount(self, discount: Discount | None) -> bool:
        return ticket.set_ticket_discount(self, discount)

    def override_price(
        self, index: int, unit_price: int, reason: str, approval: Approval | None = None
    ) -> UserInfo:
        return ticket.override_price(self, index, unit_price, reason, approval)

    def needs_approval(self, approval: Approval | None = None) -> bool:
        return ticket.needs_approval(self, approval)

    def priced(self) -> PricedCart:
        return self.ticket.priced()

    # --- completing, holding, voiding, refunding ------------------------------------------

    def complete(
        self,
        tenders: list[Tender],
        cash_receipt: CashReceiptRequest | None = None,
        *,
        approval: Approval | None = None,
    ) -> CompletedSale:
        return sale.complete(self, tenders, cash_receipt, approval)

    def complete_invoiced(
        self, tenders: list[Tender], buyer: Buyer, *, approval: Approval | None = None
    ) -> tuple[CompletedSale, TaxInvoiceInfo | None]:
        """Commit the ticket and mark it for a 세금계산서 / 계산서 to ``buyer`` in the same
        transaction (offline: the sale, and no request — ``None``)."""
        return sale.complete_invoiced(self, tenders, None, approval, buyer)

    def record_drawer(self, receipt_no: str | None, approval: Approval | None = None) -> None:
        sale.record_drawer(self, receipt_no, approval)

    def record_reprint(self, receipt_no: str) -> None:
        sale.record_reprint(self, receipt_no)

    def hold(self, label: str = "") -> HeldInfo:
        return holds.hold(self, label)

    def held(self) -> list[HeldInfo]:
        return holds.held(self)

    def recall(self, held_id: int) -> None:
        holds.recall(self, held_id)

    def void(self, reason: str = "", approval: Approval | None = None, note: str = "") -> None:
        holds.void(self, reason, approval, note)

    def refund(
        self,
        receipt_no: str,
        lines: dict[int, int] | None,
        reason: str = "",
        approval: Approval | None = None,
        *,
        tenders: Sequence[Tender] | None = None,
        tender_reason: str = "",
        cash_receipt_cancel: str | None = None,
    ) -> CompletedSale:
        return refund.refund(
            self,
            receipt_no,
            lines,
            reason,
            approval,
            tenders=tenders,
            tender_reason=tender_reason,
            cash_receipt_cancel=cash_receipt_cancel,
        )

    def refund_quote(self, receipt_no: str, lines: dict[int, int] | None) -> RefundQuote:
        return refund.quote(self, receipt_no, lines)

    def refund_view(self, receipt_no: str) -> RefundView:
        return refund.view(self, receipt_no)

    def find_sale(self, receipt_no: str) -> SaleSummary:
        return refund.find_sale(self, receipt_no)

    # --- crash recovery (posapp.usecases.recovery) ----------------------------------------

    def save_recovery(self) -> None:
        self.recovery.save(self.ticket)

    def clear_recovery(self) -> None:
        self.recovery.clear()

    def flush_recovery(self) -> None:
        self.recovery.flush()

    def recoverable(self) -> Ticket | None:
        """The ticket a crash left, priced again from the catalogue (never the file's prices)."""
        ticket = self.recovery.recoverable()
        if ticket is None:
            return None
        ticket = recovery.repriced(self, ticket)
        return ticket if ticket.lines else None

    def restore(self, ticket: Ticket) -> None:
        self.ticket = ticket

    def new_ticket(self) -> None:
        """The ticket is done (sold, held, voided): start an empty one, drop its snapshot."""
        self.ticket = Ticket()
        self.pending_exchange = None
        self.recovery.clear()


__all__ = [
    "CheckoutSession",
    "ClockBehind",
    "CompletedSale",
    "HeldInfo",
    "OfflineState",
    "OrderInfo",
    "ProductInfo",
    "RegisterReport",
    "SaleSummary",
    "ScanOutcome",
    "SessionError",
    "SessionSettings",
    "ShiftInfo",
    "Ticket",
    "UserInfo",
]
