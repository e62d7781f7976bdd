"""The settings screen (Ctrl+Shift+S) on the checkout, offscreen with pytest-qt: the settings
permission (an admin's PIN in place for a cashier), the connection test in words, saving to a
temporary config file, the till registered, and what needs a restart."""

from __future__ import annotations

import socket
import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from posapp import secrets
from posapp.auth.service import Role, create_user
from posapp.db.migrate import head_revision
from posapp.db.models import Register
from posapp.ui.settings import SettingsDialog
from tests.conftest import Store
from tests.ui.test_checkout_flow import sign_in, till  # noqa: F401 (the fixture)


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The file the settings screen edits (set before the checkout is built)."""
    monkeypatch.setenv("POSAPP_NO_KEYRING", "1")
    path = tmp_path / "posapp.toml"
    path.write_text('[store]\nname = "아이마켓유 안국"\n\n[printer]\nkind = "preview"\n')
    monkeypatch.setenv("POSAPP_CONFIG", str(path))
    return path


@pytest.fixture
def setup_till(config: Path, till, store: Store):  # type: ignore[no-untyped-def]  # noqa: F811
    window, script, _parts, _printer = till
    store.db.transact(lambda uow: create_user(uow, "최관리", Role.ADMIN, "9999"))
    return window, script, config


def open_settings(qtbot, window) -> SettingsDialog:  # type: ignore[no-untyped-def]
    qtbot.keyClick(
        window,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = getattr(window, "_settings_dialog", None)
    assert dialog is not None and dialog.isVisible(), window.message.text()
    return dialog


def test_a_cashier_needs_an_admin_pin_and_the_till_is_registered(
    qtbot, setup_till, store: Store
) -> None:  # type: ignore[no-untyped-def]
    window, script, config = setup_till
    assert window.settings_btn.text() == "설정 (Ctrl+Shift+S)"
    sign_in(qtbot, window, script)  # 김하늘, a cashier
    script.push("pin", "2222")  # a manager: no settings permission by default
    qtbot.keyClick(
        window,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert getattr(window, "_settings_dialog", None) is None
    assert window.message.text() == "관리자 승인이 필요한 작업입니다."
    script.push("pin", "9999")  # the admin
    d = open_settings(qtbot, window)
    assert d.register_id.text() == "R01" and d.printer_kind.currentData() == "preview"
    assert not d.printer_host.isEnabled()
    d.register_id.setText("R02")
    d.register_name.setText("2번 계산대")
    d.printer_kind.setCurrentIndex(d.printer_kind.findData("network"))
    assert d.printer_host.isEnabled()
    d.printer_host.setText("192.168.0.50")
    d.paper_mm.setCurrentIndex(d.paper_mm.findData(58))
    d.drawer_pin.setCurrentIndex(d.drawer_pin.findData(5))
    d.scanner_kind.setCurrentIndex(d.scanner_kind.findData("serial"))
    qtbot.mouseClick(d.save_btn, Qt.MouseButton.LeftButton)  # a serial scanner without its port
    assert d.message.text() == "스캐너 포트를 입력하세요 (예: /dev/ttyUSB0, COM3)."
    assert "R02" not in config.read_text()
    d.scanner_device.setText("/dev/ttyACM0")
    d.token.setText("platform-token-1")
    d.platform_url.setText("https://platform.example.kr")
    qtbot.mouseClick(d.save_btn, Qt.MouseButton.LeftButton)
    assert d.message.text().startswith("저장했습니다. 다시 시작해야 적용: 계산대 번호"), (
        d.message.text()
    )
    assert "계산대 이름" not in d.message.text() and "플랫폼 토큰" in d.message.text()
    data = tomllib.loads(config.read_text(encoding="utf-8"))
    assert data["store"] == {"name": "아이마켓유 안국"}  # kept
    assert data["register"] == {"id": "R02", "name": "2번 계산대"}
    assert data["printer"] == {"kind": "network", "host": "192.168.0.50", "paper_mm": 58}
    assert data["sales"] == {"drawer_pin": 5}
    assert data["scanner"] == {"kind": "serial", "device": "/dev/ttyACM0"}
    assert "token" not in data["platform"] and d.token.text() == ""
    assert secrets.get_secret(secrets.PLATFORM_TOKEN) == "platform-token-1"
    names = store.db.read(
        lambda uow: dict(uow.conn.execute(select(Register.id, Register.name)).all())
    )
    assert names["R02"] == "2번 계산대"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_connection_test_in_words(qtbot, setup_till, store: Store, db_url: str) -> None:  # type: ignore[no-untyped-def]
    window, script, _config = setup_till
    script.push("pin", "9999")
    d = open_settings(qtbot, window)  # nobody signed in: the admin's PIN opens it
    d.database_url.setText(db_url)
    qtbot.mouseClick(d.test_btn, Qt.MouseButton.LeftButton)
    server = "PostgreSQL" if db_url.startswith("postgresql") else "SQLite"
    assert d.db_state.text().startswith(f"연결됨 · {server}"), d.db_state.text()
    assert d.db_state.text().endswith(f"스키마 {head_revision()} (최신)")
    d.database_url.setText(f"postgresql://postgres@127.0.0.1:{_free_port()}/posapp")
    d.activateWindow()
    qtbot.waitUntil(d.isActiveWindow, timeout=2000)
    qtbot.keyClick(d.database_url, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    # a button's shortcut clicks it the way a press looks (animateClick: a moment later)
    qtbot.waitUntil(lambda: "연결할 수 없습니다" in d.db_state.text(), timeout=3000)
    assert d.db_state.text().startswith("데이터베이스 서버(127.0.0.1:"), d.db_state.text()
    assert "연결할 수 없습니다" in d.db_state.text() and d.test_btn.isEnabled()
    d.database_url.setText("mysql://x@y/z")
    qtbot.mouseClick(d.test_btn, Qt.MouseButton.LeftButton)
    assert d.db_state.text().startswith("데이터베이스 주소는 sqlite:///")


def test_the_language_choice_leaves_qwidget_locale_alone(qtbot, setup_till) -> None:  # type: ignore[no-untyped-def]
    """The language combo box used to be stored as ``self.locale``, hiding QWidget.locale()."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QComboBox

    window, script, _config = setup_till
    script.push("pin", "9999")
    d = open_settings(qtbot, window)
    assert isinstance(d.locale(), QLocale)
    assert isinstance(d.locale_box, QComboBox) and d.locale_box.count() >= 2
