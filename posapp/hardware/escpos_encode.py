"""Receipt → ESC/POS bytes, in two modes, and receipt → image (raster mode and the preview).

* ``native`` — for Korean-market printers: text in double-byte mode (``FS &``) as CP949 bytes;
  ``₩`` is sent as its full-width form ``￦`` (CP949 0xA3DC); a row that CP949 cannot encode is
  drawn as an image instead, so nothing prints as "?".
* ``raster`` — for any ESC/POS printer: every row is drawn with the bundled NanumGothic and sent
  as a raster image (``GS v 0``); barcodes stay native (``GS k``) so they scan crisply.

We write the bytes ourselves (python-escpos prints Hangul as "?"); python-escpos moves them.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

from PIL import Image, ImageDraw, ImageFont

from posapp.domain.text import char_width, display_width
from posapp.hardware.receipt import Barcode, Cols, Feed, Receipt, Row, Rule, row_text

ESC, GS, FS = b"\x1b", b"\x1d", b"\x1c"
INIT = ESC + b"@"
KOREAN_ON, KOREAN_OFF = FS + b"&", FS + b"."
BOLD_ON, BOLD_OFF = ESC + b"E\x01", ESC + b"E\x00"
DOUBLE_ON, DOUBLE_OFF = GS + b"!\x11", GS + b"!\x00"
ALIGN = {"left": ESC + b"a\x00", "center": ESC + b"a\x01", "right": ESC + b"a\x02"}
CUT = GS + b"V\x42\x00"  # feed to the cutter and partial cut
DPI_WIDTH = {80: 576, 58: 384}
_INVERT = bytes(255 - i for i in range(256))

Mode = Literal["native", "raster"]


def drawer_kick(pin: int = 2, on_ms: int = 50, off_ms: int = 500) -> bytes:
    """ESC p m t1 t2: pulse the drawer on connector pin 2 (m=0) or pin 5 (m=1)."""
    if pin not in (2, 5):
        raise ValueError("the drawer is on pin 2 or pin 5")
    return ESC + b"p" + bytes([0 if pin == 2 else 1, min(255, on_ms // 2), min(255, off_ms // 2)])


def font_path(bold: bool = False) -> Path:
    name = "NanumGothicBold.ttf" if bold else "NanumGothic.ttf"
    return Path(str(resources.files("posapp.resources") / "fonts" / name))


@lru_cache(maxsize=16)
def _font(size: int, bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(bold)), size)


def warm() -> None:
    """Load the receipt fonts of the usual sizes (80 and 58 mm, normal and double, bold)."""
    for width_px in set(DPI_WIDTH.values()):
        size, _ = _row_metrics(width_px, 48 if width_px > 400 else 32)
        for bold in (False, True):
            _font(size, bold)
            _font(size * 2, bold)


def native_char_width(ch: str) -> int:
    """Columns a Korean printer in double-byte mode gives ``ch``: two for every character
    CP949 encodes in two bytes (₩ goes as ￦; · is two columns there too)."""
    if ch < "\x80":
        return 1
    try:
        return len(ch.replace("₩", "￦").encode("cp949"))
    except UnicodeEncodeError:
        return char_width(ch)


def _cp949(text: str) -> bytes | None:
    try:
        return text.replace("₩", "￦").encode("cp949")
    except UnicodeEncodeError:
        return None


def _barcode_bytes(b: Barcode) -> bytes:
    data = b.data.encode("ascii")
    out = ALIGN["center"] + GS + b"h" + bytes([max(1, min(255, b.height))]) + GS + b"w\x02"
    out += GS + b"H\x00"  # we print the human-readable text ourselves (Hangul-safe)
    if b.symbology == "EAN13":
        return out + GS + b"k" + bytes([67, len(data)]) + data + b"\n"
    payload = b"{B" + data
    return out + GS + b"k" + bytes([73, len(payload)]) + payload + b"\n"


def encode(
    receipt: Receipt,
    mode: Mode = "raster",
    *,
    paper_mm: int = 80,
    cut: bool = True,
    drawer_pin: int | None = None,
) -> bytes:
    """The whole job as bytes: init, content, feed and cut, and the drawer pulse if asked."""
    width_px = DPI_WIDTH.get(paper_mm, 576)
    out = bytearray(INIT)
    pending_rows: list[Row | Cols | Rule] = []

    def flush_raster() -> None:
        if pending_rows:
            out.extend(raster_bytes(render_rows(pending_rows, receipt.columns, width_px)))
            pending_rows.clear()

    for el in receipt.elements:
        if isinstance(el, Row):
            if mode == "raster":
                pending_rows.append(el)
            else:
                out.extend(_native_row(el, receipt.columns, width_px))
            continue
        if isinstance(el, Rule | Cols):
            if mode == "raster":
                pending_rows.append(el)
            elif isinstance(el, Rule):
                out.extend(ALIGN["left"] + (el.char * receipt.columns).encode("ascii") + b"\n")
            else:
                out.extend(_native_row(Row(el.text(native_char_width)), receipt.columns, width_px))
            continue
        flush_raster()
        if isinstance(el, Barcode):
            out.extend(_barcode_bytes(el) + ALIGN["left"])
        elif isinstance(el, Feed):
            out.extend(ESC + b"d" + bytes([el.lines]))
    flush_raster()
    if cut:
        out.extend(ESC + b"d\x03" + CUT)
    if receipt.open_drawer and drawer_pin is not None:
        out.extend(drawer_kick(drawer_pin))
    return bytes(out)


def _native_row(row: Row, columns: int, width_px: int) -> bytes:
    texts = row_text(row, columns, native_char_width)
    encoded = [_cp949(t) for t in texts]
    if any(e is None for e in encoded):  # not in CP949: draw this row instead
        return raster_bytes(render_rows([row], columns, width_px))
    out = bytearray(ALIGN["left"])
    if row.bold:
        out += BOLD_ON
    if row.double:
        out += DOUBLE_ON
    for t, e in zip(texts, encoded, strict=True):
        assert e is not None
        if any(ord(c) > 0x7F for c in t):
            out += KOREAN_ON + e + KOREAN_OFF + b"\n"
        else:
            out += e + b"\n"
    if row.double:
        out += DOUBLE_OFF
    if row.bold:
        out += BOLD_OFF
    return bytes(out)


# --- drawing -------------------------------------------------------------------------------


def _row_metrics(width_px: int, columns: int) -> tuple[int, int]:
    """Font size and line height so that ``columns`` half-width cells fill ``width_px``."""
    cell = width_px // columns  # 12 px per column at 80 mm / 48 columns
    size = int(cell * 1.9)
    return size, int(size * 1.3)


def render_rows(rows: list[Row | Cols | Rule], columns: int, width_px: int) -> Image.Image:
    """Draw rows as a 1-bit image ``width_px`` wide: right texts flush with the right edge,
    cells of :class:`Cols` at their column offsets, rules as lines."""
    size, line_h = _row_metrics(width_px, columns)
    cell_px = width_px / columns
    laid: list[tuple[Row | Cols | Rule, str, str, int]] = []  # element, left, right, height
    for row in rows:
        if isinstance(row, Rule | Cols):
            laid.append((row, "", "", line_h if isinstance(row, Cols) else line_h // 2))
            continue
        scale = 2 if row.double else 1
        width = columns // scale
        if row.right and display_width(row.left) + display_width(row.right) + 1 <= width:
            laid.append((row, row.left, row.right, line_h * scale))
            continue
        for text in row_text(Row(row.left, align=row.align, double=row.double), columns):
            laid.append((row, text.strip() if row.align != "left" else text, "", line_h * scale))
        if row.right:
            laid.append((row, "", row.right, line_h * scale))
    height = sum(h for *_, h in laid) or 1
    img = Image.new("1", (width_px, height), 1)
    draw = ImageDraw.Draw(img)
    y = 0
    for row, left, right, h in laid:
        if isinstance(row, Rule):
            mid = y + h // 2
            draw.line((0, mid, width_px, mid), fill=0, width=2 if row.char == "=" else 1)
            if row.char == "=":
                draw.line((0, mid + 3, width_px, mid + 3), fill=0, width=1)
            y += h
            continue
        if isinstance(row, Cols):
            font = _font(size, False)
            x0 = 0.0
            for text, width, align in row.cells:
                cell_w = width * cell_px
                t = text
                while t and draw.textlength(t, font=font) > cell_w - 2:
                    t = t[:-1]
                x = x0 if align == "left" else x0 + cell_w - draw.textlength(t, font=font)
                draw.text((int(x), y), t, font=font, fill=0)
                x0 += cell_w
            y += h
            continue
        scale = 2 if row.double else 1
        font = _font(size * scale, row.bold)
        if left:
            if row.align == "center" and not right:
                x = int((width_px - draw.textlength(left, font=font)) / 2)
            elif row.align == "right" and not right:
                x = int(width_px - draw.textlength(left, font=font))
            else:
                x = 0
            draw.text((x, y), left.rstrip() if not right else left, font=font, fill=0)
        if right:
            w = draw.textlength(right, font=font)
            draw.text((int(width_px - w), y), right, font=font, fill=0)
        y += h
    return img


def raster_bytes(img: Image.Image, band: int = 128) -> bytes:
    """GS v 0 raster bit image(s), in bands of ``band`` rows (printers buffer a limited height)."""
    img = img.convert("1")
    width, height = img.size
    width_bytes = (width + 7) // 8
    out = bytearray(ALIGN["left"])
    for top in range(0, height, band):
        part = img.crop((0, top, width_bytes * 8, min(height, top + band)))
        # PIL "1": 0 = black; ESC/POS: 1 = print a dot → invert the packed bits
        data = part.tobytes().translate(_INVERT)
        h = part.size[1]
        out += GS + b"v0\x00" + bytes([width_bytes & 0xFF, width_bytes >> 8, h & 0xFF, h >> 8])
        out += data
    return bytes(out)


def render_receipt(receipt: Receipt, paper_mm: int = 80) -> Image.Image:
    """The whole receipt as one image (the preview printer's output), barcodes drawn."""
    width_px = DPI_WIDTH.get(paper_mm, 576)
    parts: list[Image.Image] = []
    rows: list[Row | Cols | Rule] = []

    def flush() -> None:
        if rows:
            parts.append(render_rows(rows, receipt.columns, width_px))
            rows.clear()

    for el in receipt.elements:
        if isinstance(el, Row | Cols | Rule):
            rows.append(el)
        elif isinstance(el, Feed):
            rows.extend(Row("") for _ in range(el.lines))
        else:
            flush()
            parts.append(_barcode_image(el, width_px))
    flush()
    margin = 16
    height = sum(p.size[1] for p in parts) + 2 * margin
    page = Image.new("L", (width_px + 2 * margin, height), 255)
    y = margin
    for p in parts:
        page.paste(p.convert("L"), (margin, y))
        y += p.size[1]
    return page


def _barcode_image(b: Barcode, width_px: int) -> Image.Image:
    import barcode
    from barcode.writer import ImageWriter

    kind = "code128" if b.symbology == "CODE128" else "ean13"
    writer = ImageWriter(mode="L")
    code = barcode.get(kind, b.data, writer=writer)
    img = code.render(
        {"module_height": b.height / 8, "write_text": False, "quiet_zone": 2, "dpi": 203}
    )
    canvas = Image.new("L", (width_px, img.size[1]), 255)
    img = img.convert("L")
    if img.size[0] > width_px:
        img = img.resize((width_px, img.size[1]))
    canvas.paste(img, ((width_px - img.size[0]) // 2, 0))
    return canvas
