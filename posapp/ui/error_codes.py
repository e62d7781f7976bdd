"""Error codes of the screens' own input checks, and the words for errors that carry no code.

The values are the codes the errors carry; the words are in ``posapp/ui/error_words/screens.py``.
"""

from __future__ import annotations

from enum import StrEnum


class UiErrorCode(StrEnum):
    """``ui.*`` codes."""

    PO_LINE = "ui.po_line"
    WON = "ui.won"
    RECEIVE_LINE = "ui.receive_line"
    UNEXPECTED = "ui.unexpected"
    FILE = "ui.file"
    NUMBER_TOO_LARGE = "ui.number_too_large"
    TEXT_ENCODING = "ui.text_encoding"
