"""재고조사 tab of the inventory window: start a count, count by scanning (one unit a scan),
see what was counted against the books at the start and what sold meanwhile, and post the
differences — a manager's PIN in place when the user's role may not adjust stock.

Qt only: every step is an inventory use case (posapp.usecases.inventory_counts).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posapp.ui.inventory_base import InventoryBase
from posapp.usecases.inventory_counts import CountInfo, CountLine, PostedCount

translate = QCoreApplication.translate


class CountsTab(InventoryBase):
    """The 재고조사 page."""

    def _count_tab(self) -> None:
        w = QWidget()
        v = QVBoxLayout(w)
        top = QHBoxLayout()
        self.count_state = QLabel()
        start = QPushButton(translate("InventoryWindow", "재고조사 시작"))
        start.clicked.connect(self.start_count)
        post = QPushButton(translate("InventoryWindow", "차이 반영"))
        post.clicked.connect(self.post_count)
        self.count_scan = QLineEdit()
        self.count_scan.setPlaceholderText(translate("InventoryWindow", "스캔하면 1개씩 셉니다"))
        self.count_scan.returnPressed.connect(self.scan_count)
        for x in (self.count_state, start, self.count_scan, post):
            top.addWidget(x)
        v.addLayout(top)
        self.count_table = QTableWidget(0, 6)
        self.count_table.setHorizontalHeaderLabels(
            [
                translate("InventoryWindow", "상품명"),
                translate("InventoryWindow", "시작 시 전산"),
                translate("InventoryWindow", "조사 중 판매 등"),
                translate("InventoryWindow", "실사"),
                translate("InventoryWindow", "차이"),
                translate("InventoryWindow", "바코드"),
            ]
        )
        self.count_table.setColumnWidth(0, 320)
        v.addWidget(self.count_table, 1)
        self.tabs.addTab(w, translate("InventoryWindow", "재고조사"))
        self.current_count = None
        self._count_refresh()

    def _open_count(self, c: CountInfo | None) -> None:
        self.current_count = c
        self._count_refresh()

    def _count_refresh(self) -> None:
        c = self.current_count
        if c is None:
            self.count_state.setText(translate("InventoryWindow", "진행 중인 조사 없음"))
            self.count_table.setRowCount(0)
            return
        self.count_state.setText(translate("InventoryWindow", "조사 {id} 진행 중").format(id=c.id))
        self._do(lambda: self.inventory.counts.counted(c.id), self._count_lines)

    def _count_lines(self, lines: tuple[CountLine, ...]) -> None:
        self.count_table.setRowCount(len(lines))
        for i, ln in enumerate(lines):
            var = ln.variance or 0
            cells = (
                ln.name,
                f"{ln.expected_at_start:,}",
                f"{ln.since_start:+,}",
                f"{ln.counted or 0:,}",
                f"{var:+,}",
                ln.barcode or "",
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 4 and var:
                    item.setForeground(QColor("#b00020"))
                self.count_table.setItem(i, col, item)

    def start_count(self) -> None:
        def started(c: CountInfo) -> None:
            self.current_count = c
            self.say(
                translate("InventoryWindow", "재고조사를 시작했습니다: {n}개 상품").format(
                    n=c.lines
                )
            )
            self._count_refresh()

        uid = self.user_id
        self._do(lambda: self.inventory.counts.start(user_id=uid), started)

    def scan_count(self) -> None:
        code = self.count_scan.text().strip()
        self.count_scan.clear()
        c = self.current_count
        if not code or c is None:
            return
        self._do(lambda: self.inventory.counts.scan(c.id, code), lambda _ln: self._count_refresh())

    def post_count(self) -> None:
        c = self.current_count
        if c is None:
            return
        counts, uid, till = self.inventory.counts, self.user_id, self.register_id

        def posted(p: PostedCount) -> None:
            self.current_count = None
            self.say(
                translate("InventoryWindow", "차이를 반영했습니다: {n}개 상품").format(
                    n=len(p.variances)
                )
            )
            self._count_refresh()
            self.apply_filter()

        request = counts.post_request(
            c.id,
            title=translate("InventoryWindow", "관리자 승인"),
            prompt=translate("InventoryWindow", "재고조사 차이 반영: 관리자 승인"),
        )
        self.approved(
            request,
            lambda approval: counts.post(c.id, user_id=uid, register_id=till, approval=approval),
            posted,
        )


__all__ = ["CountsTab"]
