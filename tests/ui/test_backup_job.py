"""The till's own scheduled backup (posapp.app_jobs), through the app as built: its timer's
tick runs the backup on the I/O pool, never the Qt thread. SQLite: every till backs up its
file. PostgreSQL: only the till set as back office (``[backup] back_office``) dumps. A folder
named in ``[backup] dir`` that is missing (the USB drive not plugged in) is not created, and
the next tick after it is back makes the backup."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from posapp.app import build
from posapp.backup_pg import backup_status
from posapp.config import Settings
from posapp.hardware.printer import PreviewPrinter
from posapp.ui.tasks import SyncRunner, TaskRunner
from tests.conftest import Store


def _settings(**backup: Any) -> Settings:
    base = Settings()
    return replace(
        base,
        card=replace(base.card, terminal=""),
        sales=replace(base.sales, customer_display=False),
        backup=replace(base.backup, **backup),
    )


def _made(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("posapp-*") if p.suffix in {".dump", ".sqlite3"})


@pytest.fixture
def app_with(qtbot: Any, store: Store, tmp_path: Path) -> Any:
    built: list[Any] = []

    def make(settings: Settings, runner: Any = None) -> Any:
        parts = build(
            store.db, settings, runner=runner or SyncRunner(), printer=PreviewPrinter(tmp_path)
        )
        qtbot.addWidget(parts.window)
        built.append(parts)
        return parts

    yield make
    for parts in built:
        parts.shutdown()


def test_the_back_office_tills_timer_makes_a_backup_off_the_qt_thread(
    qtbot: Any, app_with: Any, store: Store, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    parts = app_with(_settings(dir=str(usb), back_office=True), TaskRunner())
    timer = parts.jobs.backups
    assert timer is not None and timer.isActive() and timer.interval() == 60_000
    started = time.monotonic()
    timer.timeout.emit()  # the minute after start-up has come
    ticked = time.monotonic() - started
    qtbot.waitUntil(lambda: len(_made(usb)) == 1, timeout=60_000)
    took = time.monotonic() - started
    assert ticked < 0.2 < took or ticked < took / 5, (ticked, took)  # the Qt thread went on
    assert timer.interval() == 3_600_000  # hourly from now on
    (made,) = _made(usb)
    if store.db.dialect == "sqlite":
        assert made.read_bytes()[:16] == b"SQLite format 3\x00"
    else:
        assert made.read_bytes()[:5] == b"PGDMP"
    # recorded for the settings screen (by the I/O thread, just after the file)
    qtbot.waitUntil(lambda: backup_status(store.db).at != "", timeout=10_000)
    assert backup_status(store.db).register == Settings().register.id
    # the next tick, within every_hours: no second backup
    timer.timeout.emit()
    qtbot.wait(500)
    assert len(_made(usb)) == 1


def test_a_postgres_till_not_set_as_back_office_makes_none(
    app_with: Any, store: Store, tmp_path: Path
) -> None:
    if store.db.dialect == "sqlite":
        pytest.skip("every SQLite till backs up its own file")
    usb = tmp_path / "usb"
    usb.mkdir()
    parts = app_with(_settings(dir=str(usb)))
    assert parts.jobs.backups is None and parts.jobs.back_up is None
    assert _made(usb) == []


def test_backups_switched_off_make_none(app_with: Any, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    parts = app_with(_settings(dir=str(usb), back_office=True, enabled=False))
    assert parts.jobs.backups is None and parts.jobs.back_up is None


def test_a_missing_usb_folder_is_not_created_and_the_next_tick_after_it_is_back_backs_up(
    app_with: Any, store: Store, tmp_path: Path, caplog: Any
) -> None:
    usb = tmp_path / "media" / "usb"
    parts = app_with(_settings(dir=str(usb), back_office=True))
    timer = parts.jobs.backups
    assert timer is not None
    timer.timeout.emit()
    assert not usb.exists() and not usb.parent.exists()  # nothing put on the till's own disk
    assert "scheduled backup failed" in caplog.text
    status = backup_status(store.db)
    assert status.failed_code == "backup.target_missing"
    assert status.failed_data == {"folder": str(usb)}
    usb.mkdir(parents=True)
    timer.timeout.emit()  # an hour later
    assert len(_made(usb)) == 1
    assert backup_status(store.db).failed_code == ""
