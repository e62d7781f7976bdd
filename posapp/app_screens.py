"""The screens the checkout opens — inventory (F10), classes (F11), reports (Ctrl+R), settings
(Ctrl+Shift+S), staff (Ctrl+Shift+U), the audit log (Ctrl+Shift+A), the quick-key editor
(Ctrl+Shift+K) — built with their use
cases and installed on the checkout window through the one opener of
:mod:`posapp.ui.screens` (the signed-in user's permission, or a PIN typed in place, checked on
the database worker and bound to the screen). Part of the composition root: it only builds and
injects.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import QWidget

from posapp.config import Settings, data_dir, default_config_path
from posapp.db.engine import Database
from posapp.ui.checkout import CheckoutWindow
from posapp.ui.i18n import available_locales
from posapp.ui.screens import (
    Gate,
    install_audit_shortcut,
    inventory_opener,
    policy_opener,
    quick_keys_opener,
    reports_opener,
    settings_opener,
    staff_opener,
)
from posapp.ui.tasks import SyncRunner, TaskRunner
from posapp.usecases.access import Actor, ScreenAccess
from posapp.usecases.audit import AuditLog
from posapp.usecases.classes import Classes
from posapp.usecases.inventory import InventoryUseCases
from posapp.usecases.policy import StorePolicyAdmin
from posapp.usecases.quick_keys import QuickKeysAdmin
from posapp.usecases.reports import Reports
from posapp.usecases.settings import TillSettings
from posapp.usecases.staff import StaffAdmin


@dataclass(frozen=True)
class Screens:
    """The openers wired onto the checkout window (tests call them directly)."""

    open_inventory: Callable[[], None]
    open_classes: Callable[[], None]
    open_reports: Callable[[], None]
    classes: Callable[[], Classes]
    #: run after a class refund leaves a card cancel pending (the app sets the retry job)
    card_refund_hooks: list[Callable[[], object]] = field(default_factory=list)


def wire_screens(
    db: Database,
    settings: Settings,
    window: CheckoutWindow,
    runner: TaskRunner | SyncRunner,
    config_path: Path | None,
) -> Screens:
    """Set the checkout window's openers; returns them."""
    register = settings.register.id
    session = window.session

    def signed_in() -> int | None:
        return session.user.id if session.user is not None else None

    gate = Gate(window, runner, ScreenAccess(db), window.approvals, window, signed_in)
    inventory = InventoryUseCases.build(db, window.approvals)  # the till's lockout

    def inventory_window(actor: Actor) -> QWidget:
        from posapp.ui.inventory_window import InventoryWindow

        return InventoryWindow(
            inventory,
            runner,
            user_id=actor.id,
            user_name=actor.name,
            documents_dir=data_dir() / "documents",
            register_id=register,
        )

    def classes() -> Classes:
        return Classes(db, register_id=register)  # hold time and tiers: store policy

    classes_windows: list[QWidget] = []
    hooks: list[Callable[[], object]] = []

    def open_classes() -> None:
        """F11: the cooking-class calendar and bookings; a booking is paid on this ticket."""
        from posapp.ui.classes import ClassesWindow

        cls = ClassesWindow(
            classes(),
            runner,
            user_id=signed_in(),
            on_pay=window.add_booking_line,
            approvals=window.approvals,
            pins=window,
            out_dir=data_dir() / "classes",
            on_card_refund=lambda: [hook() for hook in hooks],
        )
        classes_windows[:] = [cls]
        cls.show()

    open_inventory = inventory_opener(gate, inventory_window)
    open_reports = reports_opener(
        gate, Reports(db, register_id=register), runner, sync_on=bool(settings.platform.url)
    )
    window.on_inventory = open_inventory
    window.on_classes = open_classes
    window.on_reports = open_reports
    install_audit_shortcut(gate, AuditLog(db))
    window.on_staff = staff_opener(gate, StaffAdmin(db, register_id=register))
    till = TillSettings(
        db,
        config_path or default_config_path(),
        locales=tuple(available_locales()),
        backup=settings.backup,
    )
    window.on_settings = settings_opener(gate, till)
    policy_opener(gate, StorePolicyAdmin(db, register_id=register))  # Ctrl+Shift+L
    window.on_quick_keys = quick_keys_opener(  # Ctrl+Shift+K, the 관리 page
        gate, QuickKeysAdmin(session), window.reload_quick_keys
    )
    return Screens(open_inventory, open_classes, open_reports, classes, hooks)
