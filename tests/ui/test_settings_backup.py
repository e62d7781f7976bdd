"""The settings screen's 백업 group (issue 19, item 3): the folder, the last scheduled backup and
the last failure since, in Korean, as the till's own backup job recorded them — PostgreSQL: the
store's, whichever back-office till made it."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from posapp.app import build
from posapp.auth.service import Role, create_user
from posapp.config import Settings
from posapp.hardware.printer import PreviewPrinter
from posapp.ui.settings import SettingsDialog
from posapp.ui.tasks import SyncRunner
from tests.conftest import Store
from tests.support.scanning import use_wedge
from tests.ui.test_checkout_flow import Script, sign_in
from tests.ui.test_settings_dialog import config  # noqa: F401 (the fixture)
from tests.ui.test_settings_dialog import open_settings as opened


@pytest.fixture
def office(qtbot: Any, store: Store, tmp_path: Path, config: Path) -> Any:  # noqa: F811
    """The back-office till, its backups set to a USB drive that is not plugged in."""
    usb = tmp_path / "media" / "usb"
    base = Settings()
    settings = replace(
        base,
        card=replace(base.card, terminal=""),
        sales=replace(base.sales, customer_display=False),
        backup=replace(base.backup, dir=str(usb), back_office=True),
    )
    store.db.transact(lambda uow: create_user(uow, "최관리", Role.ADMIN, "9999"))
    parts = build(store.db, settings, runner=SyncRunner(), printer=PreviewPrinter(tmp_path))
    qtbot.addWidget(parts.window)
    parts.window.show()
    script = Script()
    parts.window.ask = script
    use_wedge(parts.wedge)
    yield parts, script, usb
    use_wedge(None)
    parts.shutdown()


def open_settings(qtbot: Any, window: Any, script: Script) -> SettingsDialog:
    script.push("pin", "9999")  # the admin's approval for the cashier
    return opened(qtbot, window)


def test_the_settings_screen_shows_the_last_failure_in_korean_then_the_backup(
    qtbot: Any, office: Any
) -> None:
    parts, script, usb = office
    window = parts.window
    assert parts.jobs.backups is not None
    parts.jobs.backups.timeout.emit()  # the minute after start-up: the drive is not there
    sign_in(qtbot, window, script)
    d = open_settings(qtbot, window, script)
    assert d.backup_folder.text() == str(usb)
    assert d.backup_state.text() == "아직 없습니다"
    assert d.backup_failure.isVisible()
    failure = d.backup_failure.text()
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\d \d\d:\d\d 실패 · 계산대 R01: 백업 폴더 .*를 찾을 수 없습니다\. USB .*",
        failure,
    ), failure
    assert str(usb) in failure
    assert not d.backup_disk.isVisible()  # no drive plugged in: no disk to compare
    # at 1024×768 and 1366×768, with such a failure shown: tests/ui/test_layout.py
    d.close()
    # the drive is plugged in; the next hourly check makes the backup
    usb.mkdir(parents=True)
    parts.jobs.backups.timeout.emit()
    first, d = d, open_settings(qtbot, window, script)
    assert d is not first  # opened anew, read anew
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\d \d\d:\d\d · 계산대 R01 · [\d,.]+ (MB|KB)", d.backup_state.text()
    ), d.backup_state.text()
    assert not d.backup_failure.isVisible()
    # the test's "USB drive" is a folder on the disk of the database (PostgreSQL: the server's
    # data directory, on this machine): said, in red, in the group
    assert d.backup_disk.isVisible()
    assert d.backup_disk.text() == (
        "데이터베이스와 같은 디스크입니다: USB 드라이브나 네트워크 공유를 쓰세요"
    )


def test_a_postgres_till_not_set_as_back_office_says_so(
    qtbot: Any,
    store: Store,
    tmp_path: Path,
    config: Path,  # noqa: F811
) -> None:
    if store.db.dialect == "sqlite":
        pytest.skip("every SQLite till backs up its own file")
    base = Settings()
    settings = replace(
        base,
        card=replace(base.card, terminal=""),
        sales=replace(base.sales, customer_display=False),
    )
    store.db.transact(lambda uow: create_user(uow, "최관리", Role.ADMIN, "9999"))
    parts = build(store.db, settings, runner=SyncRunner(), printer=PreviewPrinter(tmp_path))
    try:
        qtbot.addWidget(parts.window)
        parts.window.show()
        script = Script()
        parts.window.ask = script
        sign_in(qtbot, parts.window, script)
        d = open_settings(qtbot, parts.window, script)
        assert d.backup_state.text() == (
            "아직 없습니다 · 이 계산대는 정기 백업을 하지 않습니다 (백오피스 계산대가 합니다)"
        )
        assert not d.backup_failure.isVisible()
    finally:
        parts.shutdown()
