"""The lockout at every PIN prompt (issue 17): a brute force against sign-in and against the
manager's approval stops within 10 tries, holds across a restart and on a second till; the
delay grows after 5; a manager lifts it; each step an audit event."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from posapp import store_policy
from posapp.auth import lockout
from posapp.db.engine import Database
from posapp.db.models import AuditEvent
from posapp.errors import PosError
from posapp.usecases.approvals import ApprovalRequest, Approvals
from posapp.usecases.checkout import CheckoutSession, SessionSettings
from posapp.usecases.pin_lockout import PinLocks
from tests.conftest import Store

REAL = {"1111", "2222"}


class Clock:
    def __init__(self) -> None:
        self.at = dt.datetime(2026, 12, 1, 3, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.at

    def wait(self, seconds: float) -> None:
        self.at += dt.timedelta(seconds=seconds)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    c = Clock()
    monkeypatch.setattr(lockout, "now", c)
    return c


def brute_force(try_pin, clock: Clock, limit: int = 40) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    """Try PINs 0000, 0001, … as a patient attacker would (waiting out each delay); returns
    how many PINs were tried (delays aside) until the prompt said it is locked, and the code."""
    checked = 0
    for n in range(limit):
        pin = f"{n:04d}"
        if pin in REAL:
            continue
        while True:
            try:
                try_pin(pin)
            except PosError as exc:
                if exc.code == "auth.pin_wait":
                    clock.wait(int(exc.data["seconds"]))
                    continue
                if exc.code == "auth.locked":
                    return checked + 1, exc.code
                checked += 1
                break
            raise AssertionError(f"{pin} signed in")
    return checked, "not locked"


def _session(db: Database, register: str, tmp_path: Path) -> CheckoutSession:
    return CheckoutSession(db, SessionSettings(register_id=register, recovery_dir=tmp_path))


def _code(fn) -> str:  # type: ignore[no-untyped-def]
    try:
        fn()
    except PosError as exc:
        return exc.code
    return "ok"


def test_sign_in_brute_force_stops_within_10_and_holds(
    store: Store, db_url: str, clock: Clock, tmp_path: Path
) -> None:
    till = _session(store.db, "R01", tmp_path)
    checked, code = brute_force(till.sign_in, clock)
    assert (checked, code) == (10, "auth.locked")
    assert _code(lambda: till.sign_in("1111")) == "auth.locked"  # the right PIN: refused too
    # a restart: a new process's database on the same store
    again = Database(db_url)
    try:
        assert _code(lambda: _session(again, "R01", tmp_path).sign_in("1111")) == "auth.locked"
        # the second till: the store's count is the same
        assert _code(lambda: _session(again, "R02", tmp_path).sign_in("1111")) == "auth.locked"
        approvals = Approvals(again, register_id="R02")
        request = ApprovalRequest("void", "", "")
        assert _code(lambda: approvals.verify("2222", request)) == "auth.locked"
        clock.wait(14 * 60)  # the store's policy: 15 minutes
        assert _code(lambda: _session(again, "R02", tmp_path).sign_in("1111")) == "auth.locked"
        clock.wait(61)
        assert _code(lambda: _session(again, "R02", tmp_path).sign_in("1111")) == "ok"
    finally:
        again.dispose()


def test_approval_brute_force_stops_within_10_and_a_manager_lifts_it(
    store: Store, clock: Clock, tmp_path: Path
) -> None:
    approvals = Approvals(_session(store.db, "R01", tmp_path), register_id="R01")
    request = ApprovalRequest("sale.discount_over_limit", "", "", permission="discount_over_limit")
    checked, code = brute_force(lambda pin: approvals.verify(pin, request), clock)
    assert (checked, code) == (10, "auth.locked")
    assert _code(lambda: approvals.verify("2222", request)) == "auth.locked"
    locks = PinLocks(store.db)
    assert {i.scope for i in locks.current() if i.locked_until} == {"till:R01", "store"}
    with pytest.raises(PosError) as err:
        locks.lift("김하늘", "1111")  # a cashier cannot lift it
    assert err.value.code == "auth.approval_required"
    lifted = locks.lift("박지민", "2222")
    assert lifted.by == "박지민" and set(lifted.scopes) >= {"till:R01", "store"}
    assert approvals.verify("2222", request).approver_id == store.manager
    events = store.db.read(
        lambda uow: list(
            uow.conn.execute(select(AuditEvent.action, AuditEvent.target, AuditEvent.user_id))
        )
    )
    actions = [e.action for e in events]
    assert actions.count("pin.failed") == 20  # ten at the till, ten for the store
    assert actions.count("pin.delayed") == 2 and actions.count("pin.locked") == 2
    assert ("pin.unlocked", "store", store.manager) in [tuple(e) for e in events]


def test_the_delay_grows_after_five_and_refused_tries_are_not_checked(
    store: Store, clock: Clock, tmp_path: Path
) -> None:
    till = _session(store.db, "R01", tmp_path)
    assert [_code(lambda: till.sign_in("0000")) for _ in range(5)] == ["auth.wrong_pin"] * 5
    with pytest.raises(PosError) as err:
        till.sign_in("1111")  # the right PIN, too early: not checked
    assert err.value.code == "auth.pin_wait" and err.value.data["seconds"] == 1
    clock.wait(1)
    assert _code(lambda: till.sign_in("0000")) == "auth.wrong_pin"
    with pytest.raises(PosError) as err:
        till.sign_in("0000")
    assert err.value.data["seconds"] == 2
    clock.wait(2)
    assert _code(lambda: till.sign_in("1111")) == "ok"  # the till's count starts again
    # the store's count does not: a second till still waits its delay after one more failure
    other = _session(store.db, "R02", tmp_path)
    clock.wait(4)
    assert _code(lambda: other.sign_in("0000")) == "auth.wrong_pin"
    assert _code(lambda: other.sign_in("1111")) == "auth.pin_wait"


def test_the_lock_time_is_store_policy(store: Store, clock: Clock, tmp_path: Path) -> None:
    store.db.transact(lambda uow: store_policy.change(uow, {"pin_lock_minutes": 60}, store.manager))
    till = _session(store.db, "R01", tmp_path)
    assert brute_force(till.sign_in, clock)[1] == "auth.locked"
    clock.wait(30 * 60)
    assert _code(lambda: till.sign_in("1111")) == "auth.locked"
    clock.wait(31 * 60)
    assert _code(lambda: till.sign_in("1111")) == "ok"
