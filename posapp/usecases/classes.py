"""Cooking classes and the meeting space, as the class staff's window uses them: the calendar
(expired holds released first), a session's bookings, creating / changing / cancelling a
session or a weekly series, booking (seated or waitlisted), check-in, cancelling with the
refund tiers (a refund pays money out: it needs an approval for ``class.refund`` bound to the
amount), the ticket line the checkout adds to take a booking's fee, marking a session held,
the roster / prep sheet PDFs, and a booking marked for a 세금계산서
(:meth:`Classes.request_tax_invoice`: a booking not paid at the till — a company's
계좌이체 — gets its own request from the booking's fee and the session's day; one paid at
the till is its receipt's request, refused for a card slip or a 현금영수증 with the same
words as at the till). Cancelling a booking cancels its request still waiting to be
issued, in the same transaction.

Each method owns its transaction (:mod:`posapp.classes` does the work inside it) and returns
the frozen dataclasses re-exported here, so a screen imports nothing of ``posapp.classes``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from posapp import store_policy
from posapp.auth.permissions import Permission
from posapp.classes import booking_payment, prep, rosters
from posapp.classes import bookings as bk
from posapp.classes import schedule as cs
from posapp.classes.bookings import (
    CANCELLED,
    CONFIRMED,
    EXPIRED,
    HELD,
    WAITLIST,
    BookingInfo,
    BookingRequest,
    BookingResult,
    RefundDue,
)
from posapp.classes.policy import ClassPolicy
from posapp.classes.prep import IngredientChoice, PrepLine, PrepList
from posapp.classes.schedule import (
    CLASS,
    KITCHEN,
    MAX_SERIES_WEEKS,
    MEETING,
    MEETING_KIND,
    Ingredient,
    SessionInfo,
    SessionSpec,
)
from posapp.db.engine import Database, UnitOfWork
from posapp.domain.cart import CartLine
from posapp.errors import PosError
from posapp.inventory import catalog
from posapp.inventory.partners import list_regions
from posapp.reports import tax_invoices
from posapp.reports.tax_invoices import Buyer, TaxInvoiceInfo
from posapp.sales import receipt_lookup
from posapp.sales.tenders import Method
from posapp.usecases.approvals import APPROVAL_REQUIRED, Approval

REFUND_ACTION = "class.refund"
"""The approval a paid booking's cancellation asks for; its bound is ``amount`` (won)."""
REFUND_PERMISSION = Permission.REFUND.value


@dataclass(frozen=True, slots=True)
class RegionChoice:
    """A featured region the session dialog offers (active ones only)."""

    id: int
    name: str


@dataclass(frozen=True, slots=True)
class SessionForm:
    """What the session dialog needs: the regions, and the ingredients' names of the session
    being changed (by product id)."""

    regions: tuple[RegionChoice, ...]
    names: dict[int, IngredientChoice]


class Classes:
    """The class staff's actions on ``db`` under the store's policy (hold time and refund
    tiers: posapp.store_policy ``class_hold_minutes``, ``class_refund_tiers``, read in each
    action's own transaction; ``policy`` fixes them for this object, a test's or a tool's); a
    refund is paid at ``register_id``."""

    def __init__(
        self, db: Database, policy: ClassPolicy | None = None, *, register_id: str | None
    ) -> None:
        self._db = db
        self._fixed = policy
        self.register_id = register_id

    def _policy(self, uow: UnitOfWork) -> ClassPolicy:
        if self._fixed is not None:
            return self._fixed
        minutes = store_policy.load(uow)["class_hold_minutes"]
        return ClassPolicy.from_text(minutes, store_policy.load_text(uow)["class_refund_tiers"])

    # --- the calendar and a session's bookings ---------------------------------------------

    def calendar(
        self, first: dt.date, last: dt.date, *, room: str | None = None
    ) -> tuple[SessionInfo, ...]:
        """The sessions from ``first`` to ``last`` (one room or all), after releasing the
        holds past their time (their seats go to the waitlist)."""

        def run(uow: UnitOfWork) -> tuple[SessionInfo, ...]:
            bk.release_expired(uow, policy=self._policy(uow))
            return tuple(cs.list_sessions(uow, first, last, room=room))

        return self._db.transact(run)

    def session(self, session_uuid: str) -> SessionInfo:
        return self._db.read(lambda uow: cs.get_session(uow, session_uuid))

    def bookings(self, session_uuid: str) -> tuple[BookingInfo, ...]:
        """The session's live bookings (seated and waiting) in booking order."""
        return tuple(self._db.read(lambda uow: bk.list_bookings(uow, session_uuid)))

    def release_expired_holds(self) -> tuple[BookingInfo, ...]:
        """Unpaid bookings past their hold time give their seats (to the waitlist) and their
        reserved ingredients back (the till's one-minute timer)."""
        return tuple(
            self._db.transact(lambda uow: bk.release_expired(uow, policy=self._policy(uow)))
        )

    # --- sessions ---------------------------------------------------------------------------

    def session_form(self, session: SessionInfo | None = None) -> SessionForm:
        """The regions to choose from and, for a change, the session's ingredient names."""

        def run(uow: UnitOfWork) -> SessionForm:
            regions = tuple(RegionChoice(r.id, r.name) for r in list_regions(uow) if r.active)
            ids = [i.product_id for i in session.ingredients] if session else []
            found = catalog.products_by_id(uow, ids)
            names = {
                pid: IngredientChoice(pid, p.name_ko, p.unit.value) for pid, p in found.items()
            }
            return SessionForm(regions, names)

        return self._db.read(run)

    def find_ingredients(self, text: str) -> tuple[IngredientChoice, ...]:
        return tuple(self._db.read(lambda uow: prep.find_ingredients(uow, text)))

    def create_series(
        self, spec: SessionSpec, *, weeks: int, user_id: int | None
    ) -> tuple[SessionInfo, ...]:
        """A session, or the same one weekly ``weeks`` times (each room free)."""
        return tuple(
            self._db.transact(lambda uow: cs.create_series(uow, spec, weeks=weeks, user_id=user_id))
        )

    def change_session(
        self, session_uuid: str, spec: SessionSpec, *, user_id: int | None
    ) -> SessionInfo:
        """Time, room, capacity (not below the booked seats), fee, ingredients (re-reserved).
        A booking's tax-invoice request waiting to be issued follows the class's new day."""

        def run(uow: UnitOfWork) -> SessionInfo:
            info = cs.update_session(uow, session_uuid, spec, user_id=user_id)
            day, item = info.local_start.date(), booking_payment.line_name(info)
            for b in bk.list_bookings(uow, session_uuid):
                if b.receipt_no is None and b.tax_invoice_state == "to_issue":
                    tax_invoices.redate_for_booking(uow, b.uuid, day=day, item=item)
            return info

        return self._db.transact(run)

    def cancel_session(self, session_uuid: str, *, user_id: int | None) -> SessionInfo:
        """A session with no live bookings; frees the room and its reservation."""
        return self._db.transact(lambda uow: cs.cancel_session(uow, session_uuid, user_id=user_id))

    def mark_held(self, session_uuid: str, *, user_id: int | None) -> SessionInfo:
        """The session took place: its reserved ingredients leave stock."""
        return self._db.transact(
            lambda uow: prep.mark_held(
                uow, session_uuid, user_id=user_id, register_id=self.register_id
            )
        )

    # --- bookings ---------------------------------------------------------------------------

    def book(
        self, session_uuid: str, request: BookingRequest, *, user_id: int | None
    ) -> BookingResult:
        """Seats if they are free (held until paid, or confirmed), else the waitlist."""
        return self._db.transact(
            lambda uow: bk.book(
                uow, session_uuid, request, policy=self._policy(uow), user_id=user_id
            )
        )

    def check_in(self, booking_uuid: str, *, undo: bool = False) -> BookingInfo:
        return self._db.transact(lambda uow: bk.check_in(uow, booking_uuid, undo=undo))

    def refund_due(self, booking_uuid: str) -> RefundDue:
        """What cancelling the booking now pays back (the bound of its approval)."""
        return self._db.read(lambda uow: bk.refund_due(uow, booking_uuid, policy=self._policy(uow)))

    def cancel_booking(
        self, booking_uuid: str, *, user_id: int, approval: Approval | None = None
    ) -> BookingResult:
        """Cancel; the seats go to the waitlist; a paid fee is refunded by the tiers at this
        till. A refund needs ``approval`` for :data:`REFUND_ACTION` covering its amount
        (else ``auth.approval_required``, and the screen asks a PIN)."""

        def run(uow: UnitOfWork) -> BookingResult:
            due = bk.refund_due(uow, booking_uuid, policy=self._policy(uow))
            if due.amount > 0 and (
                approval is None or not approval.covers(REFUND_ACTION, amount=due.amount)
            ):
                raise PosError(
                    "a class refund needs a manager's approval",
                    code=APPROVAL_REQUIRED,
                    permission=REFUND_PERMISSION,
                    amount=due.amount,
                )
            result = bk.cancel(
                uow,
                booking_uuid,
                policy=self._policy(uow),
                user_id=user_id,
                register_id=self.register_id,
                approved_by=approval.approver_id if approval is not None else None,
            )
            tax_invoices.cancel_for_booking(uow, booking_uuid, user_id=user_id)
            return result

        return self._db.transact(run)

    def check_tax_invoice(self, booking_uuid: str, *, today: dt.date) -> BookingInfo:
        """What :meth:`request_tax_invoice` would refuse whatever the buyer, said before the
        buyer is asked: a booking paid at the till by card or with a 현금영수증 (the till's
        words), past the deadline, waiting / cancelled / free, or with a request already."""

        def run(uow: UnitOfWork) -> BookingInfo:
            b = bk.get_booking(uow, booking_uuid)
            if b.receipt_no is not None:
                day = tax_invoices.check_sale(uow, b.receipt_no)[1]
                tax_invoices.check_deadline(day, today)
                return b
            b = bk.check_invoiceable(uow, booking_uuid)
            tax_invoices.check_deadline(
                cs.get_session(uow, b.session_uuid).local_start.date(), today
            )
            tax_invoices.check_booking(uow, booking_uuid)
            return b

        return self._db.read(run)

    def request_tax_invoice(
        self, booking_uuid: str, buyer: Buyer, *, user_id: int | None, today: dt.date
    ) -> TaxInvoiceInfo:
        """Mark the booking for a 세금계산서 / 계산서 to ``buyer``. Not paid at the till: its
        own request (the fee by its tax class, dated the session's day), the booking kept
        (confirmed, no hold) for the transfer, and no till payment taken for it after. Paid
        at the till: the request of its receipt, refused for a card slip or a 현금영수증
        (부가가치세법 §33②) and past the 10th of the month after the sale (§34③)."""
        checked = tax_invoices.check_buyer(buyer)  # the dialog's words before the database

        def run(uow: UnitOfWork) -> TaxInvoiceInfo:
            b = bk.get_booking(uow, booking_uuid)
            if b.receipt_no is not None:
                sale = receipt_lookup.load_sale(uow, b.receipt_no)
                tax_invoices.check_deadline(sale.business_date, today)
                return tax_invoices.request(uow, sale.receipt_no, checked, user_id=user_id)
            supply = booking_payment.invoice_supply(uow, booking_uuid)
            tax_invoices.check_deadline(supply.day, today)  # a class long past: too late
            return tax_invoices.request_booking(
                uow,
                tax_invoices.Supply(
                    b.uuid, b.ref, supply.day, supply.item, supply.taxable_total,
                    supply.exempt_total,
                ),
                checked,
                user_id=user_id,
            )  # fmt: skip

        return self._db.transact(run)

    def ticket_line(self, booking_uuid: str) -> CartLine:
        """The line the checkout adds to take the booking's fee (a write: the first call makes
        the service product it is sold as); the sale marks the booking paid."""
        return self._db.transact(lambda uow: booking_payment.ticket_line(uow, booking_uuid))

    # --- paperwork --------------------------------------------------------------------------

    def save_roster(self, session_uuid: str, out_dir: Path) -> Path:
        """The roster (출석부) PDF of the session's bookings, written under ``out_dir``."""

        def run(uow: UnitOfWork) -> tuple[SessionInfo, bytes]:
            s = cs.get_session(uow, session_uuid)
            return s, rosters.roster_pdf(s, bk.list_bookings(uow, session_uuid))

        session, data = self._db.read(run)
        return _write(out_dir, "roster", session, data)

    def save_prep_sheet(self, session_uuid: str, out_dir: Path) -> Path:
        """The prep sheet (재료 준비표) PDF: what to bring down to the kitchen, what lacks."""
        plan = self._db.read(lambda uow: prep.prep_list(uow, session_uuid))
        return _write(out_dir, "prep", plan.session, rosters.prep_sheet_pdf(plan))


def card_refund_pending(result: BookingResult) -> int:
    """Won of a cancellation's refund whose card cancel waits for the terminal
    (``card_pending``, posapp.sales.card_cancels): 0 when none."""
    pays = result.refund.payments if result.refund is not None else ()
    return -sum(p.amount for p in pays if p.method == Method.CARD_PENDING.value)


def _write(out_dir: Path, name: str, session: SessionInfo, data: bytes) -> Path:
    path = out_dir / f"class-{name}-{session.local_start:%Y%m%d-%H%M}.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


__all__ = [
    "CANCELLED",
    "CLASS",
    "CONFIRMED",
    "EXPIRED",
    "HELD",
    "KITCHEN",
    "MAX_SERIES_WEEKS",
    "MEETING",
    "MEETING_KIND",
    "REFUND_ACTION",
    "REFUND_PERMISSION",
    "WAITLIST",
    "BookingInfo",
    "BookingRequest",
    "BookingResult",
    "Buyer",
    "ClassPolicy",
    "Classes",
    "Ingredient",
    "IngredientChoice",
    "PrepLine",
    "PrepList",
    "RefundDue",
    "RegionChoice",
    "SessionForm",
    "SessionInfo",
    "SessionSpec",
    "TaxInvoiceInfo",
    "card_refund_pending",
]
