"""A markdown (마감할인) looks like a markdown, not a normal price (issue 18, item 12).

A lot marked down 30 % (사과 ₩12,900 → ₩9,030) is scanned by a wedge burst at a till of
1024×768: the ticket tags the line and shows the shelf price, every cell fitting its column.
The customer's receipt, decoded from the bytes the network printer (the emulator) received at
58 and 80 mm, prints the shelf price, a 마감할인 line and the totals the Korean way:
합계 at shelf prices, then 마감할인 합계, then 받을 금액 (what was paid), the VAT lines
(과세/면세/부가세) unchanged and summing to 받을 금액. A reprint (load_sale) prints the same.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select, text

from posapp.app import App, build
from posapp.config import Settings
from posapp.db.models import JournalEntry, OutboxEvent, SaleLine
from posapp.devices import printer_config
from posapp.domain.text import display_width
from posapp.hardware.printer import EscposPrinter
from posapp.inventory import lots
from posapp.sales.offline import forwarder, snapshot
from posapp.sales.offline.spool import Spool
from posapp.sales.tenders import Tender
from posapp.ui.dialogs import RefundChoice
from posapp.ui.tasks import SyncRunner
from posapp.usecases.receipt_search import ReceiptSearch
from posapp.verify import verify
from posapp_devtools.platform.store import Store as PlatformStore
from posapp_devtools.printer_emulator import PrinterEmulator
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, Store
from tests.support.scanning import use_wedge
from tests.ui.test_checkout_flow import Script, burst, sign_in


def mark_down_apples(store: Store) -> None:
    early = store.db.read(
        lambda uow: uow.conn.execute(
            text("SELECT id FROM lots WHERE lot_code = 'A-early'")
        ).scalar_one()
    )
    store.db.transact(lambda uow: lots.markdown_lot(uow, early, 30, user_id=store.manager))


@pytest.fixture(params=[80, 58])
def paper(request: Any) -> int:
    return int(request.param)


@pytest.fixture
def till(qtbot: Any, store: Store, emulator: PrinterEmulator, paper: int) -> Iterator[Any]:
    """A till on a Korean-mode network printer of ``paper`` mm, at 1024×768."""
    base = Settings()
    settings = replace(
        base,
        card=replace(base.card, terminal=""),
        printer=replace(
            base.printer,
            kind="network",
            host="127.0.0.1",
            port=emulator.port,
            profile="korean",
            paper_mm=paper,
        ),
    )
    printer = EscposPrinter(printer_config(settings))
    parts: App = build(store.db, settings, runner=SyncRunner(), printer=printer)
    window = parts.window
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    script = Script()
    window.ask = script  # type: ignore[assignment]
    use_wedge(parts.wedge)
    yield window, script, parts, settings
    use_wedge(None)
    parts.shutdown()


def _cells(window: Any, row: int) -> list[str]:
    m = window.model
    return [
        m.data(m.index(row, c), Qt.ItemDataRole.DisplayRole) or "" for c in range(m.columnCount())
    ]


def _cut(window: Any, row: int) -> dict[int, tuple[str, int, int]]:
    """The figures of ``row`` (every cell but the name) wider than their column, which the
    delegate would elide: it paints a cell in its width less 12 px."""
    table = window.table
    fm = table.fontMetrics()
    out = {}
    for c, cell in enumerate(_cells(window, row)):
        if c == 1:
            continue
        room = table.columnWidth(c) - 12
        if fm.horizontalAdvance(cell) > room:
            out[c] = (cell, fm.horizontalAdvance(cell), room)
    return out


def test_a_marked_down_apple_is_shown_and_printed_as_a_markdown(
    qtbot: Any, store: Store, till: Any, emulator: PrinterEmulator, paper: int
) -> None:
    window, script, parts, _settings = till
    mark_down_apples(store)
    sign_in(qtbot, window, script)
    burst(qtbot, window.search, APPLE_CODE)  # 사과 ₩12,900, its early lot 30 % off: ₩9,030
    burst(qtbot, window.search, GOCHUJANG_CODE)  # 고추장 ₩8,500, not marked down
    qtbot.wait(50)
    assert window.model.rowCount() == 2
    apple, gochujang = _cells(window, 0), _cells(window, 1)
    # as on the receipt: 단가 the shelf price, 할인 the markdown, 금액 what is charged
    assert apple[1:] == ["[마감] *영주 부사 사과 3kg", "1", "₩12,900", "-3,870", "₩9,030"]
    assert gochujang[1:] == ["순창 전통 고추장 1kg", "1", "₩8,500", "", "₩8,500"]
    assert window.width() <= 1024
    # every figure whole; a name too long for its column is cut at its end, the tag kept
    assert _cut(window, 0) == {} and _cut(window, 1) == {}
    fm, room = window.table.fontMetrics(), window.table.columnWidth(1) - 12
    assert fm.elidedText(apple[1], Qt.TextElideMode.ElideRight, room).startswith("[마감] *영주")
    assert "₩17,530" in window.due.text()
    qtbot.keyClick(window, Qt.Key.Key_F6)  # held, then recalled: still a markdown
    assert window.model.rowCount() == 0
    qtbot.keyClick(window, Qt.Key.Key_F7)
    assert [_cells(window, 0), _cells(window, 1)] == [apple, gochujang]

    script.push("tender", lambda total: ([Tender.cash(20_000)], None))
    qtbot.keyClick(window, Qt.Key.Key_F12)
    sale = window.session.last_sale
    assert sale is not None and sale.total == 17_530, window.message.text()
    shelf = store.db.read(
        lambda uow: uow.conn.execute(
            select(SaleLine.product_id, SaleLine.unit_price, SaleLine.shelf_price)
            .where(SaleLine.sale_id == sale.id)
            .order_by(SaleLine.line_no)
        ).all()
    )
    assert [tuple(r) for r in shelf] == [
        (store.apple, 9_030, 12_900),
        (store.gochujang, 8_500, None),
    ]

    assert parts.queue.wait_idle(10)
    receipt = emulator.wait_for_receipts(1, timeout=5)[0].document.text()
    _check_receipt(receipt, paper)

    # a reprint, the sale read back from its tables: the same lines and totals
    number = ReceiptSearch(parts.session, parts.till.printing).reprint(sale.receipt_no)
    assert number == sale.receipt_no and parts.queue.wait_idle(10)
    again = emulator.wait_for_receipts(2, timeout=5)[1].document.text()
    assert "(재발행)" in again
    _check_receipt(again, paper)

    # the same paper but its title (재발행) and the drawer (a reprint opens none)
    def body(paper_text: str) -> list[str]:
        skip = ("[영수증", "[DRAWER")
        return [ln for ln in paper_text.splitlines() if not ln.strip().startswith(skip)]

    assert body(receipt) == body(again)


def _row(receipt: str, label: str) -> str:
    found = [ln for ln in receipt.splitlines() if ln.strip().startswith(label)]
    assert found, (label, receipt)
    return found[0]


def _amount(line: str) -> int:
    return int(line.split()[-1].lstrip("₩￦").replace(",", ""))


def _check_receipt(receipt: str, paper: int) -> None:
    cols = {80: 48, 58: 32}[paper]
    for line in receipt.splitlines():
        if not line.startswith("[BARCODE"):
            assert display_width(line) <= cols, (line, receipt)
    lines = receipt.splitlines()
    at = next(i for i, ln in enumerate(lines) if "영주 부사 사과" in ln)
    priced, markdown = lines[at + 1], lines[at + 2]
    assert priced.split()[-1] == "12,900", receipt  # the amount at the shelf price
    if paper == 80:
        assert "12,900" in priced.split()[-2], receipt  # 단가: the shelf price
    assert markdown.split()[0] == "마감할인" and markdown.split()[-1] == "-3,870", receipt
    # 합계 at shelf prices, less the markdowns, is what was paid
    total_at_shelf = _amount(_row(receipt, "합계"))
    assert total_at_shelf == 12_900 + 8_500
    assert _row(receipt, "마감할인 합계").split()[-1] == "-3,870"
    paid = _amount(_row(receipt, "받을 금액"))
    assert paid == 17_530 == total_at_shelf - 3_870
    # the VAT lines are those of what was paid: 과세 물품가액 + 부가세 + 면세 물품가액
    vat_lines = [_amount(_row(receipt, k)) for k in ("과세 물품가액", "부가세", "면세 물품가액")]
    assert vat_lines == [7_727, 773, 9_030] and sum(vat_lines) == paid


def test_a_refund_of_a_marked_down_apple_prints_the_price_charged(
    qtbot: Any, store: Store, till: Any, emulator: PrinterEmulator, paper: int
) -> None:
    """The refund gives back what was charged (₩9,030), and its receipt says so consistently:
    단가 and 금액 at ₩9,030, no 마감할인 line, 합계 = 환불 금액 = the VAT lines' sum."""
    window, script, parts, _settings = till
    mark_down_apples(store)
    sign_in(qtbot, window, script)
    burst(qtbot, window.search, APPLE_CODE)
    script.push("tender", lambda total: ([Tender.cash(10_000)], None))
    qtbot.keyClick(window, Qt.Key.Key_F12)
    sale = window.session.last_sale
    assert sale is not None and sale.total == 9_030
    script.push("refund", RefundChoice({1: 1}, "변심"))
    script.push("pin", "2222")
    burst(qtbot, window.search, sale.receipt_no)  # the receipt's barcode, scanned
    assert "환불" in window.message.text(), window.message.text()
    assert parts.queue.wait_idle(10)
    refund = emulator.wait_for_receipts(2, timeout=5)[1].document.text()
    assert "[환불 영수증]" in refund
    cols = {80: 48, 58: 32}[paper]
    assert all(display_width(ln) <= cols for ln in refund.splitlines() if "[BARCODE" not in ln)
    lines = refund.splitlines()
    at = next(i for i, ln in enumerate(lines) if "영주 부사 사과" in ln)
    assert lines[at + 1].split()[-1] == "9,030", refund  # a refund prints its amounts unsigned
    if paper == 80:
        assert lines[at + 1].split()[-2] == "9,030", refund
    assert "마감할인" not in refund and "12,900" not in refund
    assert _amount(_row(refund, "합계")) == 9_030
    assert _amount(_row(refund, "환불 금액")) == 9_030
    assert _amount(_row(refund, "면세 물품가액")) == 9_030


def test_a_price_changed_at_the_till_replaces_the_markdown(
    qtbot: Any, store: Store, till: Any, paper: int
) -> None:
    """A manager's price for a marked-down line (Shift+F2) is the price: above the shelf price
    too, and the line no longer shows a markdown it does not have."""
    if paper == 58:
        pytest.skip("the ticket, not the paper")
    window, script, _parts, _settings = till
    mark_down_apples(store)
    sign_in(qtbot, window, script)
    burst(qtbot, window.search, APPLE_CODE)
    window.table.selectRow(0)
    script.push("price", (13_000, "파손·흠집 상품"))
    script.push("pin", "2222")
    qtbot.keyClick(window, Qt.Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
    line = window.session.ticket.lines[0]
    assert (line.unit_price, line.shelf_price, line.markdown) == (13_000, None, 0), (
        window.message.text()
    )
    assert _cells(window, 0)[1:] == ["*영주 부사 사과 3kg", "1", "₩13,000 (변경)", "", "₩13,000"]


def test_a_marked_down_apple_sold_offline_reprints_as_a_markdown(
    qtbot: Any, store: Store, till: Any, emulator: PrinterEmulator, paper: int, tmp_path: Path
) -> None:
    """Sold while the server is out of reach (the spool), the marked-down apple prints as a
    markdown; so does 재발행 — the last sale offline (Ctrl+P), and once the sale has reached
    the server, from the receipt finder there. The sale's document (journal and outbox) names
    the shelf price, as the sale line does."""
    if paper == 58:
        pytest.skip("the 80 mm paper is enough: the layout is tested above")
    window, script, parts, _settings = till
    if parts.forwarder is not None:
        parts.forwarder.stop()  # this test forwards itself, when it means to
    spool = parts.session.spool or Spool(tmp_path / "spool.sqlite3", "R01")
    parts.session.spool = spool
    mark_down_apples(store)
    snapshot.refresh(spool, store.db)
    sign_in(qtbot, window, script)
    assert parts.session.go_offline("test")
    burst(qtbot, window.search, APPLE_CODE)
    burst(qtbot, window.search, GOCHUJANG_CODE)
    qtbot.wait(50)
    script.push("tender", lambda total: ([Tender.cash(20_000)], None))
    qtbot.keyClick(window, Qt.Key.Key_F12)
    sale = window.session.last_sale
    assert sale is not None and "-O0001" in sale.receipt_no, window.message.text()
    assert parts.queue.wait_idle(10)
    receipt = emulator.wait_for_receipts(1, timeout=5)[0].document.text()
    _check_receipt(receipt, paper)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # 재발행, offline
    assert parts.queue.wait_idle(10)
    offline_copy = emulator.wait_for_receipts(2, timeout=5)[1].document.text()
    assert "(재발행)" in offline_copy
    _check_receipt(offline_copy, paper)

    assert forwarder.forward(spool, store.db).sent == 1
    parts.session.back_online()
    doc = store.db.read(
        lambda uow: json.loads(
            uow.conn.execute(
                select(JournalEntry.payload).where(JournalEntry.doc_uuid == sale.uuid)
            ).scalar_one()
        )
    )
    assert [ln.get("shelf_price") for ln in doc["lines"]] == [12_900, None]
    # the reference platform takes the document as the outbox sends it, once
    sent = store.db.read(
        lambda uow: uow.conn.execute(
            select(OutboxEvent.payload).where(OutboxEvent.doc_uuid == sale.uuid)
        ).scalar_one()
    )
    assert sent == doc
    platform = PlatformStore(tmp_path / "platform.sqlite3")
    pushed = [{"uuid": sale.uuid, "kind": "sale", "payload": sent}]
    assert [r["status"] for r in platform.push("R01", pushed)] == ["applied"]
    assert [r["status"] for r in platform.push("R01", pushed)] == ["duplicate"]
    platform.close()
    number = ReceiptSearch(parts.session, parts.till.printing).reprint(sale.receipt_no)
    assert number == sale.receipt_no and parts.queue.wait_idle(10)
    server_copy = emulator.wait_for_receipts(3, timeout=5)[2].document.text()
    assert "(재발행)" in server_copy and "마감할인 합계" in server_copy, server_copy
    _check_receipt(server_copy, paper)
    report = verify(store.db)
    assert report.ok, report.problems()
