"""The card-terminal simulator: a threaded TCP server answering the JSON line protocol from an
in-memory ledger, with fault knobs (declines, late, lost and garbled answers) for tests."""

from __future__ import annotations

import contextlib
import json
import random
import socket
import socketserver
import threading
from collections.abc import Callable
from typing import Any

from posapp.domain import calendar
from posapp_devtools.card_simulator.protocol import (
    CARD_POOL,
    CHARGING_OPS,
    FINAL_REFUSALS,
    IDLE_TIMEOUT,
    MAX_LINE,
    ORIGINAL_OP,
    BadRequest,
    Knobs,
    LedgerEntry,
    Plan,
    copy_entry,
    encode,
    mask_identity,
    printable,
    refuse,
    validate,
)


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
        self._knobs = Knobs()
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
                copy_entry(e)
                for e in self._ledger.values()
                if e.op == "approve" and e.state == "charged"
            ]

    def cash_receipts(self) -> list[LedgerEntry]:
        """Cash receipts in force."""
        with self._lock:
            return [
                copy_entry(e)
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
            return copy_entry(e) if e is not None else None

    def ledger(self) -> list[LedgerEntry]:
        with self._lock:
            return [copy_entry(e) for e in self._ledger.values()]

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
                        wfile.write(encode(refuse("bad_request", "request line too long")))
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
                raise BadRequest("a request is a JSON object")
            answer, plan = self._answer(request)
        except (UnicodeDecodeError, ValueError):
            answer, plan = refuse("bad_request", "요청이 JSON 한 줄이 아닙니다"), Plan()
        except BadRequest as exc:
            answer, plan = refuse("bad_request", str(exc)), Plan()
        self._event(request if isinstance(request, dict) else {}, answer, plan)
        if plan.wait_after:
            self._stopping.wait(plan.wait_after)
        if plan.drop:
            return None
        if plan.garble:
            return b"\x15NAK garbled \xff\xfe\n"
        return encode(answer)

    def _answer(self, req: dict[str, Any]) -> tuple[dict[str, Any], Plan]:
        if req.get("v") != 1:
            raise BadRequest('unsupported protocol version (send "v": 1)')
        op = req.get("op")
        if op == "status":
            with self._lock:
                busy = self._in_flight - 1
            answer = {"ok": True, "v": 1, "result": "ready", "terminal": "simulator"}
            return answer | {"in_flight": busy}, Plan()
        rid = req.get("request_id")
        if not isinstance(rid, str) or not 1 <= len(rid) <= 100:
            raise BadRequest("request_id: a string of 1 to 100 characters")
        if op == "net_cancel":
            return self._net_cancel(rid), Plan()
        if op not in CHARGING_OPS:
            raise BadRequest(f"unknown op {op!r}")
        params = validate(op, req)
        fingerprint = (op, *sorted(params.items()))
        with self._lock:
            replay = self._replay(rid, params["amount"], fingerprint)
            if replay is not None:
                return replay, Plan()
            plan = self._draw(op)
        if plan.wait_before:
            self._stopping.wait(plan.wait_before)
        with self._lock:  # again: the net-cancel or a twin request may have come meanwhile
            replay = self._replay(rid, params["amount"], fingerprint)
            if replay is not None:
                return replay, Plan()
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
            return refuse("bad_request", "이미 다른 요청에 쓴 request_id입니다")
        if entry.state == "net_cancelled":
            return refuse("net_cancelled", "망취소된 요청입니다: 새 요청으로 다시 하세요")
        return dict(entry.answer)

    def _draw(self, op: str) -> Plan:
        k, plan = self._knobs, Plan()
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
        plan: Plan,
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
            refused = refuse(*refusal)
            if refusal[0] in FINAL_REFUSALS:
                self._ledger[rid] = LedgerEntry(
                    rid, op, amount, "declined", refused, fingerprint=fingerprint
                )
            return refused
        now = calendar.now_local().replace(microsecond=0)
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
                    # the store's 가맹점번호 at that acquirer (fictitious, stable per acquirer)
                    "merchant_no": f"{sum(map(ord, acquirer)) % 10**9:09d}",
                }
                if "voucher_kind" in params:
                    answer["voucher_kind"] = params["voucher_kind"]
            else:
                answer |= {
                    "identity_masked": mask_identity(params["identity"]),
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
                if e.op == ORIGINAL_OP[op]
                and e.approval_no == params["approval_no"]
                and e.state in ("charged", "cancelled")
            ),
            None,
        )
        if original is None or original.approved_at is None:
            return refuse("unknown_approval", "원거래를 찾을 수 없습니다 (승인번호 확인)")
        if original.approved_at.date() != calendar.business_day(params["approved_at"]):
            return refuse("unknown_approval", "원거래 승인일자가 다릅니다")
        remaining = original.amount - original.refunded
        if amount > remaining:
            return refuse("bad_request", f"취소 가능 금액({remaining:,}원)을 넘습니다")
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
                return refuse("busy", "단말기 사용 중: 잠시 후 다시")
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

    def _event(self, req: dict[str, Any], answer: dict[str, Any], plan: Plan) -> None:
        if self.on_event is None:
            return
        op = str(req.get("op", "?"))
        parts = [f"{calendar.now_local():%H:%M:%S}", f"{op:<19}"]
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
                    parts.append(printable(value))
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
