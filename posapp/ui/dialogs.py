"""The checkout's dialogs: PIN pad, drawer count, tender, discount, held tickets, refund, text.

Large touch-friendly buttons, keyboard first (digits, Enter, Esc), Korean labels (translatable:
``self.tr``, see posapp.ui.i18n). Dialogs only collect input; the checkout window calls the
services with it. Titles and prompts passed in are translated by the caller.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.cart import Discount
from posapp.domain.errors import DomainError
from posapp.domain.money import format_krw
from posapp.sales.holds import HeldInfo
from posapp.sales.refunds import SaleSummary
from posapp.sales.shifts import DENOMINATIONS
from posapp.sales.tenders import (
    CashReceiptRequest,
    Method,
    ReceiptPurpose,
    Tender,
    VoucherKind,
    check_masked_card,
)
from posapp.ui.messages import explain
from posapp.ui.tasks import Task

BIG = "font-size: 16pt; min-height: 48px;"


def _big(button: QPushButton) -> QPushButton:
    button.setStyleSheet(BIG)
    button.setMinimumWidth(72)
    return button


class PinDialog(QDialog):
    """A PIN pad: sign-in, or a manager's approval in place."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.prompt = QLabel(prompt)
        self.prompt.setStyleSheet("font-size: 14pt;")
        layout.addWidget(self.prompt)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(6)
        self.pin.setStyleSheet("font-size: 22pt;")
        self.pin.returnPressed.connect(self.accept)
        layout.addWidget(self.pin)
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error)
        grid = QGridLayout()
        words = {"clear": self.tr("지움"), "ok": self.tr("확인")}
        for i, key in enumerate([*"123456789", "clear", "0", "ok"]):
            b = _big(QPushButton(words.get(key, key)))
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            if key == "clear":
                b.clicked.connect(self.pin.clear)
            elif key == "ok":
                b.clicked.connect(self.accept)
            else:
                b.clicked.connect(lambda _=False, d=key: self.pin.insert(d))
            grid.addWidget(b, i // 3, i % 3)
        layout.addLayout(grid)
        self.pin.setFocus()

    def value(self) -> str:
        return self.pin.text()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.pin.clear()


class CountDialog(QDialog):
    """Count the drawer by denomination: 50,000 … 1,000 won notes, 500 … 10 won coins."""

    def __init__(
        self, title: str, expected: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        self.spins: dict[int, QSpinBox] = {}
        for row, d in enumerate(DENOMINATIONS):
            kind = self.tr("{amount}원 지폐") if d >= 1000 else self.tr("{amount}원 동전")
            grid.addWidget(QLabel(kind.format(amount=f"{d:,}")), row, 0)
            spin = QSpinBox()
            spin.setRange(0, 9999)
            spin.setStyleSheet("font-size: 14pt;")
            spin.valueChanged.connect(self._update)
            self.spins[d] = spin
            grid.addWidget(spin, row, 1)
        layout.addLayout(grid)
        self.total = QLabel()
        self.total.setStyleSheet("font-size: 18pt; font-weight: bold;")
        layout.addWidget(self.total)
        self.expected = expected
        self.diff = QLabel()
        layout.addWidget(self.diff)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update()

    def counts(self) -> dict[int, int]:
        return {d: s.value() for d, s in self.spins.items() if s.value()}

    def counted(self) -> int:
        return sum(d * n for d, n in self.counts().items())

    def _update(self) -> None:
        self.total.setText(self.tr("합계 {total}").format(total=format_krw(self.counted())))
        if self.expected is not None:
            over = self.counted() - self.expected
            if over > 0:
                text = self.tr("예상 {expected} · 과잉 {difference}")
            elif over < 0:
                text = self.tr("예상 {expected} · 부족 {difference}")
            else:
                text = self.tr("예상 {expected} · 일치 {difference}")
            self.diff.setText(
                text.format(expected=format_krw(self.expected), difference=format_krw(over))
            )


class TenderDialog(QDialog):
    """Take payment: cash with quick amounts and change, card (terminal or by hand), vouchers,
    split tenders, and a cash receipt on request (prompted from the configured amount)."""

    def __init__(
        self,
        total: int,
        *,
        card_approve: Callable[[int], Task[Tender]] | None,
        cash_receipt_prompt_from: int = 100_000,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("결제"))
        self.total = total
        self.tenders: list[Tender] = []
        self._card_approve = card_approve
        self.cash_receipt: CashReceiptRequest | None = None
        layout = QVBoxLayout(self)
        self.due_label = QLabel()
        self.due_label.setStyleSheet("font-size: 24pt; font-weight: bold;")
        layout.addWidget(self.due_label)
        self.paid_list = QListWidget()
        layout.addWidget(self.paid_list)
        amount_row = QHBoxLayout()
        amount_row.addWidget(QLabel(self.tr("금액")))
        self.amount = QLineEdit()
        self.amount.setStyleSheet("font-size: 18pt;")
        self.amount.setPlaceholderText(self.tr("받은 금액 (비우면 남은 금액)"))
        amount_row.addWidget(self.amount)
        layout.addLayout(amount_row)
        quick = QHBoxLayout()
        for value in (1_000, 5_000, 10_000, 50_000):
            b = _big(QPushButton(f"+{value:,}"))
            b.clicked.connect(lambda _=False, v=value: self._add_amount(v))
            quick.addWidget(b)
        exact = _big(QPushButton(self.tr("딱 맞게")))
        exact.clicked.connect(lambda: self.amount.setText(str(self.remaining())))
        quick.addWidget(exact)
        layout.addLayout(quick)
        methods = QHBoxLayout()
        self.cash_btn = _big(QPushButton(self.tr("현금 (F10)")))
        self.cash_btn.setShortcut("F10")
        self.cash_btn.clicked.connect(self.pay_cash)
        self.card_btn = _big(QPushButton(self.tr("카드 (F11)")))
        self.card_btn.setShortcut("F11")
        self.card_btn.clicked.connect(self.pay_card)
        self.manual_btn = _big(QPushButton(self.tr("카드 수기")))
        self.manual_btn.clicked.connect(self.pay_card_manual)
        self.onnuri_btn = _big(QPushButton(self.tr("온누리")))
        self.onnuri_btn.clicked.connect(lambda: self.pay_voucher(VoucherKind.ONNURI))
        self.local_btn = _big(QPushButton(self.tr("지역사랑")))
        self.local_btn.clicked.connect(lambda: self.pay_voucher(VoucherKind.LOCAL))
        for b in (self.cash_btn, self.card_btn, self.manual_btn, self.onnuri_btn, self.local_btn):
            methods.addWidget(b)
        layout.addLayout(methods)
        receipt_row = QHBoxLayout()
        self.receipt_id = QLineEdit()
        self.receipt_id.setPlaceholderText(
            self.tr("현금영수증: 휴대폰 / 사업자번호 (비우면 자진발급)")
        )
        self.receipt_btn = QPushButton(self.tr("현금영수증"))
        self.receipt_btn.setCheckable(True)
        self.proof = QRadioButton(self.tr("지출증빙"))
        receipt_row.addWidget(self.receipt_btn)
        receipt_row.addWidget(self.receipt_id)
        receipt_row.addWidget(self.proof)
        layout.addLayout(receipt_row)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("font-size: 13pt; color: #b00020;")
        layout.addWidget(self.message)
        self.change_label = QLabel("")
        self.change_label.setStyleSheet("font-size: 28pt; font-weight: bold; color: #0b5;")
        layout.addWidget(self.change_label)
        self.prompt_from = cash_receipt_prompt_from
        if total >= cash_receipt_prompt_from:
            self.message.setStyleSheet("font-size: 13pt; color: #05a;")
            self.message.setText(
                self.tr("{amount} 이상 결제: 현금으로 받으면 현금영수증을 안내하세요.").format(
                    amount=format_krw(cash_receipt_prompt_from)
                )
            )
        self._refresh()
        self.amount.setFocus()

    def paid(self) -> int:
        return sum(t.amount for t in self.tenders)

    def remaining(self) -> int:
        return max(0, self.total - self.paid())

    def _add_amount(self, value: int) -> None:
        current = int(self.amount.text() or 0) if self.amount.text().isdigit() else 0
        self.amount.setText(str(current + value))

    def _amount(self) -> int | None:
        text = self.amount.text().replace(",", "").strip()
        if not text:
            return self.remaining()
        if not text.isdigit() or int(text) <= 0:
            self.message.setText(
                self.tr("금액을 숫자로 입력하세요: {text}").format(text=repr(text))
            )
            return None
        return int(text)

    def _push(self, tender: Tender) -> None:
        self.tenders.append(tender)
        label = {
            "cash": self.tr("현금"),
            "card": self.tr("카드"),
            "card_manual": self.tr("카드(수기)"),
            "voucher": self.tr("상품권"),
        }
        method, amount = label[tender.method.value], format_krw(tender.amount)
        if tender.approval_no:
            text = self.tr("{method} {amount} {card} 승인 {approval}").format(
                method=method, amount=amount, card=tender.card_masked, approval=tender.approval_no
            )
        else:
            text = f"{method} {amount}"
        self.paid_list.addItem(text)
        self.amount.clear()
        self._refresh()

    def _refresh(self) -> None:
        self.due_label.setText(
            self.tr("받을 금액 {total} · 남은 금액 {remaining}").format(
                total=format_krw(self.total), remaining=format_krw(self.remaining())
            )
        )
        if self.paid() >= self.total and self.tenders:
            change = self.paid() - self.total
            self.change_label.setText(
                self.tr("거스름돈 {change}").format(change=format_krw(change))
            )
            self._finish()

    def _finish(self) -> None:
        if self.receipt_btn.isChecked():
            purpose = (
                ReceiptPurpose.EXPENSE_PROOF
                if self.proof.isChecked()
                else ReceiptPurpose.INCOME_DEDUCTION
            )
            request = CashReceiptRequest(self.receipt_id.text().strip() or None, purpose)
            try:
                request.normalized_identity()
            except DomainError as exc:
                self.message.setText(explain(exc))
                return
            self.cash_receipt = request
        self.accept()

    def pay_cash(self) -> None:
        amount = self._amount()
        if amount:
            self._push(Tender.cash(amount))

    def pay_card(self) -> None:
        amount = self._amount()
        if not amount:
            return
        if amount > self.remaining():
            self.message.setText(self.tr("카드는 남은 금액까지만 결제할 수 있습니다."))
            return
        if self._card_approve is None:
            self.message.setText(
                self.tr("카드 단말기가 설정되지 않았습니다: '카드 수기'를 쓰세요.")
            )
            return
        self.message.setStyleSheet("font-size: 13pt; color: #05a;")
        self.message.setText(
            self.tr("카드 단말기에서 {amount} 결제 중… 카드를 넣어 주세요.").format(
                amount=format_krw(amount)
            )
        )
        self.card_btn.setEnabled(False)

        def ok(tender: Tender) -> None:
            self.card_btn.setEnabled(True)
            self.message.setText("")
            self._push(tender)

        def failed(exc: BaseException) -> None:  # the sale is not completed; try again or other
            self.card_btn.setEnabled(True)
            self.message.setStyleSheet("font-size: 13pt; color: #b00020;")
            self.message.setText(self.tr("카드 승인 실패: {error}").format(error=explain(exc)))

        self._card_approve(amount).success(ok).failure(failed)

    def pay_card_manual(self) -> None:
        amount = self._amount()
        if not amount:
            return
        dialog = ManualCardDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            tender = Tender(
                Method.CARD_MANUAL,
                amount,
                approval_no=dialog.approval.text().strip(),
                card_masked=check_masked_card(dialog.card.text().strip()) or None,
            )
        except DomainError as exc:
            self.message.setText(explain(exc))
            return
        self._push(tender)

    def pay_voucher(self, kind: VoucherKind) -> None:
        amount = self._amount()
        if not amount:
            return
        if amount > self.remaining():
            self.message.setText(
                self.tr("상품권은 남은 금액까지만 받을 수 있습니다 (거스름돈은 현금).")
            )
            return
        self._push(Tender(Method.VOUCHER, amount, voucher_kind=kind))


class ManualCardDialog(QDialog):
    """Card approved elsewhere (terminal down): approval number and masked number by hand."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("카드 수기 입력"))
        layout = QVBoxLayout(self)
        self.approval = QLineEdit()
        self.approval.setPlaceholderText(self.tr("승인번호"))
        self.card = QLineEdit()
        self.card.setPlaceholderText(
            self.tr("카드번호 (앞 6자리·뒤 4자리만, 예: 9410-12**-****-5678)")
        )
        layout.addWidget(self.approval)
        layout.addWidget(self.card)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class DiscountDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        kinds = QHBoxLayout()
        self.percent = QRadioButton("%")
        self.won = QRadioButton(self.tr("원"))
        self.percent.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.percent)
        group.addButton(self.won)
        kinds.addWidget(self.percent)
        kinds.addWidget(self.won)
        layout.addLayout(kinds)
        self.value = QLineEdit()
        self.value.setStyleSheet("font-size: 18pt;")
        self.value.setPlaceholderText(self.tr("할인 (0 = 할인 취소)"))
        self.value.returnPressed.connect(self.accept)
        layout.addWidget(self.value)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def discount(self) -> Discount | None:
        """The discount entered (None = remove); DomainError for nonsense."""
        text = self.value.text().replace(",", "").strip()
        if not text.isdigit():
            raise DomainError(
                self.tr("할인은 숫자로: {text}").format(text=repr(text)), code="discount.invalid"
            )
        n = int(text)
        if n == 0:
            return None
        return Discount.percent(n) if self.percent.isChecked() else Discount.amount(n)


# reasons offered for a price change; the Korean text is what is recorded (data, like a void's
# reason), the screen shows it in the UI's language
PRICE_REASONS = (
    QT_TRANSLATE_NOOP("PriceDialog", "가격표 불일치"),
    QT_TRANSLATE_NOOP("PriceDialog", "파손·흠집 상품"),
    QT_TRANSLATE_NOOP("PriceDialog", "유통기한 임박"),
)


class PriceDialog(QDialog):
    """A line's new unit price and why (a shelf tag that disagrees, damaged goods)."""

    def __init__(
        self, name: str, regular_price: int, unit_price: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("가격 변경"))
        layout = QVBoxLayout(self)
        info = QLabel(
            self.tr("{name} · 정상가 {regular} · 현재 {price}").format(
                name=name, regular=format_krw(regular_price), price=format_krw(unit_price)
            )
        )
        info.setStyleSheet("font-size: 14pt;")
        layout.addWidget(info)
        self.price = QLineEdit()
        self.price.setStyleSheet("font-size: 18pt;")
        self.price.setPlaceholderText(self.tr("새 단가 (원)"))
        layout.addWidget(self.price)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.setStyleSheet("font-size: 14pt;")
        for text in PRICE_REASONS:
            self.reason.addItem(self.tr(text), text)
        self.reason.setCurrentIndex(0)
        layout.addWidget(QLabel(self.tr("사유")))
        layout.addWidget(self.reason)
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        self.price.returnPressed.connect(self._ok)
        layout.addWidget(buttons)
        self.price.setFocus()

    def value(self) -> tuple[int, str]:
        """(new unit price, reason); DomainError for a price that is not whole won or no reason."""
        text = self.price.text().replace(",", "").replace("₩", "").strip()
        if not text.isdigit():
            raise DomainError(f"not a price: {text!r}", code="price.invalid", unit_price=text)
        i = self.reason.currentIndex()
        typed = self.reason.currentText().strip()
        reason = (
            str(self.reason.itemData(i)) if i >= 0 and typed == self.reason.itemText(i) else typed
        )
        if not reason:
            raise DomainError("say why the price is changed", code="price.override_reason")
        return int(text), reason

    def _ok(self) -> None:
        try:
            self.value()
        except DomainError as exc:
            self.error.setText(explain(exc))
            return
        self.accept()


class HeldDialog(QDialog):
    def __init__(self, held: list[HeldInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("보류 목록"))
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setStyleSheet("font-size: 14pt;")
        from zoneinfo import ZoneInfo

        seoul = ZoneInfo("Asia/Seoul")
        for h in held:
            at = h.created_at.astimezone(seoul).strftime("%H:%M")
            # %n: Qt's plural form for the line count (English "1 line" / "2 lines")
            row = self.tr("{time}  {label}  %n건  {total}", "", h.line_count)
            item = QListWidgetItem(
                row.format(time=at, label=h.label or self.tr("보류"), total=format_krw(h.total))
            )
            item.setData(Qt.ItemDataRole.UserRole, h.id)
            self.list.addItem(item)
        if held:
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _: self.accept())
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def selected(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))


class RefundDialog(QDialog):
    """Choose what comes back from an earlier receipt: all, or quantities per line."""

    def __init__(self, sale: SaleSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sale = sale
        self.setWindowTitle(self.tr("환불 · {receipt}").format(receipt=sale.receipt_no))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("원거래 {receipt} · {total}").format(
                    receipt=sale.receipt_no, total=format_krw(sale.total)
                )
            )
        )
        self.table = QTableWidget(len(sale.lines), 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("상품"), self.tr("판매"), self.tr("환불 가능"), self.tr("환불 수량")]
        )
        self.spins: dict[int, QSpinBox] = {}
        for row, line in enumerate(sale.lines):
            self.table.setItem(row, 0, QTableWidgetItem(line.name))
            self.table.setItem(row, 1, QTableWidgetItem(str(line.qty)))
            self.table.setItem(row, 2, QTableWidgetItem(str(line.remaining_qty)))
            spin = QSpinBox()
            spin.setRange(0, max(0, line.remaining_qty))
            spin.setValue(max(0, line.remaining_qty))
            self.spins[line.line_no] = spin
            self.table.setCellWidget(row, 3, spin)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("환불 사유"))
        layout.addWidget(self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def lines(self) -> dict[int, int]:
        return {no: s.value() for no, s in self.spins.items() if s.value() > 0}


class TextDialog(QDialog):
    """A report on screen (X/Z) with a print button."""

    def __init__(
        self, title: str, text: str, on_print: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        view = QPlainTextEdit(text)
        view.setReadOnly(True)
        font = QFont(self.font())
        font.setStyleHint(QFont.StyleHint.Monospace)
        view.setFont(font)
        view.setMinimumSize(520, 600)
        layout.addWidget(view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        printer = buttons.addButton(self.tr("인쇄"), QDialogButtonBox.ButtonRole.ActionRole)
        printer.clicked.connect(on_print)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
