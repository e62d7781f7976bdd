"""The customer's window (for a second monitor): the ticket lines, the total, the change due,
and between sales a rotating promotion of the partner regions (festivals, tourism, seasons)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QListWidget, QStackedWidget, QVBoxLayout, QWidget

from posapp.domain.cart import PricedCart
from posapp.domain.money import format_krw
from posapp.sales.service import CompletedSale
from posapp.ui.receipts import qty_text


@dataclass(frozen=True)
class Promotion:
    region: str
    title: str
    lines: tuple[str, ...]


class CustomerDisplay(QWidget):
    def __init__(self, promotions: list[Promotion], rotate_ms: int = 8000) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("I·Market·U — 고객 화면"))
        self.promotions = promotions or [Promotion("", "I·Market·U", (self.tr("어서 오세요"),))]
        self._promo_index = 0
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget()
        # page 0: promotion
        promo = QWidget()
        pl = QVBoxLayout(promo)
        self.promo_region = QLabel()
        self.promo_region.setStyleSheet("font-size: 34pt; font-weight: bold; color: #2c5f2d;")
        self.promo_title = QLabel()
        self.promo_title.setStyleSheet("font-size: 22pt;")
        self.promo_text = QLabel()
        self.promo_text.setWordWrap(True)
        self.promo_text.setStyleSheet("font-size: 18pt; color: #333;")
        for w in (self.promo_region, self.promo_title, self.promo_text):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            pl.addWidget(w)
        self.stack.addWidget(promo)
        # page 1: the ticket
        ticket = QWidget()
        tl = QVBoxLayout(ticket)
        self.lines = QListWidget()
        self.lines.setStyleSheet("font-size: 18pt;")
        tl.addWidget(self.lines, 1)
        self.total = QLabel()
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.total.setStyleSheet("font-size: 40pt; font-weight: bold;")
        tl.addWidget(self.total)
        self.change = QLabel()
        self.change.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.change.setStyleSheet("font-size: 30pt; color: #0b5;")
        tl.addWidget(self.change)
        self.stack.addWidget(ticket)
        layout.addWidget(self.stack)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.next_promotion)
        self.timer.start(rotate_ms)
        self.next_promotion()
        self.resize(1024, 600)

    def next_promotion(self) -> None:
        if self.stack.currentIndex() != 0:
            return
        p = self.promotions[self._promo_index % len(self.promotions)]
        self._promo_index += 1
        self.promo_region.setText(p.region)
        self.promo_title.setText(p.title)
        self.promo_text.setText("\n".join(p.lines))

    def show_ticket(self, priced: PricedCart) -> None:
        if not priced.lines:
            if not self.change.text():
                self.stack.setCurrentIndex(0)
            return
        self.change.setText("")
        self.stack.setCurrentIndex(1)
        self.lines.clear()
        for pl in priced.lines:
            ln = pl.line
            self.lines.addItem(
                f"{ln.name}  {qty_text(ln.unit.value, ln.qty)}  {format_krw(pl.net)}"
            )
        self.lines.scrollToBottom()
        self.total.setText(self.tr("합계 {total}").format(total=format_krw(priced.total)))

    def show_sale(self, sale: CompletedSale) -> None:
        self.stack.setCurrentIndex(1)
        self.total.setText(self.tr("합계 {total}").format(total=format_krw(sale.total)))
        self.change.setText(
            self.tr("거스름돈 {change}").format(change=format_krw(sale.change))
            if sale.change
            else self.tr("감사합니다")
        )
        QTimer.singleShot(15_000, self._back_to_promotions)

    def _back_to_promotions(self) -> None:
        self.change.setText("")
        self.lines.clear()
        self.stack.setCurrentIndex(0)
