"""The main window until the checkout screen lands: store header, catalogue search, status.

Shows that the app is alive on its database: product search by Korean name, 초성, English name
or barcode (results as you type), and register / shift / database in the status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.money import format_krw

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ProductRow:
    name_ko: str
    name_en: str
    unit: str
    price: int
    tax: str
    code: str


class ProductTableModel(QAbstractTableModel):
    HEADERS = ("상품명", "English", "단위", "판매가", "과세", "코드")

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[ProductRow] = []

    def set_rows(self, rows: list[ProductRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None

    def data(self, index: _Index, role: int = 0) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            unit = {"ea": "개", "kg": "kg", "100g": "100g"}.get(row.unit, row.unit)
            return (
                row.name_ko,
                row.name_en,
                unit,
                format_krw(row.price),
                "면세" if row.tax == "exempt" else "과세",
                row.code,
            )[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class MainWindow(QMainWindow):
    """``search`` maps a query to product rows; ``status`` is the status-bar text."""

    def __init__(
        self, *, title: str, header: str, status: str, search: Callable[[str], list[ProductRow]]
    ) -> None:
        super().__init__()
        self.setWindowTitle(title)
        self._search = search
        central = QWidget()
        layout = QVBoxLayout(central)
        head = QLabel(header)
        head.setObjectName("header")
        head.setStyleSheet("font-size: 20pt; font-weight: bold; padding: 8px;")
        layout.addWidget(head)
        self.query = QLineEdit()
        self.query.setPlaceholderText("상품 검색: 이름, 초성(ㅅㄱ), 영문, 바코드")
        self.query.setClearButtonEnabled(True)
        self.query.textChanged.connect(self._on_query)
        layout.addWidget(self.query)
        self.model = ProductTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        layout.addWidget(self.table)
        self.setCentralWidget(central)
        self.statusBar().showMessage(status)
        self.resize(1000, 640)

    def _on_query(self, text: str) -> None:
        self.model.set_rows(self._search(text) if text.strip() else [])
