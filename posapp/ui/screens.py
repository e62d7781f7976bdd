"""Opening the protected back-office screens from the checkout: staff and permissions
(Ctrl+Shift+U), settings (Ctrl+Shift+S), the audit log (Ctrl+Shift+A), reports (Ctrl+R) and
the quick-key editor (Ctrl+Shift+K).

:func:`open_protected` is the one opener: the signed-in user's permission first, else a PIN
typed in place (:func:`~posapp.ui.operations.with_approval`), or — for a screen any manager
opens, reports — a PIN at once (:func:`~posapp.ui.operations.approve_first`); the check is
:meth:`posapp.usecases.access.ScreenAccess.authorize_screen`, on the database worker, and
the approval is bound to the screen it was asked for. The composition root builds the use
cases and installs the openers below on the checkout window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from posapp.ui.audit import AuditBrowser
from posapp.ui.operations import Op, Runner, approve_first, with_approval
from posapp.ui.settings import SettingsDialog
from posapp.ui.staff import StaffDialog
from posapp.ui.tasks import SyncRunner, TaskRunner
from posapp.usecases.access import Actor, ScreenAccess, screen_action
from posapp.usecases.approvals import Approval, ApprovalRequest, Approvals, PinPort
from posapp.usecases.audit import AuditLog
from posapp.usecases.policy import StorePolicyAdmin
from posapp.usecases.quick_keys import QuickKeysAdmin
from posapp.usecases.reports import Reports
from posapp.usecases.settings import TillSettings
from posapp.usecases.staff import Permission, StaffAdmin


class _Asks(Protocol):
    def pin(self, title: str, prompt: str) -> str | None: ...


class _AsksOwner(Protocol):
    ask: _Asks


class WindowPins:
    """The :class:`PinPort` of a window with an ``ask.pin(title, prompt)`` (the checkout's
    PIN pad); ``ask`` is looked up at each prompt (tests script it after the build)."""

    def __init__(self, window: _AsksOwner) -> None:
        self._window = window

    def ask_pin(self, request: ApprovalRequest) -> str | None:
        return self._window.ask.pin(request.title, request.prompt)


@dataclass(frozen=True)
class Gate:
    """What opening a protected screen needs: the window it opens over (failures are said on
    its message line), the runner, the access check, the approval service, the PIN port and
    the id of who is signed in now."""

    parent: QWidget
    runner: Runner
    access: ScreenAccess
    approvals: Approvals
    pins: PinPort
    signed_in: Callable[[], int | None]


def open_protected(
    gate: Gate,
    request: ApprovalRequest,
    show: Callable[[Actor], None],
    *,
    pin_first: bool = False,
) -> None:
    """Open a screen needing ``request.permission``: for the signed-in user holding it, or
    for whoever types a PIN in place (``pin_first``: always a PIN, any approver when the
    request names no permission); ``show(actor)`` builds it on the Qt thread."""
    access, permission = gate.access, request.permission

    def authorize(approval: Approval | None) -> Actor:
        who = approval if approval is not None else gate.signed_in()
        return access.authorize_screen(who, permission)

    if pin_first:

        def approved(approval: Approval) -> None:
            Op(gate.parent, gate.runner, lambda: authorize(approval)).success(show).run()

        approve_first(gate.parent, gate.runner, gate.approvals, gate.pins, request, approved)
        return
    with_approval(gate.parent, gate.runner, gate.approvals, gate.pins, request, authorize, show)


def _request(permission: str | None, title: str, prompt: str) -> ApprovalRequest:
    return ApprovalRequest(
        action=screen_action(permission), title=title, prompt=prompt, permission=permission
    )


def staff_opener(gate: Gate, staff: StaffAdmin) -> Callable[[], None]:
    """Ctrl+Shift+U: the staff and permissions screen, for a holder of ``user_admin``."""
    request = _request(Permission.USER_ADMIN.value, "직원·권한", "직원 관리 권한이 있는 관리자 PIN")
    parent = gate.parent

    def show(actor: Actor) -> None:
        dialog = StaffDialog(staff, gate.runner, actor_id=actor.id, parent=parent)
        parent._staff_dialog = dialog  # type: ignore[attr-defined]  # kept alive; tests reach it
        dialog.refresh()
        dialog.open()

    return lambda: open_protected(gate, request, show)


def settings_opener(gate: Gate, settings: TillSettings) -> Callable[[], None]:
    """Ctrl+Shift+S: the settings dialog (register the till, its devices, the database), for
    a holder of ``settings``."""
    request = _request(Permission.SETTINGS.value, "설정", "설정 권한이 있는 관리자 PIN")
    parent = gate.parent

    def show(actor: Actor) -> None:
        dialog = SettingsDialog(settings, gate.runner, actor_id=actor.id, parent=parent)
        parent._settings_dialog = dialog  # type: ignore[attr-defined]  # kept alive; tests reach it
        dialog.open()

    return lambda: open_protected(gate, request, show)


def policy_opener(gate: Gate, policy: StorePolicyAdmin) -> Callable[[], None]:
    """Ctrl+Shift+L: the store-policy screen (every till's rules), for a holder of
    ``settings``."""
    request = _request(Permission.SETTINGS.value, "매장 정책", "설정 권한이 있는 관리자 PIN")
    parent = gate.parent

    def show(actor: Actor) -> None:
        from posapp.ui.store_policy import StorePolicyDialog

        dialog = StorePolicyDialog(policy, gate.runner, actor_id=actor.id, parent=parent)
        parent._policy_dialog = dialog  # type: ignore[attr-defined]  # kept alive; tests reach it
        dialog.refresh()
        dialog.open()

    opener: Callable[[], None] = lambda: open_protected(gate, request, show)  # noqa: E731
    shortcut = QShortcut(QKeySequence("Ctrl+Shift+L"), parent)
    shortcut.activated.connect(opener)
    return opener


def quick_keys_opener(
    gate: Gate, admin: QuickKeysAdmin, on_saved: Callable[[], None]
) -> Callable[[], None]:
    """Ctrl+Shift+K (the checkout's 관리 page): the quick-key editor, for a holder of
    ``quick_keys`` (managers and admins); ``on_saved`` refreshes the checkout's keys."""
    request = _request(Permission.QUICK_KEYS.value, "퀵키 편집", "퀵키 편집 권한이 있는 관리자 PIN")
    parent = gate.parent

    def show(actor: Actor) -> None:
        from posapp.ui.quickkeys_editor import QuickKeysEditor

        dialog = QuickKeysEditor(
            admin, gate.runner, actor_id=actor.id, parent=parent, on_saved=lambda _l: on_saved()
        )
        parent._quick_keys_editor = dialog  # type: ignore[attr-defined]  # kept alive; tests reach it
        dialog.open()
        dialog.load()

    return lambda: open_protected(gate, request, show)


def install_audit_shortcut(gate: Gate, log: AuditLog) -> QShortcut:
    """Ctrl+Shift+A opens the audit log; its rows are read for the signed-in user, who must
    hold ``settings`` (else the browser says so)."""
    parent = gate.parent

    def show(kinds: tuple[str, ...]) -> None:
        browser = AuditBrowser(
            lambda flt: log.events(flt, user_id=gate.signed_in()),
            gate.runner,
            actions=kinds,
            parent=parent,
        )
        browser.refresh()
        browser.show()
        parent._audit_browser = browser  # type: ignore[attr-defined]  # kept alive while open

    shortcut = QShortcut(QKeySequence("Ctrl+Shift+A"), parent)
    shortcut.activated.connect(lambda: Op(parent, gate.runner, log.actions).success(show).run())
    parent._audit_shortcut = shortcut  # type: ignore[attr-defined]  # kept alive with the window
    return shortcut


def inventory_opener(gate: Gate, build: Callable[[Actor], QWidget]) -> Callable[[], None]:
    """F10: the manager's inventory window, after a manager's (or admin's) PIN; ``build``
    makes the window for the approver (the composition root knows its use cases)."""
    request = _request(None, "재고 관리", "관리자 PIN")
    opened: list[QWidget] = []  # the open window, kept alive

    def show(actor: Actor) -> None:
        window = build(actor)
        opened[:] = [window]
        window.show()

    return lambda: open_protected(gate, request, show, pin_first=True)


def reports_opener(
    gate: Gate, reports: Reports, runner: TaskRunner | SyncRunner, *, sync_on: bool = True
) -> Callable[[], None]:
    """Ctrl+R: the reports and dashboard, after a manager's (or admin's) PIN. The window gets
    a database worker of its own: a long report (or the first summing of a year into the
    rollup) never queues in front of the till's sales (``runner`` is the till's)."""
    request = _request(None, "보고서", "관리자 PIN")
    opened: list[QWidget] = []  # the open window, kept alive

    def show(actor: Actor) -> None:
        from posapp.ui.reports import ReportsWindow  # QtCharts: loaded when first opened

        own = runner if isinstance(runner, SyncRunner) else TaskRunner(io_workers=1)
        window = ReportsWindow(
            reports,
            own,
            user_name=actor.name,
            owns_runner=own is not runner,
            user_id=actor.id,
            sync_on=sync_on,
        )
        opened[:] = [window]
        window.show()

    return lambda: open_protected(gate, request, show, pin_first=True)


__all__ = [
    "Gate",
    "WindowPins",
    "install_audit_shortcut",
    "inventory_opener",
    "open_protected",
    "quick_keys_opener",
    "reports_opener",
    "settings_opener",
    "staff_opener",
]
