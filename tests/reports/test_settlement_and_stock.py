"""Settlement per supplier and per region, and the stock reports, against the hand-computed
week in tests/support/report_week.py (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import pytest

from posapp.domain import calendar
from posapp.inventory import stock as inv_stock
from posapp.reports import catalog, settlement
from posapp.reports.model import NO_FILTERS, Filters, Period
from posapp.verify import verify
from tests.conftest import Store
from tests.support.report_week import Week, build_week


@pytest.fixture
def week(store: Store) -> Week:
    return build_week(store)


def run(store: Store, name: str, start, end, f: Filters = NO_FILTERS):  # type: ignore[no-untyped-def]
    return store.db.read(lambda uow: catalog.run(uow, name, Period(start, end), f))


def test_consignment_and_purchase_settlement(store: Store, week: Week) -> None:
    """영주농협 (consignment, 20 %): sold 25,800 + 11,900, returned 12,900 → net 24,800,
    commission 4,960 + its VAT 496, payable 24,800 − 4,960 − 496 = 19,344. 순창장류 (purchase): net 16,150, cost of the two jars
    sold from the ₩5,000 lot 10,000; owed what it delivered: 4 × 5,000 = 20,000."""
    sups = store.db.read(
        lambda uow: settlement.settle_suppliers(uow, Period(week.d1, week.d2), with_documents=True)
    )
    by = {s.name: s for s in sups}
    apple = by["영주농협"]
    assert (apple.kind, apple.rate) == ("consignment", 20)
    assert (apple.sold, apple.returned, apple.net) == (37_700, -12_900, 24_800)
    assert (apple.commission, apple.commission_vat, apple.payable) == (4_960, 496, 19_344)
    assert apple.lines[0].qty_sold == 3 and apple.lines[0].qty_returned == 1
    assert apple.lines[0].uncosted_qty == 2  # the apple lots carry no cost
    docs = [(d.kind, d.day, d.count, d.amount) for d in apple.documents]
    assert docs == [
        ("sales", week.d1, 1, 25_800),
        ("sales", week.d2, 1, 11_900),
        ("refund", week.d2, 1, -12_900),
    ]
    assert apple.documents[0].ref == week.s1 and apple.documents[2].ref == week.r1
    gochu = by["순창장류"]
    assert (gochu.kind, gochu.net, gochu.cost, gochu.received, gochu.payable) == (
        "purchase",
        16_150,
        10_000,
        20_000,
        20_000,
    )
    assert gochu.margin == 6_150
    assert [d.kind for d in gochu.documents] == ["sales", "receipt"]
    assert sum(d.amount for d in gochu.documents if d.kind == "receipt") == 20_000
    assert verify(store.db).ok


def test_settlement_report_and_region_summary(store: Store, week: Week) -> None:
    r = run(store, "settlement", week.d1, week.d2)
    assert r.row("영주농협")[2:] == ("위탁", 20, 37_700, -12_900, 24_800, 4_960, 496, 0, 0, 19_344)
    assert r.total("payable") == 39_344
    one = run(store, "settlement", week.d1, week.d2, Filters(producer_id=week.apple_producer))
    assert [s[0] for s in one.sections] == [
        "상품별 내역",
        "과세·면세 내역 (상품군별)",
        "발급할 증빙",
        "증빙 문서",
    ]
    assert len(one.sections[3][2]) == 3
    reg = run(store, "region-settlement", week.d1, week.d2)
    assert reg.row("영주시")[1:] == (1, 37_700, -12_900, 24_800, 4_960, 0, 19_344)
    assert reg.row("순창군")[1:] == (1, 16_150, 0, 16_150, 0, 20_000, 20_000)
    assert not any("수수료율이 없는" in n for n in r.notes)
    # the refund of D1's apple, seen from D1 alone: not there yet
    d1 = run(store, "settlement", week.d1, week.d1)
    assert d1.row("영주농협")[4:7] == (25_800, 0, 25_800)


def test_valuation_waste_and_expiring(store: Store, week: Week) -> None:
    """Gochujang: 2 of the 4 costed jars left → 10,000 at cost; the 10 uncosted jars are
    counted apart. Beef (5,000 g at ₩12,800 per 100 g) expires in 4 days: 640,000 at the
    shelf price."""
    val = run(store, "valuation", week.today, week.today)
    assert val.row("장류")[3] == 10_000 and val.row("장류")[6] == 10
    assert val.row("축산물")[4] == 640_000
    store.db.transact(
        lambda uow: inv_stock.record_waste(
            uow, store.gochujang, 1, "damaged", user_id=store.manager
        )
    )
    w = run(store, "waste", week.today, week.today)
    assert w.rows == (("파손", "순창군", 1, 5_000, 8_500),)
    exp = run(store, "expiring", week.today, week.today + dt.timedelta(days=4))
    assert [(r[2], r[7], r[9]) for r in exp.rows] == [("횡성 한우 등심", 5_000, 640_000)]
    assert exp.rows[0][1] == 4
    slow = run(store, "slow", week.d1, week.d2)
    names = [r[0] for r in slow.rows]
    assert "횡성 한우 등심" in names and "영주 부사 사과 3kg" not in names
    assert verify(store.db).ok


def test_classes_revenue_and_attendance(store: Store) -> None:
    """Two bookings of one session: 2 seats paid and checked in, 1 seat paid then cancelled
    with the policy's half refund (8 days before: full) — revenue is paid less refunded."""
    from posapp.classes import bookings as bk
    from tests.classes.test_class_services import DAY, POLICY, book, make, pay, req, spec

    empty = run(store, "classes", dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    assert empty.rows == () and "수업이 없습니다" in empty.notes[0]
    session = make(store.db, spec())
    came = book(store.db, session.uuid, req("가", 2)).booking
    left = book(store.db, session.uuid, req("나", 1)).booking
    pay(store, came.uuid)
    pay(store, left.uuid)
    store.db.transact(lambda uow: bk.check_in(uow, came.uuid))
    day_before = dt.datetime.combine(DAY, dt.time(9), calendar.store_zone()) - dt.timedelta(days=1)
    store.db.transact(
        lambda uow: bk.cancel(
            uow, left.uuid, policy=POLICY, user_id=store.cashier, register_id="R01",
            approved_by=store.manager, now=day_before,
        )
    )  # fmt: skip
    r = run(store, "classes", DAY, DAY)
    ((when, title, _room, cap, booked, attended, waiting, paid, refunded, revenue),) = r.rows
    assert title == "순창 고추장 담그기" and when.endswith("14:00") and cap == 4
    assert (booked, attended, waiting) == (2, 2, 0)
    assert (paid, refunded, revenue) == (105_000, 17_500, 87_500)
    assert r.totals[-1] == 87_500
    outside = run(store, "classes", DAY + dt.timedelta(days=1), DAY + dt.timedelta(days=7))
    assert outside.rows == ()


def test_dashboard_today_against_last_week(store: Store) -> None:
    from posapp.inventory import catalog as inv_catalog
    from posapp.sales import completion
    from posapp.sales.tenders import Tender
    from posapp.sales.ticket import Ticket
    from tests.conftest import APPLE_CODE

    now = dt.datetime.now(dt.UTC)
    line = store.db.read(lambda uow: inv_catalog.scan(uow, APPLE_CODE)).line

    def sell(at: dt.datetime) -> None:
        t = Ticket()
        t.add(line)
        store.db.transact(
            lambda uow: completion.complete_sale(
                uow, t, [Tender.cash(12_900)], register_id="R01", user_id=store.cashier, now=at
            )
        )

    sell(now - dt.timedelta(minutes=1))
    sell(now - dt.timedelta(days=7, minutes=1))  # same weekday last week, before this time
    d = store.db.read(
        lambda uow: catalog.dashboard(uow, now=now, register_id="R01", expiring_days=4)
    )
    assert d.net_today == 12_900 and d.receipts_today == 1
    assert d.net_last_week == 12_900 and d.net_last_week_day == 12_900
    assert d.top_regions == (("영주시", 12_900),)
    assert sum(v for _, v in d.by_hour.points) == 12_900
    assert d.sync_pending == 2  # two sales waiting in the outbox
    assert d.expiring >= 1 and d.expired == 0  # the beef lot, 4 days left
    assert d.low_stock == 1  # the salt: none on hand, reorder point 3


def test_commission_rate_is_checked(store: Store) -> None:
    from posapp.inventory import partners
    from posapp.inventory.stock import InventoryError

    p = store.db.read(partners.list_producers)[0]

    def save(**kw):  # type: ignore[no-untyped-def]
        return store.db.transact(
            lambda uow: partners.save_producer(
                uow, user_id=store.manager, producer_id=p.id, name=p.name, kind="consignment", **kw
            )
        )

    for bad in (-1, 101, True):
        with pytest.raises(InventoryError) as e:
            save(commission_rate=bad)
        assert e.value.code == "producer.commission"
    saved = save(commission_rate=15)
    assert (saved.kind, saved.commission_rate) == ("consignment", 15)
    again = save(contact="김담당")  # an edit of the contact keeps the rate
    assert (again.contact, again.commission_rate) == ("김담당", 15)


def test_a_consignment_supplier_without_a_rate_is_flagged(store: Store, week: Week) -> None:
    store.db.transact(
        lambda uow: uow.conn.exec_driver_sql(
            "UPDATE producers SET commission_rate = NULL WHERE name = '영주농협'"
        )
    )
    r = run(store, "settlement", week.d1, week.d2)
    assert r.row("영주농협")[7:] == (0, 0, 0, 0, 24_800)  # no commission: all of it is payable
    assert any("수수료율이 없는 위탁 공급자 1곳" in n and "영주농협" in n for n in r.notes)
