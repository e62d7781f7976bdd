"""Backups for PostgreSQL (issue 19, item 3) — pg_dump's custom format, restored into a scratch
database and verified there — and a backup killed mid copy leaving no temporary file behind
after the next start."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from posapp.backup import BackupError
from posapp.backup_pg import backup_postgres, check_dump, remove_stale_temps, same_disk_warning
from posapp.db.engine import Database
from posapp.db.migrate import migrate
from tests.conftest import build_store
from tests.test_backup import _sell

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def pg_store(pg_schema_url: str):  # type: ignore[no-untyped-def]
    db = Database(pg_schema_url)
    migrate(db.engine)
    store = build_store(db)
    _sell(store, 3)
    yield pg_schema_url, db
    db.dispose()


def test_a_postgres_backup_is_restored_into_a_scratch_database_and_verified(
    pg_store,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    url, db = pg_store
    info = backup_postgres(url, tmp_path / "store.dump")
    assert info.path.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    assert list(tmp_path.glob(".backup-*")) == []
    assert check_dump(info.path, url) == []
    # a tampered database is refused at backup time, with verify's reason
    db.transact(lambda uow: uow.conn.execute(text("UPDATE payments SET amount = amount - 500")))
    with pytest.raises(BackupError) as caught:
        backup_postgres(url, tmp_path / "tampered.dump")
    assert "differs from its journal entry" in str(caught.value)
    assert not (tmp_path / "tampered.dump").exists()
    assert list(tmp_path.glob(".backup-*")) == []


def test_a_backup_killed_mid_copy_leaves_no_temp_file_after_the_next_start(tmp_path: Path) -> None:
    data, backups = tmp_path / "data", tmp_path / "backups"
    data.mkdir()
    path = data / "posapp.sqlite3"
    db = Database(f"sqlite:///{path}")
    migrate(db.engine)
    db.dispose()
    con = sqlite3.connect(path)  # some weight, so the copy and its check take a while
    con.execute("CREATE TABLE IF NOT EXISTS ballast (b BLOB)")
    con.executemany("INSERT INTO ballast VALUES (randomblob(1000000))", [()] * 120)
    con.commit()
    con.close()
    env = {
        **os.environ,
        "POSAPP_DATA_DIR": str(data),
        "POSAPP_LOG_DIR": str(tmp_path / "log"),
        "POSAPP_CONFIG_DIR": str(tmp_path / "config"),
        "POSAPP_BACKUP__DIR": str(backups),
        "PYTHONPATH": str(ROOT),
    }
    for name in ("POSAPP_DATABASE_URL", "POSAPP_TEST_DATABASE_URL"):
        env.pop(name, None)
    cmd = [sys.executable, "-m", "posapp.cli", "backup", "--out", str(backups / "manual.sqlite3")]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not list(backups.glob(".backup-*.tmp")):
        if proc.poll() is not None:
            raise AssertionError(proc.stderr.read().decode() if proc.stderr else "exited")
        assert time.monotonic() < deadline, "no temp file seen"
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    left = list(backups.glob(".backup-*.tmp"))
    assert left, "the kill came too late"
    # the next start (any posapp-admin command that opens the database) removes it
    done = subprocess.run(
        [sys.executable, "-m", "posapp.cli", "init"], env=env, capture_output=True, timeout=120
    )
    assert done.returncode == 0, done.stderr.decode()
    assert list(backups.glob(".backup-*.tmp")) == []


def test_a_temp_file_of_a_running_backup_is_kept(tmp_path: Path) -> None:
    mine = tmp_path / f".backup-{os.getpid()}-x.tmp"
    mine.write_bytes(b"")
    assert remove_stale_temps(tmp_path) == []
    assert mine.exists()


def test_backups_on_the_databases_disk_are_warned_about(tmp_path: Path) -> None:
    db_file = tmp_path / "pos.sqlite3"
    db_file.write_bytes(b"")
    assert "USB" in (same_disk_warning(tmp_path / "backups", db_file) or "")
