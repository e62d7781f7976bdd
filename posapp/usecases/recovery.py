"""The open-ticket file: the ticket is saved after every change to a small JSON file in the data
directory (written atomically, fsynced, by a writer thread in order so the cashier never waits
for the disk), so a crash or power cut mid-ticket offers the ticket back on restart."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from posapp.domain.errors import BarcodeError
from posapp.errors import PosError
from posapp.sales.ticket import Ticket

log = logging.getLogger(__name__)


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".open-ticket-")
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


class RecoveryFile:
    """``open-ticket-<register>.json`` in ``directory``; no file at all when it is None."""

    def __init__(self, directory: Path | None, register_id: str) -> None:
        self.path = None if directory is None else directory / f"open-ticket-{register_id}.json"
        self._writer: ThreadPoolExecutor | None = None

    def save(self, ticket: Ticket) -> None:
        """Snapshot the ticket now (an empty ticket removes the file)."""
        if self.path is None:
            return
        if not ticket.lines:
            self.clear()
            return
        data = json.dumps(ticket.to_json(), ensure_ascii=False).encode("utf-8")
        self._pool().submit(_write_atomically, self.path, data)

    def clear(self) -> None:
        if self.path is not None:
            self._pool().submit(self.path.unlink, missing_ok=True)

    def flush(self) -> None:
        """Wait until the last snapshot is on disk (tests, shutdown)."""
        self._pool().submit(lambda: None).result()

    def _pool(self) -> ThreadPoolExecutor:
        if self._writer is None:
            self._writer = ThreadPoolExecutor(1, thread_name_prefix="recovery")
        return self._writer

    def recoverable(self) -> Ticket | None:
        """The ticket left by a crash, or None; an unreadable file is set aside."""
        self.flush()
        path = self.path
        if path is None or not path.exists():
            return None
        try:
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            ticket = Ticket.from_json(data)
        except (ValueError, KeyError, TypeError, PosError, BarcodeError) as exc:
            log.warning("an unreadable open ticket was set aside: %s", exc)
            path.rename(path.with_suffix(".unreadable"))
            return None
        return ticket if ticket.lines else None
