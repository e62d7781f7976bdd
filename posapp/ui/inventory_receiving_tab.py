"""입고 tab of the inventory window: receiving by scanning (another scan of the same product
adds one), against a sent purchase order (its remaining lines filled in) or without one; the
manager types expiry dates, costs and lot codes, then confirms — one lot per line.

Qt only: the lookup and the receipt are inventory use cases (posapp.usecases.inventory_orders).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.money import format_amount
from posapp.errors import PosError
from posapp.ui.error_codes import UiErrorCode
from posapp.ui.inventory_base import InventoryBase
from posapp.ui.messages import explain
from posapp.ui.tables import cell
from posapp.usecases.inventory_orders import GoodsReceiptInfo, POInfo, ReceiveLine
from posapp.usecases.inventory_products import ProductInfo

translate = QCoreApplication.translate
RECEIVING_TAB = 2


class ReceivingTab(InventoryBase):
    """The 입고 page."""

    def _receiving_tab(self) -> None:
        w = QWidget()
        v = QVBoxLayout(w)
        top = QHBoxLayout()
        self.po = QComboBox()
        self.po.addItem(translate("InventoryWindow", "발주 없이 입고"), None)
        self.scan_in = QLineEdit()
        self.scan_in.setPlaceholderText(translate("InventoryWindow", "바코드를 스캔하세요"))
        self.scan_in.returnPressed.connect(self.scan_receive)
        top.addWidget(self.po)
        top.addWidget(self.scan_in, 1)
        v.addLayout(top)
        self.recv = QTableWidget(0, 5)
        self.recv.setHorizontalHeaderLabels(
            [
                translate("InventoryWindow", "상품명"),
                translate("InventoryWindow", "수량"),
                translate("InventoryWindow", "유통기한 (YYYY-MM-DD)"),
                translate("InventoryWindow", "단가"),
                translate("InventoryWindow", "로트"),
            ]
        )
        self.recv.setColumnWidth(0, 320)
        self.recv.setColumnWidth(2, 170)
        self.recv_ids: list[int] = []
        v.addWidget(self.recv, 1)
        go = QPushButton(translate("InventoryWindow", "입고 확정"))
        go.clicked.connect(self.commit_receiving)
        v.addWidget(go)
        self.tabs.addTab(w, translate("InventoryWindow", "입고"))

    def scan_receive(self) -> None:
        code = self.scan_in.text().strip()
        self.scan_in.clear()
        if not code:
            return

        def found(info: ProductInfo | None) -> None:
            if info is None:
                self.say(
                    translate("InventoryWindow", "없는 바코드: {c}").format(c=code), error=True
                )
                return
            if info.id in self.recv_ids:  # another scan of the same product: one more
                row = self.recv_ids.index(info.id)
                item = cell(self.recv, row, 1)
                item.setText(str(int(item.text() or 0) + 1))
                return
            self.add_receive_row(info.id, info.name_ko, 1, None)

        self._do(lambda: self.inventory.products.by_barcode(code), found)

    def add_receive_row(self, pid: int, name: str, qty: int, cost: int | None) -> None:
        self.recv_ids.append(pid)
        row = self.recv.rowCount()
        self.recv.insertRow(row)
        item = QTableWidgetItem(name)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.recv.setItem(row, 0, item)
        cost_text = format_amount(cost) if cost is not None else ""
        for c, text in ((1, str(qty)), (2, ""), (3, cost_text), (4, "")):
            self.recv.setItem(row, c, QTableWidgetItem(text))

    def receive_against(self, po: POInfo) -> None:
        """The 입고 tab with ``po`` chosen and its remaining lines (quantity, cost) filled in:
        the manager types expiry dates and changes what differs, then confirms."""
        i = self.po.findData(po.id)
        if i < 0:
            self.po.addItem(f"{po.number} · {po.supplier_name}", po.id)
            i = self.po.count() - 1
        self.po.setCurrentIndex(i)
        self.recv.setRowCount(0)
        self.recv_ids.clear()
        for ln in po.lines:
            if ln.remaining:
                self.add_receive_row(ln.product_id, ln.name, ln.remaining, ln.unit_cost)
        self.tabs.setCurrentIndex(RECEIVING_TAB)
        self.say(
            translate("InventoryWindow", "{number}: 남은 {n}줄을 입고합니다.").format(
                number=po.number, n=self.recv.rowCount()
            )
        )

    def receive_lines(self) -> list[ReceiveLine]:
        """The lines on screen as use-case input (a wrong date or number raises a clear error)."""
        out = []
        for row, pid in enumerate(self.recv_ids):
            texts = [(cell(self.recv, row, c).text() or "").strip() for c in range(1, 5)]
            try:
                qty = int(texts[0])
                expiry = dt.date.fromisoformat(texts[1]) if texts[1] else None
                cost = int(texts[2].replace(",", "")) if texts[2] else None
            except ValueError as exc:
                raise PosError(
                    f"row {row + 1}: check the quantity, expiry date (YYYY-MM-DD) and cost ({exc})",
                    code=UiErrorCode.RECEIVE_LINE,
                    row=row + 1,
                ) from exc
            out.append(ReceiveLine(pid, qty, expiry, cost, texts[3]))
        return out

    def commit_receiving(self) -> None:
        try:
            lines = self.receive_lines()
        except PosError as exc:
            self.say(explain(exc), error=True)
            return
        po_id = self.po.currentData()
        orders, uid = self.inventory.orders, self.user_id

        def done(gr: GoodsReceiptInfo) -> None:
            extra = (
                translate("InventoryWindow", " (발주보다 {n} 많음)").format(n=gr.over_ordered)
                if gr.over_ordered
                else ""
            )
            self.say(
                translate("InventoryWindow", "입고 완료: {n}줄").format(n=len(gr.lines)) + extra
            )
            self.recv.setRowCount(0)
            self.recv_ids.clear()
            self.apply_filter()
            if po_id is not None:
                self.refresh_open_pos()

        self._do(lambda: orders.receive(lines, user_id=uid, po_id=po_id), done)


__all__ = ["ReceivingTab"]
