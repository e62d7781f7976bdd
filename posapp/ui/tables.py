"""Cells of a ``QTableWidget`` read back typed: the screens fill every cell they read, and
Qt's ``item()`` says ``None`` only for a cell never set."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem


def cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    """The item at ``row``, ``column`` (LookupError for a cell that was never filled)."""
    item = table.item(row, column)
    if item is None:
        raise LookupError(f"no item at row {row}, column {column}")
    return item
