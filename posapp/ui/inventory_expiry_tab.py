"""유통기한 tab of the inventory window: the lots past their date (dark red, "N일 지남") and those
that expire within seven days (soonest first, three days or less in light red), the markdown of a
chosen lot, whose markdown shelf label is saved and opened, and 폐기 — the chosen lots, or every
lot past its date, written off in one action with a reason (a manager's PIN in place).

Qt only: the lots and the markdown are inventory use cases (posapp.usecases.inventory_stock).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.money import format_amount
from posapp.ui.inventory_base import InventoryBase
from posapp.ui.inventory_edit import LOCATION_NAMES, FormDialog, MarkdownDialog, button_row
from posapp.ui.messages import explain
from posapp.usecases.inventory_labels import LabelSheet
from posapp.usecases.inventory_products import ProductDetail
from posapp.usecases.inventory_stock import LotInfo, Markdown, StockChange

translate = QCoreApplication.translate
EXPIRING_DAYS = 7
EXPIRED = QColor("#e57373")  # past its date
EXPIRED_TEXT = QColor("#ffffff")
SOON = QColor("#fde2e1")  # three days or less


def days_text(days_left: int | None) -> str:
    """남은 일수 in words: "3", "오늘까지", "5일 지남"."""
    if days_left is None:
        return ""
    if days_left < 0:
        return translate("InventoryWindow", "{n}일 지남").format(n=-days_left)
    if days_left == 0:
        return translate("InventoryWindow", "오늘까지")
    return str(days_left)


class WriteOffDialog(FormDialog):
    """폐기 of whole lots: which (named), how many units in all, the reason and a note."""

    REASONS = (
        ("spoiled", QT_TRANSLATE_NOOP("WriteOffDialog", "변질·유통기한 경과")),
        ("damaged", QT_TRANSLATE_NOOP("WriteOffDialog", "파손")),
        ("theft", QT_TRANSLATE_NOOP("WriteOffDialog", "도난·분실")),
    )

    def __init__(self, lots: list[LotInfo], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("로트 폐기"), parent)
        self.chosen = lots
        names = ", ".join(f"{ln.product_name} ({ln.lot_code or ln.id})" for ln in lots[:5])
        more = len(lots) - 5
        if more > 0:
            names += self.tr(" 외 {n}개").format(n=more)
        self.summary = QLabel(
            self.tr("{n}개 로트, 모두 {qty}개를 폐기합니다: {names}").format(
                n=len(lots), qty=f"{self.total:,}", names=names
            )
        )
        self.summary.setWordWrap(True)
        self.form.addRow(self.summary)
        self.reason = QComboBox()
        for code, ko in self.REASONS:
            self.reason.addItem(self.tr(str(ko)), code)
        self.note = QLineEdit()
        self.form.addRow(self.tr("사유"), self.reason)
        self.form.addRow(self.tr("메모"), self.note)
        self.finish_layout()

    @property
    def total(self) -> int:
        return sum(ln.qty_on_hand for ln in self.chosen)


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
        self.lots.setSelectionMode(QTableWidget.SelectionMode.ExtendedSelection)
        self.lot_rows: list[LotInfo] = []
        v.addWidget(self.lots)
        v.addLayout(
            button_row(
                (translate("InventoryWindow", "마감 할인"), self.markdown_selected),
                (translate("InventoryWindow", "폐기"), self.write_off_lots),
            )
        )
        self.tabs.addTab(w, translate("InventoryWindow", "유통기한"))

    def refresh_lots(self) -> None:
        self._do(lambda: self.inventory.stock.expiring_lots(EXPIRING_DAYS), self._lots)

    def _lots(self, lots: tuple[LotInfo, ...]) -> None:
        self.lot_rows = list(lots)
        self.lots.setRowCount(len(lots))
        for i, ln in enumerate(lots):
            expired = ln.days_left is not None and ln.days_left < 0
            cells = (
                ln.product_name,
                ln.lot_code,
                ln.expiry_date.isoformat() if ln.expiry_date else "",
                days_text(ln.days_left),
                f"{ln.qty_on_hand:,}",
                format_amount(ln.markdown_price) if ln.markdown_price else "",
                QCoreApplication.translate("inventory", LOCATION_NAMES.get(ln.location, "")),
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if expired:  # past its date: never sold as if it were fresh
                    item.setBackground(EXPIRED)
                    item.setForeground(EXPIRED_TEXT)
                elif ln.days_left is not None and ln.days_left <= 3:
                    item.setBackground(SOON)
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

    def write_off_lots(self) -> None:
        """폐기 of the chosen lots — none chosen: every lot past its date — in one action."""
        chosen = sorted({i.row() for i in self.lots.selectionModel().selectedRows()})
        lots = [self.lot_rows[r] for r in chosen] or [
            ln for ln in self.lot_rows if ln.days_left is not None and ln.days_left < 0
        ]
        if not lots:
            self.say(translate("InventoryWindow", "폐기할 로트가 없습니다."), error=True)
            return
        d = WriteOffDialog(lots, self)
        self.write_off_dialog = d
        stock, uid, till = self.inventory.stock, self.user_id, self.register_id
        ids = [ln.id for ln in lots]

        def save() -> None:
            reason, note = str(d.reason.currentData()), d.note.text().strip()
            request = stock.write_off_request(
                d.total,
                title=translate("InventoryWindow", "관리자 승인"),
                prompt=translate("InventoryWindow", "재고 조정: 관리자 승인"),
            )

            def done(changes: tuple[StockChange, ...]) -> None:
                d.accept()
                self.say(
                    translate("InventoryWindow", "폐기했습니다: {n}개 로트, {qty}개").format(
                        n=len(changes), qty=f"{d.total:,}"
                    )
                )
                self.refresh_lots()
                self.apply_filter()

            self.approved(
                request,
                lambda approval: stock.write_off_lots(
                    ids, reason, user_id=uid, register_id=till, note=note, approval=approval
                ),
                done,
                lambda exc: d.fail(explain(exc)),
            )

        d.submitted.connect(save)
        d.open()


__all__ = ["ExpiryTab", "WriteOffDialog"]
