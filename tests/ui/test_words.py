"""Words and units on the floor (issue 18, item 12): per-weight prices say /100g or /kg on the
ticket, chart axes have thousands separators, the dashboard says sync is off instead of a
waiting count, the settings screen never shows the secret store's English ("not set"), the
register's default name is Korean, and Qt's own dialogs speak Korean."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from posapp.config import Settings
from posapp.ui.i18n import install_qt_translations
from posapp.ui.reports import nice_ticks, number_axis
from posapp.ui.units import stock_text, unit_price_text, weight_kg
from tests.conftest import Store
from tests.ui.test_checkout_flow import sign_in
from tests.ui.test_reports_window import make as make_reports
from tests.ui.test_scan_routing import till  # noqa: F401  (the fixture)


def test_a_weighed_line_shows_its_price_per_100g(qtbot: Any, till: Any) -> None:  # noqa: F811
    window, script, _ = till
    sign_in(qtbot, window, script)
    beef = window.session.search("ㅎㅅㅎㅇ", 5)[0]
    script.push("number", 437)  # grams typed at the prompt
    window.add_product(beef)
    price = window.model.data(window.model.index(0, 3), Qt.ItemDataRole.DisplayRole)
    qty = window.model.data(window.model.index(0, 2), Qt.ItemDataRole.DisplayRole)
    assert price.endswith("/100g") and price.startswith("₩12,800"), price
    assert qty == "437g"
    assert unit_price_text("kg", 32_000) == "₩32,000/kg" and unit_price_text("ea", 900) == "₩900"


def test_weighed_stock_is_shown_in_kg_not_grams(qtbot: Any, store: Store) -> None:
    from posapp.ui.inventory_window import InventoryWindow
    from posapp.ui.tasks import SyncRunner
    from posapp.usecases.inventory import InventoryUseCases

    w = InventoryWindow(InventoryUseCases.build(store.db), SyncRunner(), user_id=store.manager)
    qtbot.addWidget(w)
    row = next(i for i, r in enumerate(w.model.rows) if r.id == store.beef)
    shown = w.model.data(w.model.index(row, 7), Qt.ItemDataRole.DisplayRole)
    grams = w.model.rows[row].on_hand
    assert shown == weight_kg(grams) and shown.endswith("kg"), shown
    price = w.model.data(w.model.index(row, 6), Qt.ItemDataRole.DisplayRole)
    assert price.endswith("/" + w.model.rows[row].unit), price
    assert weight_kg(29_350) == "29.350kg" and weight_kg(5) == "0.005kg"
    assert stock_text("ea", 1_234) == "1,234"


def test_chart_axis_numbers_have_separators_and_no_repeats() -> None:
    axis = number_axis(0, 1_234_567)
    labels = axis.categoriesLabels()
    assert labels[0] == "0" and all("," in lab for lab in labels[1:]), labels
    assert len(set(labels)) == len(labels)
    assert nice_ticks(0, 2) == [0, 1, 2]  # 0.5 steps used to print as 0, 1, 1, 2


def test_dashboard_says_sync_is_off(qtbot: Any, store: Store, tmp_path: Path) -> None:
    w = make_reports(qtbot, store, tmp_path, sync_on=False)
    assert w.cards["sync"].text() == "동기화 꺼짐"


def test_settings_never_show_the_secret_stores_english(qtbot: Any) -> None:
    from posapp.ui.settings import where_words

    assert where_words("not set") == "저장된 토큰 없음"
    assert where_words("OS keyring") == "OS 키링"
    assert where_words("environment (POSAPP_X)") == "환경 변수 POSAPP_X"
    assert Settings().register.name == "1번 계산대"


def test_qt_file_dialogs_speak_korean(qtbot: Any) -> None:
    app = QCoreApplication.instance()
    assert isinstance(app, QApplication)
    assert install_qt_translations(app, "ko")
    translator = app._posapp_qt_translator  # type: ignore[attr-defined]
    try:
        d = QFileDialog(None, "CSV")
        d.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        qtbot.addWidget(d)
        label = d.findChild(QLabel, "lookInLabel")
        assert label is not None and label.text() == "찾는 위치(&L):"
        types = d.findChild(QLabel, "fileTypeLabel")
        assert types is not None and types.text() == "파일 형식(&T):"
        # the gaps' translator answers only for its own texts: every other stays as it was
        assert QCoreApplication.translate("CheckoutWindow", "판매") == "판매"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "취소"
    finally:
        app.removeTranslator(translator)  # the other tests see Qt's own English
        app.removeTranslator(app._posapp_qt_gaps)  # type: ignore[attr-defined]


def test_the_x_report_on_screen_has_its_amounts_in_one_column(qtbot: Any, till: Any) -> None:  # noqa: F811
    """The paper's columns are display widths (Hangul two wide); on screen, in a proportional
    font, they drifted: each amount now ends at the same x."""
    from PySide6.QtGui import QTextCursor

    from posapp.sales.tenders import Tender
    from posapp.ui.dialogs import TextDialog
    from posapp.usecases.shift import report_text
    from tests.conftest import APPLE_CODE
    from tests.support.scanning import scan

    window, script, _ = till
    sign_in(qtbot, window, script)
    scan(APPLE_CODE, window.search)
    script.push("tender", ([Tender.cash(20_000)], None))
    window.tender()
    text = report_text(window.session.x_report())
    d = TextDialog("X 리포트", text, lambda: None)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    amounts = [(left, right) for left, right in d.rows if right.startswith("₩")]
    assert len(amounts) >= 3, d.rows
    doc = d.view.document()
    ends = []
    for _left, right in amounts:
        found = doc.find(right)
        assert not found.isNull(), right
        cursor = QTextCursor(found)
        cursor.setPosition(found.selectionEnd())
        ends.append(d.view.cursorRect(cursor).x())
    assert max(ends) - min(ends) <= 2, ends
