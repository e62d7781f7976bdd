"""No lost updates (issue 17): two tills in two processes refunding the same line at the same
instant — exactly one succeeds, the other is told what is left; verify stays true."""

from __future__ import annotations

import multiprocessing as mp
import time

import pytest
from sqlalchemy import func, select

from posapp.db.models import Sale
from posapp.inventory import catalog
from posapp.sales import completion, shifts
from posapp.sales.tenders import Tender
from posapp.sales.ticket import Ticket
from tests.conftest import Store
from tests.support import control_procs

pytestmark = pytest.mark.slow
CTX = mp.get_context("spawn")


def _run(target, arglists, timeout: float = 120):  # type: ignore[no-untyped-def]
    out = CTX.Queue()
    start_at = time.time() + 2.0
    procs = [CTX.Process(target=target, args=(*args, start_at, out)) for args in arglists]
    for p in procs:
        p.start()
    try:
        return [out.get(timeout=timeout) for _ in procs]
    finally:
        for p in procs:
            p.join(timeout=30)
            if p.is_alive():  # pragma: no cover
                p.kill()


def _sell_apple(store: Store) -> str:
    product = store.db.read(lambda uow: catalog.products_by_id(uow, [store.apple]))[store.apple]
    t = Ticket()
    t.add(product.line(1))
    sale = store.db.transact(
        lambda uow: completion.complete_sale(
            uow, t, [Tender.cash(12_900)], register_id="R01", user_id=store.cashier
        )
    )
    return sale.receipt_no


def test_two_tills_refunding_the_same_line_at_once(store: Store) -> None:
    store.db.transact(lambda uow: shifts.open_shift(uow, "R02", store.cashier, {10_000: 5}))
    for _round in range(3):
        receipt = _sell_apple(store)
        args = [
            (store.db.url, receipt, reg, store.cashier, store.manager) for reg in ("R01", "R02")
        ]
        results = _run(control_procs.refund_line, args)
        assert not [r for r in results if r[0] == "error"], results
        ok = [r for r in results if r[0] == "ok"]
        refused = [r for r in results if r[0] == "refused"]
        assert len(ok) == 1 and len(refused) == 1, results
        assert ok[0][1] == -12_900
        code, data = refused[0][1], refused[0][2]
        assert code in ("refund.too_many", "refund.nothing"), refused
        if code == "refund.too_many":
            assert data["remaining"] == 0
        refunds = store.db.read(
            lambda uow, r=receipt: uow.session.scalar(
                select(func.count(Sale.id)).where(
                    Sale.kind == "refund",
                    Sale.original_sale_id
                    == select(Sale.id).where(Sale.receipt_no == r).scalar_subquery(),
                )
            )
        )
        assert refunds == 1


def test_a_pending_cash_receipt_is_issued_once_when_two_processes_issue_it(store: Store) -> None:
    import datetime as dt

    from posapp.db.models import AuditEvent
    from posapp.sales import cash_receipts
    from posapp.sales.tenders import CashReceiptRequest

    for n in range(3):

        def queue(uow, n=n):  # type: ignore[no-untyped-def]
            cash_receipts.queue(
                uow,
                sale_uuid=f"00000000-0000-0000-0000-00000000000{n}",
                receipt_no=f"R01-20261201-000{n}",
                register_id="R01",
                amount=12_900,
                request=CashReceiptRequest("010-2345-6789"),
                at=dt.datetime.now(dt.UTC),
            )

        store.db.transact(queue)
        pid = max(p.id for p in store.db.read(lambda uow: cash_receipts.pending(uow)))
        args = [(store.db.url, pid, f"A-{n}-{who}", store.manager) for who in ("till", "cli")]
        results = _run(control_procs.issue_cash_receipt, args)
        assert not [r for r in results if r[0] == "error"], results
        assert sorted(r[0] for r in results) == ["ok", "refused"], results
        assert [r[1] for r in results if r[0] == "refused"] == ["cash_receipt.issued_already"]
    events = store.db.read(
        lambda uow: uow.session.scalar(
            select(func.count(AuditEvent.id)).where(AuditEvent.action == "cash_receipt.issue")
        )
    )
    assert events == 3


def test_a_held_ticket_is_recalled_by_one_till_only(store: Store) -> None:
    from posapp.sales import holds

    product = store.db.read(lambda uow: catalog.products_by_id(uow, [store.apple]))[store.apple]
    for _round in range(3):
        t = Ticket()
        t.add(product.line(2))
        held = store.db.transact(
            lambda uow, t=t: holds.hold(uow, t, register_id="R01", user_id=store.cashier)
        )
        results = _run(control_procs.recall_held, [(store.db.url, held.id)] * 2)
        assert sorted(r[0] for r in results) == ["ok", "refused"], results
        assert [r[1] for r in results if r[0] == "refused"] == ["hold.gone"]
