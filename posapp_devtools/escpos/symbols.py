"""Barcodes and 2-D symbols: ``GS k`` in both forms and ``GS ( k`` (QR stored and printed,
other 2-D symbols noted)."""

from __future__ import annotations

from typing import Literal

from posapp_devtools.escpos.commands import SYMBOLOGIES_A, SYMBOLOGIES_B, SYMBOLS_2D
from posapp_devtools.escpos.core import DecoderCore, NeedMore
from posapp_devtools.escpos.elements import BarcodeSymbol, Symbol2D
from posapp_devtools.escpos.symbology import barcode_data

Hri = Literal["none", "above", "below", "both"]
_HRI_POSITIONS: tuple[Hri, ...] = ("none", "above", "below", "both")  # GS H n


class SymbolCommands(DecoderCore):
    """The barcode and 2-D symbol commands."""

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
        data, valid, problem = barcode_data(name, raw)
        if not valid:
            self._warn(i, f"barcode {name} {raw!r} not printed: {problem}")
        elif problem:
            self._warn(i, f"barcode {name} {data}: {problem}")
        hri: Hri = _HRI_POSITIONS[st.bc_hri]
        font: Literal["A", "B"] = "B" if st.bc_hri_font else "A"
        self._add(
            BarcodeSymbol(
                name, data, st.bc_height, st.bc_width, hri, font, st.align, valid, problem, raw
            )
        )
        return used
