"""The register's X and Z reports: its totals for a shift or a business day.

The X report can be taken any time and changes nothing; the Z report of a shift is made when
the shift closes (:func:`posapp.sales.shifts.close_shift`: counted cash by denomination,
expected vs counted, over/short, a Z number); the cash paid in, paid out and picked up during
the shift (posapp.sales.cash_office) is listed and counted in the expected cash. Both are plain
dataclasses; :func:`format_report`
renders the text the CLI prints (the receipt printer lays out the same data on paper). Not to be
confused with :mod:`posapp.reports` (the back office's sales analysis).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import and_, func, select

from posapp.db.engine import UnitOfWork
from posapp.db.models import (
    AuditEvent,
    Payment,
    PendingCashReceipt,
    Sale,
    Shift,
    User,
    utcnow,
)
from posapp.domain import calendar
from posapp.domain.money import format_krw
from posapp.sales import cash_office
from posapp.sales.cash_office import CashMove
from posapp.sales.error_codes import ShiftErrorCode
from posapp.sales.sale_records import SaleError


@dataclass(frozen=True)
class TenderTotal:
    method: str
    count: int
    amount: int


@dataclass(frozen=True)
class RegisterReport:
    kind: str  # "X" | "Z"
    register_id: str
    business_date: dt.date | None
    shift_ids: tuple[int, ...]
    generated_at: dt.datetime
    sales_count: int
    refunds_count: int
    gross_sales: int
    discounts: int
    refunds_total: int  # negative
    net_total: int
    taxable_total: int
    supply_value: int
    vat: int
    exempt_total: int
    tenders: tuple[TenderTotal, ...]
    evidence: tuple[TenderTotal, ...]
    voids_count: int
    voids_total: int
    opening_float: int
    cash_in: int  # cash kept from sales, net of change and cash refunds
    expected_cash: int
    counted_cash: int | None = None
    over_short: int | None = None
    z_number: int | None = None
    first_receipt: str | None = None
    last_receipt: str | None = None
    cashiers: tuple[str, ...] = field(default=())
    offline_sales: int = 0  # sold while the store's database was unreachable (O-series numbers)
    pending_cash_receipts: int = 0  # 현금영수증 the terminal has not issued yet
    pending_cash_receipts_total: int = 0
    #: 입금 / 출금 / 중간 입금 of the shifts (posapp.sales.cash_office), in expected_cash
    cash_moves: tuple[CashMove, ...] = field(default=())


_CASH_KO = {"paid_in": "입금", "paid_out": "출금", "pickup": "중간 입금"}
_OFFLINE_LIKE = "%-O%"  # receipt numbers of the offline series (posapp.sales.offline)


def register_totals(
    uow: UnitOfWork,
    kind: str,
    register_id: str,
    shift_ids: list[int],
    day: dt.date | None,
    opening_float: int,
    now: dt.datetime,
) -> RegisterReport:
    """The totals of the given shifts (or of a business day, ``day`` set) as a report."""
    conn = uow.conn
    s = Sale.__table__
    p = Payment.__table__
    if day is not None:
        where = and_(s.c.register_id == register_id, s.c.business_date == day)
    else:
        where = s.c.shift_id.in_(shift_ids)
    row = conn.execute(
        select(
            func.count().filter(s.c.kind == "sale"),
            func.count().filter(s.c.kind == "refund"),
            func.coalesce(func.sum(s.c.gross_total).filter(s.c.kind == "sale"), 0),
            func.coalesce(
                func.sum(s.c.line_discount_total + s.c.ticket_discount_total).filter(
                    s.c.kind == "sale"
                ),
                0,
            ),
            func.coalesce(func.sum(s.c.total).filter(s.c.kind == "refund"), 0),
            func.coalesce(func.sum(s.c.total), 0),
            func.coalesce(func.sum(s.c.taxable_total), 0),
            func.coalesce(func.sum(s.c.supply_value), 0),
            func.coalesce(func.sum(s.c.vat), 0),
            func.coalesce(func.sum(s.c.exempt_total), 0),
            # the online series' first and last numbers; offline ones (R01-…-O0001) apart
            func.min(s.c.receipt_no).filter(~s.c.receipt_no.like(_OFFLINE_LIKE)),
            func.max(s.c.receipt_no).filter(~s.c.receipt_no.like(_OFFLINE_LIKE)),
            func.count().filter(s.c.receipt_no.like(_OFFLINE_LIKE)),
        ).where(where)
    ).one()
    cr = PendingCashReceipt.__table__
    pending = conn.execute(
        select(func.count(), func.coalesce(func.sum(cr.c.amount), 0))
        .select_from(cr.join(s, s.c.uuid == cr.c.sale_uuid))
        .where(where, cr.c.issued_at.is_(None))
    ).one()
    tenders = tuple(
        TenderTotal(m, int(c), int(a))
        for m, c, a in conn.execute(
            select(p.c.method, func.count(), func.sum(p.c.amount))
            .join(s, s.c.id == p.c.sale_id)
            .where(where)
            .group_by(p.c.method)
            .order_by(p.c.method)
        )
    )
    evidence = tuple(
        TenderTotal(e, int(c), int(a))
        for e, c, a in conn.execute(
            select(p.c.evidence, func.count(), func.sum(p.c.amount))
            .join(s, s.c.id == p.c.sale_id)
            .where(where)
            .group_by(p.c.evidence)
            .order_by(p.c.evidence)
        )
    )
    cashiers = tuple(
        n
        for (n,) in conn.execute(
            select(User.name).where(User.id.in_(select(s.c.user_id).where(where))).order_by(User.id)
        )
    )
    a = AuditEvent.__table__
    voids_count, voids_total = 0, 0
    if shift_ids:
        first_open = conn.execute(
            select(func.min(Shift.opened_at)).where(Shift.id.in_(shift_ids))
        ).scalar()
        last_close = conn.execute(
            select(func.max(func.coalesce(Shift.closed_at, now))).where(Shift.id.in_(shift_ids))
        ).scalar()
        for before in conn.execute(
            select(a.c.before).where(
                a.c.action == "ticket.void",
                a.c.register_id == register_id,
                a.c.at >= first_open,
                a.c.at <= last_close,
            )
        ).scalars():
            voids_count += 1
            voids_total += int((before or {}).get("total", 0))
    cash_in = sum(t.amount for t in tenders if t.method == "cash")
    moved = cash_office.moves(uow, list(shift_ids))
    return RegisterReport(
        kind=kind,
        register_id=register_id,
        business_date=day,
        shift_ids=tuple(shift_ids),
        generated_at=now,
        sales_count=int(row[0]),
        refunds_count=int(row[1]),
        gross_sales=int(row[2]),
        discounts=int(row[3]),
        refunds_total=int(row[4]),
        net_total=int(row[5]),
        taxable_total=int(row[6]),
        supply_value=int(row[7]),
        vat=int(row[8]),
        exempt_total=int(row[9]),
        tenders=tenders,
        evidence=evidence,
        voids_count=voids_count,
        voids_total=voids_total,
        opening_float=opening_float,
        cash_in=cash_in,
        expected_cash=opening_float + cash_in + sum(m.signed for m in moved),
        first_receipt=row[10],
        last_receipt=row[11],
        cashiers=cashiers,
        offline_sales=int(row[12]),
        pending_cash_receipts=int(pending[0]),
        pending_cash_receipts_total=int(pending[1]),
        cash_moves=moved,
    )


def x_report(uow: UnitOfWork, shift_id: int, *, now: dt.datetime | None = None) -> RegisterReport:
    """Totals of a shift so far; changes nothing."""
    shift = uow.session.get(Shift, shift_id)
    if shift is None:
        raise SaleError(f"no shift {shift_id}", code=ShiftErrorCode.UNKNOWN)
    return register_totals(
        uow, "X", shift.register_id, [shift.id], None, shift.opening_float, now or utcnow()
    )


def with_count(report: RegisterReport, counted: int, z_number: int | None) -> RegisterReport:
    """The report with the counted cash, the over/short and the Z number filled in."""
    from dataclasses import replace

    return replace(
        report, counted_cash=counted, over_short=counted - report.expected_cash, z_number=z_number
    )


def day_z_report(uow: UnitOfWork, register_id: str, day: dt.date) -> RegisterReport:
    """The Z report of a register's business day: every shift of that day together."""
    shifts = list(
        uow.session.scalars(
            select(Shift)
            .where(Shift.register_id == register_id, Shift.business_date == day)
            .order_by(Shift.id)
        )
    )
    opening = sum(s.opening_float for s in shifts)
    report = register_totals(uow, "Z", register_id, [s.id for s in shifts], day, opening, utcnow())
    closed = [s for s in shifts if s.status == "closed"]
    if closed and len(closed) == len(shifts):
        counted = sum(s.counted_cash or 0 for s in closed)
        return with_count(report, counted, max(s.z_number or 0 for s in closed))
    return report


_METHOD_KO = {
    "cash": "현금",
    "card": "카드",
    "card_manual": "카드(수기)",
    "voucher": "상품권",
}
_EVIDENCE_KO = {
    "cash": "현금(증빙없음)",
    "cash_receipt": "현금영수증",
    "card": "신용카드",
    "voucher": "상품권",
}


def format_report(r: RegisterReport, width: int = 42) -> str:
    """Plain-text X/Z report (Korean labels), ``width`` display columns."""
    from posapp.domain.text import display_width

    def row(label: str, value: str) -> str:
        pad = width - display_width(label) - display_width(value)
        return label + " " * max(1, pad) + value

    title = "Z 정산 리포트" if r.kind == "Z" else "X 중간 리포트"
    local = calendar.to_local(r.generated_at)
    lines = [title, "=" * width, row("계산대", r.register_id)]
    if r.business_date:
        lines.append(row("영업일", r.business_date.isoformat()))
    if r.z_number is not None:
        lines.append(row("Z 번호", str(r.z_number)))
    lines.append(row("출력", local.strftime("%Y-%m-%d %H:%M")))
    if r.first_receipt:
        lines.append(row("영수증", f"{r.first_receipt[-4:]}~{(r.last_receipt or '')[-4:]}"))
    if r.cashiers:
        lines.append(row("계산원", ", ".join(r.cashiers)))
    lines += [
        "-" * width,
        row(f"판매 {r.sales_count}건", format_krw(r.gross_sales)),
        row("할인", format_krw(-r.discounts)),
        row(f"환불 {r.refunds_count}건", format_krw(r.refunds_total)),
        row("순매출", format_krw(r.net_total)),
        "-" * width,
        row("과세 물품가액", format_krw(r.supply_value)),
        row("부가세", format_krw(r.vat)),
        row("면세 물품가액", format_krw(r.exempt_total)),
        "-" * width,
    ]
    for t in r.tenders:
        lines.append(row(f"{_METHOD_KO.get(t.method, t.method)} {t.count}건", format_krw(t.amount)))
    lines.append("-" * width)
    for t in r.evidence:
        lines.append(
            row(f"{_EVIDENCE_KO.get(t.method, t.method)} {t.count}건", format_krw(t.amount))
        )
    if r.offline_sales:
        lines.append(row("오프라인 판매", f"{r.offline_sales}건"))
    if r.pending_cash_receipts:
        lines.append(
            row(
                f"현금영수증 발급 대기 {r.pending_cash_receipts}건",
                format_krw(r.pending_cash_receipts_total),
            )
        )
    lines += [
        "-" * width,
        row(f"취소(보류 폐기) {r.voids_count}건", format_krw(r.voids_total)),
        row("시재금", format_krw(r.opening_float)),
        row("현금 입금", format_krw(r.cash_in)),
    ]
    for m in r.cash_moves:
        when = calendar.to_local(m.created_at).strftime("%H:%M")
        lines.append(row(f"{_CASH_KO[m.kind]} {when} {m.reason}", format_krw(m.signed)))
    lines += [
        row("현금 예상", format_krw(r.expected_cash)),
    ]
    if r.counted_cash is not None:
        lines.append(row("현금 실사", format_krw(r.counted_cash)))
        over = r.over_short or 0
        label = "과잉" if over > 0 else "부족" if over < 0 else "과부족"
        lines.append(row(label, format_krw(over)))
    lines.append("=" * width)
    return "\n".join(lines)
