"""The stock_adjustment permission on waste, corrections and count posting (real database,
SQLite and PostgreSQL): the acting user's role or a manager approving in place, each change an
audit event with the level before and after."""

from __future__ import annotations

import pytest

from posapp import audit
from posapp.auth import permissions
from posapp.auth.service import AuthError, Role, create_user
from posapp.inventory import catalog, counts, stock
from posapp.inventory.lots import lots_of
from posapp.verify import verify
from tests.conftest import Store


def on_hand(store: Store, pid: int) -> int:
    return store.db.read(lambda uow: catalog.stock_on_hand(uow, pid))


def events(store: Store, action: str) -> list[audit.AuditRow]:
    return store.db.read(lambda uow: audit.list_events(uow, audit.AuditFilter(action=action)))


def test_a_cashier_needs_a_manager_for_waste_and_corrections(store: Store) -> None:
    before = on_hand(store, store.apple)
    with pytest.raises(AuthError) as e:
        store.db.transact(
            lambda uow: stock.record_waste(uow, store.apple, 2, "damaged", user_id=store.cashier)
        )
    assert e.value.code == "auth.approval_required"
    assert e.value.data["permission"] == "stock_adjustment"
    with pytest.raises(AuthError):  # a cashier cannot approve for another cashier (or self)
        store.db.transact(
            lambda uow: stock.record_waste(
                uow, store.apple, 2, "damaged", user_id=store.cashier, approved_by=store.cashier
            )
        )
    assert on_hand(store, store.apple) == before and not events(store, "stock")
    store.db.transact(
        lambda uow: stock.record_waste(
            uow,
            store.apple,
            2,
            "damaged",
            user_id=store.cashier,
            approved_by=store.manager,
            register_id="R01",
            note="떨어뜨림",
        )
    )
    store.db.transact(
        lambda uow: stock.record_waste(
            uow, store.apple, 5, "correction", user_id=store.manager, note="입고 누락"
        )
    )
    assert on_hand(store, store.apple) == before - 2 + 5
    adjust, waste = events(store, "stock")
    assert (waste.action, waste.user_id, waste.register_id) == ("stock.waste", store.cashier, "R01")
    assert waste.target == f"product:{store.apple}"
    assert waste.before == {"on_hand": before}
    assert waste.after is not None
    assert waste.after["on_hand"] == before - 2 and waste.after["qty"] == -2
    assert waste.after["approved_by"] == store.manager
    assert waste.after["reason"] == "damaged: 떨어뜨림"
    assert adjust.action == "stock.adjust" and adjust.user_id == store.manager
    assert adjust.before == {"on_hand": before - 2}
    assert adjust.after is not None and adjust.after["on_hand"] == before + 3
    assert "approved_by" not in adjust.after  # the manager's own permission
    assert verify(store.db).ok


def test_the_permission_follows_the_role_grants(store: Store) -> None:
    admin = store.db.transact(lambda uow: create_user(uow, "관리자", Role.ADMIN, "9999").id)
    store.db.transact(lambda uow: permissions.revoke(uow, admin, Role.MANAGER, "stock_adjustment"))
    with pytest.raises(AuthError) as e:
        store.db.transact(
            lambda uow: stock.record_waste(uow, store.apple, 1, "spoiled", user_id=store.manager)
        )
    assert e.value.code == "auth.approval_required"
    store.db.transact(  # the admin's role keeps every permission
        lambda uow: stock.record_waste(
            uow, store.apple, 1, "spoiled", user_id=store.manager, approved_by=admin
        )
    )
    store.db.transact(lambda uow: permissions.grant(uow, admin, Role.CASHIER, "stock_adjustment"))
    store.db.transact(
        lambda uow: stock.record_waste(uow, store.apple, 1, "sample", user_id=store.cashier)
    )
    assert len(events(store, "stock.waste")) == 2


def test_posting_a_count_needs_the_permission_and_is_audited(store: Store) -> None:
    c = store.db.transact(lambda uow: counts.start_count(uow, user_id=store.cashier))
    store.db.transact(lambda uow: counts.record_count(uow, c.id, store.apple, 5))
    store.db.transact(lambda uow: counts.record_count(uow, c.id, store.salt, 2))
    apple, salt = on_hand(store, store.apple), on_hand(store, store.salt)
    with pytest.raises(AuthError) as e:
        store.db.transact(lambda uow: counts.post_count(uow, c.id, user_id=store.cashier))
    assert e.value.code == "auth.approval_required"
    assert store.db.read(lambda uow: counts.get_count(uow, c.id)).status == "open"
    posted = store.db.transact(
        lambda uow: counts.post_count(
            uow, c.id, user_id=store.cashier, approved_by=store.manager, register_id="R01"
        )
    )
    assert posted.count.status == "posted"
    (ev,) = events(store, "count.post")
    assert ev.user_id == store.cashier and ev.target == f"count:{c.id}"
    changed = {str(p): v for p, v in posted.variances.items()}
    assert ev.before == {
        "on_hand": {k: {str(store.apple): apple, str(store.salt): salt}[k] for k in changed}
    }
    assert ev.after is not None
    assert ev.after["variances"] == changed and ev.after["approved_by"] == store.manager
    assert ev.after["on_hand"] == {str(store.apple): 5, str(store.salt): 2}
    assert verify(store.db).ok


def test_transfers_need_no_permission(store: Store) -> None:
    lots = store.db.read(lambda uow: lots_of(uow, store.apple))
    assert lots
    store.db.transact(
        lambda uow: stock.transfer(
            uow,
            store.apple,
            1,
            from_location="floor",
            to_location="store_room",
            user_id=store.cashier,
        )
    )
    assert verify(store.db).ok
