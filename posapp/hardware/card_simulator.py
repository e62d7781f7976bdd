"""A card-terminal simulator: a local TCP peer speaking the JSON protocol of
docs/card-terminal-protocol.md, with declines, late answers and lost answers on demand.

Used by the demo (``[card] terminal = "simulator"``) and the tests, and runnable on its own with
``posapp-admin terminal-simulator --port 8111``. It keeps a ledger of what was charged, so a test
can assert that a timed-out approval was net-cancelled and nobody was charged twice.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import socketserver
import threading
import time
from dataclasses import dataclass, field
from typing import Any

ISSUERS = (("9410", "신한카드"), ("5365", "KB국민카드"), ("4518", "현대카드"), ("3560", "삼성카드"))


@dataclass
class Charge:
    request_id: str
    op: str
    amount: int
    answer: dict[str, Any]
    state: str = "charged"  # charged | cancelled | net_cancelled


@dataclass
class _Knobs:
    decline: list[tuple[str, str]] = field(default_factory=list)
    delay: list[float] = field(default_factory=list)
    drop: int = 0
    unmasked: int = 0
    decline_over: int | None = None


class CardTerminalSimulator:
    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.host, self.port = host, port
        self._ledger: dict[str, Charge] = {}
        self._net_cancel_ids: set[str] = set()
        self._lock = threading.Lock()
        self._knobs = _Knobs()
        self._server: socketserver.ThreadingTCPServer | None = None
        self._rng = random.Random()
        self.log: list[str] = []

    # --- control knobs -------------------------------------------------------------------

    def decline_next(self, code: str = "declined", message: str = "승인 거절") -> None:
        self._knobs.decline.append((code, message))

    def delay_next(self, seconds: float) -> None:
        self._knobs.delay.append(seconds)

    def drop_next(self) -> None:
        """Record the charge, then close the connection without answering."""
        self._knobs.drop += 1

    def answer_unmasked_next(self) -> None:
        self._knobs.unmasked += 1

    def decline_amount_over(self, amount: int | None) -> None:
        self._knobs.decline_over = amount

    def charges(self) -> list[Charge]:
        with self._lock:
            return [c for c in self._ledger.values() if c.state == "charged"]

    def net_cancelled(self) -> list[str]:
        with self._lock:
            return [r for r, c in self._ledger.items() if c.state == "net_cancelled"]

    # --- server ---------------------------------------------------------------------------

    def start(self) -> CardTerminalSimulator:
        sim = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                self.connection.settimeout(30)
                for raw in self.rfile:
                    try:
                        request = json.loads(raw.decode("utf-8"))
                        answer = sim._answer(request)
                    except (ValueError, KeyError, TypeError) as exc:
                        answer = {"ok": False, "code": "bad_request", "message": str(exc)}
                    if answer is None:  # dropped on purpose
                        return
                    self.wfile.write(json.dumps(answer, ensure_ascii=False).encode() + b"\n")
                    self.wfile.flush()

        socketserver.ThreadingTCPServer.allow_reuse_address = True
        self._server = socketserver.ThreadingTCPServer((self.host, self.port), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> CardTerminalSimulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- protocol -------------------------------------------------------------------------

    def _answer(self, req: dict[str, Any]) -> dict[str, Any] | None:
        op = req["op"]
        if op == "status":
            return {"ok": True, "result": "ready"}
        rid = str(req["request_id"])
        self.log.append(f"{op} {rid} {req.get('amount', '')}")
        if op == "net_cancel":
            with self._lock:
                # also for a request still in flight: when it completes, it is undone at once
                self._net_cancel_ids.add(rid)
                charge = self._ledger.get(rid)
                if charge is not None and charge.state == "charged":
                    charge.state = "net_cancelled"
            return {"ok": True, "result": "net_cancelled"}
        with self._lock:
            if rid in self._ledger:  # idempotent: the same answer, never a second charge
                return self._ledger[rid].answer
        if self._knobs.delay:
            time.sleep(self._knobs.delay.pop(0))
        amount = int(req.get("amount", 0))
        if amount <= 0:
            return {"ok": False, "code": "bad_request", "message": "amount must be positive"}
        if self._knobs.decline:
            code, message = self._knobs.decline.pop(0)
            return {"ok": False, "code": code, "message": message}
        if self._knobs.decline_over is not None and amount > self._knobs.decline_over:
            return {"ok": False, "code": "insufficient_funds", "message": "한도 초과"}
        now = dt.datetime.now(dt.UTC).isoformat()
        if op in ("approve", "cash_receipt"):
            bin_, issuer = self._rng.choice(ISSUERS)
            masked = (
                f"{bin_}-{self._rng.randrange(10, 99)}**-****-{self._rng.randrange(1000, 9999)}"
            )
            if self._knobs.unmasked:
                self._knobs.unmasked -= 1
                masked = f"{bin_}1234567890{self._rng.randrange(10, 99)}"
            answer = {
                "ok": True,
                "result": "approved",
                "approval_no": f"{self._rng.randrange(10**7, 10**8)}",
                "approved_at": now,
                "amount": amount,
                "card_masked": masked if op == "approve" else "",
                "identity_masked": _mask(str(req.get("identity", ""))),
                "issuer": issuer if op == "approve" else "",
                "acquirer": issuer,
                "installment_months": int(req.get("installment_months", 0)),
                "transaction_id": rid,
            }
        elif op in ("cancel", "cash_receipt_cancel"):
            with self._lock:
                original = next(
                    (
                        c
                        for c in self._ledger.values()
                        if c.answer.get("approval_no") == req.get("approval_no")
                    ),
                    None,
                )
            if original is None:
                return {"ok": False, "code": "unknown_approval", "message": "원거래 없음"}
            original.state = "cancelled" if amount >= original.amount else original.state
            answer = {
                "ok": True,
                "result": "cancelled",
                "approval_no": f"{self._rng.randrange(10**7, 10**8)}",
                "approved_at": now,
                "amount": amount,
                "card_masked": original.answer.get("card_masked", ""),
                "identity_masked": original.answer.get("identity_masked", ""),
                "issuer": original.answer.get("issuer", ""),
                "transaction_id": rid,
            }
        else:
            return {"ok": False, "code": "bad_request", "message": f"unknown op {op!r}"}
        with self._lock:
            charge = Charge(rid, op, amount, answer)
            if rid in self._net_cancel_ids:
                charge.state = "net_cancelled"
            self._ledger[rid] = charge
        if self._knobs.drop:
            self._knobs.drop -= 1
            return None
        return answer


def _mask(identity: str) -> str:
    digits = "".join(c for c in identity if c.isdigit())
    return digits[:3] + "*" * max(0, len(digits) - 7) + digits[-4:] if len(digits) > 7 else ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="posapp-admin terminal-simulator", description=__doc__)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8111)
    args = ap.parse_args(argv)
    sim = CardTerminalSimulator(args.host, args.port).start()
    print(f"card terminal simulator on {args.host}:{sim.port} (Ctrl-C stops)", flush=True)
    seen = 0
    try:
        while True:
            time.sleep(0.2)
            for line in sim.log[seen:]:
                print(line, flush=True)
            seen = len(sim.log)
    except KeyboardInterrupt:
        sim.stop()
    return 0
