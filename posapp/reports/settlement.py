"""Settlement per supplier (producer) and the summary per partner region.

Owns what the store owes each supplier for a period:

* consignment (위탁) suppliers are paid for what sold, less the store's commission (the rule in
  force on each sale's day, :mod:`posapp.reports.commission`, else the supplier's flat
  ``producers.commission_rate``) and its VAT: payable = net sales − commission − 10 %;
* specific-purchase (특정매입) suppliers are paid what sold less the store's margin at the same
  rules (the store's own sale: no VAT on the margin);
* purchase (직매입) suppliers were bought from: what is owed is the goods received in the period
  at their lot unit cost (``goods_receipt_lines``); the cost of what sold (from the lots the sales
  took, ``lots.unit_cost``) gives the store's margin.

Net sales = sales − returns given in the period (a refund counts when it happened). Each
figure lists the documents behind it: receipts per business day, each refund, each goods
receipt.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select

from posapp.db.engine import UnitOfWork
from posapp.db.models import (
    Category,
    GoodsReceipt,
    GoodsReceiptLine,
    Producer,
    Region,
    SupplierReturn,
)
from posapp.domain import calendar
from posapp.domain.money import round_half_up_div
from posapp.reports.base import (
    NONE_KO,
    UNIT_KO,
    L,
    P,
    S,
    as_date,
    in_period,
    ints,
    product_filters,
    sale_filters,
    utc_bounds,
)
from posapp.reports.model import NO_FILTERS, Column, Filters, Period, Report, ReportRow, Series
from posapp.reports.rollup import line_groups
from posapp.reports.supplier_tax import TAX_KO, SupplierTax, supplier_tax, tax_lines

KIND_KO = {"consignment": "위탁", "purchase": "직매입", "specific": "특정매입"}


@dataclass(frozen=True, slots=True)
class SettlementLine:
    product_id: int
    name: str
    unit: str
    qty_sold: int
    qty_returned: int
    sold: int  # net of discounts, VAT included
    returned: int  # negative
    net: int
    cost: int  # cost of the units sold less returned, from their lots
    uncosted_qty: int  # units sold from lots without a cost (or below zero)


@dataclass(frozen=True, slots=True)
class DocRef:
    """A document behind a figure: ``kind`` sales (a day's receipts), refund or receipt."""

    kind: str
    day: dt.date
    ref: str
    count: int
    amount: int


@dataclass(frozen=True, slots=True)
class SupplierSettlement:
    producer_id: int | None
    name: str
    region: str
    kind: str
    rate: int | None
    lines: tuple[SettlementLine, ...]
    sold: int
    returned: int
    net: int
    commission: int
    cost: int
    received: int
    payable: int
    documents: tuple[DocRef, ...] = field(default=())
    #: 과세/면세 per product group, the commission's VAT and the documents to issue
    tax: SupplierTax | None = None
    #: goods sent back to the supplier in the period, at their lots' cost (반품)
    returned_to_supplier: int = 0

    @property
    def margin(self) -> int:
        return self.net - self.cost if self.kind == "purchase" else self.commission

    @property
    def commission_vat(self) -> int:
        return self.tax.commission_vat if self.tax else 0


def _received(uow: UnitOfWork, period: Period, f: Filters) -> dict[int, list[DocRef]]:
    gr = GoodsReceipt.__table__
    grl = GoodsReceiptLine.__table__
    lo, hi = utc_bounds(period)
    conds = [gr.c.received_at >= lo, gr.c.received_at < hi, gr.c.supplier_id.is_not(None)]
    if f.on_products:
        conds += product_filters(f)
    q = (
        select(
            gr.c.supplier_id,
            gr.c.id,
            gr.c.uuid,
            gr.c.received_at,
            func.count(),
            func.coalesce(func.sum(grl.c.qty * func.coalesce(grl.c.unit_cost, 0)), 0),
        )
        .select_from(gr.join(grl, grl.c.receipt_id == gr.c.id).join(P, P.c.id == grl.c.product_id))
        .where(*conds)
        .group_by(gr.c.supplier_id, gr.c.id, gr.c.uuid, gr.c.received_at)
        .order_by(gr.c.received_at, gr.c.id)
    )
    out: dict[int, list[DocRef]] = defaultdict(list)
    for sid, gid, uuid, at, n, amount in uow.conn.execute(q):
        at = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
        day = calendar.business_day(at)
        out[sid].append(DocRef("receipt", day, f"입고 {gid} ({uuid[:8]})", int(n), int(amount)))
    return out


def _supplier_returns(uow: UnitOfWork, period: Period) -> dict[int, list[DocRef]]:
    """Returns to each supplier in the period (posapp.inventory.shelf), as documents."""
    t = SupplierReturn.__table__
    lo, hi = utc_bounds(period)
    q = (
        select(t.c.producer_id, t.c.uuid, t.c.created_at, t.c.qty, t.c.amount, P.c.name_ko)
        .select_from(t.join(P, P.c.id == t.c.product_id))
        .where(t.c.created_at >= lo, t.c.created_at < hi, t.c.producer_id.is_not(None))
        .order_by(t.c.created_at, t.c.id)
    )
    out: dict[int, list[DocRef]] = defaultdict(list)
    for sid, uuid, at, qty, amount, name in uow.conn.execute(q):
        at = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
        ref = f"반품 {name} ({uuid[:8]})"
        out[sid].append(DocRef("supplier_return", calendar.business_day(at), ref, qty, -amount))
    return out


def _documents(uow: UnitOfWork, period: Period, f: Filters) -> list[DocRef]:
    """Receipts per business day and each refund, for the lines matching ``f``."""
    sale = S.c.kind == "sale"
    q = (
        select(
            S.c.business_date,
            func.count(func.distinct(S.c.id)),
            func.min(S.c.receipt_no),
            func.max(S.c.receipt_no),
            func.coalesce(func.sum(L.c.net), 0),
        )
        .select_from(L.join(S, S.c.id == L.c.sale_id).join(P, P.c.id == L.c.product_id))
        .where(in_period(period), sale, *sale_filters(f), *product_filters(f))
        .group_by(S.c.business_date)
        .order_by(S.c.business_date)
    )
    docs = [
        DocRef("sales", as_date(d), f"{lo}~{hi[-4:]}" if lo != hi else lo, int(n), int(a))
        for d, n, lo, hi, a in uow.conn.execute(q)
    ]
    q = (
        select(S.c.business_date, S.c.receipt_no, func.count(), func.sum(L.c.net))
        .select_from(L.join(S, S.c.id == L.c.sale_id).join(P, P.c.id == L.c.product_id))
        .where(in_period(period), S.c.kind == "refund", *sale_filters(f), *product_filters(f))
        .group_by(S.c.business_date, S.c.receipt_no)
        .order_by(S.c.business_date, S.c.receipt_no)
    )
    docs += [
        DocRef("refund", as_date(d), no, int(n), int(a)) for d, no, n, a in uow.conn.execute(q)
    ]
    return docs


def settle_suppliers(
    uow: UnitOfWork,
    period: Period,
    f: Filters = NO_FILTERS,
    *,
    with_documents: bool = False,
) -> list[SupplierSettlement]:
    """One settlement per supplier that sold or delivered anything in the period (or the one
    ``f.producer_id`` names, even if idle), largest net sales first."""
    conn = uow.conn
    got = [
        (*k, *v)
        for k, v in line_groups(uow, period, f, ["producer", "product"], with_cost=True).items()
    ]
    received = _received(uow, period, f)
    sent_back = _supplier_returns(uow, period)
    pr = Producer.__table__
    rg = Region.__table__
    producers = {
        r[0]: r[1:]
        for r in conn.execute(
            select(pr.c.id, pr.c.name, rg.c.name, pr.c.kind, pr.c.commission_rate).select_from(
                pr.outerjoin(rg, rg.c.id == pr.c.region_id)
            )
        )
    }
    per: dict[int | None, list[SettlementLine]] = defaultdict(list)
    pids = [r[1] for r in got]
    names: dict[int, tuple[str, str]] = {}
    for i in range(0, len(pids), 500):
        for pid, name, unit in conn.execute(
            select(P.c.id, P.c.name_ko, P.c.unit).where(P.c.id.in_(pids[i : i + 500]))
        ):
            names[pid] = (name, unit)
    for r in got:
        producer_id, pid = r[0], r[1]
        qs, qr, _gross, _disc, refunds, net, _lines, cost, uncosted = ints(r, 2)
        name, unit = names.get(pid, (str(pid), "ea"))
        per[producer_id].append(
            SettlementLine(
                pid,
                name,
                UNIT_KO.get(unit, unit),
                qs,
                qr,
                net - refunds,
                refunds,
                net,
                cost,
                uncosted,
            )
        )
    keys: set[int | None] = set(per) | set(received) | set(sent_back)
    if f.producer_id is not None:
        keys = {f.producer_id}
    by_supplier = tax_lines(uow, period, f, list(keys))
    cats = dict(conn.execute(select(Category.id, Category.name)).all())
    out = []
    for key in keys:
        name, region, kind, rate = producers.get(key, (NONE_KO, "", "purchase", None))
        lines = tuple(sorted(per.get(key, []), key=lambda ln: (-ln.net, ln.name)))
        sold = sum(ln.sold for ln in lines)
        returned = sum(ln.returned for ln in lines)
        net = sold + returned
        cost = sum(ln.cost for ln in lines)
        recv_docs = received.get(key, []) if key is not None else []
        recv = sum(d.amount for d in recv_docs)
        tax = None
        if key is not None:
            tax = supplier_tax(
                uow,
                period,
                key,
                kind,
                name,
                rate,
                f,
                lines=by_supplier.get(key, []),
                categories=cats,
            )
        if kind in ("consignment", "specific") and tax is not None:
            commission = tax.commission_supply
            payable = tax.payable
        elif kind in ("consignment", "specific"):
            commission = round_half_up_div(net * (rate or 0), 100)
            payable = net - commission
        else:
            commission = 0
            payable = recv
        back_docs = sent_back.get(key, []) if key is not None else []
        back = -sum(d.amount for d in back_docs)
        if kind == "purchase":
            payable -= back  # bought goods sent back: the supplier owes the store for them
        docs: tuple[DocRef, ...] = ()
        if with_documents and key is not None:
            sub = Filters(f.region_id, key, f.category_id, f.register_id, f.user_id)
            docs = tuple(_documents(uow, period, sub)) + tuple(recv_docs) + tuple(back_docs)
        out.append(
            SupplierSettlement(
                key,
                name,
                region or "",
                kind,
                rate,
                lines,
                sold,
                returned,
                net,
                commission,
                cost,
                recv,
                payable,
                docs,
                tax,
                back,
            )
        )
    out.sort(key=lambda s: (-s.net, s.name))
    return out


SETTLEMENT_COLUMNS = (
    Column("supplier", "공급자"),
    Column("region", "지역"),
    Column("kind", "구분"),
    Column("rate", "수수료율(%)", "int"),
    Column("sold", "판매액", "krw"),
    Column("returned", "반품액", "krw"),
    Column("net", "순매출", "krw"),
    Column("commission", "수수료", "krw"),
    Column("commission_vat", "수수료 부가세", "krw"),
    Column("cost", "판매원가", "krw"),
    Column("received", "입고액", "krw"),
    Column("payable", "지급액", "krw"),
)


def settlement(uow: UnitOfWork, period: Period, f: Filters = NO_FILTERS) -> Report:
    """The settlement table: one row per supplier; with ``f.producer_id`` also the product
    lines and the documents behind the figures as sections."""
    sups = settle_suppliers(uow, period, f, with_documents=f.producer_id is not None)
    rows: tuple[ReportRow, ...] = tuple(
        (
            s.name,
            s.region,
            KIND_KO.get(s.kind, s.kind),
            s.rate if s.kind != "purchase" else None,
            s.sold,
            s.returned,
            s.net,
            s.commission,
            s.commission_vat,
            s.cost,
            s.received,
            s.payable,
        )
        for s in sups
    )
    totals = ("합계", "", "", None, *(sum(r[i] for r in rows) for i in range(4, 12)))
    notes: tuple[str, ...] = (
        "위탁: 지급액 = 순매출 - 수수료 - 수수료 부가세(10%). 수수료는 판매일에 적용되는 "
        "수수료 규칙(없으면 공급자별 수수료율)으로 계산합니다.",
        "특정매입: 지급액(매입액) = 순매출 - 점포 마진(수수료 규칙의 율).",
        "직매입: 지급액 = 기간 중 입고액(로트 단가) - 공급자 반품액.",
        "순매출 = 판매 - 기간 중 반품(환불일 기준). 금액은 부가세 포함.",
    )
    unrated = [s.name for s in sups if s.kind == "consignment" and s.rate is None]
    if unrated:
        notes += (
            f"수수료율이 없는 위탁 공급자 {len(unrated)}곳은 수수료 0으로 계산: "
            + ", ".join(unrated[:5])
            + (" …" if len(unrated) > 5 else ""),
        )
    sections = []
    if f.producer_id is not None and sups:
        sections = list(statement_sections(sups[0]))
    chart = Series("지급액", tuple((r[0], r[11]) for r in rows[:12]), "bar")
    return Report(
        "settlement",
        "공급자별 정산",
        period,
        f,
        SETTLEMENT_COLUMNS,
        rows,
        totals,
        chart,
        notes,
        tuple(sections),
    )


LINE_COLUMNS = (
    Column("product", "상품"),
    Column("unit", "단위"),
    Column("qty", "판매수량", "qty"),
    Column("returned_qty", "반품수량", "qty"),
    Column("sold", "판매액", "krw"),
    Column("returned", "반품액", "krw"),
    Column("net", "순매출", "krw"),
    Column("cost", "판매원가", "krw"),
)
DOC_COLUMNS = (
    Column("kind", "구분"),
    Column("day", "일자", "date"),
    Column("ref", "증빙"),
    Column("count", "건수", "int"),
    Column("amount", "금액", "krw"),
)
DOC_KIND_KO = {
    "sales": "판매",
    "refund": "환불",
    "receipt": "입고",
    "supplier_return": "공급자 반품",
}


def statement_sections(
    s: SupplierSettlement,
) -> tuple[tuple[str, tuple[Column, ...], tuple[ReportRow, ...]], ...]:
    lines = tuple(
        (ln.name, ln.unit, ln.qty_sold, ln.qty_returned, ln.sold, ln.returned, ln.net, ln.cost)
        for ln in s.lines
    )
    docs = tuple(
        (DOC_KIND_KO.get(d.kind, d.kind), d.day.isoformat(), d.ref, d.count, d.amount)
        for d in s.documents
    )
    out: list[tuple[str, tuple[Column, ...], tuple[ReportRow, ...]]] = [
        ("상품별 내역", LINE_COLUMNS, lines)
    ]
    if s.tax is not None:
        groups = tuple(
            (g.group, TAX_KO.get(g.tax_class, g.tax_class), g.net, g.supply, g.vat)
            for g in s.tax.groups
        )
        out.append(("과세·면세 내역 (상품군별)", TAX_GROUP_COLUMNS, groups))
        issue = tuple(
            (d.issuer, d.receiver, d.kind, d.what, d.supply, d.vat) for d in s.tax.documents
        )
        out.append(("발급할 증빙", ISSUE_COLUMNS, issue))
    out.append(("증빙 문서", DOC_COLUMNS, docs))
    return tuple(out)


TAX_GROUP_COLUMNS = (
    Column("group", "상품군"),
    Column("tax", "과세구분"),
    Column("net", "순매출", "krw"),
    Column("supply", "공급가액", "krw"),
    Column("vat", "부가세", "krw"),
)
ISSUE_COLUMNS = (
    Column("issuer", "발급자"),
    Column("receiver", "받는 자"),
    Column("kind", "증빙"),
    Column("what", "내용"),
    Column("supply", "공급가액", "krw"),
    Column("vat", "세액", "krw"),
)


def region_summary(uow: UnitOfWork, period: Period, f: Filters = NO_FILTERS) -> Report:
    """Per partner region: its suppliers' sales, returns, commission and what they are paid."""
    sups = settle_suppliers(uow, period, f)
    acc: dict[str, list[int]] = defaultdict(lambda: [0] * 7)
    for s in sups:
        a = acc[s.region or NONE_KO]
        a[0] += 1
        a[1] += s.sold
        a[2] += s.returned
        a[3] += s.net
        a[4] += s.commission
        a[5] += s.received
        a[6] += s.payable
    rows: tuple[ReportRow, ...] = tuple(
        sorted(((k, *v) for k, v in acc.items()), key=lambda r: (-r[4], r[0]))
    )
    columns = (
        Column("region", "지역"),
        Column("suppliers", "공급자 수", "int"),
        Column("sold", "판매액", "krw"),
        Column("returned", "반품액", "krw"),
        Column("net", "순매출", "krw"),
        Column("commission", "수수료", "krw"),
        Column("received", "입고액", "krw"),
        Column("payable", "지급액", "krw"),
    )
    totals = ("합계", *(sum(r[i] for r in rows) for i in range(1, 8)))
    chart = Series("순매출", tuple((r[0], r[4]) for r in rows[:15]), "bar")
    return Report(
        "region-settlement",
        "지역별 정산 요약",
        period,
        f,
        columns,
        rows,
        totals,
        chart,
        ("지자체 제출용: 지역 공급자들의 판매·반품·지급 합계",),
    )
