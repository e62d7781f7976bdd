"""The report catalogue: each report's name, Korean title and query, the classes report, and
the manager's dashboard figures.

Owns ``run(uow, name, period, filters)`` used by the CLI and the reports window, so both offer
exactly the same reports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from sqlalchemy import func, select

from posapp.db.engine import UnitOfWork
from posapp.db.models import (
    ClassBooking,
    ClassSession,
    Lot,
    Product,
    Region,
    Sale,
    SaleLine,
    StockLevel,
)
from posapp.domain import calendar
from posapp.reports import commission, partner_month, sales, settlement, stock, tax_invoices, vat
from posapp.reports.base import local_hour, utc_bounds
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

Query = Callable[[UnitOfWork, Period, Filters], Report]


def classes(uow: UnitOfWork, period: Period, f: Filters = NO_FILTERS) -> Report:
    """Class revenue and attendance per session held (or scheduled) in the period: seats booked
    (held, confirmed, checked in), attendees checked in, fees paid less refunds, waitlist.
    Filter: the featured region. Meetings (the meeting space) are listed with their room fee."""
    cs = ClassSession.__table__
    cb = ClassBooking.__table__
    lo, hi = utc_bounds(period)
    booked = cb.c.status.in_(("held", "confirmed", "checked_in"))
    q = (
        select(
            cs.c.starts_at,
            cs.c.title_ko,
            cs.c.room,
            cs.c.capacity,
            func.coalesce(func.sum(cb.c.seats).filter(booked), 0),
            func.coalesce(func.sum(cb.c.seats).filter(cb.c.checked_in_at.is_not(None)), 0),
            func.coalesce(func.sum(cb.c.seats).filter(cb.c.status == "waitlist"), 0),
            func.coalesce(func.sum(cb.c.paid_amount), 0),
            func.coalesce(func.sum(cb.c.refunded_amount), 0),
        )
        .select_from(cs.outerjoin(cb, cb.c.session_id == cs.c.id))
        .where(cs.c.starts_at >= lo, cs.c.starts_at < hi, cs.c.status != "cancelled")
        .group_by(cs.c.id, cs.c.starts_at, cs.c.title_ko, cs.c.room, cs.c.capacity)
        .order_by(cs.c.starts_at, cs.c.id)
    )
    if f.region_id is not None:
        q = q.where(cs.c.region_id == f.region_id)
    rows: list[ReportRow] = []
    for starts, title, room, cap, seats, came, waiting, paid, refunded in uow.conn.execute(q):
        when = calendar.to_local(starts).strftime("%m-%d %H:%M")
        rows.append(
            (when, title, room, int(cap), int(seats), int(came), int(waiting), int(paid),
             int(refunded), int(paid) - int(refunded))
        )  # fmt: skip
    columns = (
        Column("when", "일시"),
        Column("session", "수업"),
        Column("room", "장소"),
        Column("capacity", "정원", "int"),
        Column("booked", "예약 좌석", "int"),
        Column("attended", "참석", "int"),
        Column("waitlist", "대기", "int"),
        Column("paid", "결제", "krw"),
        Column("refunded", "환불", "krw"),
        Column("revenue", "순매출", "krw"),
    )
    totals = ("합계", f"{len(rows)}개 수업", "", *(sum(r[k] for r in rows) for k in range(3, 10)))
    chart = Series("순매출", tuple((f"{r[0]} {r[1]}"[:24], r[9]) for r in rows), "bar")
    notes = () if rows else ("이 기간에 수업이 없습니다.",)
    return Report(
        "classes", "쿠킹 클래스 매출·참석", period, f, columns, tuple(rows), totals, chart, notes
    )


REPORTS: dict[str, tuple[str, Query]] = {
    "daily": ("일별 매출", sales.daily),
    "weekly": ("주별 매출", partial(sales.daily, by="week")),
    "monthly": ("월별 매출", partial(sales.daily, by="month")),
    "hourly": ("시간대별 매출", sales.hourly),
    "category": ("분류별 매출", sales.by_category),
    "region": ("지역별 매출", sales.by_region),
    "producer": ("생산자별 매출", sales.by_producer),
    "product": ("상품별 매출 상위", sales.by_product),
    "product-bottom": ("상품별 매출 하위", partial(sales.by_product, order="bottom")),
    "tender": ("결제수단별 매출", sales.by_tender),
    "cashier": ("계산원별 매출", sales.by_cashier),
    "refunds": ("환불 내역", sales.refunds),
    "discounts": ("할인 내역", sales.discounts),
    "settlement": ("공급자별 정산", settlement.settlement),
    "region-settlement": ("지역별 정산 요약", settlement.region_summary),
    "region-month": ("지역별 월간 실적 (협력 지자체)", partner_month.region_month),
    "valuation": ("재고 자산 평가", stock.valuation),
    "slow": ("부진 재고", stock.slow_movers),
    "waste": ("폐기 내역", stock.waste),
    "expiring": ("유통기한 임박", stock.expiring),
    "classes": ("쿠킹 클래스", classes),
    "vat": ("부가세 신고 자료", vat.vat_return),
    "commission-rules": ("수수료 규칙", commission.rules_report),
    "tax-invoices": ("세금계산서·계산서 발급 목록", tax_invoices.invoices_report),
}


def run(uow: UnitOfWork, name: str, period: Period, f: Filters = NO_FILTERS) -> Report:
    """Run the report called ``name`` (see :data:`REPORTS`)."""
    try:
        _, query = REPORTS[name]
    except KeyError:
        raise ReportError(
            f"no report {name!r}; choose one of {', '.join(REPORTS)}",
            code=ReportErrorCode.UNKNOWN,
            name=name,
        ) from None
    return query(uow, period, f)


# --- the manager's dashboard -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Dashboard:
    today: dt.date
    net_today: int
    receipts_today: int
    net_last_week: int  # the same weekday a week ago, up to the same time of day
    receipts_last_week: int
    net_last_week_day: int  # that whole day
    by_hour: Series  # today
    by_hour_last_week: Series
    top_regions: tuple[tuple[str, int], ...]
    low_stock: int
    expiring: int  # lots with stock expiring within ``expiring_days``
    expired: int
    sync_pending: int
    sync_rejected: int


def dashboard(
    uow: UnitOfWork,
    *,
    now: dt.datetime | None = None,
    register_id: str | None = None,
    expiring_days: int = 3,
) -> Dashboard:
    """Today so far against the same weekday last week (up to the same time), sales by hour,
    top regions, low-stock and expiring counts, and the sync queue."""
    from posapp.sync.outbox import counts

    conn = uow.conn
    now = now or dt.datetime.now(dt.UTC)
    local = calendar.to_local(now)
    today = local.date()
    week_ago = today - dt.timedelta(days=7)
    s = Sale.__table__
    hour = local_hour(conn)

    def day_hours(day: dt.date) -> dict[int, tuple[int, int]]:
        q = (
            select(
                hour, func.count().filter(s.c.kind == "sale"), func.coalesce(func.sum(s.c.total), 0)
            )
            .where(s.c.business_date == day)
            .group_by(hour)
        )
        return {int(h): (int(c), int(n)) for h, c, n in conn.execute(q)}

    t_hours = day_hours(today)
    w_hours = day_hours(week_ago)
    cut = now - dt.timedelta(days=7)
    w_so_far = conn.execute(
        select(
            func.count().filter(s.c.kind == "sale"), func.coalesce(func.sum(s.c.total), 0)
        ).where(s.c.business_date == week_ago, s.c.created_at <= cut)
    ).one()
    span = range(min([8, *t_hours, *w_hours]), max([21, *t_hours, *w_hours]) + 1)

    def series(name: str, got: dict[int, tuple[int, int]]) -> Series:
        return Series(name, tuple((f"{h:02d}", got.get(h, (0, 0))[1]) for h in span), "bar")

    line, prod, reg = SaleLine.__table__, Product.__table__, Region.__table__
    top = tuple(
        (name or "(미지정)", int(n))
        for name, n in conn.execute(
            select(reg.c.name, func.sum(line.c.net))
            .select_from(
                line.join(s, s.c.id == line.c.sale_id)
                .join(prod, prod.c.id == line.c.product_id)
                .outerjoin(reg, reg.c.id == prod.c.region_id)
            )
            .where(s.c.business_date == today)
            .group_by(reg.c.name)
            .order_by(func.sum(line.c.net).desc())
            .limit(5)
        )
    )
    sl = StockLevel.__table__
    low = conn.execute(
        select(func.count())
        .select_from(sl.join(prod, prod.c.id == sl.c.product_id))
        .where(
            prod.c.active.is_(True), prod.c.reorder_point > 0, sl.c.on_hand <= prod.c.reorder_point
        )
    ).scalar_one()
    lot = Lot.__table__
    exp = conn.execute(
        select(
            func.count().filter(lot.c.expiry_date >= today),
            func.count().filter(lot.c.expiry_date < today),
        ).where(
            lot.c.qty_on_hand > 0, lot.c.expiry_date <= today + dt.timedelta(days=expiring_days)
        )
    ).one()
    oc = counts(uow, register_id) if register_id else None
    return Dashboard(
        today=today,
        net_today=sum(n for _, n in t_hours.values()),
        receipts_today=sum(c for c, _ in t_hours.values()),
        net_last_week=int(w_so_far[1]),
        receipts_last_week=int(w_so_far[0]),
        net_last_week_day=sum(n for _, n in w_hours.values()),
        by_hour=series("오늘", t_hours),
        by_hour_last_week=series("지난주 같은 요일", w_hours),
        top_regions=top,
        low_stock=int(low),
        expiring=int(exp[0] or 0),
        expired=int(exp[1] or 0),
        sync_pending=oc.pending if oc else 0,
        sync_rejected=oc.rejected if oc else 0,
    )


@dataclass(frozen=True, slots=True)
class FilterOptions:
    """What the filter pickers offer: (id, name) of regions, producers, categories, cashiers."""

    regions: tuple[tuple[int, str], ...]
    producers: tuple[tuple[int, str], ...]
    categories: tuple[tuple[int, str], ...]
    cashiers: tuple[tuple[int, str], ...]


def filter_options(uow: UnitOfWork) -> FilterOptions:
    from posapp.db.models import Base, Category, Producer, User

    def pairs(model: type[Base]) -> tuple[tuple[int, str], ...]:
        t = model.__table__
        return tuple(
            (int(i), str(n))
            for i, n in uow.conn.execute(select(t.c.id, t.c.name).order_by(t.c.name))
        )

    return FilterOptions(pairs(Region), pairs(Producer), pairs(Category), pairs(User))
