"""SQLite done right: PRAGMAs, BEGIN IMMEDIATE for writers, waiting for a busy database."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import text

from posapp.db.engine import Database, normalize_url
from posapp.db.migrate import current_revision, head_revision, migrate


def test_sqlite_pragmas(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = Database(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    with db.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert c.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_migrate_is_idempotent_and_reaches_head(db_url: str) -> None:
    db = Database(db_url)
    assert migrate(db.engine) == head_revision()
    assert migrate(db.engine) == head_revision()
    assert current_revision(db.engine) == head_revision()


def test_read_then_write_waits_for_another_writer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A deferred read-then-write transaction fails at once with 'database is locked' when
    another connection writes; BEGIN IMMEDIATE makes it wait for the lock instead."""
    db = Database(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    with db.engine.begin() as c:
        c.exec_driver_sql("CREATE TABLE counter (n INTEGER)")
        c.exec_driver_sql("INSERT INTO counter VALUES (0)")
    held = threading.Event()

    def hold_lock() -> None:
        with db.uow() as uow:
            uow.conn.exec_driver_sql("UPDATE counter SET n = n + 1")
            held.set()
            time.sleep(0.5)
            uow.commit()

    t = threading.Thread(target=hold_lock)
    t.start()
    held.wait()

    def read_then_write(uow):  # type: ignore[no-untyped-def]
        n = uow.conn.execute(text("SELECT n FROM counter")).scalar()
        uow.conn.execute(text("UPDATE counter SET n = :n"), {"n": n + 1})

    db.transact(read_then_write)
    t.join()
    with db.engine.connect() as c:
        assert c.execute(text("SELECT n FROM counter")).scalar() == 2  # no lost update


def test_normalize_url() -> None:
    assert normalize_url("postgres://u@h/d") == "postgresql+psycopg://u@h/d"
    assert normalize_url("postgresql://u@h/d") == "postgresql+psycopg://u@h/d"
    assert normalize_url("sqlite:///x") == "sqlite:///x"


def test_unreachable_postgres_is_a_clear_error() -> None:
    from sqlalchemy.exc import OperationalError

    db = Database("postgresql://nobody@127.0.0.1:1/none")
    with pytest.raises(OperationalError):
        migrate(db.engine)


@pytest.mark.fault
def test_a_database_locked_too_long_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from posapp.db.engine import DatabaseBusy

    url = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    holder = Database(url)
    impatient = Database(url, busy_timeout_ms=100)
    with holder.engine.begin() as c:
        c.exec_driver_sql("CREATE TABLE t (n INTEGER)")
    held, release = threading.Event(), threading.Event()

    def hold_lock() -> None:
        with holder.uow() as uow:
            uow.conn.exec_driver_sql("INSERT INTO t VALUES (1)")
            held.set()
            release.wait(10)
            uow.commit()

    t = threading.Thread(target=hold_lock)
    t.start()
    held.wait()
    try:
        with pytest.raises(DatabaseBusy) as err:
            impatient.transact(lambda uow: uow.conn.exec_driver_sql("INSERT INTO t VALUES (2)"))
        assert "busy" in str(err.value)
    finally:
        release.set()
        t.join()
    # nothing was lost: the holder's row is there, and a retry now succeeds
    impatient.transact(lambda uow: uow.conn.exec_driver_sql("INSERT INTO t VALUES (2)"))
    with holder.engine.connect() as c:
        assert sorted(r[0] for r in c.exec_driver_sql("SELECT n FROM t")) == [1, 2]
