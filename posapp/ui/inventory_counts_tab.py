"""재고조사 tab of the inventory window: start a count (or resume the open one when the window
opens), count by scanning (one unit a scan) or by typing what is on the shelf into a 실사 cell —
saved as it is typed, its 차이 following each key — see what was counted against the books at
the start and what sold meanwhile, and post the differences after a review of every one of them
with its value (posapp.ui.inventory_count_review) — a manager's PIN in place when the user's role
may not adjust stock.

The scanner reaches the count through :meth:`CountsTab.count_scanned` (via the window's scan target
while this tab is in front). Qt only: every step is an inventory use case
(posapp.usecases.inventory_counts).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QCloseEvent, QColor, QIntValidator
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.money import format_amount
from posapp.ui.inventory_base import InventoryBase
from posapp.ui.inventory_count_review import CountReviewDialog
from posapp.ui.operations import Op
from posapp.usecases.inventory_counts import CountInfo, CountLine, CountReview, PostedCount

translate = QCoreApplication.translate
NAME, AT_START, SINCE, COUNTED, VARIANCE, VALUE, BARCODE = range(7)
RED = QColor("#b00020")
BLACK = QColor("#000000")


class _CountEditor(QStyledItemDelegate):
    """The 실사 cell's editor: digits only, and every key shows the 차이 it would give."""

    def __init__(self, tab: CountsTab) -> None:
        super().__init__(tab.count_table)
        self._tab = tab
        self.editor: QLineEdit | None = None
        self.closeEditor.connect(self._closed)

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setValidator(QIntValidator(0, 999_999_999, editor))
        row = index.row()
        editor.textEdited.connect(lambda text: self._tab.preview_count(row, text))
        self.editor = editor
        return editor

    def _closed(self, editor: QWidget) -> None:
        if editor is self.editor:
            self.editor = None

    def commit_open_editor(self) -> None:
        """Save what is in an open editor (the window closing, 차이 반영 pressed)."""
        if self.editor is not None:
            self.commitData.emit(self.editor)
            self.closeEditor.emit(self.editor)


class CountsTab(InventoryBase):
    """The 재고조사 page."""

    def _count_tab(self) -> None:
        w = QWidget()
        v = QVBoxLayout(w)
        top = QHBoxLayout()
        self.count_state = QLabel()
        start = QPushButton(translate("InventoryWindow", "재고조사 시작"))
        start.clicked.connect(self.start_count)
        self.count_post = QPushButton(translate("InventoryWindow", "차이 반영"))
        self.count_post.clicked.connect(self.post_count)
        self.count_scan = QLineEdit()
        self.count_scan.setPlaceholderText(translate("InventoryWindow", "스캔하면 1개씩 셉니다"))
        self.count_scan.returnPressed.connect(self.scan_count)
        for x in (self.count_state, start, self.count_scan, self.count_post):
            top.addWidget(x)
        v.addLayout(top)
        self.count_table = QTableWidget(0, 7)
        self.count_table.setHorizontalHeaderLabels(
            [
                translate("InventoryWindow", "상품명"),
                translate("InventoryWindow", "시작 시 전산"),
                translate("InventoryWindow", "조사 중 판매 등"),
                translate("InventoryWindow", "실사"),
                translate("InventoryWindow", "차이"),
                translate("InventoryWindow", "차이 금액"),
                translate("InventoryWindow", "바코드"),
            ]
        )
        self.count_table.setColumnWidth(NAME, 280)
        self.count_table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.count_editor = _CountEditor(self)
        self.count_table.setItemDelegateForColumn(COUNTED, self.count_editor)
        self.count_table.itemChanged.connect(self._count_typed)
        v.addWidget(self.count_table, 1)
        self.count_hint = QLabel(
            translate(
                "InventoryWindow",
                "실사 칸에 센 수량을 입력하고 Enter (무게 상품은 g). 입력하는 대로 저장됩니다.",
            )
        )
        v.addWidget(self.count_hint)
        self.tabs.addTab(w, translate("InventoryWindow", "재고조사"))
        self.current_count = None
        self.count_review: CountReviewDialog | None = None
        self._count_rows: list[CountLine] = []
        self._count_row_of: dict[int, int] = {}
        self._count_filling = False
        self._count_refresh()

    def _open_count(self, c: CountInfo | None) -> None:
        self.current_count = c
        if c is not None:
            self.say(
                translate(
                    "InventoryWindow", "진행 중인 재고조사 {id}을(를) 이어서 합니다: {n}개 센 상품"
                ).format(id=c.id, n=c.counted)
            )
        self._count_refresh()

    def _count_refresh(self) -> None:
        c = self.current_count
        self.count_post.setEnabled(c is not None)
        if c is None:
            self.count_state.setText(translate("InventoryWindow", "진행 중인 조사 없음"))
            self._count_lines(())
            return
        self.count_state.setText(translate("InventoryWindow", "조사 {id} 진행 중").format(id=c.id))
        self._do(lambda: self.inventory.counts.lines(c.id), self._count_lines)

    def _count_lines(self, lines: tuple[CountLine, ...]) -> None:
        self._count_rows = list(lines)
        self._count_row_of = {ln.product_id: i for i, ln in enumerate(lines)}
        self._count_filling = True
        try:
            self.count_table.setRowCount(len(lines))
            for i, ln in enumerate(lines):
                self._fill_count_row(i, ln)
        finally:
            self._count_filling = False

    def _fill_count_row(self, row: int, ln: CountLine) -> None:
        weighed = ln.unit != "ea"
        name = ln.name + (" (g)" if weighed else "")
        cells = (
            name,
            f"{ln.expected_at_start:,}",
            f"{ln.since_start:+,}",
            "" if ln.counted is None else f"{ln.counted:,}",
            "" if ln.variance is None else f"{ln.variance:+,}",
            "" if ln.variance is None else format_amount(ln.variance_value),
            ln.barcode or "",
        )
        was = self._count_filling
        self._count_filling = True
        try:
            for col, text in enumerate(cells):
                # the cell's item is updated in place: this runs inside the table's own
                # itemChanged, where replacing the item being committed would free it
                item = self.count_table.item(row, col)
                if item is None:
                    item = QTableWidgetItem()
                    if col != COUNTED:
                        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    if col in (AT_START, SINCE, COUNTED, VARIANCE, VALUE):
                        item.setTextAlignment(
                            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                        )
                    self.count_table.setItem(row, col, item)
                item.setText(text)
                if col in (VARIANCE, VALUE):
                    item.setForeground(RED if ln.variance else BLACK)
        finally:
            self._count_filling = was

    def preview_count(self, row: int, text: str) -> None:
        """The 차이 the typed (not yet saved) number would give, as each key is typed."""
        if not 0 <= row < len(self._count_rows):
            return
        ln = self._count_rows[row]
        digits = text.replace(",", "").strip()
        cell = self.count_table.item(row, VARIANCE)
        if cell is None:
            return
        if not digits.isdigit():
            cell.setText("")
            return
        variance = int(digits) - ln.expected
        cell.setText(f"{variance:+,}")
        cell.setForeground(RED if variance else BLACK)

    def _count_typed(self, item: QTableWidgetItem) -> None:
        """A 실사 cell committed (Enter, Tab, a click elsewhere): saved at once."""
        if self._count_filling or item.column() != COUNTED:
            return
        row, c = item.row(), self.current_count
        if c is None or not 0 <= row < len(self._count_rows):
            return
        ln = self._count_rows[row]
        text = item.text().replace(",", "").strip()
        if text == "":
            self._fill_count_row(row, ln)  # nothing typed: the line stays as it was
            return
        if not text.isdigit():
            self._fill_count_row(row, ln)
            self.say(translate("InventoryWindow", "실사 수량은 0 이상의 정수입니다."), error=True)
            return
        qty, pid = int(text), ln.product_id

        def saved(new: CountLine) -> None:
            self._set_count_line(new)
            self.say(
                translate("InventoryWindow", "저장했습니다: {name} 실사 {qty}, 차이 {var}").format(
                    name=new.name, qty=f"{qty:,}", var=f"{new.variance or 0:+,}"
                )
            )

        def failed(exc: BaseException) -> None:
            self._fill_count_row(row, ln)  # the saved number back, the reason in words
            self.fail(exc)

        Op(self, self.runner, lambda: self.inventory.counts.set_count(c.id, pid, qty)).success(
            saved
        ).failure(failed).run()

    def _set_count_line(self, ln: CountLine) -> None:
        row = self._count_row_of.get(ln.product_id)
        if row is None:  # a product outside the count's scope, counted now: a new line
            row = len(self._count_rows)
            self._count_rows.append(ln)
            self._count_row_of[ln.product_id] = row
            self.count_table.setRowCount(row + 1)
        else:
            self._count_rows[row] = ln
        self._fill_count_row(row, ln)

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
        self.count_scanned(code)

    def count_scanned(self, code: str) -> bool:
        """A scanned code counted as one more piece of its product; False when no count is
        open, so the scan can be refused with a word. (Not ``take_scan``: that is the whole
        window's scan target, which hands a scan to the tab in front — here through the
        count's scan box, :meth:`scan_count`.)"""
        c = self.current_count
        code = code.strip()
        if not code:
            return True
        if c is None:
            self.say(
                translate("InventoryWindow", "진행 중인 재고조사가 없습니다. 먼저 시작하세요."),
                error=True,
            )
            return False

        def counted(ln: CountLine) -> None:
            self._set_count_line(ln)
            row = self._count_row_of[ln.product_id]
            item = self.count_table.item(row, NAME)
            if item is not None:
                self.count_table.scrollToItem(item)
            self.count_table.selectRow(row)
            self.say(
                translate("InventoryWindow", "{name}: 실사 {qty}").format(
                    name=ln.name, qty=f"{ln.counted or 0:,}"
                )
            )

        self._do(lambda: self.inventory.counts.scan(c.id, code), counted)
        return True

    def post_count(self) -> None:
        """Show every difference with its value; posting happens only when it is confirmed."""
        c = self.current_count
        if c is None:
            return
        self.count_editor.commit_open_editor()
        self._do(lambda: self.inventory.counts.review(c.id), self._show_review)

    def _show_review(self, review: CountReview) -> None:
        d = CountReviewDialog(review, self)
        self.count_review = d
        d.accepted.connect(lambda: self._post_reviewed(review))
        d.open()

    def _post_reviewed(self, review: CountReview) -> None:
        c = review.count
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

        def failed(exc: BaseException) -> None:
            self.fail(exc)
            self._count_refresh()  # show the count as it is now

        request = counts.post_request(
            c.id,
            title=translate("InventoryWindow", "관리자 승인"),
            prompt=translate("InventoryWindow", "재고조사 차이 반영: 관리자 승인"),
        )
        self.approved(
            request,
            lambda approval: counts.post(
                c.id, user_id=uid, register_id=till, approval=approval, reviewed=review
            ),
            posted,
            failed,
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        """A number still in an open 실사 editor is saved before the window goes."""
        self.count_editor.commit_open_editor()
        super().closeEvent(event)


__all__ = ["CountsTab"]
