"""Cooking classes end to end on SQLite and PostgreSQL: sessions and rooms, capacity under two
tills at once, waitlist, holds, payment and refunds through the sale engine, ingredients."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import func, select

from posapp.auth.service import AuthError
from posapp.classes import booking_payment as bp
from posapp.classes import bookings as bk
from posapp.classes import prep as cp
from posapp.classes import schedule as cs
from posapp.classes.policy import ClassPolicy
from posapp.db.engine import Database
from posapp.db.models import StockMovement, StockReservation
from posapp.domain import calendar
from posapp.domain.phone import PhoneError
from posapp.inventory import ledger, reservations
from posapp.sales import completion, refunds
from posapp.sales.tenders import Tender
from posapp.verify import verify
from tests.conftest import Store

POLICY = ClassPolicy(hold_minutes=30)
NOW = dt.datetime(2026, 11, 20, 1, 0, tzinfo=dt.UTC)  # Fri 10:00 in Seoul
DAY = dt.date(2026, 11, 28)  # a Saturday, 8 days later


def spec(**kw) -> cs.SessionSpec:  # type: ignore[no-untyped-def]
    base = dict(
        title_ko="순창 고추장 담그기",
        title_en="Sunchang gochujang",
        date=DAY,
        start=dt.time(14, 0),
        minutes=120,
        capacity=4,
        fee=35_000,
        instructor="이수진",
    )
    base.update(kw)
    return cs.SessionSpec(**base)  # type: ignore[arg-type]


def req(name: str = "최민수", seats: int = 1, **kw) -> bk.BookingRequest:  # type: ignore[no-untyped-def]
    return bk.BookingRequest(name, "010-1234-5678", seats, **kw)


def make(db: Database, s: cs.SessionSpec, user: int | None = None) -> cs.SessionInfo:
    return db.transact(lambda uow: cs.create_session(uow, s, user_id=user))


def book(db: Database, session_uuid: str, r: bk.BookingRequest, now=NOW) -> bk.BookingResult:  # type: ignore[no-untyped-def]
    return db.transact(
        lambda uow: bk.book(uow, session_uuid, r, policy=POLICY, user_id=None, now=now)
    )


def counts_ok(db: Database) -> None:
    assert db.read(bk.verify_counts) == []
    assert verify(db).ok


# --- sessions and rooms ----------------------------------------------------------------------


def test_room_never_double_booked_and_series(db: Database) -> None:
    first = make(db, spec())
    assert first.local_start.hour == 14 and first.minutes == 120 and first.seats_left == 4
    with pytest.raises(cs.ClassError) as e:
        make(db, spec(start=dt.time(15, 0), title_ko="겹치는 수업"))
    assert e.value.code == "class.room_taken"
    # back to back is fine, and the meeting space is another room
    make(db, spec(start=dt.time(16, 0)))
    make(db, spec(room=cs.MEETING, kind=cs.MEETING_KIND, title_ko="지역 네트워크 모임"))
    # a weekly series: all or nothing — its 4th week clashes with a session made first
    make(db, spec(date=DAY + dt.timedelta(weeks=2), start=dt.time(10, 0), minutes=60))
    with pytest.raises(cs.ClassError) as e:
        db.transact(
            lambda uow: cs.create_series(
                uow,
                spec(date=DAY - dt.timedelta(weeks=1), start=dt.time(9, 30)),
                weeks=4,
                user_id=None,
            )
        )
    assert e.value.code == "class.room_taken" and e.value.data["date"] == str(
        DAY + dt.timedelta(weeks=2)
    )
    series = db.transact(
        lambda uow: cs.create_series(
            uow, spec(date=DAY + dt.timedelta(days=1), start=dt.time(11, 0)), weeks=3, user_id=None
        )
    )
    assert [s.local_start.date() for s in series] == [
        DAY + dt.timedelta(days=1 + 7 * w) for w in range(3)
    ]
    assert len({s.series_uuid for s in series}) == 1
    week = db.read(lambda uow: cs.list_sessions(uow, DAY, DAY + dt.timedelta(days=6)))
    assert len(week) == 4 and {s.room for s in week} == {cs.KITCHEN, cs.MEETING}
    kitchen = db.read(lambda uow: cs.list_sessions(uow, DAY, DAY, room=cs.KITCHEN))
    assert [s.local_start.hour for s in kitchen] == [14, 16]


@pytest.mark.parametrize(
    "bad, code",
    [
        (dict(title_ko=" "), "class.title"),
        (dict(capacity=0), "class.capacity"),
        (dict(minutes=5), "class.length"),
        (dict(fee=-1), "class.fee"),
        (dict(room="attic"), "class.room"),
        (dict(ingredients=(cs.Ingredient(999_999, 1),)), "class.ingredient_product"),
    ],
)
def test_bad_sessions_refused(db: Database, bad: dict, code: str) -> None:
    with pytest.raises(cs.ClassError) as e:
        make(db, spec(**bad))
    assert e.value.code == code


# --- bookings --------------------------------------------------------------------------------


def test_phone_is_validated_and_normalised(db: Database) -> None:
    s = make(db, spec())
    r = book(db, s.uuid, bk.BookingRequest("최민수", "01098765432", 2, allergies="땅콩"))
    assert r.booking.phone == "010-9876-5432" and r.booking.status == bk.HELD
    assert r.booking.hold_until == NOW + dt.timedelta(minutes=30)
    assert r.booking.amount == 70_000 and r.session.seats_taken == 2
    for bad in ("02-123-4567", "011-1234-5678", "010-123-456", "공일공", ""):
        with pytest.raises(PhoneError):
            book(db, s.uuid, bk.BookingRequest("최민수", bad, 1))
    with pytest.raises(cs.ClassError) as e:
        book(db, s.uuid, req(seats=5))
    assert e.value.code == "booking.seats"
    assert db.read(lambda uow: cs.get_session(uow, s.uuid)).seats_taken == 2


def test_waitlist_and_promotion_of_the_first_that_fits(db: Database) -> None:
    s = make(db, spec(capacity=4))
    a = book(db, s.uuid, req("가", 3, pay_on_arrival=True)).booking
    b = book(db, s.uuid, req("나", 1)).booking
    w1 = book(db, s.uuid, req("다", 2)).booking
    w2 = book(db, s.uuid, req("라", 1)).booking
    assert (a.status, b.status, w1.status, w2.status) == (
        bk.CONFIRMED,
        bk.HELD,
        "waitlist",
        "waitlist",
    )
    assert (w1.waitlist_position, w2.waitlist_position) == (1, 2)
    with pytest.raises(cs.ClassError) as e:
        book(db, s.uuid, req("마", 1, waitlist_ok=False))
    assert e.value.code == "booking.full"
    # 1 seat frees: 다 (2 seats) does not fit, 라 (1 seat) does
    r = db.transact(lambda uow: bk.cancel(uow, b.uuid, policy=POLICY, user_id=1, now=NOW))
    assert [p.customer_name for p in r.promoted] == ["라"] and r.promoted[0].status == bk.HELD
    assert r.session.seats_taken == 4
    # 3 seats free: 다 fits now
    r = db.transact(lambda uow: bk.cancel(uow, a.uuid, policy=POLICY, user_id=1, now=NOW))
    assert [p.customer_name for p in r.promoted] == ["다"] and r.session.seats_taken == 3
    counts_ok(db)


def test_unpaid_booking_released_after_hold_time(db: Database) -> None:
    s = make(db, spec(capacity=2))
    held = book(db, s.uuid, req("가", 2)).booking
    waiting = book(db, s.uuid, req("나", 1)).booking
    assert waiting.status == "waitlist"
    still = db.transact(
        lambda uow: bk.release_expired(uow, policy=POLICY, now=NOW + dt.timedelta(minutes=29))
    )
    assert still == []
    gone = db.transact(
        lambda uow: bk.release_expired(uow, policy=POLICY, now=NOW + dt.timedelta(minutes=31))
    )
    assert [g.uuid for g in gone] == [held.uuid] and gone[0].status == bk.EXPIRED
    after = db.read(lambda uow: bk.get_booking(uow, waiting.uuid))
    assert after.status == bk.HELD and after.hold_until == NOW + dt.timedelta(minutes=61)
    # a later booking also sweeps expired holds of its session first
    s2 = make(db, spec(capacity=1, date=DAY + dt.timedelta(days=1)))
    book(db, s2.uuid, req("다", 1))
    late = book(db, s2.uuid, req("라", 1), now=NOW + dt.timedelta(hours=1))
    assert late.booking.status == bk.HELD
    counts_ok(db)


def _race(db: Database, session_uuid: str, n: int) -> list[object]:
    """``n`` tills book the last seat at the same moment; returns each one's outcome."""
    barrier = threading.Barrier(n)
    inside = db.dialect == "postgresql"  # SQLite's BEGIN IMMEDIATE would block a barrier inside
    out: list[object] = [None] * n

    def till(i: int) -> None:
        def fn(uow):  # type: ignore[no-untyped-def]
            if inside:
                uow.conn.exec_driver_sql("SELECT 1")
                barrier.wait(timeout=10)
            return bk.book(
                uow,
                session_uuid,
                req(f"손님{i}", 1, waitlist_ok=False),
                policy=POLICY,
                user_id=None,
                now=NOW,
            )

        try:
            if not inside:
                barrier.wait(timeout=10)
            out[i] = db.transact(fn)
        except Exception as exc:
            out[i] = exc

    threads = [threading.Thread(target=till, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return out


def test_two_tills_book_the_last_seat_at_once(db: Database) -> None:
    s = make(db, spec(capacity=3))
    book(db, s.uuid, req("먼저", 2))
    for _ in range(3):
        outcomes = _race(db, s.uuid, 2)
        won = [o for o in outcomes if isinstance(o, bk.BookingResult)]
        lost = [o for o in outcomes if isinstance(o, cs.ClassError)]
        if won:
            assert len(won) == 1 and len(lost) == 1, outcomes
            assert lost[0].code == "booking.full"
        else:  # the seat was taken in an earlier round: both refused
            assert [o.code for o in lost] == ["booking.full", "booking.full"], outcomes
    session = db.read(lambda uow: cs.get_session(uow, s.uuid))
    assert session.seats_taken == session.capacity == 3
    counts_ok(db)


@pytest.mark.slow
def test_many_tills_never_exceed_capacity(db: Database) -> None:
    s = make(db, spec(capacity=5))
    outcomes = _race(db, s.uuid, 8)
    assert sum(isinstance(o, bk.BookingResult) for o in outcomes) == 5
    assert all(isinstance(o, (bk.BookingResult, cs.ClassError)) for o in outcomes), outcomes
    counts_ok(db)


# --- payment and refunds ---------------------------------------------------------------------


def pay(store: Store, booking_uuid: str, now=None):  # type: ignore[no-untyped-def]
    line = store.db.read(lambda uow: bp.ticket_line(uow, booking_uuid))
    return store.db.transact(
        lambda uow: bp.pay(
            uow,
            booking_uuid,
            [Tender.cash(line.qty * line.unit_price)],
            register_id="R01",
            user_id=store.cashier,
            now=now,
        )
    )


def test_paid_at_the_till_as_a_taxable_line_without_stock(store: Store) -> None:
    db = store.db
    s = make(db, spec())
    b = book(db, s.uuid, req("가", 2)).booking
    sale, paid = pay(store, b.uuid)
    assert paid.status == bk.CONFIRMED and paid.hold_until is None
    assert paid.receipt_no == sale.receipt_no and paid.paid_amount == 70_000
    (line,) = sale.lines
    assert line.name.startswith("[클래스] 순창 고추장 담그기 11/28(토) 14:00")
    assert line.tax_class == "taxable" and line.qty == 2
    assert sale.tax.vat == 70_000 - round(70_000 / 1.1) and sale.movements == ()
    assert (
        db.read(
            lambda uow: uow.conn.execute(
                select(func.count())
                .select_from(StockMovement)
                .where(StockMovement.doc_uuid == sale.uuid)
            ).scalar()
        )
        == 0
    )
    with pytest.raises(cs.ClassError) as e:  # twice is refused
        db.read(lambda uow: bp.ticket_line(uow, b.uuid))
    assert e.value.code == "booking.not_payable"
    # mixed ticket: a booking and a jar of gochujang paid together; the held hold expired
    b2 = book(db, s.uuid, req("나", 1)).booking

    def mixed(uow):  # type: ignore[no-untyped-def]
        from posapp.domain.cart import CartLine, Unit
        from posapp.domain.tax import TaxClass
        from posapp.sales.ticket import Ticket

        t = Ticket()
        t.add(CartLine(store.gochujang, "고추장", TaxClass.TAXABLE, Unit.EA, 1, 8_500))
        t.add(bp.ticket_line(uow, b2.uuid))
        sale = completion.complete_sale(
            uow, t, [Tender.cash(50_000)], register_id="R01", user_id=store.cashier
        )
        return sale, bp.settle_from_sale(uow, sale)

    sale2, settled = db.transact(mixed)
    assert [x.uuid for x in settled] == [b2.uuid] and settled[0].line_no == 2
    assert sale2.total == 43_500 and len(sale2.movements) == 1
    counts_ok(db)


def test_paying_a_released_booking_rolls_the_sale_back(store: Store) -> None:
    db = store.db
    s = make(db, spec())
    b = book(db, s.uuid, req("가", 1)).booking
    line = db.transact(lambda uow: bp.ticket_line(uow, b.uuid))  # makes the fee product
    db.transact(lambda uow: bk.release_expired(uow, policy=POLICY, now=NOW + dt.timedelta(hours=1)))

    def stale(uow):  # type: ignore[no-untyped-def]
        from posapp.sales.ticket import Ticket

        t = Ticket()
        t.add(line)
        sale = completion.complete_sale(
            uow, t, [Tender.cash(35_000)], register_id="R01", user_id=store.cashier
        )
        bp.settle_from_sale(uow, sale)

    with pytest.raises(cs.ClassError) as e:
        db.transact(stale)
    assert e.value.code == "booking.not_payable"
    from posapp.db.models import Sale

    assert (
        db.read(lambda uow: uow.conn.execute(select(func.count()).select_from(Sale)).scalar()) == 0
    )


@pytest.mark.parametrize(
    "cancel_at, percent",
    [
        (dt.datetime(2026, 11, 25, 14, 59, tzinfo=calendar.store_zone()), 100),  # 3 days before
        (dt.datetime(2026, 11, 26, 9, 0, tzinfo=calendar.store_zone()), 50),  # 2 days
        (dt.datetime(2026, 11, 27, 23, 59, tzinfo=calendar.store_zone()), 50),  # the day before
        (dt.datetime(2026, 11, 28, 0, 0, tzinfo=calendar.store_zone()), 0),  # on the day
    ],
)
def test_refund_policy_boundaries_through_the_sale_engine(
    store: Store, cancel_at: dt.datetime, percent: int
) -> None:
    db = store.db
    s = make(db, spec())
    b = book(db, s.uuid, req("가", 2)).booking
    sale, _ = pay(store, b.uuid)
    r = db.transact(
        lambda uow: bk.cancel(
            uow,
            b.uuid,
            policy=POLICY,
            user_id=store.cashier,
            register_id="R01",
            approved_by=store.manager,
            now=cancel_at.astimezone(dt.UTC),
        )
    )
    want = 70_000 * percent // 100
    assert r.booking.status == bk.CANCELLED and r.booking.refunded_amount == want
    assert r.session.seats_taken == 0
    if want:
        assert r.refund is not None and r.refund.total == -want
        assert r.refund.original_receipt_no == sale.receipt_no and r.refund.movements == ()
        left = db.read(lambda uow: refunds.find_sale(uow, sale.receipt_no)).lines[0]
        assert left.refunded_net == want and left.remaining_qty == 0
    else:
        assert r.refund is None
    counts_ok(db)


def test_policy_override_needs_a_manager(store: Store) -> None:
    db = store.db
    s = make(db, spec())
    b = book(db, s.uuid, req("가", 1)).booking
    pay(store, b.uuid)
    on_the_day = dt.datetime(2026, 11, 28, 13, 0, tzinfo=calendar.store_zone()).astimezone(dt.UTC)

    def cancel(approver):  # type: ignore[no-untyped-def]
        return db.transact(
            lambda uow: bk.cancel(
                uow,
                b.uuid,
                policy=POLICY,
                user_id=store.cashier,
                register_id="R01",
                approved_by=approver,
                override_percent=100,
                now=on_the_day,
            )
        )

    with pytest.raises(AuthError):
        cancel(None)
    with pytest.raises(AuthError):
        cancel(store.cashier)
    r = cancel(store.manager)
    assert r.booking.refunded_amount == 35_000 and r.refund is not None
    counts_ok(db)


def test_meeting_space_booking_with_and_without_room_fee(store: Store) -> None:
    db = store.db
    meet = spec(room=cs.MEETING, title_ko="지역 네트워크 모임", minutes=90)
    free = db.transact(
        lambda uow: bk.book_meeting(
            uow,
            meet,
            organiser="정하늘",
            phone="010-2222-3333",
            attendees=12,
            user_id=None,
            policy=POLICY,
            now=NOW,
        )
    )
    assert free.session.kind == "meeting" and free.session.capacity == 12
    assert free.booking.status == bk.CONFIRMED and free.booking.amount == 0
    paid = db.transact(
        lambda uow: bk.book_meeting(
            uow,
            spec(room=cs.MEETING, title_ko="생산자 모임", start=dt.time(17, 0)),
            organiser="한지우",
            phone="01033334444",
            attendees=8,
            room_fee=50_000,
            pay_on_arrival=False,
            user_id=None,
            policy=POLICY,
            now=NOW,
        )
    )
    assert paid.booking.amount == 50_000 and paid.booking.status == bk.HELD
    sale, _booking = pay(store, paid.booking.uuid)
    assert sale.total == 50_000 and sale.lines[0].qty == 1
    assert sale.lines[0].name.startswith("[대관] 생산자 모임")
    with pytest.raises(cs.ClassError) as e:  # the meeting space is taken
        db.transact(
            lambda uow: bk.book_meeting(
                uow,
                meet,
                organiser="x",
                phone="01011112222",
                attendees=3,
                user_id=None,
                policy=POLICY,
                now=NOW,
            )
        )
    assert e.value.code == "class.room_taken"


# --- ingredients -----------------------------------------------------------------------------


def test_ingredients_reserved_warned_and_consumed_as_class_use(store: Store) -> None:
    db = store.db
    # gochujang 10 on the floor; beef 5,000 g; put 300 g of beef in the basement store room
    db.transact(
        lambda uow: ledger.receive_lot(
            uow, store.beef, 300, expiry_date=DAY, location=ledger.STORE_ROOM
        )
    )
    s = make(
        db,
        spec(
            capacity=8,
            ingredients=(cs.Ingredient(store.gochujang, 1), cs.Ingredient(store.beef, 200)),
        ),
    )
    r = book(db, s.uuid, req("가", 3, pay_on_arrival=True))
    assert r.shortages == ()
    free = db.read(lambda uow: reservations.available(uow, [store.gochujang, store.beef]))
    assert free == {store.gochujang: 7, store.beef: 5300 - 600}
    # more seats re-reserve the totals; 12 jars wanted of 10 → warned, still booked
    r = book(db, s.uuid, req("나", 5, pay_on_arrival=True))
    assert r.booking.status == bk.CONFIRMED
    assert r.shortages == ()
    active = db.read(
        lambda uow: dict(
            uow.conn.execute(
                select(StockReservation.product_id, func.sum(StockReservation.qty))
                .where(StockReservation.source_uuid == s.uuid, StockReservation.status == "active")
                .group_by(StockReservation.product_id)
            ).all()
        )
    )
    assert active == {store.gochujang: 8, store.beef: 1600}
    # a 3rd booking of 2 wants 10 jars: exactly the 10 on hand — and one more is short
    db.transact(
        lambda uow: ledger.post(uow, [ledger.MovementRow(store.gochujang, None, -1)], kind="waste")
    )
    s2 = make(
        db,
        spec(
            date=DAY + dt.timedelta(days=1),
            capacity=20,
            ingredients=(cs.Ingredient(store.gochujang, 1),),
        ),
    )
    r2 = book(db, s2.uuid, req("다", 2, pay_on_arrival=True))
    assert [(x.product_id, x.wanted, x.available) for x in r2.shortages] == [
        (store.gochujang, 2, 1)
    ]
    prep = db.read(lambda uow: cp.prep_list(uow, s.uuid))
    beef = next(x for x in prep.lines if x.product_id == store.beef)
    assert (beef.needed, beef.in_store_room, beef.to_bring_down, beef.short) == (1600, 300, 1300, 0)
    jar = next(x for x in prep.lines if x.product_id == store.gochujang)
    # 9 jars (the waste was unlotted: lots still say 10): 8 promised here, 2 to the next day's class → 1 short
    assert (jar.needed, jar.on_floor, jar.to_bring_down, jar.short) == (8, 10, 8, 1)
    assert prep.has_shortage
    # held: the reservation becomes class-use movements, store room lots too, ledger consistent
    on_the_day = dt.datetime(2026, 11, 28, 17, 0, tzinfo=calendar.store_zone()).astimezone(dt.UTC)
    held = db.transact(lambda uow: cp.mark_held(uow, s.uuid, user_id=store.cashier, now=on_the_day))
    assert held.status == cs.HELD
    moves = db.read(
        lambda uow: uow.conn.execute(
            select(StockMovement.product_id, func.sum(StockMovement.qty))
            .where(
                StockMovement.doc_uuid == s.uuid,
                StockMovement.kind == ledger.MovementKind.CLASS_USE,
            )
            .group_by(StockMovement.product_id)
        ).all()
    )
    assert dict(moves) == {store.gochujang: -8, store.beef: -1600}
    assert db.read(lambda uow: reservations.reserved(uow, [store.beef])) == {}
    with pytest.raises(cs.ClassError) as e:
        db.transact(lambda uow: cp.mark_held(uow, s.uuid, user_id=None, now=on_the_day))
    assert e.value.code == "class.not_scheduled"
    counts_ok(db)


def test_check_in_and_cancel_session(db: Database) -> None:
    s = make(db, spec())
    b = book(db, s.uuid, req("가", 1, pay_on_arrival=True)).booking
    w = db.transact(lambda uow: bk.check_in(uow, b.uuid, now=NOW))
    assert w.checked_in_at == NOW
    assert db.transact(lambda uow: bk.check_in(uow, b.uuid, undo=True)).checked_in_at is None
    with pytest.raises(cs.ClassError) as e:
        db.transact(lambda uow: cs.cancel_session(uow, s.uuid, user_id=None))
    assert e.value.code == "class.has_bookings"
    db.transact(lambda uow: bk.cancel(uow, b.uuid, policy=POLICY, user_id=1, now=NOW))
    with pytest.raises(cs.ClassError):
        db.transact(lambda uow: bk.check_in(uow, b.uuid))
    assert (
        db.transact(lambda uow: cs.cancel_session(uow, s.uuid, user_id=None)).status == "cancelled"
    )
    make(db, spec())  # the room is free again


def test_the_hold_time_and_refund_tiers_are_the_stores_policy(store: Store) -> None:
    """Not a till's TOML (a cashier with the config file could refund in full on the day):
    store policy, changed by a holder of settings, read by the classes' use case."""
    from posapp import store_policy
    from posapp.domain.errors import DomainError
    from posapp.ui.messages import describe
    from posapp.usecases.classes import Classes

    db = store.db
    now = dt.datetime.now(dt.UTC)
    s = make(db, spec(date=calendar.today() + dt.timedelta(days=10)))
    b = book(db, s.uuid, req("가", 2), now=now).booking
    pay(store, b.uuid)
    desk = Classes(db, register_id="R01")  # no policy given: the store's
    assert (desk.refund_due(b.uuid).percent, desk.refund_due(b.uuid).amount) == (100, 70_000)
    db.transact(
        lambda uow: store_policy.change(
            uow, {"class_refund_tiers": "14:100,7:30,0:0", "class_hold_minutes": 90}, store.manager
        )
    )
    assert (desk.refund_due(b.uuid).percent, desk.refund_due(b.uuid).amount) == (30, 21_000)
    with pytest.raises(DomainError) as bad:
        db.transact(
            lambda uow: store_policy.change(uow, {"class_refund_tiers": "열흘:100"}, store.manager)
        )
    said = describe(bad.value, "ko")
    assert said is not None and "환불" in said, said
    assert db.read(store_policy.load_text)["class_refund_tiers"] == "14:100,7:30,0:0"
    assert db.read(store_policy.load)["class_hold_minutes"] == 90
    assert verify(db).ok, verify(db).problems()
