"""Receipts that are never lost (issue 18, item 10): a print job is on disk until it printed,
so a failed receipt — or one still waiting when the till stopped — is there again after a
restart, to print again.

Seen before: print failures were kept in memory only, and lost on restart.
"""

from __future__ import annotations

import threading
from pathlib import Path

from posapp.hardware.ports import HardwareError
from posapp.hardware.print_queue import INTERRUPTED, JobStore, PrintQueue
from posapp.hardware.receipt import Receipt
from tests.hardware.test_receipt_layout import FlakyPrinter, layout_sale, sample


def test_a_failed_receipt_survives_a_restart_and_prints_then(tmp_path: Path) -> None:
    store = JobStore(tmp_path / "print-queue")
    printer = FlakyPrinter()
    q = PrintQueue(printer, store)  # type: ignore[arg-type]
    try:
        q.submit(layout_sale(sample()))
        q.submit(Receipt(title="R01-20261123-0043"), "refund")
        assert q.wait_idle(5) and len(q.failed()) == 2
    finally:
        q.close()
    files = sorted(p.name for p in (tmp_path / "print-queue").iterdir())
    assert len(files) == 2 and all(f.endswith(".job") for f in files)
    assert all((tmp_path / "print-queue" / f).stat().st_mode & 0o077 == 0 for f in files)

    printer.paper = True  # the next morning, paper in
    again = PrintQueue(printer, store)  # type: ignore[arg-type]
    try:
        failed = again.failed()
        assert [(j.receipt.title, j.kind, j.error_code) for j in failed] == [
            ("R01-20261123-0042", "sale", "printer.paper_out"),
            ("R01-20261123-0043", "refund", "printer.paper_out"),
        ]
        for j in failed:
            again.reprint(j.id)
        assert again.wait_idle(5) and again.failed() == []
        assert printer.printed == ["R01-20261123-0042", "R01-20261123-0043"]
    finally:
        again.close()
    assert list((tmp_path / "print-queue").iterdir()) == []
    assert PrintQueue(printer, store).failed() == []  # type: ignore[arg-type]


class StuckPrinter:
    """A printer that never answers while the till is stopped."""

    def __init__(self) -> None:
        self.release = threading.Event()

    def print_receipt(self, receipt):  # type: ignore[no-untyped-def]
        self.release.wait(10)
        raise HardwareError("stopped", code="printer.stalled")


def test_a_receipt_waiting_when_the_till_stopped_is_found_at_start(tmp_path: Path) -> None:
    store = JobStore(tmp_path / "q")
    stuck = StuckPrinter()
    q = PrintQueue(stuck, store)  # type: ignore[arg-type]
    q.submit(Receipt(title="R01-20261123-0044"))
    q.submit(Receipt(title="R01-20261123-0045"))  # still queued behind it
    # the till is killed here: nothing more runs (the stuck thread is a daemon)
    restarted = PrintQueue(FlakyPrinter(), store)  # type: ignore[arg-type]
    try:
        found = restarted.failed()
        assert [j.receipt.title for j in found] == ["R01-20261123-0044", "R01-20261123-0045"]
        assert {j.error_code for j in found} == {INTERRUPTED}
    finally:
        restarted.close()
        stuck.release.set()
        q.close()


def test_an_unreadable_job_file_is_set_aside(tmp_path: Path) -> None:
    folder = tmp_path / "q"
    folder.mkdir()
    (folder / "broken.job").write_bytes(b"not a job")
    assert PrintQueue(FlakyPrinter(), JobStore(folder)).failed() == []  # type: ignore[arg-type]
    assert (folder / "broken.bad").exists()
