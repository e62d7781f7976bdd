"""The error a checkout action raises for a rule of the session itself (signed out, no open
shift, offline, a ticket still open); its own module so every checkout use case can raise it."""

from __future__ import annotations

from posapp.errors import PosError


class SessionError(PosError):
    pass
