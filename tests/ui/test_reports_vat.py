"""The VAT-return figures in the reports window: the last quarter picked by its button, the
table on screen, saved as XLSX and read back; the window still fits 1024×768."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt

from posapp.ui.reports import ReportsWindow
from posapp.ui.tasks import SyncRunner
from posapp.usecases.reports import Reports
from tests.conftest import Store
from tests.reports.test_vat_return import october  # noqa: F401  (the fixture)


def test_last_quarter_on_screen_and_as_xlsx(qtbot, october: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from openpyxl import load_workbook

    now = dt.datetime(2027, 1, 15, 3, 0, tzinfo=dt.UTC)  # 12:00 in Seoul, 2027-01-15
    asked: list[tuple[str, str]] = []

    def ask_path(title: str, suggested: str, pattern: str) -> str:
        asked.append((suggested, pattern))
        return str(tmp_path / suggested)

    w = ReportsWindow(
        Reports(october.db), SyncRunner(), user_name="박지민", ask_path=ask_path, now=lambda: now
    )
    qtbot.addWidget(w)
    w.kind.setCurrentIndex(w.kind.findData("vat"))
    qtbot.mouseClick(w.quarter_btn, Qt.MouseButton.LeftButton)
    assert w.period().start == dt.date(2026, 10, 1) and w.period().end == dt.date(2026, 12, 31)
    qtbot.mouseClick(w.run_btn, Qt.MouseButton.LeftButton)
    assert w.report is not None and w.report.name == "vat", w.status.text()
    m = w.model
    assert m.data(m.index(0, 0), Qt.ItemDataRole.DisplayRole) == "신용·직불·선불카드"
    assert m.data(m.index(0, 4), Qt.ItemDataRole.DisplayRole) == "11,843"
    last = m.rowCount() - 1
    assert m.data(m.index(last, 0), Qt.ItemDataRole.DisplayRole) == "합계"
    assert m.data(m.index(last, 2), Qt.ItemDataRole.DisplayRole) == "72,700"
    qtbot.mouseClick(w.xlsx_btn, Qt.MouseButton.LeftButton)
    assert asked[-1] == ("vat_2026-10-01_2026-12-31.xlsx", "Excel (*.xlsx)")
    assert w.last_export is not None and w.last_export.suffix == ".xlsx", w.status.text()
    ws = load_workbook(w.last_export)["vat"]
    assert ws["A1"].value.startswith("부가세 신고 자료")
    qtbot.mouseClick(w.half_btn, Qt.MouseButton.LeftButton)
    assert (w.period().start, w.period().end) == (dt.date(2026, 7, 1), dt.date(2026, 12, 31))


def test_the_reports_window_fits_1024(qapp, qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    from posapp.ui.fonts import app_font, register_fonts

    before = qapp.font()
    qapp.setFont(app_font(register_fonts()))  # the font the app runs with (NanumGothic)
    try:
        _fits(qtbot, store)
    finally:
        qapp.setFont(before)


def _fits(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    for width in (1024, 1366):
        w = ReportsWindow(Reports(store.db), SyncRunner(), user_name="박지민")
        qtbot.addWidget(w)
        w.resize(width, 768)
        w.show()
        assert w.minimumSizeHint().width() <= width
        assert w.width() == width
        w.close()


def test_a_tax_invoice_requested_issued_and_a_card_sale_refused(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtTest import QTest

    from posapp.sales.tenders import Method, Tender
    from tests.conftest import APPLE_CODE, GOCHUJANG_CODE
    from tests.reports.test_vat_return import card, kst, sell

    gift = sell(store, [GOCHUJANG_CODE, APPLE_CODE], [Tender(Method.TRANSFER, 21_400)], kst(14, 10))
    by_card = sell(store, [GOCHUJANG_CODE], [card(8_500)], kst(14, 11))
    w = ReportsWindow(Reports(store.db), SyncRunner(), user_name="박지민", user_id=store.manager)
    qtbot.addWidget(w)
    w.start.setDate(w.start.date().fromString("2026-10-01", "yyyy-MM-dd"))
    w.end.setDate(w.end.date().fromString("2026-10-31", "yyyy-MM-dd"))
    tab = w.invoices
    w.tabs.setCurrentWidget(tab)

    def type_in(field, text: str) -> None:  # type: ignore[no-untyped-def]
        """Keys for ASCII; Hangul arrives as the input method's committed text, as it does
        from a Korean keyboard."""
        from PySide6.QtGui import QInputMethodEvent
        from PySide6.QtWidgets import QApplication

        field.setFocus()
        for ch in text:
            if ch.isascii():
                QTest.keyClicks(field, ch)
            else:
                ev = QInputMethodEvent("", [])
                ev.setCommitString(ch)
                QApplication.sendEvent(field, ev)

    def fill(receipt: str) -> None:
        for field, text in (
            (tab.receipt, receipt),
            (tab.business_no, "220-81-12341"),
            (tab.name, "한결상사"),
            (tab.ceo, "김한결"),
            (tab.email, "tax@hangyeol.co.kr"),
        ):
            field.clear()
            type_in(field, text)

    fill(by_card)
    qtbot.mouseClick(tab.request_btn, Qt.MouseButton.LeftButton)
    assert "제33조 제2항" in tab.status.text() and "카드전표" in tab.status.text()
    fill(gift)
    tab.email.clear()
    type_in(tab.email, "tax.hangyeol")
    qtbot.mouseClick(tab.request_btn, Qt.MouseButton.LeftButton)
    assert "이메일" in tab.status.text()
    assert tab.receipt.text() == gift  # nothing typed is lost
    tab.email.clear()
    type_in(tab.email, "tax@hangyeol.co.kr")
    qtbot.mouseClick(tab.request_btn, Qt.MouseButton.LeftButton)
    assert "발급 대기" in tab.status.text(), tab.status.text()
    assert tab.table.rowCount() == 1
    assert tab.table.item(0, 4).text() == "7,727 + 773 / 12,900"
    tab.table.selectRow(0)
    QTest.keyClicks(tab.approval, "20261014-41000000-12345678")
    qtbot.mouseClick(tab.issued_btn, Qt.MouseButton.LeftButton)
    assert tab.table.item(0, 5).text() == "발급 완료"
    assert tab.table.item(0, 6).text() == "20261014-41000000-12345678"
