"""The back-office till's scheduled PostgreSQL backup (issue 19, item 3): a verified dump when
one is due; two back-office tills make one dump per interval and never two at once; old dumps
pruned (foreign files and the newest kept); a configured folder that is missing is said in
Korean, never created, and the next run after it is back succeeds; a failure is recorded
where every till can see it."""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from posapp.backup import SQLITE_MAGIC, BackupError, prune
from posapp.backup_pg import (
    DUMP_MAGIC,
    DUMP_SUFFIX,
    backup_status,
    check_dump,
    run_scheduled_pg,
)
from posapp.db.engine import Database
from posapp.error_codes import BackupErrorCode
from posapp.ui.messages import words
from tests.test_backup_pg import pg_store  # noqa: F401  (the fixture)

T0 = dt.datetime(2026, 12, 1, 2, 0, tzinfo=dt.UTC)


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    """The configured backup folder, there (the drive plugged in)."""
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def _dumps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob(f"posapp-*{DUMP_SUFFIX}"))


def test_a_due_scheduled_run_writes_a_verified_dump_and_records_it(
    pg_store,  # noqa: F811
    usb: Path,
) -> None:  # type: ignore[no-untyped-def]
    url, db = pg_store
    folder = usb
    made = run_scheduled_pg(db, url, folder, register="R09", every_hours=24, keep_days=14, now=T0)
    assert made is not None and made.name == "posapp-20261201-020000.dump"
    assert made.read_bytes()[:5] == DUMP_MAGIC
    assert check_dump(made, url) == []  # restores and verifies
    assert list(folder.glob(".backup-*")) == []
    status = backup_status(db)
    assert (status.at, status.register, status.bytes) == (
        T0.isoformat(),
        "R09",
        made.stat().st_size,
    )
    assert status.failed_at == "" and status.failed_code == ""
    # not due again within the interval
    later = T0 + dt.timedelta(hours=23)
    assert (
        run_scheduled_pg(db, url, folder, register="R09", every_hours=24, keep_days=14, now=later)
        is None
    )
    assert _dumps(folder) == [made.name]


def test_two_back_office_tills_make_one_dump_per_interval_never_two_at_once(
    pg_store,  # noqa: F811
    tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    url, db_a = pg_store
    db_b = Database(url)  # the second till: its own engine on the same database
    folder = tmp_path / "share"
    folder.mkdir()
    try:
        # hold pg_dump at its first lock, so till A is mid-dump for as long as the test wants
        blocker = Database(url)
        conn = blocker.engine.connect()
        conn.execute(text("LOCK TABLE products IN ACCESS EXCLUSIVE MODE"))
        got: dict[str, object] = {}

        def till_a() -> None:
            try:
                got["a"] = run_scheduled_pg(
                    db_a, url, folder, register="R01", every_hours=24, keep_days=14, now=T0
                )
            except BaseException as exc:  # shown by the assert below
                got["a"] = exc

        thread = threading.Thread(target=till_a)
        thread.start()
        deadline = time.monotonic() + 30
        while not list(folder.glob(".backup-*.tmp")):
            assert time.monotonic() < deadline, f"till A never started its dump: {got}"
            time.sleep(0.01)

        # till B's timer fires while A dumps: it neither waits nor dumps (on a thread, so a
        # till B that did wait fails the test instead of hanging it)
        def till_b() -> None:
            got["b"] = run_scheduled_pg(
                db_b, url, folder, register="R02", every_hours=24, keep_days=14, now=T0
            )

        other = threading.Thread(target=till_b, daemon=True)
        other.start()
        other.join(10)
        b_waited = other.is_alive()
        temps = list(folder.glob(".backup-*.tmp"))
        conn.rollback()
        conn.close()
        blocker.dispose()
        thread.join(60)
        other.join(60)
        assert not b_waited, "till B waited for till A's backup"
        assert got["b"] is None and len(temps) == 1  # only A's dump was running
        assert isinstance(got["a"], Path), got
        # B's next hourly run within the interval: the dump A made counts for the store
        soon = T0 + dt.timedelta(hours=1)
        assert (
            run_scheduled_pg(
                db_b, url, folder, register="R02", every_hours=24, keep_days=14, now=soon
            )
            is None
        )
        assert _dumps(folder) == ["posapp-20261201-020000.dump"]
        # the next interval: whichever till comes first makes it, and only one
        next_day = T0 + dt.timedelta(hours=25)
        assert run_scheduled_pg(
            db_b, url, folder, register="R02", every_hours=24, keep_days=14, now=next_day
        )
        assert (
            run_scheduled_pg(
                db_a, url, folder, register="R01", every_hours=24, keep_days=14, now=next_day
            )
            is None
        )
        assert len(_dumps(folder)) == 2
        assert backup_status(db_a).register == "R02"
    finally:
        db_b.dispose()


def _write(folder: Path, name: str, content: bytes) -> Path:
    path = folder / name
    path.write_bytes(content)
    return path


def test_prune_deletes_only_our_old_backups_and_keeps_the_newest(tmp_path: Path) -> None:
    now = dt.datetime(2026, 12, 20, 3, 0, tzinfo=dt.UTC)
    old1 = _write(tmp_path, "posapp-20261101-030000.dump", DUMP_MAGIC + b"x")
    old2 = _write(tmp_path, "posapp-20261102-030000.dump", DUMP_MAGIC + b"x")
    recent = _write(tmp_path, "posapp-20261215-030000.dump", DUMP_MAGIC + b"x")
    foreign_name = _write(tmp_path, "posapp-20261101-030000-copy.dump", DUMP_MAGIC)
    foreign_name2 = _write(tmp_path, "store-20261101.dump", DUMP_MAGIC)
    foreign_content = _write(tmp_path, "posapp-20261103-030000.dump", b"my holiday photos")
    sqlite_one = _write(tmp_path, "posapp-20261101-030000.sqlite3", SQLITE_MAGIC)
    removed = prune(tmp_path, DUMP_SUFFIX, DUMP_MAGIC, keep_days=14, now=now)
    assert sorted(removed) == [old1, old2]
    for kept in (recent, foreign_name, foreign_name2, foreign_content, sqlite_one):
        assert kept.exists(), kept.name
    # a till off for months: its only (old) backup is kept, whatever keep_days says
    recent.unlink()
    lone = _write(tmp_path, "posapp-20260101-030000.dump", DUMP_MAGIC)
    assert prune(tmp_path, DUMP_SUFFIX, DUMP_MAGIC, keep_days=14, now=now) == []
    assert lone.exists()
    # a folder that is not there prunes nothing and is not made
    assert prune(tmp_path / "gone", DUMP_SUFFIX, DUMP_MAGIC, keep_days=1, now=now) == []
    assert not (tmp_path / "gone").exists()


def test_a_scheduled_run_prunes_old_dumps(pg_store, usb: Path) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    url, db = pg_store
    folder = usb
    for day in range(5):
        run_scheduled_pg(
            db, url, folder, register="R01", every_hours=24, keep_days=2,
            now=T0 + dt.timedelta(days=day),
        )  # fmt: skip
    assert _dumps(folder) == [f"posapp-202612{d:02d}-020000.dump" for d in (3, 4, 5)]


def test_a_missing_folder_is_said_in_korean_not_created_and_retried_when_back(
    pg_store,  # noqa: F811
    tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    url, db = pg_store
    mount = tmp_path / "media" / "usb"  # the drive is not plugged in: its folder is not there
    with pytest.raises(BackupError) as caught:
        run_scheduled_pg(db, url, mount, register="R01", every_hours=24, keep_days=14, now=T0)
    assert caught.value.code == BackupErrorCode.TARGET_MISSING
    said = words(caught.value.code, caught.value.data, "ko")
    assert said is not None and str(mount) in said and "USB" in said and "찾을 수 없습니다" in said
    assert not mount.exists() and not mount.parent.exists()  # nothing made on the till's disk
    # recorded where every till sees it, with what the words need
    status = backup_status(db)
    assert (status.failed_at, status.failed_code, status.failed_register) == (
        T0.isoformat(),
        "backup.target_missing",
        "R01",
    )
    assert status.at == ""
    shown = words(status.failed_code, status.failed_data, "ko")
    assert shown is not None and str(mount) in shown
    # the drive is plugged in: the next hourly run makes the dump and clears the failure
    mount.mkdir(parents=True)
    later = T0 + dt.timedelta(hours=1)
    made = run_scheduled_pg(db, url, mount, register="R01", every_hours=24, keep_days=14, now=later)
    assert made is not None and made.parent == mount
    status = backup_status(db)
    assert status.at == later.isoformat() and status.failed_code == "" and status.failed_at == ""


def test_a_failed_dump_is_recorded_and_the_next_run_retries(
    pg_store,  # noqa: F811
    usb: Path,
) -> None:  # type: ignore[no-untyped-def]
    url, db = pg_store
    folder = usb
    # a tampered database fails the dump's verify: no file, the failure recorded
    db.transact(lambda uow: uow.conn.execute(text("UPDATE payments SET amount = amount - 500")))
    with pytest.raises(BackupError) as caught:
        run_scheduled_pg(db, url, folder, register="R03", every_hours=24, keep_days=14, now=T0)
    assert caught.value.code == BackupErrorCode.BAD_COPY
    assert _dumps(folder) == [] and list(folder.glob(".backup-*")) == []
    status = backup_status(db)
    assert (status.failed_code, status.failed_register) == ("backup.bad_copy", "R03")
    assert words(status.failed_code, status.failed_data, "ko")
    # mended, the next run (not "due" by the failed one) makes it
    db.transact(lambda uow: uow.conn.execute(text("UPDATE payments SET amount = amount + 500")))
    later = T0 + dt.timedelta(hours=1)
    assert run_scheduled_pg(
        db, url, folder, register="R03", every_hours=24, keep_days=14, now=later
    )
    assert backup_status(db).failed_code == ""
