"""Serial barcode scanners: whole codes from a serial port (CR and/or LF terminated, optional
prefix/suffix stripped) delivered to ``on_code`` from a background thread, with reconnect when
the scanner is unplugged and plugged back in."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)


class SerialScanner:
    def __init__(
        self,
        port: str | Callable[[], str],
        baudrate: int = 9600,
        *,
        prefix: str = "",
        suffix: str = "",
        reconnect_interval: float = 1.0,
        on_status: Callable[[str], None] | None = None,
    ) -> None:
        self._port = port
        self.baudrate = baudrate
        self.prefix, self.suffix = prefix, suffix
        self.reconnect_interval = reconnect_interval
        self.on_status = on_status or (lambda status: None)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _path(self) -> str:
        return self._port() if callable(self._port) else self._port

    def start(self, on_code: Callable[[str], None]) -> None:
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._run, args=(on_code,), name="serial-scanner", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2)

    def _clean(self, raw: bytes) -> str | None:
        text = raw.decode("ascii", "replace").strip("\r\n")
        if self.prefix and text.startswith(self.prefix):
            text = text[len(self.prefix) :]
        if self.suffix and text.endswith(self.suffix):
            text = text[: -len(self.suffix)]
        text = text.strip()
        return text or None

    def _run(self, on_code: Callable[[str], None]) -> None:
        import serial

        connected = False
        while not self._stop.is_set():
            try:
                port: Any = serial.Serial(self._path(), self.baudrate, timeout=0.1)
            except (serial.SerialException, OSError):
                if connected:
                    connected = False
                    self.on_status("disconnected")
                self._stop.wait(self.reconnect_interval)
                continue
            connected = True
            self.on_status("connected")
            buf = b""
            try:
                while not self._stop.is_set():
                    chunk = port.read(64)
                    if not chunk:
                        continue
                    buf += chunk
                    while True:
                        cut = min(
                            (i for i in (buf.find(b"\r"), buf.find(b"\n")) if i != -1), default=-1
                        )
                        if cut == -1:
                            break
                        code = self._clean(buf[:cut])
                        buf = buf[cut + 1 :]
                        if code:
                            on_code(code)
            except (serial.SerialException, OSError) as exc:
                log.warning("serial scanner lost: %s", exc)
                connected = False
                self.on_status("disconnected")
            finally:
                try:
                    port.close()
                except Exception:
                    log.debug("closing the scanner port failed", exc_info=True)
            time.sleep(0.05)
