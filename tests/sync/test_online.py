"""What the platform sends, applied by the store's rules: online orders reserve stock and are
picked up through the ledger; prices change for new tickets only; withdrawn goods stop selling;
the platform learns the store's sellable stock."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from posapp.db.models import PriceChange, StockMovement
from posapp.inventory import catalog, reservations
from posapp.inventory.catalog import CatalogError
from posapp.sales.ticket import Ticket
from posapp.sync import online
from posapp.sync.client import PlatformClient
from posapp.sync.worker import SyncWorker
from posapp.verify import verify
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, Store
from tests.support.platform_server import TOKEN, ThreadedPlatform


@pytest.fixture
def platform(tmp_path: Path) -> Iterator[ThreadedPlatform]:
    p = ThreadedPlatform(tmp_path / "platform.sqlite3").start()
    yield p
    p.stop()


@pytest.fixture
def sync(store: Store, platform: ThreadedPlatform) -> Iterator[tuple[SyncWorker, PlatformClient]]:
    client = PlatformClient(platform.url, TOKEN)
    worker = SyncWorker(store.db, lambda: client, "R01", rng=random.Random(0))
    yield worker, client
    client.close()


def free(store: Store, pid: int) -> int:
    return store.db.read(lambda uow: reservations.available(uow, [pid])[pid])


def orders(store: Store, *statuses: str) -> list[online.OrderInfo]:
    return store.db.read(lambda uow: online.list_orders(uow, statuses or ("accepted",)))


def test_online_order_reserves_then_pick_up_takes_first_expiring(
    store: Store, platform, sync
) -> None:  # type: ignore[no-untyped-def]
    worker, client = sync
    before = free(store, store.apple)
    placed = platform.store.place_order(
        [{"sku": APPLE_CODE, "qty": 2, "unit_price": 12_900}],
        {"name": "이영희", "phone": "010-2345-6789"},
    )
    worker.pull(client)
    (order,) = orders(store)
    assert order.uuid == placed["uuid"] and order.customer_name == "이영희"
    assert free(store, store.apple) == before - 2  # reserved: not sellable online twice
    worker.push_pending(client)
    assert platform.store.order(placed["uuid"])["store_status"] == "accepted"

    picked = store.db.transact(
        lambda uow: online.pick_up(uow, order.uuid, user_id=store.cashier, register_id="R01")
    )
    assert picked.status == "picked_up"
    moves = store.db.read(
        lambda uow: uow.conn.execute(
            select(StockMovement.kind, StockMovement.qty, StockMovement.lot_id).where(
                StockMovement.doc_uuid == order.uuid
            )
        ).all()
    )
    early_lot = store.db.read(
        lambda uow: uow.conn.exec_driver_sql(
            "SELECT id FROM lots WHERE lot_code = 'A-early'"
        ).scalar()
    )
    assert moves == [("online", -2, early_lot)]  # first-expiring lot first
    assert free(store, store.apple) == before - 2  # now gone from stock, no longer reserved
    report = verify(store.db)
    assert not report.ledger and not report.journal
    worker.push_pending(client)
    assert platform.store.order(placed["uuid"])["store_status"] == "picked_up"
    with pytest.raises(online.OrderError) as info:
        store.db.transact(
            lambda uow: online.pick_up(uow, order.uuid, user_id=store.cashier, register_id="R01")
        )
    assert info.value.code == "order.not_ready"


def test_an_order_beyond_stock_or_of_unknown_goods_is_refused(store: Store, platform, sync) -> None:  # type: ignore[no-untyped-def]
    worker, client = sync
    too_many = platform.store.place_order([{"sku": GOCHUJANG_CODE, "qty": 11}], {})
    unknown = platform.store.place_order([{"sku": "8809999999999", "qty": 1}], {})
    worker.pull(client)
    refused = {o.uuid: o.problem for o in orders(store, "rejected")}
    assert "재고 부족" in refused[too_many["uuid"]] and "없는 상품" in refused[unknown["uuid"]]
    assert free(store, store.gochujang) == 10
    worker.push_pending(client)
    assert platform.store.order(too_many["uuid"])["store_status"] == "rejected"


def test_a_cancellation_online_releases_the_reservation(store: Store, platform, sync) -> None:  # type: ignore[no-untyped-def]
    worker, client = sync
    placed = platform.store.place_order([{"sku": GOCHUJANG_CODE, "qty": 3}], {})
    worker.pull(client)
    assert free(store, store.gochujang) == 7
    platform.store.cancel_order(placed["uuid"])
    worker.pull(client)
    assert free(store, store.gochujang) == 10
    assert [o.uuid for o in orders(store, "cancelled")] == [placed["uuid"]]


def test_orders_pulled_twice_are_handled_once(store: Store, platform, sync) -> None:  # type: ignore[no-untyped-def]
    platform.store.place_order([{"sku": GOCHUJANG_CODE, "qty": 1}], {})
    page = platform.store.orders_after(0, 100)["orders"]
    first = store.db.transact(lambda uow: online.receive_orders(uow, page))
    again = store.db.transact(lambda uow: online.receive_orders(uow, page))
    assert (first.accepted, again.accepted, again.ignored) == (1, 0, 1)
    assert free(store, store.gochujang) == 9


def test_a_price_change_online_applies_to_new_tickets_only(store: Store, platform, sync) -> None:  # type: ignore[no-untyped-def]
    worker, client = sync
    ticket = Ticket()
    ticket.add(store.db.read(lambda uow: catalog.scan(uow, APPLE_CODE).line))
    platform.store.change_product(APPLE_CODE, price=13_900)
    worker.pull(client)
    assert ticket.priced().total == 12_900  # the line already on the ticket keeps its price
    fresh = store.db.read(lambda uow: catalog.scan(uow, APPLE_CODE).line)
    assert fresh.unit_price == 13_900
    history = store.db.read(
        lambda uow: uow.conn.execute(
            select(PriceChange.old_price, PriceChange.new_price, PriceChange.source)
        ).all()
    )
    assert history == [(12_900, 13_900, "platform")]


def test_a_product_withdrawn_online_stops_selling_but_stays(store: Store, platform, sync) -> None:  # type: ignore[no-untyped-def]
    worker, client = sync
    platform.store.change_product(GOCHUJANG_CODE, active=False)
    platform.store.change_product("8800000000000", price=1)  # not ours: counted, not an error
    worker.pull(client)
    with pytest.raises(CatalogError) as info:
        store.db.read(lambda uow: catalog.scan(uow, GOCHUJANG_CODE))
    assert info.value.code == "catalog.inactive"
    platform.store.change_product(GOCHUJANG_CODE, active=True)
    worker.pull(client)
    assert store.db.read(lambda uow: catalog.scan(uow, GOCHUJANG_CODE)).product.active


def test_stock_levels_reach_the_platform_and_then_only_changes(
    store: Store, platform, sync
) -> None:  # type: ignore[no-untyped-def]
    worker, client = sync
    assert worker.push_stock(client, full=True) == 4
    levels = platform.store.stock("R01")
    assert levels[APPLE_CODE] == 8 and levels[GOCHUJANG_CODE] == 10 and levels["PLU-00101"] == 5000
    worker.push_stock(client)  # sets the marks
    platform.store.place_order([{"sku": GOCHUJANG_CODE, "qty": 4}], {})
    worker.pull(client)
    sent = worker.push_stock(client)
    assert sent == 1 and platform.store.stock("R01")[GOCHUJANG_CODE] == 6
