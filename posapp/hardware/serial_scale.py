"""Serial retail scales behind the :class:`~posapp.hardware.ports.Scale` port: the CAS PD-II in
its ECR mode (the common Korean POS scale protocol) and a configurable line protocol for other
scales. This module owns the port, both scale adapters and the rules every reading obeys (the
CAS frames and the weight text → whole grams conversion are :mod:`posapp.hardware.scale_protocol`):

* **Stale readings are flushed first.** Taking the weight left in the buffer from the previous
  customer is the classic fault of other POS systems: ``read_stable`` discards the input buffer,
  drains whatever is still arriving until the line is quiet, and only then asks.
* **Only a stable weight is returned**, as ``Weight(grams, stable=True)``; unstable readings make
  it ask again until ``timeout``.
* **Nothing waits forever**: every read and write has a timeout, every wait is cut at the
  deadline, and ``read_stable(timeout)`` returns or raises :class:`HardwareError` within
  ``timeout`` (plus at most one write timeout, if flow control stalls the port). Codes:
  ``scale.unstable`` (answers came, none stable), ``scale.timeout`` (no answer at all),
  ``scale.negative`` (a stable negative weight), ``scale.overload``, ``scale.bad_frame`` (only
  garbled answers: checksum or format errors), ``scale.bad_unit`` (the scale weighs in lb: not
  retryable), ``scale.unavailable`` (the port cannot be opened, or vanished: reopened on the next
  reading), ``scale.busy`` (another reading holds the scale), ``scale.config`` (a bad pattern).
  An unstable negative or overloaded reading (an item being put on or taken off) is waited out;
  when the timeout ends on one, its code is raised.
* Weights become **whole grams from the decimal text**, by integer arithmetic (no float): the
  digits after the point are exact down to the gram, a finer fraction rounds half up.

Generic line protocol (:class:`GenericSerialScale`): the POS writes ``request`` (e.g. ``W\\r\\n``;
empty for a scale that streams continuously) and reads lines ending in CR and/or LF. Each line is
searched with ``pattern``, a regex with named groups ``weight`` (required), ``unit`` (else
``default_unit``), ``sign`` (``-`` is negative) and ``stable``. When the ``stable`` group takes
part in the match, the reading is stable iff its text equals ``stable_token`` (``ST``) and an
overload iff it equals ``overload_token`` (``OL``); when the pattern has no such group or the
line carries none, the scale is taken to send settled weights only and the reading counts as
stable. A line that does not match but contains the overload token as a word is an overload;
any other unmatched line is a garbled answer. The default pattern reads ``ST,+  0.815kg``,
``US,GS,+0.812kg``, ``ST,NT,-0.100kg``, ``  815 g`` and the like. When the scale streams and the
line never falls quiet during the flush, the first (possibly cut) line is discarded.

Ports are opened exclusively (a second program, or a second till process, cannot share the scale
and steal its answers).
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import re
import threading
import time
from typing import Any

from posapp.hardware.error_codes import ScaleErrorCode
from posapp.hardware.ports import HardwareError, Weight
from posapp.hardware.scale_protocol import (
    ACK,
    DC1,
    ENQ,
    NAK,
    BadFrame,
    Reading,
    next_cas_frame,
    parse_cas_frame,
    to_grams,
)

MAX_LINE = 256  # a generic-protocol "line" longer than this is noise
DEFAULT_PATTERN = (
    r"^\s*(?:(?P<stable>ST|US|OL)\s*,\s*)?(?:(?:GS|NT)\s*,\s*)?"
    r"(?P<sign>[+-])?\s*(?P<weight>\d+(?:\.\d*)?|\.\d+)\s*(?P<unit>kg|g)\b"
)


# --- the port ---------------------------------------------------------------------------------


def os_error_words(exc: BaseException) -> str:
    """An OS/pyserial error as words for the cashier's message ("No such file or directory")."""
    code = getattr(exc, "errno", None)
    if isinstance(code, int) and code:
        words = os.strerror(code)
        if code == errno.EACCES:
            words += " (on Linux: is the user in the dialout group?)"
        return words
    return str(exc) or exc.__class__.__name__


@functools.cache
def _io_errors() -> tuple[type[BaseException], ...]:
    """What a vanished or failing port raises: pyserial's errors, OS errors, and termios.error
    (tcflush on a pseudo-terminal whose other side is gone)."""
    import serial

    errors: tuple[type[BaseException], ...] = (serial.SerialException, OSError)
    try:
        import termios
    except ImportError:  # Windows
        return errors
    return (*errors, termios.error)


class _Link:
    """A scale's serial port: opened at construction, reopened on the next reading after the
    cable was pulled, every read bounded by a deadline."""

    def __init__(self, port: str, baudrate: int, timeout: float) -> None:
        self.port, self.baudrate, self.timeout = port, baudrate, timeout
        self.closed = False
        self._s: Any = None
        self._read_timeout = timeout
        # 20 character times of silence (10 bits a character) mean the line is quiet
        self.quiet = max(0.03, 200 / baudrate)
        self.open()

    def open(self) -> None:
        if self.closed:
            raise HardwareError(
                f"the scale on {self.port} was closed",
                code=ScaleErrorCode.UNAVAILABLE,
                retryable=False,
            )
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
                f"cannot open the scale on {self.port}: {os_error_words(exc)}",
                code=ScaleErrorCode.UNAVAILABLE,
                retryable=True,
                port=self.port,
            ) from exc
        self._read_timeout = self.timeout

    def _lost(self, exc: BaseException) -> HardwareError:
        self.drop()
        return HardwareError(
            f"lost the scale on {self.port}: {os_error_words(exc)}",
            code=ScaleErrorCode.UNAVAILABLE,
            retryable=True,
            port=self.port,
        )

    def _set_timeout(self, seconds: float) -> None:
        seconds = max(0.0, seconds)
        if abs(seconds - self._read_timeout) > 0.002:
            self._s.timeout = seconds
            self._read_timeout = seconds

    def reset(self) -> None:
        """Discard what the driver holds (not what is still on the wire)."""
        try:
            self._s.reset_input_buffer()
        except _io_errors() as exc:
            raise self._lost(exc) from exc

    def drain(self, deadline: float) -> bool:
        """Discard the input buffer and everything still arriving until the line has been quiet
        for :attr:`quiet` seconds; True if it fell quiet, False if it kept talking (a streaming
        scale) until a bounded drain time ran out, in which case a line may have been cut."""
        self.reset()
        give_up = min(deadline, time.monotonic() + max(0.1, 4 * self.quiet))
        while True:
            now = time.monotonic()
            if now >= give_up:
                return False
            try:
                self._set_timeout(min(self.quiet, give_up - now))
                waiting = self._s.in_waiting
                got = self._s.read(max(1, waiting))
            except _io_errors() as exc:
                raise self._lost(exc) from exc
            if not got and time.monotonic() - now >= self.quiet * 0.9:
                return True

    def read(self, until: float) -> bytes:
        """What has arrived, waiting until ``until`` (monotonic) at most for the first byte."""
        try:
            waiting = self._s.in_waiting
            if waiting:
                return bytes(self._s.read(waiting))
            left = until - time.monotonic()
            if left <= 0:
                return b""
            self._set_timeout(left)
            got = bytes(self._s.read(1))
            if got:
                waiting = self._s.in_waiting
                if waiting:
                    got += bytes(self._s.read(waiting))
            return got
        except _io_errors() as exc:
            raise self._lost(exc) from exc

    def write(self, data: bytes) -> bool:
        """Send ``data``; False when the port would not take it within the write timeout (flow
        control stuck: counted as no answer)."""
        import serial

        try:
            self._s.write(data)
        except serial.SerialTimeoutException:
            return False
        except _io_errors() as exc:
            raise self._lost(exc) from exc
        return True

    def drop(self) -> None:
        s, self._s = self._s, None
        if s is not None:
            # closing a vanished device may fail; it is gone either way
            with contextlib.suppress(Exception):
                s.close()

    def close(self) -> None:
        self.closed = True
        self.drop()


# --- what a reading session concluded ---------------------------------------------------------


class _Tally:
    """The answers of one ``read_stable`` call, to choose the error when none was stable."""

    def __init__(self, port: str, timeout: float) -> None:
        self.port, self.timeout = port, timeout
        self.last: Reading | None = None
        self.bad = 0

    def judge(self, reading: Reading) -> Weight | None:
        self.last = reading
        if not reading.stable:
            return None
        if reading.overload:
            raise self._overload()
        if reading.grams < 0:
            raise self._negative(reading.grams)
        return Weight(reading.grams, True)

    def _overload(self) -> HardwareError:
        return HardwareError(
            "the scale is overloaded: take the item off",
            code=ScaleErrorCode.OVERLOAD,
            port=self.port,
        )

    def _negative(self, grams: int) -> HardwareError:
        return HardwareError(
            f"the scale shows a negative weight ({grams} g): empty the platter and zero it",
            code=ScaleErrorCode.NEGATIVE,
            port=self.port,
            grams=grams,
        )

    def failure(self) -> HardwareError:
        last = self.last
        if last is not None:
            if last.overload:
                return self._overload()
            if last.grams < 0:
                return self._negative(last.grams)
            return HardwareError(
                f"the weight did not settle within {self.timeout:.1f} s: keep the item still",
                code=ScaleErrorCode.UNSTABLE,
                port=self.port,
                grams=last.grams,
            )
        if self.bad:
            return HardwareError(
                f"the scale on {self.port} answers garbled data ({self.bad} bad answers): "
                "check the cable and the baud rate",
                code=ScaleErrorCode.BAD_FRAME,
                port=self.port,
                bad=self.bad,
            )
        return HardwareError(
            f"the scale on {self.port} does not answer: check power, cable and its interface "
            "setting",
            code=ScaleErrorCode.TIMEOUT,
            port=self.port,
        )


class _SerialScale:
    """What both scales share: the port, the one-reading-at-a-time lock, close()."""

    def __init__(self, port: str, baudrate: int, timeout: float, poll_interval: float) -> None:
        self.port = port
        self.timeout = timeout
        self.poll_interval = poll_interval
        self._lock = threading.Lock()
        self._link = _Link(port, baudrate, timeout)

    def read_stable(self, timeout: float = 3.0) -> Weight:
        """Flush stale readings, ask, and return a stable weight; HardwareError otherwise."""
        start = time.monotonic()
        if not self._lock.acquire(timeout=max(0.0, timeout)):
            raise HardwareError("the scale is busy with another reading", code=ScaleErrorCode.BUSY)
        try:
            self._link.open()
            deadline = start + timeout
            tally = _Tally(self.port, timeout)
            weight = self._read(deadline, tally)
            if weight is None:
                raise tally.failure()
            return weight
        finally:
            self._lock.release()

    def _read(self, deadline: float, tally: _Tally) -> Weight | None:
        raise NotImplementedError

    def _pause(self, deadline: float) -> None:
        time.sleep(max(0.0, min(self.poll_interval, deadline - time.monotonic())))

    def close(self) -> None:
        with self._lock:
            self._link.close()


class CasPd2Scale(_SerialScale):
    """A CAS PD-II (or any scale in the CAS ECR "ENQ/DC1" mode) on a serial port.

    ``timeout`` bounds each wait for an answer (the ACK, then the frame) before asking again;
    ``poll_interval`` is the pause between requests while the weight is unstable."""

    def __init__(
        self,
        port: str,
        baudrate: int = 9600,
        timeout: float = 0.2,
        *,
        poll_interval: float = 0.05,
    ) -> None:
        super().__init__(port, baudrate, timeout, poll_interval)

    def _read(self, deadline: float, tally: _Tally) -> Weight | None:
        self._link.drain(deadline)
        while time.monotonic() < deadline:
            reading = self._poll(deadline, tally)
            if reading is None:
                continue
            weight = tally.judge(reading)
            if weight is not None:
                return weight
            self._pause(deadline)
        return None

    def _poll(self, deadline: float, tally: _Tally) -> Reading | None:
        """One ENQ/ACK/DC1/frame exchange; None when it did not yield a trustworthy reading."""
        link = self._link
        link.reset()  # a late answer to an earlier request is not an answer to this one
        if not link.write(bytes([ENQ])):
            self._pause(deadline)
            return None
        answer_by = min(deadline, time.monotonic() + self.timeout)
        acked = False
        while not acked:
            got = link.read(answer_by)
            if not got:
                return None  # no ACK in time: ask again
            if ACK in got:
                acked = True
            elif NAK in got:
                self._pause(deadline)  # busy: ask again shortly
                return None
        if not link.write(bytes([DC1])):
            return None
        answer_by = min(deadline, time.monotonic() + self.timeout)
        buf = bytearray()
        while True:
            frame = next_cas_frame(buf)
            if frame is not None:
                try:
                    return parse_cas_frame(frame)
                except BadFrame:
                    tally.bad += 1
                    self._pause(deadline)
                    return None
            got = link.read(answer_by)
            if not got:
                return None
            buf += got


class GenericSerialScale(_SerialScale):
    """A scale speaking lines: ``request`` is written to ask (``b""``: the scale streams), every
    line received (CR and/or LF terminated) is searched with ``pattern`` (named groups
    ``weight``, ``unit``, optional ``sign`` and ``stable``; empty: :data:`DEFAULT_PATTERN`).

    ``timeout`` bounds each wait for an answer before asking again; ``poll_interval`` is the
    pause before asking again after an unstable answer."""

    DEFAULT = DEFAULT_PATTERN

    def __init__(
        self,
        port: str,
        baudrate: int = 9600,
        timeout: float = 0.2,
        *,
        request: bytes | str = b"W\r\n",
        pattern: str | re.Pattern[str] = "",
        stable_token: str = "ST",
        overload_token: str = "OL",
        default_unit: str = "g",
        encoding: str = "ascii",
        poll_interval: float = 0.05,
    ) -> None:
        self.request = request.encode("latin-1") if isinstance(request, str) else bytes(request)
        try:
            self.pattern = (
                pattern if isinstance(pattern, re.Pattern) else re.compile(pattern or self.DEFAULT)
            )
        except re.error as exc:
            raise HardwareError(
                f"the scale pattern is not a valid regular expression: {exc}",
                code=ScaleErrorCode.CONFIG,
                retryable=False,
            ) from exc
        if "weight" not in self.pattern.groupindex:
            raise HardwareError(
                "the scale pattern needs a (?P<weight>...) group",
                code=ScaleErrorCode.CONFIG,
                retryable=False,
            )
        self.stable_token = stable_token.strip().upper()
        self.overload_token = overload_token.strip().upper()
        self._overload_word = (
            re.compile(rf"\b{re.escape(self.overload_token)}\b", re.IGNORECASE)
            if self.overload_token
            else None
        )
        self.default_unit = default_unit
        self.encoding = encoding
        super().__init__(port, baudrate, timeout, poll_interval)

    def parse_line(self, raw: bytes) -> Reading | None:
        """One line as a reading; None for an empty line. Raises :class:`BadFrame` for a line
        that does not match, HardwareError ``scale.bad_unit`` for a unit other than kg/g."""
        text = raw.decode(self.encoding, "replace").strip()
        if not text:
            return None
        m = self.pattern.search(text)
        if m is None:
            if self._overload_word is not None and self._overload_word.search(text):
                return Reading(True, 0, overload=True)
            raise BadFrame(f"unrecognised line {text!r}")
        groups = m.groupdict()
        status = (groups.get("stable") or "").strip().upper()
        weight = groups["weight"] or ""
        if self.overload_token and (
            status == self.overload_token or self.overload_token in weight.upper()
        ):
            return Reading(True, 0, overload=True)
        stable = status == self.stable_token if status else True
        try:
            grams = to_grams(weight, groups.get("unit") or self.default_unit)
        except HardwareError as exc:
            if exc.code == ScaleErrorCode.BAD_FRAME:
                raise BadFrame(str(exc)) from None
            raise
        sign = (groups.get("sign") or "").strip()
        return Reading(stable, -grams if sign == "-" else grams)

    def _read(self, deadline: float, tally: _Tally) -> Weight | None:
        link = self._link
        quiet = link.drain(deadline)
        skip_first = not quiet  # a streaming scale: the first line may have been cut
        buf = bytearray()
        ask_at = time.monotonic()  # when to (re)send the request
        while True:
            now = time.monotonic()
            if now >= deadline:
                return None
            if self.request and now >= ask_at:
                link.write(self.request)
                ask_at = now + self.timeout  # no answer by then: ask again
            got = link.read(min(deadline, ask_at) if self.request else deadline)
            for byte in got:
                if byte not in (0x0A, 0x0D):
                    buf.append(byte)
                    if len(buf) > MAX_LINE:
                        buf.clear()
                        tally.bad += 1
                    continue
                line = bytes(buf)
                buf.clear()
                if skip_first:
                    skip_first = False
                    continue
                try:
                    reading = self.parse_line(line)
                except BadFrame:
                    tally.bad += 1
                    continue
                if reading is None:
                    continue
                weight = tally.judge(reading)
                if weight is not None:
                    return weight
                if self.request:  # unstable: ask again after a short pause
                    ask_at = min(ask_at, time.monotonic() + self.poll_interval)
