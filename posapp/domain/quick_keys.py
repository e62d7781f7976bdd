"""The quick keys' colours: a fixed palette a finger and an eye can tell apart at the till.

Each colour is a key name (what the layout stores; its words are the editor's), a background
and the text colour drawn on it; every pair reads at a contrast of at least 4.5:1 (WCAG AA for
normal text, :func:`contrast`), so a key's label is never lost on its colour. ``"default"`` is
the plain key.
Pure: the store's layout lives in posapp.inventory.quick_keys, the drawing in posapp.ui.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class KeyColour:
    key: str
    background: str  # "#rrggbb"
    text: str  # "#rrggbb"


PALETTE: tuple[KeyColour, ...] = (
    KeyColour("default", "#f0f0f0", "#111111"),
    KeyColour("red", "#c62828", "#ffffff"),
    KeyColour("orange", "#ffb74d", "#111111"),
    KeyColour("yellow", "#fff176", "#111111"),
    KeyColour("green", "#2e7d32", "#ffffff"),
    KeyColour("mint", "#aed581", "#111111"),
    KeyColour("blue", "#1565c0", "#ffffff"),
    KeyColour("sky", "#81d4fa", "#111111"),
    KeyColour("purple", "#6a1b9a", "#ffffff"),
    KeyColour("pink", "#f8bbd0", "#111111"),
    KeyColour("brown", "#6d4c41", "#ffffff"),
    KeyColour("grey", "#546e7a", "#ffffff"),
)
COLOURS: dict[str, KeyColour] = {c.key: c for c in PALETTE}
DEFAULT_COLOUR = "default"

MAX_PAGES = 40  # the layout by region has a page per partner region (the demo: 20+)
MAX_KEYS_PER_PAGE = 60
MAX_PAGE_NAME = 20
MAX_LABEL = 24


def colour(key: str) -> KeyColour:
    """The palette's colour named ``key`` (the plain key for a name it does not know)."""
    return COLOURS.get(key, COLOURS[DEFAULT_COLOUR])


def _luminance(hex_colour: str) -> float:
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


__all__ = [
    "COLOURS",
    "DEFAULT_COLOUR",
    "MAX_KEYS_PER_PAGE",
    "MAX_LABEL",
    "MAX_PAGES",
    "MAX_PAGE_NAME",
    "PALETTE",
    "KeyColour",
    "colour",
    "contrast",
]
