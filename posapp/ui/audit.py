"""The audit log browser (감사 기록) and the idle sign-out watch of the checkout.

:class:`AuditBrowser` filters audit events by the store's dates, user and action and lists them with
what changed (before → after). It gets its rows from a ``load(AuditFilter)`` callable run on
the task runner's database worker (the composition root supplies it, with the permission
check), so no SQL and no service call on the Qt thread.

:class:`IdleWatch` calls back when nobody has pressed a key or touched the screen for a while
(``[sales] idle_signout_minutes``): the checkout signs the cashier out.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from posapp.domain import calendar
from posapp.ui.i18n import QT_TRANSLATE_NOOP
from posapp.ui.messages import explain
from posapp.ui.operations import Op, Runner
from posapp.usecases.audit import AuditFilter, AuditRow

_Index = QModelIndex | QPersistentModelIndex


def _change(value: dict[str, Any] | None) -> str:
    if not value:
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class AuditModel(QAbstractTableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("AuditModel", "시각"),
        QT_TRANSLATE_NOOP("AuditModel", "계산대"),
        QT_TRANSLATE_NOOP("AuditModel", "사용자"),
        QT_TRANSLATE_NOOP("AuditModel", "동작"),
        QT_TRANSLATE_NOOP("AuditModel", "대상"),
        QT_TRANSLATE_NOOP("AuditModel", "변경 전"),
        QT_TRANSLATE_NOOP("AuditModel", "변경 후"),
    )

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[AuditRow] = []

    def set_rows(self, rows: Sequence[AuditRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("AuditModel", self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = 0) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        r = self.rows[index.row()]
        values = (
            f"{r.at_local:%Y-%m-%d %H:%M:%S}",
            r.register_id or "",
            r.user_name or "",
            r.action,
            r.target,
            _change(r.before),
            _change(r.after),
        )
        return values[index.column()]


class AuditBrowser(QDialog):
    """Filters and a table of audit events; ``load`` (a use case's read, e.g.
    :meth:`posapp.usecases.audit.AuditLog.events` for the signed-in user) runs on the database
    worker."""

    def __init__(
        self,
        load: Callable[[AuditFilter], Sequence[AuditRow]],
        runner: Runner,
        *,
        actions: Sequence[str] = (),
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("감사 기록"))
        self.resize(1000, 600)
        self._load, self._runner = load, runner
        today = today or calendar.today()
        root = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.since = QDateEdit(QDate(today.year, today.month, today.day).addDays(-7))
        self.until = QDateEdit(QDate(today.year, today.month, today.day))
        for w in (self.since, self.until):
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
        self.user = QLineEdit()
        self.user.setPlaceholderText(self.tr("사용자 이름"))
        self.action = QComboBox()
        self.action.addItem(self.tr("모든 동작"), "")
        for a in actions:
            self.action.addItem(a, a)
        self.search_btn = QPushButton(self.tr("조회"))
        self.search_btn.clicked.connect(self.refresh)
        fields: tuple[tuple[str, QWidget], ...] = (
            (self.tr("시작"), self.since),
            (self.tr("끝"), self.until),
            (self.tr("사용자"), self.user),
            (self.tr("동작"), self.action),
        )
        for label, field in fields:
            bar.addWidget(QLabel(label))
            bar.addWidget(field)
        bar.addWidget(self.search_btn)
        root.addLayout(bar)
        self.model = AuditModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        root.addWidget(self.table, 1)
        self.status = QLabel()
        root.addWidget(self.status)

    def current_filter(self) -> AuditFilter:
        return AuditFilter(
            since=_day(self.since),
            until=_day(self.until),
            user=self.user.text().strip() or None,
            action=self.action.currentData() or None,
        )

    def refresh(self) -> None:
        flt = self.current_filter()
        self.search_btn.setEnabled(False)
        self.status.setText(self.tr("조회 중…"))

        def done(rows: Sequence[AuditRow]) -> None:
            self.model.set_rows(rows)
            self.search_btn.setEnabled(True)
            self.status.setText(self.tr("{n}건").format(n=len(rows)))

        def failed(exc: BaseException) -> None:
            self.search_btn.setEnabled(True)
            self.status.setText(explain(exc))

        Op(self, self._runner, lambda: self._load(flt)).success(done).failure(failed).run()


class IdleWatch(QObject):
    """Calls ``on_idle`` after ``interval_ms`` without a key press, click or touch."""

    _ACTIVITY = frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.TouchBegin,
            QEvent.Type.Wheel,
        }
    )

    def __init__(self, interval_ms: int, on_idle: Callable[[], None]) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(on_idle)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._ACTIVITY:
            self.timer.start()  # restart the countdown
        return False

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


def _day(edit: QDateEdit) -> dt.date:
    """The edit's date (QDate.toPython, typed)."""
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())
