"""The manager's reports window and dashboard (pytest-qt, synchronous runner), and opening it
from the checkout with a manager's PIN."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCharts import QBarSeries, QLineSeries, QPieSeries
from PySide6.QtCore import QDate, Qt

from posapp.config import Settings
from posapp.ui.reports import ReportsWindow
from posapp.ui.tasks import SyncRunner
from posapp.usecases.reports import Reports
from tests.conftest import Store
from tests.support.report_week import Week, build_week


def make(qtbot, store: Store, tmp_path: Path, **kw: Any) -> ReportsWindow:  # type: ignore[no-untyped-def]
    saved = {"n": 0}

    def ask_path(title: str, suggested: str, pattern: str) -> str:
        saved["n"] += 1
        return str(tmp_path / suggested)

    w = ReportsWindow(
        Reports(store.db, register_id="R01"),
        SyncRunner(),
        user_name="박지민",
        ask_path=ask_path,
        **kw,
    )
    qtbot.addWidget(w)
    return w


def pick(w: ReportsWindow, name: str, start: dt.date, end: dt.date) -> None:
    w.kind.setCurrentIndex(w.kind.findData(name))
    w.start.setDate(QDate(start.year, start.month, start.day))
    w.end.setDate(QDate(end.year, end.month, end.day))


def test_a_report_as_table_chart_and_files(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    week: Week = build_week(store)
    w = make(qtbot, store, tmp_path)
    assert w.region.count() > 1 and w.region.itemText(0) == "전체"
    pick(w, "region", week.d1, week.d2)
    qtbot.mouseClick(w.run_btn, Qt.MouseButton.LeftButton)
    assert w.report is not None and w.report.name == "region"
    m = w.model
    assert m.rowCount() == 3  # two regions and the totals row
    assert m.headerData(5, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == "순매출"
    assert m.data(m.index(0, 0), Qt.ItemDataRole.DisplayRole) == "영주시"
    assert m.data(m.index(0, 5), Qt.ItemDataRole.DisplayRole) == "24,800"
    assert m.data(m.index(2, 5), Qt.ItemDataRole.DisplayRole) == "40,950"
    assert m.data(m.index(2, 0), Qt.ItemDataRole.FontRole).bold()
    series = w.chart_view.chart().series()
    assert len(series) == 1 and isinstance(series[0], QBarSeries)
    assert [series[0].barSets()[0].at(i) for i in range(2)] == [24_800.0, 16_150.0]
    assert "지역별 매출" in w.status.text()
    qtbot.mouseClick(w.csv_btn, Qt.MouseButton.LeftButton)
    assert w.last_export is not None and w.last_export.read_bytes().startswith(b"\xef\xbb\xbf")
    qtbot.mouseClick(w.pdf_btn, Qt.MouseButton.LeftButton)
    assert w.last_export.suffix == ".pdf" and w.last_export.read_bytes().startswith(b"%PDF")
    # a filter narrows it; the tender report draws a pie
    w.region.setCurrentIndex(w.region.findText("순창군"))
    w.run_report()
    assert w.model.rowCount() == 2 and w.report.total("net") == 16_150
    w.region.setCurrentIndex(0)
    pick(w, "tender", week.d1, week.d2)
    w.run_report()
    assert isinstance(w.chart_view.chart().series()[0], QPieSeries)
    pick(w, "daily", week.d1 - dt.timedelta(days=20), week.d2)
    w.run_report()
    assert isinstance(w.chart_view.chart().series()[0], QLineSeries) or w.report.chart.kind == "bar"


def test_supplier_statements_from_the_window(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    week: Week = build_week(store)
    folder = tmp_path / "정산서"
    w = make(qtbot, store, tmp_path, ask_dir=lambda title: str(folder))
    pick(w, "settlement", week.d1, week.d2)
    qtbot.mouseClick(w.statements_btn, Qt.MouseButton.LeftButton)
    assert len(w.last_statements) == 2, w.status.text()  # the week's two suppliers
    assert "정산서 2장" in w.status.text()
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(p.name for p in w.last_statements)
    text = "".join(page.extract_text() for p in w.last_statements for page in PdfReader(p).pages)
    assert "정산서" in text
    # a filter narrows it to the one producer
    w.producer.setCurrentIndex(1)
    w.export_statements()
    assert len(w.last_statements) == 1


def test_bad_period_and_export_before_a_report_are_said_in_words(
    qtbot, store: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    w = make(qtbot, store, tmp_path)
    w.export("pdf")
    assert "먼저 보고서를 조회" in w.status.text()
    pick(w, "daily", dt.date(2026, 3, 10), dt.date(2026, 3, 1))
    w.run_report()
    assert "앞섭니다" in w.status.text() and w.run_btn.isEnabled()
    pick(w, "tender", dt.date(2026, 3, 1), dt.date(2026, 3, 10))
    w.region.setCurrentIndex(1)
    w.run_report()
    assert "상품 조건" in w.status.text()


def test_dashboard(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    build_week(store)
    w = make(qtbot, store, tmp_path)
    d = w.dashboard
    assert d is not None
    assert w.cards["today"].text() == f"₩{d.net_today:,}"
    assert w.cards["sync"].text() == str(d.sync_pending) and d.sync_pending >= 4
    assert w.cards["low"].text() == "1"
    bars = w.hour_view.chart().series()[0]
    assert [b.label() for b in bars.barSets()] == ["오늘", "지난주 같은 요일"]


def test_opened_from_the_checkout_with_a_manager_pin(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from posapp.app import build

    settings = Settings()
    settings = replace(settings, card=replace(settings.card, terminal=""))
    parts = build(store.db, settings, runner=SyncRunner())
    window = parts.window
    qtbot.addWidget(window)
    pins = iter(["1111", "2222"])  # a cashier's PIN is refused, a manager's opens it

    class Ask:
        def pin(self, title: str, prompt: str) -> str:
            return next(pins)

    window.ask = Ask()  # type: ignore[assignment]
    try:
        assert window.buttons["Ctrl+R"].text() == "보고서 (Ctrl+R)"
        window.open_reports()
        assert not any(isinstance(x, ReportsWindow) and x.isVisible() for x in qtbot_widgets())
        window.open_reports()
        opened = [x for x in qtbot_widgets() if isinstance(x, ReportsWindow) and x.isVisible()]
        assert len(opened) == 1 and "박지민" in opened[0].windowTitle()
        opened[0].close()
    finally:
        parts.shutdown()


def qtbot_widgets() -> list[Any]:
    from PySide6.QtWidgets import QApplication

    return list(QApplication.topLevelWidgets())


def test_with_a_real_runner_of_its_own(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Off the Qt thread for real: the rollup refresh, the options, the dashboard and a report
    arrive through the runner's signal; closing shuts the window's own runner down."""
    from posapp.ui.tasks import TaskRunner

    week = build_week(store)
    runner = TaskRunner(io_workers=1)
    w = ReportsWindow(Reports(store.db, register_id="R01"), runner, owns_runner=True)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.dashboard is not None and w.region.count() > 1, timeout=20_000)
    pick(w, "settlement", week.d1, week.d2)
    w.run_report()
    qtbot.waitUntil(lambda: w.report is not None, timeout=20_000)
    assert w.report.total("payable") == 39_344  # 영주농협 pays its commission's VAT (496) now
    w.close()
    qtbot.waitUntil(lambda: runner._db._shutdown, timeout=20_000)
