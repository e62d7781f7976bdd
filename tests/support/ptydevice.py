"""A serial device played on the master side of a real pseudo-terminal, for hardware tests.

The adapter under test opens ``path`` (the slave side) with pyserial exactly as it would open
``/dev/ttyUSB0``; the test plays the device on the master fd: ``respond(data) -> bytes`` answers
what the till wrote (from a reader thread), :meth:`send` speaks unasked, :meth:`unplug` closes
the master (the till then sees the cable pulled), ``listen=False`` leaves the master unread (a
device that stopped taking bytes)."""

from __future__ import annotations

import os
import select
import threading
import time
import tty
from collections.abc import Callable
from types import TracebackType


class PtyDevice:
    """``respond(data) -> bytes`` answers what the till writes; ``path`` is the serial port."""

    def __init__(
        self, respond: Callable[[bytes], bytes] | None = None, *, listen: bool = True
    ) -> None:
        self.master, self._slave = os.openpty()
        tty.setraw(self._slave)
        tty.setraw(self.master)
        self.path = os.ttyname(self._slave)
        self.respond = respond
        self.received = bytearray()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._t: threading.Thread | None = None
        if listen:
            self._t = threading.Thread(target=self._run, name="pty-device", daemon=True)
            self._t.start()

    def __enter__(self) -> PtyDevice:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def send(self, data: bytes) -> None:
        """The device speaks unasked."""
        os.write(self.master, data)

    def data(self) -> bytes:
        """Everything the till has written so far."""
        with self._lock:
            return bytes(self.received)

    def wait_for(self, predicate: Callable[[bytes], bool], timeout: float = 2.0) -> bytes:
        """Wait until ``predicate(everything received)`` holds; returns what was received."""
        deadline = time.monotonic() + timeout
        while True:
            got = self.data()
            if predicate(got) or time.monotonic() >= deadline:
                return got
            time.sleep(0.005)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                ready, _, _ = select.select([self.master], [], [], 0.02)
                if not ready:
                    continue
                data = os.read(self.master, 4096)
            except OSError:
                return
            if not data:
                return
            with self._lock:
                self.received += data
            if self.respond is not None:
                answer = self.respond(data)
                if answer:
                    try:
                        os.write(self.master, answer)
                    except OSError:
                        return

    def _stop_reader(self) -> None:
        self._stop.set()
        if self._t is not None:
            self._t.join(1)
            self._t = None

    def unplug(self) -> None:
        """Pull the cable: the master side closes (the reader thread first, so that it never
        touches a descriptor number the system hands out again)."""
        self._stop_reader()
        if self.master >= 0:
            os.close(self.master)
            self.master = -1

    def close(self) -> None:
        self.unplug()
        if self._slave >= 0:
            os.close(self._slave)
            self._slave = -1
