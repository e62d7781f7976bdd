"""A bare card terminal for the tests, written from docs/card-terminal-protocol.md alone: a TCP
peer on 127.0.0.1 that answers one newline-delimited JSON request per connection and records
every request it was sent (``requests``), so a test can say exactly what reached the terminal.

It keeps a ledger like a terminal would (approvals, cancels against them, net-cancels) and
has a few switches: ``down()`` (connections refused), ``refuse(op, code, message)`` (the next
request of ``op`` is refused), ``no_partial`` (a cancel for less than what is left is refused).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import json
import socket
import threading
from dataclasses import dataclass, field
from typing import Any

KST = dt.timezone(dt.timedelta(hours=9))


@dataclass
class Charge:
    request_id: str
    approval_no: str
    approved_at: dt.datetime
    amount: int
    refunded: int = 0
    cash_receipt: bool = False
    undone: bool = False


@dataclass
class FakeTerminal:
    requests: list[dict[str, Any]] = field(default_factory=list)
    charges: dict[str, Charge] = field(default_factory=dict)  # by approval_no
    by_request: dict[str, tuple[str, Any]] = field(default_factory=dict)
    refusals: dict[str, tuple[str, str]] = field(default_factory=dict)
    no_partial: bool = False
    issuer: str = "신한카드"
    acquirer: str = "BC카드"
    #: answer an electronic voucher's ``voucher_kind`` back (False: a peer that does not)
    echo_voucher_kind: bool = True

    def __post_init__(self) -> None:
        self._numbers = itertools.count(30_000_001)
        self._lock = threading.Lock()
        self._sock: socket.socket | None = None
        self.port = 0
        self._thread: threading.Thread | None = None

    # --- switches ------------------------------------------------------------------------

    def start(self, port: int = 0) -> FakeTerminal:
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))
        sock.listen(8)
        self._sock = sock
        self.port = sock.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, args=(sock,), daemon=True)
        self._thread.start()
        return self

    def down(self) -> None:
        """Stop listening: connections are refused (the port stays known for ``up``)."""
        if self._sock is not None:
            with contextlib.suppress(OSError):  # shutdown wakes the accept() of the server
                self._sock.shutdown(socket.SHUT_RDWR)
            self._sock.close()
            self._sock = None
        if self._thread is not None:
            self._thread.join(2)

    def up(self) -> None:
        self.start(self.port)

    def refuse(self, op: str, code: str = "declined", message: str = "거절") -> None:
        self.refusals[op] = (code, message)

    @property
    def uri(self) -> str:
        return f"tcp://127.0.0.1:{self.port}?connect_timeout=0.5&answer_timeout=2"

    def ops(self) -> list[str]:
        return [str(r.get("op")) for r in self.requests]

    def of(self, op: str) -> list[dict[str, Any]]:
        return [r for r in self.requests if r.get("op") == op]

    # --- the protocol --------------------------------------------------------------------

    def _serve(self, sock: socket.socket) -> None:
        while True:
            try:
                conn, _ = sock.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(2)
                buf = b""
                try:
                    while b"\n" not in buf:
                        chunk = conn.recv(4096)
                        if not chunk:
                            break
                        buf += chunk
                    request = json.loads(buf.split(b"\n", 1)[0])
                    answer = self._answer(request)
                    conn.sendall(json.dumps(answer, ensure_ascii=False).encode() + b"\n")
                except (OSError, ValueError):
                    continue

    def _answer(self, r: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            self.requests.append(r)
            op = str(r.get("op"))
            if r.get("v") != 1:
                return _fail("bad_request", "version")
            if op in self.refusals:
                code, message = self.refusals.pop(op)
                return _fail(code, message)
            if op == "status":
                return {"ok": True, "v": 1, "result": "ready"}
            rid = str(r.get("request_id"))
            if op == "net_cancel":
                done = self.by_request.get(rid)
                if done is not None:
                    kind, what = done
                    if kind == "charge":
                        what.undone = True
                    elif kind == "cancel":
                        orig, amount = what
                        self.charges[orig].refunded -= amount
                    self.by_request[rid] = ("undone", None)
                return {"ok": True, "v": 1, "result": "net_cancelled", "request_id": rid}
            now = dt.datetime.now(KST).replace(microsecond=0)
            number = str(next(self._numbers))
            if op in ("approve", "cash_receipt"):
                cash = op == "cash_receipt"
                c = Charge(rid, ("1" + number) if cash else number, now, int(r["amount"]), 0, cash)
                self.charges[c.approval_no] = c
                self.by_request[rid] = ("charge", c)
                answer: dict[str, Any] = {
                    "ok": True,
                    "v": 1,
                    "result": "approved",
                    "request_id": rid,
                    "approval_no": c.approval_no,
                    "approved_at": now.isoformat(),
                    "amount": c.amount,
                }
                if cash:
                    answer["identity_masked"] = "010****5678"
                else:
                    answer |= {
                        "card_masked": "9410-12**-****-5678",
                        "issuer": self.issuer,
                        "acquirer": self.acquirer,
                        "merchant_no": "123456789",
                        "installment_months": int(r.get("installment_months", 0)),
                    }
                    if (
                        "voucher_kind" in r and self.echo_voucher_kind
                    ):  # an electronic voucher: the kind said back
                        answer["voucher_kind"] = r["voucher_kind"]
                return answer
            if op in ("cancel", "cash_receipt_cancel"):
                orig = self.charges.get(str(r.get("approval_no")))
                if orig is None or orig.undone:
                    return _fail("unknown_approval", "원거래 없음")
                at = dt.datetime.fromisoformat(str(r["approved_at"]))
                if at.astimezone(KST).date() != orig.approved_at.date():
                    return _fail("unknown_approval", "원거래 일자 다름")
                amount = int(r["amount"])
                left = orig.amount - orig.refunded
                if amount > left:
                    return _fail("bad_request", "취소 금액 초과")
                if self.no_partial and amount != left:
                    return _fail("bad_request", "부분취소 불가 단말기")
                orig.refunded += amount
                self.by_request[rid] = ("cancel", (orig.approval_no, amount))
                return {
                    "ok": True,
                    "v": 1,
                    "result": "cancelled",
                    "request_id": rid,
                    "approval_no": ("1" if orig.cash_receipt else "") + number,
                    "approved_at": now.isoformat(),
                    "amount": amount,
                    "original_approval_no": orig.approval_no,
                    "remaining": orig.amount - orig.refunded,
                    "card_masked": "9410-12**-****-5678",
                    "identity_masked": "010****5678",
                    "issuer": self.issuer,
                }
            return _fail("bad_request", f"unknown op {op}")


def _fail(code: str, message: str) -> dict[str, Any]:
    return {"ok": False, "v": 1, "code": code, "message": message}
