"""The customer pole display: a 2×20 VFD on a serial port speaking the CD5220 command set, behind
the :class:`~posapp.hardware.ports.CustomerDisplay` port. This module owns the command bytes, the
text rules (20 columns of the display's ASCII character set) and the amount layout.

CD5220 commands (PTC CD5220 manual; the common VFD customer-display set, 9600 8N1 by default)::

    ESC @            1B 40           initialise: clear, cursor home, modes and brightness reset
    CLR              0C              clear both lines, cursor home; ends string mode
    CAN              18              clear the cursor line; ends string mode
    ESC Q A s.. CR   1B 51 41 .. 0D  string mode: write s (at most 20 chars) on the upper line
    ESC Q B s.. CR   1B 51 42 .. 0D  string mode: write s (at most 20 chars) on the lower line
    ESC Q D s.. CR   1B 51 44 .. 0D  scroll s (at most 40 chars) continuously on the upper line
    ESC DC1/DC2/DC3  1B 11/12/13     overwrite / vertical scroll / horizontal scroll mode
    ESC l x y        1B 6C x y       cursor to column x (1-20), row y (1-2)
    HOM / ESC [ H    0B / 1B 5B 48   cursor home
    ESC _ n          1B 5F n         cursor off (0) / on (1)
    ESC * n          1B 2A n         brightness 1-4
    ESC f n          1B 66 n         international character set

What this adapter sends: ``ESC @`` once when the port opens (and again after a failed write, led
by a CR that ends any half-sent string command), then for :meth:`Cd5220Display.show`
``ESC Q A`` + exactly 20 characters + ``CR`` + ``ESC Q B`` + exactly 20 characters + ``CR``
(46 bytes; lines padded with spaces and cut at 20), and for :meth:`~Cd5220Display.clear` ``CLR``.

Text: these displays have no Hangul, and their code page is ASCII (0x20-0x7E). **Callers should
pass ASCII** — the product's English name where it has one (:func:`pick_displayable` chooses the
first candidate that shows as it is), ``W`` for won (:func:`format_total`). Whatever else comes is
mapped, never sent raw: ``₩``/``￦`` → ``W``, ``·`` → ``.``, typographic dashes and quotes to
their ASCII forms, accented and full-width Latin to plain (``é`` → ``e``, ``Ａ`` → ``A``), and
anything left — Hangul, control characters such as a stray ESC — to ``?``, one per character.

Nothing blocks forever: writes have a ``write_timeout`` (``timeout``), and there is no
``flush()`` (tcdrain waits without a bound). A stalled display raises HardwareError
``display.stalled``, a vanished one ``display.offline`` (the port is reopened on the next call),
a port that cannot be opened ``display.unavailable``.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import threading
import unicodedata
from typing import Any

from posapp.hardware.error_codes import DisplayErrorCode
from posapp.hardware.ports import HardwareError

WIDTH = 20
ESC, CR = b"\x1b", b"\r"
INIT = b"\x1b@"
CLEAR = b"\x0c"
UPPER = b"\x1bQA"
LOWER = b"\x1bQB"

_SUBSTITUTES = str.maketrans(
    {
        "₩": "W",
        "￦": "W",
        "·": ".",
        "・": ".",
        "‧": ".",
        "•": "*",
        "‐": "-",
        "‑": "-",
        "–": "-",
        "—": "-",
        "−": "-",
        "‘": "'",
        "’": "'",
        "“": '"',
        "”": '"',
        "×": "x",
        "\u00a0": " ",
        "\t": " ",
    }
)


def _printable(c: str) -> bool:
    return " " <= c <= "~"


def to_display(text: str) -> str:
    """``text`` in the display's character set (printable ASCII); see the module docstring."""
    out: list[str] = []
    for ch in text.translate(_SUBSTITUTES):
        if _printable(ch):
            out.append(ch)
            continue
        folded = "".join(c for c in unicodedata.normalize("NFKD", ch) if _printable(c))
        out.append(folded or "?")
    return "".join(out)


def displayable(text: str) -> bool:
    """True if ``text`` shows without a ``?`` put in for a character the display lacks."""
    return to_display(text).count("?") == text.count("?")


def pick_displayable(*candidates: str | None) -> str:
    """The first non-empty candidate that shows as it is, e.g.
    ``pick_displayable(product.name_ko, product.name_en)``; if none does, the first non-empty one
    with ``?`` for what cannot be shown."""
    present = [c for c in candidates if c and c.strip()]
    for c in present:
        if displayable(c):
            return to_display(c)
    return to_display(present[0]) if present else ""


def line_bytes(text: str) -> bytes:
    """Exactly 20 columns of printable ASCII: mapped, cut at 20, padded with spaces."""
    return to_display(text)[:WIDTH].ljust(WIDTH).encode("ascii")


def format_amount(amount: int) -> str:
    """Won for the display: ``12900`` → ``W12,900``; ``-500`` → ``-W500``."""
    return f"-W{-amount:,}" if amount < 0 else f"W{amount:,}"


def format_line(left: str, right: str) -> str:
    """``left`` then ``right`` right-aligned in 20 columns; ``left`` is cut to keep one space."""
    left, right = to_display(left), to_display(right)[:WIDTH]
    room = WIDTH - len(right) - 1
    if room <= 0:
        return right.rjust(WIDTH)
    return left[:room].ljust(WIDTH - len(right)) + right


def format_total(label: str, amount: int) -> str:
    """``format_total("TOTAL", 12900)`` → ``"TOTAL        W12,900"`` (20 columns)."""
    return format_line(label, format_amount(amount))


def _words(exc: BaseException) -> str:
    code = getattr(exc, "errno", None)
    if isinstance(code, int) and code:
        words = os.strerror(code)
        if code == errno.EACCES:
            words += " (on Linux: is the user in the dialout group?)"
        return words
    return str(exc) or exc.__class__.__name__


@functools.cache
def _io_errors() -> tuple[type[BaseException], ...]:
    import serial

    return (serial.SerialException, OSError)


class Cd5220Display:
    """A CD5220-compatible pole display on ``port``. ``timeout`` is the write timeout: a display
    that stops taking bytes raises ``display.stalled`` after it instead of hanging the caller.
    Safe to call from several threads (one write at a time)."""

    def __init__(self, port: str, baudrate: int = 9600, timeout: float = 0.5) -> None:
        self.port, self.baudrate, self.timeout = port, baudrate, timeout
        self._lock = threading.Lock()
        self._s: Any = None
        self._closed = False
        self._needs_init = True
        self._interrupted = False  # a write failed midway: the display may await a CR
        with self._lock:
            self._open()
            self._send(b"")

    def _open(self) -> None:
        if self._s is not None:
            return
        import serial

        try:
            self._s = serial.Serial(
                self.port,
                baudrate=self.baudrate,
                timeout=self.timeout,
                write_timeout=self.timeout,
                exclusive=True,
            )
        except (serial.SerialException, OSError, ValueError) as exc:
            raise HardwareError(
                f"cannot open the pole display on {self.port}: {_words(exc)}",
                code=DisplayErrorCode.UNAVAILABLE,
                port=self.port,
            ) from exc
        self._needs_init = True

    def _drop(self) -> None:
        s, self._s = self._s, None
        if s is not None:
            # a vanished device may fail to close; it is gone either way
            with contextlib.suppress(Exception):
                s.close()

    def _send(self, payload: bytes) -> None:
        """Write ``payload`` (preceded by the initialisation when due); lock held."""
        import serial

        if self._closed:
            raise HardwareError(
                "the pole display was closed", code=DisplayErrorCode.UNAVAILABLE, retryable=False
            )
        self._open()
        data = payload
        if self._needs_init:
            data = (CR if self._interrupted else b"") + INIT + payload
        try:
            self._s.write(data)
        except serial.SerialTimeoutException as exc:
            self._needs_init = self._interrupted = True
            raise HardwareError(
                f"the pole display on {self.port} stopped taking data",
                code=DisplayErrorCode.STALLED,
            ) from exc
        except _io_errors() as exc:
            self._drop()
            self._interrupted = True
            raise HardwareError(
                f"lost the pole display on {self.port}: {_words(exc)}",
                code=DisplayErrorCode.OFFLINE,
            ) from exc
        self._needs_init = self._interrupted = False

    def show(self, line1: str, line2: str = "") -> None:
        """Both lines at once; pass ASCII (see :func:`pick_displayable`, :func:`format_total`)."""
        with self._lock:
            self._send(UPPER + line_bytes(line1) + CR + LOWER + line_bytes(line2) + CR)

    def clear(self) -> None:
        with self._lock:
            self._send(CLEAR)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._drop()
