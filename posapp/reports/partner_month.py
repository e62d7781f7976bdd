"""Each partner's month: the statement a partner local government gets to report home — its
region's sales by product and by producer, best sellers, stock on hand, returns, and the period
against the one before it (the month against the last).

Owns :func:`region_month` (a :class:`Report` with sections, rendered by :mod:`posapp.reports.pdf`
like every report). Net sales are VAT-inclusive line nets, refunds in the period they were
given; returns are refunds to customers and goods sent back to suppliers.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from posapp.db.engine import UnitOfWork
from posapp.db.models import Producer, Region, StockLevel, SupplierReturn
from posapp.reports.base import NONE_KO, UNIT_KO, P, utc_bounds
from posapp.reports.model import Column, Filters, Period, Report, ReportRow, Series
from posapp.reports.rollup import line_groups


def previous(period: Period) -> Period:
    """The period before: the month before a whole month, else as many days just before."""
    a, b = period.start, period.end
    nxt = b + dt.timedelta(days=1)
    if a.day == 1 and nxt.day == 1 and (nxt.year - a.year) * 12 + nxt.month - a.month == 1:
        end = a - dt.timedelta(days=1)
        return Period(end.replace(day=1), end)
    return Period(a - dt.timedelta(days=period.days), a - dt.timedelta(days=1))


def region_month(uow: UnitOfWork, period: Period, f: Filters) -> Report:
    """The statement of the region ``f.region_id`` for ``period`` (a month, usually); without a
    region, of the whole store."""
    conn = uow.conn
    rg = Region.__table__
    name = (
        conn.execute(select(rg.c.name).where(rg.c.id == f.region_id)).scalar() or NONE_KO
        if f.region_id is not None
        else "전체 지역"
    )
    only = Filters(region_id=f.region_id)
    now = line_groups(uow, period, only, ["product"])
    before = line_groups(uow, previous(period), only, ["product"])
    by_producer = line_groups(uow, period, only, ["producer"])
    ids = sorted({k[0] for k in now} | {k[0] for k in before})
    info: dict[int, tuple[str, str, int | None]] = {}
    for i in range(0, len(ids), 500):
        for pid, pname, unit, prod in conn.execute(
            select(P.c.id, P.c.name_ko, P.c.unit, P.c.producer_id).where(
                P.c.id.in_(ids[i : i + 500])
            )
        ):
            info[pid] = (pname, UNIT_KO.get(unit, unit), prod)
    pr = Producer.__table__
    producers = dict(conn.execute(select(pr.c.id, pr.c.name)).all())
    rows: list[ReportRow] = []
    for (pid,), v in now.items():
        pname, unit, _prod = info.get(pid, (str(pid), "", None))
        last = before.get((pid,), [0] * 9)[5]
        rows.append((pname, unit, v[0], v[1], v[5], last, v[5] - last))
    rows.sort(key=lambda r: (-r[4], r[0]))
    columns = (
        Column("product", "상품"),
        Column("unit", "단위"),
        Column("qty", "판매수량", "qty"),
        Column("returned", "반품수량", "qty"),
        Column("net", "순매출", "krw"),
        Column("last", "지난 기간", "krw"),
        Column("change", "증감", "krw"),
    )
    total_now = sum(v[5] for v in now.values())
    total_last = sum(v[5] for v in before.values())
    totals = ("합계", "", None, None, total_now, total_last, total_now - total_last)
    producer_rows = tuple(
        sorted(
            (
                (producers.get(k[0], NONE_KO) if k[0] is not None else NONE_KO, v[6], v[5])
                for k, v in by_producer.items()
            ),
            key=lambda r: (-r[2], r[0]),
        )
    )
    best = tuple((i + 1, r[0], r[4]) for i, r in enumerate(rows[:10]))
    sl = StockLevel.__table__
    region = [P.c.region_id == f.region_id] if f.region_id is not None else []
    stock = tuple(
        (pname, UNIT_KO.get(unit, unit), int(on_hand))
        for pname, unit, on_hand in conn.execute(
            select(P.c.name_ko, P.c.unit, sl.c.on_hand)
            .select_from(sl.join(P, P.c.id == sl.c.product_id))
            .where(*region, P.c.active.is_(True))
            .order_by(P.c.name_ko)
        )
    )
    sr = SupplierReturn.__table__
    lo, hi = utc_bounds(period)
    sent_back = tuple(
        (pname, int(qty), int(amount))
        for pname, qty, amount in conn.execute(
            select(P.c.name_ko, func.sum(sr.c.qty), func.sum(sr.c.amount))
            .select_from(sr.join(P, P.c.id == sr.c.product_id))
            .where(*region, sr.c.created_at >= lo, sr.c.created_at < hi)
            .group_by(P.c.name_ko)
            .order_by(P.c.name_ko)
        )
    )
    refunds = tuple(
        (info.get(k[0], (str(k[0]), "", None))[0], v[1], v[4]) for k, v in now.items() if v[1]
    )
    sections = (
        ("생산자별", (Column("producer", "생산자"), Column("lines", "판매행", "int"),
                    Column("net", "순매출", "krw")), producer_rows),
        ("베스트셀러", (Column("rank", "순위", "int"), Column("product", "상품"),
                     Column("net", "순매출", "krw")), best),
        ("재고 현황", (Column("product", "상품"), Column("unit", "단위"),
                    Column("on_hand", "재고", "qty")), stock),
        ("고객 반품 (환불)", (Column("product", "상품"), Column("qty", "수량", "qty"),
                        Column("amount", "금액", "krw")), refunds),
        ("공급자 반품", (Column("product", "상품"), Column("qty", "수량", "qty"),
                     Column("amount", "금액(원가)", "krw")), sent_back),
    )  # fmt: skip
    change = f"{100 * (total_now - total_last) / total_last:+.1f}%" if total_last else "-"
    notes = (
        f"지난 기간({previous(period).label()}) 대비 {change}. 순매출은 부가세 포함, "
        "환불은 환불한 날의 기간에 뺍니다.",
    )
    chart = Series("순매출", tuple((r[0], r[4]) for r in rows[:12]), "bar")
    return Report(
        "region-month", f"{name} 월간 실적", period, f, columns, tuple(rows), totals, chart,
        notes, sections,
    )  # fmt: skip
