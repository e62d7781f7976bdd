"""ESC/POS bytes → a receipt document: what a printer would have printed, as data and as a picture.

The printer emulator (and tests) feed the bytes a till sends; :func:`decode` (whole stream) or
:class:`StreamDecoder` (bytes as they arrive on a socket) turn them into a :class:`Document`: a
list of elements —

* :class:`TextLine` — text decoded like a printer does it: single-byte text through the code
  table chosen with ``ESC t n`` (PC437 by default) and the international set ``ESC R n``; in
  double-byte mode (``FS &`` … ``FS .``) byte pairs are CP949 (EUC-KR and its extension). Each
  run of text keeps its attributes (bold ``ESC E``/``ESC G``/``ESC !``, underline ``ESC -``,
  size ``GS !``/``ESC !``, reverse ``GS B``, font ``ESC M``); the line keeps ``ESC a``.
* :class:`BitImage` — ``GS v 0`` raster images, ``ESC *`` column images (bands merged) and
  ``GS ( L``/``GS 8 L`` raster graphics, as 1-bit PIL images at their dot size.
* :class:`BarcodeSymbol` — ``GS k`` in both forms, with ``GS h``/``GS w``/``GS H``/``GS f``;
  :class:`Symbol2D` — ``GS ( k`` (QR drawn, other 2-D symbols noted).
* :class:`Feed`, :class:`DrawerKick` (``ESC p``, ``DLE DC4 1``), :class:`StatusRequest`
  (``DLE EOT n``, ``GS r n``), :class:`Cut` (``GS V`` in all forms; it ends a receipt).

Anything unknown or malformed is skipped with a warning on the document; decoding never raises
on garbage. Page mode, user-defined characters, downloaded and NV images are skipped (with a
warning where they would have printed something).

There was no maintained ESC/POS decoder on PyPI (checked 2026-11); this one is kept small and
is tested against python-escpos's own output.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal, TypeVar

from PIL import Image, ImageDraw, ImageFont

Align = Literal["left", "center", "right"]
T = TypeVar("T")

ESC, GS, FS, DLE = 0x1B, 0x1D, 0x1C, 0x10
LF, HT, CR, FF, CAN, NUL, BEL = 0x0A, 0x09, 0x0D, 0x0C, 0x18, 0x00, 0x07
EOT, ENQ, DC4 = 0x04, 0x05, 0x14

DEFAULT_LINE_SPACING = 30  # dots (ESC 2)
DEFAULT_BARCODE_HEIGHT = 162  # dots (GS h)
DEFAULT_MODULE_WIDTH = 3  # dots (GS w)
MAX_PENDING = 16 * 1024 * 1024  # a command claiming more data than this is treated as invalid

# ESC t n → Python codec. 1 (Katakana) is JIS X 0201 through shift_jis; 255 is user-defined.
CODE_TABLES: dict[int, str] = {
    0: "cp437",
    1: "shift_jis",
    2: "cp850",
    3: "cp860",
    4: "cp863",
    5: "cp865",
    13: "cp857",
    14: "cp737",
    15: "iso8859_7",
    16: "cp1252",
    17: "cp866",
    18: "cp852",
    19: "cp858",
    32: "cp720",
    33: "cp775",
    34: "cp855",
    35: "cp861",
    36: "cp862",
    37: "cp864",
    38: "cp869",
    39: "iso8859_2",
    40: "iso8859_15",
    44: "cp1125",
    45: "cp1250",
    46: "cp1251",
    47: "cp1253",
    48: "cp1254",
    49: "cp1255",
    50: "cp1256",
    51: "cp1257",
    52: "cp1258",
    53: "kz1048",
}

# ESC R n: the ASCII positions an international character set replaces (the ones emulated).
INTERNATIONAL: dict[int, dict[int, str]] = {
    0: {},  # USA
    1: dict(zip(b"@[\\]{|}~", "à°ç§éùè¨", strict=True)),  # France
    2: dict(zip(b"@[\\]{|}~", "§ÄÖÜäöüß", strict=True)),  # Germany
    3: {0x23: "£"},  # UK
    8: {0x5C: "¥"},  # Japan
    13: {0x5C: "₩"},  # Korea
    15: {0x5C: "¥"},  # China
}

# GS k: m → name (function A: m 0–6, NUL-terminated; function B: m 65–79 with a length byte)
SYMBOLOGIES_A = {0: "UPC-A", 1: "UPC-E", 2: "EAN13", 3: "EAN8", 4: "CODE39", 5: "ITF", 6: "CODABAR"}
SYMBOLOGIES_B = {
    65: "UPC-A",
    66: "UPC-E",
    67: "EAN13",
    68: "EAN8",
    69: "CODE39",
    70: "ITF",
    71: "CODABAR",
    72: "CODE93",
    73: "CODE128",
    74: "GS1-128",
    75: "GS1-DATABAR-OMNI",
    76: "GS1-DATABAR-TRUNCATED",
    77: "GS1-DATABAR-LIMITED",
    78: "GS1-DATABAR-EXPANDED",
    79: "CODE128-AUTO",
}
ESC_PARAMS = {ch: 0 for ch in "@2LSimv\x0c"} | {ch: 1 for ch in "!EG-adeJKMRtV{ 3=%?rTUu"}
ESC_PARAMS |= {"$": 2, "\\": 2, "c": 2, "B": 2, "p": 3, "W": 8}
GS_PARAMS = {":": 0} | {ch: 1 for ch in "!BHfhwarIbTjE/"} | {ch: 2 for ch in "LWP$\\"}
GS_PARAMS |= {"^": 3, "z": 3}
GS_PAREN_IGNORED = set("ACDEHKMNPQz")  # GS ( functions that change nothing shown
_UNDERLINE = {0: 0, 48: 0, 1: 1, 49: 1, 2: 2, 50: 2}
_ALIGN: dict[int, Align] = {
    0: "left",
    48: "left",
    1: "center",
    49: "center",
    2: "right",
    50: "right",
}
SYMBOLS_2D = {
    48: "PDF417",
    49: "QR",
    50: "MAXICODE",
    51: "DATABAR-2D",
    53: "AZTEC",
    54: "DATAMATRIX",
}


# --- the document ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Style:
    """Character attributes in force when a run of text arrived."""

    bold: bool = False
    underline: int = 0  # 0 none, 1 thin, 2 thick
    width: int = 1  # 1..8 times
    height: int = 1
    reverse: bool = False
    font: Literal["A", "B"] = "A"


@dataclass(frozen=True, slots=True)
class TextRun:
    text: str
    style: Style = Style()
    wide: bool = False  # double-byte characters: a 24×24 cell each (font A)


@dataclass(frozen=True, slots=True)
class TextLine:
    """One printed line (ended by LF, ESC d, ESC J …); ``runs`` empty for a blank line."""

    runs: tuple[TextRun, ...] = ()
    align: Align = "left"
    spacing: int = DEFAULT_LINE_SPACING

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    def _inked(self) -> list[TextRun]:
        return [r for r in self.runs if r.text.strip()] or list(self.runs)

    @property
    def bold(self) -> bool:
        return any(r.style.bold for r in self._inked())

    @property
    def underline(self) -> bool:
        return any(r.style.underline for r in self._inked())

    @property
    def width(self) -> int:
        return max((r.style.width for r in self._inked()), default=1)

    @property
    def height(self) -> int:
        return max((r.style.height for r in self._inked()), default=1)

    @property
    def double(self) -> bool:
        return self.width >= 2 and self.height >= 2


@dataclass(frozen=True, slots=True)
class Feed:
    """Paper fed without printing (ESC J with nothing to print)."""

    dots: int


@dataclass(frozen=True, slots=True, eq=False)
class BitImage:
    """A printed bit image, mode "1", black = a printed dot, at its dot size."""

    image: Image.Image
    align: Align = "left"
    source: str = "GS v 0"

    @property
    def size(self) -> tuple[int, int]:
        return self.image.size


@dataclass(frozen=True, slots=True)
class BarcodeSymbol:
    symbology: str  # "CODE128", "EAN13", …
    data: str  # as a scanner would read it (CODE128 code-set switches resolved)
    height: int = DEFAULT_BARCODE_HEIGHT
    module_width: int = DEFAULT_MODULE_WIDTH
    hri: Literal["none", "above", "below", "both"] = "none"
    hri_font: Literal["A", "B"] = "A"
    align: Align = "left"
    valid: bool = True
    problem: str = ""  # why it is invalid, or a wrong check digit (still printed as sent)
    raw: bytes = b""


@dataclass(frozen=True, slots=True)
class Symbol2D:
    kind: str  # "QR", "PDF417", …
    data: str
    module_size: int = 3
    error_correction: str = "L"
    align: Align = "left"


@dataclass(frozen=True, slots=True)
class DrawerKick:
    pin: int  # 2 or 5
    on_ms: int = 0
    off_ms: int = 0


@dataclass(frozen=True, slots=True)
class StatusRequest:
    """A status query: ``DLE EOT n`` (real-time) or ``GS r n``; the emulator answers it."""

    n: int
    command: str = "DLE EOT"


@dataclass(frozen=True, slots=True)
class Cut:
    partial: bool = False
    feed_dots: int = 0


Element = TextLine | Feed | BitImage | BarcodeSymbol | Symbol2D | DrawerKick | StatusRequest | Cut
PRINTING = (TextLine, Feed, BitImage, BarcodeSymbol, Symbol2D)
_AFTER_CUT = (*PRINTING, Cut)  # these start the next receipt; pulses stay with the cut one


@dataclass(eq=False)
class Document:
    """Decoded output: elements in order, plus warnings about what was skipped."""

    elements: list[Element] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _warning_at: list[int] = field(default_factory=list, repr=False)  # element index per warning

    def warn(self, message: str) -> None:
        """Note a problem (kept with the element decoded next, for :meth:`receipts`)."""
        self.warnings.append(message)
        self._warning_at.append(len(self.elements))

    # -- views --

    def of_type(self, kind: type[T]) -> list[T]:
        return [e for e in self.elements if isinstance(e, kind)]

    @property
    def lines(self) -> list[TextLine]:
        return self.of_type(TextLine)

    @property
    def barcodes(self) -> list[BarcodeSymbol]:
        return self.of_type(BarcodeSymbol)

    @property
    def images(self) -> list[BitImage]:
        return self.of_type(BitImage)

    @property
    def drawer_kicks(self) -> list[DrawerKick]:
        return self.of_type(DrawerKick)

    @property
    def status_requests(self) -> list[StatusRequest]:
        return self.of_type(StatusRequest)

    @property
    def cut(self) -> bool:
        return any(isinstance(e, Cut) for e in self.elements)

    @property
    def has_content(self) -> bool:
        """Whether anything visible would be on the paper (not just feeds, cuts, pulses)."""
        for e in self.elements:
            if isinstance(e, TextLine) and e.text.strip():
                return True
            if isinstance(e, BitImage | BarcodeSymbol | Symbol2D):
                return True
        return False

    def receipts(self) -> list[Document]:
        """Split at cuts. Pulses and status requests right after a cut (before anything is
        printed again) stay with the receipt that was cut, as a drawer kick after a sale does."""
        out: list[Document] = []
        start = 0
        cut_at: int | None = None
        for i, e in enumerate(self.elements):
            if cut_at is not None and isinstance(e, _AFTER_CUT):
                out.append(self._slice(start, i))
                start, cut_at = i, None
            if isinstance(e, Cut):
                cut_at = i
        if start < len(self.elements) or not out:
            out.append(self._slice(start, len(self.elements)))
        return out

    def _slice(self, a: int, b: int) -> Document:
        doc = Document(list(self.elements[a:b]))
        last = len(self.elements)
        for msg, at in zip(self.warnings, self._warning_at, strict=True):
            if a <= at < b or (b == last and at == last):
                doc.warnings.append(msg)
                doc._warning_at.append(at - a)
        return doc

    # -- text --

    def text(self) -> str:
        """UTF-8-ready text: one line per printed line; barcodes, images, pulses in brackets.

        Feeds before a cut are dropped; a cut ends the receipt ("[CUT]" between receipts)."""
        parts: list[str] = []
        for receipt in self.receipts():
            lines: list[str] = []
            after_cut: list[str] = []  # the pulses that came with the cut
            seen_cut = False
            for e in receipt.elements:
                seen_cut = seen_cut or isinstance(e, Cut)
                if (line := _element_text(e)) is not None:
                    (after_cut if seen_cut else lines).append(line)
            while lines and not lines[-1].strip():
                lines.pop()
            if parts:
                parts.append("[CUT]")
            parts.extend(lines + after_cut)
        return "\n".join(parts) + "\n" if parts else ""

    # -- picture --

    def render(self, width_px: int = 576) -> Image.Image:
        """The paper as a grayscale image ``width_px`` wide (576: 80 mm, 384: 58 mm)."""
        margin = 16
        strips = [s for e in self.elements if (s := _render_element(e, width_px)) is not None]
        height = sum(s.size[1] for s in strips) + 2 * margin
        page = Image.new("L", (width_px, max(height, 2 * margin + 1)), 255)
        y = margin
        for s in strips:
            page.paste(s, (0, y))
            y += s.size[1]
        return page

    def render_png(self, path: Path | str, width_px: int = 576) -> Path:
        """Write :meth:`render` as a PNG; returns the path."""
        p = Path(path)
        self.render(width_px).save(p, format="PNG", optimize=True)
        return p


def _element_text(e: Element) -> str | None:
    if isinstance(e, TextLine):
        return e.text.rstrip()
    if isinstance(e, BarcodeSymbol):
        return f"[BARCODE {e.symbology} {e.data}]" + ("" if e.valid else " (invalid)")
    if isinstance(e, Symbol2D):
        return f"[{e.kind} {e.data}]"
    if isinstance(e, BitImage):
        w, h = e.image.size
        return f"[IMAGE {w}x{h}]"
    if isinstance(e, DrawerKick):
        return f"[DRAWER pin {e.pin}]"
    return None


# --- decoding --------------------------------------------------------------------------------


class NeedMore(Exception):
    """The command at the cursor is not complete yet (more bytes may still arrive)."""


@dataclass
class _State:
    style: Style = Style()
    align: Align = "left"
    code_table: int = 0
    international: int = 0
    double_byte: bool = False
    kanji_double_w: bool = False
    kanji_double_h: bool = False
    spacing: int = DEFAULT_LINE_SPACING
    tabs: tuple[int, ...] = tuple(range(8, 256, 8))
    bc_height: int = DEFAULT_BARCODE_HEIGHT
    bc_width: int = DEFAULT_MODULE_WIDTH
    bc_hri: int = 0
    bc_hri_font: int = 0
    qr_module: int = 3
    qr_ec: str = "L"


class StreamDecoder:
    """Incremental decoder for bytes arriving in pieces (a socket).

    :meth:`feed` parses whatever is complete and returns the receipts finished by a cut (a cut
    receipt is held until something printable follows, so a drawer pulse right after the cut
    joins it); :meth:`flush` hands over a held cut receipt (call it when the line goes idle);
    :meth:`close` ends the stream and returns what is left. ``on_status`` is called at once,
    from inside :meth:`feed`, for each status request — the emulator answers it there.
    ``double_byte`` and ``code_table`` are the power-on defaults (restored by ``ESC @``).
    """

    def __init__(
        self,
        *,
        on_status: Callable[[StatusRequest], None] | None = None,
        double_byte: bool = False,
        code_table: int = 0,
    ) -> None:
        self._on_status = on_status
        self._defaults = _State(double_byte=double_byte, code_table=code_table)
        self.state = replace(self._defaults)
        self._buf = bytearray()
        self._offset = 0  # stream offset of _buf[0]
        self._final = False
        self.document = Document()  # the receipt being built
        self._held: Document | None = None  # cut, waiting for trailing pulses
        self._line: list[TextRun] = []
        self._line_align: Align | None = None
        self._line_col = 0
        self._band: Image.Image | None = None  # ESC * band waiting for its LF
        self._graphics: Image.Image | None = None  # GS ( L stored raster graphics
        self._symbol_data: dict[int, bytes] = {}
        self._completed: list[Document] = []

    # -- public --

    def feed(self, data: bytes) -> list[Document]:
        self._buf += data
        done: list[Document] = []
        i = 0
        while i < len(self._buf):
            try:
                used = self._step(i)
            except NeedMore:
                if not self._final:
                    break
                self._warn(i, f"truncated command {_name(self._buf, i)} at the end of the data")
                used = len(self._buf) - i
            except (IndexError, ValueError, OverflowError) as exc:  # never crash on garbage
                self._warn(i, f"undecodable bytes at {_name(self._buf, i)}: {exc}")
                used = 1
            i += max(1, used)
            if self._completed:
                done.extend(self._completed)
                self._completed.clear()
        del self._buf[:i]
        self._offset += i
        return done

    def discard(self) -> None:
        """Drop what was decoded but not yet delivered (a printer that stopped: paper out)."""
        self.document = Document()
        self._held = None
        self._line.clear()
        self._line_align = None
        self._line_col = 0
        self._band = None

    def flush(self) -> Document | None:
        """The held cut receipt, if any (call when no more bytes arrive for a moment)."""
        held, self._held = self._held, None
        return held

    def close(self) -> list[Document]:
        """End of stream: parse what is left (truncated commands warned) and return the rest."""
        self._final = True
        out = self.feed(b"")
        self._finish_line()  # text without its LF still prints (and may end a held receipt)
        if self._band is not None:
            self._emit_band()
        out += self._completed
        self._completed.clear()
        if self._held is not None:
            out.append(self._held)
            self._held = None
        if self.document.elements or self.document.warnings:
            out.append(self.document)
            self.document = Document()
        return out

    # -- emitting --

    def _warn(self, i: int, message: str) -> None:
        self.document.warn(f"@{self._offset + i}: {message}")

    def _add(self, element: Element) -> None:
        if self._held is not None and isinstance(element, _AFTER_CUT):
            self._completed.append(self._held)
            self._held = None
        if self._held is not None:  # a pulse or a status request right after the cut
            self._held.elements.append(element)
            return
        self.document.elements.append(element)
        if isinstance(element, Cut):
            self._held, self.document = self.document, Document()

    def _text(self, text: str, wide: bool) -> None:
        if not text:
            return
        st = self.state
        style = st.style
        if wide and (st.kanji_double_w or st.kanji_double_h):
            style = replace(
                style,
                width=max(style.width, 2 if st.kanji_double_w else 1),
                height=max(style.height, 2 if st.kanji_double_h else 1),
            )
        if self._line_align is None:
            self._line_align = st.align
        if self._line and self._line[-1].style == style and self._line[-1].wide == wide:
            last = self._line[-1]
            self._line[-1] = TextRun(last.text + text, style, wide)
        else:
            self._line.append(TextRun(text, style, wide))
        self._line_col += len(text) * (2 if wide else 1) * style.width

    def _finish_line(self, *, blank_if_empty: bool = False) -> bool:
        """Print the line buffer; returns whether anything was printed."""
        if self._band is not None:
            self._emit_band()
            return True
        if not self._line and not blank_if_empty:
            return False
        align = self._line_align or self.state.align
        self._add(TextLine(tuple(self._line), align, self.state.spacing))
        self._line = []
        self._line_align = None
        self._line_col = 0
        return True

    def _emit_band(self) -> None:
        band, self._band = self._band, None
        assert band is not None
        last = self.document.elements[-1] if self.document.elements else None
        if (
            isinstance(last, BitImage)
            and last.source == "ESC *"
            and last.image.size[0] == band.size[0]
            and self._held is None
        ):
            merged = Image.new("1", (band.size[0], last.image.size[1] + band.size[1]), 1)
            merged.paste(last.image, (0, 0))
            merged.paste(band, (0, last.image.size[1]))
            self.document.elements[-1] = BitImage(merged, last.align, "ESC *")
        else:
            self._add(BitImage(band, self.state.align, "ESC *"))

    def _image(self, img: Image.Image, source: str) -> None:
        self._finish_line()
        align = self.state.align
        last = self.document.elements[-1] if self.document.elements else None
        if (  # raster bands one after another print as one picture: join them
            source == "GS v 0"
            and self._held is None
            and isinstance(last, BitImage)
            and (last.source, last.align, last.image.size[0]) == (source, align, img.size[0])
        ):
            joined = Image.new("1", (img.size[0], last.image.size[1] + img.size[1]), 1)
            joined.paste(last.image, (0, 0))
            joined.paste(img, (0, last.image.size[1]))
            self.document.elements[-1] = BitImage(joined, align, source)
            return
        self._add(BitImage(img, align, source))

    def _init(self) -> None:
        self.state = replace(self._defaults)
        self._line = []
        self._line_align = None
        self._line_col = 0
        self._band = None
        self._symbol_data.clear()

    # -- parsing --

    def _need(self, i: int, n: int) -> None:
        if len(self._buf) < i + n:
            raise NeedMore

    def _step(self, i: int) -> int:
        b = self._buf[i]
        if b >= 0x20 and b != 0x7F:
            return self._printable(i)
        if b == LF:
            self._finish_line(blank_if_empty=True)
            return 1
        if b == ESC:
            return self._esc(i)
        if b == GS:
            return self._gs(i)
        if b == FS:
            return self._fs(i)
        if b == DLE:
            return self._dle(i)
        if b == HT:
            stop = next((t for t in self.state.tabs if t > self._line_col), None)
            if stop is not None:
                self._text(" " * (stop - self._line_col), False)
            return 1
        if b == FF:
            self._finish_line()
            return 1
        if b in (CR, NUL, CAN, BEL, 0x7F):
            return 1
        self._warn(i, f"unknown control byte 0x{b:02X} skipped")
        return 1

    def _printable(self, i: int) -> int:
        """A run of text bytes (stopping at control bytes)."""
        buf, st = self._buf, self.state
        j = i
        n = len(buf)
        if st.double_byte:
            out: list[str] = []
            wide_out: list[str] = []
            # a run is either single-byte or double-byte characters; split at the switch
            while j < n:
                c = buf[j]
                if c < 0x20 or c == 0x7F:
                    break
                if 0x81 <= c <= 0xFE:
                    if out:
                        break
                    if j + 1 >= n:
                        if wide_out:
                            break
                        raise NeedMore
                    pair = bytes(buf[j : j + 2])
                    if buf[j + 1] < 0x41:  # not a trail byte: the lead byte prints as "?"
                        wide_out.append("?")
                        self._warn(j, f"invalid double-byte pair {pair.hex()}")
                        j += 1
                        continue
                    wide_out.append(pair.decode("cp949", errors="replace"))
                    j += 2
                else:
                    if wide_out:
                        break
                    out.append(self._single(c))
                    j += 1
            if wide_out:
                self._text("".join(wide_out), True)
            else:
                self._text("".join(out), False)
            return j - i
        while j < n and buf[j] >= 0x20 and buf[j] != 0x7F:
            j += 1
        self._text("".join(self._single(c) for c in buf[i:j]), False)
        return j - i

    def _single(self, c: int) -> str:
        st = self.state
        if c < 0x80:
            return INTERNATIONAL.get(st.international, {}).get(c, chr(c))
        return _single_byte(c, st.code_table)

    # ESC ...
    def _esc(self, i: int) -> int:
        self._need(i, 2)
        c = chr(self._buf[i + 1])
        if c in ESC_PARAMS:
            n_params = ESC_PARAMS[c]
            self._need(i, 2 + n_params)
            self._esc_simple(i, c, bytes(self._buf[i + 2 : i + 2 + n_params]))
            return 2 + n_params
        if c == "D":
            return self._esc_tabs(i)
        if c == "*":
            return self._esc_star(i)
        if c == "&":
            return self._esc_amp(i)
        if c == "(":
            self._need(i, 5)
            length = self._buf[i + 3] + 256 * self._buf[i + 4]
            self._need(i, 5 + length)
            return 5 + length
        self._warn(i, f"unknown command ESC 0x{ord(c):02X} skipped")
        return 2

    def _esc_simple(self, i: int, c: str, p: bytes) -> None:
        st = self.state
        n = p[0] if p else 0
        if c == "@":
            self._init()
        elif c == "!":
            st.style = replace(
                st.style,
                font="B" if n & 1 else "A",
                bold=bool(n & 0x08),
                height=2 if n & 0x10 else 1,
                width=2 if n & 0x20 else 1,
                underline=1 if n & 0x80 else 0,
            )
        elif c in "EG":
            st.style = replace(st.style, bold=bool(n & 1))
        elif c == "-":
            st.style = replace(st.style, underline=_UNDERLINE.get(n, 0))
        elif c == "a":
            st.align = _ALIGN.get(n, st.align)
        elif c == "M":
            st.style = replace(st.style, font="B" if n in (1, 49) else "A")
        elif c == "d":
            printed = self._finish_line()
            for _ in range(n - 1 if printed else n):
                self._finish_line(blank_if_empty=True)
        elif c == "J":
            if not self._finish_line():
                self._add(Feed(n))
        elif c == "R":
            st.international = n
            if n not in INTERNATIONAL:
                self._warn(i, f"international character set {n} not emulated (USA used)")
        elif c == "t":
            st.code_table = n
            if n not in CODE_TABLES:
                self._warn(i, f"code table {n} not emulated (PC437 used)")
        elif c == "3":
            st.spacing = n
        elif c == "2":
            st.spacing = DEFAULT_LINE_SPACING
        elif c == "p":
            self._add(DrawerKick(5 if n in (1, 49) else 2, p[1] * 2, p[2] * 2))
        elif c in "im":
            self._finish_line()
            self._add(Cut(partial=c == "m"))
        elif c == "L":
            self._warn(i, "page mode not emulated: its data prints as in standard mode")
        elif c == "v":
            self._status(StatusRequest(1, "ESC v"))
        # the rest (spacing, rotation, panel buttons, reverse feeds …) changes nothing shown

    def _esc_tabs(self, i: int) -> int:
        buf = self._buf
        stops: list[int] = []
        j = i + 2
        while True:
            self._need(j, 1)
            if buf[j] == 0:
                j += 1
                break
            if len(stops) == 32:
                break
            stops.append(buf[j])
            j += 1
        self.state.tabs = tuple(stops)
        return j - i

    def _esc_star(self, i: int) -> int:
        self._need(i, 5)
        buf = self._buf
        m, n = buf[i + 2], buf[i + 3] + 256 * buf[i + 4]
        if m not in (0, 1, 32, 33) or n == 0 or n > 4096:
            self._warn(i, f"invalid ESC * m={m} n={n}")
            return 5
        rows = 24 if m >= 32 else 8
        k = n * rows // 8
        self._need(i, 5 + k)
        data = bytes(buf[i + 5 : i + 5 + k])
        per_col = rows // 8
        img = Image.new("1", (n, rows), 1)
        px = img.load()
        assert px is not None
        for x in range(n):
            for yb in range(per_col):
                byte = data[x * per_col + yb]
                for bit in range(8):
                    if byte & (0x80 >> bit):
                        px[x, yb * 8 + bit] = 0
        sx = 2 if m in (0, 32) else 1
        sy = 3 if m in (0, 1) else 1
        if sx != 1 or sy != 1:
            img = img.resize((n * sx, rows * sy), Image.Resampling.NEAREST)
        if self._line:
            self._finish_line()
        if self._band is not None and self._band.size[1] == img.size[1]:
            joined = Image.new("1", (self._band.size[0] + img.size[0], img.size[1]), 1)
            joined.paste(self._band, (0, 0))
            joined.paste(img, (self._band.size[0], 0))
            img = joined
        self._band = img
        return 5 + k

    def _esc_amp(self, i: int) -> int:
        self._need(i, 5)
        buf = self._buf
        y, c1, c2 = buf[i + 2], buf[i + 3], buf[i + 4]
        if not (1 <= y <= 3 and 32 <= c1 <= c2 <= 126):
            self._warn(i, "invalid ESC & (user-defined characters)")
            return 2
        j = i + 5
        for _ in range(c2 - c1 + 1):
            self._need(j, 1)
            j += 1 + y * buf[j]
        self._need(j, 0)
        self._warn(i, "user-defined characters not emulated")
        return j - i

    # GS ...
    def _gs(self, i: int) -> int:
        self._need(i, 2)
        buf = self._buf
        c = chr(buf[i + 1])
        if c in GS_PARAMS:
            n_params = GS_PARAMS[c]
            self._need(i, 2 + n_params)
            self._gs_simple(i, c, bytes(buf[i + 2 : i + 2 + n_params]))
            return 2 + n_params
        if c == "V":
            self._need(i, 3)
            m = buf[i + 2]
            if m in (0, 1, 48, 49):
                self._finish_line()
                self._add(Cut(partial=m in (1, 49)))
                return 3
            if m in (65, 66, 97, 98, 103, 104):
                self._need(i, 4)
                self._finish_line()
                self._add(Cut(partial=m in (66, 98, 104), feed_dots=buf[i + 3]))
                return 4
            self._warn(i, f"invalid GS V m={m}")
            return 3
        if c == "v":
            return self._gs_v0(i)
        if c == "k":
            return self._gs_k(i)
        if c == "(":
            self._need(i, 5)
            fn = chr(buf[i + 2])
            length = buf[i + 3] + 256 * buf[i + 4]
            self._need(i, 5 + length)
            body = bytes(buf[i + 5 : i + 5 + length])
            if fn == "k":
                self._symbol_2d(i, body)
            elif fn == "L":
                self._graphics_cmd(i, body)
            elif fn not in GS_PAREN_IGNORED:
                self._warn(i, f"unknown command GS ( 0x{ord(fn):02X} skipped")
            return 5 + length
        if c == "8":
            self._need(i, 7)
            fn = chr(buf[i + 2])
            length = int.from_bytes(buf[i + 3 : i + 7], "little")
            if length > MAX_PENDING:
                self._warn(i, f"GS 8 claims {length} bytes: ignored")
                return 7
            self._need(i, 7 + length)
            if fn == "L":
                self._graphics_cmd(i, bytes(buf[i + 7 : i + 7 + length]))
            else:
                self._warn(i, f"unknown command GS 8 0x{ord(fn):02X} skipped")
            return 7 + length
        if c == "*":
            self._need(i, 4)
            size = buf[i + 2] * buf[i + 3] * 8
            self._need(i, 4 + size)
            return 4 + size
        if c == "Q":
            self._need(i, 8)
            size = (buf[i + 4] + 256 * buf[i + 5]) * (buf[i + 6] + 256 * buf[i + 7])
            if size > MAX_PENDING:
                self._warn(i, "GS Q 0 claims too much data: ignored")
                return 8
            self._need(i, 8 + size)
            self._warn(i, "GS Q 0 variable bit image not emulated")
            return 8 + size
        self._warn(i, f"unknown command GS 0x{ord(c):02X} skipped")
        return 2

    def _gs_simple(self, i: int, c: str, p: bytes) -> None:
        st = self.state
        n = p[0] if p else 0
        if c == "!":
            st.style = replace(st.style, width=(n >> 4 & 7) + 1, height=(n & 7) + 1)
        elif c == "B":
            st.style = replace(st.style, reverse=bool(n & 1))
        elif c == "H":
            st.bc_hri = n & 3 if n in (0, 1, 2, 3, 48, 49, 50, 51) else st.bc_hri
        elif c == "f":
            st.bc_hri_font = 1 if n in (1, 49) else 0
        elif c == "h":
            st.bc_height = n or st.bc_height
        elif c == "w":
            st.bc_width = n if 1 <= n <= 6 else st.bc_width
        elif c == "r":
            self._status(StatusRequest(n, "GS r"))
        elif c == "/":
            self._warn(i, "downloaded bit image (GS /) not emulated")
        # the rest (margins, motion units, positions, macros, smoothing …) changes nothing shown

    def _gs_v0(self, i: int) -> int:
        self._need(i, 8)
        buf = self._buf
        if buf[i + 2] != 0x30:
            self._warn(i, "unknown command GS v (not GS v 0)")
            return 3
        m = buf[i + 3]
        wb, h = buf[i + 4] + 256 * buf[i + 5], buf[i + 6] + 256 * buf[i + 7]
        if m not in (0, 1, 2, 3, 48, 49, 50, 51) or not (1 <= wb <= 255) or h == 0:
            self._warn(i, f"invalid GS v 0 image (mode {m}, {wb} bytes × {h} rows): ignored")
            return 8
        size = wb * h
        self._need(i, 8 + size)
        img = _bits_to_image(bytes(buf[i + 8 : i + 8 + size]), wb * 8, h)
        m &= 3
        if m:
            sx, sy = 2 if m & 1 else 1, 2 if m & 2 else 1
            img = img.resize((img.size[0] * sx, img.size[1] * sy), Image.Resampling.NEAREST)
        self._image(img, "GS v 0")
        return 8 + size

    def _graphics_cmd(self, i: int, body: bytes) -> None:
        if len(body) < 2 or body[0] != 0x30:
            self._warn(i, "invalid graphics command")
            return
        fn = body[1]
        if fn in (2, 50):  # print the stored graphics
            if self._graphics is None:
                self._warn(i, "graphics printed before any was stored")
                return
            img, self._graphics = self._graphics, None
            self._image(img, "GS ( L")
            return
        if fn in (112, 113):  # store raster graphics in the print buffer
            if len(body) < 10:
                self._warn(i, "truncated graphics data")
                return
            a, bx, by = body[2], body[3], body[4]
            w, h = body[6] + 256 * body[7], body[8] + 256 * body[9]
            wb = (w + 7) // 8
            data = body[10:]
            if a != 48 or w == 0 or h == 0 or len(data) < wb * h:
                self._warn(i, f"graphics tone {a} / size {w}x{h} not emulated")
                return
            img = _bits_to_image(data[: wb * h], wb * 8, h).crop((0, 0, w, h))
            if bx == 2 or by == 2:
                img = img.resize((w * (2 if bx == 2 else 1), h * (2 if by == 2 else 1)))
            self._graphics = img
            return
        self._warn(i, f"graphics function {fn} not emulated")

    def _symbol_2d(self, i: int, body: bytes) -> None:
        if len(body) < 2:
            self._warn(i, "invalid GS ( k")
            return
        cn, fn = body[0], body[1]
        kind = SYMBOLS_2D.get(cn, f"2D-{cn}")
        st = self.state
        if cn == 49 and fn == 67 and len(body) >= 3:
            st.qr_module = max(1, min(16, body[2]))
        elif cn == 49 and fn == 69 and len(body) >= 3:
            st.qr_ec = {48: "L", 49: "M", 50: "Q", 51: "H"}.get(body[2], "L")
        elif fn == 80 and len(body) >= 3:
            self._symbol_data[cn] = body[3:]
        elif fn == 81:
            data = self._symbol_data.get(cn)
            if data is None:
                self._warn(i, f"{kind} printed before any data was stored")
                return
            self._finish_line()
            text = data.decode("utf-8", errors="replace")
            module = st.qr_module if cn == 49 else 3
            self._add(Symbol2D(kind, text, module, st.qr_ec, st.align))

    def _gs_k(self, i: int) -> int:
        self._need(i, 3)
        buf, st = self._buf, self.state
        m = buf[i + 2]
        if m <= 6:
            end = buf.find(b"\x00", i + 3, i + 3 + 256)
            if end < 0:
                if len(buf) - (i + 3) < 256:
                    raise NeedMore
                self._warn(i, "GS k barcode data without its NUL end: ignored")
                return 3
            raw, used = bytes(buf[i + 3 : end]), end + 1 - i
            name = SYMBOLOGIES_A[m]
        elif m in SYMBOLOGIES_B:
            self._need(i, 4)
            n = buf[i + 3]
            self._need(i, 4 + n)
            raw, used = bytes(buf[i + 4 : i + 4 + n]), 4 + n
            name = SYMBOLOGIES_B[m]
        else:
            self._warn(i, f"GS k: unknown barcode system {m}")
            return 3
        self._finish_line()
        data, valid, problem = _barcode_data(name, raw)
        if not valid:
            self._warn(i, f"barcode {name} {raw!r} not printed: {problem}")
        elif problem:
            self._warn(i, f"barcode {name} {data}: {problem}")
        hri = ("none", "above", "below", "both")[st.bc_hri]
        font = "B" if st.bc_hri_font else "A"
        self._add(
            BarcodeSymbol(
                name, data, st.bc_height, st.bc_width, hri, font, st.align, valid, problem, raw
            )
        )
        return used

    # FS ...
    def _fs(self, i: int) -> int:
        self._need(i, 2)
        buf, st = self._buf, self.state
        c = chr(buf[i + 1])
        if c == "&":
            st.double_byte = True
            return 2
        if c == ".":
            st.double_byte = False
            return 2
        if c in "!-CW":
            self._need(i, 3)
            n = buf[i + 2]
            if c == "!":
                st.kanji_double_w, st.kanji_double_h = bool(n & 4), bool(n & 8)
            elif c == "W":
                st.kanji_double_w = st.kanji_double_h = bool(n & 1)
            return 3
        if c in "Sp?":
            self._need(i, 4)
            if c == "p":
                self._warn(i, "NV bit image (FS p) not emulated")
            return 4
        if c == "2":
            self._need(i, 4 + 72)
            return 4 + 72
        if c == "q":
            self._need(i, 3)
            j = i + 3
            for _ in range(buf[i + 2]):
                self._need(j, 4)
                size = (buf[j] + 256 * buf[j + 1]) * (buf[j + 2] + 256 * buf[j + 3]) * 8
                if size > MAX_PENDING:
                    self._warn(i, "FS q claims too much data: ignored")
                    return 3
                self._need(j, 4 + size)
                j += 4 + size
            return j - i
        if c == "(":
            self._need(i, 5)
            length = buf[i + 3] + 256 * buf[i + 4]
            self._need(i, 5 + length)
            return 5 + length
        self._warn(i, f"unknown command FS 0x{ord(c):02X} skipped")
        return 2

    # DLE ...
    def _dle(self, i: int) -> int:
        self._need(i, 2)
        buf = self._buf
        c = buf[i + 1]
        if c == EOT:
            self._need(i, 3)
            n = buf[i + 2]
            if n in (1, 2, 3, 4):
                self._status(StatusRequest(n))
                return 3
            if n in (7, 8):
                self._need(i, 4)
                self._status(StatusRequest(n))
                return 4
            self._warn(i, f"DLE EOT {n} not emulated")
            return 3
        if c == ENQ:
            self._need(i, 3)
            return 3
        if c == DC4:
            self._need(i, 3)
            fn = buf[i + 2]
            extra = {1: 2, 2: 2, 3: 5, 7: 1, 8: 7}.get(fn)
            if extra is None:
                self._warn(i, f"DLE DC4 {fn} not emulated")
                return 3
            self._need(i, 3 + extra)
            if fn == 1:
                m, t = buf[i + 3], buf[i + 4]
                self._add(DrawerKick(5 if m == 1 else 2, t * 100, t * 100))
            elif fn == 8:  # clear the buffers
                self._line, self._line_align, self._line_col, self._band = [], None, 0, None
            return 3 + extra
        self._warn(i, f"unknown command DLE 0x{c:02X} skipped")
        return 2

    def _status(self, req: StatusRequest) -> None:
        self._add(req)
        if self._on_status is not None:
            self._on_status(req)


def decode(data: bytes, *, double_byte: bool = False, code_table: int = 0) -> Document:
    """Decode a whole ESC/POS stream into one :class:`Document` (cuts kept as elements;
    :meth:`Document.receipts` splits it). Never raises on malformed input."""
    whole = Document()
    dec = StreamDecoder(double_byte=double_byte, code_table=code_table)
    parts = dec.feed(data)
    parts += dec.close()
    for part in parts:
        base = len(whole.elements)
        whole.elements.extend(part.elements)
        whole.warnings.extend(part.warnings)
        whole._warning_at.extend(base + at for at in part._warning_at)
    return whole


# --- helpers ---------------------------------------------------------------------------------


def _name(buf: bytearray, i: int) -> str:
    names = {ESC: "ESC", GS: "GS", FS: "FS", DLE: "DLE"}
    b = buf[i]
    if b in names and i + 1 < len(buf):
        nxt = buf[i + 1]
        return f"{names[b]} {chr(nxt) if 0x21 <= nxt < 0x7F else f'0x{nxt:02X}'}"
    return f"0x{b:02X}"


@lru_cache(maxsize=4096)
def _single_byte(c: int, table: int) -> str:
    codec = CODE_TABLES.get(table, "cp437")
    if codec == "shift_jis" and not 0xA1 <= c <= 0xDF:
        return "?"
    return bytes([c]).decode(codec, errors="replace")


_INVERT = bytes(255 - i for i in range(256))


def _bits_to_image(data: bytes, width: int, height: int) -> Image.Image:
    """Packed rows, MSB first, 1 = dot → a mode "1" image with black dots (PIL: 0 = black)."""
    return Image.frombytes("1", (width, height), data.translate(_INVERT))


def _digits_check(digits: str) -> str:
    """The EAN/UPC check digit of the digits before it."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return str((10 - total % 10) % 10)


_CODE39 = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ -.$/+%*")
_CODABAR = set("0123456789-$:/.+ABCDabcd")


def _barcode_data(name: str, raw: bytes) -> tuple[str, bool, str]:
    """(human-readable data, valid, problem) as the printer would judge it."""
    if not raw:
        return "", False, "no data"
    if name == "CODE128":
        return _code128_text(raw)
    if any(b > 0x7F for b in raw):
        return raw.decode("latin-1"), False, "non-ASCII data"
    text = raw.decode("ascii")
    sizes = {"UPC-A": (11, 12), "UPC-E": (6, 7, 8, 11, 12), "EAN13": (12, 13), "EAN8": (7, 8)}
    if name in sizes:
        if not text.isdigit() or len(text) not in sizes[name]:
            return text, False, f"{name} takes {' or '.join(map(str, sizes[name]))} digits"
        full = {"UPC-A": 12, "EAN13": 13, "EAN8": 8}.get(name)
        if full and len(text) == full and _digits_check(text[:-1]) != text[-1]:
            return text, True, f"check digit {text[-1]} should be {_digits_check(text[:-1])}"
        return text, True, ""
    if name == "CODE39" and not set(text) <= _CODE39:
        return text, False, "character outside CODE39"
    if name == "ITF" and (not text.isdigit() or len(text) % 2):
        return text, False, "ITF takes an even number of digits"
    if name == "CODABAR" and (
        not set(text) <= _CODABAR or text[0] not in "ABCDabcd" or text[-1] not in "ABCDabcd"
    ):
        return text, False, "CODABAR needs A-D start/stop characters"
    return text, True, ""


def _code128_text(raw: bytes) -> tuple[str, bool, str]:
    if len(raw) < 2 or raw[0] != ord("{") or raw[1] not in b"ABC":
        return raw.decode("latin-1"), False, "CODE128 data must start with {A, {B or {C"
    out: list[str] = []
    mode = chr(raw[1])
    i = 2
    while i < len(raw):
        b = raw[i]
        if b > 0x7F:
            return raw.decode("latin-1"), False, "non-ASCII data"
        if b == ord("{") and i + 1 < len(raw):
            sel = chr(raw[i + 1])
            if sel in "ABC":
                mode = sel
            elif sel == "{":
                out.append("{")
            elif sel not in "S1234":
                return raw.decode("latin-1"), False, f"unknown CODE128 escape {{{sel}"
            i += 2
            continue
        if mode == "C":
            if b > 99:
                return raw.decode("latin-1"), False, "code set C takes values 0–99"
            out.append(f"{b:02d}")
        else:
            out.append(chr(b))
        i += 1
    if not out:
        return "", False, "no data"
    return "".join(out), True, ""


# --- rendering -------------------------------------------------------------------------------

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


def _render_element(e: Element, width_px: int) -> Image.Image | None:
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


def barcode_modules(b: BarcodeSymbol) -> str | None:
    """The bar pattern ("1" = bar module) as the printer would draw it, or None when this
    symbology is not drawn here. EAN/UPC are drawn with the check digit that was *sent*."""
    if not b.valid:
        return None
    try:
        import barcode as pybarcode  # python-barcode, imported only when drawing

        d = b.data
        if b.symbology in ("EAN13", "UPC-A"):
            digits = d if b.symbology == "EAN13" else "0" + d
            if len(digits) == 12:
                digits += _digits_check(digits)
            return pybarcode.get("ean13", digits, options={"no_checksum": True}).build()[0]
        if b.symbology == "EAN8":
            digits = d if len(d) == 8 else d + _digits_check(d)
            return pybarcode.get("ean8", digits, options={"no_checksum": True}).build()[0]
        if b.symbology in ("CODE128", "CODE128-AUTO"):
            return pybarcode.get("code128", d).build()[0]
        if b.symbology == "CODE39":
            return pybarcode.get("code39", d.strip("*"), options={"add_checksum": False}).build()[0]
        if b.symbology == "ITF":
            return pybarcode.get("itf", d, options={"narrow": 1, "wide": 3}).build()[0]
        if b.symbology == "CODABAR":
            return pybarcode.get("codabar", d, options={"narrow": 1, "wide": 3}).build()[0]
    except Exception:  # python-barcode refuses it: drawn as a labelled box instead
        return None
    return None


def _hri_text(b: BarcodeSymbol) -> str:
    if b.symbology in ("EAN13", "UPC-A") and len(b.data) in (11, 12):
        return b.data + _digits_check(b.data if b.symbology == "EAN13" else "0" + b.data)
    if b.symbology == "EAN8" and len(b.data) == 7:
        return b.data + _digits_check(b.data)
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
