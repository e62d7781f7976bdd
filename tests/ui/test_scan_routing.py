"""Scans go where the person is (issue 18, item 1): a wedge burst typed into the focused widget
of whatever window or dialog is in front reaches that screen's scan target — never the
checkout's ticket behind it; a modal dialog without a target refuses it with a sound and a
word. Every scan here is typed key by key through the app's own event filter
(:func:`tests.support.scanning.scan`), with the checkout open behind."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from posapp.app import build
from posapp.config import Settings
from posapp.hardware.printer import PreviewPrinter
from posapp.inventory import catalog
from posapp.ui.dialogs import PinDialog
from posapp.ui.feedback import Toast, sounds
from posapp.ui.inventory_window import InventoryWindow
from posapp.ui.tasks import SyncRunner, TaskRunner
from posapp.ui.tender_dialog import TenderDialog
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, SALT_CODE, Store
from tests.support.scanning import scan, use_wedge
from tests.ui.test_checkout_flow import Script, sign_in


@pytest.fixture
def till(qtbot: Any, store: Store, tmp_path: Path) -> Any:
    settings = replace(
        Settings(),
        card=replace(Settings().card, terminal=""),
        sales=replace(Settings().sales, customer_display=False),
    )
    parts = build(store.db, settings, runner=SyncRunner(), printer=PreviewPrinter(tmp_path))
    window = parts.window
    qtbot.addWidget(window)
    window.show()
    script = Script()
    window.ask = script  # type: ignore[assignment]
    use_wedge(parts.wedge)
    yield window, script, parts
    use_wedge(None)
    parts.shutdown()


def _activate(qtbot: Any, w: QWidget) -> None:
    w.show()
    w.raise_()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=2000)


def _open_inventory(qtbot: Any, window: Any, script: Script) -> InventoryWindow:
    script.push("pin", "2222")  # F10 asks a manager's PIN
    qtbot.keyClick(window, Qt.Key.Key_F10)
    inv = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, InventoryWindow) and w.isVisible()
    ][-1]
    qtbot.addWidget(inv)
    _activate(qtbot, inv)
    return inv


def _tickets_lines(window: Any) -> int:
    return len(window.session.ticket.lines)


def test_a_scan_at_the_checkout_goes_on_the_ticket(qtbot: Any, till: Any) -> None:
    window, script, _ = till
    sign_in(qtbot, window, script)
    window.search.setFocus()
    scan(APPLE_CODE)
    assert _tickets_lines(window) == 1 and window.search.text() == ""


def test_a_scan_into_receiving_fills_receiving_not_the_ticket(qtbot: Any, till: Any) -> None:
    window, script, _ = till
    sign_in(qtbot, window, script)
    scan(GOCHUJANG_CODE, window.search)  # the cashier's ticket has one line
    inv = _open_inventory(qtbot, window, script)
    inv.tabs.setCurrentIndex(inv.tabs.indexOf(inv.scan_in.parentWidget()))
    inv.scan_in.setFocus()
    scan(APPLE_CODE)
    scan(APPLE_CODE)
    assert inv.recv.rowCount() == 1 and inv.recv.item(0, 1).text() == "2"
    assert "사과" in inv.recv.item(0, 0).text()
    assert _tickets_lines(window) == 1  # the ticket behind never changed
    # focus on the tab bar, not in the field: the current tab still takes it
    inv.tabs.tabBar().setFocus()
    scan(SALT_CODE)
    assert inv.recv.rowCount() == 2
    assert _tickets_lines(window) == 1


def test_a_scan_into_the_count_counts_not_sells(qtbot: Any, till: Any, store: Store) -> None:
    window, script, _ = till
    sign_in(qtbot, window, script)
    inv = _open_inventory(qtbot, window, script)
    inv.tabs.setCurrentIndex(inv.tabs.indexOf(inv.count_scan.parentWidget()))
    inv.start_count()
    assert inv.current_count is not None
    inv.count_scan.setFocus()
    scan(APPLE_CODE)
    scan(APPLE_CODE)
    counted = {
        ln.product_id: ln.counted for ln in inv.inventory.counts.counted(inv.current_count.id)
    }
    assert counted[store.apple] == 2
    assert _tickets_lines(window) == 0
    assert store.db.read(lambda uow: catalog.stock_on_hand(uow, store.apple)) == 8


def test_a_tab_without_a_scan_target_refuses_with_a_word(qtbot: Any, till: Any) -> None:
    window, script, _ = till
    sign_in(qtbot, window, script)
    inv = _open_inventory(qtbot, window, script)
    inv.tabs.setCurrentWidget(inv.partners)
    inv.tabs.tabBar().setFocus()
    before = len(sounds().played)
    scan(APPLE_CODE)
    toast = inv.findChild(Toast)
    assert toast is not None and toast.isVisible() and "스캔할 수 없습니다" in toast.text()
    assert sounds().played[before:] == ["error"]
    assert _tickets_lines(window) == 0


def test_a_scan_into_the_label_dialog_adds_a_label(qtbot: Any, till: Any) -> None:
    window, script, _ = till
    sign_in(qtbot, window, script)
    inv = _open_inventory(qtbot, window, script)
    inv.print_labels()
    dialog = inv.label_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    _activate(qtbot, dialog)
    dialog.scan.setFocus()
    scan(APPLE_CODE)
    assert [e.barcode for e in dialog.entries] == [APPLE_CODE]
    assert _tickets_lines(window) == 0


def test_a_scan_while_the_tender_dialog_is_open_never_changes_the_ticket(
    qtbot: Any, store: Store, tmp_path: Path
) -> None:
    """Seen on the floor: a scan during 결제 added a line behind the dialog, then paying the
    dialog's amount failed with "8,500 won still to pay"."""
    settings = replace(Settings(), card=replace(Settings().card, terminal=""))
    parts = build(store.db, settings, runner=SyncRunner(), printer=PreviewPrinter(tmp_path))
    window = parts.window
    qtbot.addWidget(window)
    window.show()
    script = Script()
    window.ask.pin = script.pin  # type: ignore[method-assign]  # the real tender dialog
    try:
        sign_in(qtbot, window, script)
        scan(APPLE_CODE, window.search)
        seen: dict[str, Any] = {}

        def in_the_dialog() -> None:
            dialogs = [
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, TenderDialog) and w.isVisible()
            ]
            if not dialogs:
                QTimer.singleShot(20, in_the_dialog)
                return
            d = dialogs[0]
            seen["focus"] = QApplication.focusWidget()
            scan(GOCHUJANG_CODE)  # into the amount box that has focus
            seen["lines"] = _tickets_lines(window)
            seen["amount"] = d.amount.text()
            toast = d.findChild(Toast)
            seen["toast"] = toast.text() if toast is not None and toast.isVisible() else ""
            qtbot.mouseClick(d.cash_btn, Qt.MouseButton.LeftButton)  # the remaining amount

        QTimer.singleShot(0, in_the_dialog)
        qtbot.keyClick(window, Qt.Key.Key_F12)
        assert seen["lines"] == 1 and seen["amount"] == ""
        assert "스캔할 수 없습니다" in seen["toast"]
        sale = window.session.last_sale
        assert sale is not None and sale.total == 12_900, window.message.text()
        assert _tickets_lines(window) == 0
    finally:
        parts.shutdown()


def test_a_scan_into_a_pin_pad_is_refused_and_the_ticket_stays(qtbot: Any, till: Any) -> None:
    window, script, _ = till
    sign_in(qtbot, window, script)
    seen: dict[str, Any] = {}
    dialog = PinDialog("관리자 승인", "PIN", window)

    def during() -> None:
        if not dialog.isVisible():
            QTimer.singleShot(10, during)
            return
        before = len(sounds().played)
        scan(APPLE_CODE, dialog.pin)
        seen["sound"] = sounds().played[before:]
        seen["pin"] = dialog.pin.text()
        dialog.reject()

    QTimer.singleShot(0, during)
    dialog.exec()
    assert seen == {"sound": ["error"], "pin": ""}
    assert _tickets_lines(window) == 0


def test_the_scan_that_opens_the_shift_is_kept(qtbot: Any, store: Store, tmp_path: Path) -> None:
    """A real (threaded) task runner, as on the till: the shift opens on the database worker,
    and the scan that asked for it lands on the ticket afterwards (register R02: no shift
    open there yet)."""
    settings = replace(
        Settings(),
        card=replace(Settings().card, terminal=""),
        register=replace(Settings().register, id="R02"),
    )
    parts = build(store.db, settings, runner=TaskRunner(), printer=PreviewPrinter(tmp_path))
    window = parts.window
    qtbot.addWidget(window)
    window.show()
    script = Script()
    window.ask = script  # type: ignore[assignment]
    try:
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        script.push("pin", "1111")
        script.push("counts", None)  # the sign-in offers the shift; the cashier counts later
        qtbot.keyClick(window, Qt.Key.Key_F1)
        qtbot.waitUntil(lambda: "counts" in script.asked, timeout=5000)
        assert window.session.user is not None and window.session.shift is None
        script.push("counts", {10_000: 5})
        scan(APPLE_CODE, window.search)
        qtbot.waitUntil(lambda: window.session.shift is not None, timeout=5000)
        qtbot.waitUntil(lambda: _tickets_lines(window) == 1, timeout=5000)
        assert window.session.ticket.lines[0].name.startswith("영주 부사 사과")
    finally:
        parts.shutdown()


def test_a_price_check_style_dialog_can_take_scans_for_itself(qtbot: Any, till: Any) -> None:
    """The protocol other dialogs plug in (price check, refund lookup): a modal dialog with
    ``take_scan`` gets the code; the ticket does not."""
    from PySide6.QtWidgets import QDialog

    window, script, _ = till
    sign_in(qtbot, window, script)

    class Looker(QDialog):
        def __init__(self, parent: QWidget) -> None:
            super().__init__(parent)
            self.codes: list[str] = []

        def take_scan(self, code: str) -> bool:
            self.codes.append(code)
            return True

    d = Looker(window)

    def during() -> None:
        if not d.isVisible():
            QTimer.singleShot(10, during)
            return
        scan(APPLE_CODE, d)
        d.accept()

    QTimer.singleShot(0, during)
    d.exec()
    assert d.codes == [APPLE_CODE] and _tickets_lines(window) == 0


def test_checkout_keys_pressed_in_another_window_leave_the_ticket(qtbot: Any, till: Any) -> None:
    """F3 (삭제) typed in the inventory window used to remove the ticket's line behind it."""
    window, script, _ = till
    sign_in(qtbot, window, script)
    scan(APPLE_CODE, window.search)
    inv = _open_inventory(qtbot, window, script)
    inv.search.setFocus()
    qtbot.keyClick(inv.search, Qt.Key.Key_F3)
    assert _tickets_lines(window) == 1
    _activate(qtbot, window)
    qtbot.keyClick(window.search, Qt.Key.Key_F3)
    assert _tickets_lines(window) == 0
