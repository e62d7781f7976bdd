"""The picture of a receipt: text in the printer's character grid (NanumGothic), bit images,
barcodes with their human-readable line, QR codes, cut marks."""

from __future__ import annotations

import io
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from PIL import Image, ImageDraw, ImageFont

from posapp_devtools.escpos.commands import Align
from posapp_devtools.escpos.elements import (
    BarcodeSymbol,
    BitImage,
    Cut,
    Element,
    Feed,
    Style,
    Symbol2D,
    TextLine,
    TextRun,
)
from posapp_devtools.escpos.symbology import barcode_modules, digits_check

_CELL = {"A": (12, 24), "B": (9, 17)}  # half-width character cell in dots
_GAP = 4  # extra dots under tall lines, for legibility


@lru_cache(maxsize=2)
def _font_bytes(bold: bool) -> bytes:
    name = "NanumGothicBold.ttf" if bold else "NanumGothic.ttf"
    return (resources.files("posapp.resources") / "fonts" / name).read_bytes()


@lru_cache(maxsize=8)
def _font(size: int, bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(io.BytesIO(_font_bytes(bold)), size)


@lru_cache(maxsize=8192)
def _glyph(ch: str, font: str, wide: bool, bold: bool, w_mul: int, h_mul: int) -> Image.Image:
    """One character in its cell as an "L" mask (255 = ink), scaled like the printer does."""
    cw, chh = _CELL[font]
    if wide:
        cw = chh
    size = 20 if font == "A" else 14
    f = _font(size, bold)
    cell = Image.new("L", (cw, chh), 0)
    draw = ImageDraw.Draw(cell)
    adv = draw.textlength(ch, font=f)
    if adv > cw:  # too wide for the cell: draw on a wider canvas and squeeze
        wide_cell = Image.new("L", (int(adv) + 2, chh), 0)
        ImageDraw.Draw(wide_cell).text(
            (wide_cell.size[0] / 2, chh * 0.8), ch, font=f, fill=255, anchor="ms"
        )
        cell = wide_cell.resize((cw, chh), Image.Resampling.LANCZOS)
    else:
        draw.text((cw / 2, chh * 0.8), ch, font=f, fill=255, anchor="ms")
    if w_mul != 1 or h_mul != 1:
        cell = cell.resize((cw * w_mul, chh * h_mul), Image.Resampling.LANCZOS)
    return cell


def _cells(run: TextRun) -> Iterator[tuple[str, int, int]]:
    """(character, cell width, cell height) in dots."""
    st = run.style
    cw, chh = _CELL[st.font]
    for ch in run.text:
        yield ch, (chh if run.wide else cw) * st.width, chh * st.height


def _render_text(line: TextLine, width_px: int) -> Image.Image:
    """A line in the printer's character grid; what does not fit goes on to the next row, as a
    printer wraps a line longer than its print area."""
    if not line.runs:
        return Image.new("L", (width_px, max(1, line.spacing)), 255)
    rows: list[list[tuple[str, int, int, TextRun]]] = [[]]
    used = 0
    for run in line.runs:
        for ch, cw, chh in _cells(run):
            if used + cw > width_px and rows[-1]:
                rows.append([])
                used = 0
            rows[-1].append((ch, cw, chh, run))
            used += cw
    strips = [_render_row(row, line, width_px) for row in rows]
    if len(strips) == 1:
        return strips[0]
    out = Image.new("L", (width_px, sum(s.size[1] for s in strips)), 255)
    y = 0
    for strip in strips:
        out.paste(strip, (0, y))
        y += strip.size[1]
    return out


def _render_row(
    cells: list[tuple[str, int, int, TextRun]], line: TextLine, width_px: int
) -> Image.Image:
    total = sum(cw for _, cw, _, _ in cells)
    height = max(chh for _, _, chh, _ in cells)
    line_h = max(line.spacing, height + (_GAP if height > 24 else 0))
    strip = Image.new("L", (width_px, line_h), 255)
    x = {"left": 0, "center": (width_px - total) // 2, "right": width_px - total}[line.align]
    x = max(0, x)
    for ch, cw, chh, run in cells:
        st = run.style
        top = height - chh  # characters of a line share a baseline at the bottom
        wide = cw // st.width > _CELL[st.font][0]
        if st.reverse:
            strip.paste(0, (x, top, x + cw, top + chh))
        if not ch.isspace():
            mask = _glyph(ch, st.font, wide, st.bold, st.width, st.height)
            strip.paste(255 if st.reverse else 0, (x, top), mask)
        if st.underline:
            y = top + chh - st.underline
            strip.paste(0, (x, y, x + cw, top + chh))
        x += cw
    return strip


def line_dots(line: TextLine) -> int:
    """How wide ``line`` prints, in dots (font A: 12 dots a column, 24 a double-byte character)."""
    return sum(cw for run in line.runs for _, cw, _ in _cells(run))


def _place(img: Image.Image, align: Align, width_px: int) -> Image.Image:
    strip = Image.new("L", (width_px, img.size[1]), 255)
    x = {"left": 0, "center": (width_px - img.size[0]) // 2, "right": width_px - img.size[0]}
    strip.paste(img.convert("L"), (max(0, x[align]), 0))
    return strip


def render_element(e: Element, width_px: int) -> Image.Image | None:
    if isinstance(e, TextLine):
        return _render_text(e, width_px)
    if isinstance(e, Feed):
        return Image.new("L", (width_px, max(1, e.dots)), 255) if e.dots else None
    if isinstance(e, BitImage):
        return _place(e.image, e.align, width_px)
    if isinstance(e, BarcodeSymbol):
        return _render_barcode(e, width_px)
    if isinstance(e, Symbol2D):
        return _render_2d(e, width_px)
    if isinstance(e, Cut):  # a dashed line where the paper was cut
        strip = Image.new("L", (width_px, 24), 255)
        draw = ImageDraw.Draw(strip)
        for x in range(0, width_px, 12):
            draw.line((x, 12, x + 6, 12), fill=128, width=1)
        return strip
    return None


def _hri_text(b: BarcodeSymbol) -> str:
    if b.symbology in ("EAN13", "UPC-A") and len(b.data) in (11, 12):
        return b.data + digits_check(b.data if b.symbology == "EAN13" else "0" + b.data)
    if b.symbology == "EAN8" and len(b.data) == 7:
        return b.data + digits_check(b.data)
    return b.data


def _render_barcode(b: BarcodeSymbol, width_px: int) -> Image.Image | None:
    if not b.valid:
        return None  # a printer prints nothing for invalid data
    modules = barcode_modules(b)
    mw = max(1, b.module_width)
    if modules is None:
        bars = Image.new("L", (min(width_px, 320), b.height), 255)
        draw = ImageDraw.Draw(bars)
        draw.rectangle((0, 0, bars.size[0] - 1, b.height - 1), outline=0, width=2)
        draw.text((8, 8), f"{b.symbology}", font=_font(20, False), fill=0)
    else:
        bars = Image.new("L", (len(modules) * mw, b.height), 255)
        draw = ImageDraw.Draw(bars)
        for x, m in enumerate(modules):
            if m == "1":
                draw.rectangle((x * mw, 0, x * mw + mw - 1, b.height - 1), fill=0)
    label = None
    if b.hri != "none":
        run = TextRun(_hri_text(b), Style(font=b.hri_font))
        text_w = sum(w for _, w, _ in _cells(run))
        label = _render_text(TextLine((run,), "center"), max(bars.size[0], text_w))
    parts = ([label] if label and b.hri in ("above", "both") else []) + [bars]
    parts += [label] if label and b.hri in ("below", "both") else []
    width = max(p.size[0] for p in parts)
    total = Image.new("L", (width, sum(p.size[1] for p in parts)), 255)
    y = 0
    for p in parts:
        total.paste(p, ((width - p.size[0]) // 2, y))
        y += p.size[1]
    return _place(total, b.align, width_px)


def _render_2d(s: Symbol2D, width_px: int) -> Image.Image:
    img: Image.Image | None = None
    if s.kind == "QR":
        try:
            import qrcode  # comes with python-escpos

            qr = qrcode.QRCode(
                error_correction={
                    "L": qrcode.constants.ERROR_CORRECT_L,
                    "M": qrcode.constants.ERROR_CORRECT_M,
                    "Q": qrcode.constants.ERROR_CORRECT_Q,
                    "H": qrcode.constants.ERROR_CORRECT_H,
                }[s.error_correction],
                box_size=s.module_size,
                border=0,
            )
            qr.add_data(s.data)
            img = qr.make_image().get_image().convert("L")
        except Exception:
            img = None
    if img is None:
        img = Image.new("L", (160, 160), 255)
        draw = ImageDraw.Draw(img)
        draw.rectangle((0, 0, 159, 159), outline=0, width=2)
        draw.text((8, 8), s.kind, font=_font(20, False), fill=0)
    return _place(img, s.align, width_px)
