"""The card terminal adapter against the real simulator on 127.0.0.1: approvals, declines,
timeouts that are net-cancelled, dropped answers, idempotency, cancels and cash receipts."""

from __future__ import annotations

import socket
import time
import uuid

import pytest

from posapp.hardware.card_simulator import CardTerminalSimulator
from posapp.hardware.card_terminal import TcpCardTerminal, from_uri
from posapp.hardware.ports import HardwareError


@pytest.fixture
def sim():  # type: ignore[no-untyped-def]
    with CardTerminalSimulator() as s:
        yield s


def rid() -> str:
    return str(uuid.uuid4())


def test_approval(sim) -> None:  # type: ignore[no-untyped-def]
    t = TcpCardTerminal("127.0.0.1", sim.port)
    a = t.approve(12_900, request_id=rid(), timeout=2)
    assert a.amount == 12_900 and len(a.approval_no) == 8 and a.issuer
    assert a.card_masked.count("*") >= 6 and a.approved_at.tzinfo is not None
    assert len(sim.charges()) == 1


def test_decline_charges_nothing(sim) -> None:  # type: ignore[no-untyped-def]
    sim.decline_next("declined", "한도 초과")
    with pytest.raises(HardwareError) as err:
        TcpCardTerminal("127.0.0.1", sim.port).approve(50_000, request_id=rid(), timeout=2)
    assert err.value.code == "card.declined" and "한도 초과" in str(err.value)
    assert not err.value.retryable and sim.charges() == []


def test_a_late_answer_is_net_cancelled(sim) -> None:  # type: ignore[no-untyped-def]
    sim.delay_next(0.6)
    request = rid()
    with pytest.raises(HardwareError) as err:
        TcpCardTerminal("127.0.0.1", sim.port).approve(12_900, request_id=request, timeout=0.3)
    assert err.value.code == "card.timeout"
    time.sleep(0.6)  # the late approval completes on the terminal after the net-cancel
    assert request in sim.net_cancelled() and sim.charges() == []
    TcpCardTerminal("127.0.0.1", sim.port).net_cancel(request)  # idempotent


def test_a_dropped_answer_is_net_cancelled(sim) -> None:  # type: ignore[no-untyped-def]
    sim.drop_next()
    request = rid()
    with pytest.raises(HardwareError) as err:
        TcpCardTerminal("127.0.0.1", sim.port).approve(9_900, request_id=request, timeout=2)
    assert err.value.code == "card.timeout"
    assert sim.net_cancelled() == [request] and sim.charges() == []


def test_terminal_down_is_quick_and_clear() -> None:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    start = time.monotonic()
    with pytest.raises(HardwareError) as err:
        TcpCardTerminal("127.0.0.1", port).approve(1_000, request_id=rid(), timeout=2)
    assert err.value.code == "card.unavailable" and time.monotonic() - start < 1


def test_repeating_a_request_charges_once(sim) -> None:  # type: ignore[no-untyped-def]
    t = TcpCardTerminal("127.0.0.1", sim.port)
    request = rid()
    a = t.approve(3_000, request_id=request, timeout=2)
    b = t.approve(3_000, request_id=request, timeout=2)
    assert a == b and len(sim.charges()) == 1


def test_partial_cancel_and_cash_receipt(sim) -> None:  # type: ignore[no-untyped-def]
    t = TcpCardTerminal("127.0.0.1", sim.port)
    a = t.approve(20_000, request_id=rid(), timeout=2)
    c = t.cancel(a.approval_no, a.approved_at, 5_000, request_id=rid())
    assert c.amount == 5_000 and c.card_masked == a.card_masked
    with pytest.raises(HardwareError) as err:
        t.cancel("00000000", a.approved_at, 1_000, request_id=rid())
    assert err.value.code == "card.unknown_approval"
    r = t.issue_cash_receipt(12_000, "01012345678", "income_deduction", request_id=rid())
    assert r.identity_masked == "010****5678"
    back = t.cancel_cash_receipt(r.approval_no, r.approved_at, 12_000, request_id=rid())
    assert back.amount == 12_000


def test_an_unmasked_card_number_is_refused(sim) -> None:  # type: ignore[no-untyped-def]
    sim.answer_unmasked_next()
    with pytest.raises(HardwareError) as err:
        TcpCardTerminal("127.0.0.1", sim.port).approve(1_000, request_id=rid(), timeout=2)
    assert err.value.code == "card.unmasked"


def test_uri() -> None:
    t = from_uri("cardsim://127.0.0.1:8111")
    assert (t.host, t.port) == ("127.0.0.1", 8111)
    with pytest.raises(ValueError):
        from_uri("com1")
