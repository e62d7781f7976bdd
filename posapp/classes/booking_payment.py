"""Paying a class booking at the till through the sale engine.

:func:`ticket_line` makes the booking a line of the till's ticket (a service product:
"쿠킹클래스 참가비" or "회의실 대관료", not stock-tracked; its name carries the session and its
barcode field the booking reference ``BK<id>``); after ``complete_sale`` in the same
transaction :func:`settle_from_sale` marks those bookings paid (or refuses the whole sale if one
cannot be paid any more). The class fee is VAT-taxable: cooking lessons by a store are not a
registered academy's (학원) exempt education service, so the line is ``taxable``
(:data:`FEE_TAX_CLASS`, the class of a room fee too).

A booking marked for a 세금계산서 to be paid outside the till (계좌이체, a company's) is
refused a ticket line (:func:`ticket_line`): a card slip or a 현금영수증 for it would be a
second evidence of one supply (부가가치세법 §33②). :func:`invoice_supply` is what its request
records: the line's name, the session's day and the fee by tax class.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, func, insert, select, update

from posapp.classes.bookings import (
    CONFIRMED,
    SEATED,
    BookingInfo,
    booking_ref,
    get_booking,
    keep_for_invoice,
    parse_ref,
)
from posapp.classes.error_codes import BookingErrorCode
from posapp.classes.schedule import MEETING_KIND, ClassError, SessionInfo, get_session
from posapp.db.engine import UnitOfWork, inserted_id
from posapp.db.models import ClassBooking, Product, TaxInvoice, utcnow
from posapp.domain.cart import CartLine, Unit
from posapp.domain.tax import TaxClass
from posapp.sales import completion
from posapp.sales.sale_records import CompletedSale
from posapp.sales.tenders import Tender
from posapp.sales.ticket import Ticket

CLASS_FEE_NAME = ("쿠킹클래스 참가비", "Cooking class fee")
ROOM_FEE_NAME = ("회의실 대관료", "Meeting space fee")

#: the tax class of a class fee and of a room fee (see the module docstring)
FEE_TAX_CLASS = TaxClass.TAXABLE

_t = ClassBooking.__table__
_ti = TaxInvoice.__table__


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
                    tax_class=FEE_TAX_CLASS.value,
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

    A write: the first call makes the service product the line is sold as. Refused for a
    booking marked for a tax invoice outside the till."""
    b = get_booking(uow, booking_uuid)
    if b.status not in SEATED or b.receipt_no is not None or b.amount <= 0:
        raise ClassError(
            "this booking has nothing to pay", code=BookingErrorCode.NOT_PAYABLE, status=b.status
        )
    invoiced = uow.conn.execute(
        select(func.count()).where(_ti.c.booking_uuid == b.uuid, _ti.c.state != "cancelled")
    ).scalar_one()
    if invoiced:
        raise ClassError(
            "this booking is invoiced to be paid outside the till (VAT Act §33②)",
            code=BookingErrorCode.TAX_INVOICED,
        )
    session = get_session(uow, b.session_uuid)
    meeting = session.kind == MEETING_KIND
    seats = b.seats
    qty, price = (seats, b.amount // seats) if b.amount % seats == 0 else (1, b.amount)
    if meeting:
        qty, price = 1, b.amount
    return CartLine(
        product_id=_fee_product(uow.conn, meeting),
        name=line_name(session),
        tax_class=FEE_TAX_CLASS,
        unit=Unit.EA,
        qty=qty,
        unit_price=price,
        barcode=booking_ref(b.id),
    )


def line_name(session: SessionInfo) -> str:
    """A booking's 품목: ``[클래스] 순창 고추장 담그기 12/02(수) 14:00`` (``[대관]`` a meeting)."""
    prefix = "대관" if session.kind == MEETING_KIND else "클래스"
    return f"[{prefix}] {session.label()}"[:200]


@dataclass(frozen=True, slots=True)
class InvoiceSupply:
    """What a booking's tax-invoice request records: the 품목 (the ticket line's name), the
    day of supply (the session's, in the store's zone) and the fee by tax class."""

    booking: BookingInfo
    item: str
    day: dt.date
    taxable_total: int
    exempt_total: int


def invoice_supply(uow: UnitOfWork, booking_uuid: str) -> InvoiceSupply:
    """Keep a booking not paid at the till for a tax invoice (:func:`keep_for_invoice`: its
    seats confirmed, no hold to expire while the transfer comes) and say what it supplies."""
    b = keep_for_invoice(uow, booking_uuid)
    session = get_session(uow, b.session_uuid)
    taxable = b.amount if FEE_TAX_CLASS is TaxClass.TAXABLE else 0
    return InvoiceSupply(
        b, line_name(session), session.local_start.date(), taxable, b.amount - taxable
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
