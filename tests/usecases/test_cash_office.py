"""The cash office of a shift (issue 18, item 11): paid in, paid out and a pickup during the
shift, each with its reason, a manager's approval for a cashier, the drawer opened after each,
and the X/Z listing them and counting them in the expected cash."""

from __future__ import annotations

import pytest

from posapp.errors import PosError
from posapp.sales import register_report
from posapp.sales.error_codes import ShiftErrorCode
from posapp.usecases.approvals import Approvals
from posapp.usecases.cash_office import CashOffice
from posapp.usecases.checkout import CheckoutSession, SessionSettings
from tests.conftest import Store


def session(store: Store, user: int) -> CheckoutSession:
    from posapp.auth.service import get_user
    from posapp.sales import shifts

    s = CheckoutSession(store.db, SessionSettings())
    s.user = store.db.read(lambda uow: get_user(uow, user))
    s.shift = store.db.read(lambda uow: shifts.current_shift(uow, "R01"))
    return s


def test_paid_in_paid_out_and_a_pickup_are_in_the_x_report(store: Store) -> None:
    opened: list[str] = []
    s = session(store, store.manager)
    office = CashOffice(s, open_drawer=lambda: opened.append("kick"))
    office.record("paid_in", 20_000, "거스름돈 보충 (은행)")
    office.record("paid_out", 5_000, "택배비")
    office.record("pickup", 100_000, "금고로 중간 입금")
    assert opened == ["kick"] * 3
    x = store.db.read(lambda uow: register_report.x_report(uow, store.shift_id))
    assert x.expected_cash == x.opening_float + x.cash_in + 20_000 - 5_000 - 100_000
    assert [(m.kind, m.signed) for m in x.cash_moves] == [
        ("paid_in", 20_000),
        ("paid_out", -5_000),
        ("pickup", -100_000),
    ]
    text = register_report.format_report(x)
    assert "입금" in text and "택배비" in text and "중간 입금" in text and "-₩100,000" in text


def test_bad_input_is_refused_and_writes_nothing(store: Store) -> None:
    s = session(store, store.manager)
    office = CashOffice(s)
    for amount, reason, code in (
        (0, "x", ShiftErrorCode.CASH_AMOUNT),
        (1_000, "  ", ShiftErrorCode.CASH_REASON),
    ):
        with pytest.raises(PosError) as e:
            office.record("paid_out", amount, reason)
        assert e.value.code == code
    with pytest.raises(PosError) as e:
        office.record("gift", 1_000, "x")
    assert e.value.code == ShiftErrorCode.CASH_KIND
    x = store.db.read(lambda uow: register_report.x_report(uow, store.shift_id))
    assert x.cash_moves == ()


def test_a_cashier_needs_a_manager_bound_to_the_amount(store: Store) -> None:
    s = session(store, store.cashier)
    office = CashOffice(s)
    with pytest.raises(PosError) as e:
        office.record("paid_out", 30_000, "퀵 배송비")
    assert e.value.code == "auth.approval_required"
    approvals = Approvals(store.db)
    small = approvals.verify("2222", office.request(10_000, title="관리자 승인", prompt="출금"))
    with pytest.raises(PosError):  # approved for less than is taken out
        office.record("paid_out", 30_000, "퀵 배송비", small)
    ok = approvals.verify("2222", office.request(30_000, title="관리자 승인", prompt="출금"))
    move = office.record("paid_out", 30_000, "퀵 배송비", ok)
    assert move.approved_by == store.manager and move.user_id == store.cashier
