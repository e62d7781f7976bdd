"""Serial retail scales: CAS PD-II (the common Korean POS scale protocol) and a configurable
generic line protocol. Only stable weights are taken, and stale readings are flushed first (a
reading left in the buffer from the last customer is the classic fault of other POS systems).

CAS PD-II framing as implemented (ECR "CAS type" protocol):

* the POS sends ``ENQ`` (0x05); the scale answers ``ACK`` (0x06);
* the POS sends ``DC1`` (0x11); the scale answers a frame
  ``SOH STX <status> <sign> <weight:6> <unit:2> BCC ETX EOT`` where status is ``S`` (stable) or
  ``U`` (unstable), sign is ``+``/space or ``-``, weight is six ASCII characters with a decimal
  point (``01.234``; ``OL`` anywhere in it means overload), unit is ``kg`` or `` g``, and BCC is
  the XOR of the bytes from status to the last unit byte.

Weights become whole grams from the decimal text (no float).
"""

from __future__ import annotations

import re
import time
from decimal import Decimal, InvalidOperation
from typing import Any

from posapp.hardware.ports import HardwareError, Weight

ENQ, ACK, DC1 = b"\x05", b"\x06", b"\x11"
SOH, STX, ETX, EOT = 0x01, 0x02, 0x03, 0x04


def _open(port: str, baudrate: int, timeout: float) -> Any:
    import serial

    try:
        return serial.Serial(port, baudrate=baudrate, timeout=timeout, write_timeout=timeout)
    except (serial.SerialException, OSError) as exc:
        raise HardwareError(
            f"cannot open the scale on {port}: {exc}", code="scale.unavailable"
        ) from exc


def to_grams(weight: str, unit: str) -> int:
    """``"01.234", "kg"`` → 1234; ``"1234", " g"`` → 1234."""
    try:
        value = Decimal(weight.strip())
    except InvalidOperation:
        raise HardwareError(f"unreadable weight {weight!r}", code="scale.bad_frame") from None
    grams = value * 1000 if unit.strip().lower() == "kg" else value
    return int(grams.to_integral_value())


def bcc(data: bytes) -> int:
    out = 0
    for b in data:
        out ^= b
    return out


def cas_frame(stable: bool, grams: int, *, overload: bool = False) -> bytes:
    """A CAS PD-II answer frame (for the device simulator in tests and demos)."""
    sign = b"-" if grams < 0 else b"+"
    weight = b"OL.OOO" if overload else f"{abs(grams) / 1000:06.3f}".encode()
    body = (b"S" if stable else b"U") + sign + weight + b"kg"
    return bytes([SOH, STX]) + body + bytes([bcc(body), ETX, EOT])


class CasPd2Scale:
    def __init__(self, port: str, baudrate: int = 9600, timeout: float = 0.2) -> None:
        self.port = port
        self._s = _open(port, baudrate, timeout)

    def _flush(self) -> None:
        self._s.reset_input_buffer()
        while self._s.in_waiting:
            self._s.read(self._s.in_waiting)

    def _poll(self) -> tuple[bool, int] | str:
        """One request; (stable, grams), or an error code string."""
        self._s.write(ENQ)
        if self._s.read(1) != ACK:
            return "scale.timeout"
        self._s.write(DC1)
        buf = bytearray()
        deadline = time.monotonic() + 0.5
        while time.monotonic() < deadline:
            chunk = self._s.read(16)
            if chunk:
                buf += chunk
            start = buf.find(bytes([SOH, STX]))
            if start != -1 and len(buf) >= start + 15:
                frame = bytes(buf[start : start + 15])
                body, check = frame[2:12], frame[12]
                if bcc(body) != check or frame[13] != ETX:
                    return "scale.bad_frame"
                text = body.decode("ascii", "replace")
                if "OL" in text:
                    return "scale.overload"
                grams = to_grams(text[2:8], text[8:10])
                if text[1] == "-":
                    grams = -grams
                return text[0] == "S", grams
        return "scale.timeout"

    def read_stable(self, timeout: float = 3.0) -> Weight:
        self._flush()
        deadline = time.monotonic() + timeout
        seen = "scale.timeout"
        while time.monotonic() < deadline:
            result = self._poll()
            if isinstance(result, str):
                seen = result if result != "scale.timeout" or seen == "scale.timeout" else seen
                if result == "scale.overload":
                    raise HardwareError("the scale is overloaded", code="scale.overload")
                continue
            stable, grams = result
            if grams < 0:
                raise HardwareError("negative weight: zero the scale", code="scale.negative")
            if stable:
                return Weight(grams, True)
            seen = "scale.unstable"
            time.sleep(0.05)
        words = {
            "scale.unstable": "the weight did not settle; keep the item still",
            "scale.timeout": "the scale does not answer",
            "scale.bad_frame": "the scale's answers are garbled (check the cable)",
        }
        raise HardwareError(words.get(seen, seen), code=seen)

    def close(self) -> None:
        self._s.close()


class GenericSerialScale:
    """A scale that answers lines: send ``request`` (empty for continuous output) and match
    each line with ``pattern``: named groups ``weight``, ``unit``, optional ``stable``/``sign``.
    """

    DEFAULT = r"(?P<stable>ST|US)?,?\s*(?P<sign>[+-])?\s*(?P<weight>\d+(?:\.\d+)?)\s*(?P<unit>kg|g)"

    def __init__(
        self,
        port: str,
        baudrate: int = 9600,
        timeout: float = 0.2,
        *,
        request: bytes = b"W\r\n",
        pattern: str = "",
        stable_token: str = "ST",
    ) -> None:
        self._s = _open(port, baudrate, timeout)
        self.request = request
        self.pattern = re.compile(pattern or self.DEFAULT)
        self.stable_token = stable_token

    def read_stable(self, timeout: float = 3.0) -> Weight:
        self._s.reset_input_buffer()
        deadline = time.monotonic() + timeout
        seen = "scale.timeout"
        while time.monotonic() < deadline:
            if self.request:
                self._s.write(self.request)
            line = self._s.readline().decode("ascii", "replace").strip()
            m = self.pattern.search(line) if line else None
            if m is None:
                continue
            groups = m.groupdict()
            grams = to_grams(groups["weight"], groups.get("unit") or "g")
            if groups.get("sign") == "-":
                raise HardwareError("negative weight: zero the scale", code="scale.negative")
            if groups.get("stable") in (None, self.stable_token):
                return Weight(grams, True)
            seen = "scale.unstable"
        raise HardwareError(
            "the weight did not settle"
            if seen == "scale.unstable"
            else "the scale does not answer",
            code=seen,
        )

    def close(self) -> None:
        self._s.close()
