"""The decoded document: elements in order with their warnings, split into receipts at cuts,
as text and as a picture."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from PIL import Image

from posapp_devtools.escpos.elements import (
    AFTER_CUT,
    BarcodeSymbol,
    BitImage,
    Cut,
    DrawerKick,
    Element,
    StatusRequest,
    Symbol2D,
    TextLine,
)
from posapp_devtools.escpos.render import render_element

T = TypeVar("T")


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

    def extend(self, other: Document) -> None:
        """Append ``other``'s elements and warnings (each warning kept with its element)."""
        base = len(self.elements)
        self.elements.extend(other.elements)
        self.warnings.extend(other.warnings)
        self._warning_at.extend(base + at for at in other._warning_at)

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
            if cut_at is not None and isinstance(e, AFTER_CUT):
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
        strips = [s for e in self.elements if (s := render_element(e, width_px)) is not None]
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
