"""Inventory use cases for a stock count: start one (or resume the open one), count by
scanning (one unit a scan) or by typing what is on the shelf (saved as typed), review every
difference with its value, and post exactly the reviewed differences — a manager's approval
when the user's role lacks ``stock_adjustment``, bound to that count.

Each call is one transaction and returns frozen dataclasses, re-exported here for the screens.
"""

from __future__ import annotations

from posapp.db.engine import Database, UnitOfWork
from posapp.inventory import catalog, counts
from posapp.inventory.counts import CountInfo, CountLine, CountReview, PostedCount
from posapp.usecases.approvals import Approval, ApprovalRequest, approver_of
from posapp.usecases.inventory_products import unknown_barcode
from posapp.usecases.inventory_stock import adjustment_request

#: the approval action of posting a count's differences
POST_COUNT = "stock.count_post"


class CountsUseCases:
    """The store's stock count, from start to posting."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def open_count(self) -> CountInfo | None:
        return self._db.read(counts.open_count)

    def start(self, *, user_id: int) -> CountInfo:
        return self._db.transact(lambda uow: counts.start_count(uow, user_id=user_id))

    def counted(self, count_id: int) -> tuple[CountLine, ...]:
        """The lines counted so far, with what the books say and what sold meanwhile."""
        return self._db.read(
            lambda uow: tuple(counts.count_lines(uow, count_id, only_counted=True))
        )

    def lines(self, count_id: int) -> tuple[CountLine, ...]:
        """Every line of the count (counted or not), for the count sheet on screen."""
        return self._db.read(lambda uow: tuple(counts.count_lines(uow, count_id)))

    def set_count(self, count_id: int, product_id: int, qty: int) -> CountLine:
        """What a person typed for one product: ``qty`` on the shelf, replacing what was
        counted before (``count.qty`` for anything but a whole number ≥ 0)."""
        return self._db.transact(lambda uow: counts.record_count(uow, count_id, product_id, qty))

    def review(self, count_id: int) -> CountReview:
        """Every difference posting would write, with its value, for a person to confirm."""
        return self._db.read(lambda uow: counts.review_count(uow, count_id))

    def scan(self, count_id: int, code: str) -> CountLine:
        """One more unit of the product with barcode ``code``."""

        def run(uow: UnitOfWork) -> CountLine:
            info = catalog.product_by_barcode(uow, code)
            if info is None:
                raise unknown_barcode(code)
            return counts.record_count(uow, count_id, info.id, 1, add=True)

        return self._db.transact(run)

    @staticmethod
    def post_request(count_id: int, *, title: str, prompt: str) -> ApprovalRequest:
        """What a manager approves for :meth:`post`: the differences of this count."""
        return adjustment_request(POST_COUNT, line=count_id, title=title, prompt=prompt)

    def post(
        self,
        count_id: int,
        *,
        user_id: int,
        register_id: str | None,
        approval: Approval | None = None,
        reviewed: CountReview | None = None,
    ) -> PostedCount:
        """Post the count's differences to stock (``auth.approval_required`` without the
        permission and without an approval for this count). With ``reviewed`` (the review a
        person confirmed) nothing is posted if the count changed since (``count.changed``)."""
        approver = approver_of(approval, POST_COUNT, line=count_id)
        expected = reviewed.variances if reviewed is not None else None
        return self._db.transact(
            lambda uow: counts.post_count(
                uow,
                count_id,
                user_id=user_id,
                approved_by=approver,
                register_id=register_id,
                expected=expected,
            )
        )


__all__ = [
    "POST_COUNT",
    "CountInfo",
    "CountLine",
    "CountReview",
    "CountsUseCases",
    "PostedCount",
]
