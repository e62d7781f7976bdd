"""``posapp-admin restore FILE.dump`` on PostgreSQL (issue 19, items 2 and 3), through the CLI's
entry point in-process: a backup comes back with its data and verifies; another store's dump,
a dump with an added trigger that skims cash payments, and a restore while another till is
connected are refused with the reason (``--disconnect-others`` then works); the store as it was
is kept as a ``posapp-before-restore-*.dump``; no scratch database is left, refused or not."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from posapp import restore_pg
from posapp.auth import service as auth
from posapp.backup_pg import backup_postgres
from posapp.cli import main as admin_cli
from posapp.db.engine import Database, normalize_url
from posapp.db.migrate import migrate
from tests.conftest import PG_URL, Store, build_store, new_pg_schema
from tests.test_backup import _sell

SKIM = (
    "CREATE FUNCTION skim() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN NEW.amount := NEW.amount * 9 / 10; RETURN NEW; END $$; "
    "CREATE TRIGGER skim BEFORE INSERT ON payments FOR EACH ROW "
    "WHEN (NEW.method = 'cash') EXECUTE FUNCTION skim()"
)


@pytest.fixture
def scratches(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The scratch databases the restore made; none of them may exist afterwards."""
    made: list[str] = []
    real = restore_pg._scratch

    @contextlib.contextmanager
    def spy(parsed, prefix):  # type: ignore[no-untyped-def]
        with real(parsed, prefix) as name:
            made.append(name)
            yield name

    monkeypatch.setattr(restore_pg, "_scratch", spy)
    yield made
    admin = create_engine(normalize_url(PG_URL))
    try:
        with admin.connect() as c:
            left = c.execute(
                text("SELECT datname FROM pg_database WHERE datname = ANY(:n)"), {"n": made}
            ).scalars()
            assert list(left) == []
    finally:
        admin.dispose()


@pytest.fixture
def other_schema(pg_schema_url: str) -> Iterator[str]:
    with new_pg_schema() as url:  # a second store on the server
        yield url


def _store(url: str, sales: int) -> Store:
    db = Database(url)
    migrate(db.engine)
    store = build_store(db)
    _sell(store, sales)
    db.transact(lambda uow: auth.create_user(uow, "관리자", auth.Role.ADMIN, "9999"))
    return store


def _count(url: str, table: str) -> int:
    db = Database(url)
    try:
        return int(
            db.read(lambda uow: uow.conn.execute(text(f"SELECT count(*) FROM {table}")).scalar())
        )
    finally:
        db.dispose()


_OURS: dict[str, Store] = {}


@pytest.fixture
def own_database() -> Iterator[str]:
    """A database of its own on the server (the store in ``public``), as a shop runs it."""
    if not PG_URL:
        pytest.skip("POSAPP_TEST_DATABASE_URL not set")
    name = f"posapp_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(normalize_url(PG_URL), isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield (
            make_url(normalize_url(PG_URL)).set(database=name).render_as_string(hide_password=False)
        )
    finally:
        with admin.connect() as c:
            c.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


def _till(url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("POSAPP_BACKUP__DIR", str(tmp_path / "usb"))
    (tmp_path / "usb").mkdir()
    monkeypatch.setenv("POSAPP_PIN", "9999")
    for name in ("POSAPP_ADMIN_PIN", "POSAPP_USER"):
        monkeypatch.delenv(name, raising=False)
    store = _store(url, 3)
    store.db.dispose()  # no till connected: each test connects the one it needs
    _OURS[url] = store
    return url


@pytest.fixture
def ours(pg_schema_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    yield _till(pg_schema_url, tmp_path, monkeypatch)
    _OURS.pop(pg_schema_url, None)


@pytest.fixture
def whole(own_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    yield _till(own_database, tmp_path, monkeypatch)
    _OURS.pop(own_database, None)


def _restore(url: str, dump: Path, *more: str) -> int:
    return admin_cli(["--db", url, "restore", str(dump), "--user", "관리자", *more])


def test_a_backup_restores_with_its_data_and_the_store_before_is_kept(
    whole: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], scratches: list[str]
) -> None:
    ours = whole
    dump = tmp_path / "store.dump"
    assert admin_cli(["--db", ours, "backup", "--out", str(dump)]) == 0
    # this test's folder is on the disk of the server's data directory (one disk here): warned
    assert restore_pg.pg_same_disk(ours, tmp_path) == _on_server_disk(tmp_path)
    if _on_server_disk(tmp_path):
        assert "on the PostgreSQL server's own disk" in capsys.readouterr().err
    # after the backup: two more sales, and a product's price changed by hand
    till = _OURS[ours]
    _sell(till, 2)
    till.db.transact(lambda uow: uow.conn.execute(text("UPDATE products SET price = 1")))
    # and a table of someone's: nothing of the database before the restore survives it
    till.db.transact(lambda uow: uow.conn.execute(text("CREATE TABLE notes (x text)")))
    till.db.dispose()
    assert _count(ours, "sales") == 5
    capsys.readouterr()
    assert admin_cli(["--db", ours, "restore", str(dump), "--check"]) == 0  # no PIN to check
    assert "it can be restored" in capsys.readouterr().out
    assert _restore(ours, dump) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "restored the database" in out
    assert _count(ours, "sales") == 3
    assert _count(ours, "products WHERE price = 1") == 0
    assert _count(ours, "pg_tables WHERE tablename = 'notes'") == 0
    assert admin_cli(["--db", ours, "verify"]) == 0, capsys.readouterr()
    # the store as it was (5 sales, the changed price) is kept, and is itself restorable
    kept = list((tmp_path / "usb").glob("posapp-before-restore-*.dump"))
    assert len(kept) == 1 and kept[0].read_bytes()[:5] == b"PGDMP"
    assert str(kept[0]) in out
    assert scratches  # made, and (the fixture checks) all dropped


def test_another_stores_dump_is_refused(
    ours: str,
    other_schema: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    scratches: list[str],
) -> None:
    _store(other_schema, 1).db.dispose()
    theirs = backup_postgres(other_schema, tmp_path / "theirs.dump").path
    capsys.readouterr()
    assert admin_cli(["--db", ours, "restore", str(theirs)]) == 2  # no admin named: not even read
    assert "say who you are" in capsys.readouterr().err
    assert _restore(ours, theirs) == 1
    err = capsys.readouterr().err
    assert "[restore.other_store]" in err and "another store" in err, err
    assert _count(ours, "sales") == 3  # nothing replaced
    assert not list((tmp_path / "usb").glob("*.dump"))


def test_a_dump_with_a_skimming_trigger_is_refused(
    ours: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], scratches: list[str]
) -> None:
    db = Database(ours)
    db.transact(lambda uow: uow.conn.exec_driver_sql(SKIM))
    db.dispose()
    altered = backup_postgres(ours, tmp_path / "altered.dump").path  # verify sees nothing wrong
    db = Database(ours)
    db.transact(lambda uow: uow.conn.exec_driver_sql("DROP FUNCTION skim() CASCADE"))
    db.dispose()
    capsys.readouterr()
    assert _restore(ours, altered) == 1
    err = capsys.readouterr().err
    assert "[restore.altered]" in err, err
    assert "trigger 'payments.skim'" in err and "function 'skim()'" in err, err
    db = Database(ours)
    try:  # the live store still has no such trigger
        assert not db.read(
            lambda uow: uow.conn.execute(
                text("SELECT count(*) FROM pg_trigger WHERE tgname = 'skim'")
            ).scalar()
        )
    finally:
        db.dispose()


def test_a_restore_while_another_till_is_connected_is_refused_then_disconnects_it(
    ours: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], scratches: list[str]
) -> None:
    dump = backup_postgres(ours, tmp_path / "store.dump").path
    till = _OURS[ours].db  # another till, connected (an idle session in its pool) ...
    try:
        _sell(_OURS[ours], 1)  # ... that sold after the backup
        assert _count(ours, "sales") == 4
        capsys.readouterr()
        assert _restore(ours, dump) == 1
        err = capsys.readouterr().err
        assert (
            "[restore.others_connected]" in err
            and "1 other sessions are connected" in err
            and "--disconnect-others" in err
        )
        assert not list((tmp_path / "usb").glob("*.dump"))  # refused before anything is done
        assert _restore(ours, dump, "--disconnect-others") == 0, capsys.readouterr().err
        assert "1 sessions of other tills were disconnected" in capsys.readouterr().out
        assert len(list((tmp_path / "usb").glob("posapp-before-restore-*.dump"))) == 1
    finally:
        till.dispose()
    assert _count(ours, "sales") == 3


def _on_server_disk(folder: Path) -> bool:
    admin = create_engine(normalize_url(PG_URL))
    try:
        with admin.connect() as c:
            data = c.execute(text("SHOW data_directory")).scalar()
    finally:
        admin.dispose()
    return os.stat(str(data)).st_dev == os.stat(folder).st_dev


def test_a_remote_server_gives_no_same_disk_warning(tmp_path: Path) -> None:
    # not even asked: its data directory's path means nothing on this machine
    assert not restore_pg.pg_same_disk("postgresql://pos@db.store.invalid:5432/pos", tmp_path)
    assert restore_pg.pg_same_disk_warning("postgresql://pos@10.0.0.9/pos", tmp_path) is None


def test_a_restore_that_fails_in_its_last_step_leaves_the_store_as_it_was(
    ours: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    scratches: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Someone's session (not a till's) holds a lock on the store: the replacing transaction
    gives up at its lock timeout, and the DROP SCHEMA it began with is rolled back too."""
    dump = backup_postgres(ours, tmp_path / "store.dump").path
    _sell(_OURS[ours], 1)
    _OURS[ours].db.dispose()
    monkeypatch.setattr(restore_pg, "LOCK_TIMEOUT", "1s")
    person = create_engine(normalize_url(ours))  # a psql of someone's, on the store's schema
    try:
        with person.connect() as c:
            c.execute(text("LOCK TABLE sales IN ACCESS SHARE MODE"))  # until the rollback
            assert _restore(ours, dump) == 1
            assert "[backup.pg_failed]" in capsys.readouterr().err
            c.rollback()
    finally:
        person.dispose()
    assert _count(ours, "sales") == 4  # the sale after the backup is still there
    assert admin_cli(["--db", ours, "verify"]) == 0
    # the store before was kept all the same (the restore had got that far)
    assert len(list((tmp_path / "usb").glob("posapp-before-restore-*.dump"))) == 1


def test_a_server_that_cannot_be_reached_is_said_with_a_code_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = tmp_path / "store.dump"
    dump.write_bytes(b"PGDMP" + bytes(100))
    assert (
        admin_cli(["--db", "postgresql://pos@127.0.0.1:1/pos", "restore", str(dump), "--check"])
        == 1
    )
    err = capsys.readouterr().err
    assert err.startswith("error [backup.pg_failed]: the restore failed"), err
    assert "Traceback" not in err
