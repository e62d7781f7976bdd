"""One product writer: the edit screen, the CSV import and the platform all leave the same
price history row and audit event (who, before, after) for a changed price."""

from __future__ import annotations

from sqlalchemy import select

from posapp.db.models import AuditEvent, PriceChange
from posapp.inventory import csv_io, products
from posapp.sync import online
from tests.conftest import APPLE_CODE, Store


def trail(store: Store) -> tuple[list[tuple], list[tuple]]:  # type: ignore[type-arg]
    def run(uow):  # type: ignore[no-untyped-def]
        prices = uow.conn.execute(
            select(
                PriceChange.old_price,
                PriceChange.new_price,
                PriceChange.user_id,
                PriceChange.source,
            )
            .where(PriceChange.product_id == store.apple)
            .order_by(PriceChange.id)
        ).all()
        events = uow.conn.execute(
            select(AuditEvent.action, AuditEvent.user_id, AuditEvent.before, AuditEvent.after)
            .where(AuditEvent.target == f"product:{store.apple}")
            .order_by(AuditEvent.id)
        ).all()
        return [tuple(r) for r in prices], [tuple(r) for r in events]

    return store.db.read(run)


def test_edit_import_and_platform_write_price_history_and_audit(store: Store) -> None:
    store.db.transact(
        lambda uow: products.update_product(
            uow, store.apple, products.ProductEdit(price=13_500), user_id=store.manager
        )
    )
    csv_text = (
        "barcode,name_ko,name_en,region,producer,category,unit,price,tax,reorder_point\n"
        f"{APPLE_CODE},영주 부사 사과 3kg,Yeongju Fuji Apples 3kg,영주시,영주농협,과일,ea,13900,"
        "exempt,5\n"
    )
    store.db.transact(
        lambda uow: csv_io.import_products(uow, csv_text.encode(), user_id=store.cashier)
    )
    result = store.db.transact(
        lambda uow: online.apply_catalog_changes(uow, [{"sku": APPLE_CODE, "price": 14_200}])
    )
    assert result.prices == 1
    prices, events = trail(store)
    assert prices == [
        (12_900, 13_500, store.manager, "manual"),
        (13_500, 13_900, store.cashier, "import"),
        (13_900, 14_200, None, "platform"),
    ]
    assert [(a, u, b["price"], c["price"]) for a, u, b, c in events] == [
        ("product.edit", store.manager, 12_900, 13_500),
        ("product.import", store.cashier, 13_500, 13_900),
        ("product.platform", None, 13_900, 14_200),
    ]


def test_the_same_price_again_writes_nothing(store: Store) -> None:
    store.db.transact(
        lambda uow: products.set_price(uow, store.apple, 12_900, user_id=store.manager)
    )
    assert trail(store) == ([], [])
