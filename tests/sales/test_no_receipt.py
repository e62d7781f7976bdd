"""Returns without a receipt in the sale engine (posapp.sales.no_receipt): priced as the
catalogue has the goods now, weighed goods too, cash only with 원단위 절사, restocked, journalled,
an outbox document the platform protocol takes (no original sale to name), ``verify`` ok; a
ticket taken back once; the store's limits (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from posapp import store_policy
from posapp.auth.service import AuthError
from posapp.db.models import OutboxEvent, Product
from posapp.sales import no_receipt, receipt_lookup, register_report, sale_records
from posapp.sales.ticket import Ticket
from posapp.sync.protocol import validate_document
from posapp.verify import verify
from tests.conftest import Store
from tests.sales.test_sale_engine import on_hand


def _take_back(store: Store, items: list[tuple[int, int]], uuid: str | None = None, **kw):  # type: ignore[no-untyped-def]
    kw.setdefault("approved_by", store.manager)
    kw.setdefault("reason", "영수증 분실")
    return store.db.transact(
        lambda uow: no_receipt.refund_without_receipt(
            uow,
            items,
            register_id="R01",
            user_id=store.cashier,
            doc_uuid=uuid or Ticket().uuid,
            **kw,
        )
    )


def test_priced_now_weighed_rounded_restocked_and_sent(store: Store) -> None:
    # the price in force: raised since it was sold, the till takes it back at today's
    store.db.transact(
        lambda uow: uow.conn.execute(
            update(Product).where(Product.id == store.gochujang).values(price=9_000)
        )
    )
    beef = on_hand(store, store.beef)
    done = _take_back(store, [(store.gochujang, 1), (store.beef, 105)])  # 105 g × ₩128 = ₩13,440
    assert done.total == -(9_000 + 13_440)
    methods = sorted((p.method, p.amount) for p in done.payments)
    assert methods == [("cash", -22_440)]  # whole tens: nothing to round
    assert on_hand(store, store.beef) == beef + 105
    odd = _take_back(store, [(store.beef, 101)])  # ₩12,928: ₩12,920 in cash, ₩8 절사
    assert sorted((p.method, p.amount) for p in odd.payments) == [
        ("cash", -12_920),
        ("rounding", -8),
    ]
    payloads = store.db.read(
        lambda uow: uow.conn.execute(
            select(OutboxEvent.kind, OutboxEvent.payload).order_by(OutboxEvent.id)
        ).all()
    )
    for kind, payload in payloads:
        assert payload["no_receipt"] is True and payload["original_uuid"] is None
        doc = {"uuid": payload["uuid"], "kind": kind, "payload": payload}
        assert validate_document(doc) is None
    assert verify(store.db).ok
    report = store.db.read(lambda uow: register_report.x_report(uow, store.shift_id))
    assert (report.no_receipt_count, report.no_receipt_total) == (2, -(22_440 + 12_928))
    assert "무영수증 반품 2건" in register_report.format_report(report)


def test_a_ticket_is_taken_back_once(store: Store) -> None:
    uuid = Ticket().uuid
    first = _take_back(store, [(store.salt, 1)], uuid)
    with pytest.raises(sale_records.SaleError) as err:
        _take_back(store, [(store.salt, 1)], uuid)
    assert err.value.code == "refund.no_receipt_twice"
    assert err.value.data["receipt"] == first.receipt_no


def test_limits_manager_and_reason(store: Store) -> None:
    salt = on_hand(store, store.salt)
    with pytest.raises(sale_records.SaleError) as err:
        _take_back(store, [(store.apple, 3)])  # ₩38,700 > ₩30,000
    assert err.value.code == "refund.no_receipt_limit"
    with pytest.raises(sale_records.SaleError) as err:
        _take_back(store, [(store.salt, 1)], reason="  ")
    assert err.value.code == "refund.no_receipt_reason"
    for nobody in (store.cashier, None):  # the cashier's own approval is no manager's
        with pytest.raises(AuthError) as denied:
            _take_back(store, [(store.salt, 1)], approved_by=nobody)
        assert denied.value.code == "auth.approval_required"
    store.db.transact(
        lambda uow: store_policy.change(
            uow, {"no_receipt_shift_total": 10_000, "no_receipt_refund_limit": 0}, store.manager
        )
    )
    with pytest.raises(sale_records.SaleError) as err:
        _take_back(store, [(store.salt, 1)])  # the store takes none back (limit 0)
    assert err.value.code == "refund.no_receipt_limit"
    store.db.transact(
        lambda uow: store_policy.change(uow, {"no_receipt_refund_limit": 30_000}, store.manager)
    )
    _take_back(store, [(store.salt, 1)])  # ₩6,000
    with pytest.raises(sale_records.SaleError) as err:
        _take_back(store, [(store.salt, 1)])  # ₩12,000 > the shift's ₩10,000
    assert err.value.code == "refund.no_receipt_shift"
    assert on_hand(store, store.salt) == salt + 1


def test_a_reprint_still_says_no_receipt_with_reason_and_manager(store: Store) -> None:
    done = _take_back(store, [(store.salt, 1)], reason="선물 받음", approver_name="박지민")
    again = store.db.read(lambda uow: receipt_lookup.load_sale(uow, done.receipt_no))
    assert again.no_receipt == done.no_receipt == ("사유 선물 받음", "승인 관리자 박지민")
