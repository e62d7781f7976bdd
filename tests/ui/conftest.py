"""The Qt tests' shared hygiene: each test's windows, tills and their Qt objects are collected
right after it, on the Qt thread, before the next test starts. Left to the garbage collector's
own timing, a cycle holding a window or a till (with its worker bridges) was collected at any
moment — in the middle of delivering a queued event of a later test — and a QObject deleted
there crashed the process (seen only late in a long run on a loaded machine).

A dialog a test left open is closed too, and what the test's windows asked to delete
(deleteLater) is deleted: a receipt finder left open over a closed till was the next test's
active modal window, and the scans of the next till went to it."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def _collect_after_each_test() -> Iterator[None]:
    yield
    app = QCoreApplication.instance()
    if app is not None:
        app.processEvents()  # deliver what the test left queued while its objects still live
    if isinstance(app, QApplication):
        for widget in app.topLevelWidgets():
            if widget.isVisible():
                widget.close()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
