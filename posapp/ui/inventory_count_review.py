"""The review before a stock count is posted: every difference between what was counted and
what the books say, with its value at the shelf price, the total, how many products nobody
counted (left as they are), and the question — 반영 posts exactly these differences, 취소 posts
nothing and keeps the count open.

Qt only: the dialog shows a :class:`~posapp.usecases.inventory_counts.CountReview` read by the
counts tab (posapp.ui.inventory_counts_tab), which posts it when the dialog is accepted.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.money import format_amount, format_krw
from posapp.usecases.inventory_counts import CountReview


class CountReviewDialog(QDialog):
    """차이 확인: the differences of a count, confirmed with 반영 or left with 취소."""

    def __init__(self, review: CountReview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.review = review
        self.setWindowTitle(self.tr("재고조사 차이 확인"))
        self.setModal(True)
        v = QVBoxLayout(self)
        diffs = review.differences
        self.table = QTableWidget(len(diffs), 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("상품명"), self.tr("전산"), self.tr("실사"), self.tr("차이"), self.tr("금액")]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setColumnWidth(0, 260)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for i, ln in enumerate(diffs):
            cells = (
                ln.name + ("" if ln.unit == "ea" else " (g)"),
                f"{ln.expected:,}",
                f"{ln.counted or 0:,}",
                f"{ln.variance or 0:+,}",
                format_amount(ln.variance_value),
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(right)
                if col >= 3 and (ln.variance or 0) < 0:
                    item.setForeground(QColor("#b00020"))
                self.table.setItem(i, col, item)
        v.addWidget(self.table, 1)
        if diffs:
            summary = self.tr("차이 {n}개 상품, 금액 합계 {total}").format(
                n=len(diffs), total=format_krw(review.total_value)
            )
        else:
            summary = self.tr("차이가 없습니다. 반영하면 조사를 마감합니다.")
        self.summary = QLabel(summary)
        v.addWidget(self.summary)
        self.uncounted = QLabel(
            self.tr("세지 않은 상품 {n}개는 그대로 둡니다.").format(n=review.uncounted)
        )
        v.addWidget(self.uncounted)
        v.addWidget(QLabel(self.tr("이대로 재고에 반영할까요?")))
        row = QHBoxLayout()
        row.addStretch(1)
        self.post_button = QPushButton(self.tr("반영"))
        self.post_button.setAutoDefault(False)
        self.post_button.clicked.connect(self.accept)
        self.cancel_button = QPushButton(self.tr("취소"))
        self.cancel_button.setDefault(True)  # Enter alone never posts stock
        self.cancel_button.clicked.connect(self.reject)
        row.addWidget(self.post_button)
        row.addWidget(self.cancel_button)
        v.addLayout(row)
        self.resize(640, 420)


__all__ = ["CountReviewDialog"]
