"""What the inventory window's tabs share: the use cases, the task runner, the signed-in user,
the status line, the one way a tab runs a use case (:class:`~posapp.ui.operations.Op`, with a
manager's PIN through :func:`~posapp.ui.operations.with_approval`), saving a dialog's input,
and label sheets saved in the documents folder.

Each tab of the window (posapp.ui.inventory_*_tab) is a subclass of :class:`InventoryBase`
that builds its page and its actions; :class:`posapp.ui.inventory_window.InventoryWindow`
joins them. Qt only: nothing here touches the database.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QTabWidget

from posapp.ui.inventory_edit import FormDialog
from posapp.ui.messages import explain
from posapp.ui.operations import IoOp, Op, Runner, with_approval
from posapp.usecases.approvals import Approval, ApprovalRequest
from posapp.usecases.inventory import InventoryUseCases
from posapp.usecases.inventory_counts import CountInfo
from posapp.usecases.inventory_labels import LabelItem, LabelSheet

T = TypeVar("T")
SHELF_LABELS = LabelSheet()  # shelf labels on the 8-up sheet (markdown labels)
translate = QCoreApplication.translate


class PinPrompt:
    """The window's PIN question (``ask_pin(title, prompt)``) as the approvals' PinPort."""

    def __init__(self, ask: Callable[[str, str], str | None]) -> None:
        self._ask = ask

    def ask_pin(self, request: ApprovalRequest) -> str | None:
        return self._ask(request.title, request.prompt)


class InventoryBase(QMainWindow):
    """The window's state and helpers every tab uses (set up by the window)."""

    inventory: InventoryUseCases
    runner: Runner
    user_id: int
    register_id: str | None
    documents_dir: Path
    open_file: Callable[[Path], None]
    ask_pin: Callable[[str, str], str | None]
    tabs: QTabWidget
    status: QLabel
    po: QComboBox  # the 입고 tab's order choice (refreshed when orders change)
    current_count: CountInfo | None
    last_labels: Path

    # --- the status line ---------------------------------------------------------------

    def say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")

    def show_message(self, text: str) -> None:
        """Where :func:`posapp.ui.operations.show_failure` says what went wrong."""
        self.say(text, error=True)

    def fail(self, exc: BaseException) -> None:
        self.say(explain(exc), error=True)

    # --- running use cases ---------------------------------------------------------------

    def _do(self, fn: Callable[[], T], then: Callable[[T], None] | None = None) -> None:
        """``fn`` (a use case) on the database worker; ``then`` with its result; a failure
        on the status line."""
        Op(self, self.runner, fn).success(then or (lambda _r: None)).failure(self.fail).run()

    def approved(
        self,
        request: ApprovalRequest,
        action: Callable[[Approval | None], T],
        then: Callable[[T], None],
        fail: Callable[[BaseException], None] | None = None,
    ) -> None:
        """A write that changes stock, tried as the signed-in user; when their role lacks the
        permission a manager's PIN is asked in place (``request`` names the action and its
        bound) and the write runs again with that approval. The PIN is checked on the
        database worker, never on the Qt thread."""
        with_approval(
            self,
            self.runner,
            self.inventory.approvals,
            PinPrompt(self.ask_pin),
            request,
            action,
            then,
            on_failure=fail or self.fail,
        )

    def submit(self, dialog: FormDialog, fn: Callable[[], T], then: Callable[[T], None]) -> None:
        """Save what ``dialog`` holds with ``fn`` on the runner: success closes it and calls
        ``then``; an error is shown in the dialog, which stays open with what was typed."""

        def ok(result: T) -> None:
            dialog.accept()
            then(result)

        Op(self, self.runner, fn).success(ok).failure(lambda exc: dialog.fail(explain(exc))).run()

    # --- label sheets ----------------------------------------------------------------------

    def save_labels(
        self,
        stem: str,
        items: Callable[[], Sequence[LabelItem]],
        sheet: LabelSheet = SHELF_LABELS,
        *,
        dialog: FormDialog | None = None,
    ) -> None:
        """Read the labels' ``items()`` on the database worker, draw the sheet on the I/O pool,
        save it in the documents folder and open it. With ``dialog``: it closes on success and
        shows the error otherwise."""
        folder = self.documents_dir
        labels = self.inventory.labels

        def fail(exc: BaseException) -> None:
            if dialog is None:
                self.fail(exc)
            else:
                dialog.fail(explain(exc))

        def saved(path: Path) -> None:
            if dialog is not None:
                dialog.accept()
            self.last_labels = path
            self.say(
                translate("InventoryWindow", "라벨을 저장했습니다: {path}").format(path=str(path))
            )
            self.open_file(path)

        def drawn(found: Sequence[LabelItem]) -> None:
            IoOp(self, self.runner, lambda: labels.save_sheet(found, sheet, folder, stem)).success(
                saved
            ).failure(fail).run()

        Op(self, self.runner, items).success(drawn).failure(fail).run()

    # --- set by the tabs and the window ------------------------------------------------------

    def apply_filter(self) -> None:
        raise NotImplementedError

    def load(self) -> None:
        raise NotImplementedError

    def refresh_open_pos(self) -> None:
        raise NotImplementedError

    def print_labels(self, po_id: int | None = None) -> None:
        raise NotImplementedError

    def _count_refresh(self) -> None:
        raise NotImplementedError


__all__ = ["InventoryBase", "PinPrompt"]
