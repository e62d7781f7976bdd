"""PINs: Argon2id hashes (never the PIN), sign-in, manager approval, a delay after 5 failures, a lock after 10."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from posapp.auth import service as auth
from posapp.db.engine import Database
from posapp.db.models import User


def test_pin_is_hashed_with_argon2id(db: Database) -> None:
    db.transact(lambda uow: auth.create_user(uow, "김하늘", auth.Role.CASHIER, "4821"))
    stored = db.read(lambda uow: uow.session.scalar(select(User.pin_hash)))
    assert stored.startswith("p1$$argon2id$") and "4821" not in stored


@pytest.mark.parametrize("pin", ["123", "1234567", "12a4", "", "  12"])
def test_pin_format(db: Database, pin: str) -> None:
    with pytest.raises(auth.AuthError) as err:
        db.transact(lambda uow: auth.create_user(uow, "x", auth.Role.CASHIER, pin))
    assert err.value.code == "auth.pin_format"


def test_sign_in_and_manager_approval(db: Database) -> None:
    cashier = db.transact(lambda uow: auth.create_user(uow, "c", auth.Role.CASHIER, "1111"))
    manager = db.transact(lambda uow: auth.create_user(uow, "m", auth.Role.MANAGER, "2222"))
    assert db.transact(lambda uow: auth.authenticate(uow, "1111", user_id=cashier.id)) == cashier
    assert db.transact(lambda uow: auth.approve(uow, "2222")) == manager
    with pytest.raises(auth.AuthError) as err:
        db.transact(lambda uow: auth.approve(uow, "1111"))  # a cashier's PIN approves nothing
    assert err.value.code == "auth.approval_denied"


def test_lockout_after_ten_wrong_pins(db: Database) -> None:
    user = db.transact(lambda uow: auth.create_user(uow, "c", auth.Role.CASHIER, "1111"))
    now = dt.datetime(2026, 11, 23, 3, 0, tzinfo=dt.UTC)

    def attempt(pin: str, at: dt.datetime) -> str:
        def run_raising(uow):  # type: ignore[no-untyped-def]
            auth.authenticate(uow, pin, user_id=user.id, now=at)
            return "ok"

        try:  # as the UI calls it: the error propagates and the failure count still sticks
            return db.transact(run_raising)
        except auth.AuthError as exc:
            return exc.code

    # five wrong, then a growing delay (1, 2, 4, 8 s) between tries, then the lock at ten
    at = now
    assert [attempt("9999", at) for _ in range(5)] == ["auth.wrong_pin"] * 5
    assert attempt("1111", at) == "auth.pin_wait"
    for wait in (1, 2, 4, 8, 16):
        at += dt.timedelta(seconds=wait)
        assert attempt("9999", at) in ("auth.wrong_pin", "auth.locked")
    assert attempt("1111", at + dt.timedelta(minutes=1)) == "auth.locked"
    assert attempt("1111", at + dt.timedelta(minutes=16)) == "ok"
