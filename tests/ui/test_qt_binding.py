"""Guards against a Qt-binding defect that crashed the till: PySide6 6.12.0 on Python 3.11
decrements None's reference count on every call of a method returning void (QTimer.start,
QLabel.setText ...), so after a few thousand calls the process dies with "deallocating None".
pyproject.toml pins PySide6 below 6.12; this test fails if a broken binding comes back."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel


def test_void_calls_leave_none_alone(qapp) -> None:  # type: ignore[no-untyped-def]
    timer, label = QTimer(), QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        timer.start(5)
        timer.stop()
        label.setText("사과")
    assert sys.getrefcount(None) >= before - 10
