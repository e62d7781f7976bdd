"""The errors the services and the till raise (outside the domain rules).

Owns :class:`PosError`, the base each service package subclasses (``SaleError``,
``InventoryError``, ``AuthError``, ...). It derives from the one root,
:class:`posapp.domain.errors.AppError` (message, ``code``, ``data``); its codes are the members
of the ``error_codes`` module of the package that raises them, and :mod:`posapp.ui.messages`
turns them into Korean or English words.
"""

from __future__ import annotations

from posapp.domain.errors import AppError


class PosError(AppError):
    """An error a user can act on, raised by a service. ``code`` is stable (``shift.not_open``)."""
