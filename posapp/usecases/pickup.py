"""Online orders (prepaid on the platform) collected at the till: the waiting list and the
hand-over, which takes the reserved goods out of stock and tells the platform."""

from __future__ import annotations

from typing import TYPE_CHECKING

from posapp.sync import online
from posapp.sync.online import OrderInfo
from posapp.sync.worker import SyncStatus

if TYPE_CHECKING:
    from posapp.usecases.checkout import CheckoutSession


def online_orders(s: CheckoutSession) -> list[OrderInfo]:
    """Orders waiting for pick-up, oldest first."""
    s.online_only("online orders")
    return s.db.read(lambda uow: online.list_orders(uow, ("accepted",)))


def pick_up(s: CheckoutSession, order_uuid: str) -> OrderInfo:
    """The customer collects: reserved goods leave stock and the platform will be told."""
    uid = s.who()
    s.online_only("handing over an online order")
    return s.db.transact(
        lambda uow: online.pick_up(uow, order_uuid, user_id=uid, register_id=s.settings.register_id)
    )


__all__ = ["OrderInfo", "SyncStatus", "online_orders", "pick_up"]
