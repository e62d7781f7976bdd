"""Restores that check what they restore (issue 19, item 2): another store's backup over a
store in use is refused, and so is a backup whose schema was altered (a trigger that skims 10 %
of cash payments, a view, a column), each with the reason."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from posapp.backup import BackupError, backup_sqlite, check_backup, restore_sqlite
from posapp.db.engine import Database
from posapp.db.migrate import migrate
from tests.conftest import build_store
from tests.test_backup import _sell

SKIM = (
    "CREATE TRIGGER skim AFTER INSERT ON payments WHEN NEW.method = 'cash' "
    "BEGIN UPDATE payments SET amount = amount * 9 / 10 WHERE id = NEW.id; END"
)


def _store(path: Path) -> Path:
    db = Database(f"sqlite:///{path}")
    migrate(db.engine)
    store = build_store(db)
    _sell(store, 2)
    db.dispose()
    return path


def test_another_stores_backup_is_refused_over_a_store_in_use(tmp_path: Path) -> None:
    ours = _store(tmp_path / "ours.sqlite3")
    theirs = _store(tmp_path / "theirs.sqlite3")
    their_backup = backup_sqlite(theirs, tmp_path / "theirs-backup.sqlite3").path
    before = ours.read_bytes()
    with pytest.raises(BackupError) as caught:
        restore_sqlite(their_backup, ours)
    assert "another store" in str(caught.value)
    assert ours.read_bytes() == before  # nothing replaced
    # our own backup restores; and a new, empty till takes any store's backup (moving a store)
    our_backup = backup_sqlite(ours, tmp_path / "ours-backup.sqlite3").path
    restore_sqlite(our_backup, ours)
    restore_sqlite(their_backup, tmp_path / "new-till.sqlite3")


@pytest.mark.parametrize(
    ("alter", "reason"),
    [
        (SKIM, "trigger 'skim'"),
        ("CREATE VIEW cash AS SELECT * FROM payments", "view 'cash'"),
        ("CREATE TABLE notes (x TEXT)", "table 'notes'"),
        ("ALTER TABLE payments ADD COLUMN skimmed INTEGER", "columns of table 'payments'"),
        ("DROP INDEX ix_sales_shift_id", "lacks the index 'ix_sales_shift_id'"),
    ],
)
def test_an_altered_backup_is_refused_with_the_reason(
    tmp_path: Path, alter: str, reason: str
) -> None:
    live = _store(tmp_path / "pos.sqlite3")
    backup = backup_sqlite(live, tmp_path / "backup.sqlite3").path
    assert check_backup(backup) == []
    con = sqlite3.connect(backup)
    con.execute(alter)
    con.commit()
    con.close()
    problems = check_backup(backup)
    assert any(reason in p for p in problems), problems
    with pytest.raises(BackupError) as caught:
        restore_sqlite(backup, live)
    assert reason in str(caught.value)
