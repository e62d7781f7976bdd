"""The sales rollup never changes a figure: every report gives the same rows with and without
it, with whole months summed, and a sale that reaches a rolled-up day late is still counted
(live first, folded in at the next refresh). SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import delete, func, select

from posapp.db.models import ReportRollupState, ReportSalesRollup
from posapp.inventory import catalog as inv_catalog
from posapp.reports import catalog, rollup
from posapp.reports.model import NO_FILTERS, Filters, Period
from posapp.sales import completion
from posapp.sales.tenders import Tender
from posapp.sales.ticket import Ticket
from tests.conftest import APPLE_CODE, Store
from tests.support.report_week import Week, build_week, kst

LINE_REPORTS = [
    "category",
    "region",
    "producer",
    "product",
    "product-bottom",
    "settlement",
    "region-settlement",
    "slow",
    "daily",
    "discounts",
]


def sell_apple(store: Store, at: dt.datetime) -> None:
    line = store.db.read(lambda uow: inv_catalog.scan(uow, APPLE_CODE)).line
    t = Ticket()
    t.add(line)
    store.db.transact(
        lambda uow: completion.complete_sale(
            uow, t, [Tender.cash(12_900)], register_id="R01", user_id=store.cashier, now=at
        )
    )


def live(store: Store, name: str, period: Period, f: Filters = NO_FILTERS):  # type: ignore[no-untyped-def]
    """The report computed from the lines alone (the rollup's state hidden, rolled back)."""

    def q(uow):  # type: ignore[no-untyped-def]
        uow.conn.execute(delete(ReportRollupState.__table__))
        return catalog.run(uow, name, period, f)

    return store.db.read(q)


def fast(store: Store, name: str, period: Period, f: Filters = NO_FILTERS):  # type: ignore[no-untyped-def]
    return store.db.read(lambda uow: catalog.run(uow, name, period, f))


@pytest.fixture
def week(store: Store) -> Week:
    w = build_week(store)
    first_of_month = w.today.replace(day=1)
    last_month = (first_of_month - dt.timedelta(days=1)).replace(day=15)
    sell_apple(store, kst(last_month, 12))  # a whole month behind us: summed as a month row
    return w


def test_every_report_is_the_same_with_the_rollup(store: Store, week: Week) -> None:
    first = store.db.transact(lambda uow: rollup.refresh(uow, max_days=2))
    assert first.more and first.days_built == 2  # in short transactions
    assert rollup.refresh_all(store.db) > 0
    done = store.db.read(rollup.state)
    assert done.built_through == week.today - dt.timedelta(days=1)
    grains = store.db.read(
        lambda uow: dict(
            uow.conn.execute(
                select(ReportSalesRollup.grain, func.count()).group_by(ReportSalesRollup.grain)
            ).all()
        )
    )
    assert grains.get("m", 0) >= 1 and grains["d"] >= 3
    start = (week.today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    periods = [Period(week.d1, week.d2), Period(start, week.today), Period(week.d2, week.today)]
    for period in periods:
        for name in LINE_REPORTS:
            a, b = live(store, name, period), fast(store, name, period)
            assert (a.rows, a.totals) == (b.rows, b.totals), (name, period)
    big = fast(store, "region", Period(start, week.today))
    assert big.row("영주시")[5] == 24_800 + 12_900


def test_a_late_sale_on_a_rolled_up_day_is_counted(store: Store, week: Week) -> None:
    rollup.refresh_all(store.db)
    period = Period(week.d1, week.d2)
    before = fast(store, "region", period).row("영주시")[5]
    sell_apple(store, kst(week.d1, 15))  # arrives after D1 was rolled up (an offline till)
    assert fast(store, "region", period).row("영주시")[5] == before + 12_900
    sup = fast(store, "settlement", period).row("영주농협")
    assert sup[6] == before + 12_900
    again = store.db.transact(lambda uow: rollup.refresh(uow))
    assert again.days_built == 1  # D1 rebuilt, nothing else
    for name in LINE_REPORTS:
        a, b = live(store, name, period), fast(store, name, period)
        assert (a.rows, a.totals) == (b.rows, b.totals), name
    nothing = store.db.transact(lambda uow: rollup.refresh(uow))
    assert nothing.days_built == 0


def test_filters_by_till_or_cashier_read_lines_live(store: Store, week: Week) -> None:
    rollup.refresh_all(store.db)
    f = Filters(user_id=store.cashier)
    r = fast(store, "region", Period(week.d1, week.d2), f)
    assert r.total("net") == 40_950
    assert (
        fast(store, "region", Period(week.d1, week.d2), Filters(user_id=store.manager)).rows == ()
    )
