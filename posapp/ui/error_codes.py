"""Error codes of the screens' own input checks, and the words for errors that carry no code.

Saleor-style ``error_codes`` module: one :class:`~enum.StrEnum` per code prefix, whose values are
the stable machine codes the errors carry (``error.code``), the UI turns into words
(:mod:`posapp.ui.messages`) and the logs and the platform record. A leaf module: it imports
nothing of ours, so every layer may use it. Add a member here (and its Korean and English
words in ``posapp/ui/messages_ko.py`` / ``messages_en.py``) before raising a new code.
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
