"""The inventory printouts as PDF (reportlab, Korean with the embedded NanumGothic): the purchase
order sent to a supplier (발주서) and the count sheet (재고조사표) counted on paper.

Owns the layout only; the data comes from posapp.inventory.purchasing / counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from posapp.domain import calendar
from posapp.domain.money import format_amount, format_won
from posapp.inventory.counts import CountInfo, CountLine
from posapp.inventory.pdf import FONT, FONT_BOLD, a4_pdf, register_fonts
from posapp.inventory.purchasing import POInfo

UNIT_KO = {"ea": "개", "kg": "kg", "100g": "g"}


@dataclass(frozen=True, slots=True)
class StoreHeader:
    name: str = "I·Market·U"
    address: str = "서울 종로구 율곡로 39 안국빌딩 신관"
    phone: str = ""
    business_number: str = ""


def _styles() -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    register_fonts()
    title = ParagraphStyle("t", fontName=FONT_BOLD, fontSize=18, leading=24, spaceAfter=6)
    body = ParagraphStyle("b", fontName=FONT, fontSize=9, leading=13)
    small = ParagraphStyle("s", fontName=FONT, fontSize=8, leading=10)
    return title, body, small


def _grid(data: list[list[object]], widths: Sequence[float], numeric_from: int) -> Table:
    t = Table(data, colWidths=[w * mm for w in widths], repeatRows=1)
    t.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 8.5),
                ("FONT", (0, 0), (-1, 0), FONT_BOLD, 8.5),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.93, 0.9)),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (numeric_from, 1), (-1, -1), "RIGHT"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return t


def _qty(q: int | None, unit: str) -> str:
    if q is None:
        return ""
    return f"{q:,}{UNIT_KO.get(unit, '')}"


def purchase_order_pdf(po: POInfo, store: StoreHeader = StoreHeader()) -> bytes:
    """The 발주서 for ``po``: supplier, lines with quantities and costs, total."""
    title, body, small = _styles()
    when = calendar.to_local(po.sent_at or po.created_at)
    head: list[list[object]] = [
        ["발주번호", po.number, "발주일", when.strftime("%Y-%m-%d")],
        ["공급처", po.supplier_name, "담당 / 연락처", f"{po.supplier_contact} {po.supplier_phone}"],
        ["발주처", store.name, "주소", Paragraph(store.address, small)],
    ]
    ht = Table(head, colWidths=[22 * mm, 68 * mm, 25 * mm, 65 * mm])
    ht.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9),
                ("FONT", (0, 0), (0, -1), FONT_BOLD, 9),
                ("FONT", (2, 0), (2, -1), FONT_BOLD, 9),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (0, -1), colors.Color(0.95, 0.95, 0.95)),
                ("BACKGROUND", (2, 0), (2, -1), colors.Color(0.95, 0.95, 0.95)),
            ]
        )
    )
    rows: list[list[object]] = [["No", "바코드", "품명", "수량", "단가", "금액"]]
    for ln in po.lines:
        rows.append(
            [
                ln.line_no,
                ln.barcode or "",
                Paragraph(ln.name, small),
                _qty(ln.qty_ordered, ln.unit),
                format_amount(ln.unit_cost) if ln.unit_cost is not None else "",
                format_amount(ln.amount) if ln.unit_cost is not None else "",
            ]
        )
    rows.append(["", "", "합계", "", "", format_won(po.total)])
    lt = _grid(rows, [10, 30, 70, 22, 24, 24], 3)
    lt.setStyle(TableStyle([("FONT", (0, -1), (-1, -1), FONT_BOLD, 9)]))
    story = [
        Paragraph("발 주 서", title),
        ht,
        Spacer(1, 6 * mm),
        lt,
        Spacer(1, 6 * mm),
        Paragraph(po.note or "", body),
        Paragraph(
            "납품 시 유통기한과 로트번호를 표시해 주십시오."
            + (f" 문의: {store.phone}" if store.phone else ""),
            small,
        ),
    ]
    return a4_pdf(story, f"발주서 {po.number}")


def count_sheet_pdf(
    count: CountInfo,
    lines: Sequence[CountLine],
    *,
    show_expected: bool = False,
    store: StoreHeader = StoreHeader(),
) -> bytes:
    """The 재고조사표: a blank column to write what is counted (expected hidden by default,
    so the count is blind), grouped by category, with a signature line."""
    title, body, small = _styles()
    started = calendar.to_local(count.started_at).strftime("%Y-%m-%d %H:%M")
    header: list[object] = ["분류", "바코드", "품명", "산지"]
    widths = [24, 30, 70, 22]
    if show_expected:
        header.append("전산")
        widths.append(18)
    header += ["실사 수량"]
    widths += [22]
    rows: list[list[object]] = [header]
    for ln in lines:
        row: list[object] = [ln.category, ln.barcode or "", Paragraph(ln.name, small), ln.region]
        if show_expected:
            row.append(_qty(ln.expected_at_start, ln.unit))
        row.append(_qty(ln.counted, ln.unit))
        rows.append(row)
    story = [
        Paragraph("재 고 조 사 표", title),
        Paragraph(
            f"{store.name} · 조사 번호 {count.id} · 시작 {started} · 품목 {len(lines):,}개", body
        ),
        Paragraph(
            "조사 중 판매는 따로 계산됩니다: 진열된 수량을 그대로 적어 주십시오. "
            "무게 상품은 g 단위로 적습니다.",
            small,
        ),
        Spacer(1, 4 * mm),
        _grid(rows, widths, 4),
        Spacer(1, 8 * mm),
        Paragraph("조사자: ________________   확인: ________________", body),
    ]
    return a4_pdf(story, f"재고조사표 {count.id}", margin_mm=12)
