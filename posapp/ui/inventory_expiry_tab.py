"""유통기한 tab of the inventory window: the lots that expire within seven days (soonest first,
three days or less in red) and the markdown of a chosen lot, whose markdown shelf label is saved
and opened.

Qt only: the lots and the markdown are inventory use cases (posapp.usecases.inventory_stock).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from posapp.domain.money import format_amount
from posapp.ui.inventory_base import InventoryBase
from posapp.ui.inventory_edit import LOCATION_NAMES, MarkdownDialog, button_row
from posapp.usecases.inventory_labels import LabelSheet
from posapp.usecases.inventory_products import ProductDetail
from posapp.usecases.inventory_stock import LotInfo, Markdown

translate = QCoreApplication.translate
EXPIRING_DAYS = 7


class ExpiryTab(InventoryBase):
    """The 유통기한 page and its markdown."""

    def _expiring_tab(self) -> None:
        w = QWidget()
        v = QVBoxLayout(w)
        self.lots = QTableWidget(0, 7)
        self.lots.setHorizontalHeaderLabels(
            [
                translate("InventoryWindow", "상품명"),
                translate("InventoryWindow", "로트"),
                translate("InventoryWindow", "유통기한"),
                translate("InventoryWindow", "남은 일수"),
                translate("InventoryWindow", "재고"),
                translate("InventoryWindow", "할인가"),
                translate("InventoryWindow", "위치"),
            ]
        )
        self.lots.setColumnWidth(0, 300)
        self.lots.setColumnWidth(1, 140)
        self.lots.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.lots.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.lots.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.lot_rows: list[LotInfo] = []
        v.addWidget(self.lots)
        v.addLayout(button_row((translate("InventoryWindow", "마감 할인"), self.markdown_selected)))
        self.tabs.addTab(w, translate("InventoryWindow", "유통기한"))

    def refresh_lots(self) -> None:
        self._do(lambda: self.inventory.stock.expiring_lots(EXPIRING_DAYS), self._lots)

    def _lots(self, lots: tuple[LotInfo, ...]) -> None:
        self.lot_rows = list(lots)
        self.lots.setRowCount(len(lots))
        for i, ln in enumerate(lots):
            cells = (
                ln.product_name,
                ln.lot_code,
                ln.expiry_date.isoformat() if ln.expiry_date else "",
                str(ln.days_left),
                f"{ln.qty_on_hand:,}",
                format_amount(ln.markdown_price) if ln.markdown_price else "",
                QCoreApplication.translate("inventory", LOCATION_NAMES.get(ln.location, "")),
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if ln.days_left is not None and ln.days_left <= 3:
                    item.setBackground(QColor("#fde2e1"))
                self.lots.setItem(i, c, item)

    def markdown_selected(self) -> None:
        """Mark the selected expiring lot down; its markdown shelf label is saved and opened."""
        rows = self.lots.selectionModel().selectedRows()
        if not rows:
            self.say(translate("InventoryWindow", "로트를 고르세요."), error=True)
            return
        lot = self.lot_rows[rows[0].row()]
        stock, labels, uid = self.inventory.stock, self.inventory.labels, self.user_id

        def opened(detail: ProductDetail) -> None:
            d = MarkdownDialog(lot, detail.price, self)
            self.markdown_dialog = d

            def save() -> None:
                percent, labels_too = d.percent.value(), d.print_labels.isChecked()

                def done(md: Markdown) -> None:
                    self.say(
                        translate("InventoryWindow", "할인했습니다: {name} {price}원").format(
                            name=lot.product_name, price=format_amount(md.price)
                        )
                    )
                    self.refresh_lots()
                    if labels_too:
                        self.save_labels(
                            "markdown", lambda: labels.items([], lot_ids=[lot.id]), LabelSheet()
                        )

                self.submit(d, lambda: stock.markdown(lot.id, percent, user_id=uid), done)

            d.submitted.connect(save)
            d.open()

        self._do(lambda: self.inventory.products.product(lot.product_id), opened)


__all__ = ["ExpiryTab"]
