"""The ticket on the checkout screen: the table model over the priced cart (rows formatted once
per change, a scan inserts one row) and the delegate that paints its cells from cached
QStaticText (shaped Hangul laid out once per text and width, not on every repaint)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    Qt,
)
from PySide6.QtGui import QPainter, QStaticText, QTransform
from PySide6.QtWidgets import QLabel, QSizePolicy, QStyle, QStyledItemDelegate

from posapp.domain.cart import PricedCart, PricedLine
from posapp.domain.money import format_krw
from posapp.ui.i18n import QT_TRANSLATE_NOOP
from posapp.ui.units import unit_price_text
from posapp.usecases.receipts import qty_text

_Index = QModelIndex | QPersistentModelIndex


def fixed_size(label: QLabel, height: int) -> None:
    """Text changes on every scan must not re-lay out (and repaint) the whole window."""
    label.setFixedHeight(height)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)


class TicketDelegate(QStyledItemDelegate):
    """Paints ticket cells from cached QStaticText: the shaped Hangul is laid out (and elided to
    its column) once per distinct text and width, not on every repaint — the default delegate
    re-shapes every visible cell, and Qt repaints every visible row when a line is added."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # (text, font key, width, right-aligned) -> (static text, x offset, y offset)
        self._cache: dict[tuple[str, str, int, bool], tuple[QStaticText, float, float]] = {}

    def _prepared(
        self, text: str, option: Any, width: int, height: int, right: bool
    ) -> tuple[QStaticText, float, float]:
        font_key = option.font.key()
        key = (text, font_key, width, right)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        if len(self._cache) > 4096:
            self._cache.clear()
        shown = text
        if option.fontMetrics.horizontalAdvance(text) > width:
            shown = option.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        static = QStaticText(shown)
        static.setTextFormat(Qt.TextFormat.PlainText)
        static.prepare(QTransform(), option.font)
        size = static.size()
        x = 6 + (width - size.width() if right else 0)
        hit = (static, x, (height - size.height()) / 2)
        self._cache[key] = hit
        return hit

    def paint(self, painter: QPainter, option: Any, index: _Index) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        rect = option.rect
        static, dx, dy = self._prepared(
            text, option, rect.width() - 12, rect.height(), index.column() >= 2
        )
        palette = option.palette
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, palette.highlight())
            painter.setPen(palette.highlightedText().color())
        else:
            painter.setPen(palette.text().color())
        painter.setFont(option.font)
        painter.drawStaticText(QPointF(rect.x() + dx, rect.y() + dy), static)


class TicketModel(QAbstractTableModel):
    # marked for lupdate here, translated when shown (headerData)
    HEADERS = (
        "#",
        QT_TRANSLATE_NOOP("TicketModel", "상품명"),
        QT_TRANSLATE_NOOP("TicketModel", "수량"),
        QT_TRANSLATE_NOOP("TicketModel", "단가"),
        QT_TRANSLATE_NOOP("TicketModel", "할인"),
        QT_TRANSLATE_NOOP("TicketModel", "금액"),
    )

    def __init__(self) -> None:
        super().__init__()
        self.priced: PricedCart | None = None
        self._rows: list[tuple[str, ...]] = []

    def set_priced(self, priced: PricedCart) -> None:
        """New figures for the ticket; rows are formatted once here, not in every paint."""
        rows = [self._format(i, pl) for i, pl in enumerate(priced.lines)]
        old = len(self._rows)
        self.priced = priced
        if len(rows) == old + 1 and rows[:old] == self._rows:  # the common case: a scan
            self.beginInsertRows(QModelIndex(), old, old)
            self._rows = rows
            self.endInsertRows()
            return
        if len(rows) == old:
            changed = [i for i, (a, b) in enumerate(zip(rows, self._rows, strict=True)) if a != b]
            self._rows = rows
            if changed:
                self.dataChanged.emit(
                    self.index(min(changed), 0), self.index(max(changed), len(self.HEADERS) - 1)
                )
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    @staticmethod
    def _format(i: int, pl: PricedLine) -> tuple[str, ...]:
        ln = pl.line
        off = pl.line_discount + pl.ticket_discount
        name = ("*" if ln.tax_class.value == "exempt" else "") + ln.name
        price = unit_price_text(ln.unit.value, ln.unit_price)
        if ln.price_override:
            price = QCoreApplication.translate("TicketModel", "{price} (변경)").format(price=price)
        if ln.markdown and ln.shelf_price is not None:
            # a lot's markdown (마감할인), as on the receipt: the shelf price in 단가, the
            # markdown in 할인 (단가 × 수량 − 할인 = 금액), the name tagged at its start (a
            # long name is cut at its end). At 1024×768 the 단가 column has no room for both
            # prices, nor the name column for the shelf price.
            name = QCoreApplication.translate("TicketModel", "[마감] {name}").format(name=name)
            price = unit_price_text(ln.unit.value, ln.shelf_price)
            off += ln.markdown
        return (
            str(i + 1),
            name,
            qty_text(ln.unit.value, ln.qty),
            price,
            f"-{off:,}" if off else "",
            format_krw(pl.net),
        )

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
