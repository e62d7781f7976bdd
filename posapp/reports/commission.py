"""Commission rules: the store's rate on a supplier's sales per supplier and per category, with
effective dates and yearly thresholds, applied to each sale on its business day.

Owns reading ``commission_rules`` and :func:`apply_rules`. Which rule a line of sales falls
under:

1. the *scope*: the first of (this supplier, this category), (this supplier, any category),
   (any supplier, this category), (any supplier, any category) that has rules in force on the
   day (effective on or before it);
2. in that scope the rules of its latest effective date on or before the day (a change on a
   date replaces the scope's whole table from that date on);
3. of those, the one with the highest threshold the supplier's sales so far this calendar year
   (VAT included, before this sale) have reached — below the lowest threshold, 0 %. A sale that
   crosses a threshold is split at it.

A supplier with no rule in any scope keeps its flat ``producers.commission_rate`` (percent).
Refunds reduce the year's sales and take the rate in force on the day of the refund. The
commission of a tax class is the sum of amount × rate, rounded once (half up to the won).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, or_, select

from posapp.db.engine import UnitOfWork
from posapp.db.models import Category, CommissionRule
from posapp.domain.money import round_half_up_div
from posapp.reports.base import L, P, S
from posapp.reports.model import NO_FILTERS, Column, Filters, Period, Report, ReportRow

R = CommissionRule.__table__


@dataclass(frozen=True, slots=True)
class Rule:
    id: int
    producer_id: int | None
    category_id: int | None
    effective_from: dt.date
    threshold: int
    rate_bp: int


@dataclass(frozen=True, slots=True)
class Applied:
    """The commission of a supplier's lines: per tax class, the total and the rules in words."""

    by_class: dict[str, int]
    words: tuple[str, ...]

    @property
    def total(self) -> int:
        return sum(self.by_class.values())


def rules_for(uow: UnitOfWork, producer_id: int | None) -> list[Rule]:
    """The rules that can apply to a supplier: its own and those for every supplier."""
    q = select(
        R.c.id, R.c.producer_id, R.c.category_id, R.c.effective_from, R.c.threshold, R.c.rate_bp
    ).where(or_(R.c.producer_id.is_(None), R.c.producer_id == producer_id))
    out = []
    for rid, pid, cid, day, threshold, bp in uow.conn.execute(q):
        d = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day)[:10])
        out.append(Rule(int(rid), pid, cid, d, int(threshold), int(bp)))
    return out


def _table(
    rules: Sequence[Rule], producer_id: int | None, category: int | None, day: dt.date
) -> list[Rule]:
    """The rule table in force for a supplier's category on ``day`` (by threshold)."""
    scopes: list[tuple[int | None, int | None]] = []
    if producer_id is not None:
        if category is not None:
            scopes.append((producer_id, category))
        scopes.append((producer_id, None))
    if category is not None:
        scopes.append((None, category))
    scopes.append((None, None))
    for who, what in scopes:
        inscope = [
            r
            for r in rules
            if r.producer_id == who and r.category_id == what and r.effective_from <= day
        ]
        if inscope:
            latest = max(r.effective_from for r in inscope)
            return sorted(
                (r for r in inscope if r.effective_from == latest), key=lambda r: r.threshold
            )
    return []


def _year_to_date(uow: UnitOfWork, producer_id: int | None, start: dt.date) -> int:
    first = dt.date(start.year, 1, 1)
    if start <= first or producer_id is None:
        return 0
    q = (
        select(func.coalesce(func.sum(L.c.net), 0))
        .select_from(L.join(S, S.c.id == L.c.sale_id).join(P, P.c.id == L.c.product_id))
        .where(
            P.c.producer_id == producer_id,
            S.c.business_date >= first,
            S.c.business_date < start,
        )
    )
    return int(uow.conn.execute(q).scalar_one())


def _pct(bp: int) -> str:
    return f"{bp / 100:g}%"


def apply_rules(
    uow: UnitOfWork,
    producer_id: int | None,
    period: Period,
    lines: Sequence[tuple[int | None, str, dt.date, int]],
    flat_rate: int | None,
) -> Applied:
    """The commission on ``lines`` ((category, tax class, business day, net) of one supplier)."""
    rules = rules_for(uow, producer_id)
    num: dict[str, int] = defaultdict(int)
    used: dict[tuple[str, int], int] = defaultdict(int)  # (label, bp) → base
    if not rules:
        bp = (flat_rate or 0) * 100
        for _cat, cls, _day, net in lines:
            num[cls] += net * bp
            used[("공급자 기본 수수료율", bp)] += net
    else:
        ct = Category.__table__
        names = dict(uow.conn.execute(select(ct.c.id, ct.c.name)).all())
        ytd = _year_to_date(uow, producer_id, period.start)
        year = period.start.year
        for cat, cls, day, net in sorted(lines, key=lambda x: (x[2], x[0] or 0, x[1])):
            if day.year != year:  # a period across New Year: the count starts again
                year, ytd = day.year, 0
            table = _table(rules, producer_id, cat, day)
            if not table:  # no rule in force yet that day: the supplier's flat rate
                bp = (flat_rate or 0) * 100
                num[cls] += net * bp
                used[("공급자 기본 수수료율", bp)] += net
                ytd += net
                continue
            left = net
            while left:
                current = [r for r in table if r.threshold <= ytd]
                rule = current[-1] if current else None
                nxt = [r.threshold for r in table if r.threshold > ytd]
                part = left
                if left > 0 and nxt and ytd + left > nxt[0]:
                    part = nxt[0] - ytd  # this sale crosses a threshold: split it there
                bp = rule.rate_bp if rule else 0
                num[cls] += part * bp
                used[(_label(rule, names), bp)] += part
                ytd += part
                left -= part
    by_class = {cls: round_half_up_div(n, 10_000) for cls, n in num.items()}
    words = tuple(
        f"{label}: {base:,}원 × {_pct(bp)}" for (label, bp), base in sorted(used.items()) if base
    )
    return Applied(by_class, words)


def _label(rule: Rule | None, names: dict[int, str]) -> str:
    if rule is None:
        return "기준액 미달 (0%)"
    scope = names.get(rule.category_id, "?") if rule.category_id is not None else "전 품목"
    who = "공급자별" if rule.producer_id is not None else "공통"
    extra = f", 연 {rule.threshold:,}원 이상" if rule.threshold else ""
    return f"{who} {scope} {rule.effective_from.isoformat()}부터{extra}"


def rules_report(uow: UnitOfWork, period: Period, f: Filters = NO_FILTERS) -> Report:
    """Every commission rule, in the columns the rule CSV import reads back (the period is not
    used: rules carry their own dates). With ``f.producer_id``, its own and the common ones."""
    from posapp.inventory.partners import RULE_COLUMNS, list_commission_rules

    rules = list_commission_rules(uow, producer_id=f.producer_id)
    keys = ("producer", "category", "from", "threshold", "rate")
    kinds = ("text", "text", "date", "krw", "text")
    columns = tuple(
        Column(k, t, kind) for k, t, kind in zip(keys, RULE_COLUMNS, kinds, strict=True)
    )
    rows: tuple[ReportRow, ...] = tuple(
        (r.producer, r.category, r.effective_from.isoformat(), r.threshold, r.rate_text)
        for r in rules
    )
    notes = (
        "공급자·분류가 비어 있으면 모든 공급자·분류에 적용합니다. 적용일마다 규칙표가 바뀌고, "
        "기준액은 그 해 공급자 매출(부가세 포함)이 넘은 뒤부터 적용합니다 (기준액 미만 0%).",
    )
    return Report("commission-rules", "수수료 규칙", period, f, columns, rows, None, None, notes)
