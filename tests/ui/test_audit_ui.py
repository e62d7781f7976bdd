"""The audit log browser (filters, rows, before/after) and the idle sign-out of the checkout."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from posapp import audit
from posapp.app import build
from posapp.auth import permissions as perms
from posapp.auth import service as auth
from posapp.config import Settings
from posapp.hardware.printer import PreviewPrinter
from posapp.ui.audit import AuditBrowser
from posapp.ui.tasks import SyncRunner
from tests.conftest import Store


@pytest.fixture
def events(store: Store) -> Store:
    db = store.db
    admin = db.transact(lambda uow: auth.create_user(uow, "관리자", auth.Role.ADMIN, "9999")).id
    db.transact(lambda uow: perms.revoke(uow, admin, "manager", "refund", register_id="R01"))
    db.transact(lambda uow: perms.grant(uow, admin, "cashier", "void", register_id="R01"))
    return store


def test_audit_browser_lists_and_filters(qtbot, events: Store) -> None:  # type: ignore[no-untyped-def]
    db = events.db
    kinds = db.read(audit.actions)
    browser = AuditBrowser(
        lambda flt: db.read(lambda uow: audit.list_events(uow, flt)), SyncRunner(), actions=kinds
    )
    qtbot.addWidget(browser)
    browser.show()
    browser.refresh()
    total = browser.model.rowCount()
    assert total >= 5  # users added, shift opened, two permission changes
    assert (
        browser.model.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        == "동작"
    )
    browser.action.setCurrentIndex(browser.action.findData("perm.grant"))
    qtbot.mouseClick(browser.search_btn, Qt.MouseButton.LeftButton)
    assert browser.model.rowCount() == 1
    row = [
        browser.model.data(browser.model.index(0, c), Qt.ItemDataRole.DisplayRole) for c in range(7)
    ]
    assert row[1:5] == ["R01", "관리자", "perm.grant", "role cashier: void"]
    assert row[5] == '{"permissions": []}' and row[6] == '{"permissions": ["void"]}'
    assert browser.status.text() == "1건"
    browser.action.setCurrentIndex(0)
    tomorrow = dt.date.today() + dt.timedelta(days=2)
    browser.since.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    browser.until.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    browser.refresh()
    assert browser.model.rowCount() == 0
    browser.since.setDate(QDate.currentDate().addDays(-1))
    browser.until.setDate(QDate.currentDate().addDays(1))
    browser.user.setText("관리자")
    browser.refresh()
    assert browser.model.rowCount() == 2


def test_audit_needs_the_settings_permission_and_idle_signs_out(
    qtbot, events: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    settings = Settings()
    settings = replace(
        settings,
        card=replace(settings.card, terminal=""),
        sales=replace(settings.sales, customer_display=False, idle_signout_minutes=0),
        backup=replace(settings.backup, enabled=False),
    )
    parts = build(events.db, settings, runner=SyncRunner(), printer=PreviewPrinter(tmp_path))
    window, session = parts.window, parts.session
    qtbot.addWidget(window)
    try:
        session.sign_in("1111")  # a cashier
        window._audit_shortcut.activated.emit()
        browser = window._audit_browser
        qtbot.addWidget(browser)
        # in Korean words (the English message, naming the user, goes to the log only)
        assert browser.model.rowCount() == 0
        assert browser.status.text() == "관리자 승인이 필요한 작업입니다."
        browser.close()
        window.enable_idle_sign_out(150)
        qtbot.keyClick(window, Qt.Key.Key_Shift)  # activity restarts the countdown
        assert session.user is not None
        qtbot.waitUntil(lambda: session.user is None, timeout=3000)
        assert "로그아웃" in window.message.text()
        session.sign_in("9999")  # the admin sees the log
        window._audit_shortcut.activated.emit()
        browser = window._audit_browser
        qtbot.addWidget(browser)
        assert browser.model.rowCount() >= 5
    finally:
        parts.shutdown()
