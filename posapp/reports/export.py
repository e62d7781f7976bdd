"""Reports as CSV (UTF-8 with a BOM, so Korean Excel opens it without garbling) and as plain
text for the terminal (columns aligned by display width: Hangul counts two).

Owns the cell formatting of both; money stays a bare integer in CSV so spreadsheets can sum it.
Every CSV cell goes through :func:`posapp.domain.csv_cells.safe_writer` (text that starts like a
formula is written with an apostrophe): use it, never ``csv.writer``, for any new CSV export.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from posapp.domain.csv_cells import safe_writer
from posapp.domain.text import display_width
from posapp.reports.model import Column, Report

BOM = "\ufeff"


def cell_text(value: Any, col: Column) -> str:
    """A cell for people: money and quantities with thousands separators, empty for None."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}"
    if isinstance(value, int) and col.kind in ("krw", "qty", "int"):
        return f"{value:,}"
    return str(value)


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    return value


def to_csv(report: Report) -> bytes:
    """The report as CSV bytes: a title line, the header, the rows, the totals, then each
    section (a blank line, its title, its header and rows)."""
    buf = io.StringIO()
    w = safe_writer(buf, lineterminator="\r\n")
    w.writerow([report.title, report.period.label()])
    w.writerow([c.title for c in report.columns])
    for row in report.rows:
        w.writerow([_csv_cell(v) for v in row])
    if report.totals is not None:
        w.writerow([_csv_cell(v) for v in report.totals])
    for title, cols, rows in report.sections:
        w.writerow([])
        w.writerow([title])
        w.writerow([c.title for c in cols])
        for row in rows:
            w.writerow([_csv_cell(v) for v in row])
    for note in report.notes:
        w.writerow([])
        w.writerow([note])
    return (BOM + buf.getvalue()).encode("utf-8")


def _table(cols: Sequence[Column], rows: Sequence[Sequence[Any]], totals: Any = None) -> list[str]:
    body = [[cell_text(v, c) for v, c in zip(r, cols, strict=True)] for r in rows]
    foot = [cell_text(v, c) for v, c in zip(totals, cols, strict=True)] if totals else None
    head = [c.title for c in cols]
    everything = [head, *body, *([foot] if foot else [])]
    widths = [max(display_width(r[i]) for r in everything) for i in range(len(cols))]

    def line(cells: list[str]) -> str:
        out = []
        for text, col, width in zip(cells, cols, widths, strict=True):
            pad = " " * (width - display_width(text))
            out.append(pad + text if col.numeric else text + pad)
        return "  ".join(out).rstrip()

    rule = "-" * (sum(widths) + 2 * (len(widths) - 1))
    lines = [line(head), rule, *(line(r) for r in body)]
    if foot:
        lines += [rule, line(foot)]
    return lines


def to_text(report: Report) -> str:
    """The report as aligned plain text (Korean headers)."""
    lines = [f"{report.title}  {report.period.label()}", ""]
    lines += _table(report.columns, report.rows, report.totals)
    if not report.rows:
        lines.append("(자료 없음)")
    for title, cols, rows in report.sections:
        lines += ["", f"[{title}]", *_table(cols, rows)]
    for note in report.notes:
        lines += ["", f"* {note}"]
    return "\n".join(lines) + "\n"
