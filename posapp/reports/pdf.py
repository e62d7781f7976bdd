"""Reports as PDF (reportlab, the bundled NanumGothic embedded as TrueType): any report as a
titled table with its chart, a settlement statement per supplier, and the summary per partner
region for the local governments.

Owns the layout only; the figures come from the report queries as :class:`Report` /
:class:`SupplierSettlement` dataclasses.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from posapp.domain import calendar
from posapp.inventory.pdf import FONT, FONT_BOLD, TableCommand, register_fonts
from posapp.reports.export import cell_text
from posapp.reports.model import Column, Report, Series
from posapp.reports.settlement import KIND_KO, SupplierSettlement, statement_sections

STORE = "I·Market·U (아이마켓유)"
PALETTE = [
    colors.HexColor(c)
    for c in (
        "#2e7d32",
        "#1565c0",
        "#ef6c00",
        "#6a1b9a",
        "#c62828",
        "#00838f",
        "#9e9d24",
        "#4e342e",
        "#5d4037",
        "#283593",
        "#ad1457",
        "#558b2f",
    )
]


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    return {
        "title": ParagraphStyle("t", fontName=FONT_BOLD, fontSize=16, leading=22, spaceAfter=4),
        "h2": ParagraphStyle(
            "h",
            fontName=FONT_BOLD,
            fontSize=11,
            leading=15,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,  # a section's title never ends a page without its table
        ),
        "body": ParagraphStyle("b", fontName=FONT, fontSize=9, leading=13),
        "small": ParagraphStyle(
            "s", fontName=FONT, fontSize=7.5, leading=10, textColor=colors.Color(0.3, 0.3, 0.3)
        ),
    }


def _short(label: str, n: int = 8) -> str:
    return label if len(label) <= n else label[: n - 1] + "…"


def chart_drawing(series: Series, width: float, height: float = 60 * mm) -> Drawing:
    """The series as a bar, line or pie chart with Korean labels."""
    register_fonts()
    d = Drawing(width, height)
    points = list(series.points)
    if not points:
        d.add(
            String(
                width / 2, height / 2, "자료 없음", fontName=FONT, fontSize=10, textAnchor="middle"
            )
        )
        return d
    values = [int(v) for _, v in points]
    labels = [str(k) for k, _ in points]
    if series.kind == "pie" and all(v >= 0 for v in values) and sum(values) > 0:
        pie = Pie()
        pie.x, pie.y = 20, 10
        pie.width = pie.height = height - 20  # type: ignore[assignment]  # points: the stub says int, reportlab takes any number
        pie.data = values
        pie.labels = [f"{_short(k)} {100 * v / sum(values):.0f}%" for k, v in points]
        pie.slices.fontName = FONT
        pie.slices.fontSize = 7
        pie.sideLabels = True
        for i in range(len(values)):
            pie.slices[i].fillColor = PALETTE[i % len(PALETTE)]
        d.add(pie)
        return d
    chart: Any = HorizontalLineChart() if series.kind == "line" else VerticalBarChart()
    chart.x, chart.y = 55, 28
    chart.width, chart.height = width - 70, height - 40
    chart.data = [values]
    step = max(1, -(-len(labels) // 20))
    chart.categoryAxis.categoryNames = [
        _short(k[5:] if len(k) == 10 and k[4] == "-" else k) if i % step == 0 else ""
        for i, k in enumerate(labels)
    ]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.angle = 30 if len(labels) > 6 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(labels) > 6 else "n"
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = lambda v: f"{v:,.0f}"
    chart.valueAxis.valueMin = min(0, min(values))
    if series.kind == "line":
        chart.lines[0].strokeColor = PALETTE[0]
        chart.lines[0].strokeWidth = 1.5
    else:
        chart.bars[0].fillColor = PALETTE[0]
        chart.bars[0].strokeColor = None
    d.add(chart)
    d.add(String(chart.x, height - 8, series.name, fontName=FONT_BOLD, fontSize=8))
    return d


def _grid(
    cols: Sequence[Column],
    rows: Sequence[Sequence[Any]],
    totals: Any,
    width: float,
    font_size: float = 7.5,
) -> Table:
    head = [c.title for c in cols]
    wrap = ParagraphStyle("cell", fontName=FONT, fontSize=font_size, leading=font_size + 2)

    def cell(v: Any, c: Column) -> Any:
        text = cell_text(v, c)
        if not c.numeric and len(text) > 12:  # long names wrap inside their column
            return Paragraph(text.replace("&", "&amp;").replace("<", "&lt;"), wrap)
        return text

    body = [[cell(v, c) for v, c in zip(r, cols, strict=True)] for r in rows]
    data = [head, *body]
    if totals is not None:
        data.append([cell_text(v, c) for v, c in zip(totals, cols, strict=True)])
    weights = [2.2 if not c.numeric and c.kind != "date" else 1.0 for c in cols]
    unit = width / sum(weights)
    t = Table(data, colWidths=[w * unit for w in weights], repeatRows=1)
    style: list[TableCommand] = [
        ("FONT", (0, 0), (-1, -1), FONT, font_size),
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, font_size),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.93, 0.88)),
        ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for i, c in enumerate(cols):
        if c.numeric:
            style.append(("ALIGN", (i, 1), (i, -1), "RIGHT"))
    if totals is not None:
        style += [
            ("FONT", (0, -1), (-1, -1), FONT_BOLD, font_size),
            ("BACKGROUND", (0, -1), (-1, -1), colors.Color(0.95, 0.95, 0.95)),
        ]
    t.setStyle(TableStyle(style))
    return t


def _doc(buf: BytesIO, wide: bool, title: str) -> SimpleDocTemplate:
    size = landscape(A4) if wide else A4
    doc = SimpleDocTemplate(
        buf,
        pagesize=size,
        leftMargin=14 * mm,
        rightMargin=14 * mm,
        topMargin=14 * mm,
        bottomMargin=14 * mm,
        title=title,
        author=STORE,
    )
    return doc


def _footer(canvas: Any, doc: Any) -> None:
    canvas.saveState()
    canvas.setFont(FONT, 7)
    stamp = calendar.now_local().strftime("%Y-%m-%d %H:%M")
    canvas.drawString(doc.leftMargin, 8 * mm, f"{STORE} · 출력 {stamp}")
    canvas.drawRightString(doc.pagesize[0] - doc.rightMargin, 8 * mm, f"{doc.page} 쪽")
    canvas.restoreState()


def _filters_text(report: Report, labels: dict[str, str] | None) -> str:
    if not labels:
        return ""
    return " · ".join(f"{k}: {v}" for k, v in labels.items())


def report_pdf(
    report: Report, *, filter_labels: dict[str, str] | None = None, subtitle: str = ""
) -> bytes:
    """Any report: title, period and filters, its chart, the table with totals, sections and
    notes; landscape when the table is wide."""
    st = _styles()
    buf = BytesIO()
    wide = len(report.columns) > 7 or any(len(c) > 7 for _, c, _ in report.sections)
    doc = _doc(buf, wide, report.title)
    story: list[Flowable] = [Paragraph(report.title, st["title"])]
    story.append(Paragraph(f"기간: {report.period.label()} (영업일, 서울 기준)", st["body"]))
    if subtitle:
        story.append(Paragraph(subtitle, st["body"]))
    ft = _filters_text(report, filter_labels)
    if ft:
        story.append(Paragraph(f"조건: {ft}", st["body"]))
    story.append(Spacer(1, 4 * mm))
    if report.chart is not None and len(report.chart.points) > 1:
        story.append(chart_drawing(report.chart, doc.width))
        story.append(Spacer(1, 4 * mm))
    if report.rows:
        story.append(_grid(report.columns, report.rows, report.totals, doc.width))
    else:
        story.append(Paragraph("자료 없음", st["body"]))
    for title, cols, rows in report.sections:
        story.append(Paragraph(title, st["h2"]))
        story.append(_grid(cols, rows, None, doc.width) if rows else Paragraph("없음", st["body"]))
    for note in report.notes:
        story.append(Spacer(1, 2 * mm))
        story.append(Paragraph(f"※ {note}", st["small"]))
    doc.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return buf.getvalue()


def supplier_statement_pdf(s: SupplierSettlement, period_label: str) -> bytes:
    """The settlement statement (정산서) sent to one supplier, in Korean."""
    st = _styles()
    buf = BytesIO()
    doc = _doc(buf, False, f"정산서 {s.name}")
    kind = KIND_KO.get(s.kind, s.kind)
    story: list[Flowable] = [
        Paragraph(f"정산서 — {s.name}", st["title"]),
        Paragraph(
            f"기간: {period_label} · 지역: {s.region or '-'} · 거래 방식: {kind}"
            + (f" (기본 수수료율 {s.rate}%)" if s.kind != "purchase" and s.rate else ""),
            st["body"],
        ),
        Spacer(1, 4 * mm),
    ]
    summary_cols = (Column("item", "항목"), Column("amount", "금액(원)", "krw"))
    summary: list[tuple[str, int]] = [
        ("판매액 (부가세 포함, 할인 후)", s.sold),
        ("반품액", s.returned),
        ("순매출", s.net),
    ]
    if s.kind == "consignment":
        summary += [
            ("판매 수수료 (공급가액)", -s.commission),
            ("수수료 부가세 (10%)", -s.commission_vat),
            ("지급액", s.payable),
        ]
        basis = "지급액 = 순매출 - 판매 수수료 - 수수료 부가세 (위탁판매: 점포는 수수료를 받습니다)"
    elif s.kind == "specific":
        summary += [("점포 마진", -s.commission), ("지급액 (판매분 매입액)", s.payable)]
        basis = "지급액 = 순매출 - 점포 마진 (특정매입: 판매된 만큼 점포가 매입합니다)"
    else:
        summary += [
            ("판매 원가 (로트 단가)", s.cost),
            ("기간 중 입고액", s.received),
            ("지급액", s.payable),
        ]
        basis = "지급액 = 기간 중 입고된 상품의 매입가 합계 (직매입)"
    t = _grid(summary_cols, summary, None, doc.width * 0.6, font_size=9)
    t.hAlign = "LEFT"
    story += [t, Spacer(1, 1 * mm), Paragraph(basis, st["small"])]
    if s.tax is not None:
        for words in s.tax.rates:
            story.append(Paragraph(f"수수료 적용: {words}", st["small"]))
    for title, cols, rows in statement_sections(s):
        story.append(Paragraph(title, st["h2"]))
        story.append(_grid(cols, rows, None, doc.width) if rows else Paragraph("없음", st["body"]))
    story += [
        Spacer(1, 10 * mm),
        Paragraph(
            f"{STORE} 정산 담당 ____________ (인)      공급자 확인 ____________ (인)", st["body"]
        ),
    ]
    doc.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return buf.getvalue()


def write_supplier_statements(
    sups: list[SupplierSettlement], period_label: str, start: Any, end: Any, folder: Path
) -> list[Path]:
    """One 정산서 PDF per supplier into ``folder`` (made if missing); returns the files."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for s in sups:
        safe = "".join(ch if ch.isalnum() else "_" for ch in s.name)
        path = folder / f"정산서_{safe}_{start}_{end}.pdf"
        path.write_bytes(supplier_statement_pdf(s, period_label))
        out.append(path)
    return out


def region_summary_pdf(report: Report) -> bytes:
    """The settlement summary per partner region, for the local governments."""
    return report_pdf(
        report,
        subtitle="협력 지자체 제출용: 지역별 공급자의 판매·반품·수수료·지급액 합계 (부가세 포함)",
    )
