"""The sales rollup: line measures per product and closed business day (and whole month),
and the reads that combine it with live sales so every figure stays exact.

Owns ``report_sales_rollup`` / ``report_rollup_state``. Sales are never edited (a correction is
a new document dated when it happened), so a closed day's sums do not change; the one way they
could is a sale that reaches the database late (a till that was offline): every sale with an id
above the rollup's watermark is therefore read live, and the next :func:`refresh` folds its day
back in. :func:`line_groups` is the one entry point the reports use:

    rollup rows for [start, built_through] (months where whole, days at the edges)
  + live lines of days after built_through, and of sales newer than the watermark.

Filters by till or cashier are not in the rollup: those reports read lines live.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, func, insert, or_, select

from posapp.db.engine import Database, UnitOfWork
from posapp.db.models import Lot, ReportRollupState, ReportSalesRollup, StockMovement, utcnow
from posapp.domain import calendar as store_calendar
from posapp.reports.base import L, P, S, as_date, line_measures, product_filters, sale_filters
from posapp.reports.model import Filters, Period

log = logging.getLogger(__name__)

R = ReportSalesRollup.__table__
ST = ReportRollupState.__table__
M = StockMovement.__table__
LOT = Lot.__table__
#: measures, in order: qty sold, qty returned, gross, discounts, refunds, net, lines, cost, uncosted
MEASURE_COLUMNS = (
    "qty_sold",
    "qty_returned",
    "gross",
    "discounts",
    "refunds",
    "net",
    "lines",
    "cost",
    "uncosted",
)
N_MEASURES = len(MEASURE_COLUMNS)

KEYS_LIVE = {
    "product": L.c.product_id,
    "category": P.c.category_id,
    "region": P.c.region_id,
    "producer": P.c.producer_id,
    "day": S.c.business_date,
}


@dataclass(frozen=True, slots=True)
class RollupState:
    built_through: dt.date | None
    max_sale_id: int


def state(uow: UnitOfWork) -> RollupState:
    row = uow.conn.execute(select(ST.c.built_through, ST.c.max_sale_id).where(ST.c.id == 1)).first()
    if row is None:
        return RollupState(None, 0)
    return RollupState(_date(row[0]), int(row[1] or 0))


def _date(v: Any) -> dt.date | None:
    if v is None or isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v)[:10])


# --- live reads --------------------------------------------------------------------------------


def _cost_measures() -> list[Any]:
    costed = LOT.c.unit_cost.is_not(None)
    return [
        func.coalesce(-func.sum(M.c.qty * LOT.c.unit_cost).filter(costed), 0),
        func.coalesce(-func.sum(M.c.qty).filter(or_(LOT.c.id.is_(None), ~costed)), 0),
    ]


def _live(
    uow: UnitOfWork,
    conds: Sequence[ColumnElement[bool]],
    f: Filters,
    keys: Sequence[str],
    with_cost: bool,
) -> dict[tuple[Any, ...], list[int]]:
    cols = [KEYS_LIVE[k] for k in keys]
    q = (
        select(*cols, *line_measures())
        .select_from(L.join(S, S.c.id == L.c.sale_id).join(P, P.c.id == L.c.product_id))
        .where(*conds, *sale_filters(f), *product_filters(f))
    )
    if cols:
        q = q.group_by(*cols)
    out: dict[tuple[Any, ...], list[int]] = {}
    for r in uow.conn.execute(q):
        key = tuple(_norm(k, v) for k, v in zip(keys, r[: len(keys)], strict=True))
        out[key] = [int(v or 0) for v in r[len(keys) :]] + [0, 0]
    if with_cost:
        mcols = [M.c.product_id if k == "product" else KEYS_LIVE[k] for k in keys]
        # driven from the sales of the period (an index on sales, then on the movements'
        # document), never a scan of the whole ledger
        docs = select(S.c.uuid).where(*conds, *sale_filters(f))
        src = M.join(P, P.c.id == M.c.product_id).outerjoin(LOT, LOT.c.id == M.c.lot_id)
        if "day" in keys:
            src = src.join(S, S.c.uuid == M.c.doc_uuid)
        q = (
            select(*mcols, *_cost_measures())
            .select_from(src)
            .where(
                M.c.doc_uuid.in_(docs),
                M.c.kind.in_(("sale", "return")),
                *product_filters(f),
            )
        )
        if mcols:
            q = q.group_by(*mcols)
        for r in uow.conn.execute(q):
            key = tuple(_norm(k, v) for k, v in zip(keys, r[: len(keys)], strict=True))
            acc = out.setdefault(key, [0] * N_MEASURES)
            acc[7] += int(r[-2] or 0)
            acc[8] += int(r[-1] or 0)
    return out


def _norm(key: str, v: Any) -> Any:
    return _date(v) if key == "day" else v


# --- rollup reads ------------------------------------------------------------------------------


def _month_end(d: dt.date) -> dt.date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def _split(start: dt.date, end: dt.date) -> tuple[list[dt.date], list[tuple[dt.date, dt.date]]]:
    """Whole months within [start, end] (their first days) and the day ranges left over."""
    months: list[dt.date] = []
    ranges: list[tuple[dt.date, dt.date]] = []
    d = start
    while d <= end:
        m_end = _month_end(d)
        if d.day == 1 and m_end <= end:
            months.append(d)
        else:
            ranges.append((d, min(m_end, end)))
        d = m_end + dt.timedelta(days=1)
    return months, ranges


def _rolled(
    uow: UnitOfWork, start: dt.date, end: dt.date, f: Filters, keys: Sequence[str]
) -> dict[tuple[Any, ...], list[int]]:
    months, ranges = _split(start, end)
    where = []
    if months:
        where.append(and_(R.c.grain == "m", R.c.day.in_(months)))
    for a, b in ranges:
        where.append(and_(R.c.grain == "d", R.c.day.between(a, b)))
    if "day" in keys:  # by day: the day rows only
        where = [and_(R.c.grain == "d", R.c.day.between(start, end))]
    key_cols = {
        "product": R.c.product_id,
        "category": P.c.category_id,
        "region": P.c.region_id,
        "producer": P.c.producer_id,
        "day": R.c.day,
    }
    cols = [key_cols[k] for k in keys]
    measures = [func.sum(R.c[c]) for c in MEASURE_COLUMNS]
    need_products = f.on_products or any(k in ("category", "region", "producer") for k in keys)
    src = R.join(P, P.c.id == R.c.product_id) if need_products else R
    q = select(*cols, *measures).select_from(src).where(or_(*where), *product_filters(f))
    if cols:
        q = q.group_by(*cols)
    out: dict[tuple[Any, ...], list[int]] = {}
    for r in uow.conn.execute(q):
        key = tuple(_norm(k, v) for k, v in zip(keys, r[: len(keys)], strict=True))
        out[key] = [int(v or 0) for v in r[len(keys) :]]
    return out


def _add(into: dict[tuple[Any, ...], list[int]], more: dict[tuple[Any, ...], list[int]]) -> None:
    for k, v in more.items():
        acc = into.get(k)
        if acc is None:
            into[k] = list(v)
        else:
            for i, x in enumerate(v):
                acc[i] += x


def line_groups(
    uow: UnitOfWork,
    period: Period,
    f: Filters,
    keys: Sequence[str],
    *,
    with_cost: bool = False,
) -> dict[tuple[Any, ...], list[int]]:
    """Line measures of the period grouped by ``keys`` (product, category, region, producer,
    day): {key tuple: [qty sold, qty returned, gross, discounts, refunds, net, lines, cost,
    uncosted]} — cost and uncosted only ``with_cost``. Exact whatever the rollup's state."""
    st = state(uow)
    bt = st.built_through
    if f.register_id is not None or f.user_id is not None or bt is None or bt < period.start:
        return _live(uow, [S.c.business_date.between(period.start, period.end)], f, keys, with_cost)
    bt = min(bt, period.end)
    out = _rolled(uow, period.start, bt, f, keys)
    # sales the rollup has not seen: newer than its watermark, on days it covers (found by the
    # primary key first: usually none, or only today's)
    newer = uow.conn.execute(select(S.c.business_date).where(S.c.id > st.max_sale_id))
    late = sorted({d for (v,) in newer if period.start <= (d := as_date(v)) <= bt})
    if late:
        conds = [S.c.id > st.max_sale_id, S.c.business_date.in_(late)]
        _add(out, _live(uow, conds, f, keys, with_cost))
    if bt < period.end:
        after = [S.c.business_date.between(bt + dt.timedelta(days=1), period.end)]
        _add(out, _live(uow, after, f, keys, with_cost))
    return {k: v for k, v in out.items() if any(v)}


# --- building ---------------------------------------------------------------------------------


def _day_rows(
    uow: UnitOfWork, days: Iterable[tuple[dt.date, dt.date]], max_id: int
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for a, b in days:
        conds = [S.c.business_date.between(a, b), S.c.id <= max_id]
        got = _live(uow, conds, Filters(), ["day", "product"], with_cost=True)
        for (day, pid), v in got.items():
            measures = dict(zip(MEASURE_COLUMNS, v, strict=True))
            rows.append({"grain": "d", "day": day, "product_id": pid, **measures})
    return rows


def _ranges(days: Sequence[dt.date]) -> list[tuple[dt.date, dt.date]]:
    out: list[tuple[dt.date, dt.date]] = []
    for d in sorted(days):
        if out and out[-1][1] + dt.timedelta(days=1) == d:
            out[-1] = (out[-1][0], d)
        else:
            out.append((d, d))
    return out


@dataclass(frozen=True, slots=True)
class RefreshResult:
    days_built: int
    rows: int
    built_through: dt.date | None
    max_sale_id: int
    more: bool  # closed days are left for the next call


def refresh(uow: UnitOfWork, *, now: dt.datetime | None = None, max_days: int = 7) -> RefreshResult:
    """Fold up to ``max_days`` closed business days (up to yesterday in the store's zone) into the
    rollup, first rebuilding any rolled-up day a late sale has reached since. Cheap when nothing
    is new. Call it in its own short transaction while ``more`` (see :func:`refresh_all`): a
    long one would hold SQLite's write lock against the tills."""
    conn = uow.conn
    today = store_calendar.business_day(now or utcnow())
    through = today - dt.timedelta(days=1)
    st = state(uow)
    max_id = int(conn.execute(select(func.coalesce(func.max(S.c.id), 0))).scalar_one())
    dirty: set[dt.date] = set()
    if st.built_through is not None and max_id > st.max_sale_id:
        newer = conn.execute(select(S.c.business_date).where(S.c.id > st.max_sale_id))
        dirty = {d for (v,) in newer if (d := as_date(v)) <= st.built_through}
    first = (
        st.built_through + dt.timedelta(days=1)
        if st.built_through is not None
        else _date(conn.execute(select(func.min(S.c.business_date))).scalar())
    )
    pending: list[dt.date] = []
    if first is not None and first <= through:
        pending = [first + dt.timedelta(days=i) for i in range((through - first).days + 1)]
    new_days = pending[: max(1, max_days - len(dirty))] if pending else []
    if new_days:
        new_through: dt.date | None = new_days[-1]
    elif st.built_through is not None:
        new_through = st.built_through
    else:
        new_through = through if first is None else None
    if not dirty and not new_days and st.built_through == new_through:
        if max_id != st.max_sale_id:
            conn.execute(ST.update().where(ST.c.id == 1).values(max_sale_id=max_id))
        return RefreshResult(0, 0, st.built_through, max_id, False)
    days = sorted(dirty | set(new_days))
    conn.execute(delete(R).where(R.c.grain == "d", R.c.day.in_(days)))
    rows = _day_rows(uow, _ranges(days), max_id)
    if rows:
        conn.execute(insert(R), rows)
    n_rows = len(rows)
    for m in sorted({d.replace(day=1) for d in days}):
        if new_through is None or _month_end(m) > new_through:
            continue  # a month is summed only once all its days are in
        n_rows += _month_rows(uow, m)
    values = {"built_through": new_through, "max_sale_id": max_id, "built_at": utcnow()}
    if conn.execute(select(ST.c.id).where(ST.c.id == 1)).first() is None:
        conn.execute(insert(ST).values(id=1, **values))
    else:
        conn.execute(ST.update().where(ST.c.id == 1).values(**values))
    more = len(pending) > len(new_days)
    log.info("report rollup: %d day(s), %d row(s), through %s", len(days), n_rows, new_through)
    return RefreshResult(len(days), n_rows, new_through, max_id, more)


def _month_rows(uow: UnitOfWork, m: dt.date) -> int:
    conn = uow.conn
    conn.execute(delete(R).where(R.c.grain == "m", R.c.day == m))
    sums = [func.sum(R.c[c]) for c in MEASURE_COLUMNS]
    q = (
        select(R.c.product_id, *sums)
        .where(R.c.grain == "d", R.c.day.between(m, _month_end(m)))
        .group_by(R.c.product_id)
    )
    rows = [
        {
            "grain": "m",
            "day": m,
            "product_id": r[0],
            **{c: int(v or 0) for c, v in zip(MEASURE_COLUMNS, r[1:], strict=True)},
        }
        for r in conn.execute(q)
    ]
    if rows:
        conn.execute(insert(R), rows)
    return len(rows)


def refresh_all(db: Database, *, now: dt.datetime | None = None) -> int:
    """Bring the rollup up to yesterday in short transactions; returns the days built."""
    built = 0
    while True:
        done = db.transact(lambda uow: refresh(uow, now=now))
        built += done.days_built
        if not done.more:
            return built
