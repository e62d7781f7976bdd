"""The one way a screen calls a use case: off the Qt thread, back on it, failures in Korean.

In the spirit of Anki's ``CollectionOp`` / ``QueryOp`` (``qt/aqt/operations/__init__.py``)::

    Op(self, self.runner, lambda: self.stock.receive(order_id, lines)).success(
        self._received
    ).run()

- :class:`Op` runs on the database worker (writes stay in order), :class:`IoOp` on the I/O
  pool (printers, terminals, the network).
- ``success`` is required: ``run()`` without it is a programming error.
- ``failure`` is optional: by default the failure is shown to the person in words
  (:func:`posapp.ui.messages.explain`: never a Python or driver error text) on the parent's
  message line when it has ``show_message``, else in a message box.
- :func:`with_approval` runs an action that may need a manager's PIN: it asks through the
  parent's :class:`~posapp.usecases.approvals.PinPort`, verifies the PIN off the Qt thread and
  runs the action again with the approval bound to what was asked.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from posapp.ui.messages import explain
from posapp.ui.tasks import Task
from posapp.usecases.approvals import (
    Approval,
    ApprovalRequest,
    Approvals,
    PinPort,
    is_approval_required,
)

log = logging.getLogger(__name__)
T = TypeVar("T")


class Runner(Protocol):
    def db(self, fn: Callable[[], T]) -> Task[T]: ...
    def io(self, fn: Callable[[], T]) -> Task[T]: ...


def show_failure(parent: QWidget | None, exc: BaseException) -> None:
    """Say what went wrong in the person's words, where they are looking."""
    text = explain(exc)
    show = getattr(parent, "show_message", None)
    if callable(show):
        show(text)
        return
    QMessageBox.warning(parent, "I·Market·U POS", text)


class Op(Generic[T]):
    """A use-case call on the database worker; ``.success(cb)`` then ``.run()``."""

    def __init__(self, parent: QWidget | None, runner: Runner, fn: Callable[[], T]) -> None:
        self._parent = parent
        self._runner = runner
        self._fn = fn
        self._ok: Callable[[T], None] | None = None
        self._err: Callable[[BaseException], None] | None = None

    def success(self, cb: Callable[[T], None]) -> Op[T]:
        self._ok = cb
        return self

    def failure(self, cb: Callable[[BaseException], None]) -> Op[T]:
        self._err = cb
        return self

    def run(self) -> Task[T]:
        if self._ok is None:
            raise TypeError("an Op needs a success callback")
        task = self._submit(self._fn)
        task.success(self._ok)
        err = self._err
        parent = self._parent
        task.failure(err if err is not None else lambda exc: show_failure(parent, exc))
        return task

    def _submit(self, fn: Callable[[], T]) -> Task[T]:
        return self._runner.db(fn)


class IoOp(Op[T]):
    """A call to a printer, a terminal or the network, on the I/O pool."""

    def _submit(self, fn: Callable[[], T]) -> Task[T]:
        return self._runner.io(fn)


def with_approval(
    parent: QWidget | None,
    runner: Runner,
    approvals: Approvals,
    pins: PinPort,
    request: ApprovalRequest,
    action: Callable[[Approval | None], T],
    on_done: Callable[[T], None],
    *,
    on_failure: Callable[[BaseException], None] | None = None,
) -> None:
    """Run ``action(None)``; when it needs an approval, ask a PIN for ``request``, verify it
    off the Qt thread and run ``action(approval)``. A cancelled prompt shows why it was
    needed; a wrong PIN or a refused approver is shown in words (``on_failure`` overrides)."""

    def fail(exc: BaseException) -> None:
        (on_failure or (lambda e: show_failure(parent, e)))(exc)

    def needs_pin(exc: BaseException) -> None:
        if not is_approval_required(exc):
            fail(exc)
            return
        pin = pins.ask_pin(request)
        if pin is None:
            fail(exc)
            return

        def approved() -> T:
            return action(approvals.verify(pin, request))

        Op(parent, runner, approved).success(on_done).failure(fail).run()

    Op(parent, runner, lambda: action(None)).success(on_done).failure(needs_pin).run()


def approve_first(
    parent: QWidget | None,
    runner: Runner,
    approvals: Approvals,
    pins: PinPort,
    request: ApprovalRequest,
    on_approved: Callable[[Approval], None],
) -> None:
    """Ask a PIN for ``request`` at once (actions that always need a manager: void, a
    protected screen), verify it off the Qt thread, then ``on_approved(approval)``."""
    pin = pins.ask_pin(request)
    if pin is None:
        return
    Op(parent, runner, lambda: approvals.verify(pin, request)).success(on_approved).run()


__all__ = ["IoOp", "Op", "Runner", "approve_first", "show_failure", "with_approval"]
