"""The label printing dialog: shelf labels (가격표) or product barcode labels on an A4 label
sheet, for chosen products (from the product list, or scanned) or for the received lines of a
purchase order (one barcode label per unit received); the sheet format, the labels already
used on a part-used sheet (skipped), then the PDF is saved and opened.

Qt only: the label use cases (posapp.usecases.inventory_labels) read the items and draw the
sheet; the window runs both off the Qt thread (:meth:`posapp.ui.inventory_base.InventoryBase.
save_labels`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from posapp.ui.i18n import QT_TRANSLATE_NOOP
from posapp.ui.inventory_edit import FormDialog, button_row
from posapp.ui.messages import explain
from posapp.ui.operations import Op
from posapp.ui.tables import cell
from posapp.usecases.inventory_labels import SHEETS, LabelSheet
from posapp.usecases.inventory_orders import POInfo, POStatus, POSummary
from posapp.usecases.inventory_products import ProductInfo

if TYPE_CHECKING:
    from posapp.ui.inventory_window import InventoryWindow

SHEET_NAMES = {
    "shelf-2x4": QT_TRANSLATE_NOOP("inventory", "가격표 8칸 (99.1×67.7 mm)"),
    "formtec-3x7": QT_TRANSLATE_NOOP("inventory", "폼텍 21칸 (63.5×38.1 mm)"),
    "formtec-4x10": QT_TRANSLATE_NOOP("inventory", "폼텍 40칸 (48.5×25.4 mm)"),
}


@dataclass
class LabelEntry:
    product_id: int
    name: str
    barcode: str | None
    copies: int = 1


class LabelDialog(FormDialog):
    """``owner`` is the inventory window (its runner and use cases, for scans and orders)."""

    def __init__(
        self, owner: InventoryWindow, entries: list[LabelEntry], parent: QWidget | None = None
    ):
        super().__init__("", parent)
        self.setWindowTitle(self.tr("라벨 인쇄"))
        self.owner = owner
        self.entries: list[LabelEntry] = []
        self.kind = QComboBox()
        self.kind.addItem(self.tr("가격표 (상품명·산지·가격·100g당 가격·바코드)"), "shelf")
        self.kind.addItem(self.tr("바코드 라벨"), "barcode")
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.sheet = QComboBox()
        for key in SHEETS:
            self.sheet.addItem(QCoreApplication.translate("inventory", SHEET_NAMES[key]), key)
        self.sheet.currentIndexChanged.connect(self._sheet_changed)
        self.skip = QSpinBox()
        self.skip.setSuffix(self.tr(" 칸"))
        self.po = QComboBox()
        self.po.addItem(self.tr("발주 입고분에서 가져오기…"), None)
        self.po.activated.connect(self.po_chosen)
        self.scan = QLineEdit()
        self.scan.setPlaceholderText(self.tr("바코드를 스캔하면 추가합니다"))
        self.scan.returnPressed.connect(self.scan_add)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("상품명"), self.tr("바코드"), self.tr("매수")]
        )
        self.table.setColumnWidth(0, 260)
        self.table.setColumnWidth(1, 130)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.form.addRow(self.tr("종류"), self.kind)
        self.form.addRow(self.tr("용지"), self.sheet)
        self.form.addRow(self.tr("이미 쓴 칸 (건너뛰기)"), self.skip)
        self.form.addRow(self.tr("발주"), self.po)
        self.form.addRow(self.tr("추가"), self.scan)
        self.layout_.addWidget(self.table, 1)
        self.layout_.addLayout(
            button_row(
                (self.tr("선택 줄 빼기"), self.remove_selected),
                (self.tr("모두 빼기"), lambda: self.set_entries([])),
            )
        )
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("PDF 저장·열기"))
        self.finish_layout()
        self.resize(600, 640)
        self.set_entries(entries)
        self._kind_changed()
        self._sheet_changed()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter ends a scan (or a typed number of labels): it never presses OK and prints;
        # printing is a click on the button
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    # --- choices ----------------------------------------------------------------------------

    def _kind_changed(self) -> None:
        # shelf labels suit the 8-up sheet, barcode labels the 21-up one
        key = "shelf-2x4" if self.kind.currentData() == "shelf" else "formtec-3x7"
        self.sheet.setCurrentIndex(self.sheet.findData(key))

    def _sheet_changed(self) -> None:
        per_sheet = SHEETS[self.sheet.currentData()].per_sheet
        self.skip.setRange(0, per_sheet - 1)

    def load_orders(self, orders: tuple[POSummary, ...]) -> None:
        for o in orders:
            if o.status in (POStatus.PARTIAL, POStatus.RECEIVED, POStatus.CLOSED):
                self.po.addItem(f"{o.number} · {o.supplier_name}", o.id)

    def po_chosen(self, index: int) -> None:
        po_id = self.po.itemData(index)
        if po_id is None:
            return
        orders = self.owner.inventory.orders

        def got(po: POInfo) -> None:
            # one label per unit received; a weighed product (grams) gets one
            self.set_entries(
                [
                    LabelEntry(
                        ln.product_id,
                        ln.name,
                        ln.barcode,
                        ln.qty_received if ln.unit == "ea" else 1,
                    )
                    for ln in po.lines
                    if ln.qty_received > 0
                ]
            )
            self.kind.setCurrentIndex(self.kind.findData("barcode"))

        Op(self, self.owner.runner, lambda: orders.order(po_id)).success(got).failure(
            lambda exc: self.fail(explain(exc))
        ).run()

    def take_scan(self, code: str) -> bool:
        """A scan while this dialog is open adds a label (posapp.ui.scan_targets)."""
        self.scan.setText(code)
        self.scan_add()
        return True

    def scan_add(self) -> None:
        code = self.scan.text().strip()
        self.scan.clear()
        if not code:
            return
        products = self.owner.inventory.products

        def found(info: ProductInfo | None) -> None:
            if info is None:
                self.fail(self.tr("없는 바코드: {c}").format(c=code))
                return
            self.read_copies()
            for e in self.entries:
                if e.product_id == info.id:
                    e.copies += 1
                    break
            else:
                self.entries.append(LabelEntry(info.id, info.name_ko, info.barcode))
            self.set_entries(self.entries)

        Op(self, self.owner.runner, lambda: products.by_barcode(code)).success(found).failure(
            lambda exc: self.fail(explain(exc))
        ).run()

    # --- the list ---------------------------------------------------------------------------

    def set_entries(self, entries: list[LabelEntry]) -> None:
        self.entries = list(entries)
        self.table.setRowCount(len(self.entries))
        for i, e in enumerate(self.entries):
            for c, text in enumerate((e.name, e.barcode or "", str(e.copies))):
                self.table.setItem(i, c, QTableWidgetItem(text))

    def read_copies(self) -> None:
        """Copy the typed numbers of labels back into the entries (a bad number counts 1)."""
        for i, e in enumerate(self.entries):
            text = cell(self.table, i, 2).text().strip()
            e.copies = max(0, int(text)) if text.isdigit() else 1

    def remove_selected(self) -> None:
        self.read_copies()
        gone = {r.row() for r in self.table.selectionModel().selectedRows()}
        self.set_entries([e for i, e in enumerate(self.entries) if i not in gone])

    # --- what to print ----------------------------------------------------------------------

    def product_ids(self) -> list[int]:
        """Each product as many times as its labels."""
        self.read_copies()
        return [e.product_id for e in self.entries for _ in range(e.copies)]

    def sheet_choice(self) -> LabelSheet:
        """The kind of label, the sheet format and the labels to skip, as chosen."""
        return LabelSheet(
            kind=str(self.kind.currentData()),
            sheet=str(self.sheet.currentData()),
            skip=self.skip.value(),
        )
