"""The checkout's dialogs: PIN pad, drawer count, discount, price, held tickets, refund, text
(the tender dialog is :mod:`posapp.ui.tender_dialog`).

Large touch-friendly buttons, keyboard first (digits, Enter, Esc), Korean labels (translatable:
``self.tr``, see posapp.ui.i18n). Dialogs only collect input; the checkout window calls the
services with it. Titles and prompts passed in are translated by the caller.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from posapp.domain import calendar
from posapp.domain.cart import Discount, Unit
from posapp.domain.error_codes import DiscountErrorCode, PriceErrorCode
from posapp.domain.errors import DomainError
from posapp.domain.money import format_krw
from posapp.ui.i18n import QT_TRANSLATE_NOOP
from posapp.ui.messages import explain
from posapp.usecases.holds import HeldInfo
from posapp.usecases.payment import CardPart
from posapp.usecases.refund import RefundView
from posapp.usecases.shift import DENOMINATIONS

BIG = "font-size: 16pt; min-height: 48px;"


def big_button(button: QPushButton) -> QPushButton:
    """A large touch-friendly button (the PIN pad's, the tender dialog's)."""
    button.setStyleSheet(BIG)
    button.setMinimumWidth(72)
    return button


TOUCH_FIELD = "font-size: 13pt; min-height: 40px;"


def touch_sized(widget: QWidget, style: str = TOUCH_FIELD) -> QWidget:
    """A field, number box or check box a finger hits: 40 px high at least (a real minimum as
    well as the style sheet's, which a crowded layout would squeeze)."""
    widget.setStyleSheet(style)
    widget.setMinimumHeight(40)
    return widget


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
            b = big_button(QPushButton(words.get(key, key)))
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
            label = QLabel(kind.format(amount=f"{d:,}"))
            label.setStyleSheet("font-size: 13pt;")
            grid.addWidget(label, row, 0)
            spin = QSpinBox()
            spin.setRange(0, 9999)
            touch_sized(spin, "font-size: 14pt; min-height: 40px;")
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
        big_button(buttons.button(QDialogButtonBox.StandardButton.Ok)).setText(
            self.tr("확인 (Enter)")
        )
        big_button(buttons.button(QDialogButtonBox.StandardButton.Cancel)).setText(
            self.tr("취소 (Esc)")
        )
        layout.addWidget(buttons)
        self._update()
        first = next(iter(self.spins.values()))
        first.setFocus()  # the count is typed at once, Tab to the next denomination
        first.selectAll()

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
        self.value.setFocus()  # F4 10 Enter: the amount is typed at once

    def discount(self) -> Discount | None:
        """The discount entered (None = remove); DomainError for nonsense."""
        text = self.value.text().replace(",", "").strip()
        if not text.isdigit():
            raise DomainError(
                self.tr("할인은 숫자로: {text}").format(text=repr(text)),
                code=DiscountErrorCode.INVALID,
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
            raise DomainError(
                f"not a price: {text!r}", code=PriceErrorCode.INVALID, unit_price=text
            )
        i = self.reason.currentIndex()
        typed = self.reason.currentText().strip()
        reason = (
            str(self.reason.itemData(i)) if i >= 0 and typed == self.reason.itemText(i) else typed
        )
        if not reason:
            raise DomainError("say why the price is changed", code=PriceErrorCode.OVERRIDE_REASON)
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
        for h in held:
            at = calendar.to_local(h.created_at).strftime("%H:%M")
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


@dataclass(frozen=True)
class RefundChoice:
    """What the refund dialog collected: {line_no: qty} to refund, why, and — when the money
    does not go back the way the sale was paid — cash instead, with its own reason."""

    lines: dict[int, int]
    reason: str
    cash_instead: bool = False
    tender_reason: str = ""


class ReceiptNumberDialog(QDialog):
    """F8: the receipt to refund, scanned (the wedge types into the field) or typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("환불: 영수증"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("영수증 바코드를 스캔하거나 번호를 입력하세요.")))
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("예: R01-20261123-0042"))
        touch_sized(self.number, "font-size: 16pt; min-height: 40px;")
        self.number.returnPressed.connect(self.accept)
        layout.addWidget(self.number)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        big_button(buttons.button(QDialogButtonBox.StandardButton.Ok)).setText(
            self.tr("확인 (Enter)")
        )
        big_button(buttons.button(QDialogButtonBox.StandardButton.Cancel)).setText(
            self.tr("취소 (Esc)")
        )
        layout.addWidget(buttons)
        self.number.setFocus()

    def accept(self) -> None:
        if self.number.text().strip():
            super().accept()


def _weighed(unit: str) -> bool:
    return Unit(unit).is_weighed


def _qty_text(unit: str, qty: int) -> str:
    """A quantity as the receipt shows it: pieces, or grams of a weighed line."""
    if _weighed(unit):
        return f"{qty / 1000:.3f}kg" if qty >= 1000 else f"{qty}g"
    return str(qty)


def _fit_columns(table: QTableWidget, most: int = 960) -> None:
    """Every column shown without scrolling sideways (up to ``most`` px, a 1024 px monitor's
    room): the table asks for the width of its columns, its cell widgets' included, and the
    first column (the names) takes what is left."""
    table.resizeColumnsToContents()
    for col in range(table.columnCount()):
        widest = max(
            (
                w.sizeHint().width()
                for r in range(table.rowCount())
                if (w := table.cellWidget(r, col))
            ),
            default=0,
        )
        if widest > table.columnWidth(col):
            table.setColumnWidth(col, widest)
    need = sum(table.columnWidth(c) for c in range(table.columnCount()))
    need += table.verticalHeader().sizeHint().width() + 2 * table.frameWidth()
    need += table.verticalScrollBar().sizeHint().width()  # room for it when the lines are many
    table.setMinimumWidth(min(need, most))
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


class RefundDialog(QDialog):
    """Choose what comes back from an earlier receipt: each line with its amount and weight,
    nothing selected at first, the total to refund, and how it is given back — the sale's own
    tenders (a card part cancelled on the same card, cash to cash); cash instead needs a reason
    (the manager who approves the refund approves it). ``exchange``: the return part of an
    exchange (교환), said so in the dialog itself, not only in its title."""

    def __init__(
        self, view: RefundView, parent: QWidget | None = None, *, exchange: bool = False
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.exchange = exchange
        sale = view.sale
        self.sale = sale
        title = self.tr("교환 · {receipt}") if exchange else self.tr("환불 · {receipt}")
        self.setWindowTitle(title.format(receipt=sale.receipt_no))
        layout = QVBoxLayout(self)
        if exchange:
            heading = QLabel(
                self.tr("교환: 돌려받을 상품을 고르세요. 새 상품은 다음에 스캔합니다.")
            )
            heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
            layout.addWidget(heading)  # one line: wrapped, it squeezed the table under it
        layout.addWidget(
            QLabel(
                self.tr("원거래 {receipt} · {when} · {total}").format(
                    receipt=sale.receipt_no,
                    when=calendar.to_local(sale.created_at).strftime("%Y-%m-%d %H:%M"),
                    total=format_krw(sale.total),
                )
            )
        )
        self.table = QTableWidget(len(sale.lines), 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("상품"),
                self.tr("수량·중량"),
                self.tr("금액"),
                self.tr("환불 가능"),
                self.tr("환불"),
            ]
        )
        self.spins: dict[int, QSpinBox] = {}
        for row, line in enumerate(sale.lines):
            self.table.setItem(row, 0, QTableWidgetItem(line.name))
            self.table.setItem(row, 1, QTableWidgetItem(_qty_text(line.unit, line.qty)))
            self.table.setItem(row, 2, QTableWidgetItem(format_krw(line.net)))
            left = QTableWidgetItem(_qty_text(line.unit, line.remaining_qty))
            self.table.setItem(row, 3, left)
            spin = QSpinBox()
            touch_sized(spin)
            spin.setRange(0, max(0, line.remaining_qty))
            spin.setValue(0)  # nothing is refunded unless the cashier says so
            if _weighed(line.unit):
                spin.setSuffix(" g")
                spin.setSingleStep(max(1, line.remaining_qty))
            spin.setEnabled(line.remaining_qty > 0)
            spin.valueChanged.connect(self._refresh)
            self.spins[line.line_no] = spin
            self.table.setCellWidget(row, 4, spin)
        self.table.verticalHeader().setDefaultSectionSize(44)  # rows as high as their boxes
        self.table.verticalHeader().setMinimumSectionSize(44)
        for row in range(self.table.rowCount()):
            self.table.setRowHeight(row, 44)
        _fit_columns(self.table)
        # up to four lines in view without scrolling (more scroll), never squeezed to one
        shown = max(1, min(len(sale.lines), 4))
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setMinimumHeight(shown * 44 + header + 2 * self.table.frameWidth())
        layout.addWidget(self.table, 1)
        self.all_btn = QPushButton(self.tr("전부 환불"))
        big_button(self.all_btn)
        self.all_btn.clicked.connect(self.select_all)
        layout.addWidget(self.all_btn)
        self.total_label = QLabel()
        self.total_label.setStyleSheet("font-size: 18pt; font-weight: bold;")
        layout.addWidget(self.total_label)
        self.tender_label = QLabel()
        self.tender_label.setWordWrap(True)  # a card and cash: two lines, room kept for them
        self.tender_label.setMinimumHeight(2 * self.tender_label.fontMetrics().lineSpacing())
        layout.addWidget(self.tender_label)
        self.cash_instead = QCheckBox(
            self.tr("원래 결제수단 대신 현금으로 환불 (사유·관리자 승인)")
        )
        touch_sized(
            self.cash_instead,
            "QCheckBox { font-size: 13pt; min-height: 40px; }"
            " QCheckBox::indicator { width: 24px; height: 24px; }",
        )
        self.cash_instead.toggled.connect(self._refresh)
        layout.addWidget(self.cash_instead)
        self.tender_reason = QLineEdit()
        self.tender_reason.setPlaceholderText(self.tr("현금으로 환불하는 사유"))
        touch_sized(self.tender_reason)
        layout.addWidget(self.tender_reason)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("환불 사유"))
        touch_sized(self.reason)
        layout.addWidget(self.reason)
        self.message = QLabel("")
        self.message.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        big_button(self.ok).setText(self.tr("확인 (Enter)"))
        big_button(buttons.button(QDialogButtonBox.StandardButton.Cancel)).setText(
            self.tr("취소 (Esc)")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._refresh()

    def lines(self) -> dict[int, int]:
        return {no: s.value() for no, s in self.spins.items() if s.value() > 0}

    def total(self) -> int:
        return self.view.amount(self.lines())

    def select_all(self) -> None:
        for spin in self.spins.values():
            spin.setValue(spin.maximum())

    def _refresh(self) -> None:
        total = self.total()
        said = self.tr("반품 금액 {total}") if self.exchange else self.tr("환불 금액 {total}")
        self.total_label.setText(said.format(total=format_krw(total)))
        self.ok.setEnabled(total > 0)
        self.tender_reason.setEnabled(self.cash_instead.isChecked())
        if not total:
            self.tender_label.setText(self.tr("환불할 상품과 수량을 고르세요."))
            return
        if self.cash_instead.isChecked():
            self.tender_label.setText(
                self.tr("현금 {amount} 지급").format(amount=format_krw(total))
            )
            return
        parts = []
        for t in self.view.tenders(self.lines()):
            if t.original_approval_no:
                parts.append(
                    self.tr("카드 {card} 승인취소 {amount} (원승인 {approval})").format(
                        card=t.card_masked or "",
                        amount=format_krw(t.amount),
                        approval=t.original_approval_no,
                    )
                )
            elif t.voucher_kind is not None:
                parts.append(self.tr("상품권 {amount}").format(amount=format_krw(t.amount)))
            else:
                parts.append(self.tr("현금 {amount}").format(amount=format_krw(t.amount)))
        self.tender_label.setText(self.tr("환불 방법: {parts}").format(parts=" · ".join(parts)))

    def accept(self) -> None:
        if not self.lines():
            self.message.setText(self.tr("환불할 상품과 수량을 고르세요."))
            return
        if self.cash_instead.isChecked() and not self.tender_reason.text().strip():
            self.message.setText(self.tr("현금으로 환불하는 사유를 입력하세요."))
            self.tender_reason.setFocus()
            return
        super().accept()

    def choice(self) -> RefundChoice:
        cash = self.cash_instead.isChecked()
        return RefundChoice(
            self.lines(),
            self.reason.text().strip(),
            cash_instead=cash,
            tender_reason=self.tender_reason.text().strip() if cash else "",
        )


class CardRefundFailedDialog(QDialog):
    """The terminal did not cancel a refund's card part: try again, leave it waiting for the
    terminal (the goods come back, the card is refunded later), or record the approval number
    of a cancel the manager made on a standalone terminal."""

    def __init__(self, parts: Sequence[CardPart], why: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("카드 취소 실패"))
        self.parts = tuple(parts)
        self.action = ""
        layout = QVBoxLayout(self)
        info = QLabel(
            self.tr("카드 취소를 단말기에서 하지 못해 환불을 기록하지 않았습니다: {why}").format(
                why=why
            )
        )
        info.setWordWrap(True)
        layout.addWidget(info)
        self.typed: dict[str, QLineEdit] = {}
        for p in self.parts:
            row = QHBoxLayout()
            row.addWidget(
                QLabel(
                    self.tr("{card} {amount} (원승인 {approval})").format(
                        card=p.card_masked,
                        amount=format_krw(p.amount),
                        approval=p.original_approval_no,
                    )
                )
            )
            edit = QLineEdit()
            edit.setPlaceholderText(self.tr("별도 단말기 취소 승인번호"))
            self.typed[p.original_approval_no] = edit
            row.addWidget(edit)
            layout.addLayout(row)
        self.message = QLabel("")
        self.message.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.retry_btn = QPushButton(self.tr("다시 시도"))
        self.queue_btn = QPushButton(self.tr("취소 대기로 두기"))
        self.typed_btn = QPushButton(self.tr("입력한 승인번호로 기록"))
        cancel = QPushButton(self.tr("닫기"))
        for b in (self.retry_btn, self.queue_btn, self.typed_btn, cancel):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.retry_btn.clicked.connect(lambda: self._done("retry"))
        self.queue_btn.clicked.connect(lambda: self._done("queue"))
        self.typed_btn.clicked.connect(self._typed)
        cancel.clicked.connect(self.reject)

    def _done(self, action: str) -> None:
        self.action = action
        self.accept()

    def _typed(self) -> None:
        if not all(e.text().strip() for e in self.typed.values()):
            self.message.setText(self.tr("각 카드의 별도 단말기 취소 승인번호를 입력하세요."))
            return
        self._done("typed")

    def typed_cancels(self) -> dict[str, str]:
        return {orig: e.text().strip() for orig, e in self.typed.items()}


_GAP = re.compile(r"\S(\s{2,})\S")


def report_rows(text: str) -> list[tuple[str, str]]:
    """Each line of a report as (left, right): split at its last run of 2+ spaces (the padding
    put between a label and its amount); a line without one is ("line", "")."""
    rows = []
    for line in text.split("\n"):
        gaps = list(_GAP.finditer(line))
        if gaps:
            cut = gaps[-1]
            rows.append((line[: cut.start(1)].rstrip(), line[cut.end(1) :].strip()))
        else:
            rows.append((line.rstrip(), ""))
    return rows


def _rows_html(rows: list[tuple[str, str]]) -> str:
    cells = []
    for left, right in rows:
        if right:
            cells.append(
                f"<tr><td>{html.escape(left)}</td><td align='right'>{html.escape(right)}</td></tr>"
            )
        else:
            cells.append(f"<tr><td colspan='2'>{html.escape(left) or '&nbsp;'}</td></tr>")
    return "<table width='100%' cellspacing='0' cellpadding='1'>" + "".join(cells) + "</table>"


class TextDialog(QDialog):
    """A report on screen (X/Z) with a print button."""

    def __init__(
        self, title: str, text: str, on_print: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        # the text is laid out for paper in display columns (Hangul two wide); the screen's font
        # is proportional, so each "label … amount" line is a row of two cells instead, the
        # amounts right-aligned in one column whatever the letters' widths
        self.rows = report_rows(text)
        view = QTextBrowser()
        view.setHtml(_rows_html(self.rows))
        font = QFont(self.font())
        font.setPointSize(max(font.pointSize(), 11))
        view.setFont(font)
        view.setMinimumSize(480, 360)
        self.view = view
        layout.addWidget(view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        printer = buttons.addButton(self.tr("인쇄"), QDialogButtonBox.ButtonRole.ActionRole)
        printer.clicked.connect(on_print)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
