"""Reports as XLSX workbooks (openpyxl) for the accountant: the report's table on the first
sheet, each section on a sheet of its own, notes under the table.

Owns the workbook layout only: money and counts are real numbers with a ``#,##0`` format (so
Excel sums them), percentages ``0.0``, headers bold and frozen, columns as wide as their longest
text (Hangul counts double), the Korean font Excel uses by default (맑은 고딕). Text cells that
a spreadsheet would read as a formula (``=``, ``+``, ``-``, ``@`` first) are stored as text
(openpyxl would otherwise write them as formulas).
"""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from posapp.domain.text import display_width
from posapp.reports.model import Column, Report

FONT_NAME = "맑은 고딕"
_BAD_SHEET_CHARS = set("[]:*?/\\")


def _sheet_title(text: str, used: set[str]) -> str:
    clean = "".join(" " if ch in _BAD_SHEET_CHARS else ch for ch in text).strip()[:28] or "표"
    title, n = clean, 2
    while title in used:
        title = f"{clean[:25]} {n}"
        n += 1
    used.add(title)
    return title


def _value(v: Any, col: Column) -> Any:
    if isinstance(v, float) and col.kind != "pct":
        return round(v, 1)
    return v


def _table(
    ws: Worksheet,
    start_row: int,
    cols: Sequence[Column],
    rows: Sequence[Sequence[Any]],
    totals: Sequence[Any] | None,
) -> int:
    plain = Font(name=FONT_NAME, size=10)
    bold = Font(name=FONT_NAME, size=10, bold=True)
    head_fill = PatternFill("solid", fgColor="E1EDE1")
    total_fill = PatternFill("solid", fgColor="F2F2F2")
    r = start_row
    for i, c in enumerate(cols, start=1):
        head = ws.cell(row=r, column=i, value=c.title)
        head.font = bold
        head.fill = head_fill
        head.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    body = [*rows, *([totals] if totals is not None else [])]
    for k, row in enumerate(body):
        r += 1
        is_total = totals is not None and k == len(body) - 1
        for i, (v, c) in enumerate(zip(row, cols, strict=True), start=1):
            cell = ws.cell(row=r, column=i)
            value = _value(v, c)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # text stays text: never read back as a formula
            cell.font = bold if is_total else plain
            if is_total:
                cell.fill = total_fill
            if c.kind in ("krw", "int", "qty") and isinstance(value, int):
                cell.number_format = "#,##0"
            elif c.kind == "pct" and isinstance(value, float | int):
                cell.number_format = "0.0"
    return r


def _widths(ws: Worksheet) -> None:
    widths: dict[int, int] = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            text = f"{cell.value:,}" if isinstance(cell.value, int) else str(cell.value)
            widths[cell.column] = max(widths.get(cell.column, 0), display_width(text))
    for col, w in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = min(60, max(8, w + 2))


def to_xlsx(report: Report) -> bytes:
    """The report as an XLSX workbook (bytes)."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None  # a new workbook has its one sheet
    used: set[str] = set()
    ws.title = _sheet_title(report.name, used)
    title_font = Font(name=FONT_NAME, size=14, bold=True)
    ws.cell(row=1, column=1, value=report.title).font = title_font
    ws.cell(row=2, column=1, value=f"기간: {report.period.label()}").font = Font(name=FONT_NAME)
    last = _table(ws, 4, report.columns, report.rows, report.totals)
    ws.freeze_panes = "A5"
    for note in report.notes:
        last += 1
        ws.cell(row=last + 1, column=1, value=f"※ {note}").font = Font(name=FONT_NAME, size=9)
    _widths(ws)
    # the long title and notes would widen the first column: keep it to the table's text
    first = [c.title for c in report.columns[:1]] + [str(r[0]) for r in report.rows]
    ws.column_dimensions["A"].width = min(60, max(10, *(display_width(t) + 2 for t in first)))
    for title, cols, rows in report.sections:
        sheet = wb.create_sheet(_sheet_title(title, used))
        sheet.cell(row=1, column=1, value=title).font = title_font
        sheet.cell(row=2, column=1, value=f"기간: {report.period.label()}").font = Font(
            name=FONT_NAME
        )
        _table(sheet, 4, cols, rows, None)
        sheet.freeze_panes = "A5"
        _widths(sheet)
        sheet.column_dimensions["A"].width = min(
            60, max(10, *(display_width(str(r[0])) + 2 for r in [(cols[0].title,), *rows]))
        )
    wb.properties.title = report.title
    wb.properties.creator = "I·Market·U POS"
    buf = BytesIO()
    wb.save(buf)
    return buf.getvalue()
