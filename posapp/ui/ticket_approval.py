"""The manager's approval of the open ticket's discounts, kept with that ticket only: given when
a discount above the limit is entered (F4/F5), used when the ticket is paid (F12), dropped when
the ticket is done or another one is recalled. It covers only the percent it was given for
(:meth:`posapp.usecases.approvals.Approval.covers`); it is never carried to another action.
"""

from __future__ import annotations

from posapp.usecases.approvals import Approval


class TicketApproval:
    def __init__(self) -> None:
        self._kept: tuple[str, Approval] | None = None

    def keep(self, ticket_uuid: str, approval: Approval) -> None:
        self._kept = (ticket_uuid, approval)

    def forget(self) -> None:
        self._kept = None

    def get(self, ticket_uuid: str) -> Approval | None:
        """The approval kept for this ticket; None for any other ticket."""
        kept = self._kept
        if kept is None or kept[0] != ticket_uuid:
            return None
        return kept[1]
