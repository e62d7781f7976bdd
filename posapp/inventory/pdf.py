"""reportlab helpers shared by the PDFs (inventory, classes): an A4 document builder, the
bundled NanumGothic embedded as TrueType (reportlab's CID fonts are not embedded and render
badly), and barcode drawings made only from
codes our own posapp.domain.barcodes has checked (reportlab silently fixes a wrong check digit).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources
from io import BytesIO
from pathlib import Path
from typing import Any, TypeAlias

from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, SimpleDocTemplate

from posapp.domain.barcodes import Gtin, parse_barcode
from posapp.domain.error_codes import BarcodeErrorCode
from posapp.domain.errors import BarcodeError

FONT = "NanumGothic"
FONT_BOLD = "NanumGothic-Bold"

TableCommand: TypeAlias = tuple[str, tuple[int, int], tuple[int, int], *tuple[Any, ...]]
"""One command of a reportlab TableStyle: its name, the first and last cell, its arguments."""


def _font_file(name: str) -> str:
    return str(Path(str(resources.files("posapp.resources") / "fonts" / name)))


@cache
def register_fonts() -> tuple[str, str]:
    """Register NanumGothic (regular, bold) with reportlab once; returns their names."""
    pdfmetrics.registerFont(TTFont(FONT, _font_file("NanumGothic.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, _font_file("NanumGothicBold.ttf")))
    from reportlab.lib.fonts import addMapping

    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    return FONT, FONT_BOLD


def a4_pdf(
    story: Sequence[Flowable], title: str, *, margin_mm: float = 15, author: str | None = None
) -> bytes:
    """A portrait A4 document of ``story`` (flowables), equal margins, as PDF bytes."""
    buf = BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=margin_mm * mm,
        rightMargin=margin_mm * mm,
        topMargin=margin_mm * mm,
        bottomMargin=margin_mm * mm,
        title=title,
        author=author,  # None: reportlab's own default
    )
    doc.build(list(story))
    return buf.getvalue()


def checked_gtin(code: str) -> Gtin:
    """The code as a checked EAN-13 / EAN-8 / UPC-A, or BarcodeError (never drawn wrong)."""
    parsed = parse_barcode(code)
    if not isinstance(parsed, Gtin):
        raise BarcodeError(
            f"{code} is a scale label, not a product barcode", code=BarcodeErrorCode.NOT_GTIN
        )
    return parsed


def barcode_drawing(code: str, *, bar_height: float, width: float | None = None) -> Drawing:
    """An EAN-13 / EAN-8 / UPC-A drawing of a checked code, scaled to ``width`` points."""
    from reportlab.graphics.barcode import createBarcodeDrawing

    g = checked_gtin(code)
    kind = "EAN8" if len(g.code) == 8 else "EAN13"  # UPC-A is held as 13 digits (leading 0)
    body = g.code[:-1]  # reportlab appends the check digit; ours was verified above
    # reportlab's stub leaves createBarcodeDrawing unannotated; it returns a Drawing
    d: Drawing = createBarcodeDrawing(  # type: ignore[no-untyped-call]  # untyped in the stub
        kind, value=body, barHeight=bar_height, humanReadable=True
    )
    if width is not None and d.width > 0:
        s = width / d.width
        d.scale(s, 1)
        d.width = width
    return d
