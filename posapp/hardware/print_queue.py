"""The print queue: jobs printed one at a time on a background thread, never on the Qt thread.

A job that fails (printer off, paper out, cover open, a printer that stops reading) fails within
the transport's bounded time, stays in the queue with its id and the error in words, and can be
reprinted; the sale it belongs to was committed before printing and stays so. Listeners hear of
every change from the worker thread (the UI marshals that to the Qt thread).

With a :class:`JobStore` (a folder in the till's data directory) a job is written to disk before
it is queued and removed once printed, so a receipt that failed — or was still waiting when the
till stopped — is there again after a restart, as a failed job to print again.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import os
import pickle
import queue
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal, Protocol

from posapp.hardware.error_codes import PrinterErrorCode
from posapp.hardware.ports import CashDrawer, HardwareError
from posapp.hardware.printer import PrintOutcome
from posapp.hardware.receipt import Receipt

log = logging.getLogger(__name__)

JobState = Literal["queued", "printing", "done", "failed"]


class PrinterLike(Protocol):
    def print_receipt(self, receipt: Receipt) -> PrintOutcome: ...


class ReceiptPrinter(PrinterLike, CashDrawer, Protocol):
    """A receipt printer with the cash drawer on its kick-out port (ESC/POS, the preview)."""


@dataclass(frozen=True)
class PrintJob:
    id: int
    receipt: Receipt
    kind: str  # sale, refund, reprint, z, x, test ...
    state: JobState = "queued"
    error: str = ""
    error_code: str = ""
    attempts: int = 0
    created_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    outcome: PrintOutcome | None = None
    key: str = field(default_factory=lambda: uuid.uuid4().hex)  # its file in a JobStore


#: the error of a job the till stopped before printing (found again at start-up)
INTERRUPTED = PrinterErrorCode.INTERRUPTED.value


class JobStore:
    """Print jobs kept on disk until printed: one file a job in ``folder`` (0600: a receipt
    names what was bought and how it was paid), written whole or not at all."""

    SUFFIX = ".job"

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def save(self, job: PrintJob) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        kept = replace(job, outcome=None)
        tmp = self.folder / f"{job.key}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as f:
            pickle.dump(kept, f, protocol=pickle.HIGHEST_PROTOCOL)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.folder / f"{job.key}{self.SUFFIX}")

    def remove(self, job: PrintJob) -> None:
        (self.folder / f"{job.key}{self.SUFFIX}").unlink(missing_ok=True)

    def load(self) -> list[PrintJob]:
        """The jobs left from before, oldest first; a file that cannot be read is set aside
        (``.bad``) and logged — the sale itself is in the database and can be reprinted."""
        if not self.folder.is_dir():
            return []
        jobs: list[PrintJob] = []
        for path in sorted(self.folder.glob(f"*{self.SUFFIX}")):
            try:
                with path.open("rb") as f:
                    job = pickle.load(f)  # our own files, 0600 in the till's data directory
                if not isinstance(job, PrintJob):
                    raise TypeError(type(job).__name__)
            except Exception:
                log.exception("print job file %s cannot be read: set aside", path.name)
                path.replace(path.with_suffix(".bad"))
                continue
            jobs.append(job)
        return sorted(jobs, key=lambda j: j.created_at)


class PrintQueue:
    def __init__(self, printer: PrinterLike, store: JobStore | None = None) -> None:
        self.printer = printer
        self._store = store
        self._jobs: dict[int, PrintJob] = {}
        self._ids = itertools.count(1)
        for old in store.load() if store is not None else []:
            # failed, or still waiting when the till stopped: failed now, to print again
            job = replace(
                old,
                id=next(self._ids),
                state="failed",
                error=old.error if old.state == "failed" else "",
                error_code=old.error_code if old.state == "failed" else INTERRUPTED,
            )
            self._jobs[job.id] = job
        self._q: queue.Queue[int | None] = queue.Queue()
        self._lock = threading.Lock()
        self._listeners: list[Callable[[PrintJob], None]] = []
        self._idle = threading.Event()
        self._idle.set()
        self._thread = threading.Thread(target=self._run, name="print-queue", daemon=True)
        self._thread.start()

    def subscribe(self, listener: Callable[[PrintJob], None]) -> None:
        self._listeners.append(listener)

    def submit(self, receipt: Receipt, kind: str = "sale") -> PrintJob:
        job = PrintJob(next(self._ids), receipt, kind)
        self._keep(job)
        with self._lock:
            self._jobs[job.id] = job
            self._idle.clear()
        self._q.put(job.id)
        self._emit(job)
        return job

    def reprint(self, job_id: int) -> PrintJob:
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                raise KeyError(f"no print job {job_id}")
            job = replace(job, state="queued", error="", error_code="")
            self._jobs[job_id] = job
            self._idle.clear()
        self._q.put(job_id)
        self._emit(job)
        return job

    def jobs(self) -> list[PrintJob]:
        with self._lock:
            return sorted(self._jobs.values(), key=lambda j: j.id)

    def failed(self) -> list[PrintJob]:
        return [j for j in self.jobs() if j.state == "failed"]

    def job(self, job_id: int) -> PrintJob:
        with self._lock:
            return self._jobs[job_id]

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """For tests and shutdown: wait until nothing is queued or printing."""
        return self._idle.wait(timeout)

    def close(self, timeout: float = 5.0) -> None:
        self._q.put(None)
        self._thread.join(timeout)

    def _set(self, job: PrintJob) -> None:
        with self._lock:
            self._jobs[job.id] = job
        if job.state == "done":
            self._forget(job)
        elif job.state == "failed":
            self._keep(job)
        self._emit(job)

    def _keep(self, job: PrintJob) -> None:
        if self._store is None:
            return
        try:
            self._store.save(job)
        except OSError:
            log.exception("print job %d not kept on disk", job.id)

    def _forget(self, job: PrintJob) -> None:
        if self._store is None:
            return
        try:
            self._store.remove(job)
        except OSError:
            log.exception("printed job %d still on disk", job.id)

    def _emit(self, job: PrintJob) -> None:
        for listener in list(self._listeners):
            try:
                listener(job)
            except Exception:
                log.exception("print queue listener failed")

    def _run(self) -> None:
        while True:
            job_id = self._q.get()
            if job_id is None:
                return
            job = self.job(job_id)
            job = replace(job, state="printing", attempts=job.attempts + 1)
            self._set(job)
            try:
                outcome = self.printer.print_receipt(job.receipt)
                self._set(replace(job, state="done", outcome=outcome))
            except HardwareError as exc:
                log.warning("print job %d failed: %s", job.id, exc)
                self._set(replace(job, state="failed", error=str(exc), error_code=exc.code))
            except Exception as exc:  # a bug must not kill the queue
                log.exception("print job %d crashed", job.id)
                self._set(replace(job, state="failed", error=str(exc), error_code="printer.error"))
            finally:
                if self._q.empty():
                    self._idle.set()
