"""The staff screen (Ctrl+Shift+U) on the checkout, offscreen with pytest-qt: an admin's PIN in
place for a cashier, adding a cashier who then signs in, a role change, a lockout lifted, a
permission ticked in the grid, and refusals in words — on SQLite and PostgreSQL."""

from __future__ import annotations

import contextlib
import datetime as dt

from PySide6.QtCore import Qt
from sqlalchemy import select

from posapp.auth import permissions
from posapp.auth.service import AuthError, Role, authenticate, create_user
from posapp.db.models import AuditEvent, User
from posapp.ui.staff import StaffDialog
from tests.conftest import Store
from tests.ui.test_checkout_flow import sign_in, till  # noqa: F401 (the fixture)


class Answers:
    def __init__(self) -> None:
        self.user: tuple[str, Role, str] | None = None
        self.pin: str | None = None
        self.next_role: Role | None = None

    def new_user(self) -> tuple[str, Role, str] | None:
        return self.user

    def new_pin(self, name: str) -> str | None:
        return self.pin

    def role(self, name: str, current: Role) -> Role | None:
        return self.next_role


def _open(qtbot, till, store: Store) -> StaffDialog:  # type: ignore[no-untyped-def]  # noqa: F811
    window, script, _parts, _printer = till
    store.db.transact(lambda uow: create_user(uow, "최관리", Role.ADMIN, "9999"))
    sign_in(qtbot, window, script)  # 김하늘, a cashier: no user_admin
    script.push("pin", "2222")  # a manager: not enough either
    qtbot.keyClick(
        window,
        Qt.Key.Key_U,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert getattr(window, "_staff_dialog", None) is None
    assert "관리자 승인" in window.message.text() or "권한" in window.message.text()
    script.push("pin", "9999")  # the admin
    qtbot.keyClick(
        window,
        Qt.Key.Key_U,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window._staff_dialog
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    dialog.ask = Answers()
    return dialog


def _select(dialog: StaffDialog, name: str) -> None:
    row = next(i for i, r in enumerate(dialog.rows) if r.name == name)
    dialog.table.selectRow(row)


def test_add_a_cashier_change_role_and_unlock(qtbot, till, store: Store) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    dialog = _open(qtbot, till, store)
    assert [dialog.table.item(i, 0).text() for i in range(dialog.table.rowCount())] == [
        "김하늘",
        "박지민",
        "최관리",
    ]
    dialog.ask.user = ("이수진", Role.CASHIER, "4321")
    dialog.buttons["add"].click()
    assert "이수진 추가됨" in dialog.message.text()
    assert store.db.transact(lambda uow: authenticate(uow, "4321")).name == "이수진"

    _select(dialog, "이수진")
    dialog.ask.next_role = Role.MANAGER
    dialog.buttons["role"].click()
    row = next(i for i, r in enumerate(dialog.rows) if r.name == "이수진")
    assert dialog.table.item(row, 1).text() == "매니저"

    uid = next(r.id for r in dialog.rows if r.name == "이수진")
    start = dt.datetime.now(dt.UTC)
    for n in range(10):  # ten wrong PINs for her name, past each delay: locked
        at = start + dt.timedelta(seconds=60 * n)
        with contextlib.suppress(AuthError):
            store.db.transact(lambda uow, at=at: authenticate(uow, "0000", user_id=uid, now=at))
    dialog.refresh()
    row = next(i for i, r in enumerate(dialog.rows) if r.name == "이수진")
    assert dialog.table.item(row, 2).text().startswith("잠김")
    _select(dialog, "이수진")
    dialog.buttons["unlock"].click()
    assert dialog.table.item(row, 2).text() == "사용 중"

    _select(dialog, "최관리")  # the only admin: cannot be stopped (here: by themselves)
    dialog.buttons["active"].click()
    assert "자기 계정" in dialog.message.text()
    actions = store.db.read(lambda uow: set(uow.conn.execute(select(AuditEvent.action)).scalars()))
    assert {"user.add", "user.role", "user.unlock"} <= actions


def test_tick_a_permission_and_a_refused_untick_goes_back(qtbot, till, store: Store) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    dialog = _open(qtbot, till, store)
    perms, roles = list(permissions.Permission), list(Role)
    void_row = perms.index(permissions.Permission.VOID)
    cashier_col = roles.index(Role.CASHIER)
    item = dialog.grid.item(void_row, cashier_col)
    assert item.checkState() == Qt.CheckState.Unchecked
    item.setCheckState(Qt.CheckState.Checked)
    assert "계산원: 거래 취소 허용" in dialog.message.text()
    assert store.db.read(lambda uow: permissions.role_has(uow, Role.CASHIER, "void"))

    admin_row = perms.index(permissions.Permission.USER_ADMIN)
    admin_col = roles.index(Role.ADMIN)
    dialog.grid.item(admin_row, admin_col).setCheckState(Qt.CheckState.Unchecked)
    assert "관리자" in dialog.message.text()  # refused in words ...
    assert dialog.grid.item(admin_row, admin_col).checkState() == Qt.CheckState.Checked  # ... back
    admins = store.db.read(
        lambda uow: uow.conn.execute(select(User.name).where(User.role == "admin")).all()
    )
    assert len(admins) == 1


def test_new_user_dialog_refuses_before_saving(qtbot) -> None:  # type: ignore[no-untyped-def]
    from posapp.ui.staff import NewUserDialog

    d = NewUserDialog()
    qtbot.addWidget(d)
    d._check()
    assert d.error.text() == "이름을 입력하세요." and d.result() == 0
    d.name.setText("이수진")
    d.pin.setText("1234")
    d.pin2.setText("1243")
    d._check()
    assert d.error.text() == "두 PIN이 다릅니다."
    d.pin.setText("12")
    d.pin2.setText("12")
    d._check()
    assert d.error.text() == "PIN은 숫자 4~6자리입니다."
    d.pin.setText("2468")
    d.pin2.setText("2468")
    d.role.setCurrentIndex(list(Role).index(Role.MANAGER))
    d._check()
    assert d.result() == 1 and d.value() == ("이수진", Role.MANAGER, "2468")
