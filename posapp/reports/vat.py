"""The figures of the VAT return (부가가치세 신고): sales by evidence × 과세/면세, with 공급가액 and
부가세, for the store and per register, over a month, a quarter or a half-year.

Owns :func:`vat_figures` (the sums) and :func:`vat_return` (the report, with the rows of the
신용카드매출전표등 발행금액 집계표 and the 과세표준 lines of the return as sections).

* Every receipt has one VAT split (``sales.taxable_total`` = ``supply_value`` + ``vat``,
  ``exempt_total``); its payments share it out (:func:`posapp.domain.vat_evidence.split_payments`),
  so the rows add up to the receipts to the won.
* A payment's evidence (``payments.evidence``) gives its row: card slips (신용·직불·선불카드),
  현금영수증, 직불·선불 전자지급수단, and everything else (cash without a receipt, paper
  vouchers) under 기타. A sale with a 세금계산서 / 계산서 request (``tax_invoices``, not cancelled)
  is placed under 세금계산서 for its 과세 part and 계산서 for its 면세 part, whatever paid it
  (부가가치세법 §33②: a supply gets one kind of evidence; the till refuses a tax invoice for a
  sale with a card slip or a 현금영수증). A refund of such a sale goes there too. A class or
  meeting-room booking not paid at the till (paid by transfer) has no receipt: its request
  (``tax_invoices.booking_uuid``) is counted there by itself, in the period of its day of
  supply (the session's), under the register row :data:`OFF_TILL`; a filter by register or
  cashier leaves it out.
* A refund is its own document dated when it was given: it is netted in the period of the
  refund, never in the sale's (부가가치세법 시행령 §70: the 수정 evidence is dated the day
  of the return).
* 위탁 (consignment) sales are the consignor's supply, not the store's (시행령 §28 / §69): the
  evidence rows keep every receipt the till issued (the card companies report them under the
  store), and the return's lines take the consignors' 과세/면세 sales out and add the store's
  commission and its VAT (:func:`posapp.reports.supplier_tax.consignment_figures`).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from posapp.db.engine import UnitOfWork
from posapp.db.models import TaxInvoice
from posapp.domain.vat_evidence import PaymentShare, split_payments
from posapp.reports.base import PAY, S, as_date, in_period, sale_filters
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
from posapp.reports.supplier_tax import ConsignmentFigures, consignment_figures

log = logging.getLogger(__name__)

#: the evidence rows of the VAT figures, in the order of the forms
EVIDENCE_ROWS: tuple[tuple[str, str], ...] = (
    ("card", "신용·직불·선불카드"),
    ("cash_receipt", "현금영수증"),
    ("e_payment", "직불·선불 전자지급수단"),
    ("tax_invoice", "세금계산서"),
    ("invoice", "계산서"),
    ("other", "기타 (현금·상품권 등)"),
)
EVIDENCE_KO = dict(EVIDENCE_ROWS)

#: ``payments.evidence`` → its row; a value not listed is counted under 기타 and named in a note
EVIDENCE_OF: dict[str, str] = {
    "card": "card",
    "prepaid_card": "card",  # 온누리 카드형: a 선불카드 slip
    "cash_receipt": "cash_receipt",
    "e_payment": "e_payment",
    "epay": "e_payment",
    "e_voucher": "e_payment",
    "mobile_voucher": "e_payment",  # 온누리 / 지역사랑 모바일: 선불 전자지급수단
    "cash": "other",
    "voucher": "other",
    # 교환: the refund's part (−) and the new sale's part (+) of one exchange cancel out
    "exchange": "other",
}
#: 원단위 절사 (``Method.ROUNDING``): won the customer was not asked for — no money, no
#: evidence. The return takes it as 에누리 (부가가치세법 §29⑤1): it is not part of the supply,
#: so its share leaves every row and is said once in a note.
ROUNDING_EVIDENCE = "rounding"
#: the card-slip family of the 집계표 (the rows a 세금계산서 may not also be issued for)
SLIP_ROWS = ("card", "cash_receipt", "e_payment")
ACTIVE_INVOICE_STATES = ("to_issue", "issued")
#: the register column of supplies invoiced without a receipt (bookings paid by transfer)
OFF_TILL = "계산대 밖 (예약)"


@dataclass
class Sums:
    """Running sums of one cell group: payments, 과세 공급대가, 공급가액, 부가세, 면세."""

    count: int = 0
    taxable: int = 0
    supply: int = 0
    vat: int = 0
    exempt: int = 0

    def add(self, share: PaymentShare, count: int = 1) -> None:
        self.count += count
        self.taxable += share.taxable
        self.supply += share.supply
        self.vat += share.vat
        self.exempt += share.exempt

    @property
    def total(self) -> int:
        return self.taxable + self.exempt


@dataclass
class VatFigures:
    """The sums of a period: per evidence row, per register × row, per month × row."""

    period: Period
    rows: dict[str, Sums] = field(default_factory=lambda: defaultdict(Sums))
    by_register: dict[tuple[str, str], Sums] = field(default_factory=lambda: defaultdict(Sums))
    by_month: dict[tuple[str, str], Sums] = field(default_factory=lambda: defaultdict(Sums))
    #: per tender method (``payments.method``), whatever its evidence
    by_method: dict[str, Sums] = field(default_factory=lambda: defaultdict(Sums))
    unknown_evidence: set[str] = field(default_factory=set)
    #: card-slip evidence on receipts that also have a tax invoice (should stay 0: §33②)
    slip_and_invoice: Sums = field(default_factory=Sums)
    #: the 원단위 절사 shares (에누리), kept out of the rows and the return's lines
    rounding: Sums = field(default_factory=Sums)

    def row(self, key: str) -> Sums:
        return self.rows.get(key) or Sums()


def _invoiced(uow: UnitOfWork, uuids: Iterable[str]) -> set[str]:
    ti = TaxInvoice.__table__
    wanted = list(set(uuids))
    out: set[str] = set()
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        out |= {
            u
            for (u,) in uow.conn.execute(
                select(ti.c.sale_uuid).where(
                    ti.c.sale_uuid.in_(chunk), ti.c.state.in_(ACTIVE_INVOICE_STATES)
                )
            )
        }
    return out


def vat_figures(uow: UnitOfWork, period: Period, f: Filters = NO_FILTERS) -> VatFigures:
    """Sum the period's receipts (sales and refunds, by business day) by evidence row."""
    if f.on_products:
        raise ReportError(
            "VAT figures are per receipt, not per product: drop the product filter",
            code=ReportErrorCode.FILTER,
        )
    orig = S.alias("orig")
    q = (
        select(
            S.c.id,
            S.c.uuid,
            orig.c.uuid,
            S.c.register_id,
            S.c.business_date,
            S.c.taxable_total,
            S.c.vat,
            S.c.exempt_total,
            PAY.c.evidence,
            PAY.c.amount,
            PAY.c.method,
        )
        .select_from(
            S.outerjoin(PAY, PAY.c.sale_id == S.c.id).outerjoin(
                orig, orig.c.id == S.c.original_sale_id
            )
        )
        .where(in_period(period), *sale_filters(f))
        .order_by(S.c.id, PAY.c.seq)
    )
    rows = list(uow.conn.execute(q))
    invoiced = _invoiced(uow, [u for r in rows for u in (r[1], r[2]) if u])
    out = VatFigures(period)
    i = 0
    while i < len(rows):
        j = i
        while j < len(rows) and rows[j][0] == rows[i][0]:
            j += 1
        _add_receipt(out, rows[i:j], invoiced)
        i = j
    if f.register_id is None and f.user_id is None:
        _add_off_till(uow, out, period)
    return out


def _add_off_till(uow: UnitOfWork, out: VatFigures, period: Period) -> None:
    """The requests for supplies with no receipt (bookings paid by transfer), by their day."""
    ti = TaxInvoice.__table__
    q = select(ti.c.business_date, ti.c.supply_value, ti.c.vat, ti.c.exempt_total).where(
        ti.c.booking_uuid.is_not(None),
        ti.c.sale_uuid.is_(None),
        ti.c.state.in_(ACTIVE_INVOICE_STATES),
        ti.c.business_date.between(period.start, period.end),
    )
    for day, supply, vat, exempt in uow.conn.execute(q.order_by(ti.c.id)):
        month = as_date(day).isoformat()[:7]
        taxable = int(supply) + int(vat)
        parts = [
            ("tax_invoice", PaymentShare(taxable, taxable, int(supply), int(vat), 0)),
            ("invoice", PaymentShare(int(exempt), 0, 0, 0, int(exempt))),
        ]
        for k, p in [(k, p) for k, p in parts if p.amount]:
            out.rows[k].add(p)
            out.by_register[(OFF_TILL, k)].add(p)
            out.by_month[(month, k)].add(p)


def _add_receipt(out: VatFigures, rows: Sequence[Any], invoiced: set[str]) -> None:
    first = rows[0]
    uuid, orig_uuid, register = str(first[1]), first[2], str(first[3])
    month = as_date(first[4]).isoformat()[:7]
    taxable_total, vat, exempt_total = (int(first[k] or 0) for k in (5, 6, 7))
    pays = [(str(r[8]), int(r[9] or 0), str(r[10])) for r in rows if r[8] is not None]
    if not pays:  # a receipt paid by nothing recorded (a zero total): 기타
        pays = [("cash", taxable_total + exempt_total, "cash")]
    shares = split_payments(
        [a for _, a, _ in pays], taxable_total=taxable_total, vat=vat, exempt_total=exempt_total
    )
    with_invoice = uuid in invoiced or (orig_uuid is not None and str(orig_uuid) in invoiced)
    for (evidence, _, method), share in zip(pays, shares, strict=True):
        out.by_method[method].add(share)
        if evidence == ROUNDING_EVIDENCE:
            out.rounding.add(share)
            continue
        key = EVIDENCE_OF.get(evidence)
        if key is None:
            out.unknown_evidence.add(evidence)
            key = "other"
        if with_invoice:
            if key in SLIP_ROWS:
                out.slip_and_invoice.add(share)
            taxable_part = PaymentShare(share.taxable, share.taxable, share.supply, share.vat, 0)
            exempt_part = PaymentShare(share.exempt, 0, 0, 0, share.exempt)
            parts = [("tax_invoice", taxable_part), ("invoice", exempt_part)]
            parts = [(k, p) for k, p in parts if p.amount] or [("tax_invoice", taxable_part)]
        else:
            parts = [(key, share)]
        for k, p in parts:
            out.rows[k].add(p)
            out.by_register[(register, k)].add(p)
            out.by_month[(month, k)].add(p)


# --- the report ------------------------------------------------------------------------------

VAT_COLUMNS = (
    Column("evidence", "증빙"),
    Column("count", "결제건수", "int"),
    Column("total", "합계(공급대가)", "krw"),
    Column("taxable", "과세 공급대가", "krw"),
    Column("supply", "과세 공급가액", "krw"),
    Column("vat", "부가세", "krw"),
    Column("exempt", "면세 금액", "krw"),
)


def _cells(s: Sums) -> tuple[int, int, int, int, int, int]:
    return (s.count, s.total, s.taxable, s.supply, s.vat, s.exempt)


def period_name(period: Period) -> str:
    """The period as the return names it: a month, a quarter (예정/확정) or a half-year (기)."""
    a, b = period.start, period.end
    nxt = b + dt.timedelta(days=1)
    if a.day != 1 or nxt.day != 1:
        return period.label()
    months = (nxt.year - a.year) * 12 + nxt.month - a.month
    if months == 1:
        return f"{a.year}년 {a.month}월"
    if months == 3 and a.month in (1, 4, 7, 10):
        q = (a.month - 1) // 3 + 1
        kind = "예정" if q in (1, 3) else "확정"
        return f"{a.year}년 {q}분기 (제{1 if q <= 2 else 2}기 {kind})"
    if months == 6 and a.month in (1, 7):
        return f"{a.year}년 제{1 if a.month == 1 else 2}기 ({a.month}~{a.month + 5}월)"
    return period.label()


def quarter(year: int, q: int) -> Period:
    """The calendar quarter ``q`` (1–4) of ``year``."""
    if q not in (1, 2, 3, 4):
        raise ReportError(f"a quarter is 1 to 4, not {q}", code=ReportErrorCode.PERIOD_NAME)
    start = dt.date(year, 3 * q - 2, 1)
    end = dt.date(year + (q == 4), 1 if q == 4 else 3 * q + 1, 1) - dt.timedelta(days=1)
    return Period(start, end)


def half(year: int, h: int) -> Period:
    """The VAT half-year ``h`` (제1기 January–June, 제2기 July–December) of ``year``."""
    if h not in (1, 2):
        raise ReportError(f"a half-year is 1 or 2, not {h}", code=ReportErrorCode.PERIOD_NAME)
    return (
        Period(dt.date(year, 1, 1), dt.date(year, 6, 30))
        if h == 1
        else Period(dt.date(year, 7, 1), dt.date(year, 12, 31))
    )


def named_period(text: str) -> Period:
    """``2026-03`` (a month), ``2026Q1`` (a quarter) or ``2026H1`` (a half-year)."""
    t = text.strip().upper()
    try:
        if len(t) == 6 and t[4] == "Q":
            return quarter(int(t[:4]), int(t[5]))
        if len(t) == 6 and t[4] == "H":
            return half(int(t[:4]), int(t[5]))
        if len(t) == 7 and t[4] == "-":
            y, m = int(t[:4]), int(t[5:])
            start = dt.date(y, m, 1)
            nxt = dt.date(y + (m == 12), 1 if m == 12 else m + 1, 1)
            return Period(start, nxt - dt.timedelta(days=1))
    except ValueError:
        pass
    raise ReportError(
        f"not a period name: {text!r} (2026-03, 2026Q1 or 2026H1)",
        code=ReportErrorCode.PERIOD_NAME,
        value=text,
    )


def vat_return(uow: UnitOfWork, period: Period, f: Filters = NO_FILTERS) -> Report:
    """The VAT-return figures of the period (of one register with ``f.register_id``)."""
    fig = vat_figures(uow, period, f)
    cons = consignment_figures(uow, period, f)
    rows: tuple[ReportRow, ...] = tuple(
        (label, *_cells(fig.row(key))) for key, label in EVIDENCE_ROWS
    )
    totals = ("합계", *(sum(int(r[i]) for r in rows) for i in range(1, 7)))
    sections = [
        _return_lines(fig, cons),
        _card_summary(fig),
        _months(fig),
        _registers(fig),
    ]
    notes = [
        "공급가액·부가세는 영수증마다 나눈 값(공급가액 = 과세 공급대가 × 10/11 반올림)을 "
        "결제수단별로 비례 배분한 것입니다: 행의 합은 영수증 합계와 원 단위까지 같습니다 "
        "(원단위 절사가 있으면 그 금액만큼 적습니다).",
        "환불은 환불한 날의 기간에서 뺍니다 (원 판매의 기간은 바뀌지 않습니다).",
        "세금계산서·계산서를 요청한 판매는 결제수단과 관계없이 세금계산서(과세분)·"
        "계산서(면세분) 행에 들어갑니다. 계산대에서 받지 않은 예약(계좌이체)의 요청은 "
        "수업일의 기간에 같은 행으로 들어갑니다.",
    ]
    if cons.taxable_net or cons.exempt_net:
        notes.append(
            f"위탁판매분(과세 ₩{cons.taxable_net:,}, 면세 ₩{cons.exempt_net:,})은 "
            "위탁자의 공급이라 점포의 과세표준·면세 수입금액에서 빼고, "
            "점포의 수수료(세금계산서)를 더했습니다. "
            "증빙 행(카드전표 등)은 점포가 발급한 그대로입니다."
        )
    if fig.rounding.count:
        r = fig.rounding
        notes.append(
            f"원단위 절사 {r.count}건 ₩{r.total:,} (과세 ₩{r.taxable:,}: 공급가액 ₩{r.supply:,}, "
            f"부가세 ₩{r.vat:,}; 면세 ₩{r.exempt:,})은 받지 않은 금액이라 에누리"
            "(부가가치세법 §29⑤)로 보아 모든 행과 과세표준에서 뺐습니다."
        )
    if fig.unknown_evidence:
        notes.append(
            "알 수 없는 증빙 유형은 기타로 셌습니다: " + ", ".join(sorted(fig.unknown_evidence))
        )
    if fig.slip_and_invoice.count:
        notes.append(
            f"카드전표·현금영수증과 세금계산서가 함께 있는 결제 {fig.slip_and_invoice.count}건 "
            f"(₩{fig.slip_and_invoice.total:,}): 이중 발급입니다 (부가가치세법 §33②)."
        )
    chart = Series(
        "합계", tuple((label, fig.row(key).total) for key, label in EVIDENCE_ROWS), "bar"
    )
    title = "부가세 신고 자료"
    if f.register_id:
        title += f" — 계산대 {f.register_id}"
    return Report(
        "vat",
        f"{title} ({period_name(period)})",
        period,
        f,
        VAT_COLUMNS,
        rows,
        totals,
        chart,
        tuple(notes),
        tuple(sections),
    )


RETURN_COLUMNS = (
    Column("line", "신고서 항목"),
    Column("supply", "금액(공급가액)", "krw"),
    Column("vat", "세액", "krw"),
)


def _return_lines(
    fig: VatFigures, cons: ConsignmentFigures
) -> tuple[str, tuple[Column, ...], tuple[ReportRow, ...]]:
    ti = fig.row("tax_invoice")
    slips = [fig.row(k) for k in SLIP_ROWS]
    other = fig.row("other")
    card_supply = sum(s.supply for s in slips)
    card_vat = sum(s.vat for s in slips)
    exempt = sum(s.exempt for s in fig.rows.values())
    supply = ti.supply + cons.commission_supply + card_supply + other.supply - cons.supply
    tax = ti.vat + cons.commission_vat + card_vat + other.vat - cons.vat
    rows: list[ReportRow] = [
        ("(1) 과세 세금계산서 발급분", ti.supply, ti.vat),
        ("(3) 과세 신용카드·현금영수증 발행분", card_supply, card_vat),
        ("(4) 과세 기타(정규영수증 외 매출분)", other.supply, other.vat),
    ]
    if cons.taxable_net or cons.exempt_net or cons.commission_supply:
        rows += [
            (
                "(1) 위탁판매 수수료 세금계산서 (점포의 공급)",
                cons.commission_supply,
                cons.commission_vat,
            ),
            ("위탁판매 과세분 차감 (위탁자의 공급)", -cons.supply, -cons.vat),
        ]
    rows += [
        ("(9) 과세표준 및 매출세액 합계", supply, tax),
        ("면세 수입금액 (계산서 발급분 포함)", exempt - cons.exempt_net, None),
        ("  그 중 계산서 발급금액", fig.row("invoice").exempt, None),
    ]
    if cons.exempt_net:
        rows.append(("  위탁판매 면세분 (위탁자의 공급, 제외함)", cons.exempt_net, None))
    return ("부가가치세 신고서: 과세표준 및 매출세액", RETURN_COLUMNS, tuple(rows))


CARD_COLUMNS = (
    Column("kind", "구분"),
    Column("total", "⑤ 합계", "krw"),
    Column("card", "⑥ 신용·직불·기명식 선불카드", "krw"),
    Column("cash_receipt", "⑦ 현금영수증", "krw"),
    Column("e_payment", "⑧ 직불·기명식 선불 전자지급수단", "krw"),
)


def _card_summary(fig: VatFigures) -> tuple[str, tuple[Column, ...], tuple[ReportRow, ...]]:
    cells = [fig.row(k) for k in SLIP_ROWS]

    def line(label: str, values: list[int]) -> ReportRow:
        return (label, sum(values), *values)

    rows: tuple[ReportRow, ...] = (
        line("합계", [c.total for c in cells]),
        line("과세 매출분", [c.taxable for c in cells]),
        line("면세 매출분", [c.exempt for c in cells]),
        line("봉사료", [0, 0, 0]),
        line("그 중 세금계산서·계산서 발급금액", [0, 0, 0])
        if not fig.slip_and_invoice.count
        else ("그 중 세금계산서·계산서 발급금액", fig.slip_and_invoice.total, None, None, None),
    )
    return ("신용카드매출전표등 발행금액 집계표 (공급대가, 부가세 포함)", CARD_COLUMNS, rows)


MONTH_COLUMNS = (
    Column("month", "월"),
    Column("evidence", "증빙"),
    Column("total", "합계", "krw"),
    Column("supply", "과세 공급가액", "krw"),
    Column("vat", "부가세", "krw"),
    Column("exempt", "면세 금액", "krw"),
)


def _months(fig: VatFigures) -> tuple[str, tuple[Column, ...], tuple[ReportRow, ...]]:
    order = {k: i for i, (k, _) in enumerate(EVIDENCE_ROWS)}
    rows: list[ReportRow] = []
    for month in sorted({m for m, _ in fig.by_month}):
        acc = Sums()
        for (m, k), s in sorted(fig.by_month.items(), key=lambda kv: order[kv[0][1]]):
            if m != month:
                continue
            rows.append((month, EVIDENCE_KO[k], s.total, s.supply, s.vat, s.exempt))
            acc.taxable += s.taxable
            acc.supply += s.supply
            acc.vat += s.vat
            acc.exempt += s.exempt
        rows.append((month, "월 합계", acc.total, acc.supply, acc.vat, acc.exempt))
    return ("월별", MONTH_COLUMNS, tuple(rows))


REGISTER_COLUMNS = (
    Column("register", "계산대"),
    Column("evidence", "증빙"),
    Column("count", "결제건수", "int"),
    Column("total", "합계", "krw"),
    Column("taxable", "과세 공급대가", "krw"),
    Column("supply", "과세 공급가액", "krw"),
    Column("vat", "부가세", "krw"),
    Column("exempt", "면세 금액", "krw"),
)


def _registers(fig: VatFigures) -> tuple[str, tuple[Column, ...], tuple[ReportRow, ...]]:
    order = {k: i for i, (k, _) in enumerate(EVIDENCE_ROWS)}
    rows = tuple(
        (reg, EVIDENCE_KO[k], *_cells(s))
        for (reg, k), s in sorted(
            fig.by_register.items(), key=lambda kv: (kv[0][0], order[kv[0][1]])
        )
    )
    return ("계산대별", REGISTER_COLUMNS, rows)
