"""The card-terminal adapter against the real simulator on 127.0.0.1 (no mocks): approvals,
declines, late and lost answers that are net-cancelled (망취소), a terminal that is down,
idempotent request_ids, partial cancels, cash receipts and a terminal leaking a card number."""

from __future__ import annotations

import datetime as dt
import json
import re
import socket
import threading
import time
import uuid
from collections.abc import Iterator

import pytest

from posapp.hardware.card_terminal import TcpCardTerminal, from_uri
from posapp.hardware.ports import CardTerminal, HardwareError
from posapp_devtools.card_simulator import CardTerminalSimulator
from posapp_devtools.card_simulator.cli import main

MASKED = re.compile(r"^\d{4}-\d{2}\*\*-\*\*\*\*-\d{4}$")


@pytest.fixture
def sim() -> Iterator[CardTerminalSimulator]:
    with CardTerminalSimulator(seed=7) as s:
        yield s


@pytest.fixture
def term(sim: CardTerminalSimulator) -> TcpCardTerminal:
    return TcpCardTerminal(
        "127.0.0.1",
        sim.port,
        connect_timeout=0.5,
        answer_timeout=0.3,
        net_cancel_timeout=0.5,
        net_cancel_backoff=0.01,
    )


def rid() -> str:
    return str(uuid.uuid4())


def refused(fn: object, *args: object, **kwargs: object) -> HardwareError:
    with pytest.raises(HardwareError) as err:
        fn(*args, **kwargs)  # type: ignore[operator]
    return err.value


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# --- approvals --------------------------------------------------------------------------------


def test_approval_fields(sim: CardTerminalSimulator, term: TcpCardTerminal) -> None:
    port: CardTerminal = term  # structurally the port (checked by type checkers)
    request = rid()
    a = port.approve(12_900, request_id=request, timeout=0.3)
    assert a.amount == 12_900 and a.installment_months == 0
    assert re.fullmatch(r"\d{8}", a.approval_no)
    assert MASKED.match(a.card_masked), a.card_masked
    assert a.issuer.endswith("카드") and a.acquirer and a.transaction_id
    assert a.approved_at.tzinfo is not None
    assert abs(a.approved_at - dt.datetime.now(dt.UTC)) < dt.timedelta(seconds=5)
    (charge,) = sim.charges()
    assert (charge.request_id, charge.amount, charge.times_asked) == (request, 12_900, 1)
    assert term.status()["result"] == "ready"


def test_installments(sim: CardTerminalSimulator, term: TcpCardTerminal) -> None:
    a = term.approve(60_000, installment_months=3, request_id=rid(), timeout=0.3)
    assert a.installment_months == 3
    err = refused(term.approve, 30_000, installment_months=3, request_id=rid(), timeout=0.3)
    assert err.code == "card.bad_request" and "5만원" in str(err) and not err.retryable
    assert len(sim.charges()) == 1


def test_decline_charges_nothing(sim: CardTerminalSimulator, term: TcpCardTerminal) -> None:
    sim.decline_next("declined", "거래 정지 카드입니다")
    err = refused(term.approve, 50_000, request_id=rid(), timeout=0.3)
    assert err.code == "card.declined" and "거래 정지" in str(err) and not err.retryable
    sim.decline_amount_over(100_000)
    err = refused(term.approve, 150_000, request_id=rid(), timeout=0.3)
    assert err.code == "card.insufficient_funds" and not err.retryable
    sim.decline_next("card_removed", "카드가 제거되었습니다")
    err = refused(term.approve, 5_000, request_id=rid(), timeout=0.3)
    assert err.code == "card.card_removed" and err.retryable  # put the card back, try again
    assert sim.charges() == [] and sim.net_cancelled() == []


def test_invalid_requests_never_leave_the_till(
    sim: CardTerminalSimulator, term: TcpCardTerminal
) -> None:
    for amount in (0, -100, 12.5, True):
        assert refused(term.approve, amount, request_id=rid()).code == "card.bad_request"
    assert refused(term.approve, 1_000, request_id="").code == "card.bad_request"
    assert sim.ledger() == []


# --- answers that never come: net-cancel -----------------------------------------------------


def test_a_late_answer_is_net_cancelled(sim: CardTerminalSimulator, term: TcpCardTerminal) -> None:
    sim.delay_next(1.0)  # charged at once, answered a second later
    request = rid()
    start = time.monotonic()
    err = refused(term.approve, 12_900, request_id=request, timeout=0.3)
    assert err.code == "card.timeout" and err.retryable and err.data["request_id"] == request
    assert time.monotonic() - start < 0.9  # the answer timeout bounds the wait
    assert sim.net_cancelled() == [request] and sim.charges() == []
    assert sim.entry(request).state == "net_cancelled"  # type: ignore[union-attr]


def test_a_net_cancel_that_overtakes_the_charge(
    sim: CardTerminalSimulator, term: TcpCardTerminal
) -> None:
    sim.delay_next(0.6, before_charge=True)  # the terminal still waits for the card
    request = rid()
    assert refused(term.approve, 9_000, request_id=request, timeout=0.2).code == "card.timeout"
    assert sim.wait_idle(2)  # the late request reached the terminal after its net-cancel
    assert sim.charges() == [] and sim.net_cancelled() == [request]
    # the till retrying the same request_id is told so, and charged nothing
    assert refused(term.approve, 9_000, request_id=request).code == "card.net_cancelled"
    assert sim.charges() == []


def test_a_dropped_answer_is_net_cancelled(
    sim: CardTerminalSimulator, term: TcpCardTerminal
) -> None:
    sim.drop_next()  # charged, then the connection closes without an answer
    request = rid()
    err = refused(term.approve, 9_900, request_id=request, timeout=0.3)
    assert err.code == "card.timeout"
    assert sim.net_cancelled() == [request] and sim.charges() == []


def test_a_garbled_answer_is_net_cancelled(
    sim: CardTerminalSimulator, term: TcpCardTerminal
) -> None:
    sim.garble_next()
    request = rid()
    err = refused(term.approve, 4_500, request_id=request, timeout=0.3)
    assert err.code == "card.protocol" and not err.retryable
    assert sim.net_cancelled() == [request] and sim.charges() == []


def test_the_net_cancel_is_retried(sim: CardTerminalSimulator, term: TcpCardTerminal) -> None:
    sim.drop_next()
    sim.refuse_net_cancel_next(2)  # busy twice, then it goes through
    request = rid()
    assert refused(term.approve, 7_000, request_id=request, timeout=0.3).code == "card.timeout"
    assert sim.net_cancelled() == [request] and sim.charges() == []


def test_a_failed_net_cancel_says_check_the_terminal(
    sim: CardTerminalSimulator, term: TcpCardTerminal
) -> None:
    sim.drop_next()
    sim.refuse_net_cancel_next(99)
    request = rid()
    err = refused(term.approve, 7_000, request_id=request, timeout=0.3)
    assert err.code == "card.net_cancel_failed" and not err.retryable
    assert err.data["request_id"] == request and err.data["cause"] == "card.timeout"
    assert "확인" in str(err)
    assert [c.request_id for c in sim.charges()] == [request]  # truthfully: maybe charged


def test_terminal_down_is_quick_and_clear() -> None:
    start = time.monotonic()
    err = refused(TcpCardTerminal("127.0.0.1", free_port()).approve, 1_000, request_id=rid())
    assert err.code == "card.unavailable" and err.retryable
    assert time.monotonic() - start < 1


def test_a_cancel_that_times_out_is_undone(
    sim: CardTerminalSimulator, term: TcpCardTerminal
) -> None:
    a = term.approve(20_000, request_id=rid(), timeout=0.3)
    sim.delay_next(1.0)
    refund = rid()
    err = refused(term.cancel, a.approval_no, a.approved_at, 20_000, request_id=refund)
    assert err.code == "card.timeout"
    assert sim.net_cancelled() == [refund]
    (charge,) = sim.charges()  # the refund was undone: still charged, nothing refunded
    assert charge.refunded == 0


# --- idempotency -----------------------------------------------------------------------------


def test_repeating_a_request_charges_once(
    sim: CardTerminalSimulator, term: TcpCardTerminal
) -> None:
    request = rid()
    a = term.approve(3_000, request_id=request, timeout=0.3)
    b = term.approve(3_000, request_id=request, timeout=0.3)
    assert a == b
    (charge,) = sim.charges()
    assert charge.times_asked == 2
    err = refused(term.approve, 4_000, request_id=request)  # the same id for another sale
    assert err.code == "card.bad_request" and len(sim.charges()) == 1


def test_concurrent_twins_charge_once(sim: CardTerminalSimulator, term: TcpCardTerminal) -> None:
    request, answers = rid(), []
    sim.delay_next(0.1, before_charge=True)

    def pay() -> None:
        answers.append(term.approve(8_800, request_id=request, timeout=2))

    threads = [threading.Thread(target=pay) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(5)
    assert len(answers) == 5 and len({a.approval_no for a in answers}) == 1
    assert len(sim.charges()) == 1


def test_net_cancel_is_idempotent(sim: CardTerminalSimulator, term: TcpCardTerminal) -> None:
    term.net_cancel(rid())  # unknown: fine
    request = rid()
    term.approve(2_000, request_id=request, timeout=0.3)
    term.net_cancel(request)
    term.net_cancel(request)
    assert sim.net_cancelled() == [request] and sim.charges() == []


# --- cancels and cash receipts ---------------------------------------------------------------


def test_partial_and_full_cancel(sim: CardTerminalSimulator, term: TcpCardTerminal) -> None:
    a = term.approve(20_000, request_id=rid(), timeout=0.3)
    c = term.cancel(a.approval_no, a.approved_at, 5_000, request_id=rid())
    assert c.amount == 5_000 and c.card_masked == a.card_masked and c.issuer == a.issuer
    assert c.approval_no != a.approval_no and c.approved_at.tzinfo is not None
    (charge,) = sim.charges()
    assert charge.refunded == 5_000
    over = refused(term.cancel, a.approval_no, a.approved_at, 15_001, request_id=rid())
    assert over.code == "card.bad_request" and "15,000" in str(over)
    term.cancel(a.approval_no, a.approved_at, 15_000, request_id=rid())
    assert sim.charges() == []
    unknown = refused(term.cancel, "00000000", a.approved_at, 1_000, request_id=rid())
    assert unknown.code == "card.unknown_approval" and not unknown.retryable
    b = term.approve(1_000, request_id=rid(), timeout=0.3)
    yesterday = b.approved_at - dt.timedelta(days=1)
    err = refused(term.cancel, b.approval_no, yesterday, 1_000, request_id=rid())
    assert err.code == "card.unknown_approval"


def test_cash_receipt_issue_and_cancel(sim: CardTerminalSimulator, term: TcpCardTerminal) -> None:
    r = term.issue_cash_receipt(12_000, "010-1234-5678", "income_deduction", request_id=rid())
    assert r.identity_masked == "010****5678" and r.amount == 12_000
    assert re.fullmatch(r"\d{9}", r.approval_no) and r.approved_at.tzinfo is not None
    assert len(sim.cash_receipts()) == 1
    back = term.cancel_cash_receipt(r.approval_no, r.approved_at, 12_000, request_id=rid())
    assert back.amount == 12_000 and back.identity_masked == r.identity_masked
    assert sim.cash_receipts() == [] and sim.charges() == []
    err = refused(term.issue_cash_receipt, 1_000, "1234567890", "gift", request_id=rid())
    assert err.code == "card.bad_request"
    b = term.issue_cash_receipt(33_000, "1234567890", "expense_proof", request_id=rid())
    assert b.identity_masked == "123***7890"


# --- a misbehaving terminal ------------------------------------------------------------------


def test_an_unmasked_card_number_is_refused_and_undone(
    sim: CardTerminalSimulator, term: TcpCardTerminal, caplog: pytest.LogCaptureFixture
) -> None:
    sim.answer_unmasked_next()
    request = rid()
    err = refused(term.approve, 1_000, request_id=request, timeout=0.3)
    assert err.code == "card.unmasked" and not err.retryable
    leaked = sim.entry(request).answer["card_masked"]  # type: ignore[union-attr]
    assert len(re.sub(r"\D", "", leaked)) == 16
    assert sim.net_cancelled() == [request] and sim.charges() == []  # nobody pays for it
    assert leaked not in str(err) and leaked not in caplog.text
    assert re.sub(r"\D", "", leaked) not in caplog.text


def test_the_simulator_answers_nonsense_with_bad_request(sim: CardTerminalSimulator) -> None:
    def ask(line: bytes) -> dict[str, object]:
        with socket.create_connection(("127.0.0.1", sim.port), timeout=1) as s:
            s.sendall(line)
            answer: dict[str, object] = json.loads(s.makefile("rb").readline())
            return answer

    for line in (b"hello\n", b'{"op":"status"}\n', b'{"v":1,"op":"refund_all"}\n', b"[1]\n"):
        answer = ask(line)
        assert answer["ok"] is False and answer["code"] == "bad_request", line
    assert ask(b'{"v":1,"op":"status"}\n')["result"] == "ready"
    assert sim.ledger() == []


# --- configuration and the command line -----------------------------------------------------


def test_uri() -> None:
    t = from_uri("cardsim://127.0.0.1:8111")
    assert (t.host, t.port, t.connect_timeout) == ("127.0.0.1", 8111, 3.0)
    t = from_uri("tcp://van-agent.local:9000?connect_timeout=1.5&answer_timeout=20")
    assert (t.host, t.port, t.connect_timeout, t.answer_timeout) == (
        "van-agent.local",
        9000,
        1.5,
        20.0,
    )
    for bad in ("com1", "cardsim://127.0.0.1", "http://x:1", "cardsim://h:1?speed=9"):
        with pytest.raises(ValueError):
            from_uri(bad)


def test_simulator_cli_reports_a_busy_port(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        assert main(["--port", str(taken.getsockname()[1])]) == 2
    assert "cannot listen" in capsys.readouterr().err


def test_simulator_events_show_only_masked_numbers() -> None:
    lines: list[str] = []
    with CardTerminalSimulator(on_event=lines.append) as loud:
        t = TcpCardTerminal("127.0.0.1", loud.port, net_cancel_backoff=0.01)
        t.approve(12_900, request_id=rid(), timeout=0.5)
        t.issue_cash_receipt(5_000, "01099998888", "income_deduction", request_id=rid())
        loud.answer_unmasked_next()
        refused(t.approve, 1_000, request_id=rid(), timeout=0.5)
    text = "\n".join(lines)
    assert len(lines) == 4 and "12,900원" in text and "→ approved" in text
    assert "01099998888" not in text and "010****8888" in text
    assert "withheld" in text
    assert not re.search(r"\d{4}-?\d{4}-?\d{4}-?\d{4}", text)


# --- the tax split (공급가액/부가세/면세금액/봉사료) ---------------------------------------------


def test_the_tax_split_travels_with_an_approval_and_its_cancel(
    term: TcpCardTerminal, sim: CardTerminalSimulator
) -> None:
    from posapp.domain.tax_parts import TaxParts

    tax = TaxParts(7_727, 773, 12_900)
    a = term.approve(21_400, request_id=rid(), tax=tax)
    assert a.amount == 21_400
    c = term.cancel(a.approval_no, a.approved_at, 21_400, request_id=rid(), tax=tax)
    assert c.amount == 21_400


def test_a_tax_split_that_does_not_add_up_is_never_sent(
    term: TcpCardTerminal, sim: CardTerminalSimulator
) -> None:
    from posapp.domain.tax_parts import TaxParts

    err = refused(term.approve, 21_400, request_id=rid(), tax=TaxParts(7_727, 773, 12_000))
    assert err.code == "card.bad_request"
    assert sim.ledger() == []


def test_the_simulator_refuses_half_a_tax_split(sim: CardTerminalSimulator) -> None:
    line = {"v": 1, "op": "approve", "request_id": rid(), "amount": 1_000, "vat": 91}
    with socket.create_connection(("127.0.0.1", sim.port), timeout=2) as s:
        s.sendall(json.dumps(line).encode() + b"\n")
        answer = json.loads(s.makefile().readline())
    assert answer["ok"] is False and answer["code"] == "bad_request"


def test_an_electronic_voucher_is_approved_with_its_kind_said_back(
    term: TcpCardTerminal, sim: CardTerminalSimulator
) -> None:
    """``voucher_kind`` on ``approve`` (docs/card-terminal-protocol.md): the simulator answers
    it back, refuses an unknown kind and a voucher in instalments; the adapter refuses both
    before sending."""
    a = term.approve(20_000, request_id=rid(), voucher_kind="onnuri_mobile")
    assert a.amount == 20_000 and a.approval_no
    cancelled = term.cancel(a.approval_no, a.approved_at, 20_000, request_id=rid())
    assert cancelled.amount == 20_000
    for kwargs in (
        {"voucher_kind": "onnuri"},
        {"voucher_kind": "local_mobile", "installment_months": 3},
    ):
        err = refused(term.approve, 60_000, request_id=rid(), **kwargs)
        assert err.code == "card.bad_request"
    with socket.create_connection(("127.0.0.1", sim.port), timeout=2) as s:
        req = {
            "v": 1,
            "op": "approve",
            "request_id": rid(),
            "amount": 5_000,
            "voucher_kind": "zeropay",
        }
        s.sendall(json.dumps(req).encode() + b"\n")
        answer = json.loads(s.makefile().readline())
    assert answer["ok"] is False and answer["code"] == "bad_request"


def test_a_cancel_names_the_original_day_in_kst() -> None:
    """An approval at 05:00 KST on 3 December is 20:00 UTC on the 2nd: the cancel must say the 3rd."""
    from tests.support.fake_terminal import FakeTerminal

    fake = FakeTerminal().start()
    term = from_uri(fake.uri)
    at = dt.datetime(2026, 12, 2, 20, 0, tzinfo=dt.UTC)
    with pytest.raises(HardwareError):  # the fake has no such approval: unknown_approval
        term.cancel("12345678", at, 5000, request_id=uuid.uuid4().hex)
    (sent,) = fake.of("cancel")
    assert sent["approved_at"] == "2026-12-03T05:00:00+09:00"
    fake.down()
