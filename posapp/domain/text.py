"""Text measured as a receipt printer does it: Hangul and other wide glyphs take two columns.

Every function takes the per-character measure as ``cw`` (default: Unicode East Asian Width).
A Korean printer in double-byte mode prints every character CP949 encodes in two bytes across
two columns — including ones Unicode calls narrow, like ``·`` — so the native encoder passes
its own measure.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

CharWidth = Callable[[str], int]


def char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str, cw: CharWidth = char_width) -> int:
    return sum(cw(c) for c in text)


def fit(text: str, width: int, cw: CharWidth = char_width) -> str:
    """Cut ``text`` to at most ``width`` columns (never splitting a wide glyph)."""
    out, used = [], 0
    for c in text:
        w = cw(c)
        if used + w > width:
            break
        out.append(c)
        used += w
    return "".join(out)


def wrap(text: str, width: int, cw: CharWidth = char_width) -> list[str]:
    """Break ``text`` into lines of at most ``width`` columns, at spaces where possible."""
    lines: list[str] = []
    current, used = "", 0
    for word in text.split(" "):
        w = display_width(word, cw)
        sep = 1 if current else 0
        if used + sep + w <= width:
            current = f"{current} {word}" if current else word
            used += sep + w
            continue
        if current:
            lines.append(current)
        while display_width(word, cw) > width:
            part = fit(word, width, cw)
            lines.append(part)
            word = word[len(part) :]
        current, used = word, display_width(word, cw)
    if current or not lines:
        lines.append(current)
    return lines


def pad_between(left: str, right: str, width: int, cw: CharWidth = char_width) -> str:
    """``left`` and ``right`` on one line of ``width`` columns, right-aligned."""
    gap = width - display_width(left, cw) - display_width(right, cw)
    return left + " " * max(1, gap) + right
