"""A 2×20 pole display on a serial port with the CD5220 command set (the common VFD customer
display): ``ESC @`` initialise, ``0x0C`` clear, ``ESC Q A <text> CR`` upper line, ``ESC Q B
<text> CR`` lower line. These displays show ASCII only, so callers pass ASCII (English names,
``W`` for won); anything else is replaced with ``?`` rather than sent as garbage.
"""

from __future__ import annotations

from typing import Any

from posapp.hardware.ports import HardwareError

WIDTH = 20
INIT, CLEAR = b"\x1b@", b"\x0c"


def line_bytes(text: str) -> bytes:
    """Exactly 20 columns of printable ASCII."""
    safe = "".join(c if 32 <= ord(c) < 127 else "?" for c in text.replace("₩", "W"))
    return safe[:WIDTH].ljust(WIDTH).encode("ascii")


def format_total(label: str, amount: int) -> str:
    """``TOTAL        W12,900`` right-aligned in 20 columns."""
    value = f"W{amount:,}"
    return label[: WIDTH - len(value) - 1].ljust(WIDTH - len(value)) + value


class Cd5220Display:
    def __init__(self, port: str, baudrate: int = 9600, timeout: float = 0.5) -> None:
        import serial

        try:
            self._s: Any = serial.Serial(
                port, baudrate=baudrate, timeout=timeout, write_timeout=timeout
            )
        except (serial.SerialException, OSError) as exc:
            raise HardwareError(
                f"cannot open the pole display on {port}: {exc}", code="display.unavailable"
            ) from exc
        self._write(INIT)

    def _write(self, data: bytes) -> None:
        try:
            self._s.write(data)
            self._s.flush()
        except Exception as exc:  # serial timeouts and unplugged cables alike
            raise HardwareError(f"pole display: {exc}", code="display.offline") from exc

    def show(self, line1: str, line2: str = "") -> None:
        self._write(b"\x1bQA" + line_bytes(line1) + b"\r" + b"\x1bQB" + line_bytes(line2) + b"\r")

    def clear(self) -> None:
        self._write(CLEAR)

    def close(self) -> None:
        self._s.close()
