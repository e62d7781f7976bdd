"""The live catalogue at the checkout (issue 18, item 9): a price raised in the database, a
product imported later and a product withdrawn reach a till that keeps running — its quick keys,
its search, its open ticket — through the catalogue's one writer (the edit screen, CSV and the
platform all write there) and the till's half-minute poll (called here at once).

Seen at the till: a quick key still sold at the old price, a product imported later was not
found by name until a restart, and a withdrawn product kept selling.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from posapp.inventory import csv_io, products
from posapp.inventory.products import ProductEdit
from tests.conftest import APPLE_CODE, Store
from tests.ui import test_checkout_flow as flow

till = flow.till


def quick_key(window, name: str) -> QPushButton:  # type: ignore[no-untyped-def]
    keys = [b for b in window.quick.findChildren(QPushButton) if b.text().startswith(name)]
    assert len(keys) == 1, [b.text() for b in window.quick.findChildren(QPushButton)]
    return keys[0]


def set_price(store: Store, pid: int, price: int) -> None:
    store.db.transact(lambda uow: products.set_price(uow, pid, price, user_id=store.manager))


def test_a_quick_key_sells_at_the_new_price_and_shows_it(qtbot, till, store: Store) -> None:  # type: ignore[no-untyped-def]
    window, script, parts, _ = till
    flow.sign_in(qtbot, window, script)
    key = quick_key(window, "횡성 한우 등심")
    assert "₩12,800" in key.text()
    set_price(store, store.beef, 13_800)  # per 100 g, raised in the back office
    script.push("number", 500)
    qtbot.mouseClick(key, Qt.MouseButton.LeftButton)  # the key as it was built at start
    assert [ln.unit_price for ln in window.session.ticket.lines] == [13_800]
    parts.follow_catalog()
    assert "₩13,800" in quick_key(window, "횡성 한우 등심").text()


def test_the_open_ticket_follows_a_new_price(qtbot, till, store: Store) -> None:  # type: ignore[no-untyped-def]
    window, script, parts, _ = till
    flow.sign_in(qtbot, window, script)
    flow.burst(qtbot, window.search, APPLE_CODE)
    assert "12,900" in window.due.text()
    set_price(store, store.apple, 13_900)
    parts.follow_catalog()
    assert [ln.unit_price for ln in window.session.ticket.lines] == [13_900]
    assert "13,900" in window.due.text()
    assert "가격 변경" in window.message.text() and "₩13,900" in window.message.text()


def test_a_product_imported_later_is_found_by_name(qtbot, till, store: Store) -> None:  # type: ignore[no-untyped-def]
    window, script, parts, _ = till
    flow.sign_in(qtbot, window, script)
    data = (
        "barcode,name_ko,name_en,region,producer,category,unit,price,tax,reorder_point,plu\n"
        "8801234500043,보성 녹차 티백 50입,Boseong Green Tea,보성군,보성다원,차,ea,9000,taxable,0,\n"
    ).encode()
    store.db.transact(lambda uow: csv_io.import_products(uow, data))
    assert window.session.search("ㄴㅊ") == []  # not yet: the index is as it was at start
    parts.follow_catalog()
    assert [p.name_ko for p in window.session.search("ㄴㅊ")] == ["보성 녹차 티백 50입"]


def test_a_withdrawn_product_stops_selling(qtbot, till, store: Store) -> None:  # type: ignore[no-untyped-def]
    window, script, parts, _ = till
    flow.sign_in(qtbot, window, script)
    flow.burst(qtbot, window.search, APPLE_CODE)
    key = quick_key(window, "횡성 한우 등심")
    for pid in (store.apple, store.beef):
        store.db.transact(
            lambda uow, pid=pid: products.update_product(
                uow, pid, ProductEdit(active=False), user_id=store.manager
            )
        )
    # the quick key built before: refused in words (after the grams are typed), nothing sold
    script.push("number", 500)
    qtbot.mouseClick(key, Qt.MouseButton.LeftButton)
    assert "횡성 한우 등심" in window.message.text() and "판매" in window.message.text()
    assert [ln.product_id for ln in window.session.ticket.lines] == [store.apple]
    parts.follow_catalog()
    assert window.session.ticket.lines == []  # the withdrawn apples left the open ticket
    assert "영주 부사 사과 3kg 판매 중지" in window.message.text()
    assert window.session.search("ㅇㅈㅂㅅ") == []
    assert not [b for b in window.quick.findChildren(QPushButton) if "한우" in b.text()]
    flow.burst(qtbot, window.search, APPLE_CODE)  # a scan is refused too
    assert window.session.ticket.lines == []
    assert QApplication.focusWidget() is not None


def test_a_poll_with_nothing_changed_leaves_the_quick_keys_and_index_alone(  # type: ignore[no-untyped-def]
    qtbot, till, store: Store
) -> None:
    """Seen at a till: every half-minute poll rebuilt the quick keys (the page scrolled back to
    its top) and the search index although nothing had changed — the poll asked for products
    changed *at or after* the last change seen, which is always the last one again."""
    window, script, parts, _ = till
    flow.sign_in(qtbot, window, script)
    parts.follow_catalog()
    key = quick_key(window, "횡성 한우 등심")
    index = window.session.index
    prepared = index.prepare
    rebuilt: list[int] = []
    index.prepare = lambda: (rebuilt.append(1), prepared())[1]  # type: ignore[method-assign]
    for _ in range(3):
        parts.follow_catalog()
        qtbot.wait(10)
    assert quick_key(window, "횡성 한우 등심") is key  # the same key: the page was not rebuilt
    assert rebuilt == []
    set_price(store, store.beef, 13_800)  # a real change still shows, once
    parts.follow_catalog()
    qtbot.wait(10)
    assert "₩13,800" in quick_key(window, "횡성 한우 등심").text() and rebuilt == [1]
    key = quick_key(window, "횡성 한우 등심")
    parts.follow_catalog()
    qtbot.wait(10)
    assert quick_key(window, "횡성 한우 등심") is key and rebuilt == [1]
