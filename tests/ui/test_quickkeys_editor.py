"""The quick-key editor (issue 18, item 9: "a manager edits the quick-key grid — order,
colours, pages"), driven as a manager would from the checkout, offscreen with pytest-qt:
Ctrl+Shift+K (the 관리 page's key) opens it for a signed-in manager, keys typed into the
focused widget add a page, find products by 초성 and add them with Enter, a colour and a label
are given, Ctrl+↑ moves a key and a page, Ctrl+S saves; the open checkout then shows the new
page, order and colour, and its key sells the product. A cashier typing their own PIN is
refused in words and the editor stays closed; on SQLite and PostgreSQL."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from posapp.domain.quick_keys import colour
from posapp.inventory import quick_keys
from posapp.inventory.quick_keys import KeySpec, PageSpec
from posapp.ui.quickkeys_editor import QuickKeysEditor
from tests.conftest import Store
from tests.ui import test_checkout_flow as flow

till = flow.till
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def sign_in_as(qtbot, window, script, pin: str) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    script.push("pin", pin)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.session.user is not None, window.message.text()


def open_editor(qtbot, window) -> QuickKeysEditor:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL_SHIFT)
    editor = getattr(window, "_quick_keys_editor", None)
    assert editor is not None, window.message.text()
    qtbot.addWidget(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=2000)
    return editor


def typed(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Into whatever has focus, as a person types: Hangul committed by the input method a
    character at a time (as the checkout's search tests do), ASCII as key clicks."""
    for ch in text:
        focus = QApplication.focusWidget()
        assert focus is not None
        if ch.isascii():
            QTest.keyClick(focus, ch)
        else:
            ime = QInputMethodEvent()
            ime.setCommitString(ch)
            QApplication.sendEvent(focus, ime)
        QTest.qWait(20)


def key(qtbot, k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    focus = QApplication.focusWidget()
    assert focus is not None
    QTest.keyClick(focus, k, mod)


def checkout_keys(window, page: int) -> list[QPushButton]:  # type: ignore[no-untyped-def]
    scroll = window.quick.widget(page)
    inner: QWidget = scroll.widget()
    buttons = inner.findChildren(QPushButton)
    grid = inner.layout()
    return sorted(buttons, key=lambda b: grid.indexOf(b))


def test_a_manager_lays_out_a_page_and_the_open_checkout_sells_from_it(
    qtbot, till, store: Store
) -> None:  # type: ignore[no-untyped-def]
    window, script, _parts, _ = till
    sign_in_as(qtbot, window, script, "2222")  # 박지민, a manager
    assert window.buttons["Ctrl+Shift+K"].text() == "퀵키 편집 (Ctrl+Shift+K)"
    editor = open_editor(qtbot, window)
    assert [editor.pages.item(i).text() for i in range(editor.pages.count())] == ["횡성군 (1개)"]
    key(qtbot, Qt.Key.Key_N, CTRL)  # 페이지 추가: its name field has focus, all selected
    assert QApplication.focusWidget() is editor.page_name
    typed(qtbot, "자주")
    assert editor.pages.currentItem().text() == "자주 (0개)"
    qtbot.mouseClick(editor.search, Qt.MouseButton.LeftButton)
    typed(qtbot, "ㄱㅊㅈ")  # 고추장 by its initial consonants
    assert editor.results.count() >= 1 and "고추장" in editor.results.item(0).text()
    key(qtbot, Qt.Key.Key_Return)  # adds it; the dialog is not saved nor closed
    assert editor.isVisible() and QApplication.focusWidget() is editor.search
    typed(qtbot, "영주")
    key(qtbot, Qt.Key.Key_Return)
    page = editor.pages_state[1]
    assert [k.product.id for k in page.keys] == [store.gochujang, store.apple]
    # the apple key (just added, chosen): red, a shorter label
    qtbot.mouseClick(editor.colour_buttons["red"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.label, Qt.MouseButton.LeftButton)
    typed(qtbot, "사과")
    # first on the page: Ctrl+↑ in the key list
    editor.keys.setFocus()
    key(qtbot, Qt.Key.Key_Up, CTRL)
    assert [k.text for k in editor.pages_state[1].keys] == ["사과", "순창 전통 고추장 1kg"]
    # the page first: Ctrl+↑ in the page list
    editor.pages.setFocus()
    key(qtbot, Qt.Key.Key_Up, CTRL)
    assert [p.name for p in editor.pages_state] == ["자주", "횡성군"]
    key(qtbot, Qt.Key.Key_S, CTRL)  # 저장
    assert "저장했습니다" in editor.message.text(), editor.message.text()
    # the open checkout, without a restart: the page in front, the order, the colour
    assert [window.quick.tabText(i) for i in range(window.quick.count())] == ["자주", "횡성군"]
    keys = checkout_keys(window, 0)
    assert [b.text().split("\n")[0] for b in keys] == ["사과", "순창 전통 고추장 1kg"]
    assert colour("red").background in keys[0].styleSheet()
    assert colour("red").text in keys[0].styleSheet()
    key(qtbot, Qt.Key.Key_Escape)  # 닫기
    assert not editor.isVisible()
    window.quick.setCurrentIndex(0)
    qtbot.mouseClick(checkout_keys(window, 0)[0], Qt.MouseButton.LeftButton)
    lines = window.session.ticket.lines
    assert [ln.product_id for ln in lines] == [store.apple], window.message.text()
    rows = store.db.read(lambda uow: quick_keys.layout(uow))
    assert rows.custom and rows.pages[0].keys[0].colour == "red"


def test_a_cashier_is_refused_in_words_and_a_manager_pin_opens_it(
    qtbot, till, store: Store
) -> None:  # type: ignore[no-untyped-def]
    window, script, _parts, _ = till
    sign_in_as(qtbot, window, script, "1111")  # 김하늘, a cashier
    script.push("pin", "1111")  # her own PIN: no quick_keys permission
    window.keypad.setCurrentIndex(1)  # 관리
    qtbot.mouseClick(window.buttons["Ctrl+Shift+K"], Qt.MouseButton.LeftButton)
    assert getattr(window, "_quick_keys_editor", None) is None
    said = window.message.text()
    assert "관리자 PIN이 필요합니다" in said, said
    assert "quick_keys" not in said and "Error" not in said
    script.push("pin", "2222")  # the manager, in place
    editor = open_editor(qtbot, window)
    assert editor.actor_id == store.manager


def test_removing_pages_and_keys_by_keyboard_and_a_drop_reorders(qtbot, till, store: Store) -> None:  # type: ignore[no-untyped-def]
    window, script, _parts, _ = till
    store.db.transact(
        lambda uow: quick_keys.save(
            uow,
            store.manager,
            [
                PageSpec("가", (KeySpec(store.apple), KeySpec(store.salt), KeySpec(store.beef))),
                PageSpec("나", (KeySpec(store.gochujang),)),
            ],
        )
    )
    sign_in_as(qtbot, window, script, "2222")
    editor = open_editor(qtbot, window)
    assert editor.custom
    # a drop in the key list (what a drag ends in): the model's rows move, the page follows
    editor.keys.model().moveRow(QModelIndex(), 2, QModelIndex(), 0)
    assert [k.product.id for k in editor.pages_state[0].keys] == [
        store.beef,
        store.apple,
        store.salt,
    ]
    editor.keys.setFocus()
    editor.keys.setCurrentRow(2)
    key(qtbot, Qt.Key.Key_Delete)  # 키 삭제
    assert [k.product.id for k in editor.pages_state[0].keys] == [store.beef, store.apple]
    editor.pages.setFocus()
    editor.pages.setCurrentRow(1)
    key(qtbot, Qt.Key.Key_Delete)  # 페이지 삭제
    assert [p.name for p in editor.pages_state] == ["가"]
    qtbot.mouseClick(editor.save_btn, Qt.MouseButton.LeftButton)
    assert [window.quick.tabText(i) for i in range(window.quick.count())] == ["가"]
    assert [b.text().split("\n")[0] for b in checkout_keys(window, 0)] == [
        "횡성 한우 등심",
        "영주 부사 사과 3kg",
    ]


def test_a_bad_name_is_refused_in_korean_and_nothing_is_saved(qtbot, till, store: Store) -> None:  # type: ignore[no-untyped-def]
    window, script, _parts, _ = till
    sign_in_as(qtbot, window, script, "2222")
    editor = open_editor(qtbot, window)
    key(qtbot, Qt.Key.Key_N, CTRL)
    key(qtbot, Qt.Key.Key_Backspace)  # the name emptied
    key(qtbot, Qt.Key.Key_S, CTRL)
    assert "페이지 이름" in editor.message.text(), editor.message.text()
    assert not store.db.read(quick_keys.layout).custom
    key(qtbot, Qt.Key.Key_Escape)  # changes not saved: said, still open
    assert editor.isVisible() and "저장하지 않은 변경" in editor.message.text()
    key(qtbot, Qt.Key.Key_Escape)  # a second time: closed, nothing saved
    assert not editor.isVisible()


def test_a_layout_saved_at_another_till_shows_on_the_next_poll(qtbot, till, store: Store) -> None:  # type: ignore[no-untyped-def]
    window, script, parts, _ = till
    sign_in_as(qtbot, window, script, "1111")
    assert [window.quick.tabText(i) for i in range(window.quick.count())] == ["횡성군"]
    store.db.transact(  # the editor at another register
        lambda uow: quick_keys.save(
            uow, store.manager, [PageSpec("장류", (KeySpec(store.gochujang, "", "blue"),))]
        )
    )
    # the half-minute poll, now (what it compares is pinned in tests/inventory/test_quick_keys.py:
    # here the newest product, re-reported by every poll, would reload the keys anyway)
    parts.follow_catalog()
    assert [window.quick.tabText(i) for i in range(window.quick.count())] == ["장류"]
    (button,) = checkout_keys(window, 0)
    assert colour("blue").background in button.styleSheet()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [ln.product_id for ln in window.session.ticket.lines] == [store.gochujang]
