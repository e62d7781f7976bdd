"""Taking lines off the open ticket when the store's policy asks a manager (issue 17, item 2):
once the total was asked for, or a while after the line was scanned. The approval covers that
line and how much comes off, nothing else; each removal and lowering is on the record with who
approved it. Off by default: a store that does not ask, is not asked."""

from __future__ import annotations

import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from posapp import store_policy
from posapp.db.models import AuditEvent
from posapp.errors import PosError
from posapp.usecases import ticket as ticket_uc
from posapp.usecases.approvals import APPROVAL_REQUIRED, Approval
from posapp.usecases.checkout import CheckoutSession, SessionSettings
from posapp.usecases.ticket import VOID_LINE
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, SALT_CODE, Store


@pytest.fixture
def session(store: Store, tmp_path: Path) -> CheckoutSession:
    s = CheckoutSession(store.db, SessionSettings(recovery_dir=tmp_path))
    s.sign_in("1111")
    return s


def set_policy(store: Store, **values: int) -> None:
    store.db.transact(lambda uow: store_policy.change(uow, values, store.manager))


def approval(store: Store, line: int, qty: int) -> Approval:
    return Approval(store.manager, "박지민", VOID_LINE, line, {"qty": qty})


def removals(store: Store) -> list[tuple[str, dict | None]]:  # type: ignore[type-arg]
    return store.db.read(
        lambda uow: [
            (e.action, e.after)
            for e in uow.session.scalars(
                select(AuditEvent)
                .where(AuditEvent.action.in_(["ticket.remove", "ticket.qty"]))
                .order_by(AuditEvent.id)
            )
        ]
    )


def test_off_by_default_a_line_comes_off_as_before(session: CheckoutSession, store: Store) -> None:
    session.scan(APPLE_CODE)
    session.mark_subtotal()
    session.remove(0)
    assert session.ticket.lines == []
    assert removals(store) == [("ticket.remove", None)]


def test_after_the_total_a_manager_approves_that_line_only(
    session: CheckoutSession, store: Store
) -> None:
    set_policy(store, void_approval_after_subtotal=1)
    session.scan(APPLE_CODE)
    session.scan(GOCHUJANG_CODE)
    session.scan(GOCHUJANG_CODE)
    session.remove(0)  # before the total: the cashier corrects freely
    assert [ln.name for ln in session.ticket.lines] == ["순창 전통 고추장 1kg"]
    session.mark_subtotal()  # F12: the customer saw the total
    with pytest.raises(PosError) as asked:
        session.set_qty(0, 1)
    assert asked.value.code == APPROVAL_REQUIRED and asked.value.data["permission"] == "void"
    assert session.ticket.lines[0].qty == 2  # nothing changed
    with pytest.raises(PosError):
        session.set_qty(0, 1, approval(store, 1, 1))  # approved for another line
    with pytest.raises(PosError):
        session.remove(0, approval(store, 0, 1))  # approved for one piece, not two
    session.set_qty(0, 1, approval(store, 0, 1))
    session.remove(0, approval(store, 0, 1))
    assert session.ticket.lines == []
    assert removals(store) == [
        ("ticket.remove", None),
        ("ticket.qty", {"qty": 1, "approved_by": store.manager}),
        ("ticket.remove", {"approved_by": store.manager}),
    ]


def test_a_while_after_the_scan_a_manager_approves(
    session: CheckoutSession, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_policy(store, void_approval_after_s=60)
    session.scan(APPLE_CODE)
    session.scan(GOCHUJANG_CODE)
    later = time.monotonic() + 61
    monkeypatch.setattr(ticket_uc, "time", SimpleNamespace(monotonic=lambda: later))
    session.scan(SALT_CODE)  # scanned "now": a minute after the others
    assert len(session.ticket.lines) == 3
    session.remove(2)  # just scanned: off without a manager
    with pytest.raises(PosError) as asked:
        session.remove(0)
    assert asked.value.code == APPROVAL_REQUIRED
    session.remove(0, approval(store, 0, 1))
    assert [ln.name for ln in session.ticket.lines] == ["순창 전통 고추장 1kg"]


def test_the_next_ticket_starts_before_its_total(session: CheckoutSession, store: Store) -> None:
    from posapp.sales.tenders import Tender

    set_policy(store, void_approval_after_subtotal=1)
    session.scan(APPLE_CODE)
    session.mark_subtotal()
    session.complete([Tender.cash(20_000)])
    session.scan(GOCHUJANG_CODE)
    session.remove(0)  # a new ticket: its total was not asked yet
    assert session.ticket.lines == []
