"""Permissions per action granted by role, edited by an admin and audited; the sale engine asks
them; the PIN pepper lives outside the database; sensitive actions are audit events."""

from __future__ import annotations

import datetime as dt
import os
import stat

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, update

from posapp import audit, secrets
from posapp.auth import lockout
from posapp.auth import permissions as perms
from posapp.auth import service as auth
from posapp.auth.permissions import Permission
from posapp.cli import main as admin_cli
from posapp.db.models import User
from posapp.domain import calendar
from posapp.sales import completion, drawer, refunds, voids
from posapp.sales.tenders import Tender
from posapp.sales.ticket import Ticket
from posapp.verify import verify
from tests.conftest import GOCHUJANG_CODE, Store


@pytest.fixture
def admin(store: Store) -> int:
    return store.db.transact(
        lambda uow: auth.create_user(uow, "관리자", auth.Role.ADMIN, "9999")
    ).id


def _sale(store: Store) -> str:
    from posapp.inventory import catalog

    t = Ticket()
    t.add(store.db.read(lambda uow: catalog.scan(uow, GOCHUJANG_CODE).line))
    done = store.db.transact(
        lambda uow: completion.complete_sale(
            uow, t, [Tender.cash(8_500)], register_id="R01", user_id=store.cashier
        )
    )
    return done.receipt_no


def test_default_grants(store: Store) -> None:
    g = store.db.read(perms.grants)
    assert g[auth.Role.CASHIER] == set() and g[auth.Role.CLASS_STAFF] == set()
    assert g[auth.Role.MANAGER] == set(perms.MANAGER_DEFAULTS)
    assert g[auth.Role.ADMIN] == set(Permission)


def test_refund_follows_the_grants_an_admin_edits(store: Store, admin: int) -> None:
    db = store.db
    receipt = _sale(store)

    def refund(approver: int):  # type: ignore[no-untyped-def]
        return lambda uow: refunds.refund(
            uow, receipt, register_id="R01", user_id=store.cashier, approved_by=approver
        )

    assert db.transact(lambda uow: perms.revoke(uow, admin, "manager", "refund"))
    with pytest.raises(auth.AuthError) as err:
        db.transact(refund(store.manager))
    assert err.value.code == "auth.approval_required" and "refund permission" in str(err.value)
    assert db.transact(lambda uow: perms.grant(uow, admin, "cashier", "refund"))
    assert not db.transact(lambda uow: perms.grant(uow, admin, "cashier", "refund"))  # no change
    done = db.transact(refund(store.cashier))  # a cashier may refund now
    assert done.kind == "refund"
    events = db.read(lambda uow: audit.list_events(uow, audit.AuditFilter(action="perm")))
    assert [(e.action, e.target) for e in events] == [
        ("perm.grant", "role cashier: refund"),
        ("perm.revoke", "role manager: refund"),
    ]
    assert events[0].before == {"permissions": []} and events[0].after == {
        "permissions": ["refund"]
    }
    assert "refund" in events[1].before["permissions"]
    assert "refund" not in events[1].after["permissions"]
    assert events[0].user_name == "관리자"
    assert verify(db).ok


def test_void_discount_and_drawer_ask_their_permission(store: Store, admin: int) -> None:
    db = store.db
    t = Ticket()
    from posapp.inventory import catalog

    t.add(db.read(lambda uow: catalog.scan(uow, GOCHUJANG_CODE).line))
    db.transact(lambda uow: perms.revoke(uow, admin, "manager", Permission.VOID))
    with pytest.raises(auth.AuthError):
        db.transact(
            lambda uow: voids.void_ticket(
                uow, t, register_id="R01", user_id=store.cashier, approved_by=store.manager
            )
        )
    db.transact(  # the manager still opens the drawer without a sale
        lambda uow: drawer.record_drawer_open(
            uow, register_id="R01", user_id=store.cashier, approved_by=store.manager
        )
    )
    db.transact(lambda uow: perms.revoke(uow, admin, "manager", Permission.NO_SALE_DRAWER))
    with pytest.raises(auth.AuthError):
        db.transact(
            lambda uow: drawer.record_drawer_open(
                uow, register_id="R01", user_id=store.cashier, approved_by=store.manager
            )
        )


def test_only_user_admins_edit_and_admin_keeps_user_admin(store: Store, admin: int) -> None:
    db = store.db
    with pytest.raises(auth.AuthError) as err:
        db.transact(lambda uow: perms.grant(uow, store.manager, "cashier", "void"))
    assert err.value.code == "auth.approval_required"
    with pytest.raises(auth.AuthError) as err:
        db.transact(lambda uow: perms.revoke(uow, admin, "admin", "user_admin"))
    assert err.value.code == "perm.last_admin"
    with pytest.raises(auth.AuthError) as err:
        db.transact(lambda uow: perms.grant(uow, admin, "cashier", "fly"))
    assert err.value.code == "perm.unknown"


def test_cli_perm_and_audit(store: Store, admin: int, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    url = store.db.url
    assert admin_cli(["--db", url, "perm", "list"]) == 0
    out = capsys.readouterr().out
    assert "cashier      -" in out and "user_admin" in out
    monkeypatch.setenv("POSAPP_ADMIN_PIN", "9999")
    assert admin_cli(["--db", url, "perm", "grant", "cashier", "void", "--admin", "관리자"]) == 0
    assert "void granted to cashier" in capsys.readouterr().out
    monkeypatch.setenv("POSAPP_ADMIN_PIN", "1234")
    assert admin_cli(["--db", url, "perm", "revoke", "cashier", "void", "--admin", "관리자"]) == 1
    assert "wrong PIN" in capsys.readouterr().err
    assert admin_cli(["--db", url, "audit", "--action", "perm", "--user", "관리자"]) == 0
    out = capsys.readouterr().out
    assert "perm.grant" in out and "role cashier: void" in out and "['void']" in out


def test_pin_pepper_is_kept_outside_the_database(store: Store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db = store.db
    path = secrets.secrets_dir() / secrets.PIN_PEPPER
    monkeypatch.setenv("POSAPP_NO_KEYRING", "1")
    assert path.exists() and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert db.transact(lambda uow: auth.authenticate(uow, "1111", user_id=store.cashier))
    # the same PIN hashes under another pepper no longer match: the DB alone is not enough
    monkeypatch.setenv("POSAPP_SECRET_PIN_PEPPER", "another pepper")
    with pytest.raises(auth.AuthError):
        db.transact(lambda uow: auth.authenticate(uow, "1111", user_id=store.cashier))
    monkeypatch.delenv("POSAPP_SECRET_PIN_PEPPER")
    os.chmod(path, 0o644)
    with pytest.raises(secrets.SecretError) as err:
        secrets.pin_pepper()
    assert err.value.code == "secret.permissions"


def test_a_hash_from_before_the_pepper_is_upgraded_at_sign_in(store: Store) -> None:
    db = store.db
    legacy = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1).hash("1111")
    db.transact(
        lambda uow: uow.session.execute(
            update(User).where(User.id == store.cashier).values(pin_hash=legacy)
        )
    )
    assert db.transact(lambda uow: auth.authenticate(uow, "1111", user_id=store.cashier))
    stored = db.read(
        lambda uow: uow.session.scalar(select(User.pin_hash).where(User.id == store.cashier))
    )
    assert stored.startswith(auth.PEPPERED)
    assert db.transact(lambda uow: auth.authenticate(uow, "1111", user_id=store.cashier))


def test_user_changes_and_lockouts_are_audit_events(store: Store, admin: int) -> None:
    db = store.db
    db.transact(lambda uow: auth.set_pin(uow, store.cashier, "4321", actor_id=admin))
    now = dt.datetime.now(dt.UTC)
    for n in range(lockout.LOCK_AFTER):
        at = now + dt.timedelta(seconds=60 * n)  # past each delay
        with pytest.raises(auth.AuthError):
            db.transact(
                lambda uow, at=at: auth.authenticate(uow, "0000", user_id=store.cashier, now=at)
            )
    events = db.read(lambda uow: audit.list_events(uow, audit.AuditFilter(action="user")))
    actions = [e.action for e in events]
    assert actions[0] == "user.pin" and actions.count("user.add") == 3
    pins = db.read(lambda uow: audit.list_events(uow, audit.AuditFilter(action="pin")))
    assert "pin.locked" in [e.action for e in pins]
    assert all("4321" not in str(e.after) and "0000" not in str(e.after) for e in events)
    today = calendar.today()
    tomorrow = today + dt.timedelta(days=1)
    assert db.read(lambda uow: audit.list_events(uow, audit.AuditFilter(since=tomorrow))) == []
    by_admin = db.read(lambda uow: audit.list_events(uow, audit.AuditFilter(user="관리자")))
    assert [e.action for e in by_admin] == ["user.pin"]


def test_secrets_stay_out_of_the_config_and_logs(monkeypatch, capsys, caplog) -> None:  # type: ignore[no-untyped-def]
    import io
    import logging

    monkeypatch.setenv("POSAPP_NO_KEYRING", "1")
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret-pw\n"))
    caplog.set_level(logging.DEBUG)
    assert admin_cli(["secret", "set", "db_password"]) == 0
    path = secrets.secrets_dir() / "db_password"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert admin_cli(["secret", "where", "db_password"]) == 0
    out = capsys.readouterr().out
    assert "s3cret-pw" not in out and str(path) in out
    url = secrets.database_url_with_password("postgresql://pos@10.0.0.5/store")
    assert url == "postgresql://pos:s3cret-pw@10.0.0.5/store"
    assert secrets.database_url_with_password("postgresql://pos:given@h/db").endswith(":given@h/db")
    assert secrets.database_url_with_password("sqlite:///x.db") == "sqlite:///x.db"
    monkeypatch.setenv("POSAPP_SECRET_PLATFORM_TOKEN", "tok-123")
    assert secrets.platform_token("") == "tok-123" and secrets.platform_token("cfg") == "cfg"
    assert "s3cret-pw" not in caplog.text and "tok-123" not in caplog.text


def test_a_role_granted_a_permission_can_approve_in_place(store: Store, admin: int) -> None:
    db = store.db
    with pytest.raises(auth.AuthError):
        db.transact(lambda uow: auth.approve(uow, "1111"))  # a cashier's PIN approves nothing
    db.transact(lambda uow: perms.grant(uow, admin, "cashier", "void"))
    assert db.transact(lambda uow: auth.approve(uow, "1111")).id == store.cashier
