"""The print queue: jobs printed one at a time on a background thread, never on the Qt thread.

A job that fails (printer off, paper out, cover open, a printer that stops reading) fails within
the transport's bounded time, stays in the queue with its id and the error in words, and can be
reprinted; the sale it belongs to was committed before printing and stays so. Listeners hear of
every change from the worker thread (the UI marshals that to the Qt thread).
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal, Protocol

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


class PrintQueue:
    def __init__(self, printer: PrinterLike) -> None:
        self.printer = printer
        self._jobs: dict[int, PrintJob] = {}
        self._ids = itertools.count(1)
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
        self._emit(job)

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
