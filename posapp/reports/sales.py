"""Sales reports over a period: by day / week / month, hour, category, region, producer,
product (top and bottom), tender, cashier, refunds and discounts.

Owns the sales queries. A sale belongs to its business day (``sales.business_date``, the store's
calendar day of the moment it was completed, :mod:`posapp.domain.calendar`; instants are stored in
UTC): in Seoul a sale at 23:30 on day D is day D although it is 14:30 UTC. A refund is its own
document dated when it happened, so a refund counts in the period it was given, never in the period
of the sale it undoes. Amounts are VAT-inclusive KRW; ``net`` is gross − discounts (refund lines
carry negative amounts).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import func, select

from posapp.db.engine import UnitOfWork
from posapp.db.models import Category, Producer, Region, User
from posapp.domain.tax import split_vat
from posapp.reports import vat
from posapp.reports.base import (
    METHOD_KO,
    MONEY_COLUMNS,
    NONE_KO,
    PAY,
    UNIT_KO,
    L,
    P,
    S,
    as_date,
    in_period,
    ints,
    lines_query,
    local_hour,
    product_filters,
    sale_filters,
)
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

# --- by day / week / month -------------------------------------------------------------------


def _bucket(day: dt.date, by: str) -> dt.date:
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    return day


def daily(uow: UnitOfWork, period: Period, f: Filters = NO_FILTERS, *, by: str = "day") -> Report:
    """Sales per business day (``by`` day, week starting Monday, or month).

    Without product filters the figures come from the receipts (with VAT split); with a region
    / producer / category filter they are the sums of the matching lines (taxable and exempt
    net, no per-receipt VAT split)."""
    if by not in ("day", "week", "month"):
        raise ReportError(f"group by day, week or month, not {by!r}", code=ReportErrorCode.GROUP)
    conn = uow.conn
    sums: dict[dt.date, list[int]] = defaultdict(lambda: [0] * 10)
    if not f.on_products:
        sale = S.c.kind == "sale"
        q = (
            select(
                S.c.business_date,
                func.count().filter(sale),
                func.count().filter(S.c.kind == "refund"),
                func.coalesce(func.sum(S.c.gross_total).filter(sale), 0),
                func.coalesce(
                    func.sum(S.c.line_discount_total + S.c.ticket_discount_total).filter(sale), 0
                ),
                func.coalesce(func.sum(S.c.total).filter(S.c.kind == "refund"), 0),
                func.coalesce(func.sum(S.c.total), 0),
                func.coalesce(func.sum(S.c.taxable_total), 0),
                func.coalesce(func.sum(S.c.exempt_total), 0),
                func.coalesce(func.sum(S.c.supply_value), 0),
                func.coalesce(func.sum(S.c.vat), 0),
            )
            .where(in_period(period), *sale_filters(f))
            .group_by(S.c.business_date)
        )
        for row in conn.execute(q):
            acc = sums[_bucket(as_date(row[0]), by)]
            for i, v in enumerate(ints(row, 1)):
                acc[i] += v
        notes: tuple[str, ...] = ()
    else:
        taxable = L.c.tax_class == "taxable"
        q = (
            select(
                S.c.business_date,
                func.count(func.distinct(S.c.id)).filter(S.c.kind == "sale"),
                func.count(func.distinct(S.c.id)).filter(S.c.kind == "refund"),
                func.coalesce(func.sum(L.c.gross).filter(S.c.kind == "sale"), 0),
                func.coalesce(
                    func.sum(L.c.line_discount + L.c.ticket_discount).filter(S.c.kind == "sale"),
                    0,
                ),
                func.coalesce(func.sum(L.c.net).filter(S.c.kind == "refund"), 0),
                func.coalesce(func.sum(L.c.net), 0),
                func.coalesce(func.sum(L.c.net).filter(taxable), 0),
                func.coalesce(func.sum(L.c.net).filter(~taxable), 0),
            )
            .select_from(L.join(S, S.c.id == L.c.sale_id).join(P, P.c.id == L.c.product_id))
            .where(in_period(period), *sale_filters(f), *product_filters(f))
            .group_by(S.c.business_date)
        )
        for row in conn.execute(q):
            acc = sums[_bucket(as_date(row[0]), by)]
            for i, v in enumerate(ints(row, 1)):
                acc[i] += v
        for acc in sums.values():  # the lines' taxable sum split once (no receipts to sum)
            split = split_vat(acc[6], acc[7])
            acc[8], acc[9] = split.supply_value, split.vat
        notes = (
            "상품 조건이 있어 공급가액·부가세는 과세매출 합계를 한 번에 나눈 값입니다 "
            "(영수증별로 나눈 합과 몇 원 다를 수 있습니다).",
        )
    columns = (
        Column("day", {"day": "영업일", "week": "주(월요일)", "month": "월"}[by], "date"),
        Column("receipts", "판매건수", "int"),
        Column("refund_count", "환불건수", "int"),
        *MONEY_COLUMNS,
        Column("taxable", "과세매출", "krw"),
        Column("exempt", "면세매출", "krw"),
        Column("supply", "과세 공급가액", "krw"),
        Column("vat", "부가세", "krw"),
    )
    keys = sorted(sums)
    rows: tuple[ReportRow, ...] = tuple(
        (k.isoformat()[: 7 if by == "month" else 10], *sums[k]) for k in keys
    )
    totals = ("합계", *(sum(r[i] for r in rows) for i in range(1, len(columns))))
    title = {"day": "일별 매출", "week": "주별 매출", "month": "월별 매출"}[by]
    chart = Series("순매출", tuple((r[0], r[6]) for r in rows), "line" if len(rows) > 12 else "bar")
    name = {"day": "daily", "week": "weekly", "month": "monthly"}[by]
    return Report(name, title, period, f, columns, rows, totals, chart, notes)


# --- by hour of the day ----------------------------------------------------------------------


def hourly(uow: UnitOfWork, period: Period, f: Filters = NO_FILTERS) -> Report:
    """Receipts and net sales by hour of the day (store zone), over every day of the period."""
    conn = uow.conn
    hour = local_hour(conn).label("hour")
    if f.on_products:
        q = (
            select(
                hour,
                func.count(func.distinct(S.c.id)).filter(S.c.kind == "sale"),
                func.coalesce(func.sum(L.c.net), 0),
            )
            .select_from(L.join(S, S.c.id == L.c.sale_id).join(P, P.c.id == L.c.product_id))
            .where(in_period(period), *sale_filters(f), *product_filters(f))
        )
    else:
        q = select(
            hour, func.count().filter(S.c.kind == "sale"), func.coalesce(func.sum(S.c.total), 0)
        ).where(in_period(period), *sale_filters(f))
    got = {int(h): (int(c), int(n)) for h, c, n in conn.execute(q.group_by(hour))}
    rows = []
    for h in range(24):
        c, n = got.get(h, (0, 0))
        if c or n or 8 <= h <= 21:
            rows.append((f"{h:02d}시", c, n, n // c if c else 0))
    columns = (
        Column("hour", "시간대"),
        Column("receipts", "판매건수", "int"),
        Column("net", "순매출", "krw"),
        Column("average", "객단가", "krw"),
    )
    totals_c = sum(r[1] for r in rows)
    totals_n = sum(r[2] for r in rows)
    totals = ("합계", totals_c, totals_n, totals_n // totals_c if totals_c else 0)
    chart = Series("순매출", tuple((r[0], r[2]) for r in rows), "bar")
    return Report("hourly", "시간대별 매출", period, f, columns, tuple(rows), totals, chart)


# --- grouped by a product attribute ---------------------------------------------------------

GROUP_COLUMNS = (
    Column("lines", "판매행", "int"),
    *MONEY_COLUMNS,
    Column("share", "비중(%)", "pct"),
)


_GROUPS = {
    "category": ("분류별 매출", Category.__table__, "분류"),
    "region": ("지역별 매출", Region.__table__, "지역"),
    "producer": ("생산자별 매출", Producer.__table__, "생산자"),
}


def _grouped(uow: UnitOfWork, period: Period, f: Filters, name: str) -> Report:
    title, label_table, key_title = _GROUPS[name]
    conn = uow.conn
    got = {k[0]: v[:7] for k, v in line_groups(uow, period, f, [name]).items()}
    labels = dict(conn.execute(select(label_table.c.id, label_table.c.name)).all()) if got else {}
    total_net = sum(v[5] for v in got.values())
    rows: list[ReportRow] = []
    for k, (_qs, _qr, gross, disc, refunds, net, lines) in got.items():
        label = labels.get(k, NONE_KO) if k is not None else NONE_KO
        rows.append((label, lines, gross, disc, refunds, net, _pct(net, total_net)))
    rows.sort(key=lambda r: (-r[5], r[0]))
    columns = (Column("name", key_title), *GROUP_COLUMNS)
    totals = ("합계", *(sum(r[i] for r in rows) for i in range(1, 6)), 100.0 if rows else 0.0)
    chart = Series("순매출", tuple((r[0], r[5]) for r in rows[:12]), "bar")
    return Report(name, title, period, f, columns, tuple(rows), totals, chart)


def _pct(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 0.0


def by_category(uow: UnitOfWork, period: Period, f: Filters = NO_FILTERS) -> Report:
    return _grouped(uow, period, f, "category")


def by_region(uow: UnitOfWork, period: Period, f: Filters = NO_FILTERS) -> Report:
    return _grouped(uow, period, f, "region")


def by_producer(uow: UnitOfWork, period: Period, f: Filters = NO_FILTERS) -> Report:
    return _grouped(uow, period, f, "producer")


def by_product(
    uow: UnitOfWork,
    period: Period,
    f: Filters = NO_FILTERS,
    *,
    order: str = "top",
    limit: int = 50,
) -> Report:
    """Best (``order="top"``) or worst (``"bottom"``) sellers by net sales, among products with
    at least one line in the period (products that sold nothing: see the slow-movers report)."""
    if order not in ("top", "bottom"):
        raise ReportError(f"order is top or bottom, not {order!r}", code=ReportErrorCode.ORDER)
    conn = uow.conn
    got = [(k[0], v[:7]) for k, v in line_groups(uow, period, f, ["product"]).items()]
    total_net = sum(v[5] for _, v in got)
    got.sort(key=lambda kv: (kv[1][5], kv[0]), reverse=order == "top")
    got = got[:limit]
    ids = [k for k, _ in got]
    info: dict[int, tuple[str, str]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for pid, name, unit in conn.execute(
            select(P.c.id, P.c.name_ko, P.c.unit).where(P.c.id.in_(chunk))
        ):
            info[pid] = (name, unit)
    rows: list[ReportRow] = []
    for rank, (pid, (qs, qr, gross, disc, refunds, net, _lines)) in enumerate(got, start=1):
        name, unit = info.get(pid, (str(pid), "ea"))
        rows.append(
            (
                rank,
                name,
                UNIT_KO.get(unit, unit),
                qs,
                qr,
                gross,
                disc,
                refunds,
                net,
                _pct(net, total_net),
            )
        )
    columns = (
        Column("rank", "순위", "int"),
        Column("name", "상품"),
        Column("unit", "단위"),
        Column("qty", "판매수량", "qty"),
        Column("returned", "반품수량", "qty"),
        *MONEY_COLUMNS,
        Column("share", "비중(%)", "pct"),
    )
    totals = (
        "",
        "합계",
        "",
        *(None, None),
        *(sum(r[i] for r in rows) for i in range(5, 9)),
        round(sum(r[9] for r in rows), 1),
    )
    title = "상품별 매출 상위" if order == "top" else "상품별 매출 하위"
    chart = Series("순매출", tuple((r[1], r[8]) for r in rows[:12]), "bar")
    return Report("product", title, period, f, columns, tuple(rows), totals, chart)


# --- tenders and cashiers --------------------------------------------------------------------


def by_tender(uow: UnitOfWork, period: Period, f: Filters = NO_FILTERS) -> Report:
    """Payments by method: counts and amounts of sales and of refunds (refunds negative)."""
    if f.on_products:
        raise ReportError(
            "payments are per receipt, not per product: drop the product filter",
            code=ReportErrorCode.FILTER,
        )
    sale = S.c.kind == "sale"
    q = (
        select(
            PAY.c.method,
            func.count().filter(sale),
            func.coalesce(func.sum(PAY.c.amount).filter(sale), 0),
            func.count().filter(~sale),
            func.coalesce(func.sum(PAY.c.amount).filter(~sale), 0),
        )
        .select_from(PAY.join(S, S.c.id == PAY.c.sale_id))
        .where(in_period(period), *sale_filters(f))
        .group_by(PAY.c.method)
    )
    fig = vat.vat_figures(uow, period, f)
    rows: list[ReportRow] = []
    for r in uow.conn.execute(q):
        m, counts = r[0], ints(r, 1)
        s = fig.by_method.get(m) or vat.Sums()
        rows.append(
            (METHOD_KO.get(m, m), *counts, counts[1] + counts[3], s.supply, s.vat, s.exempt)
        )
    rows.sort(key=lambda r: -r[5])
    columns = (
        Column("method", "결제수단"),
        Column("count", "결제건수", "int"),
        Column("amount", "결제금액", "krw"),
        Column("refund_count", "환불건수", "int"),
        Column("refunds", "환불금액", "krw"),
        Column("net", "순결제", "krw"),
        Column("supply", "과세 공급가액", "krw"),
        Column("vat", "부가세", "krw"),
        Column("exempt", "면세", "krw"),
    )
    totals = ("합계", *(sum(r[i] for r in rows) for i in range(1, 9)))
    chart = Series("순결제", tuple((r[0], r[5]) for r in rows), "pie")
    evidence = tuple(
        (label, s.total, s.supply, s.vat, s.exempt)
        for key, label in vat.EVIDENCE_ROWS
        if (s := fig.row(key)).count
    )
    section = ("증빙별 (부가세 신고)", EVIDENCE_COLUMNS, evidence)
    return Report(
        "tender",
        "결제수단별 매출",
        period,
        f,
        columns,
        tuple(rows),
        totals,
        chart,
        ("공급가액·부가세·면세는 영수증의 과세/면세 나눔을 결제수단별로 비례 배분한 값입니다.",),
        (section,),
    )


EVIDENCE_COLUMNS = (
    Column("evidence", "증빙"),
    Column("total", "합계", "krw"),
    Column("supply", "과세 공급가액", "krw"),
    Column("vat", "부가세", "krw"),
    Column("exempt", "면세", "krw"),
)


def by_cashier(uow: UnitOfWork, period: Period, f: Filters = NO_FILTERS) -> Report:
    if f.on_products:
        raise ReportError(
            "cashier figures are per receipt: drop the product filter", code=ReportErrorCode.FILTER
        )
    sale = S.c.kind == "sale"
    q = (
        select(
            S.c.user_id,
            func.count().filter(sale),
            func.count().filter(~sale),
            func.coalesce(func.sum(S.c.total).filter(sale), 0),
            func.coalesce(func.sum(S.c.total).filter(~sale), 0),
            func.coalesce(
                func.sum(S.c.line_discount_total + S.c.ticket_discount_total).filter(sale), 0
            ),
        )
        .where(in_period(period), *sale_filters(f))
        .group_by(S.c.user_id)
    )
    got = list(uow.conn.execute(q))
    names = dict(uow.conn.execute(select(User.id, User.name)).all()) if got else {}
    rows: list[ReportRow] = []
    for r in got:
        uid, n_sales, n_refunds, sales, refunds, disc = r[0], *ints(r, 1)
        rows.append(
            (
                names.get(uid, str(uid)),
                n_sales,
                n_refunds,
                disc,
                refunds,
                sales + refunds,
                sales // n_sales if n_sales else 0,
            )
        )
    rows.sort(key=lambda r: -r[5])
    columns = (
        Column("cashier", "계산원"),
        Column("receipts", "판매건수", "int"),
        Column("refund_count", "환불건수", "int"),
        Column("discounts", "할인", "krw"),
        Column("refunds", "환불", "krw"),
        Column("net", "순매출", "krw"),
        Column("average", "객단가", "krw"),
    )
    n = sum(r[1] for r in rows)
    totals = (
        "합계",
        n,
        *(sum(r[i] for r in rows) for i in range(2, 6)),
        (sum(r[5] for r in rows) - sum(r[4] for r in rows)) // n if n else 0,
    )
    chart = Series("순매출", tuple((r[0], r[5]) for r in rows), "bar")
    return Report("cashier", "계산원별 매출", period, f, columns, tuple(rows), totals, chart)


# --- refunds and discounts -------------------------------------------------------------------


def refunds(uow: UnitOfWork, period: Period, f: Filters = NO_FILTERS) -> Report:
    """Every refund given in the period, with the sale it undid (which may be older)."""
    orig = S.alias("orig")
    approver = User.__table__.alias("approver")
    cashier = User.__table__.alias("cashier")
    conds = [in_period(period), S.c.kind == "refund", *sale_filters(f)]
    if f.on_products:
        conds.append(
            S.c.id.in_(
                select(L.c.sale_id).join(P, P.c.id == L.c.product_id).where(*product_filters(f))
            )
        )
    q = (
        select(
            S.c.business_date,
            S.c.receipt_no,
            orig.c.receipt_no,
            orig.c.business_date,
            cashier.c.name,
            approver.c.name,
            S.c.total,
            S.c.reason,
        )
        .select_from(
            S.outerjoin(orig, orig.c.id == S.c.original_sale_id)
            .outerjoin(cashier, cashier.c.id == S.c.user_id)
            .outerjoin(approver, approver.c.id == S.c.approved_by)
        )
        .where(*conds)
        .order_by(S.c.created_at, S.c.id)
    )
    rows = tuple(
        (
            as_date(d).isoformat(),
            no,
            ono or "",
            as_date(od).isoformat() if od else "",
            who or "",
            appr or "",
            int(total),
            reason or "",
        )
        for d, no, ono, od, who, appr, total, reason in uow.conn.execute(q)
    )
    columns = (
        Column("day", "환불일", "date"),
        Column("receipt", "환불 영수증"),
        Column("original", "원 영수증"),
        Column("original_day", "원 판매일", "date"),
        Column("cashier", "계산원"),
        Column("approver", "승인"),
        Column("amount", "환불금액", "krw"),
        Column("reason", "사유"),
    )
    totals = ("합계", f"{len(rows)}건", "", "", "", "", sum(r[6] for r in rows), "")
    older = sum(1 for r in rows if r[3] and r[3] < period.start.isoformat())
    notes = (f"판매일이 기간 이전인 환불 {older}건 포함 (환불은 환불한 날의 매출에서 뺍니다)",)
    by_day: dict[str, int] = defaultdict(int)
    for r in rows:
        by_day[r[0]] += r[6]
    chart = Series("환불", tuple(sorted(by_day.items())), "bar")
    return Report("refunds", "환불 내역", period, f, columns, rows, totals, chart, notes)


def discounts(uow: UnitOfWork, period: Period, f: Filters = NO_FILTERS) -> Report:
    """Discounts given on sales by day: on lines and on whole receipts, the receipts that had
    one, and the rate against gross sales. With a product filter, the matching lines only."""
    sale = S.c.kind == "sale"
    if f.on_products:
        q = lines_query(period, f, [S.c.business_date]).with_only_columns(
            S.c.business_date,
            func.coalesce(func.sum(L.c.line_discount).filter(sale), 0),
            func.coalesce(func.sum(L.c.ticket_discount).filter(sale), 0),
            func.count(func.distinct(S.c.id)).filter(
                sale, (L.c.line_discount + L.c.ticket_discount) != 0
            ),
            func.coalesce(func.sum(L.c.gross).filter(sale), 0),
        )
    else:
        q = (
            select(
                S.c.business_date,
                func.coalesce(func.sum(S.c.line_discount_total).filter(sale), 0),
                func.coalesce(func.sum(S.c.ticket_discount_total).filter(sale), 0),
                func.count().filter(
                    sale, (S.c.line_discount_total + S.c.ticket_discount_total) != 0
                ),
                func.coalesce(func.sum(S.c.gross_total).filter(sale), 0),
            )
            .where(in_period(period), *sale_filters(f))
            .group_by(S.c.business_date)
        )
    rows: list[ReportRow] = []
    for r in uow.conn.execute(q):
        line_d, ticket, n, gross = ints(r, 1)
        total = line_d + ticket
        rows.append((as_date(r[0]).isoformat(), n, line_d, ticket, total, _pct(total, gross)))
    rows.sort()
    columns = (
        Column("day", "영업일", "date"),
        Column("receipts", "할인 영수증", "int"),
        Column("line", "품목 할인", "krw"),
        Column("ticket", "영수증 할인", "krw"),
        Column("total", "할인 합계", "krw"),
        Column("rate", "할인율(%)", "pct"),
    )
    totals = ("합계", *(sum(r[i] for r in rows) for i in range(1, 5)), None)
    chart = Series("할인", tuple((r[0], r[4]) for r in rows), "bar")
    return Report("discounts", "할인 내역", period, f, columns, tuple(rows), totals, chart)
