"""Sales report figures against the hand-computed week in tests/support/report_week.py, on SQLite
and PostgreSQL: the Seoul day boundary, refunds in the period they happened, discounts, exempt
items."""

from __future__ import annotations

import pytest

from posapp.reports import catalog, sales
from posapp.reports.model import NO_FILTERS, Filters, Period, ReportError
from tests.conftest import Store
from tests.support.report_week import Week, build_week


@pytest.fixture
def week(store: Store) -> Week:
    return build_week(store)


def run(store: Store, name: str, start, end, f: Filters = NO_FILTERS):  # type: ignore[no-untyped-def]
    return store.db.read(lambda uow: catalog.run(uow, name, Period(start, end), f))


def test_daily_puts_each_sale_on_its_seoul_day_and_refunds_on_theirs(
    store: Store, week: Week
) -> None:
    r = run(store, "daily", week.d1, week.d2)
    d1 = r.row(week.d1.isoformat())
    # S1 34,300 + S2 (23:30 KST = 14:30 UTC, still D1) 7,650
    # 과세 S1 8,500 → 7,727 + 773; S2 7,650 → 6,955 (6,954.5 rounded half up) + 695
    assert d1[1:] == (2, 0, 42_800, 850, 0, 41_950, 16_150, 25_800, 14_682, 1_468)
    d2 = r.row(week.d2.isoformat())
    # S3 at 00:30 KST is D2 though it is still D1 in UTC; the refund of a D1 sale counts on D2
    assert d2[1:] == (1, 1, 12_900, 1_000, -12_900, -1_000, 0, -1_000, 0, 0)
    assert r.total("net") == 40_950 and r.total("receipts") == 3
    assert [p[1] for p in r.chart.points] == [41_950, -1_000]


def test_a_period_that_ends_before_the_refund_keeps_the_sale_whole(
    store: Store, week: Week
) -> None:
    only_d1 = run(store, "daily", week.d1, week.d1)
    assert only_d1.total("net") == 41_950 and only_d1.total("refunds") == 0
    only_d2 = run(store, "refunds", week.d2, week.d2)
    assert len(only_d2.rows) == 1
    _day, receipt, original, original_day, *_rest, amount, reason = only_d2.rows[0]
    assert (receipt, original, original_day, amount, reason) == (
        week.r1,
        week.s1,
        week.d1.isoformat(),
        -12_900,
        "멍든 사과",
    )
    assert "1건" in only_d2.notes[0]


def test_weekly_and_monthly_sum_the_days(store: Store, week: Week) -> None:
    w = run(store, "weekly", week.d1, week.d2)
    m = run(store, "monthly", week.d1, week.d2)
    assert w.total("net") == m.total("net") == 40_950
    assert sum(r[1] for r in w.rows) == 3


def test_hourly_uses_seoul_hours(store: Store, week: Week) -> None:
    r = run(store, "hourly", week.d1, week.d2)
    assert r.row("10시")[1:3] == (1, 34_300)
    assert r.row("11시")[1:3] == (0, -12_900)  # the refund
    assert r.row("23시")[1:3] == (1, 7_650)
    assert r.row("00시")[1:3] == (1, 11_900)
    assert r.total("net") == 40_950


def test_region_category_producer_and_product(store: Store, week: Week) -> None:
    region = run(store, "region", week.d1, week.d2)
    # apples: 25,800 + (12,900 − 1,000) − 12,900 refunded
    assert region.row("영주시")[1:6] == (2, 38_700, 1_000, -12_900, 24_800)
    assert region.row("순창군")[1:6] == (2, 17_000, 850, 0, 16_150)
    assert region.total("net") == 40_950
    assert region.row("영주시")[6] == pytest.approx(60.6)
    cat = run(store, "category", week.d1, week.d2)
    assert cat.row("과일")[5] == 24_800 and cat.row("장류")[5] == 16_150
    prod = run(store, "producer", week.d1, week.d2)
    assert prod.row("영주농협")[5] == 24_800
    top = run(store, "product", week.d1, week.d2)
    assert [r[1] for r in top.rows] == ["영주 부사 사과 3kg", "순창 전통 고추장 1kg"]
    assert top.rows[0][3:9] == (3, 1, 38_700, 1_000, -12_900, 24_800)
    bottom = run(store, "product-bottom", week.d1, week.d2)
    assert bottom.rows[0][1] == "순창 전통 고추장 1kg"


def test_filters_narrow_to_a_region(store: Store, week: Week) -> None:
    region_id = store.db.read(
        lambda uow: uow.conn.exec_driver_sql("SELECT id FROM regions WHERE name='순창군'").scalar()
    )
    f = Filters(region_id=region_id)
    d = run(store, "daily", week.d1, week.d2, f)
    assert d.total("net") == 16_150 and d.total("receipts") == 2
    assert d.total("taxable") == 16_150 and d.total("exempt") == 0
    h = run(store, "hourly", week.d1, week.d2, f)
    assert h.total("net") == 16_150


def test_tender_and_cashier(store: Store, week: Week) -> None:
    t = run(store, "tender", week.d1, week.d2)
    # cash: S1 34,300 (과세 8,500 = 7,727 + 773, 면세 25,800) + S3 11,900 면세 − R1 12,900 면세
    assert t.row("현금")[1:] == (2, 46_200, 1, -12_900, 33_300, 7_727, 773, 24_800)
    assert t.row("카드")[1:] == (1, 7_650, 0, 0, 7_650, 6_955, 695, 0)
    assert t.total("net") == 40_950
    assert t.totals[6:] == (14_682, 1_468, 24_800)
    title, _cols, evidence = t.sections[0]
    assert title.startswith("증빙별")
    assert evidence == (
        ("신용·직불·선불카드", 7_650, 6_955, 695, 0),
        ("기타 (현금·상품권 등)", 33_300, 7_727, 773, 24_800),
    )
    c = run(store, "cashier", week.d1, week.d2)
    assert c.row("김하늘")[1:6] == (3, 1, 1_850, -12_900, 40_950)
    with pytest.raises(ReportError) as e:
        run(store, "tender", week.d1, week.d2, Filters(region_id=1))
    assert e.value.code == "report.filter"


def test_discounts_by_kind(store: Store, week: Week) -> None:
    r = run(store, "discounts", week.d1, week.d2)
    assert r.row(week.d1.isoformat())[1:5] == (1, 850, 0, 850)
    assert r.row(week.d2.isoformat())[1:5] == (1, 0, 1_000, 1_000)
    assert r.row(week.d1.isoformat())[5] == pytest.approx(2.0)  # 850 of 42,800
    region_id = store.db.read(
        lambda uow: uow.conn.exec_driver_sql("SELECT id FROM regions WHERE name='순창군'").scalar()
    )
    only = run(store, "discounts", week.d1, week.d2, Filters(region_id=region_id))
    assert [r[1:5] for r in only.rows] == [(1, 850, 0, 850)]


def test_empty_period_and_bad_input(store: Store, week: Week) -> None:
    far = week.d1.replace(year=week.d1.year - 1)
    r = run(store, "daily", far, far)
    assert r.rows == () and r.total("net") == 0
    with pytest.raises(ReportError) as e:
        Period(week.d2, week.d1)
    assert e.value.code == "report.period"
    with pytest.raises(ReportError) as e:
        run(store, "nonsense", week.d1, week.d2)
    assert e.value.code == "report.unknown"
    with pytest.raises(ReportError):
        store.db.read(lambda uow: sales.daily(uow, Period(week.d1, week.d2), by="year"))


def test_daily_with_a_product_filter_splits_the_lines_taxable_sum(store: Store, week: Week) -> None:
    region_id = store.db.read(
        lambda uow: uow.conn.exec_driver_sql("SELECT id FROM regions WHERE name='순창군'").scalar()
    )
    r = run(store, "daily", week.d1, week.d2, Filters(region_id=region_id))
    # 고추장 lines of D1: 8,500 + 7,650 = 16,150 split once: 14,682 (14,681.8) + 1,468
    assert r.row(week.d1.isoformat())[7:] == (16_150, 0, 14_682, 1_468)
    assert "상품 조건" in r.notes[0]
    m = run(store, "monthly", week.d1, week.d2)
    assert m.total("supply") == 14_682 and m.total("vat") == 1_468
