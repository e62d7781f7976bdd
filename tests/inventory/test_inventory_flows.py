"""Inventory flows end to end on a real database (SQLite, and PostgreSQL when configured):
purchase orders and receiving, waste, transfers, counts during sales, markdowns, product edits,
movement history — with the ledger invariant (posapp-admin verify) after each."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from posapp.db.models import AuditEvent, GoodsReceiptLine, Lot, StockLevel
from posapp.domain import calendar
from posapp.inventory import (
    catalog,
    counts,
    partners,
    products,
    purchasing,
    receiving,
    stock,
    stock_history,
)
from posapp.inventory.lots import LotInfo, expiring_lots, lots_of, markdown_lot
from posapp.inventory.purchasing import OrderLine
from posapp.inventory.receiving import ReceiveLine
from posapp.inventory.stock import InventoryError, WasteReason
from posapp.sales import completion
from posapp.sales.tenders import Tender
from posapp.sales.ticket import Ticket
from posapp.verify import verify
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, Store


def ok(store: Store) -> None:
    report = verify(store.db)
    assert report.ok, report


def on_hand(store: Store, pid: int) -> int:
    return store.db.read(lambda uow: catalog.stock_on_hand(uow, pid))


def lots(store: Store, pid: int) -> list[LotInfo]:
    return store.db.read(lambda uow: lots_of(uow, pid))


def sell(store: Store, code: str, n: int = 1):  # type: ignore[no-untyped-def]
    t = Ticket()
    for _ in range(n):
        t.add(store.db.read(lambda uow: catalog.scan(uow, code)).line)
    return store.db.transact(
        lambda uow: completion.complete_sale(
            uow, t, [Tender.cash(1_000_000)], register_id=store.register, user_id=store.cashier
        )
    )


def supplier_of(store: Store, pid: int) -> int:
    return store.db.read(lambda uow: products.get_product(uow, pid).producer_id)  # type: ignore[return-value]


# --- purchase orders and receiving -----------------------------------------------------------


def test_purchase_order_lifecycle_with_partial_and_over_receiving(store: Store) -> None:
    sup = supplier_of(store, store.gochujang)
    po = store.db.transact(
        lambda uow: purchasing.create_po(
            uow, sup, [OrderLine(store.gochujang, 10, 5200)], user_id=store.manager
        )
    )
    assert po.status == "draft" and po.number.startswith("PO-") and po.total == 52_000
    with pytest.raises(InventoryError) as e:  # a draft is not received against
        store.db.transact(
            lambda uow: receiving.receive(
                uow, [ReceiveLine(store.gochujang, 1)], user_id=store.manager, po_id=po.id
            )
        )
    assert e.value.code == "inventory.po_not_open"
    po = store.db.transact(lambda uow: purchasing.send_po(uow, po.id))
    assert po.status == "sent" and po.sent_at is not None
    with pytest.raises(InventoryError):
        store.db.transact(lambda uow: purchasing.set_po_lines(uow, po.id, []))
    before = on_hand(store, store.gochujang)
    expiry = dt.date.today() + dt.timedelta(days=200)
    gr = store.db.transact(
        lambda uow: receiving.receive(
            uow,
            [ReceiveLine(store.gochujang, 4, expiry, lot_code="L1")],
            user_id=store.manager,
            po_id=po.id,
        )
    )
    assert gr.po_status == "partial" and gr.over_ordered == 0
    assert gr.lines[0].unit_cost == 5200  # from the order line
    ok(store)
    # the rest and 3 more than ordered: accepted, recorded as over-ordered
    gr2 = store.db.transact(
        lambda uow: receiving.receive(
            uow, [ReceiveLine(store.gochujang, 9, expiry, 5000)], user_id=store.manager, po_id=po.id
        )
    )
    assert gr2.po_status == "received" and gr2.over_ordered == 3
    assert on_hand(store, store.gochujang) == before + 13
    info = store.db.read(lambda uow: purchasing.get_po(uow, po.id))
    assert info.lines[0].qty_received == 13 and info.lines[0].remaining == 0
    over = store.db.read(
        lambda uow: uow.conn.execute(
            select(GoodsReceiptLine.over_ordered).where(GoodsReceiptLine.receipt_id == gr2.id)
        ).scalar_one()
    )
    assert over == 3
    with pytest.raises(InventoryError):  # a received order takes nothing more
        store.db.transact(
            lambda uow: receiving.receive(
                uow, [ReceiveLine(store.gochujang, 1)], user_id=store.manager, po_id=po.id
            )
        )
    closed = store.db.transact(lambda uow: purchasing.close_po(uow, po.id))
    assert closed.status == "closed"
    ok(store)


def test_receiving_a_product_not_on_the_order_and_ad_hoc(store: Store) -> None:
    sup = supplier_of(store, store.apple)
    po = store.db.transact(
        lambda uow: purchasing.send_po(
            uow, purchasing.create_po(uow, sup, [OrderLine(store.apple, 2)], user_id=1).id
        )
    )
    gr = store.db.transact(
        lambda uow: receiving.receive(
            uow,
            [ReceiveLine(store.apple, 2), ReceiveLine(store.salt, 5)],
            user_id=store.manager,
            po_id=po.id,
        )
    )
    assert gr.po_status == "received" and [ln.over_ordered for ln in gr.lines] == [0, 5]
    adhoc = store.db.transact(
        lambda uow: receiving.receive(uow, [ReceiveLine(store.salt, 4)], user_id=store.manager)
    )
    assert adhoc.po_id is None and adhoc.over_ordered == 0
    ok(store)


def test_receiving_rejects_bad_lines_and_writes_nothing(store: Store) -> None:
    before = on_hand(store, store.apple)
    past = dt.date.today() - dt.timedelta(days=3)
    for lines, code in [
        ([ReceiveLine(store.apple, 0)], "inventory.qty"),
        ([ReceiveLine(store.apple, 2, past)], "inventory.expired"),
        ([ReceiveLine(store.apple, 2), ReceiveLine(999_999, 1)], "inventory.unknown_product"),
        ([], "inventory.receive_empty"),
    ]:
        with pytest.raises(InventoryError) as e:
            store.db.transact(lambda uow, lines=lines: receiving.receive(uow, lines, user_id=1))
        assert e.value.code == code
    assert on_hand(store, store.apple) == before
    ok(store)


def test_expiry_defaults_to_shelf_life(store: Store) -> None:
    store.db.transact(
        lambda uow: products.update_product(
            uow, store.salt, products.ProductEdit(shelf_life_days=30), user_id=store.manager
        )
    )
    gr = store.db.transact(
        lambda uow: receiving.receive(uow, [ReceiveLine(store.salt, 3)], user_id=store.manager)
    )
    assert gr.lines[0].expiry_date == calendar.today() + dt.timedelta(days=30)


def test_suggested_quantities_from_reorder_point_and_recent_sales(store: Store) -> None:
    sup = supplier_of(store, store.apple)  # apples: 8 on hand, reorder point 5
    assert store.db.read(lambda uow: purchasing.suggest_order(uow, sup)) == []
    sell(store, APPLE_CODE, 4)  # 4 on hand now, 4 sold in 28 days -> 1 a week
    s = store.db.read(lambda uow: purchasing.suggest_order(uow, sup))
    assert [(x.product_id, x.on_hand, x.qty) for x in s] == [(store.apple, 4, 5 + 1 - 4)]
    po = store.db.transact(
        lambda uow: purchasing.send_po(
            uow, purchasing.create_po(uow, sup, [OrderLine(store.apple, 2)], user_id=1).id
        )
    )
    assert po.status == "sent"
    assert store.db.read(lambda uow: purchasing.suggest_order(uow, sup)) == []  # 2 on order


# --- lots, FEFO, waste, transfers ------------------------------------------------------------


def test_fefo_across_received_lots(store: Store) -> None:
    today = dt.date.today()
    store.db.transact(
        lambda uow: receiving.receive(
            uow,
            [ReceiveLine(store.apple, 2, today + dt.timedelta(days=1), lot_code="A-first")],
            user_id=store.manager,
        )
    )
    sell(store, APPLE_CODE, 4)  # takes 2 from A-first, then 2 of the 3 in A-early
    left = {ln.lot_code: ln.qty_on_hand for ln in lots(store, store.apple)}
    assert left == {"A-early": 1, "A-late": 5}
    assert [ln.lot_code for ln in lots(store, store.apple)] == ["A-early", "A-late"]
    ok(store)


def test_waste_with_reason_from_a_lot_and_fefo(store: Store) -> None:
    early = next(ln for ln in lots(store, store.apple) if ln.lot_code == "A-early")
    ch = store.db.transact(
        lambda uow: stock.record_waste(
            uow, store.apple, 2, WasteReason.SPOILED, user_id=store.manager, lot_id=early.id
        )
    )
    assert ch.kind == "waste" and ch.movements[0].qty == -2
    store.db.transact(
        lambda uow: stock.record_waste(
            uow, store.apple, 2, "sample", user_id=store.manager, note="시식 행사"
        )
    )
    left = {ln.lot_code: ln.qty_on_hand for ln in lots(store, store.apple)}
    assert left == {"A-late": 4}  # 1 from A-early, then 1 from A-late
    with pytest.raises(InventoryError) as e:
        store.db.transact(
            lambda uow: stock.record_waste(
                uow, store.apple, 9, "damaged", user_id=store.manager, lot_id=early.id
            )
        )
    assert e.value.code == "inventory.lot_short"
    with pytest.raises(InventoryError) as e:
        store.db.transact(lambda uow: stock.record_waste(uow, store.apple, 1, "lost", user_id=1))
    assert e.value.code == "inventory.reason"
    with pytest.raises(InventoryError) as e:  # a correction needs a why
        store.db.transact(
            lambda uow: stock.record_waste(uow, store.apple, 3, "correction", user_id=1)
        )
    assert e.value.code == "inventory.note_required"
    store.db.transact(
        lambda uow: stock.record_waste(
            uow, store.apple, 3, "correction", user_id=store.manager, note="입고 누락"
        )
    )
    assert on_hand(store, store.apple) == 8 - 4 + 3
    hist = store.db.read(lambda uow: stock_history.history(uow, store.apple))
    assert hist[0].kind == "adjust" and hist[0].reason == "correction: 입고 누락"
    assert hist[0].user == "박지민"
    assert {h.reason for h in hist if h.kind == "waste"} == {"spoiled", "sample: 시식 행사"}
    ok(store)


def test_transfer_between_floor_and_store_room(store: Store) -> None:
    ch = store.db.transact(
        lambda uow: stock.transfer(
            uow, store.apple, 4, from_location="floor", to_location="store_room", user_id=1
        )
    )
    assert sum(m.qty for m in ch.movements) == 0
    where = store.db.read(lambda uow: stock.on_hand_by_location(uow, store.apple))
    assert where == {"floor": 4, "store_room": 4, "unlotted": 0}
    room = [ln for ln in lots(store, store.apple) if ln.location == "store_room"]
    assert {(ln.lot_code, ln.qty_on_hand) for ln in room} == {("A-early", 3), ("A-late", 1)}
    assert on_hand(store, store.apple) == 8
    # the till sells from the floor only: 4 on the floor, the 5th goes unlotted
    sell(store, APPLE_CODE, 5)
    where = store.db.read(lambda uow: stock.on_hand_by_location(uow, store.apple))
    assert where == {"floor": 0, "store_room": 4, "unlotted": -1}
    # back up to the floor: units join their original lots' twins again
    store.db.transact(
        lambda uow: stock.transfer(
            uow, store.apple, 4, from_location="store_room", to_location="floor", user_id=1
        )
    )
    assert sum(ln.qty_on_hand for ln in lots(store, store.apple) if ln.location == "floor") == 4
    with pytest.raises(InventoryError) as e:
        store.db.transact(
            lambda uow: stock.transfer(
                uow, store.apple, 50, from_location="floor", to_location="store_room", user_id=1
            )
        )
    assert e.value.code == "inventory.transfer_short"
    ok(store)


def test_markdown_of_near_expiry_lot(store: Store) -> None:
    near = store.db.read(lambda uow: expiring_lots(uow, 7))
    assert {(ln.product_id, ln.days_left) for ln in near} >= {(store.apple, 5), (store.beef, 4)}
    early = next(ln for ln in near if ln.product_id == store.apple)
    md = store.db.transact(lambda uow: markdown_lot(uow, early.id, 30, user_id=2))
    assert (md.regular_price, md.price) == (12_900, 9_030)
    again = next(ln for ln in lots(store, store.apple) if ln.id == early.id)
    assert again.markdown_price == 9_030
    with pytest.raises(InventoryError):
        store.db.transact(lambda uow: markdown_lot(uow, early.id, 95, user_id=2))


def scanned_price(store: Store, code: str) -> int:
    return store.db.read(lambda uow: catalog.scan(uow, code)).line.unit_price


def test_the_till_charges_the_markdown_of_the_lot_it_sells_next(store: Store) -> None:
    apple_lots = lots(store, store.apple)  # A-early (3, 5 days), A-late (5, 20 days)
    early, late = apple_lots[0], apple_lots[1]
    assert early.lot_code == "A-early" and scanned_price(store, APPLE_CODE) == 12_900
    # a markdown of a lot sold later changes nothing at the till yet
    store.db.transact(lambda uow: markdown_lot(uow, late.id, 10, user_id=store.manager))
    assert scanned_price(store, APPLE_CODE) == 12_900
    store.db.transact(lambda uow: markdown_lot(uow, early.id, 30, user_id=store.manager))
    assert scanned_price(store, APPLE_CODE) == 9_030
    store.db.transact(lambda uow: markdown_lot(uow, early.id, 50, user_id=store.manager))
    assert scanned_price(store, APPLE_CODE) == 6_450  # the latest markdown of the lot
    sale = sell(store, APPLE_CODE, 3)  # the marked-down lot sold out
    assert sale.total == 3 * 6_450
    assert early.id not in {ln.id for ln in lots(store, store.apple)}
    # now the late lot is sold next, and its own markdown applies
    assert scanned_price(store, APPLE_CODE) == 11_610
    ok(store)


def test_a_markdown_in_the_store_room_is_not_charged_on_the_floor(store: Store) -> None:
    moved = store.db.transact(
        lambda uow: stock.transfer(
            uow,
            store.apple,
            3,
            from_location="floor",
            to_location="store_room",
            user_id=store.manager,
        )
    )
    room_lot = next(m.lot_id for m in moved.movements if m.qty > 0)
    store.db.transact(lambda uow: markdown_lot(uow, room_lot, 40, user_id=store.manager))
    assert scanned_price(store, APPLE_CODE) == 12_900
    # a floor lot of the weighed beef: its price per 100 g marked down
    beef_lot = lots(store, store.beef)[0]
    store.db.transact(lambda uow: markdown_lot(uow, beef_lot.id, 20, user_id=store.manager))
    assert store.db.read(lambda uow: catalog.markdown_price(uow, store.beef)) == 10_240
    ok(store)


# --- counts ----------------------------------------------------------------------------------


def test_count_while_selling_keeps_later_sales_apart(store: Store) -> None:
    c = store.db.transact(
        lambda uow: counts.start_count(
            uow, user_id=store.manager, product_ids=[store.apple, store.gochujang]
        )
    )
    assert c.lines == 2
    with pytest.raises(InventoryError):  # one count at a time
        store.db.transact(lambda uow: counts.start_count(uow, user_id=store.manager))
    sell(store, APPLE_CODE, 2)  # sold after the start, before the apples were counted: 6 left
    # the shelf has 5: one apple is missing
    store.db.transact(lambda uow: counts.record_count(uow, c.id, store.apple, 5))
    sell(store, APPLE_CODE, 1)  # sold after counting: must not be a variance
    for _ in range(9):  # scan-to-count: 9 jars of gochujang (10 expected)
        line = store.db.transact(
            lambda uow: counts.record_count(uow, c.id, store.gochujang, 1, add=True)
        )
    assert line.counted == 9 and line.variance == -1
    sell(store, GOCHUJANG_CODE, 1)
    lines = {ln.product_id: ln for ln in store.db.read(lambda uow: counts.count_lines(uow, c.id))}
    a = lines[store.apple]
    assert (a.expected_at_start, a.since_start, a.counted, a.variance) == (8, -2, 5, -1)
    posted = store.db.transact(lambda uow: counts.post_count(uow, c.id, user_id=store.manager))
    assert posted.variances == {store.apple: -1, store.gochujang: -1}
    assert posted.count.status == "posted"
    assert on_hand(store, store.apple) == 5 - 1  # counted 5, one sold after counting
    assert on_hand(store, store.gochujang) == 9 - 1
    hist = store.db.read(lambda uow: stock_history.history(uow, store.apple))
    assert hist[0].kind == "count" and hist[0].document.startswith("재고조사")
    ok(store)


def test_count_of_unlotted_product_and_surplus(store: Store) -> None:
    sell(store, "8801234500036", 2)  # salt has no lots: -2 and flagged for a count
    flagged = store.db.read(
        lambda uow: uow.conn.execute(
            select(StockLevel.needs_count).where(StockLevel.product_id == store.salt)
        ).scalar_one()
    )
    assert flagged
    c = store.db.transact(lambda uow: counts.start_count(uow, user_id=store.manager))
    store.db.transact(lambda uow: counts.record_count(uow, c.id, store.salt, 7))
    store.db.transact(lambda uow: counts.record_count(uow, c.id, store.apple, 9))  # one extra
    posted = store.db.transact(lambda uow: counts.post_count(uow, c.id, user_id=store.manager))
    assert posted.variances == {store.salt: 9, store.apple: 1}
    assert on_hand(store, store.salt) == 7 and on_hand(store, store.apple) == 9
    newest = store.db.read(
        lambda uow: uow.conn.execute(
            select(Lot.lot_code, Lot.qty_on_hand).where(Lot.product_id == store.apple)
        ).all()
    )
    assert ("A-early", 4) in newest  # the surplus joined the newest lot
    lv = store.db.read(
        lambda uow: uow.conn.execute(
            select(StockLevel.needs_count).where(StockLevel.product_id == store.salt)
        ).scalar_one()
    )
    assert not lv
    ok(store)


def test_cancelled_count_posts_nothing(store: Store) -> None:
    c = store.db.transact(lambda uow: counts.start_count(uow, user_id=store.manager))
    store.db.transact(lambda uow: counts.record_count(uow, c.id, store.apple, 1))
    store.db.transact(lambda uow: counts.cancel_count(uow, c.id))
    assert on_hand(store, store.apple) == 8
    with pytest.raises(InventoryError) as e:
        store.db.transact(lambda uow: counts.post_count(uow, c.id, user_id=store.manager))
    assert e.value.code == "count.not_open"


# --- products --------------------------------------------------------------------------------


def test_product_edit_price_history_and_barcodes(store: Store) -> None:
    open_ticket = Ticket()
    open_ticket.add(store.db.read(lambda uow: catalog.scan(uow, APPLE_CODE)).line)
    d = store.db.transact(
        lambda uow: products.update_product(
            uow,
            store.apple,
            products.ProductEdit(
                price=13_500, reorder_point=6, barcodes=(APPLE_CODE, "8801234500050")
            ),
            user_id=store.manager,
        )
    )
    assert d.price == 13_500 and d.reorder_point == 6 and d.barcodes[1] == "8801234500050"
    assert d.prices[0].old_price == 12_900 and d.prices[0].user == "박지민"
    assert open_ticket.lines[0].unit_price == 12_900  # the open ticket keeps its price
    new = store.db.read(lambda uow: catalog.scan(uow, "8801234500050"))
    assert new.line.unit_price == 13_500  # a new ticket gets the new one
    audit = store.db.read(
        lambda uow: uow.conn.execute(
            select(AuditEvent.after).where(AuditEvent.action == "product.edit")
        ).scalar_one()
    )
    assert audit["price"] == 13_500
    for edit, code in [
        (products.ProductEdit(barcodes=("8801234500013",)), "inventory.barcode"),  # check digit
        (products.ProductEdit(barcodes=("2012345678906",)), "inventory.barcode"),  # in-store
        (products.ProductEdit(barcodes=(GOCHUJANG_CODE,)), "inventory.barcode_taken"),
        (products.ProductEdit(price=-1), "inventory.price"),
        (products.ProductEdit(unit="box"), "inventory.unit"),
    ]:
        with pytest.raises(InventoryError) as e:
            store.db.transact(
                lambda uow, edit=edit: products.update_product(uow, store.apple, edit, user_id=2)
            )
        assert e.value.code == code, edit
    assert store.db.read(lambda uow: products.get_product(uow, store.apple)).barcodes == (
        APPLE_CODE,
        "8801234500050",
    )


def test_product_list_filters(store: Store) -> None:
    def ids(**kw):  # type: ignore[no-untyped-def]
        f = products.ProductFilter(**kw)
        rows = store.db.read(lambda uow: products.list_products(uow, f))
        n = store.db.read(lambda uow: products.count_products(uow, f))
        assert n == len(rows)
        return {r.id for r in rows}

    everything = {store.apple, store.gochujang, store.beef, store.salt}
    assert ids() == everything
    assert ids(low_stock=True) == {store.salt}  # 0 ≤ 3; beef 5,000 g is above its 2,000
    assert ids(expiring_days=4) == {store.beef}
    assert ids(expiring_days=5) == {store.beef, store.apple}
    assert ids(tax_class="taxable") == {store.gochujang}
    assert ids(text="사과") == {store.apple}
    assert ids(text=GOCHUJANG_CODE) == {store.gochujang}
    apple = store.db.read(lambda uow: products.get_product(uow, store.apple))
    assert ids(region_id=apple.region_id) == {store.apple}
    assert ids(producer_id=apple.producer_id) == {store.apple}
    assert ids(category_id=apple.category_id) == {store.apple}
    store.db.transact(
        lambda uow: products.update_product(
            uow, store.salt, products.ProductEdit(active=False), user_id=2
        )
    )
    assert ids(inactive=True) == {store.salt}
    row = store.db.read(
        lambda uow: products.list_products(uow, products.ProductFilter(text="사과"))
    )[0]
    assert row.on_hand == 8 and row.next_expiry == calendar.today() + dt.timedelta(days=5)
    assert row.barcode == APPLE_CODE and row.region == "영주시"


def test_regions_and_producers(store: Store) -> None:
    regions = store.db.read(partners.list_regions)
    r = next(x for x in regions if x.name == "영주시")
    r2 = store.db.transact(
        lambda uow: partners.update_region(
            uow, r.id, user_id=2, festival="영주 풍기인삼축제 (10월)", promo="영주 사과 제철!"
        )
    )
    assert r2.promo == "영주 사과 제철!"
    assert store.db.read(lambda uow: catalog.region_promo(uow, [r.id])) == (
        "영주시",
        "영주 사과 제철!",
    )
    with pytest.raises(InventoryError):
        store.db.transact(lambda uow: partners.update_region(uow, r.id, user_id=2, name="x"))
    p = store.db.transact(
        lambda uow: partners.save_producer(
            uow,
            user_id=2,
            name="영주 사과농원",
            region_id=r.id,
            contact="김영주",
            phone="054-000-0000",
        )
    )
    assert p.region == "영주시" and p.contact == "김영주"
    with pytest.raises(InventoryError) as e:
        store.db.transact(lambda uow: partners.save_producer(uow, user_id=2, name="영주 사과농원"))
    assert e.value.code == "producer.duplicate"
    with pytest.raises(InventoryError) as e:
        store.db.transact(
            lambda uow: partners.save_producer(uow, user_id=2, name="x", phone="call me")
        )
    assert e.value.code == "producer.phone"


def test_a_product_picked_from_the_search_list_gets_the_markdown_too(store: Store) -> None:
    from posapp.usecases.checkout import CheckoutSession, SessionSettings

    early = lots(store, store.apple)[0]
    store.db.transact(lambda uow: markdown_lot(uow, early.id, 30, user_id=store.manager))
    s = CheckoutSession(db=store.db, settings=SessionSettings(register_id="R01"))
    s.sign_in("1111")
    apple = next(p for p in s.search("영주 부사") if p.id == store.apple)
    s.add_product(apple)  # no barcode scanned: picked from the list
    s.scan(GOCHUJANG_CODE)
    assert [pl.line.unit_price for pl in s.priced().lines] == [9_030, 8_500]
