"""The quick-key layout a manager saves (issue 18, item 9: "a manager edits the quick-key grid
— order, colours, pages"), on SQLite and PostgreSQL: by region until one is saved, pages and
keys kept in their order with label and colour, the quick_keys permission (a cashier refused),
every save audited with before and after, bad input refused with a code, and a new layout seen
by another till's catalogue poll."""

from __future__ import annotations

import pytest

from posapp import audit
from posapp.auth.service import AuthError
from posapp.domain.quick_keys import PALETTE, contrast
from posapp.inventory import csv_io, products, quick_keys
from posapp.inventory.products import ProductEdit
from posapp.inventory.quick_keys import KeySpec, PageSpec, QuickKeyError
from posapp.sales.offline import snapshot
from posapp.sales.offline.spool import Spool
from posapp.usecases.catalog_watch import CatalogWatch
from posapp.usecases.checkout import CheckoutSession, SessionSettings
from posapp.verify import verify
from tests.conftest import Store


def save(store: Store, pages: list[PageSpec], who: int | None = None) -> quick_keys.Layout:
    return store.db.transact(
        lambda uow: quick_keys.save(uow, who or store.manager, pages, register_id="R01")
    )


def layout(store: Store) -> quick_keys.Layout:
    return store.db.read(quick_keys.layout)


def test_every_colour_of_the_palette_reads_at_4_5_to_1() -> None:
    assert len(PALETTE) >= 8
    for c in PALETTE:
        assert contrast(c.background, c.text) >= 4.5, c


def test_by_region_until_a_manager_saves_then_pages_in_order_with_labels_and_colours(
    store: Store,
) -> None:
    before = layout(store)
    assert not before.custom and before.revision is None
    assert [p.name for p in before.pages] == ["횡성군"]  # the one PLU product, by region
    saved = save(
        store,
        [
            PageSpec("자주", (KeySpec(store.gochujang, "고추장", "red"), KeySpec(store.beef))),
            PageSpec("과일", (KeySpec(store.apple, "", "green"),)),
        ],
    )
    assert saved.custom and saved.revision == 1
    again = layout(store)
    assert [p.name for p in again.pages] == ["자주", "과일"]
    first = again.pages[0].keys
    assert [(k.product.id, k.text, k.colour) for k in first] == [
        (store.gochujang, "고추장", "red"),
        (store.beef, "횡성 한우 등심", "default"),
    ]
    # reordered: pages and keys come back in the new order
    save(store, [PageSpec("과일", (KeySpec(store.apple),)), again.pages[0].spec()])
    assert [p.name for p in layout(store).pages] == ["과일", "자주"]
    # no page: back to the layout by region
    reset = save(store, [])
    assert not reset.custom and [p.name for p in reset.pages] == ["횡성군"]


def test_a_cashier_is_refused_and_nothing_changes(store: Store) -> None:
    with pytest.raises(AuthError) as e:
        save(store, [PageSpec("자주", (KeySpec(store.apple),))], who=store.cashier)
    assert e.value.code == "auth.approval_required"
    assert e.value.data["permission"] == "quick_keys"
    assert not layout(store).custom


def test_each_save_is_audited_with_the_layout_before_and_after(store: Store) -> None:
    save(store, [PageSpec("자주", (KeySpec(store.apple, "사과", "yellow"),))])
    save(store, [PageSpec("자주", (KeySpec(store.gochujang),))])
    rows = store.db.read(
        lambda uow: audit.list_events(uow, audit.AuditFilter(action="quick_keys.save"))
    )
    assert len(rows) == 2 and all(r.user_id == store.manager for r in rows)
    last = max(rows, key=lambda r: r.id)
    assert last.before == {
        "pages": [
            {
                "page": "자주",
                "keys": [{"product": store.apple, "label": "사과", "colour": "yellow"}],
            }
        ]
    }
    assert last.after == {
        "pages": [
            {
                "page": "자주",
                "keys": [{"product": store.gochujang, "label": "", "colour": "default"}],
            }
        ]
    }
    assert verify(store.db).ok


@pytest.mark.parametrize(
    ("pages", "code"),
    [
        ([PageSpec("  ")], "quick_keys.page_name"),
        ([PageSpec("가"), PageSpec("가")], "quick_keys.page_dup"),
        ([PageSpec("가", (KeySpec(1, "", "magenta"),))], "quick_keys.colour"),
        ([PageSpec("가", (KeySpec(1, "가" * 30),))], "quick_keys.label"),
        ([PageSpec("가", (KeySpec(99_999),))], "quick_keys.product"),
        ([PageSpec(f"p{i}") for i in range(41)], "quick_keys.too_many_pages"),
    ],
)
def test_bad_layouts_are_refused_with_a_code(
    store: Store, pages: list[PageSpec], code: str
) -> None:
    fixed = [
        PageSpec(
            p.name,
            tuple(
                KeySpec(store.apple if k.product_id == 1 else k.product_id, k.label, k.colour)
                for k in p.keys
            ),
        )
        for p in pages
    ]
    with pytest.raises(QuickKeyError) as e:
        save(store, fixed)
    assert e.value.code == code
    assert not layout(store).custom


def test_a_withdrawn_product_leaves_the_checkout_keys_but_stays_in_the_editor(
    store: Store,
) -> None:
    save(store, [PageSpec("자주", (KeySpec(store.apple), KeySpec(store.salt)))])
    store.db.transact(
        lambda uow: products.update_product(
            uow, store.salt, ProductEdit(active=False), user_id=store.manager
        )
    )
    till = store.db.read(quick_keys.checkout_pages)
    assert [k.product.id for k in till[0].keys] == [store.apple]
    assert [k.product.id for k in layout(store).pages[0].keys] == [store.apple, store.salt]


def test_another_till_sees_a_new_layout_on_its_next_poll(store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    session = CheckoutSession(store.db, SessionSettings(recovery_dir=tmp_path))
    watch = CatalogWatch(session)
    watch.poll()  # the mark to follow from
    assert not watch.poll().keys_changed
    save(store, [PageSpec("자주", (KeySpec(store.apple),))])
    update = watch.poll()
    assert update.keys_changed and update.refresh_keys
    assert not watch.poll().keys_changed
    save(store, [])  # back to the region layout: a change too
    assert watch.poll().keys_changed


def test_the_layout_by_region_of_a_store_with_many_partners_saves_as_it_is(
    store: Store,
) -> None:
    """Seen under Xvfb with the demo: 20+ partner regions, a page each, and 저장 refused
    "페이지는 12개까지" before the manager had changed anything."""
    rows = "".join(
        f",지역{i} 특산물,Special {i},지역{i},생산자{i},과일,kg,{1000 + i},exempt,0,{900 + i:05d}\n"
        for i in range(25)
    )
    header = "barcode,name_ko,name_en,region,producer,category,unit,price,tax,reorder_point,plu\n"
    store.db.transact(lambda uow: csv_io.import_products(uow, (header + rows).encode()))
    by_region = layout(store)
    assert len(by_region.pages) >= 26
    saved = save(store, [p.spec() for p in by_region.pages])
    assert saved.custom and len(saved.pages) == len(by_region.pages)


def test_an_offline_till_shows_the_layout_from_its_snapshot(store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    spool = Spool(tmp_path / "spool.sqlite3", "R01")
    try:
        save(store, [PageSpec("자주", (KeySpec(store.gochujang, "고추장", "red"),))])
        snapshot.refresh(spool, store.db)
        pages = spool.db.read(quick_keys.checkout_pages)
        assert [(p.name, [(k.text, k.colour) for k in p.keys]) for p in pages] == [
            ("자주", [("고추장", "red")])
        ]
        save(store, [])  # back to the region layout: the next copy has no page either
        snapshot.refresh(spool, store.db, changes_only=True)
        assert not spool.db.read(quick_keys.layout).custom
    finally:
        spool.dispose()
