"""The incremental ESC/POS decoder put together: the command mixins under one dispatcher, and
:func:`decode` for a whole stream."""

from __future__ import annotations

from posapp_devtools.escpos.commands import (
    BEL,
    CAN,
    CR,
    DLE,
    ESC,
    ESC_PARAMS,
    FF,
    FS,
    GS,
    GS_PARAMS,
    GS_PAREN_IGNORED,
    HT,
    LF,
    MAX_PENDING,
    NUL,
)
from posapp_devtools.escpos.document import Document
from posapp_devtools.escpos.elements import Cut
from posapp_devtools.escpos.graphics import GraphicsCommands
from posapp_devtools.escpos.symbols import SymbolCommands
from posapp_devtools.escpos.text import TextCommands


class StreamDecoder(TextCommands, GraphicsCommands, SymbolCommands):
    """Incremental decoder for bytes arriving in pieces (a socket).

    :meth:`feed` parses whatever is complete and returns the receipts finished by a cut (a cut
    receipt is held until something printable follows, so a drawer pulse right after the cut
    joins it); :meth:`flush` hands over a held cut receipt (call it when the line goes idle);
    :meth:`close` ends the stream and returns what is left. ``on_status`` is called at once,
    from inside :meth:`feed`, for each status request — the emulator answers it there.
    ``double_byte`` and ``code_table`` are the power-on defaults (restored by ``ESC @``).
    """

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


def decode(data: bytes, *, double_byte: bool = False, code_table: int = 0) -> Document:
    """Decode a whole ESC/POS stream into one :class:`Document` (cuts kept as elements;
    :meth:`Document.receipts` splits it). Never raises on malformed input."""
    whole = Document()
    dec = StreamDecoder(double_byte=double_byte, code_table=code_table)
    parts = dec.feed(data)
    parts += dec.close()
    for part in parts:
        whole.extend(part)
    return whole
