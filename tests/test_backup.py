"""Backups: a consistent copy while a till sells, restore that refuses bad files and says why,
scheduled backups kept N days, and the CLI commands."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from posapp.backup import (
    BackupError,
    backup_sqlite,
    check_backup,
    restore_sqlite,
    run_scheduled,
    scheduled_backups,
    sqlite_path,
)
from posapp.cli import main as admin
from posapp.db.engine import Database
from posapp.db.migrate import migrate
from posapp.db.models import Sale
from posapp.inventory import catalog
from posapp.sales import completion
from posapp.sales.tenders import Tender
from posapp.sales.ticket import Ticket
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, SALT_CODE, build_store, cli_admin

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def live(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A store in an SQLite file (the backup API works on files)."""
    path = tmp_path / "pos.sqlite3"
    db = Database(f"sqlite:///{path}")
    migrate(db.engine)
    store = build_store(db)
    yield path, store
    db.dispose()


def _sell(store, n: int = 1) -> None:  # type: ignore[no-untyped-def]
    line = store.db.read(lambda uow: catalog.scan(uow, GOCHUJANG_CODE).line)
    for _ in range(n):
        t = Ticket()
        t.add(line)
        store.db.transact(
            lambda uow, t=t: completion.complete_sale(
                uow, t, [Tender.cash(10_000)], register_id="R01", user_id=store.cashier
            )
        )


def _sales(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM sales").fetchone()[0]
    finally:
        con.close()


@pytest.mark.slow
def test_backup_while_a_till_sells_is_consistent(live, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, store = live
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    till = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.support.sale_loop",
            store.db.url,
            APPLE_CODE,
            SALT_CODE,
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert till.stdout is not None and till.stdout.readline().strip() == "selling"
        copies = []
        for k in range(3):
            before = _sales(path)
            info = backup_sqlite(path, tmp_path / f"copy{k}.sqlite3")
            after = _sales(path)
            copies.append((info, before, after))
            time.sleep(0.1)
    finally:
        till.kill()
        till.wait(timeout=10)
    for info, before, after in copies:
        assert check_backup(info.path) == []  # integrity, schema, ledger and journal all fine
        assert before <= _sales(info.path) <= after  # a snapshot taken while it ran
    assert copies[-1][2] > copies[0][1]  # the till really was selling during the backups


def test_restore_brings_back_the_backup_and_keeps_the_previous(live, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, store = live
    _sell(store, 2)
    info = backup_sqlite(path, tmp_path / "b.sqlite3")
    _sell(store, 3)
    store.db.dispose()
    kept = restore_sqlite(info.path, path, now=dt.datetime(2026, 11, 23, 1, 2, 3, tzinfo=dt.UTC))
    assert _sales(path) == 2
    assert kept is not None and kept.name.endswith("before-restore-20261123-010203")
    assert _sales(kept) == 5


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data) - page, 3 * page):  # scribble over some pages
        data[offset + 100 : offset + 400] = os.urandom(300)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("spoil", "reason"),
    [
        (lambda p, s: p.write_bytes(b"not a database at all" * 100), "not an SQLite database"),
        (lambda p, s: _damage(p), "damaged|integrity|malformed"),
        (
            lambda p, s: (p.unlink(), sqlite3.connect(p).execute("CREATE TABLE t (x)").close()),
            "not an I·Market·U POS database",
        ),
        (
            lambda p, s: s("UPDATE alembic_version SET version_num = 'zz99'"),
            "revision zz99 is unknown",
        ),
        (
            lambda p, s: s("UPDATE journal SET payload = replace(payload, '8500', '8000')"),
            "journal: .*differs|journal: .*hash",
        ),
        (lambda p, s: s("UPDATE stock_levels SET on_hand = on_hand + 1"), "ledger: product"),
    ],
    ids=["garbage", "damaged", "not-pos", "unknown-revision", "tampered-journal", "ledger"],
)
def test_restore_refuses_a_bad_file_and_says_why(live, tmp_path: Path, spoil, reason) -> None:  # type: ignore[no-untyped-def]
    import re

    path, store = live
    _sell(store, 2)
    bad = backup_sqlite(path, tmp_path / "bad.sqlite3").path

    def sql(statement: str) -> None:
        con = sqlite3.connect(bad)
        con.execute(statement)
        con.commit()
        con.close()

    spoil(bad, sql)
    problems = check_backup(bad)
    assert problems and any(re.search(reason, p) for p in problems), problems
    before = path.read_bytes()
    with pytest.raises(BackupError) as err:
        restore_sqlite(bad, path)
    assert err.value.code == "restore.refused"
    assert path.read_bytes() == before  # nothing touched


def test_a_backup_from_before_the_stock_journal_is_checked_as_a_start_would(
    live, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A backup of this revision made before non-sale movements were journaled (no migration
    marks it): the check journals them as the first start would, instead of refusing it."""
    path, store = live
    _sell(store)
    old = backup_sqlite(path, tmp_path / "old.sqlite3").path
    con = sqlite3.connect(old)
    for statement in (
        "DELETE FROM journal WHERE register_id = 'BO'",
        "DELETE FROM journal_heads WHERE register_id = 'BO'",
        "DELETE FROM store_meta WHERE key = 'stock_journal'",
    ):
        con.execute(statement)
    con.commit()
    con.close()
    assert check_backup(old) == []
    # with the mark kept, a movement with no entry is what it is: refused
    con = sqlite3.connect(old)
    con.execute("INSERT INTO store_meta (key, value) VALUES ('stock_journal', '1')")
    con.commit()
    con.close()
    assert any("has no journal entry" in p for p in check_backup(old))


def test_scheduled_backups_are_made_when_due_and_kept_n_days(live, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, _store = live
    where = tmp_path / "backups"
    t0 = dt.datetime(2026, 11, 1, 3, 0, tzinfo=dt.UTC)
    made = [run_scheduled(path, where, every_hours=24, keep_days=3, now=t0)]
    made.append(
        run_scheduled(path, where, every_hours=24, keep_days=3, now=t0 + dt.timedelta(hours=5))
    )
    assert made[0] is not None and made[1] is None  # not due yet
    for day in range(1, 7):
        assert run_scheduled(
            path, where, every_hours=24, keep_days=3, now=t0 + dt.timedelta(days=day)
        )
    names = [p.name for p in scheduled_backups(where)]
    assert names == [f"posapp-202611{d:02d}-030000.sqlite3" for d in (4, 5, 6, 7)]
    assert all(check_backup(p, verify_data=False) == [] for p in scheduled_backups(where))


def test_cli_backup_and_restore(live, tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path, store = live
    for name, value in cli_admin(store).items():  # restore asks who you are
        monkeypatch.setenv(name, value)
    _sell(store, 1)
    url = f"sqlite:///{path}"
    out = tmp_path / "cli.sqlite3"
    assert admin(["--db", url, "backup", "--out", str(out)]) == 0
    assert "backup written" in capsys.readouterr().out
    assert admin(["--db", url, "restore", str(out), "--check"]) == 0
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("hello")
    assert admin(["--db", url, "restore", str(junk)]) == 1
    assert "not an SQLite database" in capsys.readouterr().err
    _sell(store, 2)
    store.db.dispose()
    assert admin(["--db", url, "restore", str(out)]) == 0
    assert _sales(path) == 1


def test_postgres_is_pointed_at_pg_dump(capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BackupError) as err:
        sqlite_path("postgresql://postgres@127.0.0.1/test")
    assert "pg_dump" in str(err.value)
    # PostgreSQL is backed up with pg_dump (tests/test_backup_pg.py); no server there: said so
    assert admin(["--db", "postgresql://u@127.0.0.1:1/x", "backup", "--out", "/tmp/x"]) == 1
    assert "pg_dump failed" in capsys.readouterr().err


def test_journal_tampering_is_found_by_verify(db: Database) -> None:
    """posapp-admin verify walks the journal chain: an edited row is reported, on both backends."""
    from posapp.verify import verify

    store = build_store(db)
    _sell(store, 3)
    assert verify(db).ok
    db.transact(
        lambda uow: uow.conn.execute(
            text("UPDATE journal SET payload = replace(payload, '8500', '8400') WHERE seq = 2")
        )
    )
    report = verify(db)
    assert not report.ok
    assert any("#2" in p and ("hash" in p or "differs" in p) for p in report.journal), report
    n = db.read(lambda uow: uow.session.scalar(select(func.count(Sale.id))))
    assert n == 3
