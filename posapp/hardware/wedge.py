"""Keyboard-wedge scanners: an application-wide Qt event filter that tells scans from typing.

A wedge scanner "types" a code as a burst of key presses a few milliseconds apart, ending in
Enter. The filter holds back printable key presses while they arrive faster than ``max_gap_ms``;
a burst of at least ``min_length`` characters ending in the suffix key (Enter) becomes one
``scanned(code)`` signal and never reaches the focused widget. When the keys come slower (a person
typing), the held keys are replayed to the widget that had focus, so typing and scanning never
mix, whatever widget has focus. An optional prefix (configured on many scanners, often a
control character such as STX) marks a scan explicitly; the suffix key (Enter, Tab or either)
and the timing come from ``[scanner]`` (:meth:`WedgeSettings.from_config`).

The filter only tells scans from typing; where a code goes is the UI's scan router
(:mod:`posapp.ui.scan_targets`): the window or dialog in front, never one behind it. This is a
Qt adapter of the hardware layer (allowed to import PySide6).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

ENTER_KEYS = (int(Qt.Key.Key_Return), int(Qt.Key.Key_Enter))
SUFFIX_KEYS: dict[str, tuple[int, ...]] = {
    "enter": ENTER_KEYS,
    "tab": (int(Qt.Key.Key_Tab),),
    "enter_or_tab": (*ENTER_KEYS, int(Qt.Key.Key_Tab)),
}


@dataclass(frozen=True)
class WedgeSettings:
    max_gap_ms: int = 35
    min_length: int = 4
    prefix: str = ""  # e.g. "\x02" or "]" if the scanner is set to send one
    suffix_keys: tuple[int, ...] = ENTER_KEYS

    @classmethod
    def from_config(
        cls, *, prefix: str, suffix: str, max_gap_ms: int, min_length: int
    ) -> WedgeSettings:
        """From ``[scanner]`` (already checked at load); an escape such as ``\\x02`` in the
        file is the control character itself."""
        if "\\" in prefix:
            prefix = prefix.encode("ascii", "backslashreplace").decode("unicode_escape")
        return cls(max_gap_ms, min_length, prefix, SUFFIX_KEYS.get(suffix, ENTER_KEYS))


class WedgeScanFilter(QObject):
    scanned = Signal(str)

    def __init__(
        self,
        settings: WedgeSettings | None = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings or WedgeSettings()
        self._clock = clock
        self._held: list[tuple[QObject, QKeyEvent]] = []
        self._last = 0.0
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._release)

    def install(self, app: QCoreApplication | None = None) -> None:
        _application(app).installEventFilter(self)

    def remove(self, app: QCoreApplication | None = None) -> None:
        _application(app).removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or event.type() != QEvent.Type.KeyPress:
            return False
        if not watched.isWidgetType():
            return False  # the window handle sees the same key first; act once, on widgets
        key_event = cast(QKeyEvent, event)  # a KeyPress reaches the filter as its QKeyEvent
        now = self._clock()
        gap_ms = (now - self._last) * 1000 if self._held else 0.0
        text = key_event.text()
        if key_event.key() in self.settings.suffix_keys:
            if self._held and gap_ms <= self.settings.max_gap_ms:
                code = "".join(e.text() for _, e in self._held)
                if self.settings.prefix and code.startswith(self.settings.prefix):
                    code = code[len(self.settings.prefix) :]
                if len(code) >= self.settings.min_length:
                    self._held.clear()
                    self._timer.stop()
                    self.scanned.emit(code)
                    return True
            self._release()
            return False
        prefix_char = bool(self.settings.prefix) and text == self.settings.prefix[0]
        if not prefix_char and (
            not text
            or not text.isprintable()
            or key_event.modifiers()
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        ):
            self._release()
            return False
        if self._held and gap_ms > self.settings.max_gap_ms:
            self._release()
        copy = QKeyEvent(
            QEvent.Type.KeyPress, key_event.key(), key_event.modifiers(), key_event.text()
        )
        self._held.append((watched, copy))
        self._last = now
        self._timer.start(max(1, self.settings.max_gap_ms))
        return True

    def _release(self) -> None:
        """Not a scan: give the held keys to the widgets they were meant for, in order."""
        self._timer.stop()
        held, self._held = self._held, []
        if not held:
            return
        self._replaying = True
        try:
            for target, event in held:
                QApplication.sendEvent(target, event)
        finally:
            self._replaying = False


def _application(app: QCoreApplication | None) -> QCoreApplication:
    """``app``, else the running application (the scanner filter needs one)."""
    running = app or QApplication.instance()
    if running is None:
        raise RuntimeError("no QApplication to filter the scanner's keys in")
    return running
