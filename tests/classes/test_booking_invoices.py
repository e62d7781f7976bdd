"""세금계산서 requests for class and meeting-room bookings (issue 20, item 2), hand-computed on
both backends, through the classes use case the window calls.

On 2026-11-20 한결상사 (220-81-12341) books two seats of the 2026-12-02 class (35,000 each,
과세: a store's cooking class is not a 학원's exempt lesson) and will pay 70,000 by 계좌이체:
공급가액 = round(70,000 × 10/11) = 63,636 (63,636.36), 세액 = 70,000 − 63,636 = 6,364. The
supply is the class, on 12-02: the VAT figures of December hold it under 세금계산서, those of
November (when it was booked) do not. A meeting-room booking with a room fee of 110,000 gives
100,000 + 10,000. A booking paid at the till by card or with a 현금영수증 is refused with the
till's words; a cancelled booking cancels its pending request.
"""

from __future__ import annotations

import datetime as dt

import pytest

from posapp.classes import booking_payment as bp
from posapp.classes import bookings as bk
from posapp.classes import schedule as cs
from posapp.classes.policy import ClassPolicy
from posapp.errors import PosError
from posapp.reports import tax_invoices, vat
from posapp.reports.model import Filters, Period
from posapp.sales import completion
from posapp.sales.tenders import CashReceiptRequest, Tender
from posapp.sales.ticket import Ticket
from posapp.ui.messages import explain
from posapp.usecases.classes import Buyer, Classes
from tests.conftest import Store
from tests.reports.test_vat_return import card

POLICY = ClassPolicy(hold_minutes=30)
NOW = dt.datetime(2026, 11, 20, 1, 0, tzinfo=dt.UTC)  # Fri 10:00 in Seoul
TODAY = dt.date(2026, 11, 20)
DAY = dt.date(2026, 12, 2)  # the class: a Wednesday in December
NOV = Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
DEC = Period(dt.date(2026, 12, 1), dt.date(2026, 12, 31))
BUYER = Buyer("220-81-12341", "한결상사", "김한결", "tax@hangyeol.co.kr")


def _session(store: Store, **kw) -> cs.SessionInfo:  # type: ignore[no-untyped-def]
    spec = cs.SessionSpec(
        **{
            "title_ko": "순창 고추장 담그기",
            "date": DAY,
            "start": dt.time(14, 0),
            "minutes": 120,
            "capacity": 4,
            "fee": 35_000,
            **kw,
        }
    )
    return store.db.transact(lambda uow: cs.create_session(uow, spec, user_id=store.cashier))


def _book(store: Store, s: cs.SessionInfo, seats: int = 2, **kw) -> bk.BookingInfo:  # type: ignore[no-untyped-def]
    r = bk.BookingRequest("한결상사 김과장", "010-1234-5678", seats, **kw)
    return store.db.transact(
        lambda uow: bk.book(uow, s.uuid, r, policy=POLICY, user_id=None, now=NOW)
    ).booking


def book_meeting(
    store: Store,
    day: dt.date,
    room_fee: int,
    *,
    pay_on_arrival: bool = True,
    now: dt.datetime | None = None,
) -> bk.BookingInfo:
    """지역 네트워크 모임 in the meeting space on ``day`` at 10:00, 12 attendees, its fee."""
    spec = cs.SessionSpec(
        "지역 네트워크 모임", date=day, start=dt.time(10, 0), minutes=120, capacity=1,
        room=cs.MEETING,
    )  # fmt: skip
    return store.db.transact(
        lambda uow: bk.book_meeting(
            uow, spec, organiser="순창군 농업기술센터", phone="010-1234-5678", attendees=12,
            room_fee=room_fee, pay_on_arrival=pay_on_arrival, user_id=None, policy=POLICY,
            now=now,
        )
    ).booking  # fmt: skip


@pytest.fixture
def classes(store: Store) -> Classes:
    return Classes(store.db, POLICY, register_id=store.register)


def _refused(fn) -> PosError:  # type: ignore[no-untyped-def]
    with pytest.raises(PosError) as caught:
        fn()
    return caught.value


def test_a_class_booked_by_transfer_is_a_tax_invoice_in_the_month_of_the_class(
    store: Store, classes: Classes
) -> None:
    s = _session(store)
    b = _book(store, s)
    assert b.status == bk.HELD and b.amount == 70_000  # unpaid: held for 30 minutes
    info = classes.request_tax_invoice(b.uuid, BUYER, user_id=store.manager, today=TODAY)
    assert (info.supply_value, info.vat, info.exempt_total) == (63_636, 6_364, 0)
    assert info.business_date == DAY and info.receipt_no == b.ref and info.state == "to_issue"
    assert info.booking_uuid == b.uuid and info.item.startswith("[클래스] 순창 고추장 담그기")
    kept = store.db.read(lambda uow: bk.get_booking(uow, b.uuid))
    assert kept.status == bk.CONFIRMED and kept.hold_until is None  # the transfer may take days
    assert kept.tax_invoice_state == "to_issue"
    later = store.db.transact(
        lambda uow: bk.release_expired(uow, policy=POLICY, now=NOW + dt.timedelta(hours=5))
    )
    assert later == []  # no hold to expire

    dec = store.db.read(lambda uow: vat.vat_figures(uow, DEC))
    ti = dec.row("tax_invoice")
    assert (ti.count, ti.total, ti.supply, ti.vat, ti.exempt) == (1, 70_000, 63_636, 6_364, 0)
    assert dec.by_register[(vat.OFF_TILL, "tax_invoice")].supply == 63_636
    assert dec.by_month[("2026-12", "tax_invoice")].vat == 6_364
    assert store.db.read(lambda uow: vat.vat_figures(uow, NOV)).row("tax_invoice").count == 0
    one_till = store.db.read(lambda uow: vat.vat_figures(uow, DEC, Filters(register_id="R01")))
    assert one_till.row("tax_invoice").count == 0  # not a register's receipt
    report = store.db.read(lambda uow: vat.vat_return(uow, DEC))
    lines = {r[0]: r[1:] for r in report.sections[0][2]}
    assert lines["(1) 과세 세금계산서 발급분"] == (63_636, 6_364)

    listed = store.db.read(lambda uow: tax_invoices.invoices_report(uow, DEC))
    (row,) = listed.rows
    assert row[0] == "2026-12-02" and row[1] == "세금계산서" and row[2] == "220-81-12341"
    assert str(row[9]).startswith("[클래스] 순창 고추장") and row[10:14] == (
        63_636,
        6_364,
        b.ref,
        "발급 대기",
    )

    # one supply, one evidence: the till takes no payment for it now, and no second request
    e = _refused(lambda: classes.ticket_line(b.uuid))
    assert e.code == "booking.tax_invoiced" and "제33조 제2항" in explain(e)
    e = _refused(
        lambda: classes.request_tax_invoice(b.uuid, BUYER, user_id=store.manager, today=TODAY)
    )
    assert e.code == "tax_invoice.booking_duplicate" and "발급 대기" in explain(e)


def test_a_meeting_room_fee_and_the_buyers_number_checked(store: Store, classes: Classes) -> None:
    meeting = book_meeting(store, DAY, 110_000, pay_on_arrival=False, now=NOW)
    bad = Buyer("220-81-12342", "한결상사", "김한결", "tax@hangyeol.co.kr")
    e = _refused(lambda: classes.request_tax_invoice(meeting.uuid, bad, user_id=None, today=TODAY))
    assert e.code == "tax_invoice.business_no"
    info = classes.request_tax_invoice(meeting.uuid, BUYER, user_id=None, today=TODAY)
    assert (info.supply_value, info.vat) == (100_000, 10_000)
    assert info.item.startswith("[대관] 지역 네트워크 모임")


def test_a_cancelled_booking_cancels_its_pending_request(store: Store, classes: Classes) -> None:
    s = _session(store)
    b = _book(store, s)
    classes.request_tax_invoice(b.uuid, BUYER, user_id=store.manager, today=TODAY)
    classes.cancel_booking(b.uuid, user_id=store.cashier)  # unpaid: nothing to refund
    (req,) = store.db.read(lambda uow: tax_invoices.list_invoices(uow, DEC))
    assert req.state == "cancelled"
    assert store.db.read(lambda uow: vat.vat_figures(uow, DEC)).row("tax_invoice").count == 0
    # an issued one is not undone by the till: the accountant amends it (수정세금계산서)
    b2 = _book(store, s, 1)
    issued = classes.request_tax_invoice(b2.uuid, BUYER, user_id=store.manager, today=TODAY)
    store.db.transact(
        lambda uow: tax_invoices.mark_issued(
            uow, issued.id, "20261202-41000000-12345678", user_id=store.manager
        )
    )
    classes.cancel_booking(b2.uuid, user_id=store.cashier)
    assert store.db.read(lambda uow: tax_invoices.get(uow, issued.id)).state == "issued"


def test_a_booking_paid_at_the_till_by_card_or_with_a_cash_receipt_is_refused(
    store: Store, classes: Classes
) -> None:
    s = _session(store, capacity=6)
    by_card, with_receipt, by_cash, waiting = (_book(store, s) for _ in range(4))
    assert waiting.status == bk.WAITLIST

    def pay(b: bk.BookingInfo, tender: Tender, receipt: CashReceiptRequest | None = None) -> str:
        def run(uow):  # type: ignore[no-untyped-def]
            ticket = Ticket()
            ticket.add(bp.ticket_line(uow, b.uuid), merge=False)
            sale = completion.complete_sale(
                uow, ticket, [tender], register_id=store.register, user_id=store.cashier,
                cash_receipt=receipt, now=NOW,
            )  # fmt: skip
            bp.settle_from_sale(uow, sale)
            return sale.receipt_no

        return str(store.db.transact(run))

    pay(by_card, card(70_000))
    pay(with_receipt, Tender.cash(70_000), CashReceiptRequest(identity="01012345678"))
    cash = pay(by_cash, Tender.cash(70_000))
    for b, evidence in ((by_card, "카드전표"), (with_receipt, "현금영수증")):
        e = _refused(
            lambda b=b: classes.request_tax_invoice(b.uuid, BUYER, user_id=None, today=TODAY)
        )
        assert e.code == "tax_invoice.has_slip" and evidence in explain(e), explain(e)
    e = _refused(
        lambda: classes.request_tax_invoice(waiting.uuid, BUYER, user_id=None, today=TODAY)
    )
    assert e.code == "booking.no_invoice"
    # paid in cash with no receipt: the request is the receipt's, with the sale's split
    info = classes.request_tax_invoice(by_cash.uuid, BUYER, user_id=None, today=TODAY)
    assert info.receipt_no == cash and info.booking_uuid is None
    assert (info.supply_value, info.vat, info.business_date) == (63_636, 6_364, TODAY)
    listed = store.db.read(lambda uow: bk.get_booking(uow, by_cash.uuid))
    assert listed.tax_invoice_state == "to_issue"
    e = _refused(
        lambda: classes.request_tax_invoice(
            by_cash.uuid, BUYER, user_id=None, today=dt.date(2026, 12, 11)
        )
    )
    assert e.code == "tax_invoice.late"


def test_a_class_moved_to_january_moves_its_pending_request(store: Store, classes: Classes) -> None:
    """The supply is the class: moved from 12-02 to 2027-01-06, its pending request goes to
    January's figures with the new date on its 품목."""
    s = _session(store)
    b = _book(store, s)
    classes.request_tax_invoice(b.uuid, BUYER, user_id=store.manager, today=TODAY)
    moved = cs.SessionSpec(
        "순창 고추장 담그기", date=dt.date(2027, 1, 6), start=dt.time(14, 0), minutes=120,
        capacity=4, fee=35_000,
    )  # fmt: skip
    classes.change_session(s.uuid, moved, user_id=store.manager)
    (req,) = store.db.read(lambda uow: tax_invoices.list_invoices(uow))
    assert req.business_date == dt.date(2027, 1, 6) and "01/06(수)" in req.item, req.item
    jan = Period(dt.date(2027, 1, 1), dt.date(2027, 1, 31))
    assert store.db.read(lambda uow: vat.vat_figures(uow, jan)).row("tax_invoice").supply == 63_636
    assert store.db.read(lambda uow: vat.vat_figures(uow, DEC)).row("tax_invoice").count == 0
