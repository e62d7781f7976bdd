"""Every failed receipt in the banner, and still there after a restart (issue 18, item 10):
two cash sales on a printer out of paper, the till restarted, paper in, 다시 인쇄 clicked.

Seen before: the banner kept only the latest failed job, and failures were lost on restart.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt

from posapp.app import build
from posapp.config import Settings
from posapp.hardware.ports import HardwareError
from posapp.hardware.printer import PreviewPrinter, PrintOutcome
from posapp.hardware.receipt import Receipt
from posapp.sales.tenders import Tender
from posapp.ui.tasks import SyncRunner
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, Store
from tests.ui import test_checkout_flow as flow


class OutOfPaper(PreviewPrinter):
    """The preview printer, out of paper until ``paper`` is set."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.paper = False
        self.printed: list[str] = []

    def print_receipt(self, receipt: Receipt) -> PrintOutcome:
        if not self.paper:
            raise HardwareError("out of paper", code="printer.paper_out")
        self.printed.append(receipt.title)
        return super().print_receipt(receipt)


def open_till(qtbot, store: Store, printer: OutOfPaper):  # type: ignore[no-untyped-def]
    settings = replace(Settings(), card=replace(Settings().card, terminal=""))
    parts = build(store.db, settings, runner=SyncRunner(), printer=printer)
    qtbot.addWidget(parts.window)
    parts.window.show()
    script = flow.Script()
    parts.window.ask = script  # type: ignore[assignment]
    return parts, script


def test_every_failed_receipt_is_listed_and_survives_a_restart(
    qtbot,  # type: ignore[no-untyped-def]
    store: Store,
    tmp_path: Path,
) -> None:
    printer = OutOfPaper(tmp_path / "receipts")
    parts, script = open_till(qtbot, store, printer)
    window = parts.window
    receipts = []
    try:
        flow.sign_in(qtbot, window, script)
        for code in (APPLE_CODE, GOCHUJANG_CODE):
            flow.burst(qtbot, window.search, code)
            script.push("tender", lambda total: ([Tender.cash(total)], None))
            qtbot.keyClick(window, Qt.Key.Key_F12)
            assert window.session.last_sale is not None
            receipts.append(window.session.last_sale.receipt_no)
            assert parts.queue.wait_idle(5)
        qtbot.waitUntil(lambda: "2건" in window.banner_text.text(), timeout=5000)
        text = window.banner_text.text()
        assert all(r in text for r in receipts) and "용지" in text
    finally:
        parts.shutdown()

    printer.paper = True  # paper in; the till started again
    again, _script = open_till(qtbot, store, printer)
    try:
        w = again.window
        assert w.banner.isVisibleTo(w) and all(r in w.banner_text.text() for r in receipts)
        qtbot.mouseClick(w.banner_reprint, Qt.MouseButton.LeftButton)
        assert again.queue.wait_idle(5)
        assert printer.printed == receipts
        qtbot.waitUntil(lambda: not w.banner.isVisibleTo(w), timeout=5000)
    finally:
        again.shutdown()
