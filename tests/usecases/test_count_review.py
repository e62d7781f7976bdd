"""The stock count's review and posting as use cases (issue 18, item 5): every difference with
its value at the shelf price (weighed goods per kg / 100 g), the typed count replacing the
scanned one, and a post refused when the count changed after its review."""

from __future__ import annotations

import pytest

from posapp.inventory import catalog
from posapp.inventory.counts import line_value
from posapp.inventory.error_codes import CountErrorCode
from posapp.inventory.stock import InventoryError
from posapp.usecases.inventory_counts import CountsUseCases
from tests.conftest import APPLE_CODE, Store


def on_hand(store: Store, pid: int) -> int:
    return store.db.read(lambda uow: catalog.stock_on_hand(uow, pid))


def test_line_value_by_unit() -> None:
    assert line_value("ea", 12_900, 27) == 348_300
    assert line_value("100g", 12_800, -250) == -32_000
    assert line_value("kg", 9_990, 1_001) == 9_999  # toward zero
    assert line_value("kg", 9_990, -1_001) == -9_999


def test_review_then_post_exactly_what_was_reviewed(store: Store) -> None:
    uc = CountsUseCases(store.db)
    c = uc.start(user_id=store.manager)
    uc.scan(c.id, APPLE_CODE)
    uc.scan(c.id, APPLE_CODE)
    assert [ln.counted for ln in uc.counted(c.id)] == [2]
    uc.set_count(c.id, store.apple, 35)  # typed over the scans
    uc.set_count(c.id, store.beef, 4_750)  # grams of a 100 g product: 250 g missing
    uc.set_count(c.id, store.gochujang, 10)  # as the books say: no difference
    review = uc.review(c.id)
    assert review.variances == {store.apple: 27, store.beef: -250}
    assert review.total_value == 27 * 12_900 - 32_000
    assert review.uncounted == 1  # the salt
    with pytest.raises(InventoryError) as e:
        uc.set_count(c.id, store.apple, -1)
    assert e.value.code == CountErrorCode.QTY
    uc.set_count(c.id, store.apple, 30)  # changed after the review
    with pytest.raises(InventoryError) as e:
        uc.post(c.id, user_id=store.manager, register_id=None, reviewed=review)
    assert e.value.code == CountErrorCode.CHANGED
    assert on_hand(store, store.apple) == 8 and uc.open_count() is not None
    posted = uc.post(c.id, user_id=store.manager, register_id=None, reviewed=uc.review(c.id))
    assert posted.variances == {store.apple: 22, store.beef: -250}
    assert on_hand(store, store.apple) == 30 and on_hand(store, store.beef) == 4_750
