"""Registering a till and pointing it at a database (posapp.till_setup, posapp.config's writer)
on real databases and a real config file: validation first, keys it does not show kept, an
atomic write read back, secrets kept out of the file, the till registered with its name and
the change audited under the settings permission; the connection test against a real
PostgreSQL (success, a wrong port, a wrong database) and SQLite."""

from __future__ import annotations

import os
import socket
import stat
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from posapp import audit, secrets, till_setup
from posapp.auth.service import AuthError, Role, create_user
from posapp.config import ConfigError, load_settings, save_settings
from posapp.db.engine import Database
from posapp.db.migrate import head_revision
from posapp.db.models import Register
from posapp.till_setup import SetupError
from tests.conftest import PG_URL, Store

FILE_TEXT = """# the store's own lines
locale = "ko"

[store]
name = "I·Market·U 안국점"
phone = "02-734-0000"

[printer]
kind = "network"
host = "192.168.0.50"

[classes]
hold_minutes = 45
"""


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("POSAPP_NO_KEYRING", "1")
    path = tmp_path / "conf" / "posapp.toml"
    path.parent.mkdir()
    path.write_text(FILE_TEXT, encoding="utf-8")
    path.chmod(0o640)
    return path


def test_the_writer_keeps_other_keys_validates_first_and_reads_back(config: Path) -> None:
    settings = save_settings(
        {"register": {"id": "R03", "name": "3번 계산대"}, "printer": {"port": "9101"}}, config
    )
    data = tomllib.loads(config.read_text(encoding="utf-8"))
    assert data["store"] == {"name": "I·Market·U 안국점", "phone": "02-734-0000"}
    assert data["classes"] == {"hold_minutes": 45} and data["locale"] == "ko"
    assert data["printer"] == {"kind": "network", "host": "192.168.0.50", "port": 9101}
    assert data["register"] == {"id": "R03", "name": "3번 계산대"}
    assert settings == load_settings(config, environ={})
    assert stat.S_IMODE(config.stat().st_mode) == 0o640  # the file's mode is kept
    before = config.read_bytes()
    for bad in ({"printer": {"port": "a lot"}}, {"printer": {"colour": "red"}}, {"nope": 1}):
        with pytest.raises(ConfigError):
            save_settings(bad, config)
        assert config.read_bytes() == before  # nothing written
    with pytest.raises(ConfigError):
        save_settings({"platform": {"token": "abc"}}, config)  # a secret never goes in the file
    assert [p.name for p in config.parent.iterdir()] == ["posapp.toml"]  # no temp files left


def setup_of(config: Path, **changes: object) -> till_setup.TillSetup:
    return replace(till_setup.read(config), **changes)  # type: ignore[arg-type]


def test_saving_needs_the_settings_permission_and_registers_the_till(
    store: Store, config: Path
) -> None:
    new = setup_of(
        config,
        register_id="R07",
        register_name="지하 수업 데스크",
        printer_port=9101,
        scale_kind="cas",
        scale_device="/dev/ttyUSB1",
        platform_url="https://platform.example.kr",
    )
    before = config.read_bytes()
    with pytest.raises(AuthError) as e:  # a manager does not hold settings by default
        till_setup.save(store.db, config, new, actor_id=store.manager, token="tok-1")
    assert e.value.code == "auth.approval_required" and config.read_bytes() == before
    assert secrets.get_secret(secrets.PLATFORM_TOKEN) is None
    admin = store.db.transact(lambda uow: create_user(uow, "관리자", Role.ADMIN, "9999").id)
    saved = till_setup.save(store.db, config, new, actor_id=admin, token="tok-1")
    assert set(saved.changed) == {
        "register_id",
        "register_name",
        "printer_port",
        "scale_kind",
        "scale_device",
        "platform_url",
        "platform_token",
    }
    assert "register_id" in saved.restart and "register_name" not in saved.restart
    assert saved.registered
    text = config.read_text(encoding="utf-8")
    assert "tok-1" not in text and "token" not in text
    assert secrets.get_secret(secrets.PLATFORM_TOKEN) == "tok-1"
    got = load_settings(config, environ={})
    assert (got.register.id, got.register.name, got.scale.kind) == (
        "R07",
        "지하 수업 데스크",
        "cas",
    )
    assert got.store.name == "I·Market·U 안국점" and got.classes.hold_minutes == 45
    name = store.db.read(
        lambda uow: uow.conn.execute(select(Register.name).where(Register.id == "R07")).scalar()
    )
    assert name == "지하 수업 데스크"
    # renaming an existing register takes effect in the database at once
    till_setup.save(store.db, config, replace(new, register_name="수업 데스크"), actor_id=admin)
    assert (
        store.db.read(
            lambda uow: uow.conn.execute(select(Register.name).where(Register.id == "R07")).scalar()
        )
        == "수업 데스크"
    )
    events = store.db.read(
        lambda uow: audit.list_events(uow, audit.AuditFilter(action="settings.save"))
    )
    assert [e.user_id for e in events] == [admin, admin]
    assert events[1].after is not None and events[1].after["platform_token"] == "(secret)"
    assert events[0].before == {"register_name": "지하 수업 데스크"}
    written = config.read_bytes()
    nothing = till_setup.save(
        store.db, config, replace(new, register_name="수업 데스크"), actor_id=admin
    )
    assert nothing.changed == () and config.read_bytes() == written  # not rewritten


def test_a_database_password_goes_to_the_secret_store(store: Store, config: Path) -> None:
    admin = store.db.transact(lambda uow: create_user(uow, "관리자", Role.ADMIN, "9999").id)
    port = _free_port()  # nothing listens there: refused at once
    url = f"postgresql://pos:s3cret@127.0.0.1:{port}/posapp"
    saved = till_setup.save(store.db, config, setup_of(config, database_url=url), actor_id=admin)
    assert not saved.registered  # that server is not there: registered at its first shift
    text = config.read_text(encoding="utf-8")
    assert "s3cret" not in text and f'url = "postgresql://pos@127.0.0.1:{port}/posapp"' in text
    assert secrets.get_secret(secrets.DB_PASSWORD) == "s3cret"
    assert secrets.database_url_with_password(load_settings(config, environ={}).database.url) == url
    (ev,) = store.db.read(
        lambda uow: audit.list_events(uow, audit.AuditFilter(action="settings.save"))
    )
    assert ev.after == {
        "database_url": f"postgresql://pos@127.0.0.1:{port}/posapp",
        "database_password": "(secret)",
    }


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"register_id": "R-1"}, "setup.register_id"),
        ({"register_name": " "}, "setup.register_name"),
        ({"printer_kind": "network", "printer_host": ""}, "setup.printer_host"),
        ({"printer_kind": "serial", "printer_device": ""}, "setup.printer_device"),
        ({"paper_mm": 76}, "setup.paper"),
        ({"drawer_pin": 3}, "setup.drawer_pin"),
        ({"scanner_kind": "serial", "scanner_device": ""}, "setup.port_missing"),
        ({"database_url": "mysql://x@y/z"}, "setup.database_url"),
        ({"database_url": "postgresql://pos@/posapp"}, "setup.database_url"),
        ({"platform_url": "ftp://x"}, "setup.platform_url"),
        ({"locale": "fr"}, "setup.locale"),
    ],
)
def test_validation_names_the_wrong_field(config: Path, changes: dict, code: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(SetupError) as e:
        till_setup.validate(setup_of(config, **changes), ("ko", "en"))
    assert e.value.code == code


def test_connection_test_on_sqlite(tmp_path: Path, db: Database) -> None:
    if db.dialect != "sqlite":
        pytest.skip("SQLite file")
    c = till_setup.check_database(db.url)
    assert (c.dialect, c.state, c.revision) == ("sqlite", "current", head_revision())
    assert c.server.startswith("SQLite 3.")
    missing = tmp_path / "nowhere" / "new.sqlite3"
    c = till_setup.check_database(f"sqlite:///{missing}")
    assert c.state == "new_file" and not missing.exists() and not missing.parent.exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.pg
def test_connection_test_on_a_real_postgresql(pg_schema_url: str) -> None:
    c = till_setup.check_database(pg_schema_url)
    assert (c.dialect, c.state, c.revision) == ("postgresql", "empty", None)
    assert c.server.startswith("PostgreSQL ")
    db = Database(pg_schema_url)
    try:
        from posapp.db.migrate import migrate

        migrate(db.engine)
    finally:
        db.dispose()
    c = till_setup.check_database(pg_schema_url)
    assert (c.state, c.revision, c.head) == ("current", head_revision(), head_revision())
    url = make_url(PG_URL)
    wrong_port = url.set(port=_free_port()).render_as_string(hide_password=False)
    with pytest.raises(SetupError) as e:
        till_setup.check_database(wrong_port)
    assert e.value.code == "setup.db_connect" and e.value.data["host"] == url.host
    wrong_db = url.set(database="no_such_db_here").render_as_string(hide_password=False)
    with pytest.raises(SetupError) as e:
        till_setup.check_database(wrong_db)
    assert e.value.code == "setup.db_missing"


def test_environment_is_not_saved_into_the_file(
    config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POSAPP_REGISTER", "R99")
    assert till_setup.read(config).register_id == "R01"  # the file's, not the environment's
    assert os.environ["POSAPP_REGISTER"] == "R99"
