"""The keyboard on the floor (issue 18, item 4), with keys sent to the focused widget through
the app's own event filter: the search box leaves Ctrl+X / Ctrl+E to the window, Down/Up move
through the results, F4 10 Enter applies 10, Enter in the class dialog's ingredient search never
saves the session, typed digits change the class start time."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from posapp.ui.class_dialogs import SessionDialog
from posapp.ui.dialogs import DiscountDialog
from tests.conftest import APPLE_CODE
from tests.support.scanning import scan
from tests.ui.test_checkout_flow import sign_in
from tests.ui.test_scan_routing import till  # noqa: F401  (the fixture)


def hangul(widget: Any, text: str) -> None:
    """Keys with Hangul text (QTest.keyClicks maps only ASCII to keys), through the filter."""
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def test_ctrl_x_and_ctrl_e_with_focus_in_the_search_box(qtbot: Any, till: Any) -> None:  # noqa: F811
    window, script, _ = till
    sign_in(qtbot, window, script)
    window.search.setFocus()
    assert QApplication.focusWidget() is window.search
    QTest.keyClick(window.search, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert script.texts and "X" in script.texts[-1]  # the X report, not a cut
    script.push("counts", {10_000: 15})
    QTest.keyClick(window.search, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.session.shift is None  # 근무 마감 ran, not "end of line"


def test_down_moves_into_the_results_and_enter_adds_that_one(qtbot: Any, till: Any) -> None:  # noqa: F811
    window, script, _ = till
    sign_in(qtbot, window, script)
    window.search.setFocus()
    hangul(window.search, "ㅅ")  # one key: typing, never a scan
    qtbot.waitUntil(lambda: window.results.count() >= 2, timeout=2000)
    first = window.results.item(0).text()
    second = window.results.item(1).text()
    QTest.keyClick(window.search, Qt.Key.Key_Down)
    assert window.results.currentRow() == 1
    assert QApplication.focusWidget() is window.search  # still typing in the box
    QTest.keyClick(window.search, Qt.Key.Key_Up)
    QTest.keyClick(window.search, Qt.Key.Key_Down)
    QTest.keyClick(window.search, Qt.Key.Key_Return)
    names = [ln.name for ln in window.session.ticket.lines]
    assert len(names) == 1 and names[0] in second and names[0] not in first


def test_f4_10_enter_applies_ten(qtbot: Any, till: Any) -> None:  # noqa: F811
    window, script, _ = till
    sign_in(qtbot, window, script)
    from posapp.ui.checkout_asker import Asker

    window.ask = Asker(window, window.runner)  # the real discount dialog
    window.ask.pin = script.pin  # type: ignore[method-assign]
    window.search.setFocus()
    scan(APPLE_CODE)
    seen: dict[str, Any] = {}

    def in_dialog() -> None:
        shown = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, DiscountDialog) and w.isVisible()
        ]
        if not shown:
            QTimer.singleShot(10, in_dialog)
            return
        focus = QApplication.focusWidget()
        if focus is None or focus.window() is not shown[0]:
            shown[0].activateWindow()  # a window manager activates it; offscreen has none
            seen["tries"] = seen.get("tries", 0) + 1
            if seen["tries"] > 200:
                shown[0].reject()
                return
            QTimer.singleShot(10, in_dialog)
            return
        seen["on_amount"] = focus is shown[0].value
        QTest.keyClicks(focus, "10")
        QTest.keyClick(focus, Qt.Key.Key_Return)

    QTimer.singleShot(0, in_dialog)
    QTest.keyClick(window.search, Qt.Key.Key_F4)
    assert seen["on_amount"] is True  # the dialog opened with focus on its amount
    priced = window.session.priced()
    assert priced.lines[0].line_discount == 1_290  # 10 % of ₩12,900


def _session_dialog(qtbot: Any, found: list[str]) -> SessionDialog:
    def find(text: str, show: Any) -> None:
        found.append(text)
        show([])

    dlg = SessionDialog(dt.date(2026, 12, 10), [(1, "순창군")], find)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow, timeout=2000)
    return dlg


def test_enter_in_the_ingredient_search_searches_and_never_saves(qtbot: Any) -> None:
    found: list[str] = []
    dlg = _session_dialog(qtbot, found)
    accepted: list[int] = []
    dlg.accepted.connect(lambda: accepted.append(1))
    dlg.search.setFocus()
    hangul(dlg.search, "고")
    qtbot.wait(60)  # the wedge gives the typed key to the field
    QTest.keyClick(dlg.search, Qt.Key.Key_Return)
    assert found == ["고"]
    assert accepted == [] and dlg.isVisible()


def test_typed_digits_change_the_class_start_time(qtbot: Any) -> None:
    dlg = _session_dialog(qtbot, [])
    dlg.start.setFocus(Qt.FocusReason.TabFocusReason)
    for ch in "1530":
        QTest.keyClick(dlg.start, ch)
        qtbot.wait(50)  # a person's typing, slower than any scanner
    assert dlg.start.time().toString("HH:mm") == "15:30"
