"""Product CSV import from the inventory window: a file is read and imported on the database
worker with a progress bar; the outcome is a summary (created, updated, unchanged, new
regions / producers / categories) or, when the file is refused, every bad row with its line,
column and problem — nothing is imported then (the import is all or nothing).
Also the export of the whole catalogue to a CSV in the documents folder.

Qt only: the import and export are inventory use cases (posapp.usecases.inventory_files); the
progress callback runs on the worker thread and reaches the bar through a signal.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QLabel,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posapp.ui.i18n import QT_TRANSLATE_NOOP
from posapp.ui.inventory_edit import button_row
from posapp.ui.messages import explain, row_problem
from posapp.ui.operations import Op
from posapp.usecases.inventory_files import Exported, ImportRejected, ImportResult

if TYPE_CHECKING:
    from posapp.ui.inventory_base import InventoryBase

COLUMN_NAMES = {
    "barcode": QT_TRANSLATE_NOOP("inventory", "바코드"),
    "name_ko": QT_TRANSLATE_NOOP("inventory", "상품명"),
    "name_en": QT_TRANSLATE_NOOP("inventory", "영문명"),
    "region": QT_TRANSLATE_NOOP("inventory", "산지"),
    "producer": QT_TRANSLATE_NOOP("inventory", "생산자"),
    "category": QT_TRANSLATE_NOOP("inventory", "분류"),
    "unit": QT_TRANSLATE_NOOP("inventory", "단위"),
    "price": QT_TRANSLATE_NOOP("inventory", "판매가"),
    "tax": QT_TRANSLATE_NOOP("inventory", "과세 구분"),
    "reorder_point": QT_TRANSLATE_NOOP("inventory", "발주점"),
    "plu": QT_TRANSLATE_NOOP("inventory", "PLU"),
    "shelf_life_days": QT_TRANSLATE_NOOP("inventory", "유통기간"),
    "active": QT_TRANSLATE_NOOP("inventory", "판매 여부"),
}


class _Progress(QObject):
    """Carries the worker thread's percentages to the Qt thread (queued signal)."""

    percent = Signal(int)


class ImportDialog(QDialog):
    """``owner`` is the inventory window (use cases, runner, user, documents folder)."""

    def __init__(self, owner: InventoryBase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("상품 CSV 가져오기·내보내기"))
        self.owner = owner
        self.running = False
        v = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "열: barcode, name_ko, name_en, region, producer, category, unit, price, tax,"
                " reorder_point (선택: plu, shelf_life_days, active). UTF-8 또는 CP949."
                " 한 줄이라도 틀리면 아무것도 가져오지 않습니다."
            )
        )
        hint.setWordWrap(True)
        v.addWidget(hint)
        v.addLayout(
            button_row(
                (self.tr("CSV 파일 가져오기…"), self.choose_file),
                (self.tr("전체 상품 CSV 내보내기"), self.export),
            )
        )
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        v.addWidget(self.bar)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        v.addWidget(self.summary)
        self.errors = QTableWidget(0, 3)
        self.errors.setHorizontalHeaderLabels([self.tr("행"), self.tr("열"), self.tr("문제")])
        self.errors.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.errors.verticalHeader().hide()
        self.errors.setColumnWidth(0, 60)
        self.errors.setColumnWidth(1, 110)
        self.errors.horizontalHeader().setStretchLastSection(True)
        v.addWidget(self.errors, 1)
        v.addLayout(button_row((self.tr("닫기"), self.reject)))
        self.progress = _Progress()
        self.progress.percent.connect(self.bar.setValue)
        self.resize(720, 560)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("상품 CSV 파일"), "", self.tr("CSV 파일 (*.csv *.txt)")
        )
        if path:
            self.start(Path(path))

    def start(self, path: Path) -> None:
        """Import ``path`` on the database worker; the bar follows, the outcome is shown."""
        if self.running:
            return
        self.running = True
        self.bar.setValue(0)
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("가져오는 중: {name}").format(name=path.name))
        self.errors.setRowCount(0)
        files, uid, emit = (
            self.owner.inventory.files,
            self.owner.user_id,
            self.progress.percent.emit,
        )
        Op(
            self, self.owner.runner, lambda: files.import_file(path, user_id=uid, progress=emit)
        ).success(self._done).failure(self._failed).run()

    def _done(self, r: ImportResult) -> None:
        self.running = False
        self.bar.setValue(100)
        self.summary.setStyleSheet("color: #1b5e20;")
        text = self.tr(
            "{rows}줄 가져옴: 새 상품 {created}, 바뀐 상품 {updated}, 그대로 {same}"
        ).format(
            rows=f"{r.rows:,}",
            created=f"{r.created:,}",
            updated=f"{r.updated:,}",
            same=f"{r.unchanged:,}",
        )
        new = [
            (self.tr("새 산지"), r.new_regions),
            (self.tr("새 생산자"), r.new_producers),
            (self.tr("새 분류"), r.new_categories),
        ]
        for label, names in new:
            if names:
                text += f"\n{label}: {', '.join(names)}"
        self.summary.setText(text)
        self.owner.apply_filter()
        self.owner.load()

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.bar.setValue(0)
        self.summary.setStyleSheet("color: #b00020;")
        if not isinstance(exc, ImportRejected):
            self.summary.setText(explain(exc))
            return
        self.summary.setText(
            self.tr("가져오지 않았습니다: 문제 {n}건. 파일을 고친 뒤 다시 가져오세요.").format(
                n=f"{len(exc.errors):,}"
            )
        )
        self.errors.setRowCount(len(exc.errors))
        for i, e in enumerate(exc.errors):
            column = COLUMN_NAMES.get(e.column)
            cells = (
                str(e.line) if e.line else "",
                QCoreApplication.translate("inventory", column) if column else e.column,
                row_problem(e.code, e.data, e.message),
            )
            for c, text in enumerate(cells):
                self.errors.setItem(i, c, QTableWidgetItem(text))

    def export(self) -> None:
        folder: Path = self.owner.documents_dir
        files = self.owner.inventory.files

        def done(result: Exported) -> None:
            self.summary.setStyleSheet("color: #1b5e20;")
            self.summary.setText(
                self.tr("{n}개 상품을 내보냈습니다: {path}").format(
                    n=f"{result.products:,}", path=str(result.path)
                )
            )
            self.owner.open_file(result.path)

        Op(self, self.owner.runner, lambda: files.export(folder)).success(done).failure(
            lambda exc: self.summary.setText(explain(exc))
        ).run()
