"""Windows that fit the till's monitor (1024×768 and 1366×768 are the usual ones).

``fit_to_screen`` gives a window its preferred size where the screen has room, else the room
the screen has (less a window manager's title bar), and keeps it on that screen;
``show_fitted`` shows it, maximized where the preferred size would not fit. ``outside`` lists
the visible controls of a window that lie outside a rectangle — what the layout test checks
on every window at both sizes.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

FRAME_H = 40  # a title bar and borders under a window manager (openbox: 29 px)

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QTabBar,
    QTextEdit,
    QLabel,
)


def available(widget: QWidget | None = None) -> QRect:
    """The usable area of the widget's screen (or the primary one)."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """``width``×``height`` where it fits, else what the screen allows."""
    room = available(window)
    w = min(width, room.width())
    h = min(height, room.height() - FRAME_H if room.height() < height + FRAME_H else height)
    window.resize(max(320, w), max(240, h))
    top_left = window.pos()
    x = min(max(room.left(), top_left.x()), room.right() - window.width())
    y = min(max(room.top(), top_left.y()), room.bottom() - window.height())
    window.move(max(room.left(), x), max(room.top(), y))


def show_fitted(window: QWidget) -> None:
    """Show ``window``; maximized when the screen is no bigger than its preferred size."""
    room = available(window)
    hint = window.size()
    if room.width() <= hint.width() or room.height() <= hint.height() + FRAME_H:
        window.showMaximized()
    else:
        window.show()


def _scrolled(child: QWidget, window: QWidget) -> bool:
    """Inside a scroll area's viewport: the scroll area is checked, not what it scrolls."""
    node = child.parentWidget()
    while node is not None and node is not window:
        if node.objectName() == "qt_scrollarea_viewport":
            return True
        node = node.parentWidget()
    return False


def outside(window: QWidget, area: QRect | None = None) -> list[str]:
    """The visible controls of ``window`` not wholly inside ``area`` (default: the window's
    own rectangle in its coordinates), each named by class, object name and text."""
    bounds = area if area is not None else QRect(0, 0, window.width(), window.height())
    found = []
    for child in window.findChildren(QWidget):
        if not isinstance(child, CONTROLS) or not child.isVisibleTo(window):
            continue
        if not child.isVisible() or _scrolled(child, window):
            continue
        top_left = child.mapTo(window, child.rect().topLeft())
        rect = QRect(top_left, child.size())
        if not bounds.contains(rect):
            text = getattr(child, "text", None)
            label = text() if callable(text) else ""
            found.append(
                f"{type(child).__name__}({child.objectName()!r}, {str(label)[:30]!r}) at {rect}"
            )
    return found
