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

Modules, by what they decode: :mod:`.commands` (byte values and command tables),
:mod:`.elements` (what a receipt is made of), :mod:`.document`, :mod:`.core` (the stream and
its receipt builder), :mod:`.text` (text, character and control commands), :mod:`.graphics`
(bit images), :mod:`.symbols` (barcodes and 2-D symbols), :mod:`.symbology` (barcode data
rules), :mod:`.render` (the picture) and :mod:`.stream` (the decoder put together).
"""

from __future__ import annotations

from posapp_devtools.escpos.document import Document
from posapp_devtools.escpos.elements import (
    BarcodeSymbol,
    BitImage,
    Cut,
    DrawerKick,
    Element,
    Feed,
    StatusRequest,
    Style,
    Symbol2D,
    TextLine,
    TextRun,
)
from posapp_devtools.escpos.render import line_dots
from posapp_devtools.escpos.stream import StreamDecoder, decode
from posapp_devtools.escpos.symbology import barcode_modules

__all__ = [
    "BarcodeSymbol",
    "BitImage",
    "Cut",
    "Document",
    "DrawerKick",
    "Element",
    "Feed",
    "StatusRequest",
    "StreamDecoder",
    "Style",
    "Symbol2D",
    "TextLine",
    "TextRun",
    "barcode_modules",
    "decode",
    "line_dots",
]
