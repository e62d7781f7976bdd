"""Spreadsheet-safe CSV cells: the one rule every CSV the app writes goes through.

A cell a spreadsheet would read as a formula — text starting with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return (OWASP's CSV injection rule) — is written with a leading apostrophe,
so Excel and LibreOffice show it as text and never run it (``=HYPERLINK(…)``,
``=cmd|' /C calc'!A0``, ``+1+1``, ``@SUM(1)``). Numbers (``int``) are written as they are: a
negative amount is a number, not a formula. :func:`unneutralise` undoes it on import, so an
exported file imports back to the same names.

Use :func:`safe_writer` instead of ``csv.writer`` (or :func:`safe_row` on a row).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, Protocol

RISKY = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """The cell as it may be written: text that starts like a formula gets an apostrophe."""
    if isinstance(value, str) and value.startswith(RISKY):
        return "'" + value
    return value


def safe_row(row: Iterable[Any]) -> list[Any]:
    return [safe_cell(v) for v in row]


def unneutralise(text: str) -> str:
    """A cell read back: the apostrophe :func:`safe_cell` added is taken off again."""
    if text.startswith("'") and text[1:].startswith(RISKY):
        return text[1:]
    return text


class _Writer(Protocol):
    def writerow(self, row: Iterable[Any], /) -> Any: ...


class SafeWriter:
    """``csv.writer`` whose every row goes through :func:`safe_row`."""

    def __init__(self, inner: _Writer) -> None:
        self._inner = inner

    def writerow(self, row: Iterable[Any]) -> None:
        self._inner.writerow(safe_row(row))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def safe_writer(stream: Any, **options: Any) -> SafeWriter:
    """A CSV writer over ``stream`` (``csv.writer`` options) that neutralises formula cells."""
    return SafeWriter(csv.writer(stream, **options))
