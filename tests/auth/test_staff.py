"""Staff administration (posapp.auth.staff): who may do it, what it changes, what it audits,
and that the store never loses its last admin — on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from posapp.auth import permissions, staff
from posapp.auth.service import AuthError, Role, authenticate, create_user
from posapp.db.models import AuditEvent
from tests.conftest import Store


@pytest.fixture
def admin(store: Store) -> int:
    return store.db.transact(lambda uow: create_user(uow, "관리자", Role.ADMIN, "9999").id)


def _actions(store: Store) -> list[str]:
    return store.db.read(
        lambda uow: list(
            uow.conn.execute(select(AuditEvent.action).order_by(AuditEvent.id)).scalars()
        )
    )


def test_only_user_admin_may_manage_staff(store: Store, admin: int) -> None:
    for actor in (store.cashier, store.manager, None):
        with pytest.raises(AuthError) as e:
            store.db.read(lambda uow, a=actor: staff.list_staff(uow, a))
        assert e.value.code in ("auth.approval_required", "auth.approval_denied")
    rows = store.db.read(lambda uow: staff.list_staff(uow, admin))
    assert {r.name for r in rows} == {"김하늘", "박지민", "관리자"}


def test_add_role_pin_unlock_stop_resume(store: Store, admin: int) -> None:
    db = store.db
    new = db.transact(lambda uow: staff.add(uow, admin, "이수진", Role.CASHIER, "4321"))
    assert db.transact(lambda uow: authenticate(uow, "4321")).id == new.id
    assert db.transact(lambda uow: staff.set_role(uow, admin, new.id, Role.MANAGER))
    assert not db.transact(lambda uow: staff.set_role(uow, admin, new.id, "manager"))

    at = dt.datetime.now(dt.UTC)
    for n in range(10):  # ten wrong PINs lock her out (waiting out each delay)
        with pytest.raises(AuthError):
            db.transact(
                lambda uow, n=n: authenticate(
                    uow, "0000", user_id=new.id, now=at + dt.timedelta(seconds=60 * n)
                )
            )
    row = next(r for r in db.read(lambda uow: staff.list_staff(uow, admin)) if r.id == new.id)
    assert row.locked()
    assert db.transact(lambda uow: staff.unlock(uow, admin, new.id))
    assert db.transact(lambda uow: authenticate(uow, "4321")).id == new.id

    db.transact(lambda uow: staff.reset_pin(uow, admin, new.id, "5678"))
    assert db.transact(lambda uow: authenticate(uow, "5678")).id == new.id
    assert db.transact(lambda uow: staff.set_active(uow, admin, new.id, False))
    with pytest.raises(AuthError):
        db.transact(lambda uow: authenticate(uow, "5678"))
    assert db.transact(lambda uow: staff.set_active(uow, admin, new.id, True))
    acts = _actions(store)
    for action in ("user.add", "user.role", "user.unlock", "user.pin", "user.stop", "user.active"):
        assert action in acts


def test_the_last_admin_stays(store: Store, admin: int) -> None:
    db = store.db
    with pytest.raises(AuthError) as e:
        db.transact(lambda uow: staff.set_role(uow, admin, admin, Role.MANAGER))
    assert e.value.code == "staff.last_admin"
    with pytest.raises(AuthError) as e:
        db.transact(lambda uow: staff.set_active(uow, admin, admin, False))
    assert e.value.code == "staff.self"
    second = db.transact(lambda uow: staff.add(uow, admin, "최관리", Role.ADMIN, "8888"))
    assert db.transact(lambda uow: staff.set_role(uow, second.id, admin, Role.MANAGER))
    # a manager allowed to manage staff still cannot stop the one admin left
    db.transact(lambda uow: permissions.grant(uow, second.id, Role.MANAGER, "user_admin"))
    with pytest.raises(AuthError) as e:
        db.transact(lambda uow: staff.set_active(uow, store.manager, second.id, False))
    assert e.value.code == "staff.last_admin"


def test_permission_matrix_follows_grants(store: Store, admin: int) -> None:
    db = store.db
    matrix = db.read(lambda uow: staff.permission_matrix(uow, admin))
    assert permissions.Permission.VOID in matrix[Role.MANAGER]
    assert not matrix[Role.CASHIER]
    db.transact(lambda uow: permissions.grant(uow, admin, Role.CASHIER, "void"))
    matrix = db.read(lambda uow: staff.permission_matrix(uow, admin))
    assert matrix[Role.CASHIER] == {permissions.Permission.VOID}
