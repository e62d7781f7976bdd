"""A serial device played on the master side of a pseudo-terminal, for hardware tests."""

from __future__ import annotations

import contextlib
import os
import select
import threading
import tty
from collections.abc import Callable


class PtyDevice:
    """``respond(data) -> bytes`` answers what the till writes; ``path`` is the serial port."""

    def __init__(self, respond: Callable[[bytes], bytes] | None = None) -> None:
        self.master, self._slave = os.openpty()
        tty.setraw(self._slave)
        tty.setraw(self.master)
        self.path = os.ttyname(self._slave)
        self.respond = respond
        self.received = bytearray()
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)
        self._t.start()

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                ready, _, _ = select.select([self.master], [], [], 0.02)
                if not ready:
                    continue
                data = os.read(self.master, 4096)
            except OSError:
                return
            self.received += data
            if self.respond is not None:
                answer = self.respond(data)
                if answer:
                    os.write(self.master, answer)

    def close(self) -> None:
        self._stop.set()
        self._t.join(1)
        for fd in (self.master, self._slave):
            with contextlib.suppress(OSError):
                os.close(fd)
