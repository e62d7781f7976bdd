"""What the till's half-minute catalogue poll is told (posapp.inventory.catalog.changed_since):
each change once — not the last one again on every poll (it rebuilt the till's search index
and quick keys every 30 s), and not lost when two products change at the same moment and one
of them commits after a poll."""

from __future__ import annotations

from sqlalchemy import update

from posapp.db.models import Product
from posapp.inventory import catalog, products
from tests.conftest import Store


def _poll(store: Store, changes: catalog.CatalogChanges | None) -> catalog.CatalogChanges:
    mark = changes.mark if changes else None
    seen = changes.seen if changes else frozenset()
    return store.db.read(lambda uow: catalog.changed_since(uow, mark, seen))


def ids(changes: catalog.CatalogChanges) -> list[int]:
    return [p.id for p in changes.products]


def test_each_change_is_reported_once_and_nothing_when_nothing_changed(store: Store) -> None:
    first = _poll(store, None)  # the mark to start from
    assert ids(first) == [] and first.mark is not None
    again = _poll(store, first)
    assert ids(again) == []
    store.db.transact(
        lambda uow: products.set_price(uow, store.apple, 13_900, user_id=store.manager)
    )
    changed = _poll(store, again)
    assert ids(changed) == [store.apple] and changed.products[0].price == 13_900
    assert ids(_poll(store, changed)) == []


def test_two_changes_of_the_same_moment_are_both_reported(store: Store) -> None:
    store.db.transact(
        lambda uow: products.set_price(uow, store.apple, 13_900, user_id=store.manager)
    )
    first = _poll(store, None)
    seen = _poll(store, first)
    assert ids(seen) == []
    # another till's change stamped with the very same moment, committed after that poll
    assert first.mark is not None
    store.db.transact(
        lambda uow: uow.conn.execute(
            update(Product).where(Product.id == store.salt).values(updated_at=first.mark)
        )
    )
    late = _poll(store, seen)
    assert ids(late) == [store.salt]
    assert ids(_poll(store, late)) == []
