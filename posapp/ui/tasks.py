"""The task runner every screen uses: work off the Qt thread, results back on it.

``runner.db(fn)`` runs ``fn`` on the single database worker (writes stay in order; SQLite has
one writer anyway); ``runner.io(fn)`` runs it on a small pool for printers, terminals and the
network. Both return a :class:`Task` whose ``.success(cb)`` / ``.failure(cb)`` callbacks are
called on the Qt thread through a queued signal. Tests swap in :class:`SyncRunner`, which runs
everything at once on the calling thread, so flows are deterministic.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)
T = TypeVar("T")


class Task(Generic[T]):
    def __init__(self) -> None:
        self._ok: list[Callable[[T], None]] = []
        self._err: list[Callable[[BaseException], None]] = []
        self._result: tuple[bool, Any] | None = None

    def success(self, cb: Callable[[T], None]) -> Task[T]:
        self._ok.append(cb)
        if self._result is not None and self._result[0]:
            cb(self._result[1])
        return self

    def failure(self, cb: Callable[[BaseException], None]) -> Task[T]:
        self._err.append(cb)
        if self._result is not None and not self._result[0]:
            cb(self._result[1])
        return self

    def _finish(self, ok: bool, value: Any) -> None:
        self._result = (ok, value)
        callbacks: list[Callable[[Any], None]] = list(self._ok) if ok else list(self._err)
        if not ok and not callbacks:
            log.error("background task failed with no failure handler", exc_info=value)
        for cb in list(callbacks):
            try:
                cb(value)
            except Exception:
                log.exception("task callback failed")


_RETIRED: list[QObject] = []  # bridges of shut-down runners (tiny; kept for late results)


class _Bridge(QObject):
    done = Signal(object, bool, object)


class TaskRunner:
    def __init__(self, io_workers: int = 4) -> None:
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db")
        self._io = ThreadPoolExecutor(max_workers=io_workers, thread_name_prefix="io")
        self._bridge = _Bridge()
        self._bridge.done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def db(self, fn: Callable[[], T]) -> Task[T]:
        return self._submit(self._db, fn)

    def io(self, fn: Callable[[], T]) -> Task[T]:
        return self._submit(self._io, fn)

    def _submit(self, pool: ThreadPoolExecutor, fn: Callable[[], T]) -> Task[T]:
        task: Task[T] = Task()
        future = pool.submit(fn)

        def done(f: Future[T]) -> None:
            exc = f.exception()
            # the value travels inside a list: a bare None through a queued Signal(object)
            # corrupts None's reference count in PySide6 ("deallocating None" crashes)
            self._bridge.done.emit(task, exc is None, [f.result() if exc is None else exc])

        future.add_done_callback(done)
        return task

    @staticmethod
    def _deliver(task: Task[Any], ok: bool, box: list[Any]) -> None:
        task._finish(ok, box[0])

    def shutdown(self) -> None:
        self._db.shutdown(wait=True)
        self._io.shutdown(wait=False, cancel_futures=True)
        # an I/O task still running (a printer, a terminal timing out) posts its result later:
        # its bridge must outlive this runner, or the queued signal reaches a deleted QObject
        _RETIRED.append(self._bridge)


class SyncRunner:
    """For tests: runs at once on the caller's thread; callbacks fire immediately."""

    def db(self, fn: Callable[[], T]) -> Task[T]:
        return self._run(fn)

    def io(self, fn: Callable[[], T]) -> Task[T]:
        return self._run(fn)

    @staticmethod
    def _run(fn: Callable[[], T]) -> Task[T]:
        task: Task[T] = Task()
        try:
            value = fn()
        except Exception as exc:
            task._result = (False, exc)
            return task
        task._result = (True, value)
        return task

    def shutdown(self) -> None:
        pass
