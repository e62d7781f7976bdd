"""Stock reports: valuation at cost, slow movers, waste by reason and region, expiring soon.

Owns the stock queries. Valuation reads the lots on hand (``lots.qty_on_hand`` × ``unit_cost``,
base units: pieces or grams); units on hand in lots without a cost are counted apart, never
guessed. Retail value uses the shelf price per sell unit (ea, per kg, per 100 g).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import ColumnElement, case, func, select

from posapp.db.engine import UnitOfWork
from posapp.db.models import Category, Lot, Producer, Region, StockLevel, StockMovement
from posapp.domain import calendar
from posapp.reports.base import NONE_KO, UNIT_KO, P, product_filters, utc_bounds
from posapp.reports.error_codes import ReportErrorCode
from posapp.reports.model import (
    NO_FILTERS,
    Column,
    Filters,
    Period,
    Report,
    ReportError,
    ReportRow,
    Series,
)
from posapp.reports.rollup import line_groups

LOT = Lot.__table__
M = StockMovement.__table__
REASON_KO = {
    "spoiled": "변질",
    "damaged": "파손",
    "sample": "시식",
    "class_use": "수업 사용",
    "theft": "도난·분실",
    "correction": "정정",
    "waste": "폐기",
}
LOCATION_KO = {"floor": "매장", "store_room": "창고"}


def retail_value(qty: ColumnElement[Any]) -> ColumnElement[Any]:
    """Shelf value of ``qty`` base units of the product in ``P`` (integer won, rounded down)."""
    return case(
        (P.c.unit == "kg", qty * P.c.price / 1000),
        (P.c.unit == "100g", qty * P.c.price / 100),
        else_=qty * P.c.price,
    )


def _group(by: str) -> tuple[Any, Any, str]:
    if by == "category":
        c = Category.__table__
        return P.c.category_id, select(c.c.id, c.c.name), "분류"
    if by == "region":
        r = Region.__table__
        return P.c.region_id, select(r.c.id, r.c.name), "지역"
    if by == "producer":
        pr = Producer.__table__
        return P.c.producer_id, select(pr.c.id, pr.c.name), "생산자"
    if by == "product":
        return P.c.id, select(P.c.id, P.c.name_ko), "상품"
    raise ReportError(
        f"group by category, region, producer or product, not {by!r}", code=ReportErrorCode.GROUP
    )


def valuation(
    uow: UnitOfWork, period: Period, f: Filters = NO_FILTERS, *, by: str = "category"
) -> Report:
    """Stock on hand now, valued at lot cost and at shelf price, grouped ``by``."""
    key, labels_q, key_title = _group(by)
    costed = LOT.c.unit_cost.is_not(None)
    q = (
        select(
            key,
            func.count(func.distinct(LOT.c.product_id)),
            func.count(),
            func.coalesce(func.sum(LOT.c.qty_on_hand * LOT.c.unit_cost).filter(costed), 0),
            func.coalesce(func.sum(retail_value(LOT.c.qty_on_hand)), 0),
            func.coalesce(func.sum(LOT.c.qty_on_hand).filter(~costed), 0),
        )
        .select_from(LOT.join(P, P.c.id == LOT.c.product_id))
        .where(LOT.c.qty_on_hand > 0, *product_filters(f))
        .group_by(key)
    )
    got = list(uow.conn.execute(q))
    labels = dict(uow.conn.execute(labels_q).all()) if got and by != "product" else {}
    if by == "product" and got:
        ids = [r[0] for r in got]
        for i in range(0, len(ids), 500):
            labels.update(uow.conn.execute(labels_q.where(P.c.id.in_(ids[i : i + 500]))).all())
    rows: list[ReportRow] = sorted(
        (
            (labels.get(k, NONE_KO) if k is not None else NONE_KO, *(int(v) for v in r[1:]))
            for r in got
            for k in [r[0]]
        ),
        key=lambda r: (-r[3], r[0]),
    )
    rows = [(*r[:5], r[4] - r[3] if r[5] == 0 else None, r[5]) for r in rows]
    columns = (
        Column("name", key_title),
        Column("products", "상품 수", "int"),
        Column("lots", "로트 수", "int"),
        Column("cost", "원가 재고액", "krw"),
        Column("retail", "판매가 재고액", "krw"),
        Column("margin", "예상 이익", "krw"),
        Column("uncosted", "원가 없는 수량", "qty"),
    )
    totals = (
        "합계",
        *(sum(r[i] for r in rows) for i in range(1, 5)),
        None,
        sum(r[6] for r in rows),
    )
    notes = (
        "재고액은 조회 시점 기준이며 기간과 무관합니다. 원가 없는 로트는 원가 재고액에서 빠집니다.",
    )
    chart = Series("원가 재고액", tuple((r[0], r[3]) for r in rows[:12]), "bar")
    return Report(
        "valuation", "재고 자산 평가(원가)", period, f, columns, tuple(rows), totals, chart, notes
    )


def slow_movers(
    uow: UnitOfWork, period: Period, f: Filters = NO_FILTERS, *, max_sold: int = 0, limit: int = 500
) -> Report:
    """Products in stock that sold ``max_sold`` units or fewer in the period, most stock value
    first."""
    conn = uow.conn
    sold = {k[0]: v[0] for k, v in line_groups(uow, period, f, ["product"]).items()}
    sl = StockLevel.__table__
    rg = Region.__table__
    costed = LOT.c.unit_cost.is_not(None)
    lot_value = (
        select(
            LOT.c.product_id.label("pid"),
            func.coalesce(func.sum(LOT.c.qty_on_hand * LOT.c.unit_cost).filter(costed), 0).label(
                "cost"
            ),
            func.max(LOT.c.received_at).label("last_in"),
        )
        .where(LOT.c.qty_on_hand > 0)
        .group_by(LOT.c.product_id)
        .subquery()
    )
    q = (
        select(
            P.c.id,
            P.c.name_ko,
            P.c.unit,
            rg.c.name,
            sl.c.on_hand,
            func.coalesce(lot_value.c.cost, 0),
            lot_value.c.last_in,
        )
        .select_from(
            sl.join(P, P.c.id == sl.c.product_id)
            .outerjoin(rg, rg.c.id == P.c.region_id)
            .outerjoin(lot_value, lot_value.c.pid == P.c.id)
        )
        .where(sl.c.on_hand > 0, P.c.active.is_(True), *product_filters(f))
    )
    today = calendar.today()
    rows = []
    for pid, name, unit, region, on_hand, cost, last_in in conn.execute(q):
        n = sold.get(pid, 0)
        if n > max_sold:
            continue
        if last_in is not None:
            last_in = (
                last_in
                if isinstance(last_in, dt.datetime)
                else dt.datetime.fromisoformat(str(last_in))
            )
            if last_in.tzinfo is None:
                last_in = last_in.replace(tzinfo=dt.UTC)
            days = (today - calendar.business_day(last_in)).days
        else:
            days = None
        rows.append(
            (name, region or NONE_KO, UNIT_KO.get(unit, unit), int(on_hand), n, int(cost), days)
        )
    rows.sort(key=lambda r: (-r[5], r[0]))
    total_rows = len(rows)
    rows = rows[:limit]
    columns = (
        Column("product", "상품"),
        Column("region", "지역"),
        Column("unit", "단위"),
        Column("on_hand", "재고", "qty"),
        Column("sold", "기간 판매량", "qty"),
        Column("cost", "원가 재고액", "krw"),
        Column("days", "최근 입고 후 일수", "int"),
    )
    totals = (f"{total_rows}개 상품", "", "", None, None, sum(r[5] for r in rows), None)
    chart = Series("원가 재고액", tuple((r[0], r[5]) for r in rows[:12]), "bar")
    return Report(
        "slow",
        "부진 재고",
        period,
        f,
        columns,
        tuple(rows),
        totals,
        chart,
        (f"기간 판매량 {max_sold} 이하, 재고가 있는 상품",),
    )


def waste(uow: UnitOfWork, period: Period, f: Filters = NO_FILTERS) -> Report:
    """Stock taken out as waste (spoiled, damaged, sample, theft) or class use, by reason and
    region, valued at lot cost and at shelf price."""
    lo, hi = utc_bounds(period)
    rg = Region.__table__
    costed = LOT.c.unit_cost.is_not(None)
    q = (
        select(
            M.c.reason,
            M.c.kind,
            rg.c.name,
            func.count(),
            func.coalesce(-func.sum(M.c.qty * LOT.c.unit_cost).filter(costed), 0),
            func.coalesce(-func.sum(retail_value(M.c.qty)), 0),
        )
        .select_from(
            M.join(P, P.c.id == M.c.product_id)
            .outerjoin(rg, rg.c.id == P.c.region_id)
            .outerjoin(LOT, LOT.c.id == M.c.lot_id)
        )
        .where(
            M.c.kind.in_(("waste", "class_use")),
            M.c.qty < 0,
            M.c.created_at >= lo,
            M.c.created_at < hi,
            *product_filters(f),
        )
        .group_by(M.c.reason, M.c.kind, rg.c.name)
    )
    acc: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for reason, kind, region, n, cost, retail in uow.conn.execute(q):
        code = (reason or kind or "").split(":", 1)[0].strip() or kind
        a = acc[(REASON_KO.get(code, code), region or NONE_KO)]
        a[0] += int(n)
        a[1] += int(cost)
        a[2] += int(retail)
    rows: tuple[ReportRow, ...] = tuple(
        sorted(((k[0], k[1], *v) for k, v in acc.items()), key=lambda r: (-r[4], r))
    )
    columns = (
        Column("reason", "사유"),
        Column("region", "지역"),
        Column("moves", "건수", "int"),
        Column("cost", "원가", "krw"),
        Column("retail", "판매가", "krw"),
    )
    totals = ("합계", "", *(sum(r[i] for r in rows) for i in range(2, 5)))
    by_reason: dict[str, int] = defaultdict(int)
    for r in rows:
        by_reason[r[0]] += r[4]
    chart = Series("폐기(판매가)", tuple(sorted(by_reason.items(), key=lambda kv: -kv[1])), "pie")
    return Report("waste", "폐기 내역(사유·지역별)", period, f, columns, rows, totals, chart)


def expiring(
    uow: UnitOfWork, period: Period, f: Filters = NO_FILTERS, *, today: dt.date | None = None
) -> Report:
    """Lots with stock that expire by the end of the period (already expired ones included),
    soonest first."""
    today = today or calendar.today()
    rg = Region.__table__
    q = (
        select(
            LOT.c.expiry_date,
            P.c.name_ko,
            rg.c.name,
            LOT.c.lot_code,
            LOT.c.location,
            P.c.unit,
            LOT.c.qty_on_hand,
            LOT.c.unit_cost,
            retail_value(LOT.c.qty_on_hand),
        )
        .select_from(
            LOT.join(P, P.c.id == LOT.c.product_id).outerjoin(rg, rg.c.id == P.c.region_id)
        )
        .where(
            LOT.c.qty_on_hand > 0,
            LOT.c.expiry_date.is_not(None),
            LOT.c.expiry_date <= period.end,
            *product_filters(f),
        )
        .order_by(LOT.c.expiry_date, P.c.name_ko)
    )
    rows = []
    for exp, name, region, code, loc, unit, qty, cost, retail in uow.conn.execute(q):
        exp = exp if isinstance(exp, dt.date) else dt.date.fromisoformat(str(exp))
        rows.append(
            (
                exp.isoformat(),
                (exp - today).days,
                name,
                region or NONE_KO,
                code or "",
                LOCATION_KO.get(loc, loc),
                UNIT_KO.get(unit, unit),
                int(qty),
                int(qty) * int(cost) if cost is not None else None,
                int(retail),
            )
        )
    columns = (
        Column("expiry", "유통기한", "date"),
        Column("days", "남은 일수", "int"),
        Column("product", "상품"),
        Column("region", "지역"),
        Column("lot", "로트"),
        Column("location", "위치"),
        Column("unit", "단위"),
        Column("qty", "수량", "qty"),
        Column("cost", "원가", "krw"),
        Column("retail", "판매가", "krw"),
    )
    totals = (
        f"{len(rows)}개 로트",
        None,
        "",
        "",
        "",
        "",
        "",
        None,
        sum(r[8] or 0 for r in rows),
        sum(r[9] for r in rows),
    )
    by_day: dict[str, int] = defaultdict(int)
    for r in rows:
        by_day[r[0]] += r[9]
    chart = Series("판매가", tuple(sorted(by_day.items())), "bar")
    return Report(
        "expiring",
        "유통기한 임박",
        period,
        f,
        columns,
        tuple(rows),
        totals,
        chart,
        (f"{period.end.isoformat()}까지 유통기한이 끝나는 재고 (기준일 {today})",),
    )
