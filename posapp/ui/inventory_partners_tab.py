"""산지·생산자 tab of the inventory window: the partner regions (contact, the promotion texts
used on receipts and the customer display) and the producers and suppliers, each editable in
its dialog (posapp.ui.inventory_edit), and the commission rules (added in
posapp.ui.commission_dialog, deleted while not yet in force).

Qt only: the lists and the edits are inventory use cases (posapp.usecases.inventory_products).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posapp.domain import calendar
from posapp.ui.commission_dialog import CommissionRuleDialog
from posapp.ui.inventory_edit import (
    KIND_NAMES,
    FormDialog,
    ProducerDialog,
    RegionDialog,
    button_row,
    tr,
)
from posapp.usecases.inventory_products import (
    CategoryInfo,
    CommissionRuleInfo,
    Partners,
    ProducerInfo,
    RegionInfo,
)

if TYPE_CHECKING:
    from posapp.ui.inventory_window import InventoryWindow


class PartnersTab(QWidget):
    """산지·생산자: partner regions (contact, promotion texts) and producers, each editable.

    ``owner`` is the inventory window: its use cases, task runner, user and status line."""

    def __init__(self, owner: InventoryWindow) -> None:
        super().__init__()
        self.owner = owner
        self.regions: list[RegionInfo] = []
        self.producers: list[ProducerInfo] = []
        v = QHBoxLayout(self)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(QLabel(self.tr("<b>협력 지자체 (산지)</b>")))
        self.region_table = self._table(
            [self.tr("산지"), self.tr("도"), self.tr("담당자"), self.tr("전화"), self.tr("축제")]
        )
        self.region_table.doubleClicked.connect(lambda _i: self.edit_region())
        left.addWidget(self.region_table, 1)
        edit_region = QPushButton(self.tr("산지 수정"))
        edit_region.clicked.connect(self.edit_region)
        left.addWidget(edit_region)
        right.addWidget(QLabel(self.tr("<b>생산자·공급자</b>")))
        self.producer_table = self._table(
            [self.tr("이름"), self.tr("산지"), self.tr("담당자"), self.tr("전화"), self.tr("방식")]
        )
        self.producer_table.doubleClicked.connect(lambda _i: self.edit_producer())
        right.addWidget(self.producer_table, 1)
        right.addLayout(
            button_row(
                (self.tr("새 생산자"), self.new_producer),
                (self.tr("생산자 수정"), self.edit_producer),
            )
        )
        right.addWidget(QLabel(self.tr("<b>수수료 규칙</b> (판매일에 적용되는 규칙으로 정산)")))
        self.rules: list[CommissionRuleInfo] = []
        self.rule_table = self._table(
            [
                self.tr("공급자"),
                self.tr("분류"),
                self.tr("적용일"),
                self.tr("연 기준액"),
                self.tr("수수료율"),
            ]
        )
        right.addWidget(self.rule_table, 1)
        right.addLayout(
            button_row(
                (self.tr("규칙 추가"), self.new_rule),
                (self.tr("규칙 삭제"), self.delete_rule),
            )
        )
        v.addLayout(left, 1)
        v.addLayout(right, 1)

    @staticmethod
    def _table(headers: list[str]) -> QTableWidget:
        t = QTableWidget(0, len(headers))
        t.setHorizontalHeaderLabels(headers)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.verticalHeader().hide()
        t.horizontalHeader().setStretchLastSection(True)
        return t

    def refresh(self) -> None:
        self.owner._do(self.owner.inventory.products.partners, self._show)
        self.owner._do(self.owner.inventory.products.commission_rules, self._show_rules)

    def _show_rules(self, rules: tuple[CommissionRuleInfo, ...]) -> None:
        self.rules = list(rules)
        self.rule_table.setRowCount(len(rules))
        for i, r in enumerate(rules):
            cells = (
                r.producer or self.tr("(전체)"),
                r.category or self.tr("(전체)"),
                r.effective_from.isoformat(),
                f"{r.threshold:,}",
                f"{r.rate_text}%",
            )
            for c, text in enumerate(cells):
                self.rule_table.setItem(i, c, QTableWidgetItem(text))

    def new_rule(self) -> None:
        products, uid = self.owner.inventory.products, self.owner.user_id
        d = CommissionRuleDialog(self.producers, [], calendar.today(), self)
        self.dialog: FormDialog = d

        def fill(categories: tuple[CategoryInfo, ...]) -> None:
            for c in categories:
                d.category.addItem(c.name, c.id)

        self.owner._do(products.categories, fill)

        def save() -> None:
            values = d.values()
            self.owner.submit(
                d,
                lambda: products.add_commission_rule(user_id=uid, **values),
                lambda r: self._rules_changed(self.tr("수수료 규칙을 더했습니다.")),
            )

        d.submitted.connect(save)
        d.open()

    def delete_rule(self) -> None:
        i = self._selected(self.rule_table)
        if i is None:
            self.owner.say(self.tr("규칙을 고르세요."), error=True)
            return
        rule = self.rules[i]
        products, uid = self.owner.inventory.products, self.owner.user_id

        def done(_: None) -> None:
            self._rules_changed(self.tr("수수료 규칙을 지웠습니다."))

        self.owner._do(lambda: products.delete_commission_rule(rule.id, user_id=uid), done)

    def _rules_changed(self, text: str) -> None:
        self.owner.say(text)
        self.owner._do(self.owner.inventory.products.commission_rules, self._show_rules)

    def _show(self, found: Partners) -> None:
        regions, producers = list(found.regions), list(found.producers)
        self.regions, self.producers = regions, producers
        kinds = dict(KIND_NAMES)
        for table, rows in (
            (
                self.region_table,
                [(r.name, r.province, r.contact, r.phone, r.festival) for r in regions],
            ),
            (
                self.producer_table,
                [(p.name, p.region, p.contact, p.phone, tr(kinds[p.kind])) for p in producers],
            ),
        ):
            table.setRowCount(len(rows))
            for i, cells in enumerate(rows):
                for c, text in enumerate(cells):
                    table.setItem(i, c, QTableWidgetItem(text))
        for table, widths in (
            (self.region_table, (80, 120, 110, 110)),
            (self.producer_table, (190, 70, 70, 115)),
        ):
            for c, width in enumerate(widths):
                table.setColumnWidth(c, width)

    @staticmethod
    def _selected(table: QTableWidget) -> int | None:
        rows = table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def edit_region(self) -> None:
        i = self._selected(self.region_table)
        if i is None:
            self.owner.say(self.tr("산지를 고르세요."), error=True)
            return
        region = self.regions[i]
        d = RegionDialog(region, self)
        self.dialog = d
        products, uid = self.owner.inventory.products, self.owner.user_id

        def save() -> None:
            texts = d.texts()
            self.owner.submit(
                d,
                lambda: products.save_region(region.id, user_id=uid, **texts),
                lambda r: self._saved(r.name),
            )

        d.submitted.connect(save)
        d.open()

    def new_producer(self) -> None:
        self._producer_dialog(None)

    def edit_producer(self) -> None:
        i = self._selected(self.producer_table)
        if i is None:
            self.owner.say(self.tr("생산자를 고르세요."), error=True)
            return
        self._producer_dialog(self.producers[i])

    def _producer_dialog(self, producer: ProducerInfo | None) -> None:
        d = ProducerDialog(producer, self.regions, self)
        self.dialog = d
        products, uid = self.owner.inventory.products, self.owner.user_id

        def save() -> None:
            values = d.values()
            self.owner.submit(
                d,
                lambda: products.save_producer(user_id=uid, **values),
                lambda p: self._saved(p.name),
            )

        d.submitted.connect(save)
        d.open()

    def _saved(self, name: str) -> None:
        self.owner.say(self.tr("저장했습니다: {name}").format(name=name))
        self.refresh()
        self.owner.load()


__all__ = ["PartnersTab"]
