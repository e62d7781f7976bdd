"""발주 (purchase orders) tab of the inventory window: the orders by status, a draft's lines
(suggested quantities from reorder points and recent sales, products added by scanning,
quantities and costs typed), sending (status → sent and the Korean 발주서 PDF saved and opened),
receiving against an order (hands the remaining lines to the 입고 tab) and closing.

Qt only: the purchase-order use cases (posapp.usecases.inventory_orders) run through
:class:`~posapp.ui.operations.Op`; the PDF is drawn and saved on the I/O pool (``IoOp``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.money import format_amount
from posapp.errors import PosError
from posapp.ui.error_codes import UiErrorCode
from posapp.ui.i18n import QT_TRANSLATE_NOOP
from posapp.ui.inventory_edit import button_row, local_time, parse_won
from posapp.ui.operations import IoOp
from posapp.ui.tables import cell
from posapp.usecases.inventory_orders import (
    RECEIVABLE,
    OrderLine,
    OrderList,
    POInfo,
    POStatus,
    POSummary,
)
from posapp.usecases.inventory_products import ProductInfo

if TYPE_CHECKING:
    from posapp.ui.inventory_window import InventoryWindow

STATUS_NAMES = {
    POStatus.DRAFT: QT_TRANSLATE_NOOP("inventory", "작성 중"),
    POStatus.SENT: QT_TRANSLATE_NOOP("inventory", "발송"),
    POStatus.PARTIAL: QT_TRANSLATE_NOOP("inventory", "일부 입고"),
    POStatus.RECEIVED: QT_TRANSLATE_NOOP("inventory", "입고 완료"),
    POStatus.CLOSED: QT_TRANSLATE_NOOP("inventory", "마감"),
}


def status_name(status: str) -> str:
    return QCoreApplication.translate("inventory", STATUS_NAMES.get(status, status))


def _item(text: str, *, editable: bool = False, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if not editable:
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class PurchaseOrdersTab(QWidget):
    """``owner`` is the inventory window (use cases, runner, user, status line, receiving tab,
    where documents are saved and how they are opened)."""

    def __init__(self, owner: InventoryWindow) -> None:
        super().__init__()
        self.owner = owner
        self.orders: list[POSummary] = []
        self.po: POInfo | None = None
        self.line_ids: list[int] = []  # product ids of the rows of ``lines``
        self.pdf_path: Path | None = None
        v = QVBoxLayout(self)
        top = QHBoxLayout()
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("모든 발주"), None)
        for code in STATUS_NAMES:
            self.status_filter.addItem(status_name(code), code)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.supplier = QComboBox()
        self.supplier.setMinimumWidth(240)
        top.addWidget(QLabel(self.tr("상태")))
        top.addWidget(self.status_filter)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("공급자")))
        top.addWidget(self.supplier)
        top.addLayout(button_row((self.tr("새 발주 (추천 수량)"), self.new_order)))
        v.addLayout(top)
        split = QSplitter()
        self.list = QTableWidget(0, 5)
        self.list.setHorizontalHeaderLabels(
            [
                self.tr("발주 번호"),
                self.tr("공급자"),
                self.tr("상태"),
                self.tr("작성일"),
                self.tr("품목"),
            ]
        )
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.verticalHeader().hide()
        for c, width in enumerate((170, 140, 70, 140, 45)):
            self.list.setColumnWidth(c, width)
        self.list.itemSelectionChanged.connect(self._picked)
        split.addWidget(self.list)
        right = QWidget()
        rv = QVBoxLayout(right)
        self.header = QLabel(self.tr("발주서를 고르세요."))
        self.header.setWordWrap(True)
        rv.addWidget(self.header)
        self.scan = QLineEdit()
        self.scan.setPlaceholderText(self.tr("작성 중인 발주에 상품 추가: 바코드 스캔"))
        self.scan.returnPressed.connect(self.scan_add)
        rv.addWidget(self.scan)
        self.lines = QTableWidget(0, 6)
        self.lines.setHorizontalHeaderLabels(
            [
                self.tr("상품명"),
                self.tr("바코드"),
                self.tr("발주 수량"),
                self.tr("입고"),
                self.tr("단가"),
                self.tr("금액"),
            ]
        )
        for c, width in enumerate((230, 120, 70, 50, 70, 80)):
            self.lines.setColumnWidth(c, width)
        self.lines.verticalHeader().hide()
        rv.addWidget(self.lines, 1)
        rv.addLayout(
            button_row(
                (self.tr("저장"), self.save_lines),
                (self.tr("발송 (발주서 PDF)"), self.send),
                (self.tr("이 발주로 입고"), self.receive),
                (self.tr("입고분 라벨"), self.print_labels),
                (self.tr("마감"), self.close_order),
            )
        )
        split.addWidget(right)
        split.setSizes([590, 670])
        v.addWidget(split, 1)

    # --- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        status = self.status_filter.currentData()
        self.owner._do(lambda: self.owner.inventory.orders.order_list(status), self._show)

    def _show(self, found: OrderList) -> None:
        orders, suppliers = list(found.orders), found.suppliers
        keep = self.supplier.currentData()
        self.supplier.clear()
        for s in suppliers:
            self.supplier.addItem(s.name, s.id)
        self.supplier.setCurrentIndex(max(0, self.supplier.findData(keep)))
        self.orders = orders
        self.list.blockSignals(True)
        self.list.setRowCount(len(orders))
        for i, o in enumerate(orders):
            cells = (o.number, o.supplier_name, status_name(o.status), local_time(o.created_at))
            for c, text in enumerate(cells):
                self.list.setItem(i, c, _item(text))
            self.list.setItem(i, 4, _item(str(o.lines), right=True))
        self.list.blockSignals(False)
        if self.po is not None:
            self.select(self.po.id)

    def select(self, po_id: int) -> None:
        """Show order ``po_id`` (selects its row when it is in the list)."""
        row = next((i for i, o in enumerate(self.orders) if o.id == po_id), None)
        if row is not None:
            self.list.blockSignals(True)
            self.list.selectRow(row)
            self.list.blockSignals(False)
        self.owner._do(lambda: self.owner.inventory.orders.order(po_id), self._show_po)

    def _picked(self) -> None:
        rows = self.list.selectionModel().selectedRows()
        if rows:
            self.select(self.orders[rows[0].row()].id)

    def _show_po(self, po: POInfo) -> None:
        self.po = po
        draft = po.status == POStatus.DRAFT
        self.header.setText(
            self.tr("<b>{number}</b> · {supplier} · {status} · 합계 {total}원").format(
                number=po.number,
                supplier=po.supplier_name,
                status=status_name(po.status),
                total=format_amount(po.total),
            )
        )
        self.scan.setEnabled(draft)
        self.lines.setRowCount(0)
        self.line_ids = []
        for ln in po.lines:
            self._add_row(ln.product_id, ln.name, ln.barcode, ln.qty_ordered, ln.unit_cost)
            cell(self.lines, self.lines.rowCount() - 1, 3).setText(f"{ln.qty_received:,}")

    def _add_row(
        self, pid: int, name: str, barcode: str | None, qty: int, cost: int | None
    ) -> None:
        draft = self.po is not None and self.po.status == POStatus.DRAFT
        row = self.lines.rowCount()
        self.lines.insertRow(row)
        self.line_ids.append(pid)
        for c, item in enumerate(
            (
                _item(name),
                _item(barcode or ""),
                _item(str(qty), editable=draft, right=True),
                _item("0", right=True),
                _item(format_amount(cost) if cost is not None else "", editable=draft, right=True),
                _item(format_amount(qty * (cost or 0)), right=True),
            )
        ):
            self.lines.setItem(row, c, item)

    # --- a draft ----------------------------------------------------------------------------

    def new_order(self) -> None:
        """A draft for the chosen supplier, filled with the suggested quantities."""
        supplier_id = self.supplier.currentData()
        if supplier_id is None:
            self.owner.say(self.tr("공급자를 고르세요."), error=True)
            return
        uid, orders = self.owner.user_id, self.owner.inventory.orders

        def created(po: POInfo) -> None:
            self.po = po
            self.owner.say(
                self.tr("발주서 {number}를 만들었습니다: 추천 {n}개 품목").format(
                    number=po.number, n=len(po.lines)
                )
            )
            self.status_filter.setCurrentIndex(0)
            self.refresh()

        self.owner._do(lambda: orders.new_suggested(supplier_id, user_id=uid), created)

    def scan_add(self) -> None:
        code = self.scan.text().strip()
        self.scan.clear()
        if not code or self.po is None or self.po.status != POStatus.DRAFT:
            return

        def found(info: ProductInfo | None) -> None:
            if info is None:
                self.owner.say(self.tr("없는 바코드: {c}").format(c=code), error=True)
            elif info.id in self.line_ids:
                item = cell(self.lines, self.line_ids.index(info.id), 2)
                item.setText(str(int(item.text() or 0) + 1))
            else:
                self._add_row(info.id, info.name_ko, info.barcode, 1, None)

        self.owner._do(lambda: self.owner.inventory.products.by_barcode(code), found)

    def order_lines(self) -> list[OrderLine]:
        """The draft's lines as typed (a quantity or cost that is not a number raises)."""
        out = []
        for row, pid in enumerate(self.line_ids):
            qty_text = cell(self.lines, row, 2).text().replace(",", "").strip()
            cost_text = cell(self.lines, row, 4).text().strip()
            if not qty_text.lstrip("-").isdigit():
                raise PosError(
                    f"row {row + 1}: the quantity is not a whole number",
                    code=UiErrorCode.PO_LINE,
                    row=row + 1,
                )
            cost = (
                parse_won(cost_text, QT_TRANSLATE_NOOP("inventory", "단가")) if cost_text else None
            )
            out.append(OrderLine(pid, int(qty_text), cost))
        return out

    def save_lines(self, then: Any = None) -> None:
        po = self.po
        if po is None or po.status != POStatus.DRAFT:
            self.owner.say(self.tr("작성 중인 발주서만 고칠 수 있습니다."), error=True)
            return
        try:
            lines = self.order_lines()
        except PosError as exc:
            self.owner.fail(exc)
            return

        def saved(info: POInfo) -> None:
            self._show_po(info)
            if then is not None:
                then(info)
            else:
                self.owner.say(self.tr("저장했습니다: {name}").format(name=info.number))

        orders = self.owner.inventory.orders
        self.owner._do(lambda: orders.set_lines(po.id, lines), saved)

    # --- sending, receiving, closing ----------------------------------------------------------

    def send(self) -> None:
        """Save the draft, mark it sent, and save + open its 발주서 PDF."""
        po = self.po
        if po is None or po.status != POStatus.DRAFT:
            self.owner.say(self.tr("작성 중인 발주서만 발송할 수 있습니다."), error=True)
            return

        orders = self.owner.inventory.orders

        def sent(info: POInfo) -> None:
            folder: Path = self.owner.documents_dir

            def written(path: Path) -> None:
                self.pdf_path = path
                self.owner.say(self.tr("발송했습니다: {path}").format(path=str(path)))
                self.owner.open_file(path)

            IoOp(self, self.owner.runner, lambda: orders.save_order_pdf(info, folder)).success(
                written
            ).failure(self.owner.fail).run()
            self.refresh()
            self.owner.refresh_open_pos()

        self.save_lines(then=lambda _info: self.owner._do(lambda: orders.send(po.id), sent))

    def receive(self) -> None:
        po = self.po
        if po is None or po.status not in RECEIVABLE:
            self.owner.say(self.tr("발송된 발주서만 입고할 수 있습니다."), error=True)
            return
        self.owner.receive_against(po)

    def print_labels(self) -> None:
        if self.po is not None:
            self.owner.print_labels(po_id=self.po.id)

    def close_order(self) -> None:
        po = self.po
        if po is None:
            return

        def closed(info: POInfo) -> None:
            self._show_po(info)
            self.refresh()
            self.owner.refresh_open_pos()

        orders = self.owner.inventory.orders
        self.owner._do(lambda: orders.close(po.id), closed)
