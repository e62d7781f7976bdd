"""Text and printer-control commands: printable bytes through the code tables (single- and
double-byte), ``ESC`` character, line and cut commands, ``GS`` character settings, ``FS``
double-byte mode and ``DLE`` real-time commands."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from posapp_devtools.escpos.commands import (
    ALIGN_CODES,
    CODE_TABLES,
    DC4,
    DEFAULT_LINE_SPACING,
    ENQ,
    EOT,
    INTERNATIONAL,
    MAX_PENDING,
    UNDERLINE_CODES,
)
from posapp_devtools.escpos.core import DecoderCore, NeedMore
from posapp_devtools.escpos.elements import Cut, DrawerKick, Feed, StatusRequest


class TextCommands(DecoderCore):
    """Text, character settings and printer control."""

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
            st.style = replace(st.style, underline=UNDERLINE_CODES.get(n, 0))
        elif c == "a":
            st.align = ALIGN_CODES.get(n, st.align)
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


@lru_cache(maxsize=4096)
def _single_byte(c: int, table: int) -> str:
    codec = CODE_TABLES.get(table, "cp437")
    if codec == "shift_jis" and not 0xA1 <= c <= 0xDF:
        return "?"
    return bytes([c]).decode(codec, errors="replace")
