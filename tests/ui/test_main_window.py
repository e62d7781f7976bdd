"""The minimal main window: Hangul renders with the bundled font; search fills the table."""

from __future__ import annotations

from pathlib import Path

from posapp.ui.fonts import register_fonts
from posapp.ui.main_window import MainWindow, ProductRow


def test_bundled_font_registers(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFontDatabase, QFontMetrics

    family = register_fonts()
    assert family in QFontDatabase.families()
    from posapp.ui.fonts import app_font

    metrics = QFontMetrics(app_font(family))
    assert metrics.inFontUcs4(ord("한")) and metrics.inFontUcs4(ord("₩"))


def test_search_as_you_type(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    calls: list[str] = []

    def search(q: str) -> list[ProductRow]:
        calls.append(q)
        return [ProductRow("영주 사과", "Apple", "ea", 12_900, "exempt", "8801234500012")]

    w = MainWindow(title="t", header="I·Market·U", status="R01", search=search)
    qtbot.addWidget(w)
    w.query.insert("ㅅㄱ")  # Hangul arrives as committed IME text, not key codes
    assert calls[-1] == "ㅅㄱ"
    w.query.clear()
    qtbot.keyClicks(w.query, "app")
    assert calls[-1] == "app"
    assert w.model.rowCount() == 1
    assert w.model.data(w.model.index(0, 3), 0) == "₩12,900"
    w.query.clear()
    assert w.model.rowCount() == 0
