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

from sqlalchemy import ColumnElement, and_, func, select

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
from posapp.domain.vat_evidence import split_payments
from posapp.sales import cash_office
from posapp.sales.cash_office import CashMove
from posapp.sales.error_codes import ShiftErrorCode
from posapp.sales.sale_records import SaleError
from posapp.sales.tenders import SELF_ISSUE_NUMBER, VOUCHER_NAMES


@dataclass(frozen=True)
class TenderTotal:
    method: str
    count: int
    amount: int
    #: for evidence totals: the 과세 part (VAT included, = supply + vat) and the 면세 part,
    #: each receipt's split shared over its payments (posapp.domain.vat_evidence)
    taxable: int = 0
    supply: int = 0
    vat: int = 0
    exempt: int = 0


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
    journal_head: str = ""  # the register's journal head, short form (posapp.sales.journal)
    #: the back office's chain head (stock postings, posapp.inventory.stock_journal), short form
    stock_head: str = ""
    by_shift: bool = False  # a day's Z: the shifts opened that day, whole (past midnight too)
    #: paper vouchers taken, by kind, at face value: what is redeemed at the bank
    vouchers: tuple[TenderTotal, ...] = field(default=())
    #: card and mobile vouchers approved through the terminal, by kind, net of their cancels
    e_vouchers: tuple[TenderTotal, ...] = field(default=())
    #: each pending 현금영수증 of this till: receipt, when, how many days old, purpose, amount
    pending_list: tuple[PendingLine, ...] = field(default=())
    #: 입금 / 출금 / 중간 입금 of the shifts (posapp.sales.cash_office), in expected_cash
    cash_moves: tuple[CashMove, ...] = field(default=())
    #: returns without a receipt (posapp.sales.no_receipt), among the refunds
    no_receipt_count: int = 0
    no_receipt_total: int = 0  # negative


@dataclass(frozen=True)
class PendingLine:
    """One 현금영수증 still to issue; the law gives 5 days from the sale."""

    receipt_no: str
    created_at: dt.datetime
    age_days: int
    purpose: str  # income_deduction | expense_proof | self_issue (010-000-1234)
    amount: int

    @property
    def due_soon(self) -> bool:
        return self.age_days >= PENDING_WARN_DAYS


PENDING_LIMIT_DAYS = 5  # a 현금영수증 is issued within 5 days of the sale at the latest
PENDING_WARN_DAYS = 3  # the till warns from the 3rd day: two days left


_CASH_KO = {"paid_in": "입금", "paid_out": "출금", "pickup": "중간 입금"}
_OFFLINE_LIKE = "%-O%"  # receipt numbers of the offline series (posapp.sales.offline)


def _evidence_totals(uow: UnitOfWork, where: ColumnElement[bool]) -> tuple[TenderTotal, ...]:
    """Payments by evidence type, each split into 과세 (supply + VAT) and 면세."""
    s = Sale.__table__
    p = Payment.__table__
    q = (
        select(s.c.id, s.c.taxable_total, s.c.vat, s.c.exempt_total, p.c.evidence, p.c.amount)
        .select_from(s.join(p, p.c.sale_id == s.c.id))
        .where(where)
        .order_by(s.c.id, p.c.seq)
    )
    acc: dict[str, list[int]] = {}
    rows = list(uow.conn.execute(q))
    i = 0
    while i < len(rows):
        j = i
        while j < len(rows) and rows[j][0] == rows[i][0]:
            j += 1
        group = rows[i:j]
        shares = split_payments(
            [int(r[5]) for r in group],
            taxable_total=int(group[0][1]),
            vat=int(group[0][2]),
            exempt_total=int(group[0][3]),
        )
        for r, share in zip(group, shares, strict=True):
            a = acc.setdefault(str(r[4]), [0] * 6)
            for k, v in enumerate((1, share.amount, share.taxable, share.supply, share.vat)):
                a[k] += v
            a[5] += share.exempt
        i = j
    return tuple(TenderTotal(e, *acc[e]) for e in sorted(acc))


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
            func.count().filter(s.c.kind == "refund", s.c.original_sale_id.is_(None)),
            func.coalesce(
                func.sum(s.c.total).filter(s.c.kind == "refund", s.c.original_sale_id.is_(None)),
                0,
            ),
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
    evidence = _evidence_totals(uow, where)
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
    vouchers = tuple(
        TenderTotal(k or "", int(c), int(a))
        for k, c, a in conn.execute(
            select(p.c.voucher_kind, func.count(), func.sum(p.c.tendered))
            .join(s, s.c.id == p.c.sale_id)
            .where(where, p.c.method == "voucher")
            .group_by(p.c.voucher_kind)
            .order_by(p.c.voucher_kind)
        )
    )
    e_vouchers = tuple(
        TenderTotal(k or "", int(c), int(a))
        for k, c, a in conn.execute(
            select(p.c.voucher_kind, func.count(), func.sum(p.c.amount))
            .join(s, s.c.id == p.c.sale_id)
            .where(where, p.c.method != "voucher", p.c.voucher_kind.is_not(None))
            .group_by(p.c.voucher_kind)
            .order_by(p.c.voucher_kind)
        )
    )
    voucher_change = conn.execute(  # the rest of a voucher repaid in cash: out of the drawer
        select(func.coalesce(func.sum(p.c.change_given), 0))
        .join(s, s.c.id == p.c.sale_id)
        .where(where, p.c.method == "voucher")
    ).scalar_one()
    cash_in = sum(t.amount for t in tenders if t.method == "cash") - int(voucher_change)
    today = calendar.to_local(now).date()
    pending_list = tuple(
        PendingLine(
            r["receipt_no"],
            r["created_at"],
            (today - calendar.to_local(r["created_at"]).date()).days,
            "self_issue" if r["identity"] == SELF_ISSUE_NUMBER else r["purpose"],
            int(r["amount"]),
        )
        for r in conn.execute(  # this till's, whichever shift sold them: they are still owed
            select(cr.c.receipt_no, cr.c.created_at, cr.c.purpose, cr.c.amount, cr.c.identity)
            .where(cr.c.register_id == register_id, cr.c.issued_at.is_(None), cr.c.amount > 0)
            .order_by(cr.c.id)
        ).mappings()
    )
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
        no_receipt_count=int(row[13]),
        no_receipt_total=int(row[14]),
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
        vouchers=vouchers,
        e_vouchers=e_vouchers,
        pending_list=pending_list,
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
    # by shift: a day's Z holds the shifts opened that day, whole — a shift from 21:00 to 01:00
    # is counted (float, sales, count) on the day it opened, never split into two half-Zs
    report = register_totals(uow, "Z", register_id, [s.id for s in shifts], None, opening, utcnow())
    from dataclasses import replace

    from posapp.sales import journal

    heads = journal.heads(uow.conn)
    seq, digest = heads.get(register_id, (0, journal.GENESIS))
    report = replace(
        report,
        business_date=day,
        journal_head=journal.short_head(seq, digest),
        stock_head=stock_head(heads),
        by_shift=True,
    )
    closed = [s for s in shifts if s.status == "closed"]
    if closed and len(closed) == len(shifts):
        counted = sum(s.counted_cash or 0 for s in closed)
        return with_count(report, counted, max(s.z_number or 0 for s in closed))
    return report


_METHOD_KO = {
    "cash": "현금",
    "card": "카드",
    "card_manual": "카드(수기)",
    "card_pending": "카드 취소(후처리)",
    "rounding": "원단위 절사",
    "exchange": "교환 충당",
    "voucher": "상품권",
    "transfer": "계좌이체",
}
_EVIDENCE_KO = {
    "cash": "현금(증빙없음)",
    "cash_receipt": "현금영수증",
    "card": "신용카드",
    "prepaid_card": "선불카드(온누리 카드)",
    "mobile_voucher": "전자지급수단(모바일 상품권)",
    "voucher": "상품권",
    "rounding": "원단위 절사(증빙 아님)",
    "exchange": "교환 충당(증빙 아님)",
}


_VOUCHER_KO = {k.value: ko for k, (ko, _) in VOUCHER_NAMES.items()}


def stock_head(heads: dict[str, tuple[int, str]]) -> str:
    """The back office's head as a Z prints it ("" while the store has no stock posting)."""
    from posapp.inventory.stock_journal import BACK_OFFICE
    from posapp.sales import journal

    seq, digest = heads.get(BACK_OFFICE, (0, ""))
    return journal.short_head(seq, digest) if seq else ""


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
    if r.by_shift:
        lines.append("이날 시작한 교대 전체(자정 이후 판매 포함)")
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
        *(
            [row(f"  무영수증 반품 {r.no_receipt_count}건", format_krw(r.no_receipt_total))]
            if r.no_receipt_count
            else []
        ),
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
        if t.taxable or t.exempt:
            lines.append(row("  과세 / 면세", f"{format_krw(t.taxable)} / {format_krw(t.exempt)}"))
    for v in r.vouchers:  # at face value, for redemption at the bank
        name = _VOUCHER_KO.get(v.method, v.method)
        lines.append(row(f"{name} {v.count}매 (액면)", format_krw(v.amount)))
    for v in r.e_vouchers:  # approved through the terminal: settled by the VAN, not the bank
        name = _VOUCHER_KO.get(v.method, v.method)
        lines.append(row(f"{name} {v.count}건 (승인)", format_krw(v.amount)))
    if r.offline_sales:
        lines.append(row("오프라인 판매", f"{r.offline_sales}건"))
    if r.pending_cash_receipts:
        lines.append(
            row(
                f"현금영수증 발급 대기 {r.pending_cash_receipts}건",
                format_krw(r.pending_cash_receipts_total),
            )
        )
    for pl in r.pending_list:
        purpose = {"expense_proof": "지출증빙", "self_issue": "자진발급"}.get(
            pl.purpose, "소득공제"
        )
        when = calendar.to_local(pl.created_at).strftime("%m-%d")
        label = f" {pl.receipt_no[-4:]} {when} 경과 {pl.age_days}일 {purpose}"
        lines.append(row(label, format_krw(pl.amount)))
        if pl.due_soon:
            left = max(0, PENDING_LIMIT_DAYS - pl.age_days)
            lines.append(f"  ! 발급 기한(5일)까지 {left}일: 단말기·VAN을 확인하세요")
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
    if r.journal_head:
        lines += ["-" * width, row("기록 검증값", r.journal_head)]
    if r.stock_head:
        lines.append(row("재고 기록 검증값", r.stock_head))
    lines.append("=" * width)
    return "\n".join(lines)
