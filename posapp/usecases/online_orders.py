"""What the till shows of the online platform: the sync worker's status (pending count, last
success, last error) and the online orders waiting for pick-up.

The types are :mod:`posapp.sync`'s, re-exported for the screens (``posapp.ui.sync_panel``);
handing an order over is the checkout's use case.
"""

from __future__ import annotations

from posapp.sync.online import OrderInfo
from posapp.sync.worker import SyncStatus

__all__ = ["OrderInfo", "SyncStatus"]
