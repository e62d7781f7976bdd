"""The tax side of a supplier's settlement: 과세/면세 per product group with 공급가액 and 부가세,
the commission under the rule in force on each sale's day (with its own VAT), and the documents
each side must issue, for the three supplier models.

Owns :func:`supplier_tax` (one supplier's figures) and :func:`consignment_figures` (what the
VAT figures take out of the store's supplies and add as its commission).

* **직매입** (``purchase``): the store bought the goods; the supplier's 세금계산서 (과세 goods) /
  계산서 (면세 goods) come at receiving, for what was received; nothing is settled on sale.
* **특정매입** (``specific``): the store sells the goods as its own (they are in its VAT
  return) and pays the supplier after the sale: net sales less the agreed rate (its margin, a
  price, not a service: no VAT of its own). The supplier issues the store a 세금계산서 for the
  과세 part of what it is paid and a 계산서 for the 면세 part.
* **위탁** (``consignment``): the consignor's sale (부가가치세법 시행령 §28: 위탁판매는 위탁자가
  공급한 것으로 본다); the store earns a commission, its own taxable supply: commission (공급가액)
  + 10 % VAT on top, for which the store issues the consignor a 세금계산서. The consignor reports
  the sales (과세 with 공급가액/부가세, 면세), for which the store, selling for it, issues the
  evidence in the consignor's name (시행령 §69). Payable = net sales − commission − its VAT.

The commission (or 특정매입 margin) of a sale is at the rule in force on the sale's business day
(:mod:`posapp.reports.commission`); amounts are VAT-inclusive line nets (discounts shared out),
refunds in the period of the refund.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select

from posapp.db.engine import UnitOfWork
from posapp.db.models import Category, GoodsReceipt, GoodsReceiptLine
from posapp.domain.money import round_half_up_div
from posapp.domain.tax import split_vat
from posapp.reports import commission
from posapp.reports.base import NONE_KO, L, P, S, as_date, in_period, sale_filters, utc_bounds
from posapp.reports.model import NO_FILTERS, Filters, Period

MODEL_KO = {"purchase": "직매입", "specific": "특정매입", "consignment": "위탁"}
TAX_KO = {"taxable": "과세", "exempt": "면세"}


@dataclass(frozen=True, slots=True)
class TaxGroup:
    """One product group of a supplier, one tax class: net sales (VAT included), split."""

    group: str
    tax_class: str
    net: int
    supply: int
    vat: int


@dataclass(frozen=True, slots=True)
class IssueDoc:
    """A document one side must issue: who to whom, which kind, 공급가액 and 세액."""

    issuer: str
    receiver: str
    kind: str  # 세금계산서 / 계산서
    what: str
    supply: int
    vat: int


@dataclass(frozen=True, slots=True)
class SupplierTax:
    model: str
    groups: tuple[TaxGroup, ...]
    taxable_net: int
    exempt_net: int
    commission_supply: int  # the commission (위탁) or margin (특정매입) in won
    commission_vat: int  # 위탁 only: the store's VAT on its commission
    rates: tuple[str, ...]  # the rules applied, in words
    payable: int
    documents: tuple[IssueDoc, ...]

    @property
    def commission_total(self) -> int:
        return self.commission_supply + self.commission_vat


def tax_lines(
    uow: UnitOfWork, period: Period, f: Filters, producer_ids: list[int | None]
) -> dict[int | None, list[tuple[int | None, str, dt.date, int]]]:
    """Per supplier: (category, tax class, business day, net) of its lines in the period."""
    q = (
        select(
            P.c.producer_id,
            P.c.category_id,
            L.c.tax_class,
            S.c.business_date,
            func.coalesce(func.sum(L.c.net), 0),
        )
        .select_from(L.join(S, S.c.id == L.c.sale_id).join(P, P.c.id == L.c.product_id))
        .where(in_period(period), *sale_filters(f))
        .group_by(P.c.producer_id, P.c.category_id, L.c.tax_class, S.c.business_date)
    )
    ids = [i for i in producer_ids if i is not None]
    if ids:
        q = q.where(P.c.producer_id.in_(ids))
    if f.category_id is not None:
        q = q.where(P.c.category_id == f.category_id)
    if f.region_id is not None:
        q = q.where(P.c.region_id == f.region_id)
    out: dict[int | None, list[tuple[int | None, str, dt.date, int]]] = defaultdict(list)
    for producer, category, cls, day, net in uow.conn.execute(q):
        out[producer].append((category, str(cls), as_date(day), int(net)))
    return out


def _received_by_class(uow: UnitOfWork, period: Period, producer_id: int) -> dict[str, int]:
    gr = GoodsReceipt.__table__
    grl = GoodsReceiptLine.__table__
    lo, hi = utc_bounds(period)
    q = (
        select(
            P.c.tax_class, func.coalesce(func.sum(grl.c.qty * func.coalesce(grl.c.unit_cost, 0)), 0)
        )
        .select_from(gr.join(grl, grl.c.receipt_id == gr.c.id).join(P, P.c.id == grl.c.product_id))
        .where(gr.c.received_at >= lo, gr.c.received_at < hi, gr.c.supplier_id == producer_id)
        .group_by(P.c.tax_class)
    )
    return {str(c): int(a) for c, a in uow.conn.execute(q)}


def supplier_tax(
    uow: UnitOfWork,
    period: Period,
    producer_id: int | None,
    model: str,
    supplier: str,
    flat_rate: int | None,
    f: Filters = NO_FILTERS,
    *,
    lines: list[tuple[int | None, str, dt.date, int]] | None = None,
    categories: dict[int, str] | None = None,
) -> SupplierTax:
    """One supplier's tax figures for the period (see the module docstring)."""
    if lines is None:
        lines = tax_lines(uow, period, f, [producer_id]).get(producer_id, [])
    if categories is None:
        ct = Category.__table__
        categories = dict(uow.conn.execute(select(ct.c.id, ct.c.name)).all())
    store = "점포(I·Market·U)"
    acc: dict[tuple[str, str], int] = defaultdict(int)
    for category, cls, _day, net in lines:
        acc[(categories.get(category, NONE_KO) if category else NONE_KO, cls)] += net
    groups = []
    for (group, cls), net in sorted(acc.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        if cls == "taxable":
            split = split_vat(net, 0)
            groups.append(TaxGroup(group, cls, net, split.supply_value, split.vat))
        else:  # 면세: the amount is the supply value, no VAT
            groups.append(TaxGroup(group, cls, net, net, 0))
    taxable_net = sum(g.net for g in groups if g.tax_class == "taxable")
    exempt_net = sum(g.net for g in groups if g.tax_class == "exempt")
    docs: list[IssueDoc] = []
    if model == "purchase":
        received = _received_by_class(uow, period, producer_id) if producer_id else {}
        t = split_vat(received.get("taxable", 0), 0)
        if t.taxable_total:
            docs.append(
                IssueDoc(supplier, store, "세금계산서", "입고 (과세 상품)", t.supply_value, t.vat)
            )
        if received.get("exempt"):
            docs.append(
                IssueDoc(supplier, store, "계산서", "입고 (면세 상품)", received["exempt"], 0)
            )
        return SupplierTax(
            model,
            tuple(groups),
            taxable_net,
            exempt_net,
            0,
            0,
            (),
            sum(received.values()),
            tuple(docs),
        )
    applied = commission.apply_rules(uow, producer_id, period, lines, flat_rate)
    by_class = applied.by_class
    comm = applied.total
    if model == "consignment":
        comm_vat = round_half_up_div(comm * 10, 100)
        payable = taxable_net + exempt_net - comm - comm_vat
        sale_supply = sum(g.supply for g in groups if g.tax_class == "taxable")
        sale_vat = sum(g.vat for g in groups if g.tax_class == "taxable")
        if taxable_net:
            docs.append(
                IssueDoc(
                    f"{supplier} (점포가 위탁자 명의로)",
                    "고객",
                    "세금계산서·카드전표·현금영수증",
                    "위탁판매 과세분 (위탁자의 매출)",
                    sale_supply,
                    sale_vat,
                )
            )
        if exempt_net:
            docs.append(
                IssueDoc(
                    f"{supplier} (점포가 위탁자 명의로)",
                    "고객",
                    "계산서·카드전표·현금영수증",
                    "위탁판매 면세분 (위탁자의 매출)",
                    exempt_net,
                    0,
                )
            )
        if comm:
            docs.append(IssueDoc(store, supplier, "세금계산서", "판매 수수료", comm, comm_vat))
        return SupplierTax(
            model, tuple(groups), taxable_net, exempt_net, comm, comm_vat, applied.words,
            payable, tuple(docs),
        )  # fmt: skip
    # 특정매입: the store's own sale; it buys what sold at the sale price less its margin
    cost_t = taxable_net - by_class.get("taxable", 0)
    cost_e = exempt_net - by_class.get("exempt", 0)
    t = split_vat(cost_t, 0)
    if cost_t:
        docs.append(
            IssueDoc(supplier, store, "세금계산서", "판매분 매입 (과세)", t.supply_value, t.vat)
        )
    if cost_e:
        docs.append(IssueDoc(supplier, store, "계산서", "판매분 매입 (면세)", cost_e, 0))
    return SupplierTax(
        model, tuple(groups), taxable_net, exempt_net, comm, 0, applied.words, cost_t + cost_e,
        tuple(docs),
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class ConsignmentFigures:
    """What the VAT figures move: consignors' sales out of the store's supplies, the store's
    commissions (its taxable supply, 세금계산서) in."""

    taxable_net: int
    supply: int
    vat: int
    exempt_net: int
    commission_supply: int
    commission_vat: int


def consignment_figures(
    uow: UnitOfWork, period: Period, f: Filters = NO_FILTERS
) -> ConsignmentFigures:
    """The period's 위탁 sales and the store's commission on them, over every consignor."""
    from posapp.db.models import Producer

    pr = Producer.__table__
    consignors = {
        int(i): (n, r)
        for i, n, r in uow.conn.execute(
            select(pr.c.id, pr.c.name, pr.c.commission_rate).where(pr.c.kind == "consignment")
        )
    }
    if not consignors:
        return ConsignmentFigures(0, 0, 0, 0, 0, 0)
    per = tax_lines(uow, period, f, list(consignors))
    ct = Category.__table__
    cats = dict(uow.conn.execute(select(ct.c.id, ct.c.name)).all())
    tn = sup = vat = en = cs = cv = 0
    for pid, (name, rate) in consignors.items():
        lines = per.get(pid)
        if not lines:
            continue
        st = supplier_tax(
            uow, period, pid, "consignment", name, rate, f, lines=lines, categories=cats
        )
        tn += st.taxable_net
        sup += sum(g.supply for g in st.groups if g.tax_class == "taxable")
        vat += sum(g.vat for g in st.groups if g.tax_class == "taxable")
        en += st.exempt_net
        cs += st.commission_supply
        cv += st.commission_vat
    return ConsignmentFigures(tn, sup, vat, en, cs, cv)
