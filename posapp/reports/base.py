"""Shared pieces of the report queries: the tables, the period and filter conditions, the line
measures, the store's day and hour (:mod:`posapp.domain.calendar`).

Owns the conventions every report query follows: a period is business days (``sales.business_date``,
the store's day of completion), instants are stored as naive UTC, amounts are VAT-inclusive KRW.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, Connection, Integer, Select, func, literal, select

from posapp.db.models import Payment, Product, Sale, SaleLine
from posapp.domain import calendar
from posapp.reports.model import Column, Filters, Period

S = Sale.__table__
L = SaleLine.__table__
P = Product.__table__
PAY = Payment.__table__

METHOD_KO = {
    "cash": "현금",
    "card": "카드",
    "card_manual": "카드(수기)",
    "voucher": "상품권",
    "transfer": "계좌이체",
}
UNIT_KO = {"ea": "개", "kg": "g", "100g": "g"}
NONE_KO = "(미지정)"


def utc_bounds(period: Period) -> tuple[dt.datetime, dt.datetime]:
    """The UTC instants where the period's first store day starts and the day after it ends."""
    lo = calendar.day_start(period.start)
    hi = dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time(), calendar.store_zone())
    return lo, hi.astimezone(dt.UTC)


MONEY_COLUMNS = (
    Column("gross", "총매출", "krw"),
    Column("discounts", "할인", "krw"),
    Column("refunds", "환불", "krw"),
    Column("net", "순매출", "krw"),
)


def sale_filters(f: Filters) -> list[ColumnElement[bool]]:
    out: list[ColumnElement[bool]] = []
    if f.register_id is not None:
        out.append(S.c.register_id == f.register_id)
    if f.user_id is not None:
        out.append(S.c.user_id == f.user_id)
    return out


def product_filters(f: Filters) -> list[ColumnElement[bool]]:
    out: list[ColumnElement[bool]] = []
    if f.region_id is not None:
        out.append(P.c.region_id == f.region_id)
    if f.producer_id is not None:
        out.append(P.c.producer_id == f.producer_id)
    if f.category_id is not None:
        out.append(P.c.category_id == f.category_id)
    return out


def in_period(period: Period) -> ColumnElement[bool]:
    return S.c.business_date.between(period.start, period.end)


def line_measures() -> list[Any]:
    """qty sold, qty returned, gross, discounts (of sales), refunds (net, negative), net, lines."""
    sale = S.c.kind == "sale"
    refund = S.c.kind == "refund"
    return [
        func.coalesce(func.sum(L.c.qty).filter(sale), 0),
        func.coalesce(-func.sum(L.c.qty).filter(refund), 0),
        func.coalesce(func.sum(L.c.gross).filter(sale), 0),
        func.coalesce(func.sum(L.c.line_discount + L.c.ticket_discount).filter(sale), 0),
        func.coalesce(func.sum(L.c.net).filter(refund), 0),
        func.coalesce(func.sum(L.c.net), 0),
        func.count().filter(sale),
    ]


def lines_query(period: Period, f: Filters, keys: list[Any]) -> Select[Any]:
    """Line measures grouped by ``keys`` (columns of sales / sale_lines / products)."""
    q = (
        select(*keys, *line_measures())
        .select_from(L.join(S, S.c.id == L.c.sale_id).join(P, P.c.id == L.c.product_id))
        .where(in_period(period), *sale_filters(f), *product_filters(f))
    )
    return q.group_by(*keys) if keys else q


def ints(row: Any, start: int = 0) -> tuple[int, ...]:
    return tuple(int(v or 0) for v in tuple(row)[start:])


def as_date(v: Any) -> dt.date:
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v)[:10])


def local_hour(conn: Connection) -> ColumnElement[int]:
    """The store-clock hour of ``sales.created_at`` (stored as naive UTC), at the store zone's
    offset now (exact for a zone without daylight saving, such as Asia/Seoul's)."""
    if conn.dialect.name == "postgresql":
        return func.cast(
            func.extract("hour", S.c.created_at + literal(calendar.utc_offset())), Integer()
        )
    return func.cast(
        func.strftime(
            "%H", S.c.created_at, f"{calendar.utc_offset() // dt.timedelta(minutes=1):+d} minutes"
        ),
        Integer(),
    )
