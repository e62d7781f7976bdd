"""The keyboard-wedge filter with synthetic key timings: scans are caught, typing is not."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from posapp.hardware.wedge import WedgeScanFilter, WedgeSettings


class FakeClock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def make(qtbot):  # type: ignore[no-untyped-def]
    clock = FakeClock()
    f = WedgeScanFilter(WedgeSettings(max_gap_ms=35, min_length=4), clock=clock)
    f.install(QApplication.instance())
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    return f, clock, edit


def type_keys(qtbot, edit, clock, text: str, gap_ms: float) -> None:  # type: ignore[no-untyped-def]
    for ch in text:
        clock.t += gap_ms / 1000
        qtbot.keyClick(edit, ch)


def test_a_fast_burst_ending_in_enter_is_a_scan(qtbot) -> None:  # type: ignore[no-untyped-def]
    f, clock, edit = make(qtbot)
    codes: list[str] = []
    f.scanned.connect(codes.append)
    try:
        type_keys(qtbot, edit, clock, "8801234500012", 4)
        clock.t += 0.004
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        assert codes == ["8801234500012"]
        assert edit.text() == ""  # the scan never reached the focused widget
    finally:
        f.remove()


def test_slow_typing_reaches_the_widget_unchanged(qtbot) -> None:  # type: ignore[no-untyped-def]
    f, clock, edit = make(qtbot)
    codes: list[str] = []
    f.scanned.connect(codes.append)
    try:
        type_keys(qtbot, edit, clock, "apple12", 180)
        qtbot.waitUntil(lambda: edit.text() == "apple12", timeout=1000)
        clock.t += 0.2
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        assert codes == []
    finally:
        f.remove()


def test_a_short_fast_burst_is_typing(qtbot) -> None:  # type: ignore[no-untyped-def]
    f, clock, edit = make(qtbot)
    codes: list[str] = []
    f.scanned.connect(codes.append)
    try:
        type_keys(qtbot, edit, clock, "12", 3)
        clock.t += 0.003
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        assert codes == [] and edit.text() == "12"
    finally:
        f.remove()


def _configured(qtbot, **config):  # type: ignore[no-untyped-def]
    clock = FakeClock()
    settings = WedgeSettings.from_config(
        **{"prefix": "", "suffix": "enter", "max_gap_ms": 35, "min_length": 4, **config}
    )
    f = WedgeScanFilter(settings, clock=clock)
    f.install(QApplication.instance())
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    return f, clock, edit


def test_a_scanner_ending_codes_with_tab(qtbot) -> None:  # type: ignore[no-untyped-def]
    f, clock, edit = _configured(qtbot, suffix="tab")
    codes: list[str] = []
    f.scanned.connect(codes.append)
    try:
        type_keys(qtbot, edit, clock, "8801234500012", 4)
        clock.t += 0.004
        qtbot.keyClick(edit, Qt.Key.Key_Tab)
        assert codes == ["8801234500012"] and edit.text() == ""
    finally:
        f.remove()


def test_an_stx_prefix_written_as_an_escape_in_the_file(qtbot) -> None:  # type: ignore[no-untyped-def]
    """``prefix = "\\x02"`` in posapp.toml: the scanner sends STX (Ctrl+B) first; it is held as
    part of the burst (not a control key that ends it) and taken off the code."""
    f, clock, edit = _configured(qtbot, prefix="\\x02")
    codes: list[str] = []
    f.scanned.connect(codes.append)
    try:
        assert f.settings.prefix == "\x02"
        clock.t += 0.004
        QTest.sendKeyEvent(  # STX, as a wedge sends it: Ctrl+B with the control character
            QTest.KeyAction.Click, edit, Qt.Key.Key_B, "\x02", Qt.KeyboardModifier.ControlModifier
        )
        type_keys(qtbot, edit, clock, "8801234500012", 4)
        clock.t += 0.004
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        assert codes == ["8801234500012"] and edit.text() == ""
    finally:
        f.remove()


def test_a_slower_scanner_with_a_wider_gap(qtbot) -> None:  # type: ignore[no-untyped-def]
    f, clock, edit = _configured(qtbot, max_gap_ms=80)
    codes: list[str] = []
    f.scanned.connect(codes.append)
    try:
        type_keys(qtbot, edit, clock, "8801234500012", 60)  # typing at 35 ms; a scan at 80
        clock.t += 0.06
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        assert codes == ["8801234500012"]
    finally:
        f.remove()
