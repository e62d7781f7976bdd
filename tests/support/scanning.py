"""A keyboard-wedge scanner in a test: the keys of a code typed into the widget that has focus
(as the scanner types them, through the application's own event filter), a few milliseconds
apart at most, then Enter. Never ``setText``: that skips the filter and the routing.

With ``use_wedge(app.wedge)`` (the till fixtures do it) the filter's clock steps exactly 4 ms a
key during a scan, as a scanner's does: a loaded machine that stalls the test for more than the
35 ms gap between two keys no longer splits a scan in two."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from posapp.hardware.wedge import WedgeScanFilter

_wedge: list[WedgeScanFilter] = []


def use_wedge(wedge: WedgeScanFilter | None) -> None:
    """The app's wedge filter whose clock the scans step (None: its own clock)."""
    _wedge[:] = [wedge] if wedge is not None else []


class _Stepping:
    def __init__(self, start: float) -> None:
        self.t = start

    def __call__(self) -> float:
        self.t += 0.004
        return self.t


def scan(code: str, widget: QWidget | None = None) -> QWidget:
    """Type ``code`` + Enter as a wedge burst into ``widget`` (default: the focused one)."""
    target = widget or QApplication.focusWidget()
    if target is None:
        raise AssertionError("no widget has focus to scan into")
    wedge = _wedge[0] if _wedge else None
    own = wedge._clock if wedge is not None else None
    if wedge is not None and own is not None:
        wedge._clock = _Stepping(own())
    try:
        QTest.keyClicks(target, code)  # no delay: well under the wedge's 35 ms gap
        QTest.keyClick(target, Qt.Key.Key_Return)
    finally:
        if wedge is not None and own is not None:
            wedge._clock = own
    return target


def type_slowly(text: str, widget: QWidget | None = None, gap_ms: int = 80) -> None:
    """A person typing (slower than any scanner): each key reaches the widget."""
    target = widget or QApplication.focusWidget()
    if target is None:
        raise AssertionError("no widget has focus to type into")
    for ch in text:
        QTest.keyClick(target, ch)
        QTest.qWait(gap_ms)
