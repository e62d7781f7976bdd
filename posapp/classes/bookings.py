"""Bookings of class seats and of the meeting space: capacity, waitlist, holds, payment at the
till through the sale engine, cancellation with the refund policy, and check-in.

Owns ``class_bookings`` and the ``seats_taken`` counter of ``class_sessions``.

Capacity under concurrency — why an atomic conditional UPDATE of a counter::

    UPDATE class_sessions SET seats_taken = seats_taken + :n
     WHERE id = :id AND status = 'scheduled' AND seats_taken + :n <= capacity

One statement decides and takes the seats. On PostgreSQL (READ COMMITTED) a second till running
it at the same moment waits for the first one's row lock and then re-evaluates the WHERE clause
against the committed row, so the last seat goes to exactly one of them and the other gets zero
rows (→ waitlist). On SQLite writers are serialised by ``BEGIN IMMEDIATE``. No
read-count-then-insert window exists, unlike counting booking rows and inserting (two tills
both see one free seat), and no explicit ``SELECT ... FOR UPDATE`` round trip is needed; the
counter also makes the calendar's "seats left" one column read. Giving seats back is the mirror
``seats_taken - :n``; the counter is checked against the bookings by :func:`verify_counts`.

States: ``held`` (seats taken, unpaid, released after the policy's hold time), ``confirmed``
(paid, or pay on arrival), ``waitlist`` (no seats yet), ``cancelled``, ``expired``. A
cancellation or expiry promotes waiting bookings, first come first served, each that fits.

Payment at the till (the booking as a ticket line, settled by the sale) is
:mod:`posapp.classes.booking_payment`'s.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid as uuidlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, Connection, RowMapping, func, insert, select, update

from posapp.auth.service import require_approver
from posapp.classes.error_codes import BookingErrorCode, ClassErrorCode
from posapp.classes.policy import ClassPolicy, refund_amount
from posapp.classes.schedule import (
    CLASS,
    KITCHEN,
    MEETING,
    MEETING_KIND,
    SCHEDULED,
    ClassError,
    SessionInfo,
    SessionSpec,
    create_session,
    get_session,
    rereserve,
)
from posapp.db.engine import UnitOfWork, inserted_id
from posapp.db.models import ClassBooking, ClassSession, TaxInvoice, utcnow
from posapp.domain.phone import normalize_mobile
from posapp.inventory.reservations import Shortage
from posapp.sales import refunds
from posapp.sales.sale_records import CompletedSale
from posapp.sales.tenders import Tender

log = logging.getLogger(__name__)

HELD, CONFIRMED, WAITLIST, CANCELLED, EXPIRED = (
    "held",
    "confirmed",
    "waitlist",
    "cancelled",
    "expired",
)
SEATED = (HELD, CONFIRMED)
REF_PREFIX = "BK"


@dataclass(frozen=True, slots=True)
class BookingRequest:
    customer_name: str
    phone: str
    seats: int = 1
    allergies: str = ""
    note: str = ""
    pay_on_arrival: bool = False
    waitlist_ok: bool = True


@dataclass(frozen=True, slots=True)
class BookingInfo:
    id: int
    uuid: str
    session_id: int
    session_uuid: str
    customer_name: str
    phone: str
    seats: int
    amount: int
    allergies: str
    note: str
    status: str
    pay_on_arrival: bool
    hold_until: dt.datetime | None
    receipt_no: str | None
    line_no: int | None
    paid_amount: int
    refund_receipt_no: str | None
    refunded_amount: int
    checked_in_at: dt.datetime | None
    created_at: dt.datetime
    waitlist_position: int | None = None
    #: its 세금계산서 request's state when it has one not cancelled (``to_issue``, ``issued``):
    #: a request for the booking itself (paid outside the till) or for the sale that paid it
    tax_invoice_state: str | None = None

    @property
    def ref(self) -> str:
        return booking_ref(self.id)

    @property
    def paid(self) -> bool:
        return self.receipt_no is not None

    @property
    def seated(self) -> bool:
        return self.status in SEATED


@dataclass(frozen=True, slots=True)
class BookingResult:
    booking: BookingInfo
    session: SessionInfo
    shortages: tuple[Shortage, ...] = field(default=())
    promoted: tuple[BookingInfo, ...] = field(default=())
    refund: CompletedSale | None = None


def booking_ref(booking_id: int) -> str:
    return f"{REF_PREFIX}{booking_id:06d}"


def parse_ref(code: str | None) -> int | None:
    """The booking id in a ``BK<id>`` reference (a ticket line's barcode), or None."""
    if not code or not code.startswith(REF_PREFIX) or not code[len(REF_PREFIX) :].isdigit():
        return None
    return int(code[len(REF_PREFIX) :])


_t = ClassBooking.__table__
_s = ClassSession.__table__


def _take_seats(conn: Connection, session_id: int, seats: int) -> bool:
    """The atomic conditional UPDATE (see the module docstring): True if the seats were taken."""
    result = conn.execute(
        update(_s)
        .where(
            _s.c.id == session_id,
            _s.c.status == SCHEDULED,
            _s.c.seats_taken + seats <= _s.c.capacity,
        )
        .values(seats_taken=_s.c.seats_taken + seats)
    )
    return result.rowcount == 1


def _give_back(conn: Connection, session_id: int, seats: int) -> None:
    conn.execute(
        update(_s).where(_s.c.id == session_id).values(seats_taken=_s.c.seats_taken - seats)
    )


def _row(conn: Connection, booking_uuid: str, *, lock: bool = False) -> RowMapping:
    q = select(_t).where(_t.c.uuid == booking_uuid)
    if lock:
        q = q.with_for_update()
    row = conn.execute(q).mappings().first()
    if row is None:
        raise ClassError("no such booking", code=BookingErrorCode.NOT_FOUND, uuid=booking_uuid)
    return row


def _info(conn: Connection, booking_id: int) -> BookingInfo:
    return _infos(conn, [_t.c.id == booking_id])[0]


def _infos(conn: Connection, where: Sequence[ColumnElement[bool]]) -> list[BookingInfo]:
    rows = (
        conn.execute(
            select(_t, _s.c.uuid.label("session_uuid"))
            .select_from(_t.join(_s, _s.c.id == _t.c.session_id))
            .where(*where)
            .order_by(_t.c.id)
        )
        .mappings()
        .all()
    )
    positions: dict[int, int] = {}
    for sid in {r["session_id"] for r in rows if r["status"] == WAITLIST}:
        waiting = conn.execute(
            select(_t.c.id).where(_t.c.session_id == sid, _t.c.status == WAITLIST).order_by(_t.c.id)
        ).scalars()
        positions.update({bid: n for n, bid in enumerate(waiting, start=1)})
    invoiced = _invoice_states(conn, rows)
    return [
        BookingInfo(
            id=r["id"],
            uuid=r["uuid"],
            session_id=r["session_id"],
            session_uuid=r["session_uuid"],
            customer_name=r["customer_name"],
            phone=r["phone"],
            seats=r["seats"],
            amount=r["amount"],
            allergies=r["allergies"],
            note=r["note"],
            status=r["status"],
            pay_on_arrival=r["pay_on_arrival"],
            hold_until=r["hold_until"],
            receipt_no=r["receipt_no"],
            line_no=r["line_no"],
            paid_amount=r["paid_amount"],
            refund_receipt_no=r["refund_receipt_no"],
            refunded_amount=r["refunded_amount"],
            checked_in_at=r["checked_in_at"],
            created_at=r["created_at"],
            waitlist_position=positions.get(r["id"]),
            tax_invoice_state=invoiced.get(r["uuid"]) or invoiced.get(r["sale_uuid"] or ""),
        )
        for r in rows
    ]


def _invoice_states(conn: Connection, rows: Sequence[RowMapping]) -> dict[str, str]:
    """The live tax-invoice requests' states by booking uuid and by paying sale uuid (read
    only: ``tax_invoices`` is posapp.reports.tax_invoices')."""
    if not rows:
        return {}
    ti = TaxInvoice.__table__
    bookings = [r["uuid"] for r in rows]
    sales = [r["sale_uuid"] for r in rows if r["sale_uuid"]]
    out: dict[str, str] = {}
    live = ti.c.state != "cancelled"
    for key, wanted in ((ti.c.booking_uuid, bookings), (ti.c.sale_uuid, sales)):
        for i in range(0, len(wanted), 500):
            q = select(key, ti.c.state).where(key.in_(wanted[i : i + 500]), live)
            out.update({str(k): str(state) for k, state in conn.execute(q)})
    return out


def list_bookings(
    uow: UnitOfWork, session_uuid: str, *, include_closed: bool = False
) -> list[BookingInfo]:
    """A session's bookings in booking order (seated and waiting; closed ones on request)."""
    sid = get_session(uow, session_uuid).id
    where = [_t.c.session_id == sid]
    if not include_closed:
        where.append(_t.c.status.in_((HELD, CONFIRMED, WAITLIST)))
    return _infos(uow.conn, where)


def get_booking(uow: UnitOfWork, booking_uuid: str) -> BookingInfo:
    return _info(uow.conn, _row(uow.conn, booking_uuid)["id"])


def _check_invoiceable(row: RowMapping) -> None:
    if row["status"] not in SEATED or row["amount"] <= 0 or row["receipt_no"] is not None:
        raise ClassError(
            f"a {row['status']} booking of {row['amount']} won gets no tax invoice here",
            code=BookingErrorCode.NO_INVOICE,
            status=row["status"],
        )


def check_invoiceable(uow: UnitOfWork, booking_uuid: str) -> BookingInfo:
    """Refuse, before the buyer is asked, what :func:`keep_for_invoice` would refuse."""
    row = _row(uow.conn, booking_uuid)
    _check_invoiceable(row)
    return _info(uow.conn, row["id"])


def keep_for_invoice(uow: UnitOfWork, booking_uuid: str) -> BookingInfo:
    """A booking to be paid outside the till against a tax invoice (a company's 계좌이체):
    its seats confirmed with no hold to expire. Refused for a booking waiting, cancelled,
    expired or free (no supply to invoice) and for one paid at the till (its sale's request
    is the receipt's, posapp.reports.tax_invoices.request)."""
    conn = uow.conn
    row = _row(conn, booking_uuid, lock=True)
    _check_invoiceable(row)
    conn.execute(update(_t).where(_t.c.id == row["id"]).values(status=CONFIRMED, hold_until=None))
    return _info(conn, row["id"])


def _seated_status(amount: int, pay_on_arrival: bool) -> str:
    return CONFIRMED if pay_on_arrival or amount == 0 else HELD


def book(
    uow: UnitOfWork,
    session_uuid: str,
    req: BookingRequest,
    *,
    policy: ClassPolicy,
    user_id: int | None,
    now: dt.datetime | None = None,
) -> BookingResult:
    """Book seats; a full session puts the booking on its waitlist (or refuses, if not wanted).

    Unpaid bookings (not pay on arrival) hold their seats until ``policy.hold_minutes``."""
    conn = uow.conn
    now = now or utcnow()
    name = req.customer_name.strip()
    if not name:
        raise ClassError("a booking needs the customer's name", code=BookingErrorCode.NAME)
    phone = normalize_mobile(req.phone)
    session = get_session(uow, session_uuid)
    if session.status != SCHEDULED:
        raise ClassError(f"the session is {session.status}", code=ClassErrorCode.NOT_SCHEDULED)
    if session.starts_at <= now:
        raise ClassError("the session has already started", code=BookingErrorCode.TOO_LATE)
    if not isinstance(req.seats, int) or not 1 <= req.seats <= session.capacity:
        raise ClassError(
            f"seats must be 1 to {session.capacity}, not {req.seats!r}",
            code=BookingErrorCode.SEATS,
            seats=req.seats,
            capacity=session.capacity,
        )
    _release_expired(uow, policy, now, session_id=session.id)
    amount = session.fee * req.seats
    seated = _take_seats(conn, session.id, req.seats)
    if not seated and not req.waitlist_ok:
        raise ClassError(
            f"only {session.seats_left} seats are left",
            code=BookingErrorCode.FULL,
            left=session.seats_left,
        )
    status = _seated_status(amount, req.pay_on_arrival) if seated else WAITLIST
    bid = inserted_id(
        conn.execute(
            insert(_t).values(
                uuid=str(uuidlib.uuid4()),
                session_id=session.id,
                customer_name=name[:80],
                phone=phone,
                seats=req.seats,
                amount=amount,
                allergies=req.allergies.strip(),
                note=req.note.strip(),
                status=status,
                pay_on_arrival=req.pay_on_arrival,
                hold_until=policy.hold_until(now) if status == HELD else None,
                paid_amount=0,
                refunded_amount=0,
                created_by=user_id,
                created_at=now,
            )
        )
    )
    shortages = rereserve(uow, session.id) if seated else []
    return BookingResult(_info(conn, int(bid)), get_session(uow, session_uuid), tuple(shortages))


def book_meeting(
    uow: UnitOfWork,
    spec: SessionSpec,
    *,
    organiser: str,
    phone: str,
    attendees: int,
    room_fee: int = 0,
    note: str = "",
    user_id: int | None,
    pay_on_arrival: bool = True,
    policy: ClassPolicy,
    now: dt.datetime | None = None,
) -> BookingResult:
    """A network meeting in the meeting space: the session (capacity = attendees) and the
    organiser's booking of every seat, for no fee or a room fee paid at the till."""
    if not isinstance(room_fee, int) or room_fee < 0:
        raise ClassError(f"a room fee of {room_fee!r} won", code=ClassErrorCode.FEE, fee=room_fee)
    session = create_session(
        uow,
        SessionSpec(
            title_ko=spec.title_ko,
            title_en=spec.title_en,
            theme=spec.theme,
            region_id=spec.region_id,
            date=spec.date,
            start=spec.start,
            minutes=spec.minutes,
            room=MEETING if spec.room == KITCHEN else spec.room,
            capacity=attendees,
            fee=0,
            organiser=organiser,
            note=note or spec.note,
            kind=MEETING_KIND,
        ),
        user_id=user_id,
    )
    result = book(
        uow,
        session.uuid,
        BookingRequest(organiser, phone, attendees, note=note, pay_on_arrival=pay_on_arrival),
        policy=policy,
        user_id=user_id,
        now=now,
    )
    if room_fee:
        uow.conn.execute(
            update(_t)
            .where(_t.c.id == result.booking.id)
            .values(
                amount=room_fee,
                status=_seated_status(room_fee, pay_on_arrival),
                hold_until=None if pay_on_arrival else policy.hold_until(now or utcnow()),
            )
        )
    return BookingResult(
        _info(uow.conn, result.booking.id), get_session(uow, session.uuid), result.shortages
    )


def _promote(
    conn: Connection, session_id: int, policy: ClassPolicy, now: dt.datetime
) -> list[BookingInfo]:
    """Seat waiting bookings in the order they came, each one that fits in the seats now free."""
    promoted = []
    waiting = conn.execute(
        select(_t.c.id, _t.c.seats, _t.c.amount, _t.c.pay_on_arrival)
        .where(_t.c.session_id == session_id, _t.c.status == WAITLIST)
        .order_by(_t.c.id)
    ).all()
    for bid, seats, amount, poa in waiting:
        if _take_seats(conn, session_id, seats):
            status = _seated_status(amount, poa)
            conn.execute(
                update(_t)
                .where(_t.c.id == bid)
                .values(
                    status=status, hold_until=policy.hold_until(now) if status == HELD else None
                )
            )
            promoted.append(_info(conn, bid))
    return promoted


def _release_expired(
    uow: UnitOfWork, policy: ClassPolicy, now: dt.datetime, *, session_id: int | None = None
) -> list[BookingInfo]:
    conn = uow.conn
    where = [_t.c.status == HELD, _t.c.hold_until < now]
    if session_id is not None:
        where.append(_t.c.session_id == session_id)
    expired = conn.execute(select(_t.c.id, _t.c.session_id, _t.c.seats).where(*where)).all()
    out = []
    for sid in sorted({r.session_id for r in expired}):
        for r in (r for r in expired if r.session_id == sid):
            done = conn.execute(
                update(_t)
                .where(_t.c.id == r.id, _t.c.status == HELD)
                .values(status=EXPIRED, cancelled_at=now, hold_until=None)
            )
            if done.rowcount == 1:
                _give_back(conn, sid, r.seats)
                out.append(_info(conn, r.id))
        _promote(conn, sid, policy, now)
        rereserve(uow, sid)
    return out


def release_expired(
    uow: UnitOfWork, *, policy: ClassPolicy, now: dt.datetime | None = None
) -> list[BookingInfo]:
    """Release every unpaid booking past its hold time; their seats go to the waitlist."""
    return _release_expired(uow, policy, now or utcnow())


@dataclass(frozen=True, slots=True)
class RefundDue:
    """What cancelling a booking now pays back by the policy's tiers."""

    percent: int
    amount: int


def _refund_of(paid: int, receipt_no: str | None, percent: int) -> int:
    return refund_amount(paid, percent) if receipt_no else 0


def refund_due(
    uow: UnitOfWork, booking_uuid: str, *, policy: ClassPolicy, now: dt.datetime | None = None
) -> RefundDue:
    """The refund :func:`cancel` would pay for the booking now (no override): its tier's
    percent of the paid fee, nothing for an unpaid booking."""
    b = get_booking(uow, booking_uuid)
    starts = get_session(uow, b.session_uuid).starts_at
    percent = policy.refund_percent(starts, now or utcnow())
    return RefundDue(percent, _refund_of(b.paid_amount, b.receipt_no, percent))


def cancel(
    uow: UnitOfWork,
    booking_uuid: str,
    *,
    policy: ClassPolicy,
    user_id: int,
    register_id: str | None = None,
    approved_by: int | None = None,
    override_percent: int | None = None,
    tenders: Sequence[Tender] | None = None,
    reason: str = "",
    now: dt.datetime | None = None,
) -> BookingResult:
    """Cancel a booking; its seats go to the waitlist and a paid fee is refunded by the policy
    (or ``override_percent``, which needs a manager) through the sale engine's refund of the
    booking's line. A refund pays money out, so — like every refund at the till — it needs
    a manager's approval (``approved_by``) and an open shift on ``register_id``."""
    conn = uow.conn
    now = now or utcnow()
    row = _row(conn, booking_uuid, lock=True)
    if row["status"] not in (HELD, CONFIRMED, WAITLIST):
        raise ClassError(f"the booking is already {row['status']}", code=BookingErrorCode.CLOSED)
    session = conn.execute(select(_s).where(_s.c.id == row["session_id"])).mappings().one()
    if override_percent is not None:
        require_approver(uow, approved_by, "overriding the refund policy")
        percent = override_percent
    else:
        percent = policy.refund_percent(session["starts_at"], now)
    give = _refund_of(row["paid_amount"], row["receipt_no"], percent)
    refund = None
    if give > 0:
        if register_id is None:
            raise ClassError("a refund is paid at a till", code=BookingErrorCode.REFUND_NEEDS_TILL)
        refund = refunds.refund(
            uow,
            row["receipt_no"],
            register_id=register_id,
            user_id=user_id,
            approved_by=approved_by,
            lines={row["line_no"]: _line_qty(conn, row)},
            amounts={row["line_no"]: give},
            tenders=tenders,
            reason=(reason or f"class cancellation {percent}%")[:200],
            restock=False,
            now=now,
        )
    conn.execute(
        update(_t)
        .where(_t.c.id == row["id"])
        .values(
            status=CANCELLED,
            cancelled_at=now,
            hold_until=None,
            refunded_amount=give,
            refund_receipt_no=refund.receipt_no if refund else None,
        )
    )
    promoted: list[BookingInfo] = []
    shortages: list[Shortage] = []
    if row["status"] in SEATED:
        _give_back(conn, row["session_id"], row["seats"])
        promoted = _promote(conn, row["session_id"], policy, now)
        shortages = rereserve(uow, row["session_id"])
    return BookingResult(
        _info(conn, row["id"]),
        get_session(uow, session["uuid"]),
        tuple(shortages),
        tuple(promoted),
        refund,
    )


def _line_qty(conn: Connection, row: RowMapping) -> int:
    from posapp.db.models import Sale, SaleLine

    qty = conn.execute(
        select(SaleLine.qty)
        .join(Sale, Sale.id == SaleLine.sale_id)
        .where(Sale.uuid == row["sale_uuid"], SaleLine.line_no == row["line_no"])
    ).scalar_one()
    return int(qty)


def check_in(
    uow: UnitOfWork, booking_uuid: str, *, undo: bool = False, now: dt.datetime | None = None
) -> BookingInfo:
    """Attendance: the customer arrived (or, with ``undo``, did not after all)."""
    conn = uow.conn
    row = _row(conn, booking_uuid, lock=True)
    if row["status"] not in SEATED:
        raise ClassError(
            f"a {row['status']} booking cannot check in", code=BookingErrorCode.NOT_SEATED
        )
    conn.execute(
        update(_t)
        .where(_t.c.id == row["id"])
        .values(checked_in_at=None if undo else (now or utcnow()))
    )
    return _info(conn, row["id"])


def verify_counts(uow: UnitOfWork) -> list[str]:
    """Each session's ``seats_taken`` against the seats of its seated bookings."""
    conn = uow.conn
    seated = dict(
        conn.execute(
            select(_t.c.session_id, func.sum(_t.c.seats))
            .where(_t.c.status.in_(SEATED))
            .group_by(_t.c.session_id)
        ).all()
    )
    problems = []
    for sid, taken, capacity in conn.execute(select(_s.c.id, _s.c.seats_taken, _s.c.capacity)):
        booked = int(seated.get(sid) or 0)
        if taken != booked or taken > capacity:
            problems.append(f"session {sid}: seats_taken {taken}, booked {booked}, cap {capacity}")
    return problems


__all__ = ["CLASS", "BookingInfo", "BookingRequest", "BookingResult", "book", "cancel"]
