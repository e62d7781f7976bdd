"""Receipt images drawn in a process of their own, not in the till's.

Drawing a receipt as a raster image (Pillow and FreeType: about a thousand short calls for 30
lines) on the print queue's thread shares the interpreter's lock with the Qt thread: while a
receipt was drawn, each scan waited for the lock at every hand-over between Python and Qt, and
the busy till's scan p99 rose from 25 to 57 ms (bench/scan_latency.py --busy-with print). Here
the drawing runs in one spawned worker process (never forked: the till has Qt and threads), the
print queue's thread waits for its bytes, and the Qt thread never waits for Pillow.

:func:`run` calls a module-level function there and returns its result; an exception the
function raises is raised here as it is. When the process cannot be had (it died, cannot start,
cannot take the arguments, does not answer in :data:`TIMEOUT_S`) the function runs in this
process instead, logged: a receipt is never lost to the process that draws it.
``POSAPP_RENDER_PROCESS=0`` draws in this process (a tool that prints one receipt).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")

TIMEOUT_S = 30.0  # a receipt takes ~30 ms; the first one waits for the process to start
_WATCH_S = 0.5  # how soon the drawing process ends after the till
_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None


def _enabled() -> bool:
    return os.environ.get("POSAPP_RENDER_PROCESS", "1") != "0"


def _warm(parent: int) -> None:
    """In the drawing process, at its start: it ends when the till does, however the till
    ended (a SIGKILLed till closes no pipe this process could notice: it holds both ends of
    its job queue); the fonts and Pillow loaded before the first job."""
    from posapp.hardware import escpos_encode

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_WATCH_S)
        os._exit(0)

    threading.Thread(target=watch, name="till-watch", daemon=True).start()
    escpos_encode.warm()


def _get() -> ProcessPoolExecutor | None:
    global _pool
    with _lock:
        if _pool is None and _enabled():
            _pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_warm,
                initargs=(os.getpid(),),
            )
        return _pool


def _drop(pool: ProcessPoolExecutor) -> None:
    global _pool
    with _lock:
        if _pool is pool:
            _pool = None
    pool.shutdown(wait=False, cancel_futures=True)


def start() -> None:
    """Start the drawing process now (in the background), so the first receipt does not wait."""
    pool = _get()
    if pool is not None:
        try:
            pool.submit(_noop)
        except (BrokenProcessPool, RuntimeError, OSError) as exc:
            log.warning("receipt drawing process not started: %s", exc)
            _drop(pool)


def _noop() -> None:
    return None


def run(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``fn(*args, **kwargs)`` in the drawing process (``fn`` module-level, its arguments
    picklable); in this process when that one cannot be had."""
    pool = _get()
    if pool is not None:
        try:
            future = pool.submit(fn, *args, **kwargs)
        except (BrokenProcessPool, RuntimeError) as exc:  # broken, or shut down meanwhile
            return _here(pool, exc, fn, *args, **kwargs)
        try:
            return future.result(timeout=TIMEOUT_S)
        except (BrokenProcessPool, FutureTimeout, pickle.PicklingError) as exc:
            return _here(pool, exc, fn, *args, **kwargs)
    return fn(*args, **kwargs)


def _here(
    pool: ProcessPoolExecutor, why: BaseException, fn: Callable[..., T], *args: Any, **kw: Any
) -> T:
    log.warning("receipt drawn in the till's process (the drawing process: %r)", why)
    _drop(pool)
    return fn(*args, **kw)


def stop() -> None:
    """End the drawing process (a new one starts with the next receipt)."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


__all__ = ["TIMEOUT_S", "run", "start", "stop"]
