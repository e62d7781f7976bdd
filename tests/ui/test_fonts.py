"""The bundled Korean font registers with Qt and covers Hangul and the won sign."""

from __future__ import annotations

from posapp.ui.fonts import register_fonts


def test_bundled_font_registers(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFontDatabase, QFontMetrics

    family = register_fonts()
    assert family in QFontDatabase.families()
    from posapp.ui.fonts import app_font

    metrics = QFontMetrics(app_font(family))
    assert metrics.inFontUcs4(ord("한")) and metrics.inFontUcs4(ord("₩"))
