"""The checkout's cash office keys (issue 18, item 11): 가격 확인 (Ctrl+K) answers a scan or a
초성 search with price, unit price, stock and the expiry of the lots and never touches the
ticket behind it; 입금·출금 (Ctrl+M) records a pickup with its reason after a manager's PIN, and
the X report lists it. Keys go in through the app's event filter (tests.support.scanning), the
dialogs are the real ones, driven by their buttons; only the PIN pad is answered by the script.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from posapp.app import build
from posapp.config import Settings
from posapp.hardware.printer import PreviewPrinter
from posapp.ui.checkout_asker import Asker
from posapp.ui.feedback import sounds
from posapp.ui.office_dialogs import CashMoveDialog, PriceCheckDialog
from posapp.ui.tasks import SyncRunner
from posapp.usecases.cash_office import CashKind
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, Store
from tests.support.scanning import scan, type_slowly, use_wedge
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


def _real_dialogs(window: Any, script: Script) -> None:
    """The real dialogs from here on; the PIN pad and report text still scripted."""
    asker = Asker(window, window.runner)
    asker.pin = script.pin  # type: ignore[method-assign]
    asker.text = script.text  # type: ignore[method-assign]
    window.ask = asker


def _when_open(kind: type, act: Callable[[Any], None], seen: dict[str, Any]) -> None:
    """Run ``act(dialog)`` once a dialog of ``kind`` is shown (it runs inside its exec())."""

    tries = [0]

    def check() -> None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        if not found:
            tries[0] += 1
            modal = QApplication.activeModalWidget()
            if tries[0] > 100 and modal is not None:  # another dialog came first: say which
                seen["error"] = AssertionError(f"{type(modal).__name__} opened, not {kind}")
                modal.close()
                return
            QTimer.singleShot(20, check)
            return
        try:
            act(found[0])
        except BaseException as exc:
            seen["error"] = exc
        if found[0].isVisible():  # the test's clicks did not close it: say so, close it
            seen.setdefault("error", AssertionError(f"{kind.__name__} left open"))
            seen["left_open"] = {k: v for k, v in seen.items() if k != "error"}
            found[0].reject()

    QTimer.singleShot(0, check)


def _ticket(window: Any) -> list[tuple[str, int]]:
    return [(line.name, line.qty) for line in window.session.ticket.lines]


def test_price_check_answers_a_scan_and_a_search_and_never_sells(qtbot: Any, till: Any) -> None:
    window, script, _ = till
    sign_in(qtbot, window, script)
    scan(GOCHUJANG_CODE, window.search)
    before = _ticket(window)
    assert before == [("순창 전통 고추장 1kg", 1)]
    _real_dialogs(window, script)
    seen: dict[str, Any] = {}

    def in_the_dialog(d: PriceCheckDialog) -> None:
        qtbot.waitUntil(lambda: QApplication.focusWidget() is d.field, timeout=2000)
        seen["focus"] = True
        scan(APPLE_CODE)  # the wedge burst into the dialog's field, the checkout behind it
        seen["apple"] = (d.name.text(), d.price.text(), d.stock.text(), d.lots.text())
        seen["ticket_after_scan"] = _ticket(window)
        for ch in "ㅎㅇ":  # 초성 of 횡성 한우 등심: Hangul comes from the input method
            ime = QInputMethodEvent()
            ime.setCommitString(ch)
            QApplication.sendEvent(QApplication.focusWidget(), ime)
            QTest.qWait(60)
        qtbot.waitUntil(lambda: d.results.isVisible() and d.results.count() > 0, timeout=2000)
        qtbot.keyClick(d.field, Qt.Key.Key_Down)
        qtbot.keyClick(d.field, Qt.Key.Key_Return)
        seen["beef"] = (d.name.text(), d.price.text(), d.stock.text(), d.lots.text())
        seen["still_open"] = d.isVisible()
        scan("8809999999999")  # not in the catalogue: said in the dialog, nothing sold
        seen["unknown"] = d.message.text()
        qtbot.mouseClick(d.close_btn, Qt.MouseButton.LeftButton)

    _when_open(PriceCheckDialog, in_the_dialog, seen)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert "error" not in seen, seen.get("error")
    assert seen["focus"]
    name, price, stock, lots = seen["apple"]
    assert name == "영주 부사 사과 3kg" and price == "₩12,900" and stock == "재고 8개"
    assert lots.splitlines()[0].endswith("(5일 남음) · 3개"), lots
    assert lots.splitlines()[1].endswith("(20일 남음) · 5개"), lots
    assert seen["ticket_after_scan"] == before
    name, price, stock, lots = seen["beef"]
    assert name == "횡성 한우 등심" and price == "₩12,800/100g", seen["beef"]
    assert stock == "재고 5.000kg" and "(4일 남음) · 5.000kg" in lots
    assert seen["still_open"]  # Enter in the search field did not close the dialog
    assert "8809999999999" in seen["unknown"] and "Error" not in seen["unknown"]
    assert _ticket(window) == before  # the ticket behind never changed
    assert window.session.ticket.priced().total == 8_500


def test_the_price_check_key_is_on_the_sale_page(qtbot: Any, till: Any) -> None:
    window, script, _ = till
    sign_in(qtbot, window, script)
    _real_dialogs(window, script)
    seen: dict[str, Any] = {}
    button = window.buttons["Ctrl+K"]
    assert button.text() == "가격 확인 (Ctrl+K)" and button.isVisible()  # 판매 page

    def in_the_dialog(d: PriceCheckDialog) -> None:
        scan(APPLE_CODE)
        seen["price"] = d.price.text()
        qtbot.mouseClick(d.close_btn, Qt.MouseButton.LeftButton)

    _when_open(PriceCheckDialog, in_the_dialog, seen)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert seen == {"price": "₩12,900"} and _ticket(window) == []


def test_a_pickup_with_a_managers_pin_is_on_the_x_report(qtbot: Any, till: Any) -> None:
    window, script, _parts = till
    sign_in(qtbot, window, script)
    _real_dialogs(window, script)
    script.push("pin", "2222")  # the cashier has no drawer right: the manager approves
    seen: dict[str, Any] = {}

    def in_the_dialog(d: CashMoveDialog) -> None:
        qtbot.mouseClick(d.kind_buttons[CashKind.PAID_OUT], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(d.kind_buttons[CashKind.PICKUP], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is d.amount, timeout=2000)
        seen["focus"] = True
        before = len(sounds().played)
        scan(APPLE_CODE)  # a scan here is refused: not an amount, not a sale
        seen["scan"] = (d.amount.text(), sounds().played[before:])
        qtbot.mouseClick(d.ok_btn, Qt.MouseButton.LeftButton)  # no amount yet
        seen["empty"] = (d.error.text(), d.isVisible())
        type_slowly("50000")  # by hand into the focused field (a fast burst is a scan)
        seen["reason"] = d.reason.currentText()
        qtbot.mouseClick(d.ok_btn, Qt.MouseButton.LeftButton)

    _when_open(CashMoveDialog, in_the_dialog, seen)
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert "error" not in seen, seen.get("error")
    assert seen["focus"] and seen["scan"] == ("", ["error"])
    assert seen["empty"] == ("금액은 1원 이상의 숫자로 입력하세요.", True)
    assert seen["reason"] == "금고 입금"
    assert script.asked.count("pin") == 2  # sign-in, then the manager's approval
    assert "중간 입금 ₩50,000 · 금고 입금" in window.message.text()
    assert _ticket(window) == []
    window.activateWindow()  # back at the checkout
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    x = script.texts[-1]
    row = next(line for line in x.splitlines() if line.startswith("중간 입금"))
    assert "금고 입금" in row and "50,000" in row
    expected = next(line for line in x.splitlines() if line.startswith("현금 예상"))
    assert expected.endswith("₩100,000")  # float 150,000 less the 50,000 to the safe


def test_a_cancelled_cash_move_records_nothing(qtbot: Any, till: Any) -> None:
    window, script, _ = till
    sign_in(qtbot, window, script)
    _real_dialogs(window, script)
    button = window.buttons["Ctrl+M"]
    tabs = window.keypad.tabBar()  # the 관리 page of keys
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(1).center())
    assert button.text() == "입금·출금 (Ctrl+M)" and button.isVisible()
    seen: dict[str, Any] = {}

    def in_the_dialog(d: CashMoveDialog) -> None:
        qtbot.mouseClick(d.kind_buttons[CashKind.PAID_OUT], Qt.MouseButton.LeftButton)
        type_slowly("30000", d.amount)
        d.reason.setEditText("")
        qtbot.mouseClick(d.ok_btn, Qt.MouseButton.LeftButton)
        seen["no_reason"] = d.error.text()
        qtbot.mouseClick(d.cancel_btn, Qt.MouseButton.LeftButton)

    _when_open(CashMoveDialog, in_the_dialog, seen)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert seen == {"no_reason": "사유를 입력하세요."}
    assert "pin" not in script.asked[1:]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert "출금" not in script.texts[-1]
