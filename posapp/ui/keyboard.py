"""Keys a text box must not keep for itself.

``SearchBox``: the checkout's search field — the window's shortcuts that a line edit would
otherwise claim (Ctrl+X cut, Ctrl+E end of line …) reach the window, and Down/Up move through
the results list below it while the typing stays in the box. ``enter_stays(field)``: Enter in
a search field inside a dialog runs the search (``returnPressed``) and never presses the
dialog's default button (the class dialog's ingredient search saved the session).
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QListWidget, QWidget

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _combo(event: QKeyEvent) -> QKeySequence:
    return QKeySequence(event.keyCombination())


class SearchBox(QLineEdit):
    """A line edit that leaves ``reserved`` key sequences to the window's shortcuts and moves
    ``results`` with Down/Up."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reserved: set[str] = set()
        self.results: QListWidget | None = None

    def reserve(self, key: str) -> None:
        self.reserved.add(QKeySequence(key).toString())

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride:
            key_event = cast(QKeyEvent, e)
            if _combo(key_event).toString() in self.reserved:
                e.ignore()  # not ours: the window's shortcut takes it
                return True
        return super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        results = self.results
        if (
            results is not None
            and results.isVisible()
            and results.count()
            and e.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)
        ):
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5}.get(
                Qt.Key(e.key()), -5
            )
            row = min(results.count() - 1, max(0, results.currentRow() + step))
            results.setCurrentRow(row)
            results.scrollToItem(results.currentItem())
            e.accept()
            return
        super().keyPressEvent(e)


class _EnterStays(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QLineEdit):
            key_event = cast(QKeyEvent, event)
            if key_event.key() in ENTER:
                watched.returnPressed.emit()
                return True  # consumed: the dialog's default button is not pressed
        return False


def enter_stays(field: QLineEdit) -> None:
    """Enter in ``field`` runs its search and goes no further (never submits the dialog)."""
    keeper = _EnterStays(field)
    field.installEventFilter(keeper)
