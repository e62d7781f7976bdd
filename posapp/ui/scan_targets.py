"""Where a scan goes: to the window or dialog the person is using, never to one behind it.

A window, dialog or widget that can use a scanned code is a :class:`ScanTarget` (it has
``take_scan(code) -> bool``), or registers a handler with :func:`register` (a field inside a
form that is not a subclass of ours). :class:`ScanRouter` receives every whole code (the wedge
filter's ``scanned``, a serial scanner's) and gives it to:

1. the active modal dialog, when one is open: the nearest target from its focused widget up to
   the dialog itself; a modal dialog without one refuses the scan with a sound and a word
   (the tender dialog, a PIN pad: the ticket behind them never changes);
2. otherwise the active window's nearest target from the focused widget up (the inventory
   window gives it to its current tab, the checkout to its ticket);
3. the main window (the checkout) when no window of the app is active (a serial scanner's code
   while another program has focus) or when the active window is a passive one (the customer
   display).

``take_scan`` returns False to refuse (the router then says so over that window with the
error sound); a target that has its own words says them and returns True.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication, QLineEdit, QTabWidget, QWidget

from posapp.ui.feedback import sounds, toast

log = logging.getLogger(__name__)

_HANDLER = "_posapp_scan_handler"
_PASSIVE = "_posapp_scan_passive"


@runtime_checkable
class ScanTarget(Protocol):
    def take_scan(self, code: str) -> bool:
        """Use ``code`` (True), or refuse it (False: the router says so)."""
        ...


Handler = Callable[[str], bool]


def register(widget: QWidget, handler: Handler) -> None:
    """``widget`` (and what is inside it) takes scans through ``handler``."""
    setattr(widget, _HANDLER, handler)


def passive(widget: QWidget) -> None:
    """A window that never takes scans itself (the customer display): the main window does."""
    setattr(widget, _PASSIVE, True)


def is_passive(widget: QWidget) -> bool:
    """Marked with :func:`passive` (the customer display)."""
    return bool(getattr(widget, _PASSIVE, False))


def _handler_of(widget: QObject) -> Handler | None:
    handler = getattr(widget, _HANDLER, None)
    if callable(handler):
        return handler  # type: ignore[no-any-return]
    if isinstance(widget, ScanTarget):
        return widget.take_scan
    return None


def target_in(top: QWidget) -> Handler | None:
    """The nearest scan handler from the focused widget up to ``top`` (itself included)."""
    focus = QApplication.focusWidget()
    node: QObject | None = focus if focus is not None and top.isAncestorOf(focus) else top
    while node is not None:
        handler = _handler_of(node)
        if handler is not None:
            return handler
        if node is top:
            break
        node = node.parent()
    return None


class ScanRouter(QObject):
    """Gives each scanned code to the scan target in front (see the module's docstring)."""

    def __init__(self, main: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.main = main
        self.routed: list[tuple[str, str]] = []  # (code, where) — for the log and tests

    def route(self, code: str) -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            handler = target_in(modal)
            if handler is not None and handler(code):
                self._note(code, modal)
                return
            self._refuse(modal, code, in_dialog=True)
            return
        window = QApplication.activeWindow()
        if window is None or is_passive(window):
            window = self.main
        handler = target_in(window)
        if handler is not None and handler(code):
            self._note(code, window)
            return
        self._refuse(window, code, in_dialog=False)

    def _note(self, code: str, where: QWidget) -> None:
        self.routed.append((code, type(where).__name__))

    def _refuse(self, where: QWidget, code: str, *, in_dialog: bool) -> None:
        self.routed.append((code, "refused:" + type(where).__name__))
        log.info("scan %s refused by %s", code, type(where).__name__)
        if in_dialog:
            text = QCoreApplication.translate(
                "ScanRouter", "이 창에서는 스캔할 수 없습니다. 창을 닫은 뒤 다시 스캔하세요."
            )
        else:
            text = QCoreApplication.translate(
                "ScanRouter", "이 화면에서는 스캔할 수 없습니다: {code}"
            ).format(code=code)
        if where.isVisible():
            toast(where, text, "error")
        else:
            sounds().play("error")


def into_field(field: QLineEdit, submit: Callable[[], None]) -> Handler:
    """A handler that puts the code in ``field`` and submits it as Enter would (a screen whose
    scan box is a line edit); refuses while the field is disabled (nothing to add to)."""

    def take(code: str) -> bool:
        if not field.isEnabled():
            return False
        field.setText(code)
        submit()
        return True

    return take


def register_field(
    field: QLineEdit, submit: Callable[[], None], page: QWidget | None = None
) -> None:
    """``page`` (default: the field's parent) takes scans into ``field``."""
    holder = page or field.parentWidget()
    register(holder if holder is not None else field, into_field(field, submit))


def current_page_target(tabs: QTabWidget, code: str) -> bool:
    """For a window of tabs: the current tab's registered target takes the code."""
    page = tabs.currentWidget()
    handler = _handler_of(page) if page is not None else None
    return handler(code) if handler is not None else False
