"""The dialog that adds a commission rule (per supplier and category, from a business day, with
a yearly threshold) from the 산지·생산자 tab; the rules themselves are listed in the tab.

Qt only: the rule is saved by the inventory use cases (posapp.usecases.inventory_products)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QSpinBox, QWidget

from posapp.ui.inventory_edit import FormDialog
from posapp.usecases.inventory_products import CategoryInfo, ProducerInfo


class CommissionRuleDialog(FormDialog):
    """A new rule: supplier (or every one), category (or every one), the day it starts, the
    yearly threshold and the rate in percent."""

    def __init__(
        self,
        producers: list[ProducerInfo],
        categories: list[CategoryInfo],
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("수수료 규칙 추가"))
        self.producer = QComboBox()
        self.producer.addItem(self.tr("모든 공급자"), None)
        for p in producers:
            self.producer.addItem(p.name, p.id)
        self.category = QComboBox()
        self.category.addItem(self.tr("모든 분류"), None)
        for c in categories:
            self.category.addItem(c.name, c.id)
        self.start = QDateEdit(QDate(today.year, today.month, today.day))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.threshold = QSpinBox()
        self.threshold.setRange(0, 2_000_000_000)
        self.threshold.setSingleStep(1_000_000)
        self.threshold.setGroupSeparatorShown(True)
        self.threshold.setSuffix(self.tr(" 원"))
        self.rate = QLineEdit()
        self.rate.setPlaceholderText(self.tr("예: 12 또는 12.5"))
        for label, w in (
            (self.tr("공급자"), self.producer),
            (self.tr("분류"), self.category),
            (self.tr("적용일"), self.start),
            (self.tr("연 기준액 (이상부터)"), self.threshold),
            (self.tr("수수료율 (%)"), self.rate),
        ):
            self.form.addRow(label, w)
        self.finish_layout()

    def values(self) -> dict[str, Any]:
        d = self.start.date()
        return dict(
            producer_id=self.producer.currentData(),
            category_id=self.category.currentData(),
            effective_from=dt.date(d.year(), d.month(), d.day()),
            threshold=self.threshold.value(),
            rate=self.rate.text(),
        )
