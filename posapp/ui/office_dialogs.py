"""The checkout's cash-office dialogs: 가격 확인 (a price check that takes scans for itself and
searches by name or 초성, showing price, unit price, stock and the expiry of the floor lots —
it never touches the ticket) and 입금/출금/중간 입금 (the kind, the amount — focused — and the
reason). The dialogs only collect input and show answers; the checkout calls the use cases
(posapp.usecases.price_check, posapp.usecases.cash_office) through the DB worker.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.money import format_krw
from posapp.ui.dialogs import BIG
from posapp.ui.i18n import QT_TRANSLATE_NOOP
from posapp.ui.keyboard import SearchBox, enter_stays
from posapp.ui.messages import explain
from posapp.ui.tasks import Task
from posapp.ui.units import stock_text, unit_price_text
from posapp.usecases.cash_office import CashKind
from posapp.usecases.checkout import ProductInfo
from posapp.usecases.price_check import PriceInfo

ERROR = "color: #b00020;"


def _looks_like_code(text: str) -> bool:
    """A barcode, scale label or PLU typed or scanned (digits only), not a name."""
    return text.isdigit()


class PriceCheckDialog(QDialog):
    """가격 확인: scan or type a code, or search by name / 초성 and pick; the answer is shown,
    nothing is sold. A scan while it is open is its own (:meth:`take_scan`)."""

    def __init__(
        self,
        look: Callable[[str], Task[PriceInfo]],
        search: Callable[[str], Task[list[ProductInfo]]],
        of: Callable[[ProductInfo], Task[PriceInfo]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._look, self._search, self._of = look, search, of
        self.shown: PriceInfo | None = None
        self.setWindowTitle(self.tr("가격 확인"))
        layout = QVBoxLayout(self)
        self.field = SearchBox()
        self.field.setStyleSheet("font-size: 16pt; min-height: 40px;")
        self.field.setMinimumHeight(40)  # a finger's, like the 닫기 under it
        self.field.setPlaceholderText(self.tr("바코드를 스캔하거나 상품명·초성을 입력하세요"))
        enter_stays(self.field)
        self.field.returnPressed.connect(self._enter)
        self.field.textChanged.connect(self._typed)
        layout.addWidget(self.field)
        self.results = QListWidget()
        self.results.setMaximumHeight(160)
        self.results.hide()
        self.results.itemActivated.connect(self._picked)
        self.field.results = self.results
        layout.addWidget(self.results)
        self.name = QLabel("")
        self.name.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.name.setWordWrap(True)
        layout.addWidget(self.name)
        self.price = QLabel("")
        self.price.setStyleSheet("font-size: 22pt;")
        layout.addWidget(self.price)
        self.stock = QLabel("")
        self.stock.setStyleSheet("font-size: 14pt;")
        layout.addWidget(self.stock)
        self.lots = QLabel("")
        self.lots.setStyleSheet("font-size: 13pt;")
        self.lots.setWordWrap(True)
        layout.addWidget(self.lots)
        self.message = QLabel("")
        self.message.setStyleSheet(ERROR)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.close_btn = buttons.addButton(
            self.tr("닫기 (Esc)"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.close_btn.setStyleSheet(BIG)
        self.close_btn.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 480)
        self.field.setFocus()

    # --- the scan target (posapp.ui.scan_targets) ----------------------------------------

    def take_scan(self, code: str) -> bool:
        """A scan while the price check is open: looked up here, never sold."""
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        self.results.hide()
        self.check(code)
        return True

    def check(self, code: str) -> None:
        code = code.strip()
        if not code:
            return
        self._look(code).success(self._show).failure(self._failed)

    def _typed(self, text: str) -> None:
        text = text.strip()
        if not text or _looks_like_code(text):
            self.results.hide()
            return
        self._search(text).success(self._fill).failure(self._failed)

    def _fill(self, found: list[ProductInfo]) -> None:
        self.results.clear()
        for p in found:
            item = QListWidgetItem(f"{p.name_ko}   {unit_price_text(p.unit.value, p.price)}")
            item.setData(Qt.ItemDataRole.UserRole, p)
            self.results.addItem(item)
        self.results.setVisible(bool(found))
        if found:
            self.results.setCurrentRow(0)
        else:
            self.message.setText(self.tr("찾는 상품이 없습니다."))

    def _enter(self) -> None:
        text = self.field.text().strip()
        if not text:
            return
        if _looks_like_code(text):
            self.field.clear()
            self.check(text)
            return
        item = self.results.currentItem()
        if item is not None and self.results.isVisible():
            self._picked(item)

    def _picked(self, item: QListWidgetItem) -> None:
        product: ProductInfo = item.data(Qt.ItemDataRole.UserRole)
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        self.results.hide()
        self.field.setFocus()
        self._of(product).success(self._show).failure(self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(explain(exc))

    def _show(self, info: PriceInfo) -> None:
        self.shown = info
        self.message.setText("")
        p = info.product
        unit = p.unit.value
        name = p.name_ko if p.active else self.tr("{name} (판매 중지)").format(name=p.name_ko)
        self.name.setText(name)
        if info.marked_down:
            self.price.setText(
                self.tr("{price} (할인, 정상가 {regular})").format(
                    price=unit_price_text(unit, info.price),
                    regular=unit_price_text(unit, p.price),
                )
            )
        else:
            self.price.setText(unit_price_text(unit, info.price))
        if info.on_hand is None:
            self.stock.setText(self.tr("재고: 오프라인이라 알 수 없습니다"))
        else:
            count = stock_text(unit, info.on_hand) + ("" if p.unit.is_weighed else self.tr("개"))
            self.stock.setText(self.tr("재고 {count}").format(count=count))
        self.lots.setText(self._lots_text(info))

    def _lots_text(self, info: PriceInfo) -> str:
        if not info.lots:
            return self.tr("유통기한: 진열된 로트 없음") if info.on_hand is not None else ""
        unit = info.product.unit
        rows = []
        for lot in info.lots:
            qty = stock_text(unit.value, lot.qty) + ("" if unit.is_weighed else self.tr("개"))
            if lot.expiry is None:
                rows.append(self.tr("유통기한 없음 · {qty}").format(qty=qty))
                continue
            days = (lot.expiry - info.today).days
            if days < 0:
                state = self.tr("{days}일 지남").format(days=-days)
            elif days == 0:
                state = self.tr("오늘까지")
            else:
                state = self.tr("{days}일 남음").format(days=days)
            rows.append(
                self.tr("유통기한 {date} ({state}) · {qty}").format(
                    date=lot.expiry.isoformat(), state=state, qty=qty
                )
            )
        return "\n".join(rows)


#: the kinds in the order of the dialog's buttons, with their words
CASH_KINDS = (
    (CashKind.PAID_IN, QT_TRANSLATE_NOOP("CashMoveDialog", "입금")),
    (CashKind.PAID_OUT, QT_TRANSLATE_NOOP("CashMoveDialog", "출금")),
    (CashKind.PICKUP, QT_TRANSLATE_NOOP("CashMoveDialog", "중간 입금")),
)

#: suggested reasons of each kind (the data keeps the Korean; another can be typed)
CASH_REASONS = {
    CashKind.PAID_IN: (QT_TRANSLATE_NOOP("CashMoveDialog", "거스름돈 보충"),),
    CashKind.PAID_OUT: (
        QT_TRANSLATE_NOOP("CashMoveDialog", "배달비 지급"),
        QT_TRANSLATE_NOOP("CashMoveDialog", "소모품 구입"),
    ),
    CashKind.PICKUP: (QT_TRANSLATE_NOOP("CashMoveDialog", "금고 입금"),),
}


def kind_word(kind: str) -> str:
    """입금, 출금 or 중간 입금 (translated)."""
    for k, word in CASH_KINDS:
        if k.value == kind:
            return QCoreApplication.translate("CashMoveDialog", word)
    return kind


class CashMoveDialog(QDialog):
    """입금 / 출금 / 중간 입금: which, how much (focused), why."""

    def __init__(self, kind: CashKind = CashKind.PICKUP, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("입금 · 출금"))
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.kinds = QButtonGroup(self)
        self.kind_buttons: dict[CashKind, QRadioButton] = {}
        for i, (k, word) in enumerate(CASH_KINDS):
            b = QRadioButton(self.tr(word))
            b.setStyleSheet("font-size: 14pt; min-height: 40px;")
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing goes to the amount
            self.kinds.addButton(b, i)
            self.kind_buttons[k] = b
            row.addWidget(b)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("금액 (원)")))
        self.amount = QLineEdit()
        self.amount.setStyleSheet("font-size: 20pt;")
        self.amount.setPlaceholderText(self.tr("금액을 입력하세요"))
        self.amount.returnPressed.connect(self._ok)
        layout.addWidget(self.amount)
        layout.addWidget(QLabel(self.tr("사유")))
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.setStyleSheet("font-size: 14pt;")
        layout.addWidget(self.reason)
        self.error = QLabel("")
        self.error.setStyleSheet(ERROR)
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.ok_btn: QPushButton = buttons.addButton(
            self.tr("확인"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_btn: QPushButton = buttons.addButton(
            self.tr("취소"), QDialogButtonBox.ButtonRole.RejectRole
        )
        for button in (self.ok_btn, self.cancel_btn):
            button.setStyleSheet(BIG)
        self.ok_btn.clicked.connect(self._ok)
        self.cancel_btn.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.kinds.idClicked.connect(self._kind_changed)
        self.kind_buttons[kind].setChecked(True)
        self._kind_changed(self.kinds.checkedId())
        self.amount.setFocus()

    def kind(self) -> CashKind:
        return CASH_KINDS[max(0, self.kinds.checkedId())][0]

    def _kind_changed(self, _: int) -> None:
        self.reason.clear()
        for text in CASH_REASONS[self.kind()]:
            self.reason.addItem(self.tr(text), text)
        self.reason.setCurrentIndex(0)
        self.amount.setFocus()

    def value(self) -> tuple[CashKind, int, str] | None:
        """(kind, amount, reason), or None with the reason said in the dialog."""
        text = self.amount.text().replace(",", "").replace("₩", "").strip()
        if not text.isdigit() or int(text) <= 0:
            self.error.setText(self.tr("금액은 1원 이상의 숫자로 입력하세요."))
            self.amount.setFocus()
            return None
        if int(text) > 100_000_000:
            self.error.setText(
                self.tr("금액이 너무 큽니다: {amount}").format(amount=format_krw(int(text)))
            )
            self.amount.setFocus()
            return None
        i = self.reason.currentIndex()
        typed = self.reason.currentText().strip()
        reason = (
            str(self.reason.itemData(i)) if i >= 0 and typed == self.reason.itemText(i) else typed
        )
        if not reason:
            self.error.setText(self.tr("사유를 입력하세요."))
            self.reason.setFocus()
            return None
        return self.kind(), int(text), reason

    def _ok(self) -> None:
        if self.value() is not None:
            self.accept()
