"""A card-terminal simulator: a local TCP peer speaking the JSON line protocol of
``docs/card-terminal-protocol.md``, with declines, late answers and lost answers on demand.

Used by the demo (``[card] terminal = "simulator"``) and the tests, and runnable on its own as
``posapp-admin terminal-simulator --port 8111`` (:func:`main`). It keeps an in-memory ledger of
every request by ``request_id`` (charged, declined, cancelled, net-cancelled), so a test can
assert that a timed-out approval was net-cancelled and that nobody was charged twice.

Fault knobs, each for the next new money-moving request (approve, cancel, cash receipt, cash
receipt cancel; a repeated ``request_id`` just gets its first answer again):
:meth:`~CardTerminalSimulator.decline_next`, :meth:`~CardTerminalSimulator.delay_next` (answer
late; or wait before charging, as a customer slow with the card),
:meth:`~CardTerminalSimulator.drop_next` (charge, then hang up without answering),
:meth:`~CardTerminalSimulator.garble_next`, :meth:`~CardTerminalSimulator.answer_unmasked_next`
(a broken terminal leaking a full card number); and
:meth:`~CardTerminalSimulator.decline_amount_over`,
:meth:`~CardTerminalSimulator.refuse_net_cancel_next`. Card numbers are random and fictitious;
only masked ones (first 6, last 4) leave the simulator, and only those are printed.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import json
import random
import re
import socket
import socketserver
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

KST = dt.timezone(dt.timedelta(hours=9), "KST")
MAX_LINE = 64 * 1024
IDLE_TIMEOUT = 30.0  # a connection that sends nothing for this long is closed

# (first 6 digits, issuer, acquirer): plausible Korean BINs; the rest of each number is random.
CARD_POOL: tuple[tuple[str, str, str], ...] = (
    ("941012", "신한카드", "신한카드"),
    ("536510", "KB국민카드", "KB국민카드"),
    ("451842", "현대카드", "현대카드"),
    ("356091", "삼성카드", "삼성카드"),
    ("943020", "BC카드(우리)", "BC카드"),
    ("467309", "롯데카드", "롯데카드"),
    ("461954", "하나카드", "하나카드"),
    ("552576", "NH농협카드", "NH농협카드"),
)
CHARGING_OPS = ("approve", "cancel", "cash_receipt", "cash_receipt_cancel")
FINAL_REFUSALS = ("declined", "insufficient_funds")  # remembered for the request_id
PURPOSES = ("income_deduction", "expense_proof")
_ORIGINAL_OP = {"cancel": "approve", "cash_receipt_cancel": "cash_receipt"}


@dataclass
class LedgerEntry:
    """What the terminal did with one ``request_id``.

    ``state``: ``charged`` (an approval or cash receipt in force; ``refunded`` won of it
    cancelled so far), ``cancelled`` (fully refunded), ``declined``, ``done`` (a cancel that
    went through) or ``net_cancelled`` (undone by 망취소 — or refused because the net-cancel
    came first). ``times_asked`` counts how often the request arrived."""

    request_id: str
    op: str
    amount: int
    state: str
    answer: dict[str, Any]
    approval_no: str = ""
    approved_at: dt.datetime | None = None
    refunded: int = 0
    original: str = ""  # a cancel's original request_id
    times_asked: int = 1
    fingerprint: tuple[Any, ...] = ()


@dataclass
class _Knobs:
    decline: list[tuple[str, str]] = field(default_factory=list)
    delay: list[tuple[float, bool]] = field(default_factory=list)
    drop: int = 0
    garble: int = 0
    unmasked: int = 0
    refuse_net_cancel: int = 0
    decline_over: int | None = None


@dataclass
class _Plan:
    """The knobs one request drew."""

    decline: tuple[str, str] | None = None
    wait_before: float = 0.0
    wait_after: float = 0.0
    drop: bool = False
    garble: bool = False
    unmasked: bool = False


class _BadRequest(Exception):
    pass


class _Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True
    block_on_close = False


class CardTerminalSimulator:
    """The simulator; ``start()`` listens on ``host:port`` (port 0: any free one, see ``.port``).

    ``on_event`` gets one line per request (from the serving threads): no card number beyond
    the masked one, no cash-receipt identity beyond the masked one."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        on_event: Callable[[str], None] | None = None,
        seed: int | None = None,
    ) -> None:
        self.host, self.port = host, port
        self.on_event = on_event
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._in_flight = 0
        self._ledger: dict[str, LedgerEntry] = {}
        self._voided: set[str] = set()  # net-cancelled before the request itself arrived
        self._knobs = _Knobs()
        self._server: _Server | None = None
        self._stopping = threading.Event()
        self._connections: set[socket.socket] = set()

    # --- lifecycle -----------------------------------------------------------------------

    def start(self) -> CardTerminalSimulator:
        if self._server is not None:
            return self
        sim = self

        class Handler(socketserver.StreamRequestHandler):
            timeout = IDLE_TIMEOUT

            def handle(self) -> None:
                sim._serve_connection(self.connection, self.rfile, self.wfile)

        self._stopping.clear()
        self._server = _Server((self.host, self.port), Handler)
        self.port = self._server.server_address[1]
        threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"card-simulator:{self.port}",
            daemon=True,
        ).start()
        return self

    def stop(self) -> None:
        """Stop listening, wake delayed answers and close open connections."""
        server, self._server = self._server, None
        if server is None:
            return
        self._stopping.set()
        server.shutdown()
        server.server_close()
        with self._lock:
            connections = list(self._connections)
        for conn in connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)

    def __enter__(self) -> CardTerminalSimulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- control knobs -------------------------------------------------------------------

    def decline_next(self, code: str = "declined", message: str = "승인 거절: 카드사 문의") -> None:
        """Refuse the next request with ``code`` (declined, insufficient_funds, card_removed,
        busy, ...) and ``message``; nothing is charged."""
        with self._lock:
            self._knobs.decline.append((code, message))

    def delay_next(self, seconds: float, *, before_charge: bool = False) -> None:
        """Answer the next request ``seconds`` late. By default the charge is made at once and
        only the answer is late (the classic lost answer); ``before_charge=True`` waits first,
        as a terminal waiting for the card, so a net-cancel may arrive before the charge."""
        with self._lock:
            self._knobs.delay.append((seconds, before_charge))

    def drop_next(self) -> None:
        """Record the next request's charge, then close the connection without answering."""
        with self._lock:
            self._knobs.drop += 1

    def garble_next(self) -> None:
        """Record the next request's charge, then answer a line that is not JSON."""
        with self._lock:
            self._knobs.garble += 1

    def answer_unmasked_next(self) -> None:
        """Misbehave: charge the next approval and answer its full (fictitious) card number."""
        with self._lock:
            self._knobs.unmasked += 1

    def decline_amount_over(self, amount: int | None) -> None:
        """Decline approvals above ``amount`` won (insufficient_funds); None lifts the limit."""
        with self._lock:
            self._knobs.decline_over = amount

    def refuse_net_cancel_next(self, times: int = 1) -> None:
        """Answer the next ``times`` net-cancels ``busy`` without undoing anything."""
        with self._lock:
            self._knobs.refuse_net_cancel += times

    # --- inspection ----------------------------------------------------------------------

    def charges(self) -> list[LedgerEntry]:
        """Card approvals in force (not declined, refunded in full or net-cancelled)."""
        with self._lock:
            return [
                _copy(e)
                for e in self._ledger.values()
                if e.op == "approve" and e.state == "charged"
            ]

    def cash_receipts(self) -> list[LedgerEntry]:
        """Cash receipts in force."""
        with self._lock:
            return [
                _copy(e)
                for e in self._ledger.values()
                if e.op == "cash_receipt" and e.state == "charged"
            ]

    def net_cancelled(self) -> list[str]:
        """The request_ids undone by a net-cancel, in the order they first arrived."""
        with self._lock:
            return [r for r, e in self._ledger.items() if e.state == "net_cancelled"]

    def entry(self, request_id: str) -> LedgerEntry | None:
        with self._lock:
            e = self._ledger.get(request_id)
            return _copy(e) if e is not None else None

    def ledger(self) -> list[LedgerEntry]:
        with self._lock:
            return [_copy(e) for e in self._ledger.values()]

    def wait_idle(self, timeout: float = 5.0) -> bool:
        """Wait until no request is being answered (delayed ones included)."""
        with self._idle:
            return self._idle.wait_for(lambda: self._in_flight == 0, timeout)

    # --- serving -------------------------------------------------------------------------

    def _serve_connection(self, conn: socket.socket, rfile: Any, wfile: Any) -> None:
        with self._lock:
            self._connections.add(conn)
        try:
            while not self._stopping.is_set():
                try:
                    raw = rfile.readline(MAX_LINE + 1)
                except OSError:
                    return
                if not raw:
                    return
                if not raw.endswith(b"\n") and len(raw) > MAX_LINE:
                    with contextlib.suppress(OSError):
                        wfile.write(_encode(_refuse("bad_request", "request line too long")))
                    return
                with self._lock:
                    self._in_flight += 1
                try:
                    out = self._serve_line(raw)
                finally:
                    with self._idle:
                        self._in_flight -= 1
                        self._idle.notify_all()
                if out is None:  # hang up without answering
                    return
                try:
                    wfile.write(out)
                    wfile.flush()
                except OSError:  # the till gave up waiting
                    return
        finally:
            with self._lock:
                self._connections.discard(conn)

    def _serve_line(self, raw: bytes) -> bytes | None:
        request: Any = None
        try:
            request = json.loads(raw.decode("utf-8"))
            if not isinstance(request, dict):
                raise _BadRequest("a request is a JSON object")
            answer, plan = self._answer(request)
        except (UnicodeDecodeError, ValueError):
            answer, plan = _refuse("bad_request", "요청이 JSON 한 줄이 아닙니다"), _Plan()
        except _BadRequest as exc:
            answer, plan = _refuse("bad_request", str(exc)), _Plan()
        self._event(request if isinstance(request, dict) else {}, answer, plan)
        if plan.wait_after:
            self._stopping.wait(plan.wait_after)
        if plan.drop:
            return None
        if plan.garble:
            return b"\x15NAK garbled \xff\xfe\n"
        return _encode(answer)

    def _answer(self, req: dict[str, Any]) -> tuple[dict[str, Any], _Plan]:
        if req.get("v") != 1:
            raise _BadRequest('unsupported protocol version (send "v": 1)')
        op = req.get("op")
        if op == "status":
            with self._lock:
                busy = self._in_flight - 1
            answer = {"ok": True, "v": 1, "result": "ready", "terminal": "simulator"}
            return answer | {"in_flight": busy}, _Plan()
        rid = req.get("request_id")
        if not isinstance(rid, str) or not 1 <= len(rid) <= 100:
            raise _BadRequest("request_id: a string of 1 to 100 characters")
        if op == "net_cancel":
            return self._net_cancel(rid), _Plan()
        if op not in CHARGING_OPS:
            raise _BadRequest(f"unknown op {op!r}")
        params = _validate(op, req)
        fingerprint = (op, *sorted(params.items()))
        with self._lock:
            replay = self._replay(rid, params["amount"], fingerprint)
            if replay is not None:
                return replay, _Plan()
            plan = self._draw(op)
        if plan.wait_before:
            self._stopping.wait(plan.wait_before)
        with self._lock:  # again: the net-cancel or a twin request may have come meanwhile
            replay = self._replay(rid, params["amount"], fingerprint)
            if replay is not None:
                return replay, _Plan()
            answer = self._decide(op, rid, params, fingerprint, plan)
        return answer, plan

    def _replay(self, rid: str, amount: int, fingerprint: tuple[Any, ...]) -> dict[str, Any] | None:
        """The answer for a request_id seen before (lock held), or None for a new one."""
        entry = self._ledger.get(rid)
        if entry is None and rid in self._voided:  # net-cancelled before it arrived
            self._voided.discard(rid)
            entry = LedgerEntry(
                rid,
                fingerprint[0],
                amount,
                "net_cancelled",
                {},
                times_asked=0,
                fingerprint=fingerprint,
            )
            self._ledger[rid] = entry
        if entry is None:
            return None
        entry.times_asked += 1
        if entry.fingerprint != fingerprint:
            return _refuse("bad_request", "이미 다른 요청에 쓴 request_id입니다")
        if entry.state == "net_cancelled":
            return _refuse("net_cancelled", "망취소된 요청입니다: 새 요청으로 다시 하세요")
        return dict(entry.answer)

    def _draw(self, op: str) -> _Plan:
        k, plan = self._knobs, _Plan()
        if k.delay:
            seconds, before = k.delay.pop(0)
            plan.wait_before, plan.wait_after = (seconds, 0.0) if before else (0.0, seconds)
        if k.decline:
            plan.decline = k.decline.pop(0)
            return plan
        if k.drop:
            k.drop, plan.drop = k.drop - 1, True
        elif k.garble:
            k.garble, plan.garble = k.garble - 1, True
        if op == "approve" and k.unmasked:
            k.unmasked, plan.unmasked = k.unmasked - 1, True
        return plan

    def _decide(
        self,
        op: str,
        rid: str,
        params: dict[str, Any],
        fingerprint: tuple[Any, ...],
        plan: _Plan,
    ) -> dict[str, Any]:
        """Charge, cancel or refuse (lock held); record what was done."""
        amount: int = params["amount"]
        refusal: tuple[str, str] | None = plan.decline
        over = self._knobs.decline_over
        if refusal is None and op == "approve" and over is not None and amount > over:
            refusal = ("insufficient_funds", "잔액 부족 또는 한도 초과")
        if refusal is None and op == "approve" and params["installment_months"]:
            if not 2 <= params["installment_months"] <= 36:
                refusal = ("bad_request", "할부는 2~36개월입니다")
            elif amount < 50_000:
                refusal = ("bad_request", "5만원 미만은 할부할 수 없습니다")
        if refusal is not None:
            answer = _refuse(*refusal)
            if refusal[0] in FINAL_REFUSALS:
                self._ledger[rid] = LedgerEntry(
                    rid, op, amount, "declined", answer, fingerprint=fingerprint
                )
            return answer
        now = dt.datetime.now(KST).replace(microsecond=0)
        approval_no = self._approval_no(9 if op.startswith("cash") else 8)
        if op in ("approve", "cash_receipt"):
            answer: dict[str, Any] = {
                "ok": True,
                "v": 1,
                "result": "approved",
                "request_id": rid,
                "approval_no": approval_no,
                "approved_at": now.isoformat(),
                "amount": amount,
                "transaction_id": f"SIM{now:%y%m%d}{self._rng.randrange(10**8):08d}",
            }
            if op == "approve":
                bin6, issuer, acquirer = self._rng.choice(CARD_POOL)
                last4 = f"{self._rng.randrange(10**4):04d}"
                middle = f"{self._rng.randrange(10**6):06d}"
                shown = (
                    f"{bin6[:4]}-{bin6[4:]}{middle[:2]}-{middle[2:]}-{last4}"
                    if plan.unmasked
                    else f"{bin6[:4]}-{bin6[4:]}**-****-{last4}"
                )
                answer |= {
                    "card_masked": shown,
                    "issuer": issuer,
                    "acquirer": acquirer,
                    "installment_months": params["installment_months"],
                }
            else:
                answer |= {
                    "identity_masked": _mask_identity(params["identity"]),
                    "purpose": params["purpose"],
                }
            self._ledger[rid] = LedgerEntry(
                rid, op, amount, "charged", answer, approval_no, now, fingerprint=fingerprint
            )
            return answer
        # cancel / cash_receipt_cancel: find the original by approval number and date
        original = next(
            (
                e
                for e in self._ledger.values()
                if e.op == _ORIGINAL_OP[op]
                and e.approval_no == params["approval_no"]
                and e.state in ("charged", "cancelled")
            ),
            None,
        )
        if original is None or original.approved_at is None:
            return _refuse("unknown_approval", "원거래를 찾을 수 없습니다 (승인번호 확인)")
        if original.approved_at.date() != params["approved_at"].astimezone(KST).date():
            return _refuse("unknown_approval", "원거래 승인일자가 다릅니다")
        remaining = original.amount - original.refunded
        if amount > remaining:
            return _refuse("bad_request", f"취소 가능 금액({remaining:,}원)을 넘습니다")
        original.refunded += amount
        if original.refunded == original.amount:
            original.state = "cancelled"
        answer = {
            "ok": True,
            "v": 1,
            "result": "cancelled",
            "request_id": rid,
            "approval_no": approval_no,
            "approved_at": now.isoformat(),
            "amount": amount,
            "original_approval_no": original.approval_no,
            "remaining": original.amount - original.refunded,
            "transaction_id": f"SIM{now:%y%m%d}{self._rng.randrange(10**8):08d}",
        }
        for key in ("card_masked", "issuer", "acquirer", "identity_masked", "purpose"):
            if key in original.answer:
                answer[key] = original.answer[key]
        if op == "cancel":
            answer["installment_months"] = original.answer.get("installment_months", 0)
        self._ledger[rid] = LedgerEntry(
            rid,
            op,
            amount,
            "done",
            answer,
            approval_no,
            now,
            original=original.request_id,
            fingerprint=fingerprint,
        )
        return answer

    def _net_cancel(self, rid: str) -> dict[str, Any]:
        with self._lock:
            if self._knobs.refuse_net_cancel:
                self._knobs.refuse_net_cancel -= 1
                return _refuse("busy", "단말기 사용 중: 잠시 후 다시")
            entry = self._ledger.get(rid)
            was = entry.state if entry is not None else "unknown"
            if entry is None:
                self._voided.add(rid)  # the request may still be on its way: refuse it then
            elif entry.state in ("charged", "cancelled", "done"):
                if entry.state == "done" and entry.original in self._ledger:  # undo a refund
                    original = self._ledger[entry.original]
                    original.refunded -= entry.amount
                    if original.state == "cancelled":
                        original.state = "charged"
                entry.state = "net_cancelled"
        return {"ok": True, "v": 1, "result": "net_cancelled", "request_id": rid, "was": was}

    def _approval_no(self, digits: int) -> str:
        taken = {e.approval_no for e in self._ledger.values()}
        while True:
            number = f"{self._rng.randrange(10 ** (digits - 1), 10**digits)}"
            if number not in taken:
                return number

    def _event(self, req: dict[str, Any], answer: dict[str, Any], plan: _Plan) -> None:
        if self.on_event is None:
            return
        op = str(req.get("op", "?"))
        parts = [f"{dt.datetime.now(KST):%H:%M:%S}", f"{op:<19}"]
        rid = req.get("request_id")
        if isinstance(rid, str):
            parts.append(rid[:8])
        amount = req.get("amount")
        if isinstance(amount, int):
            parts.append(f"{amount:>10,}원")
        if answer.get("ok"):
            parts.append(f"→ {answer.get('result')}")
            for key in ("approval_no", "card_masked", "identity_masked", "issuer", "was"):
                value = answer.get(key)
                if isinstance(value, str) and value:
                    parts.append(_printable(value))
        else:
            parts.append(f"→ {answer.get('code')}: {answer.get('message')}")
        if plan.wait_before or plan.wait_after:
            parts.append(f"(late by {plan.wait_before + plan.wait_after:g} s)")
        if plan.drop:
            parts.append("(connection dropped, no answer)")
        if plan.garble:
            parts.append("(answer garbled)")
        with contextlib.suppress(Exception):  # a broken event printer must not break the terminal
            self.on_event(" ".join(parts))


def _validate(op: str, req: dict[str, Any]) -> dict[str, Any]:
    """The parameters of a money-moving request, checked; _BadRequest otherwise."""
    amount = req.get("amount")
    if type(amount) is not int or not 0 < amount <= 100_000_000:
        raise _BadRequest("amount: whole won, 1 to 100,000,000")
    params: dict[str, Any] = {"amount": amount}
    if op == "approve":
        months = req.get("installment_months", 0)
        if type(months) is not int or months < 0:
            raise _BadRequest("installment_months: 0 (일시불) or 2 to 36")
        params["installment_months"] = months
    elif op == "cash_receipt":
        identity, purpose = req.get("identity"), req.get("purpose")
        digits = re.sub(r"-", "", identity) if isinstance(identity, str) else ""
        if not re.fullmatch(r"\d{10,19}", digits):
            raise _BadRequest("identity: a phone, cash-receipt card or business number")
        if purpose not in PURPOSES:
            raise _BadRequest(f"purpose: one of {', '.join(PURPOSES)}")
        params |= {"identity": digits, "purpose": purpose}
    else:
        approval_no, approved_at = req.get("approval_no"), req.get("approved_at")
        if not isinstance(approval_no, str) or not approval_no:
            raise _BadRequest("approval_no missing")
        try:
            at = dt.datetime.fromisoformat(str(approved_at))
        except ValueError:
            raise _BadRequest("approved_at: ISO-8601") from None
        params |= {
            "approval_no": approval_no,
            "approved_at": at if at.tzinfo else at.replace(tzinfo=KST),
        }
    return params


def _refuse(code: str, message: str) -> dict[str, Any]:
    return {"ok": False, "v": 1, "code": code, "message": message}


def _encode(answer: dict[str, Any]) -> bytes:
    return json.dumps(answer, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def _copy(entry: LedgerEntry) -> LedgerEntry:
    return dataclasses.replace(entry, answer=dict(entry.answer))


def _mask_identity(digits: str) -> str:
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def _printable(value: str) -> str:
    """Never print more than 10 digits of anything (a leaked card number, say)."""
    return value if len(re.sub(r"\D", "", value)) <= 10 else "[unmasked number withheld]"


def main(argv: Sequence[str] | None = None) -> int:
    """``posapp-admin terminal-simulator [--host 127.0.0.1] [--port 8111]``: serve until Ctrl-C."""
    parser = argparse.ArgumentParser(
        prog="posapp-admin terminal-simulator",
        description="Play a card terminal (JSON lines over TCP, docs/card-terminal-protocol.md).",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8111, help="TCP port (0: any free port)")
    parser.add_argument(
        "--decline-over", type=int, metavar="WON", help="decline approvals above this amount"
    )
    parser.add_argument("--seed", type=int, help="random seed (repeatable approval numbers)")
    args = parser.parse_args(argv)
    sim = CardTerminalSimulator(
        args.host, args.port, on_event=lambda line: print(line, flush=True), seed=args.seed
    )
    if args.decline_over is not None:
        sim.decline_amount_over(args.decline_over)
    try:
        sim.start()
    except OSError as exc:
        print(f"cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr, flush=True)
        return 2
    print(
        f"card terminal simulator on {args.host}:{sim.port} "
        f'([card] terminal = "cardsim://{args.host}:{sim.port}"; Ctrl-C stops)',
        flush=True,
    )
    try:
        while True:
            time.sleep(1.0)
    except KeyboardInterrupt:
        print("stopped", flush=True)
    finally:
        sim.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
