"""The one approval service: a PIN checked against the store's approvers, bound to the action,
the line and the bound it was asked for."""

from __future__ import annotations

import pytest

from posapp.errors import PosError
from posapp.usecases.approvals import Approval, ApprovalRequest, Approvals
from tests.conftest import Store

DISCOUNT = ApprovalRequest(
    action="discount.line", title="관리자 승인", prompt="할인 15%", line=0, bound={"percent": 15}
)


def test_a_managers_pin_gives_an_approval_bound_to_the_request(store: Store) -> None:
    approval = Approvals(store.db).verify("2222", DISCOUNT)
    assert approval.approver_id == store.manager
    assert approval.action == "discount.line"
    assert approval.covers("discount.line", line=0, percent=15)
    assert approval.covers("discount.line", line=0, percent=10)


def test_an_approval_covers_no_more_than_was_approved() -> None:
    a = Approval(1, "박지민", "discount.line", line=0, bound={"percent": 15})
    assert not a.covers("discount.line", line=0, percent=90)  # a larger discount asks again
    assert not a.covers("discount.line", line=1, percent=15)  # another line
    assert not a.covers("discount.ticket", percent=15)  # another action
    assert not a.covers("discount.line", line=0, amount=1000)  # a bound never approved


@pytest.mark.parametrize("pin", ["1111", "9999"])
def test_a_cashiers_or_a_wrong_pin_is_refused(store: Store, pin: str) -> None:
    with pytest.raises(PosError) as err:
        Approvals(store.db).verify(pin, DISCOUNT)
    assert err.value.code == "auth.approval_denied"


def test_the_approver_must_hold_the_permission_the_request_names(store: Store) -> None:
    request = ApprovalRequest("screen.staff", "직원·권한", "PIN", permission="user_admin")
    with pytest.raises(PosError) as err:
        Approvals(store.db).verify("2222", request)  # a manager does not hold user_admin
    assert err.value.code == "auth.approval_required"


def test_approvals_asked_for_one_scan_cover_each_its_own_action() -> None:
    """An expired lot approved by one manager, then the same scan's amount beyond the limit by
    another: both cover what each was given for, nothing more, and each names its approver."""
    from posapp.usecases.approvals import Approval
    from posapp.usecases.expiry import EXPIRED_LOT
    from posapp.usecases.ticket import OVER_LIMIT

    expired = Approval(2, "박지민", EXPIRED_LOT, 7)
    limit = Approval(5, "최점장", OVER_LIMIT, 0, {"qty": 1, "amount": 51_200, "total": 51_200})
    both = limit.joined(expired)
    assert both.covers(EXPIRED_LOT, line=7) and both.covers(OVER_LIMIT, line=0, amount=51_200)
    assert not both.covers(OVER_LIMIT, line=0, amount=64_000)
    assert not both.covers(EXPIRED_LOT, line=8)
    assert both.for_action(EXPIRED_LOT, line=7) is expired
    found = both.for_action(OVER_LIMIT, line=0)
    assert found is not None and found.approver_name == "최점장"
    assert limit.joined(None) is limit
