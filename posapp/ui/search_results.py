"""The checkout's search results: a list that asks for the next page when a person scrolls to
its end or moves past its last row, so a search is never cut at the first page (``ㅅㄱ`` has more
than 20 products; every one can be reached).

Qt only. The checkout runs the search (a use case) and fills the list with :meth:`fill`;
:attr:`more_wanted` asks it to run the same query again with a larger :attr:`limit`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

#: results asked for at a time
PAGE = 20


class SearchResults(QListWidget):
    """Search results, a page at a time; the next page when the end is reached."""

    more_wanted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.query = ""
        self.limit = PAGE
        self._asked = False  # a next page is on its way: ask once
        self.verticalScrollBar().valueChanged.connect(self._scrolled)

    def limit_for(self, query: str) -> int:
        """How many results to ask for ``query``: the first page for a new query."""
        if query != self.query:
            self.query, self.limit = query, PAGE
        return self.limit

    def fill(self, rows: Sequence[tuple[str, object]], limit: int) -> None:
        """Show ``rows`` (text, data) asked with ``limit``; a further page keeps the row the
        person is on."""
        keep = self.currentRow() if limit > PAGE else 0
        self.limit = limit
        self._asked = False
        self.clear()
        for text, data in rows:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, data)
            self.addItem(item)
        self.setVisible(bool(rows))
        if rows:
            self.setCurrentRow(min(max(keep, 0), len(rows) - 1))

    @property
    def complete(self) -> bool:
        """Whether every match is shown (the last answer was not a full page)."""
        return self.count() < self.limit

    def ask_more(self) -> bool:
        """Ask for the next page unless every match is shown; True when asked."""
        if self.complete or self._asked:
            return False
        self._asked = True
        self.limit += PAGE
        self.more_wanted.emit()
        return True

    def _scrolled(self, value: int) -> None:
        bar = self.verticalScrollBar()
        if bar.maximum() > 0 and value >= bar.maximum():
            self.ask_more()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        last = self.currentRow() == self.count() - 1
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and last and self.ask_more():
            return
        super().keyPressEvent(event)


__all__ = ["PAGE", "SearchResults"]
