"""The partner tab's commission fields (issue 20, item 4): a producer's model and flat rate in
its dialog, and a commission rule added and deleted through the tab's buttons."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate

from posapp.domain import calendar
from posapp.inventory import partners
from tests.conftest import Store
from tests.ui.test_inventory_window import make


def test_producer_model_and_rate_then_a_rule(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    w = make(qtbot, store)
    w.tabs.setCurrentWidget(w.partners)
    tab = w.partners
    row = next(
        i
        for i in range(tab.producer_table.rowCount())
        if tab.producer_table.item(i, 0).text() == "순창장류"
    )
    tab.producer_table.selectRow(row)
    tab.edit_producer()
    d = tab.dialog
    d.kind.setCurrentIndex(d.kind.findData("specific"))
    d.rate.setValue(25)
    d.buttons.accepted.emit()
    assert not d.isVisible(), d.error.text()
    p = next(p for p in store.db.read(partners.list_producers) if p.name == "순창장류")
    assert (p.kind, p.commission_rate) == ("specific", 25)
    assert tab.producer_table.item(row, 4).text() == "특정매입"
    tab.new_rule()
    rd = tab.dialog
    rd.producer.setCurrentIndex(rd.producer.findText("순창장류"))
    rd.category.setCurrentIndex(rd.category.findText("장류"))
    rd.rate.setText("열두")
    rd.buttons.accepted.emit()
    assert rd.isVisible() and "수수료율" in rd.error.text()  # said in words, nothing saved
    rd.rate.setText("12.5")
    start = calendar.today() + dt.timedelta(days=3)
    rd.start.setDate(QDate(start.year, start.month, start.day))
    rd.threshold.setValue(5_000_000)
    rd.buttons.accepted.emit()
    assert not rd.isVisible(), rd.error.text()
    (rule,) = store.db.read(partners.list_commission_rules)
    assert (rule.producer, rule.category, rule.effective_from, rule.threshold, rule.rate_bp) == (
        "순창장류", "장류", start, 5_000_000, 1_250,
    )  # fmt: skip
    assert tab.rule_table.rowCount() == 1 and tab.rule_table.item(0, 4).text() == "12.5%"
    tab.rule_table.selectRow(0)
    tab.delete_rule()
    assert tab.rule_table.rowCount() == 0 and store.db.read(partners.list_commission_rules) == []
