"""The cashier's session behind the checkout screen: who is signed in, the shift, the open
ticket, and every action as a call into the services. Qt-free, so flows are testable directly;
the window runs these calls through the task runner (never on the Qt thread).

The open ticket is saved after every change to a small JSON file in the data directory (written
atomically), so a crash or power cut mid-ticket offers the ticket back on restart.

With a spool (a till on PostgreSQL, posapp.sales.offline), a server that cannot be reached
turns the session offline: scanning, searching, signing in, approvals and selling go on against
the spool, and everything else says it needs the server. The forwarder turns it online again
once the queued sales reached the server.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from posapp.auth import service as auth
from posapp.classes import bookings as class_bookings
from posapp.db.engine import Database, DatabaseUnavailable, UnitOfWork
from posapp.domain.barcodes import DEFAULT_SCALE_LAYOUTS, ScaleLayout
from posapp.domain.cart import CartLine, Discount, PricedCart
from posapp.domain.errors import BarcodeError
from posapp.domain.hangul import SearchIndex
from posapp.errors import PosError
from posapp.inventory import catalog
from posapp.inventory.catalog import ProductInfo
from posapp.sales import (
    completion,
    drawer,
    holds,
    price_override,
    receipt_numbers,
    refunds,
    register_report,
    shifts,
    voids,
)
from posapp.sales.holds import HeldInfo
from posapp.sales.offline.spool import Spool
from posapp.sales.refunds import SaleSummary
from posapp.sales.register_report import RegisterReport
from posapp.sales.sale_records import CompletedSale
from posapp.sales.shifts import ShiftInfo
from posapp.sales.tenders import CashReceiptRequest, Tender
from posapp.sales.ticket import Ticket
from posapp.sync import online

log = logging.getLogger(__name__)
T = TypeVar("T")

_RECEIPT_NO = re.compile(f"^{receipt_numbers.RECEIPT_NO_PATTERN}$")  # a scanned receipt → refund


class SessionError(PosError):
    pass


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".open-ticket-")
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


@dataclass(frozen=True)
class ScanOutcome:
    kind: str  # "line" | "receipt" | "weigh"
    index: int = -1
    product: ProductInfo | None = None
    sale: SaleSummary | None = None


@dataclass
class SessionSettings:
    register_id: str = "R01"
    discount_limit_percent: int = 10
    cash_receipt_prompt_from: int = 100_000
    layouts: tuple[ScaleLayout, ...] = DEFAULT_SCALE_LAYOUTS
    recovery_dir: Path | None = None


@dataclass
class CheckoutSession:
    db: Database
    settings: SessionSettings
    index: SearchIndex | None = None
    user: auth.UserInfo | None = None
    shift: ShiftInfo | None = None
    ticket: Ticket = field(default_factory=Ticket)
    pending_approver: int | None = None
    last_sale: CompletedSale | None = None
    spool: Spool | None = None
    offline: bool = False
    #: called (on the worker thread) when the till goes offline or sells offline: the app
    #: wakes its forwarder, which then tells the screen
    on_offline: Callable[[], None] | None = None
    _recovery_writer: ThreadPoolExecutor | None = field(default=None, repr=False)

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

    def _read(self, fn: Callable[[UnitOfWork], T]) -> T:
        """A read the spool may answer while offline (catalogue, users)."""
        return self._either(fn, write=False)

    def _write(self, fn: Callable[[UnitOfWork], T]) -> T:
        """A write the spool may take while offline (sign-in attempts, audit of the drawer)."""
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

    def _online_only(self, what: str) -> None:
        if self.offline:
            raise SessionError(
                f"{what} needs the store's database, which cannot be reached now",
                code="offline.needs_server",
                what=what,
            )

    # --- people and shifts ---------------------------------------------------------------

    def sign_in(self, pin: str) -> auth.UserInfo:
        user = self._write(lambda uow: auth.authenticate(uow, pin))
        self.user = user
        self.shift = self._read(lambda uow: shifts.current_shift(uow, self.settings.register_id))
        return user

    def sign_out(self) -> None:
        self.user = None
        self.pending_approver = None

    def _who(self) -> int:
        if self.user is None:
            raise SessionError("sign in first", code="session.signed_out")
        return self.user.id

    def open_shift(self, counts: dict[int, int]) -> ShiftInfo:
        uid = self._who()
        self._online_only("opening a shift")
        self.shift = self.db.transact(
            lambda uow: shifts.open_shift(uow, self.settings.register_id, uid, counts)
        )
        return self.shift

    def approve(self, pin: str) -> auth.UserInfo:
        """A manager approves in place with their PIN (no sign-out)."""
        manager = self._write(lambda uow: auth.approve(uow, pin))
        self.pending_approver = manager.id
        return manager

    # --- online orders (prepaid on the platform, collected here) ---------------------------

    def online_orders(self) -> list[online.OrderInfo]:
        """Orders waiting for pick-up, oldest first."""
        self._online_only("online orders")
        return self.db.read(lambda uow: online.list_orders(uow, ("accepted",)))

    def pick_up(self, order_uuid: str) -> online.OrderInfo:
        """The customer collects: reserved goods leave stock and the platform will be told."""
        uid = self._who()
        self._online_only("handing over an online order")
        return self.db.transact(
            lambda uow: online.pick_up(
                uow, order_uuid, user_id=uid, register_id=self.settings.register_id
            )
        )

    # --- building the ticket -------------------------------------------------------------

    def load_index(self) -> SearchIndex:
        self.index = self._read(lambda uow: catalog.load_search_index(uow.conn))
        return self.index

    def scan(self, code: str) -> ScanOutcome:
        """A scanned code: a product onto the ticket, or a receipt number to refund."""
        code = code.strip()
        if _RECEIPT_NO.match(code):
            self._online_only("a refund")
            sale = self.db.read(lambda uow: refunds.find_sale(uow, code))
            return ScanOutcome("receipt", sale=sale)
        try:
            result = self._read(lambda uow: catalog.scan(uow.conn, code, self.settings.layouts))
        except catalog.CatalogError as exc:
            if exc.code == "catalog.needs_weight":
                pid = int(exc.data["product_id"])
                found = self._read(lambda uow: catalog.products_by_id(uow.conn, [pid]))
                return ScanOutcome("weigh", product=found[pid])
            raise
        index = self.ticket.add(result.line)
        self.save_recovery()
        return ScanOutcome("line", index=index, product=result.product)

    def search(self, query: str, limit: int = 30) -> list[ProductInfo]:
        index = self.index or self.load_index()
        return self._read(lambda uow: catalog.search(uow.conn, index, query, limit))

    def add_product(self, product: ProductInfo, grams: int | None = None) -> int:
        if product.unit.is_weighed and not grams:
            raise SessionError(
                f"{product.name_ko}: weigh it or type the grams",
                code="session.needs_weight",
                name=product.name_ko,
            )
        if not product.active:
            raise SessionError(
                f"{product.name_ko} is withdrawn", code="catalog.inactive", name=product.name_ko
            )
        line = product.line(grams if product.unit.is_weighed else None)
        # picked from the search list or a quick key: the same markdown as a scan would give
        line = self._read(lambda uow: catalog.marked_down(uow.conn, line))
        index = self.ticket.add(line)
        self.save_recovery()
        return index

    def add_line(self, line: CartLine) -> int:
        """A line made by another service (a class booking's fee), kept apart from others."""
        index = self.ticket.add(line, merge=False)
        self.save_recovery()
        return index

    def set_qty(self, index: int, qty: int) -> None:
        self.ticket.set_qty(index, qty)
        self.save_recovery()

    def remove(self, index: int) -> None:
        self.ticket.remove(index)
        self.save_recovery()

    def set_line_discount(self, index: int, discount: Discount | None) -> bool:
        """Apply a line discount; returns True if it needs a manager's approval to complete."""
        self.ticket.set_line_discount(index, discount)
        self.save_recovery()
        return self.needs_approval()

    def set_ticket_discount(self, discount: Discount | None) -> bool:
        self.ticket.set_discount(discount)
        self.ticket.priced()  # raises if it is larger than the ticket
        self.save_recovery()
        return self.needs_approval()

    def override_price(
        self, index: int, unit_price: int, reason: str, pin: str | None = None
    ) -> auth.UserInfo:
        """Change a line's unit price (a shelf tag that disagrees, damaged goods): allowed by
        the cashier's own ``price_override`` permission, or by a manager's ``pin`` typed in
        place (checked here, on the database worker). Returns who allowed it; the sale checks
        it again when it completes and records the change as an audit event."""
        uid = self._who()
        self.ticket.lines[index].with_price(unit_price, reason, uid)  # a bad price or no reason

        def allow(uow: UnitOfWork) -> auth.UserInfo:
            approver = auth.approve(uow, pin).id if pin is not None else None
            return price_override.authorize_price_override(uow, uid, approver)

        who = self._write(allow)  # offline: checked against the spool's users
        self.ticket.override_price(index, unit_price, reason, who.id)
        self.save_recovery()
        return who

    def needs_approval(self) -> bool:
        over = self.ticket.max_discount_percent() > self.settings.discount_limit_percent
        return over and self.pending_approver is None

    def priced(self) -> PricedCart:
        return self.ticket.priced()

    # --- completing, holding, voiding ---------------------------------------------------

    def complete(
        self, tenders: list[Tender], cash_receipt: CashReceiptRequest | None = None
    ) -> CompletedSale:
        uid = self._who()
        ticket = self.ticket
        approver = self.pending_approver
        # no class booking to settle after the sale: its COMMIT may go with it (fast path)
        final = not class_bookings.pays_bookings(ticket)

        def complete(uow: UnitOfWork) -> CompletedSale:
            sale = completion.complete_sale(
                uow,
                ticket,
                tenders,
                register_id=self.settings.register_id,
                user_id=uid,
                approved_by=approver,
                cash_receipt=cash_receipt,
                discount_limit_percent=self.settings.discount_limit_percent,
                final=final,
            )
            if not final:
                class_bookings.settle_from_sale(uow, sale)  # class bookings on the ticket: paid
            return sale

        if self.offline:
            sale = self._sell_offline(tenders, cash_receipt)
        else:
            try:
                sale = self.db.transact(complete)
            except DatabaseUnavailable as exc:
                if not self.go_offline(str(exc)):
                    raise
                sale = self._sell_offline(tenders, cash_receipt)
        self.last_sale = sale
        self.ticket = Ticket()
        self.pending_approver = None
        self.clear_recovery()
        return sale

    def _sell_offline(
        self, tenders: list[Tender], cash_receipt: CashReceiptRequest | None
    ) -> CompletedSale:
        assert self.spool is not None
        if self.shift is None:
            raise SessionError("no open shift", code="shift.not_open")
        if class_bookings.pays_bookings(self.ticket):
            self._online_only("paying a cooking-class booking")
        sale = self.spool.sell(
            self.ticket,
            tenders,
            user_id=self._who(),
            shift=self.shift,
            approved_by=self.pending_approver,
            cash_receipt=cash_receipt,
            discount_limit_percent=self.settings.discount_limit_percent,
        )
        if self.on_offline is not None:
            self.on_offline()
        return sale

    def hold(self, label: str = "") -> HeldInfo:
        uid = self._who()
        self._online_only("holding a ticket")
        ticket = self.ticket
        held = self.db.transact(
            lambda uow: holds.hold(
                uow, ticket, register_id=self.settings.register_id, user_id=uid, label=label
            )
        )
        self.ticket = Ticket()
        self.clear_recovery()
        return held

    def held(self) -> list[HeldInfo]:
        self._online_only("held tickets")
        return self.db.read(lambda uow: holds.list_held(uow, self.settings.register_id))

    def recall(self, held_id: int) -> None:
        if self.ticket.lines:
            raise SessionError(
                "finish or hold the current ticket before recalling another",
                code="session.ticket_open",
            )
        self._online_only("recalling a ticket")
        self.ticket = self.db.transact(lambda uow: holds.recall(uow, held_id))
        self.save_recovery()

    def void(self, reason: str = "") -> None:
        uid = self._who()
        ticket, approver = self.ticket, self.pending_approver
        self._write(
            lambda uow: voids.void_ticket(
                uow,
                ticket,
                register_id=self.settings.register_id,
                user_id=uid,
                approved_by=approver,
                reason=reason,
            )
        )
        self.ticket = Ticket()
        self.pending_approver = None
        self.clear_recovery()

    def refund(
        self, receipt_no: str, lines: dict[int, int] | None, reason: str = ""
    ) -> CompletedSale:
        uid, approver = self._who(), self.pending_approver
        self._online_only("a refund")
        sale = self.db.transact(
            lambda uow: refunds.refund(
                uow,
                receipt_no,
                register_id=self.settings.register_id,
                user_id=uid,
                approved_by=approver,
                lines=lines,
                reason=reason,
            )
        )
        self.pending_approver = None
        self.last_sale = sale
        return sale

    def find_sale(self, receipt_no: str) -> SaleSummary:
        self._online_only("looking up a receipt")
        return self.db.read(lambda uow: refunds.find_sale(uow, receipt_no))

    def x_report(self) -> RegisterReport:
        if self.shift is None:
            raise SessionError("no open shift", code="shift.not_open")
        self._online_only("the X report")
        shift_id = self.shift.id
        return self.db.read(lambda uow: register_report.x_report(uow, shift_id))

    def close_shift(self, counts: dict[int, int]) -> RegisterReport:
        uid = self._who()
        if self.shift is None:
            raise SessionError("no open shift", code="shift.not_open")
        self._online_only("closing the shift")
        if self.spool is not None:
            waiting = self.spool.status()
            if waiting.queued or waiting.failed:
                raise SessionError(
                    f"{waiting.queued + waiting.failed} offline sales have not reached the "
                    "store's database yet: close the shift once they have",
                    code="offline.unsent",
                    count=waiting.queued + waiting.failed,
                )
        shift_id = self.shift.id
        report = self.db.transact(lambda uow: shifts.close_shift(uow, shift_id, uid, counts))
        self.shift = None
        return report

    def record_drawer(self, receipt_no: str | None) -> None:
        uid, approver = self._who(), self.pending_approver
        self._write(
            lambda uow: drawer.record_drawer_open(
                uow,
                register_id=self.settings.register_id,
                user_id=uid,
                receipt_no=receipt_no,
                approved_by=approver,
            )
        )
        if receipt_no is None:
            self.pending_approver = None

    def record_reprint(self, receipt_no: str) -> None:
        uid = self._who()
        self._write(
            lambda uow: drawer.record_reprint(
                uow, register_id=self.settings.register_id, user_id=uid, receipt_no=receipt_no
            )
        )

    # --- crash recovery ---------------------------------------------------------------

    def _recovery_file(self) -> Path | None:
        d = self.settings.recovery_dir
        return None if d is None else d / f"open-ticket-{self.settings.register_id}.json"

    def save_recovery(self) -> None:
        """Snapshot the ticket now; the file is written (and fsynced) by a writer thread in
        order, so the cashier never waits for the disk."""
        path = self._recovery_file()
        if path is None:
            return
        if not self.ticket.lines:
            self.clear_recovery()
            return
        data = json.dumps(self.ticket.to_json(), ensure_ascii=False).encode("utf-8")
        self._writer().submit(_write_atomically, path, data)

    def clear_recovery(self) -> None:
        path = self._recovery_file()
        if path is not None:
            self._writer().submit(path.unlink, missing_ok=True)

    def flush_recovery(self) -> None:
        """Wait until the last snapshot is on disk (tests, shutdown)."""
        self._writer().submit(lambda: None).result()

    def _writer(self) -> ThreadPoolExecutor:
        if self._recovery_writer is None:
            self._recovery_writer = ThreadPoolExecutor(1, thread_name_prefix="recovery")
        return self._recovery_writer

    def recoverable(self) -> Ticket | None:
        self.flush_recovery()
        path = self._recovery_file()
        if path is None or not path.exists():
            return None
        try:
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            ticket = Ticket.from_json(data)
        except (ValueError, KeyError, TypeError, PosError, BarcodeError) as exc:
            log.warning("an unreadable open ticket was set aside: %s", exc)
            path.rename(path.with_suffix(".unreadable"))
            return None
        return ticket if ticket.lines else None

    def restore(self, ticket: Ticket) -> None:
        self.ticket = ticket
