"""Serial barcode scanners behind the :class:`~posapp.hardware.ports.ScannerSource` port. This
module owns reading whole codes off a serial port and surviving the scanner being unplugged.

Wire format: each code is a run of bytes ended by any byte of ``terminators`` (default CR and LF,
so ``CODE\\r``, ``CODE\\n`` and ``CODE\\r\\n`` all give one code; empty runs between terminators
are ignored). An optional ``prefix`` and ``suffix`` configured in the scanner (e.g. a symbology
identifier ``]E0`` or a store-specific marker) are stripped when present, then surrounding
spaces and tabs. The bytes are decoded as ``encoding`` (UTF-8; undecodable bytes become U+FFFD);
a run longer than ``max_length`` without a terminator is dropped as noise.

A background daemon thread owns the port. It opens the port (exclusively; what was queued before
it listened is discarded, so a code scanned while nobody was listening is never entered late),
reports ``on_status("connected")``, and hands every complete code to ``on_code(code)`` — from
that thread. When the device disappears (a read raises SerialException/OSError: the USB cable
pulled), or cannot be opened, it reports ``on_status("disconnected")`` once and tries to open the
port again every ``reconnect_interval`` seconds, reporting ``"connected"`` when it is back.
``port`` may be a callable returning the path, evaluated at every attempt (a device that comes
back under another name). Reads wait at most ``read_timeout``, so :meth:`SerialScanner.stop`
ends the thread within about that time. An exception in a callback is logged, never fatal.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

CONNECTED = "connected"
DISCONNECTED = "disconnected"


@functools.cache
def _io_errors() -> tuple[type[BaseException], ...]:
    import serial

    errors: tuple[type[BaseException], ...] = (serial.SerialException, OSError, ValueError)
    try:
        import termios
    except ImportError:  # Windows
        return errors
    return (*errors, termios.error)


class SerialScanner:
    """A barcode scanner on a serial port (or a USB scanner in its serial/CDC mode)."""

    def __init__(
        self,
        port: str | Callable[[], str],
        baudrate: int = 9600,
        *,
        prefix: str = "",
        suffix: str = "",
        terminators: bytes = b"\r\n",
        reconnect_interval: float = 1.0,
        on_status: Callable[[str], None] | None = None,
        read_timeout: float = 0.1,
        encoding: str = "utf-8",
        max_length: int = 512,
    ) -> None:
        if not terminators:
            raise ValueError("a scanner needs at least one terminator byte")
        self._port = port
        self.baudrate = baudrate
        self.prefix, self.suffix = prefix, suffix
        self.terminators = frozenset(terminators)
        self.reconnect_interval = reconnect_interval
        self.on_status = on_status
        self.read_timeout = read_timeout
        self.encoding = encoding
        self.max_length = max_length
        self.status = "stopped"
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._serial: Any = None  # the open port, for stop() to cancel a pending read

    @property
    def running(self) -> bool:
        """True while the reading thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    @property
    def port(self) -> str:
        return self._port() if callable(self._port) else self._port

    # --- the port ---------------------------------------------------------------------------

    def start(self, on_code: Callable[[str], None]) -> None:
        """Start reading in a daemon thread; ``on_code`` gets each whole code."""
        if self._thread is not None and self._thread.is_alive():
            raise RuntimeError("the scanner is already started")
        self._stop.clear()
        self.status = "starting"
        self._thread = threading.Thread(
            target=self._run, args=(on_code,), name="serial-scanner", daemon=True
        )
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        """Stop the thread and close the port; returns within ``timeout`` seconds."""
        self._stop.set()
        s = self._serial
        if s is not None:
            try:
                s.cancel_read()  # wake a pending read now rather than at its timeout
            except Exception:  # the port may be closing under us; the timeout still ends it
                log.debug("cancel_read failed", exc_info=True)
        t = self._thread
        if t is not None and t is not threading.current_thread():
            t.join(timeout)
            if t.is_alive():
                log.warning("the serial scanner thread did not stop within %.1f s", timeout)
        self._thread = None
        self.status = "stopped"

    # --- the thread -------------------------------------------------------------------------

    def _report(self, status: str) -> None:
        if status == self.status:
            return
        self.status = status
        if self.on_status is not None:
            try:
                self.on_status(status)
            except Exception:
                log.exception("the scanner's on_status callback failed")

    def _open(self) -> Any:
        import serial

        try:
            path = self.port
        except Exception:
            log.exception("the scanner's port callable failed")
            return None
        try:
            s = serial.Serial(path, self.baudrate, timeout=self.read_timeout, exclusive=True)
            s.reset_input_buffer()  # nothing scanned before we listened is entered late
        except _io_errors() as exc:
            if self.status != DISCONNECTED:
                log.info("serial scanner %s not available: %s", path, exc)
            return None
        return s

    def _run(self, on_code: Callable[[str], None]) -> None:
        while not self._stop.is_set():
            s = self._open()
            if s is None:
                self._report(DISCONNECTED)
                self._stop.wait(self.reconnect_interval)
                continue
            self._serial = s
            self._report(CONNECTED)
            try:
                self._pump(s, on_code)
            except _io_errors() as exc:
                if not self._stop.is_set():
                    log.warning("serial scanner lost: %s", exc)
                    self._report(DISCONNECTED)
            finally:
                self._serial = None
                try:
                    s.close()
                except Exception:  # a vanished device may fail to close; it is gone anyway
                    log.debug("closing the scanner port failed", exc_info=True)
            self._stop.wait(self.reconnect_interval)

    def _pump(self, s: Any, on_code: Callable[[str], None]) -> None:
        buf = bytearray()
        while not self._stop.is_set():
            chunk = s.read(max(1, s.in_waiting))  # waits read_timeout at most
            for byte in chunk:
                if byte not in self.terminators:
                    buf.append(byte)
                    if len(buf) > self.max_length:
                        log.warning("scanner: %d bytes without a terminator dropped", len(buf))
                        buf.clear()
                    continue
                code = self.clean(bytes(buf))
                buf.clear()
                if code:
                    try:
                        on_code(code)
                    except Exception:
                        log.exception("the scanner's on_code callback failed for %r", code)

    def clean(self, raw: bytes) -> str:
        """One code as text: decoded, configured prefix/suffix and surrounding blanks stripped."""
        text = raw.decode(self.encoding, "replace").strip(" \t\x00")
        if self.prefix and text.startswith(self.prefix):
            text = text[len(self.prefix) :]
        if self.suffix and text.endswith(self.suffix):
            text = text[: -len(self.suffix)]
        return text.strip(" \t")
