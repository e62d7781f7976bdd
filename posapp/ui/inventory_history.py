"""A product's stock movements, newest first: when, what, how much, which lot, who, why, and
the document behind it (receipt number, purchase order, count, online order, class).

Read a page at a time through the stock use cases (``StockUseCases.history``, an
:class:`~posapp.ui.operations.Op` made by the window); "more" fetches the page before the
oldest row shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posapp.domain import calendar
from posapp.ui.i18n import QT_TRANSLATE_NOOP
from posapp.ui.inventory_edit import LOCATION_NAMES
from posapp.ui.messages import explain
from posapp.ui.operations import Op
from posapp.usecases.inventory_stock import HistoryRow

PAGE = 100

#: ledger movement kinds in the manager's words
KINDS = {
    "sale": QT_TRANSLATE_NOOP("HistoryDialog", "판매"),
    "return": QT_TRANSLATE_NOOP("HistoryDialog", "반품"),
    "receipt": QT_TRANSLATE_NOOP("HistoryDialog", "입고"),
    "waste": QT_TRANSLATE_NOOP("HistoryDialog", "폐기"),
    "adjust": QT_TRANSLATE_NOOP("HistoryDialog", "조정"),
    "count": QT_TRANSLATE_NOOP("HistoryDialog", "재고조사"),
    "online": QT_TRANSLATE_NOOP("HistoryDialog", "온라인 주문"),
    "class_use": QT_TRANSLATE_NOOP("HistoryDialog", "수업 사용"),
    "transfer": QT_TRANSLATE_NOOP("HistoryDialog", "이동"),
    "opening": QT_TRANSLATE_NOOP("HistoryDialog", "기초 재고"),
}


class HistoryDialog(QDialog):
    """The movements of one product; ``load(before_id)`` is an Op reading up to PAGE rows."""

    def __init__(
        self,
        name: str,
        load: Callable[[int | None], Op[tuple[HistoryRow, ...]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("입출고 이력: {name}").format(name=name))
        self.resize(1100, 560)
        self._load = load
        self.rows: list[HistoryRow] = []
        layout = QVBoxLayout(self)
        heads = (
            self.tr("일시"),
            self.tr("구분"),
            self.tr("수량"),
            self.tr("로트"),
            self.tr("위치"),
            self.tr("사유"),
            self.tr("담당"),
            self.tr("계산대"),
            self.tr("문서"),
        )
        self.table = QTableWidget(0, len(heads))
        self.table.setHorizontalHeaderLabels(heads)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        for col, width in enumerate((140, 90, 80, 160, 80, 0, 80, 60, 170)):
            if width:
                self.table.setColumnWidth(col, width)
        layout.addWidget(self.table, 1)
        self.message = QLabel()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.more_btn = QPushButton(self.tr("이전 기록 더 보기"))
        self.more_btn.clicked.connect(self.more)
        close = QPushButton(self.tr("닫기"))
        close.clicked.connect(self.accept)
        row.addWidget(self.more_btn)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.more()

    def more(self) -> None:
        before = self.rows[-1].id if self.rows else None
        self.more_btn.setEnabled(False)
        self._load(before).success(self._add).failure(
            lambda exc: self.message.setText(explain(exc))
        ).run()

    def _add(self, page: tuple[HistoryRow, ...]) -> None:
        for h in page:
            self._append(h)
        self.rows.extend(page)
        self.more_btn.setEnabled(len(page) >= PAGE)
        if not self.rows:
            self.message.setText(self.tr("입출고 기록이 없습니다."))
        else:
            self.message.setText(self.tr("{n}건 표시").format(n=len(self.rows)))

    def _append(self, h: HistoryRow) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        kind = KINDS.get(h.kind)
        cells: tuple[Any, ...] = (
            calendar.to_local(h.at).strftime("%Y-%m-%d %H:%M"),
            QCoreApplication.translate("HistoryDialog", kind) if kind else h.kind,
            f"{h.qty:+,}",
            h.lot_code,
            _place(h.location),
            h.reason,
            h.user,
            h.register_id or "",
            h.document,
        )
        for c, text in enumerate(cells):
            item = QTableWidgetItem(str(text))
            if c == 2:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(r, c, item)


def _place(location: str) -> str:
    name = LOCATION_NAMES.get(location)
    return QCoreApplication.translate("inventory", name) if name else location
