"""The manager's reports window: pick a report, a period and filters; see it as a table with
a chart (QtCharts); export it as PDF or CSV; and a dashboard of today against the same weekday
last week, sales by hour, top regions, stock warnings and the sync queue.

Qt only: every query is a call of :class:`posapp.usecases.reports.Reports` on the window's
own runner's database worker (``Op``; plain dataclasses back); exports render on its I/O pool
(``IoOp``). Strings are Korean through tr(); the report
titles and column names come from the reports package (Korean data, like printed reports).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.domain import calendar
from posapp.ui.messages import explain
from posapp.ui.operations import IoOp, Op
from posapp.ui.reports_invoices import TaxInvoiceTab
from posapp.ui.screen_fit import fit_to_screen
from posapp.ui.tasks import SyncRunner, TaskRunner
from posapp.usecases.reports import (
    Dashboard,
    FilterOptions,
    Filters,
    Period,
    Report,
    Reports,
    Series,
    SupplierSettlement,
    cell_text,
)

_Index = QModelIndex | QPersistentModelIndex
GREEN, GREY = QColor("#2e7d32"), QColor("#9e9e9e")


class ReportTableModel(QAbstractTableModel):
    """A report's rows and its totals row (bold); numbers right-aligned with separators."""

    def __init__(self) -> None:
        super().__init__()
        self.report: Report | None = None

    def set_report(self, report: Report | None) -> None:
        self.beginResetModel()
        self.report = report
        self.endResetModel()

    def _rows(self) -> list[tuple[Any, ...]]:
        if self.report is None:
            return []
        rows = list(self.report.rows)
        if self.report.totals is not None and rows:
            rows.append(self.report.totals)
        return rows

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows())

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if self.report is None else len(self.report.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            self.report is not None
            and role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
        ):
            return self.report.columns[section].title
        return None

    def data(self, index: _Index, role: int = 0) -> Any:
        if self.report is None:
            return None
        rows = self._rows()
        col = self.report.columns[index.column()]
        value = rows[index.row()][index.column()]
        is_total = self.report.totals is not None and index.row() == len(rows) - 1
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(value, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and is_total:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.ForegroundRole and isinstance(value, int) and value < 0:
            return QColor("#c62828")
        return None


def nice_ticks(low: int, high: int, count: int = 5) -> list[int]:
    """Round tick values from ``low`` (≤ 0) to at least ``high``: steps of 1, 2 or 5 × 10ⁿ."""
    span = max(1, high - low)
    raw = span / count
    magnitude = 10 ** max(0, len(str(int(raw))) - 1)
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    start = (low // step) * step
    ticks = [start]
    while ticks[-1] < high:
        ticks.append(ticks[-1] + step)
    return ticks


def number_axis(low: int, high: int) -> QCategoryAxis:
    """A value axis whose labels are whole numbers with thousands separators (₩ amounts,
    counts): QValueAxis's printf formats have no separator and print 0.5 steps as "1"."""
    axis = QCategoryAxis()
    ticks = nice_ticks(low, high)
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis.setRange(ticks[0], ticks[-1])
    axis.setStartValue(ticks[0])
    for t in ticks:
        axis.append(f"{t:,}", t)
    return axis


def build_chart(series: Series | None, title: str = "", compare: Series | None = None) -> QChart:
    """A QChart of a report's series: bars, a line or a pie; ``compare`` adds a second bar set."""
    chart = QChart()
    chart.setTitle(title)
    chart.legend().setVisible(compare is not None or (series is not None and series.kind == "pie"))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    if series is None or not series.points:
        return chart
    labels = [str(k) for k, _ in series.points]
    values = [int(v) for _, v in series.points]
    if series.kind == "pie" and all(v >= 0 for v in values) and sum(values) > 0:
        pie = QPieSeries()
        for k, v in series.points:
            pie.append(f"{k} {100 * v / sum(values):.0f}%", v)
        chart.addSeries(pie)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        return chart
    axis_x = QBarCategoryAxis()
    axis_x.append([lab[5:] if len(lab) == 10 and lab[4] == "-" else lab[:8] for lab in labels])
    if len(labels) > 14:
        axis_x.setLabelsAngle(-60)
    lows = [min(values)] + ([min(v for _, v in compare.points)] if compare else [])
    highs = [max(values)] + ([max(v for _, v in compare.points)] if compare else [])
    axis_y = number_axis(min(0, *lows), max(1, *highs))
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    if series.kind == "line" and compare is None:
        line = QLineSeries()
        line.setName(series.name)
        for i, v in enumerate(values):
            line.append(i + 0.5, v)
        line.setColor(GREEN)
        chart.addSeries(line)
        hidden = QValueAxis()
        hidden.setRange(0, len(values))
        hidden.setVisible(False)
        chart.addAxis(hidden, Qt.AlignmentFlag.AlignTop)
        line.attachAxis(hidden)
        line.attachAxis(axis_y)
        return chart
    bars = QBarSeries()
    first = QBarSet(series.name)
    first.append([float(v) for v in values])
    first.setColor(GREEN)
    bars.append(first)
    if compare is not None:
        other = QBarSet(compare.name)
        by = dict(compare.points)
        other.append([float(by.get(k, 0)) for k in labels])
        other.setColor(GREY)
        bars.append(other)
    chart.addSeries(bars)
    bars.attachAxis(axis_x)
    bars.attachAxis(axis_y)
    return chart


def _chart_view() -> QChartView:
    v = QChartView()
    v.setRenderHint(QPainter.RenderHint.Antialiasing)
    v.setMinimumHeight(220)
    return v


class ReportsWindow(QMainWindow):
    """Reports and the dashboard. ``ask_path(title, suggested, filter)`` picks the export file
    (a file dialog by default; tests pass a function)."""

    def __init__(
        self,
        reports: Reports,
        runner: TaskRunner | SyncRunner,
        *,
        user_name: str = "",
        ask_path: Callable[[str, str, str], str | None] | None = None,
        ask_dir: Callable[[str], str | None] | None = None,
        now: Callable[[], dt.datetime] | None = None,
        owns_runner: bool = False,
        user_id: int | None = None,
        sync_on: bool = True,
    ) -> None:
        """``sync_on``: a platform is set (else the dashboard says sync is off, not a queue)."""
        super().__init__()
        self.owns_runner = owns_runner
        self.sync_on = sync_on
        self.reports, self.runner = reports, runner
        self.ask_path = ask_path or self._file_dialog
        self.ask_dir = ask_dir or self._dir_dialog
        self.last_statements: list[Path] = []
        self.now = now or (lambda: dt.datetime.now(dt.UTC))
        self.report: Report | None = None
        self.dashboard: Dashboard | None = None
        self.last_export: Path | None = None
        self.setWindowTitle(self.tr("보고서 — {name}").format(name=user_name))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._dashboard_tab(), self.tr("대시보드"))
        self.tabs.addTab(self._reports_tab(), self.tr("보고서"))
        self.invoices = TaxInvoiceTab(reports, runner, self.period, user_id)
        self.tabs.addTab(self.invoices, self.tr("세금계산서"))
        self.setCentralWidget(self.tabs)
        fit_to_screen(self, 1200, 780)
        self.timer = QTimer(self)
        self.timer.setInterval(60_000)
        self.timer.timeout.connect(self.refresh_dashboard)
        self.timer.start()
        self._start()

    def closeEvent(self, event: Any) -> None:
        self.timer.stop()
        if self.owns_runner:
            # its own worker may be summing days into the rollup: let it finish off the Qt thread
            threading.Thread(target=self.runner.shutdown, daemon=True).start()
        super().closeEvent(event)

    # --- building ---------------------------------------------------------------------------

    def _reports_tab(self) -> QWidget:
        w = QWidget()
        root = QVBoxLayout(w)
        bar = QHBoxLayout()
        self.kind = QComboBox()
        self.kind.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.kind.setMinimumContentsLength(10)
        for name, title in Reports.catalogue():
            self.kind.addItem(title, name)
        # long report names must not widen the window past 1024 px: the list shows them whole
        self.kind.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.kind.setMinimumContentsLength(8)
        today = self._today()
        self.start = QDateEdit(QDate(today.year, today.month, 1))
        self.end = QDateEdit(QDate(today.year, today.month, today.day))
        for d in (self.start, self.end):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        bar.addWidget(QLabel(self.tr("보고서")))
        bar.addWidget(self.kind, 2)
        bar.addWidget(QLabel(self.tr("기간")))
        bar.addWidget(self.start)
        bar.addWidget(QLabel("~"))
        bar.addWidget(self.end)
        for label, days in ((self.tr("오늘"), 0), (self.tr("7일"), 6), (self.tr("30일"), 29)):
            b = QPushButton(label)
            b.clicked.connect(lambda _=False, n=days: self.set_last_days(n))
            bar.addWidget(b)
        b = QPushButton(self.tr("지난달"))
        b.clicked.connect(self.set_last_month)
        bar.addWidget(b)
        # the VAT return's periods: the last whole quarter (예정/확정) and half-year (기)
        self.quarter_btn = QPushButton(self.tr("분기"))
        self.quarter_btn.setToolTip(self.tr("지난 분기 (부가세 예정·확정 신고)"))
        self.quarter_btn.clicked.connect(lambda: self.set_last_months(3))
        bar.addWidget(self.quarter_btn)
        self.half_btn = QPushButton(self.tr("반기"))
        self.half_btn.setToolTip(self.tr("지난 반기 (부가세 과세기간)"))
        self.half_btn.clicked.connect(lambda: self.set_last_months(6))
        bar.addWidget(self.half_btn)
        root.addLayout(bar)
        filters = QHBoxLayout()
        self.region = QComboBox()
        self.producer = QComboBox()
        self.category = QComboBox()
        self.cashier = QComboBox()
        for label, combo in (
            (self.tr("지역"), self.region),
            (self.tr("생산자"), self.producer),
            (self.tr("분류"), self.category),
            (self.tr("계산원"), self.cashier),
        ):
            combo.addItem(self.tr("전체"), None)
            # a long producer name must not widen the window past a 1024-pixel monitor
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
            filters.addWidget(QLabel(label))
            filters.addWidget(combo, 1)
        self.run_btn = QPushButton(self.tr("조회"))
        self.run_btn.clicked.connect(self.run_report)
        self.pdf_btn = QPushButton(self.tr("PDF 저장"))
        self.pdf_btn.clicked.connect(lambda: self.export("pdf"))
        self.csv_btn = QPushButton(self.tr("CSV 저장"))
        self.csv_btn.clicked.connect(lambda: self.export("csv"))
        self.xlsx_btn = QPushButton(self.tr("엑셀 저장"))
        self.xlsx_btn.setToolTip(self.tr("XLSX: 표와 각 구역을 시트로 (세무사용)"))
        self.xlsx_btn.clicked.connect(lambda: self.export("xlsx"))
        self.statements_btn = QPushButton(self.tr("공급처별 정산서 PDF"))
        self.statements_btn.setToolTip(
            self.tr("기간과 필터에 맞는 공급처마다 정산서 한 장씩 (판매·입고 문서 포함)")
        )
        self.statements_btn.clicked.connect(self.export_statements)
        actions = QHBoxLayout()
        actions.addStretch(1)
        for b in (self.run_btn, self.pdf_btn, self.csv_btn, self.xlsx_btn, self.statements_btn):
            actions.addWidget(b)
        root.addLayout(filters)
        root.addLayout(actions)
        split = QSplitter(Qt.Orientation.Vertical)
        self.chart_view = _chart_view()
        split.addWidget(self.chart_view)
        self.model = ReportTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        split.addWidget(self.table)
        split.setSizes([300, 420])
        root.addWidget(split, 1)
        self.status = QLabel()
        root.addWidget(self.status)
        return w

    def _dashboard_tab(self) -> QWidget:
        w = QWidget()
        root = QVBoxLayout(w)
        cards = QGridLayout()
        self.cards: dict[str, QLabel] = {}
        titles = (
            ("today", self.tr("오늘 순매출")),
            ("week", self.tr("지난주 같은 요일 (같은 시각까지)")),
            ("low", self.tr("재고 부족 상품")),
            ("expiring", self.tr("유통기한 임박 로트 (3일)")),
            ("sync", self.tr("전송 대기")),
        )
        for i, (key, title) in enumerate(titles):
            box = QGroupBox(title)
            lay = QVBoxLayout(box)
            value = QLabel("…")
            value.setStyleSheet("font-size: 20pt; font-weight: bold;")
            lay.addWidget(value)
            self.cards[key] = value
            cards.addWidget(box, 0, i)
        root.addLayout(cards)
        mid = QHBoxLayout()
        self.hour_view = _chart_view()
        mid.addWidget(self.hour_view, 3)
        regions = QGroupBox(self.tr("오늘 상위 지역"))
        rl = QVBoxLayout(regions)
        self.top_regions = QListWidget()
        rl.addWidget(self.top_regions)
        mid.addWidget(regions, 1)
        root.addLayout(mid, 1)
        foot = QHBoxLayout()
        self.dash_status = QLabel()
        foot.addWidget(self.dash_status, 1)
        b = QPushButton(self.tr("새로 고침"))
        b.clicked.connect(self.refresh_dashboard)
        foot.addWidget(b)
        root.addLayout(foot)
        return w

    # --- loading ----------------------------------------------------------------------------

    def _today(self) -> dt.date:
        return calendar.business_day(self.now())

    def _start(self) -> None:
        """Bring the rollup up to date and load the filter choices, then the dashboard."""

        now = self.now()
        self.status.setText(self.tr("준비 중…"))
        Op(self, self.runner, lambda: self.reports.prepare(now)).success(self._options).failure(
            self._failed
        ).run()
        self.refresh_dashboard()

    def _options(self, opts: FilterOptions) -> None:
        for combo, pairs in (
            (self.region, opts.regions),
            (self.producer, opts.producers),
            (self.category, opts.categories),
            (self.cashier, opts.cashiers),
        ):
            for i, name in pairs:
                combo.addItem(name, i)
        self.status.setText(self.tr("보고서와 기간을 고르고 조회를 누르세요."))

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(explain(exc))

    def set_last_days(self, n: int) -> None:
        today = self._today()
        first = today - dt.timedelta(days=n)
        self.start.setDate(QDate(first.year, first.month, first.day))
        self.end.setDate(QDate(today.year, today.month, today.day))

    def set_last_month(self) -> None:
        last = self._today().replace(day=1) - dt.timedelta(days=1)
        self.start.setDate(QDate(last.year, last.month, 1))
        self.end.setDate(QDate(last.year, last.month, last.day))

    def set_last_months(self, n: int) -> None:
        """The last whole block of ``n`` months (3: a quarter, 6: a VAT half-year) before the
        one today is in."""
        today = self._today()
        block = (today.month - 1) // n
        start_month = block * n - n + 1
        year = today.year
        if start_month < 1:
            start_month += 12
            year -= 1
        first = dt.date(year, start_month, 1)
        end_month = start_month + n - 1
        last = dt.date(year + end_month // 12, end_month % 12 + 1, 1) - dt.timedelta(days=1)
        self.start.setDate(QDate(first.year, first.month, first.day))
        self.end.setDate(QDate(last.year, last.month, last.day))

    def filters(self) -> Filters:
        return Filters(
            region_id=self.region.currentData(),
            producer_id=self.producer.currentData(),
            category_id=self.category.currentData(),
            user_id=self.cashier.currentData(),
        )

    def period(self) -> Period:
        s, e = self.start.date(), self.end.date()
        return Period(dt.date(s.year(), s.month(), s.day()), dt.date(e.year(), e.month(), e.day()))

    def run_report(self) -> None:
        name = self.kind.currentData()
        try:
            period = self.period()
        except Exception as exc:  # a period that ends before it starts
            self._failed(exc)
            return
        f = self.filters()
        self.status.setText(self.tr("조회 중…"))
        self.run_btn.setEnabled(False)

        def done(report: Report) -> None:
            self.run_btn.setEnabled(True)
            self.show_report(report)

        def failed(exc: BaseException) -> None:
            self.run_btn.setEnabled(True)
            self._failed(exc)

        Op(self, self.runner, lambda: self.reports.run(name, period, f)).success(done).failure(
            failed
        ).run()

    def show_report(self, report: Report) -> None:
        self.report = report
        self.model.set_report(report)
        self.table.resizeColumnsToContents()
        self.chart_view.setChart(build_chart(report.chart, report.title))
        notes = " ".join(report.notes)
        self.status.setText(
            self.tr("{title}: {n}행 · {period}").format(
                title=report.title, n=len(report.rows), period=report.period.label()
            )
            + (f" — {notes}" if notes else "")
        )

    def export(self, fmt: str) -> None:
        report = self.report
        if report is None:
            self.status.setText(self.tr("먼저 보고서를 조회하세요."))
            return
        suffix = {"pdf": "PDF (*.pdf)", "xlsx": "Excel (*.xlsx)"}.get(fmt, "CSV (*.csv)")
        name = f"{report.name}_{report.period.start}_{report.period.end}.{fmt}"
        path = self.ask_path(self.tr("보고서 저장"), name, suffix)
        if not path:
            return
        target = Path(path)

        def done(p: Path) -> None:
            self.last_export = p
            self.status.setText(self.tr("저장했습니다: {path}").format(path=str(p)))

        IoOp(self, self.runner, lambda: Reports.export(report, fmt, target)).success(done).failure(
            self._failed
        ).run()

    def export_statements(self) -> None:
        """One 정산서 PDF per supplier for the period and filters shown (as the CLI's
        ``report settlement --per-supplier``): read on the database worker, written on I/O."""
        try:
            period = self.period()
        except Exception as exc:  # a period that ends before it starts
            self._failed(exc)
            return
        folder = self.ask_dir(self.tr("정산서를 저장할 폴더"))
        if not folder:
            return
        f = self.filters()

        def write(sups: tuple[SupplierSettlement, ...]) -> None:
            IoOp(
                self, self.runner, lambda: Reports.write_statements(sups, period, Path(folder))
            ).success(done).failure(self._failed).run()

        def done(paths: tuple[Path, ...]) -> None:
            self.last_statements = list(paths)
            self.status.setText(
                self.tr("정산서 {n}장을 저장했습니다: {folder}").format(n=len(paths), folder=folder)
            )

        self.status.setText(self.tr("정산서 만드는 중…"))
        Op(self, self.runner, lambda: self.reports.supplier_settlements(period, f)).success(
            write
        ).failure(self._failed).run()

    def _dir_dialog(self, title: str) -> str | None:
        return QFileDialog.getExistingDirectory(self, title, str(Path.home())) or None

    def _file_dialog(self, title: str, suggested: str, pattern: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / suggested), pattern)
        return path or None

    # --- dashboard --------------------------------------------------------------------------

    def refresh_dashboard(self) -> None:
        now = self.now()
        Op(self, self.runner, lambda: self.reports.dashboard(now)).success(
            self.show_dashboard
        ).failure(lambda exc: self.dash_status.setText(explain(exc))).run()

    def show_dashboard(self, d: Dashboard) -> None:
        self.dashboard = d
        self.cards["today"].setText(f"₩{d.net_today:,}")
        change = ""
        if d.net_last_week:
            pct = 100 * (d.net_today - d.net_last_week) / abs(d.net_last_week)
            change = f" ({pct:+.0f}%)"
        self.cards["week"].setText(f"₩{d.net_last_week:,}{change}")
        self.cards["low"].setText(f"{d.low_stock:,}")
        self.cards["expiring"].setText(
            str(d.expiring) + (self.tr(" · 지남 {n}").format(n=d.expired) if d.expired else "")
        )
        if self.sync_on:
            self.cards["sync"].setText(
                f"{d.sync_pending:,}"
                + (self.tr(" · 거부 {n}").format(n=d.sync_rejected) if d.sync_rejected else "")
            )
        else:  # nothing is sent while sync is off: a waiting count would look like a fault
            self.cards["sync"].setText(self.tr("동기화 꺼짐"))
            self.cards["sync"].setToolTip(
                self.tr("온라인 플랫폼 주소가 없어 보내지 않습니다 (쌓인 판매 {n}건)").format(
                    n=f"{d.sync_pending:,}"
                )
            )
        self.hour_view.setChart(
            build_chart(d.by_hour, self.tr("시간대별 매출"), compare=d.by_hour_last_week)
        )
        self.top_regions.clear()
        for name, amount in d.top_regions:
            self.top_regions.addItem(f"{name}  ₩{amount:,}")
        self.dash_status.setText(
            self.tr("{day} 기준 · 영수증 {n}건 (지난주 {m}건)").format(
                day=d.today.isoformat(), n=d.receipts_today, m=d.receipts_last_week
            )
        )
