"""A keyboard-wedge scanner in a test: the keys of a code typed into the widget that has focus
(as the scanner types them, through the application's own event filter), a few milliseconds
apart at most, then Enter. Never ``setText``: that skips the filter and the routing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def scan(code: str, widget: QWidget | None = None) -> QWidget:
    """Type ``code`` + Enter as a wedge burst into ``widget`` (default: the focused one)."""
    target = widget or QApplication.focusWidget()
    if target is None:
        raise AssertionError("no widget has focus to scan into")
    QTest.keyClicks(target, code)  # no delay: well under the wedge's 35 ms gap
    QTest.keyClick(target, Qt.Key.Key_Return)
    return target


def type_slowly(text: str, widget: QWidget | None = None, gap_ms: int = 80) -> None:
    """A person typing (slower than any scanner): each key reaches the widget."""
    target = widget or QApplication.focusWidget()
    if target is None:
        raise AssertionError("no widget has focus to type into")
    for ch in text:
        QTest.keyClick(target, ch)
        QTest.qWait(gap_ms)
