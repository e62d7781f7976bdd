"""posapp-admin asks who you are (issue 17): every command that writes is refused without a
user and a PIN and changes nothing; with them it runs and leaves an audit event naming the
user; read-only commands stay open; ``init --admin`` creates the first admin, PIN typed
twice; wrong PINs at the CLI lock it like any till."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import func, select

from posapp import store_policy
from posapp.auth import service as auth
from posapp.cli import main as admin_cli
from posapp.db.engine import Database
from posapp.db.migrate import migrate
from posapp.db.models import AuditEvent, Product, User
from tests.conftest import APPLE_CODE, Store


@pytest.fixture
def admin(store: Store) -> int:
    return store.db.transact(
        lambda uow: auth.create_user(uow, "관리자", auth.Role.ADMIN, "9999")
    ).id


@pytest.fixture(autouse=True)
def _no_env_pin(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("POSAPP_PIN", "POSAPP_ADMIN_PIN", "POSAPP_USER", "POSAPP_NEW_PIN"):
        monkeypatch.delenv(name, raising=False)


def _price_csv(tmp_path: Path, price: int) -> Path:
    f = tmp_path / "prices.csv"
    f.write_text(
        "barcode,name_ko,name_en,region,producer,category,unit,price,tax,reorder_point,plu\n"
        f"{APPLE_CODE},영주 부사 사과 3kg,Yeongju Fuji Apples 3kg,영주시,영주농협,과일,ea,"
        f"{price},exempt,5,\n",
        encoding="utf-8",
    )
    return f


def _apple_price(store: Store) -> int:
    return int(
        store.db.read(
            lambda uow: uow.session.scalar(select(Product.price).where(Product.id == store.apple))
        )
    )


def _writes(store: Store, tmp_path: Path) -> dict[str, list[str]]:
    csv = str(_price_csv(tmp_path, 10))
    return {
        "user add": ["user", "add", "침입자", "admin"],
        "perm grant": ["perm", "grant", "cashier", "void"],
        "products import": ["products", "import", csv],
        "policy set": ["policy", "set", "discount_limit_percent", "100"],
        "sync retry-rejected": ["sync", "retry-rejected"],
        "demo": ["demo", "--days", "1"],
        "secret set": ["secret", "set", "platform_token"],
    }


def _state(store: Store) -> tuple[int, int, int, int]:
    def read(uow):  # type: ignore[no-untyped-def]
        users = uow.session.scalar(select(func.count(User.id)))
        policy = store_policy.load(uow)["discount_limit_percent"]
        grants = uow.conn.exec_driver_sql("SELECT COUNT(*) FROM role_permissions").scalar()
        return users, policy, grants, 0

    return store.db.read(read)


def test_every_write_is_refused_without_a_user_and_changes_nothing(
    store: Store, admin: int, tmp_path: Path, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    url = store.db.url
    before, price = _state(store), _apple_price(store)
    monkeypatch.setenv("POSAPP_NEW_PIN", "4444")
    for name, argv in _writes(store, tmp_path).items():
        assert admin_cli(["--db", url, *argv]) == 2, name
        err = capsys.readouterr().err
        assert "say who you are" in err and "--user" in err, (name, err)
    assert _state(store) == before and _apple_price(store) == price == 12_900


def test_a_wrong_pin_or_a_cashier_is_refused(
    store: Store, admin: int, tmp_path: Path, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    url = store.db.url
    csv = str(_price_csv(tmp_path, 10))
    monkeypatch.setenv("POSAPP_PIN", "1234")
    assert admin_cli(["--db", url, "products", "import", csv, "--user", "관리자"]) == 1
    assert "wrong PIN" in capsys.readouterr().err
    monkeypatch.setenv("POSAPP_PIN", "1111")  # the cashier's own PIN: not allowed to import
    assert admin_cli(["--db", url, "products", "import", csv, "--user", "김하늘"]) == 1
    assert _apple_price(store) == 12_900


def test_each_write_with_a_pin_runs_and_is_audited_by_name(
    store: Store, admin: int, tmp_path: Path, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    url = store.db.url
    monkeypatch.setenv("POSAPP_PIN", "9999")
    monkeypatch.setenv("POSAPP_NEW_PIN", "4444")
    monkeypatch.setattr("sys.stdin", io.StringIO("a-new-token\n"))  # secret set reads it
    for name, argv in _writes(store, tmp_path).items():
        assert admin_cli(["--db", url, *argv, "--user", "관리자"]) == 0, (name, capsys.readouterr())
    capsys.readouterr()
    assert _apple_price(store) == 10
    events = store.db.read(
        lambda uow: list(
            uow.conn.execute(
                select(AuditEvent.action, AuditEvent.user_id).where(AuditEvent.action.like("cli.%"))
            )
        )
    )
    assert sorted(a for a, _ in events) == sorted(
        "cli." + n.replace(" ", ".") for n in _writes(store, tmp_path)
    )
    assert {u for _, u in events} == {admin}
    # the services' own events name the admin too
    adds = store.db.read(
        lambda uow: uow.session.scalars(
            select(AuditEvent.user_id).where(AuditEvent.action == "user.add")
        ).all()
    )
    assert admin in adds


def test_read_only_commands_stay_open(store: Store, admin: int, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    url = store.db.url
    for argv in (
        ["user", "list"],
        ["perm", "list"],
        ["audit", "--limit", "5"],
        ["policy", "list"],
        ["lockout", "list"],
        ["products", "export", str(tmp_path / "out.csv")],
    ):
        assert admin_cli(["--db", url, *argv]) == 0, argv
    assert "discount_limit_percent" in capsys.readouterr().out


def test_restore_needs_an_admin_pin(
    store: Store, admin: int, tmp_path: Path, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    if not store.db.url.startswith("sqlite"):
        pytest.skip("PostgreSQL: its restore and its admin check are in tests/test_restore_pg.py")
    url = store.db.url
    out = tmp_path / "copy.sqlite3"
    assert admin_cli(["--db", url, "backup", "--out", str(out)]) == 0
    assert admin_cli(["--db", url, "restore", str(out)]) == 2
    assert "say who you are" in capsys.readouterr().err
    monkeypatch.setenv("POSAPP_PIN", "9999")
    store.db.dispose()
    assert admin_cli(["--db", url, "restore", str(out), "--user", "관리자"]) == 0
    db = Database(url)
    try:
        who = db.read(
            lambda uow: uow.session.scalar(
                select(AuditEvent.user_id).where(AuditEvent.action == "cli.restore")
            )
        )
        assert who == admin
    finally:
        db.dispose()


def test_cli_brute_force_locks_within_10(
    store: Store, admin: int, tmp_path: Path, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from posapp.auth import lockout

    clock = [lockout.utcnow()]
    monkeypatch.setattr(lockout, "now", lambda: clock[0])
    url = store.db.url
    argv = ["--db", url, "policy", "set", "discount_limit_percent", "100", "--user", "관리자"]
    errors = []
    for n in range(12):
        monkeypatch.setenv("POSAPP_PIN", f"{5000 + n}")
        assert admin_cli(argv) == 1
        errors.append(capsys.readouterr().err)
        clock[0] += lockout.dt.timedelta(seconds=60)
    assert "wrong PIN" in errors[0] and "locked" in errors[9] and "locked" in errors[11]
    monkeypatch.setenv("POSAPP_PIN", "9999")
    assert admin_cli(argv) == 1  # the right PIN: still locked
    assert "locked" in capsys.readouterr().err
    # a manager lifts it with their own name and PIN
    monkeypatch.setenv("POSAPP_PIN", "2222")
    assert admin_cli(["--db", url, "lockout", "lift", "--user", "박지민"]) == 0
    assert "lifted by 박지민" in capsys.readouterr().out
    monkeypatch.setenv("POSAPP_PIN", "9999")
    assert admin_cli(argv) == 0


def test_init_creates_the_first_admin_with_the_pin_typed_twice(
    tmp_path: Path, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    answers = iter(["4826", "4827"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert admin_cli(["--db", url, "init", "--admin", "사장"]) == 1  # the two differ
    assert "differ" in capsys.readouterr().err
    answers = iter(["4826", "4826"])
    assert admin_cli(["--db", url, "init", "--admin", "사장"]) == 0
    assert "first admin 사장 created" in capsys.readouterr().out
    db = Database(url)
    migrate(db.engine)
    try:
        user = db.transact(lambda uow: auth.authenticate(uow, "4826"))
        assert (user.name, user.role) == ("사장", auth.Role.ADMIN)
    finally:
        db.dispose()
    assert admin_cli(["--db", url, "init", "--admin", "또"]) == 1  # users exist now


def test_the_pin_pepper_needs_an_admin_and_the_database_password_does_not(
    store: Store, admin: int, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """A new PIN pepper fails every PIN: only a named admin sets it. The database password
    opens the database the gate would ask: it is set without a user."""
    from posapp import secrets

    url = store.db.url
    monkeypatch.setattr("sys.stdin", io.StringIO("guessed\n"))
    monkeypatch.setenv("POSAPP_PIN", "1111")
    assert admin_cli(["--db", url, "secret", "set", "pin_pepper", "--user", "김하늘"]) == 1
    assert "guessed" not in (secrets.secrets_dir() / "pin_pepper").read_text()
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret\n"))
    assert admin_cli(["--db", url, "secret", "set", "db_password"]) == 0
    assert "db_password stored" in capsys.readouterr().out
