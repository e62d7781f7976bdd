"""reportlab helpers shared by the PDFs (inventory, classes, reports): an A4 document builder,
the bundled NanumGothic embedded as TrueType (reportlab's CID fonts are not embedded and render
badly) that never draws a character it lacks (:class:`CoveredTTFont`), and barcode drawings
made only from codes our own posapp.domain.barcodes has checked (reportlab silently fixes a
wrong check digit).
"""

from __future__ import annotations

import unicodedata
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


#: characters NanumGothic lacks, drawn as the nearest one it has (U+2212 MINUS SIGN → "-")
SUBSTITUTES = {
    "\u2212": "-",  # minus sign
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u2043": "-",  # hyphen bullet
    "\u00a0": " ",  # no-break space
    "\u2009": " ",  # thin space
    "\u200a": " ",  # hair space
    "\u202f": " ",  # narrow no-break space
    "\u200b": "",  # zero-width space
    "\ufeff": "",  # byte-order mark
    "\u22c5": "·",  # dot operator
    "\u2219": "·",  # bullet operator
}
MISSING = "?"


class CoveredTTFont(TTFont):
    """A TrueType font that never draws a glyph it lacks (which would print as an empty box):
    every string drawn or measured with it goes through :meth:`covered` first, so each
    character in a PDF is one the embedded font has. One place for every PDF of the app."""

    def covered(self, text: str) -> str:
        """``text`` with each character the font lacks replaced: a listed substitute, else its
        compatibility form (NFKC) when the font has that, else ``?``."""
        cmap = self.face.charToGlyph
        if all(ord(ch) in cmap or ch in "\n\r\t" for ch in text):
            return text
        out = []
        for ch in text:
            if ord(ch) in cmap or ch in "\n\r\t":
                out.append(ch)
                continue
            sub = SUBSTITUTES.get(ch)
            if sub is None:
                nfkc = unicodedata.normalize("NFKC", ch)
                sub = nfkc if nfkc != ch and all(ord(c) in cmap for c in nfkc) else MISSING
            out.append(sub)
        return "".join(out)

    def splitString(self, text: Any, doc: Any, encoding: str = "utf-8") -> Any:
        if isinstance(text, bytes):
            text = text.decode(encoding)
        return super().splitString(self.covered(text), doc, encoding)

    def stringWidth(self, text: Any, size: float, encoding: str = "utf8") -> float:
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        return float(super().stringWidth(self.covered(text), size, encoding))


def covered(text: str) -> str:
    """``text`` as the PDFs draw it with the bundled font (see :class:`CoveredTTFont`)."""
    register_fonts()
    font = pdfmetrics.getFont(FONT)
    assert isinstance(font, CoveredTTFont)
    return font.covered(text)


@cache
def register_fonts() -> tuple[str, str]:
    """Register NanumGothic (regular, bold) with reportlab once; returns their names."""
    pdfmetrics.registerFont(CoveredTTFont(FONT, _font_file("NanumGothic.ttf")))
    pdfmetrics.registerFont(CoveredTTFont(FONT_BOLD, _font_file("NanumGothicBold.ttf")))
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
