"""Telling a person what happened where their eyes are: a sound and a visible message.

``Sounds`` plays a short tone for a kind of event (``ok``, ``warn``, ``error``): Qt
Multimedia's ``QSoundEffect`` (PySide6-Addons) playing tones written once as WAV files in the
temporary directory, or the system bell where Qt Multimedia cannot load (its libraries need
PulseAudio's client library, absent on some tills and on headless machines) — never a crash, and
a test can read what was played (``played``). ``toast(widget, text)`` shows a large message over
the window or dialog the person is looking at, for a few seconds: the words of a refused scan
in a dialog that takes none, for instance. The checkout's own big notice panel is
:class:`Notice`.
"""

from __future__ import annotations

import html
import logging
import math
import struct
import tempfile
import wave
from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import QObject, Qt, QTimer, QUrl
from PySide6.QtWidgets import QApplication, QLabel, QSizePolicy, QWidget

log = logging.getLogger(__name__)

Kind = Literal["ok", "warn", "error"]

# (frequency Hz, duration ms) per tone of a kind: a high short chirp for done, two low for error
_TONES: dict[str, tuple[tuple[int, int], ...]] = {
    "ok": ((1320, 90),),
    "warn": ((880, 140), (880, 140)),
    "error": ((330, 180), (0, 60), (262, 260)),
}

STYLE: dict[str, str] = {
    "ok": "background: #e3f4e4; color: #0b5d16; border: 2px solid #2e7d32;",
    "warn": "background: #fff4d6; color: #6b4b00; border: 2px solid #c58a00;",
    "error": "background: #fde2e1; color: #8e0016; border: 2px solid #b00020;",
}


def _write_tone(path: Path, tones: tuple[tuple[int, int], ...], rate: int = 22050) -> None:
    frames = bytearray()
    for freq, ms in tones:
        n = rate * ms // 1000
        for i in range(n):
            fade = min(1.0, i / 200, (n - i) / 200)  # no click at the ends
            value = math.sin(2 * math.pi * freq * i / rate) * 0.5 * fade if freq else 0.0
            frames += struct.pack("<h", int(value * 32767))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(bytes(frames))


class Sounds(QObject):
    """The till's sounds; ``enabled`` False keeps it silent (a setting, and tests)."""

    def __init__(self, parent: QObject | None = None, *, enabled: bool = True) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self.played: list[str] = []  # every kind asked for, in order (what a test reads)
        self._effects: dict[str, Any] | None = None
        self.backend = "bell"

    def _load(self) -> dict[str, Any]:
        if self._effects is not None:
            return self._effects
        self._effects = {}
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError as exc:  # no libpulse, or the Addons are not installed
            log.info("Qt Multimedia unavailable (%s): sounds use the system bell", exc)
            return self._effects
        folder = Path(tempfile.gettempdir()) / "posapp-sounds"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for kind, tones in _TONES.items():
                path = folder / f"{kind}.wav"
                if not path.exists():
                    _write_tone(path, tones)
                effect = QSoundEffect(self)
                effect.setSource(QUrl.fromLocalFile(str(path)))
                effect.setVolume(0.8)
                self._effects[kind] = effect
            self.backend = "qsoundeffect"
        except OSError as exc:
            log.warning("could not write the till's sounds (%s): the system bell instead", exc)
            self._effects = {}
        return self._effects

    def play(self, kind: Kind) -> None:
        self.played.append(kind)
        if not self.enabled:
            return
        effect = self._load().get(kind)
        if effect is not None:
            effect.play()
        elif kind != "ok":  # the bell only for what needs a look
            QApplication.beep()


_sounds: Sounds | None = None


def sounds() -> Sounds:
    """The application's one :class:`Sounds` (made on first use, on the Qt thread)."""
    global _sounds
    if _sounds is None:
        _sounds = Sounds(QApplication.instance())
    return _sounds


def set_sounds(value: Sounds) -> None:
    """Replace the application's sounds (the composition root: the store's setting)."""
    global _sounds
    _sounds = value


class Toast(QLabel):
    """A large message over a window, gone after ``ms`` or at the next one."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("posappToast")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.hide)
        self.hide()

    def say(self, text: str, kind: Kind, ms: int) -> None:
        self.setText(text)
        self.setStyleSheet(
            f"QLabel#posappToast {{ {STYLE[kind]} font-size: 16pt; font-weight: bold;"
            " padding: 14px; border-radius: 8px; }"
        )
        parent = self.parentWidget()
        width = max(200, min(parent.width() - 24, 640)) if parent else 480
        self.setFixedWidth(width)
        self.adjustSize()
        if parent is not None:
            self.move((parent.width() - self.width()) // 2, max(8, parent.height() // 4))
        self.show()
        self.raise_()
        self.timer.start(ms)


def toast(widget: QWidget, text: str, kind: Kind = "error", *, ms: int = 4000) -> Toast:
    """Show ``text`` large over ``widget``'s window, with its sound."""
    window = widget.window()
    found = window.findChild(Toast, "posappToast")
    t = found if isinstance(found, Toast) else Toast(window)
    t.say(text, kind, ms)
    sounds().play(kind)
    return t


class Notice(QLabel):
    """The checkout's big message panel: what just happened (a change due, an unknown barcode,
    a refusal, a refund), in large type and colour, until the next scan clears it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("posappNotice")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.kind: Kind | None = None
        self.plain = ""  # what it says, without markup (tests, the log)
        self.hide()

    def say(self, text: str, kind: Kind, *, big: bool = False, detail: str = "") -> None:
        """``text`` large (``big``: the change due), ``detail`` on a smaller line below."""
        size = "26pt" if big else "17pt"
        self.setStyleSheet(
            f"QLabel#posappNotice {{ {STYLE[kind]} font-size: {size}; font-weight: bold;"
            " padding: 6px; border-radius: 6px; }"
        )
        if detail:
            self.setTextFormat(Qt.TextFormat.RichText)
            self.setText(
                f"{html.escape(text)}<br><span style='font-size: 14pt'>{html.escape(detail)}</span>"
            )
        else:
            self.setTextFormat(Qt.TextFormat.PlainText)
            self.setText(text)
        self.plain = text if not detail else f"{text}\n{detail}"
        self.kind = kind
        self.setFixedHeight(110 if big else 64)
        self.show()

    def clear_notice(self) -> None:
        self.kind = None
        self.plain = ""
        self.setText("")
        self.hide()
