"""Child-process bodies for issue 17's lost-update tests: two tills refunding the same line at
the same instant. Each runs in its own interpreter (``spawn``), waits for a shared start time
and reports ("ok", total) or ("refused", code, data) through a queue."""

from __future__ import annotations

import time
import traceback
from typing import Any

from posapp.db.engine import Database


def refund_line(
    url: str, receipt_no: str, register: str, user: int, manager: int, start_at: float, out: Any
) -> None:
    from posapp.errors import PosError
    from posapp.sales import refunds

    try:
        db = Database(url)
        db.read(lambda uow: refunds.find_sale(uow, receipt_no))  # warm: connected, imported
        time.sleep(max(0.0, start_at - time.time()))
        try:
            done = db.transact(
                lambda uow: refunds.refund(
                    uow,
                    receipt_no,
                    register_id=register,
                    user_id=user,
                    approved_by=manager,
                    lines={1: 1},
                    reason="동시 환불",
                )
            )
            out.put(("ok", done.total))
        except PosError as exc:
            out.put(("refused", exc.code, dict(exc.data)))
        db.dispose()
    except Exception:  # pragma: no cover - reported to the test
        out.put(("error", traceback.format_exc()))


def issue_cash_receipt(
    url: str, pending_id: int, approval: str, user: int, start_at: float, out: Any
) -> None:
    from posapp.errors import PosError
    from posapp.sales import cash_receipts

    try:
        db = Database(url)
        db.read(lambda uow: cash_receipts.pending(uow))
        time.sleep(max(0.0, start_at - time.time()))
        try:
            db.transact(
                lambda uow: cash_receipts.mark_issued(uow, pending_id, approval, user_id=user)
            )
            out.put(("ok", approval))
        except PosError as exc:
            out.put(("refused", exc.code, dict(exc.data)))
        db.dispose()
    except Exception:  # pragma: no cover - reported to the test
        out.put(("error", traceback.format_exc()))


def recall_held(url: str, held_id: int, start_at: float, out: Any) -> None:
    from posapp.errors import PosError
    from posapp.sales import holds

    try:
        db = Database(url)
        db.read(lambda uow: holds.list_held(uow, "R01"))
        time.sleep(max(0.0, start_at - time.time()))
        try:
            ticket = db.transact(lambda uow: holds.recall(uow, held_id))
            out.put(("ok", len(ticket.lines)))
        except PosError as exc:
            out.put(("refused", exc.code, dict(exc.data)))
        db.dispose()
    except Exception:  # pragma: no cover - reported to the test
        out.put(("error", traceback.format_exc()))
