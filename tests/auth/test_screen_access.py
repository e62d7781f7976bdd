"""Opening a protected screen (posapp.usecases.access): the signed-in user's permission, or an
approval bound to that screen — never an approval given for another action."""

from __future__ import annotations

import pytest

from posapp.auth.service import Role, create_user
from posapp.errors import PosError
from posapp.usecases.access import ScreenAccess, screen_action
from posapp.usecases.approvals import ApprovalRequest, Approvals
from tests.conftest import Store


def _request(permission: str | None) -> ApprovalRequest:
    return ApprovalRequest(screen_action(permission), "설정", "PIN", permission=permission)


def test_signed_in_user_or_an_approval_for_this_screen(store: Store) -> None:
    db = store.db
    admin = db.transact(lambda uow: create_user(uow, "최관리", Role.ADMIN, "9999")).id
    access = ScreenAccess(db)
    assert access.authorize_screen(admin, "settings").name == "최관리"
    for who in (None, store.cashier, store.manager):  # nobody, or no settings permission
        with pytest.raises(PosError) as e:
            access.authorize_screen(who, "settings")
        assert e.value.code == "auth.approval_required"
    approval = Approvals(db).verify("9999", _request("settings"))
    assert access.authorize_screen(approval, "settings").id == admin
    with pytest.raises(PosError) as e:  # approved for the settings, not for the staff screen
        access.authorize_screen(approval, "user_admin")
    assert e.value.code == "auth.approval_required"


def test_a_screen_of_any_approver_needs_a_pin(store: Store) -> None:
    access = ScreenAccess(store.db)
    with pytest.raises(PosError) as e:  # signed in is not enough: a PIN is asked at once
        access.authorize_screen(store.manager, None)
    assert e.value.code == "auth.approval_required"
    approval = Approvals(store.db).verify("2222", _request(None))
    assert access.authorize_screen(approval, None).name == "박지민"
