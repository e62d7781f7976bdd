"""Paying a class booking at the till through the sale engine.

:func:`ticket_line` makes the booking a line of the till's ticket (a service product:
"쿠킹클래스 참가비" or "회의실 대관료", not stock-tracked; its name carries the session and its
barcode field the booking reference ``BK<id>``); after ``complete_sale`` in the same
transaction :func:`settle_from_sale` marks those bookings paid (or refuses the whole sale if one
cannot be paid any more). The class fee is VAT-taxable: cooking lessons by a store are not a
registered academy's (학원) exempt education service, so the line is ``taxable``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Connection, func, insert, select, update

from posapp.classes.bookings import (
    CONFIRMED,
    SEATED,
    BookingInfo,
    booking_ref,
    get_booking,
    parse_ref,
)
from posapp.classes.error_codes import BookingErrorCode
from posapp.classes.schedule import MEETING_KIND, ClassError, get_session
from posapp.db.engine import UnitOfWork, inserted_id
from posapp.db.models import ClassBooking, Product, utcnow
from posapp.domain.cart import CartLine, Unit
from posapp.domain.tax import TaxClass
from posapp.sales import completion
from posapp.sales.sale_records import CompletedSale
from posapp.sales.tenders import Tender
from posapp.sales.ticket import Ticket

CLASS_FEE_NAME = ("쿠킹클래스 참가비", "Cooking class fee")
ROOM_FEE_NAME = ("회의실 대관료", "Meeting space fee")

_t = ClassBooking.__table__


def _fee_product(conn: Connection, meeting: bool) -> int:
    """The service product a booking is sold as (made on first use; never stock-tracked)."""
    name_ko, name_en = ROOM_FEE_NAME if meeting else CLASS_FEE_NAME
    found = conn.execute(
        select(func.min(Product.id)).where(
            Product.name_ko == name_ko, Product.stock_tracked.is_(False)
        )
    ).scalar()
    if found is not None:
        return int(found)
    now = utcnow()
    return int(
        inserted_id(
            conn.execute(
                insert(Product.__table__).values(
                    name_ko=name_ko,
                    name_en=name_en,
                    unit="ea",
                    price=0,
                    tax_class=TaxClass.TAXABLE.value,
                    reorder_point=0,
                    active=True,
                    stock_tracked=False,
                    created_at=now,
                    updated_at=now,
                )
            )
        )
    )


def ticket_line(uow: UnitOfWork, booking_uuid: str) -> CartLine:
    """The till's ticket line for paying a booking: the session on the receipt, VAT-taxable.

    A write: the first call makes the service product the line is sold as."""
    b = get_booking(uow, booking_uuid)
    if b.status not in SEATED or b.receipt_no is not None or b.amount <= 0:
        raise ClassError(
            "this booking has nothing to pay", code=BookingErrorCode.NOT_PAYABLE, status=b.status
        )
    session = get_session(uow, b.session_uuid)
    meeting = session.kind == MEETING_KIND
    seats = b.seats
    qty, price = (seats, b.amount // seats) if b.amount % seats == 0 else (1, b.amount)
    if meeting:
        qty, price = 1, b.amount
    prefix = "대관" if meeting else "클래스"
    return CartLine(
        product_id=_fee_product(uow.conn, meeting),
        name=f"[{prefix}] {session.label()}"[:200],
        tax_class=TaxClass.TAXABLE,
        unit=Unit.EA,
        qty=qty,
        unit_price=price,
        barcode=booking_ref(b.id),
    )


def pays_bookings(ticket: Ticket) -> bool:
    """True if a line of ``ticket`` pays a class booking (then :func:`settle_from_sale` writes)."""
    return any(parse_ref(line.barcode) is not None for line in ticket.lines)


def settle_from_sale(uow: UnitOfWork, sale: CompletedSale) -> list[BookingInfo]:
    """Mark the bookings on a just-completed sale paid (call in the sale's transaction).

    A booking that cannot be paid any more (released, cancelled, already paid) or whose line
    was changed raises, so the whole sale rolls back and nothing is charged."""
    conn = uow.conn
    out = []
    for line in sale.lines:
        bid = parse_ref(line.barcode)
        if bid is None:
            continue
        row = conn.execute(select(_t).where(_t.c.id == bid)).mappings().first()
        if row is None:
            raise ClassError("no such booking", code=BookingErrorCode.NOT_FOUND, ref=line.barcode)
        expected = ticket_line(uow, row["uuid"])
        if line.qty != expected.qty or line.unit_price != expected.unit_price:
            raise ClassError(
                "a booking's line must be paid as booked (change the booking instead)",
                code=BookingErrorCode.LINE_CHANGED,
                ref=line.barcode,
            )
        done = conn.execute(
            update(_t)
            .where(_t.c.id == bid, _t.c.status.in_(SEATED), _t.c.receipt_no.is_(None))
            .values(
                status=CONFIRMED,
                hold_until=None,
                sale_uuid=sale.uuid,
                receipt_no=sale.receipt_no,
                line_no=line.line_no,
                paid_amount=line.net,
            )
        )
        if done.rowcount != 1:
            raise ClassError("this booking has nothing to pay", code=BookingErrorCode.NOT_PAYABLE)
        out.append(get_booking(uow, row["uuid"]))
    return out


def pay(
    uow: UnitOfWork,
    booking_uuid: str,
    tenders: Sequence[Tender],
    *,
    register_id: str,
    user_id: int,
    now: dt.datetime | None = None,
) -> tuple[CompletedSale, BookingInfo]:
    """Pay one booking on its own ticket through the sale engine (the classes window's path)."""
    ticket = Ticket()
    ticket.add(ticket_line(uow, booking_uuid), merge=False)
    sale = completion.complete_sale(
        uow, ticket, tenders, register_id=register_id, user_id=user_id, now=now
    )
    settle_from_sale(uow, sale)
    return sale, get_booking(uow, booking_uuid)
