"""The screens the checkout opens (inventory, classes, reports, settings, staff, the audit
log), each behind the permission it needs — the signed-in user's or a PIN typed in place, both
checked on the database worker. Grouped here, apart from the composition root, so that they are
replaced as one piece by the screen openers of ``posapp.ui.screens``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from posapp.classes.policy import ClassPolicy
from posapp.config import Settings, data_dir
from posapp.db.engine import Database
from posapp.ui.checkout import CheckoutWindow
from posapp.ui.messages import explain
from posapp.ui.operations import Runner

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Screens:
    """The openers wired onto the checkout window (tests call them directly)."""

    open_inventory: Callable[[], None]
    open_classes: Callable[[], None]
    open_reports: Callable[[], None]
    class_policy: Callable[[], ClassPolicy]


def wire_screens(
    db: Database,
    settings: Settings,
    window: CheckoutWindow,
    runner: Runner,
    config_path: Path | None,
) -> Screens:
    """Set the checkout window's openers; returns them."""
    session = window.session
    inventory_windows: list[Any] = []

    def open_inventory() -> None:
        """F10: the manager's inventory window, after a manager's (or admin's) PIN."""
        from posapp.auth import service as auth
        from posapp.ui.inventory import InventoryWindow

        pin = window.ask.pin("재고 관리", "관리자 PIN")
        if pin is None:
            return

        def opened(manager: Any) -> None:
            inv = InventoryWindow(
                db,
                runner,
                user_id=manager.id,
                user_name=manager.name,
                documents_dir=data_dir() / "documents",
                register_id=settings.register.id,
            )
            inventory_windows[:] = [inv]
            inv.show()

        # the PIN's memory-hard hash runs on the database worker, never on the Qt thread;
        # a wrong PIN or a locked account is shown in words and nothing opens
        runner.db(lambda: db.transact(lambda uow: auth.approve(uow, pin))).success(opened).failure(
            lambda exc: window.show_message(explain(exc))
        )

    window.on_inventory = open_inventory

    classes_windows: list[Any] = []

    def class_policy() -> ClassPolicy:
        """Hold time and refund tiers from the config (read when used: a bad value is said
        where classes are used, not at start-up)."""
        return ClassPolicy.from_text(settings.classes.hold_minutes, settings.classes.refund_tiers)

    def open_classes() -> None:
        """F11: the cooking-class calendar and bookings; a booking is paid on this ticket."""
        from posapp.ui.classes import ClassesWindow

        user = session.user
        cls = ClassesWindow(
            db,
            runner,
            user_id=user.id if user is not None else None,
            policy=class_policy(),
            register_id=settings.register.id,
            on_pay=window.add_booking_line,
            approve=window.approve,
            out_dir=data_dir() / "classes",
        )
        classes_windows[:] = [cls]
        cls.show()

    window.on_classes = open_classes

    reports_windows: list[Any] = []

    def open_reports() -> None:
        """Ctrl+R: the manager's reports and dashboard, after a manager's (or admin's) PIN."""
        from posapp.auth import service as auth
        from posapp.ui.reports import ReportsWindow

        pin = window.ask.pin("보고서", "관리자 PIN")
        if pin is None:
            return

        def opened(manager: Any) -> None:
            # its own database worker: a long report (or the first summing of a year into the
            # rollup) never queues in front of the till's sales
            from posapp.ui.tasks import SyncRunner, TaskRunner

            own = runner if isinstance(runner, SyncRunner) else TaskRunner(io_workers=1)
            rep = ReportsWindow(
                db,
                own,
                register_id=settings.register.id,
                user_name=manager.name,
                owns_runner=own is not runner,
            )
            reports_windows[:] = [rep]
            rep.show()

        runner.db(lambda: db.transact(lambda uow: auth.approve(uow, pin))).success(opened).failure(
            lambda exc: window.show_message(explain(exc))
        )

    window.on_reports = open_reports

    _audit_shortcut(db, window, runner)
    window.on_settings = _settings_screen(db, window, runner, config_path)
    window.on_staff = _staff_screen(db, window, runner, settings.register.id)
    return Screens(open_inventory, open_classes, open_reports, class_policy)


def _audit_shortcut(db: Any, window: Any, runner: Any) -> None:
    """Ctrl+Shift+A opens the audit log for a signed-in user holding the settings permission."""
    from PySide6.QtGui import QKeySequence, QShortcut

    from posapp import audit
    from posapp.auth.permissions import Permission, require_permission
    from posapp.ui.audit import AuditBrowser

    def load(flt: audit.AuditFilter) -> list[audit.AuditRow]:
        user = window.session.user

        def run(uow: Any) -> list[audit.AuditRow]:
            require_permission(uow, user.id if user else None, Permission.SETTINGS, "the audit log")
            return audit.list_events(uow, flt)

        return db.read(run)

    def open_browser() -> None:
        kinds = db.read(audit.actions)
        browser = AuditBrowser(load, runner, actions=kinds, parent=window)
        browser.refresh()
        browser.show()
        window._audit_browser = browser  # keep it alive while open

    shortcut = QShortcut(QKeySequence("Ctrl+Shift+A"), window)
    shortcut.activated.connect(open_browser)
    window._audit_shortcut = shortcut


def _guarded(
    db: Any,
    window: Any,
    runner: Any,
    allowed: Callable[[Any, int | None], Any],
    show: Callable[[Any], None],
    title: str,
    prompt: str,
) -> Callable[[], None]:
    """An opener for a screen that needs a permission: the signed-in user's, or whoever types
    their PIN in place. ``allowed(uow, user_id)`` returns the actor or raises
    ``auth.approval_required``; both checks run on the database worker, never the Qt thread."""
    from posapp.auth import service as auth
    from posapp.ui.messages import explain

    def open_screen() -> None:
        user = window.session.user

        def with_pin(exc: BaseException) -> None:
            if getattr(exc, "code", None) != "auth.approval_required":
                window.show_message(explain(exc))
                return
            pin = window.ask.pin(title, prompt)
            if pin is None:
                window.show_message(explain(exc))
                return
            runner.db(
                lambda: db.transact(lambda uow: allowed(uow, auth.approve(uow, pin).id))
            ).success(show).failure(lambda e: window.show_message(explain(e)))

        runner.db(lambda: db.read(lambda uow: allowed(uow, user.id if user else None))).success(
            show
        ).failure(with_pin)

    return open_screen


def _staff_screen(db: Any, window: Any, runner: Any, register_id: str) -> Callable[[], None]:
    """Ctrl+Shift+U: the staff and permissions screen, for a holder of ``user_admin``."""
    from posapp.auth import service as auth
    from posapp.auth.permissions import Permission, require_permission
    from posapp.ui.staff import StaffDialog

    def show(actor: Any) -> None:
        dialog = StaffDialog(db, runner, actor_id=actor.id, register_id=register_id, parent=window)
        window._staff_dialog = dialog  # kept alive while open; tests reach it here
        dialog.refresh()
        dialog.open()

    def allowed(uow: Any, user_id: int | None) -> Any:
        require_permission(uow, user_id, Permission.USER_ADMIN, "the staff screen")
        return auth.get_user(uow, user_id)  # type: ignore[arg-type]

    return _guarded(
        db, window, runner, allowed, show, "직원·권한", "직원 관리 권한이 있는 관리자 PIN"
    )


def _settings_screen(db: Any, window: Any, runner: Any, config_path: Any) -> Any:
    """Ctrl+Shift+S: the settings dialog (register the till, its devices, the database), for a
    user holding the ``settings`` permission — the signed-in one, or whoever types their PIN
    in place (checked on the database worker, never on the Qt thread)."""
    from posapp import secrets, till_setup
    from posapp.auth import service as auth
    from posapp.config import default_config_path
    from posapp.ui.i18n import available_locales
    from posapp.ui.settings import SettingsDialog

    path = config_path or default_config_path()
    locales = tuple(available_locales())

    def show(actor: Any) -> None:
        dialog = SettingsDialog(
            till_setup.read(path),
            check=lambda url: runner.io(lambda: till_setup.check_database(url)),
            save=lambda new, token: runner.db(
                lambda: till_setup.save(
                    db, path, new, actor_id=actor.id, token=token, locales=locales
                )
            ),
            locales=list(locales),
            token_where=secrets.describe(secrets.PLATFORM_TOKEN),
            parent=window,
        )
        window._settings_dialog = dialog  # kept alive while open; tests reach it here
        dialog.open()

    def allowed(uow: Any, user_id: int | None) -> Any:
        till_setup.require_settings(uow, user_id)
        return auth.get_user(uow, user_id)  # type: ignore[arg-type]

    open_settings = _guarded(
        db, window, runner, allowed, show, "설정", "설정 권한이 있는 관리자 PIN"
    )
    return open_settings
