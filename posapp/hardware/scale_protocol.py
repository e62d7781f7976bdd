"""The CAS PD-II wire protocol and the weight text → whole grams conversion: frames built
(``cas_frame``, for simulators and tests), found in a byte stream (``next_cas_frame``) and
decoded (``parse_cas_frame``); pure functions, no port (:mod:`posapp.hardware.serial_scale`
talks to the scale).

CAS PD-II ECR protocol (PD-II manual, "TYPE-6 interface", the ECR weight request)::

    POS → scale   ENQ (0x05)
    scale → POS   ACK (0x06)                      (NAK 0x15: busy; the POS asks again)
    POS → scale   DC1 (0x11)                      (weight only; DC2 is the price-computing form)
    scale → POS   SOH STX STA SIGN W5 W4 W3 W2 W1 W0 UN1 UN0 BCC ETX EOT       (15 bytes)

    SOH 0x01, STX 0x02, ETX 0x03, EOT 0x04
    STA      'S' stable, 'U' unstable
    SIGN     ' ' (0x20) zero or positive ('+' accepted too), '-' (0x2D) negative,
             'F' overload
    W5..W0   six ASCII characters with the decimal point, e.g. "01.234" (kg) or "001234" (g);
             all 'F' on overload (a field containing "OL" is taken as overload as well)
    UN1 UN0  "kg" (any case) or " g" / "g "; "lb" is refused (scale.bad_unit)
    BCC      XOR of the 10 bytes STA .. UN0, i.e. every byte after STX and before BCC
             (SOH, STX, ETX and EOT are not included)

  Example, a stable 1.234 kg: ``01 02 53 20 30 31 2E 32 33 34 6B 67 65 03 04``
  (``S``, space, ``01.234``, ``kg``, BCC 0x65).

  The receiver is tolerant: bytes before SOH are skipped, a SOH not followed by STX and by ETX
  thirteen bytes on is taken for noise (it resynchronises on the next SOH), and the trailing EOT
  is optional. A frame with a bad BCC is dropped and the request repeated. Before each ENQ the
  input buffer is discarded, and whatever arrives before the ACK is ignored, so a frame is
  always the answer to this request, never a late answer to an earlier one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from posapp.hardware.error_codes import ScaleErrorCode
from posapp.hardware.ports import HardwareError

ENQ, ACK, NAK, DC1 = 0x05, 0x06, 0x15, 0x11
SOH, STX, ETX, EOT = 0x01, 0x02, 0x03, 0x04
FRAME_LEN = 14  # SOH .. ETX; the EOT after it is optional on receipt

_NUMBER = re.compile(r"\s*(\d*)(?:\.(\d*))?\s*")


def to_grams(weight: str, unit: str) -> int:
    """Whole grams from a scale's weight text, exactly: ``"01.234", "kg"`` → 1234,
    ``"001234", " g"`` → 1234, ``"0.0005", "kg"`` → 1 (finer than a gram rounds half up).

    The sign is not part of ``weight``. Raises HardwareError ``scale.bad_frame`` for text that
    is not a plain decimal number and ``scale.bad_unit`` for a unit other than kg or g."""
    m = _NUMBER.fullmatch(weight)
    if m is None or not (m.group(1) or m.group(2)):
        raise HardwareError(f"unreadable weight {weight!r}", code=ScaleErrorCode.BAD_FRAME)
    u = unit.strip().lower()
    if u == "kg":
        factor = 1000
    elif u == "g":
        factor = 1
    else:
        raise HardwareError(
            f"the scale weighs in {unit.strip()!r}: set it to kg",
            code=ScaleErrorCode.BAD_UNIT,
            retryable=False,
        )
    whole, frac = m.group(1) or "0", m.group(2) or ""
    denominator: int = 10 ** len(frac)  # int ** int is typed Any (a negative power is a float)
    numerator = (int(whole) * denominator + int(frac or "0")) * factor
    return (2 * numerator + denominator) // (2 * denominator)  # half up


def bcc(data: bytes) -> int:
    """The block check character: XOR of ``data`` (for CAS frames, the bytes STA .. UN0)."""
    out = 0
    for b in data:
        out ^= b
    return out


def cas_frame(stable: bool, grams: int, *, overload: bool = False) -> bytes:
    """A CAS PD-II answer to DC1 for ``grams`` in kg with three decimals (device simulators,
    demos): ``cas_frame(True, 1234)`` → ``SOH STX "S 01.234kg" BCC ETX EOT``."""
    if overload:
        sign, weight = "F", "FFFFFF"
    elif abs(grams) > 99_999:
        raise ValueError(f"{grams} g does not fit the six-character weight field")
    else:
        sign = "-" if grams < 0 else " "
        g = abs(grams)
        weight = f"{g // 1000:02d}.{g % 1000:03d}"
    body = f"{'S' if stable else 'U'}{sign}{weight}kg".encode("ascii")
    return bytes([SOH, STX]) + body + bytes([bcc(body), ETX, EOT])


@dataclass(frozen=True, slots=True)
class Reading:
    """One answer from a scale: ``grams`` is signed; an overload carries no weight."""

    stable: bool
    grams: int
    overload: bool = False


class BadFrame(ValueError):
    """An answer that cannot be trusted (checksum, format)."""


def parse_cas_frame(frame: bytes) -> Reading:
    """Decode one 14- or 15-byte CAS PD-II frame (SOH .. ETX [EOT]).

    Raises :class:`BadFrame` for a wrong structure, BCC, status or number, and HardwareError
    ``scale.bad_unit`` for a unit other than kg/g."""
    if len(frame) < FRAME_LEN or frame[0] != SOH or frame[1] != STX or frame[13] != ETX:
        raise BadFrame(f"not a CAS frame: {frame!r}")
    body, check = frame[2:12], frame[12]
    if bcc(body) != check:
        raise BadFrame(f"BCC {check:#04x}, expected {bcc(body):#04x}: {frame!r}")
    text = body.decode("ascii", "replace")
    status, sign, weight, unit = text[0], text[1], text[2:8], text[8:10]
    if status not in "SU":
        raise BadFrame(f"unknown status {status!r}")
    stable = status == "S"
    if sign == "F" or weight.strip().upper() == "FFFFFF" or "OL" in weight.upper():
        return Reading(stable, 0, overload=True)
    if sign not in " +-":
        raise BadFrame(f"unknown sign {sign!r}")
    try:
        grams = to_grams(weight, unit)
    except HardwareError as exc:
        if exc.code == ScaleErrorCode.BAD_FRAME:
            raise BadFrame(str(exc)) from None
        raise
    return Reading(stable, -grams if sign == "-" else grams)


def next_cas_frame(buf: bytearray) -> bytes | None:
    """Take the first well-formed frame (SOH STX ... ETX, EOT optional) out of ``buf``: noise
    before it is dropped, a SOH that does not start a frame is skipped (resync on the next SOH).
    None, leaving the possible start of a frame in ``buf``, when more bytes are needed."""
    while True:
        start = buf.find(SOH)
        if start < 0:
            buf.clear()
            return None
        del buf[:start]
        if len(buf) < 2 or (buf[1] == STX and len(buf) < FRAME_LEN):
            return None
        if buf[1] == STX and buf[FRAME_LEN - 1] == ETX:
            frame = bytes(buf[:FRAME_LEN])
            del buf[:FRAME_LEN]
            if buf[:1] == bytes([EOT]):
                del buf[:1]
            return frame
        del buf[:1]
