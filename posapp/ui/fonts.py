"""The bundled Korean font (NanumGothic, OFL): registered with Qt at start so Hangul renders on a
machine without any Korean font installed."""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

log = logging.getLogger(__name__)

FONT_FILES = ("NanumGothic.ttf", "NanumGothicBold.ttf")
FAMILY = "NanumGothic"


def font_path(name: str = "NanumGothic.ttf") -> Path:
    return Path(str(resources.files("posapp.resources") / "fonts" / name))


def register_fonts() -> str:
    """Add the bundled fonts to Qt's database; returns the family name to use."""
    family = FAMILY
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(font_path(name)))
        if font_id < 0:
            log.error("could not load bundled font %s", name)
            continue
        families = QFontDatabase.applicationFontFamilies(font_id)
        if families:
            family = families[0]
    return family


def app_font(family: str, point_size: int = 11) -> QFont:
    font = QFont(family, point_size)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    return font
