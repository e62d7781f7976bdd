"""The customer's window: what it shows for a ticket, and that it stays off the scan path
(coalesced repaints, appended lines, no work while hidden)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from posapp.domain.cart import CartLine, price_cart
from posapp.domain.tax import TaxClass
from posapp.ui.customer_display import CustomerDisplay


def _line(i: int, qty: int = 1) -> CartLine:
    return CartLine(i, f"상품{i}", TaxClass.TAXABLE, "ea", qty, 1_000 * i)


def _texts(display: CustomerDisplay) -> list[str]:
    return [display.lines.item(i).text() for i in range(display.lines.count())]


def test_scans_coalesce_and_append(qapp: QApplication, qtbot) -> None:  # type: ignore[no-untyped-def]
    display = CustomerDisplay([])
    qtbot.addWidget(display)
    display.show()
    lines = [_line(1)]
    display.show_ticket(price_cart(lines))
    first_item = None
    qtbot.waitUntil(lambda: display.lines.count() == 1, timeout=1000)
    first_item = display.lines.item(0)
    for i in range(2, 6):  # a burst of scans: one repaint, not four
        lines.append(_line(i))
        display.show_ticket(price_cart(lines))
    assert display.lines.count() == 1  # not yet: coalesced
    qtbot.waitUntil(lambda: display.lines.count() == 5, timeout=1000)
    assert display.lines.item(0) is first_item  # appended, the old rows were kept
    assert _texts(display)[-1] == "상품5  1  ₩5,000"
    assert display.total.text() == "합계 ₩15,000"

    lines[0] = _line(1, qty=3)  # a changed quantity rebuilds the list
    display.show_ticket(price_cart(lines))
    display.flush()
    assert _texts(display)[0] == "상품1  3  ₩3,000"
    assert display.lines.count() == 5


def test_hidden_window_catches_up_when_shown(qapp: QApplication, qtbot) -> None:  # type: ignore[no-untyped-def]
    display = CustomerDisplay([])
    qtbot.addWidget(display)
    display.show_ticket(price_cart([_line(1), _line(2)]))
    qapp.processEvents()
    assert display.lines.count() == 0  # hidden: no work on the cashier's scan
    display.show()
    assert _texts(display) == ["상품1  1  ₩1,000", "상품2  1  ₩2,000"]
    display.show_ticket(price_cart([]))
    display.flush()
    assert display.stack.currentIndex() == 0  # a voided ticket: back to the promotions


def test_english_names_under_the_korean_ones(qapp: QApplication, qtbot) -> None:  # type: ignore[no-untyped-def]
    names = {1: "Yeongju Fuji Apples", 2: ""}
    display = CustomerDisplay([], english=lambda pid: names.get(pid, ""))
    qtbot.addWidget(display)
    display.show()
    display.show_ticket(price_cart([_line(1), _line(2)]))
    display.flush()
    assert _texts(display) == ["상품1  1  ₩1,000\n    Yeongju Fuji Apples", "상품2  1  ₩2,000"]
