"""What a decoded receipt is made of: text lines and their runs, feeds, bit images, barcodes,
2-D symbols, drawer kicks, status requests and cuts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PIL import Image

from posapp_devtools.escpos.commands import (
    DEFAULT_BARCODE_HEIGHT,
    DEFAULT_LINE_SPACING,
    DEFAULT_MODULE_WIDTH,
    Align,
)


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
AFTER_CUT = (*PRINTING, Cut)  # these start the next receipt; pulses stay with the cut one
