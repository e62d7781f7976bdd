"""The decoder's core: the byte buffer of a stream, the printer state, and the receipt being
built from decoded commands (lines, images, cuts held for their trailing pulses)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from PIL import Image

from posapp_devtools.escpos.commands import (
    DEFAULT_BARCODE_HEIGHT,
    DEFAULT_LINE_SPACING,
    DEFAULT_MODULE_WIDTH,
    DLE,
    ESC,
    FS,
    GS,
    Align,
)
from posapp_devtools.escpos.document import Document
from posapp_devtools.escpos.elements import (
    AFTER_CUT,
    BitImage,
    Cut,
    Element,
    StatusRequest,
    Style,
    TextLine,
    TextRun,
)


class NeedMore(Exception):
    """The command at the cursor is not complete yet (more bytes may still arrive)."""


@dataclass
class _State:
    style: Style = field(default_factory=Style)  # frozen: one shared default would do as well
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


class DecoderCore:
    """Buffering, printer state and the receipt under construction; the command mixins
    (:mod:`.text`, :mod:`.graphics`, :mod:`.symbols`) decode into it and
    :class:`~posapp_devtools.escpos.stream.StreamDecoder` dispatches to them."""

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
        if self._held is not None and isinstance(element, AFTER_CUT):
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

    def _step(self, i: int) -> int:  # the dispatcher: StreamDecoder
        raise NotImplementedError

    def _status(self, req: StatusRequest) -> None:
        self._add(req)
        if self._on_status is not None:
            self._on_status(req)


def _name(buf: bytearray, i: int) -> str:
    names = {ESC: "ESC", GS: "GS", FS: "FS", DLE: "DLE"}
    b = buf[i]
    if b in names and i + 1 < len(buf):
        nxt = buf[i + 1]
        return f"{names[b]} {chr(nxt) if 0x21 <= nxt < 0x7F else f'0x{nxt:02X}'}"
    return f"0x{b:02X}"
