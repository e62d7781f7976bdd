"""The card-terminal adapter: the ``CardTerminal`` port over newline-delimited JSON on TCP
(docs/card-terminal-protocol.md) — the simulator today, a VAN agent's local bridge later.

One connection per operation (terminals are flaky; no state to go stale). If an approval's
answer never comes (timeout, dropped connection after the request went out), the request is
net-cancelled (망취소) before the error is raised, so a customer is never charged for a sale the
till did not record; if even the net-cancel fails, the error says so and is not retryable, so the
cashier checks the terminal. The till never sees more of a card number than first 6 / last 4.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import socket
import time
from typing import Any
from urllib.parse import urlparse

from posapp.hardware.ports import CardApproval, CashReceiptApproval, HardwareError

log = logging.getLogger(__name__)


class TcpCardTerminal:
    def __init__(self, host: str, port: int, *, connect_timeout: float = 3.0) -> None:
        self.host, self.port = host, port
        self.connect_timeout = connect_timeout

    # --- transport -------------------------------------------------------------------------

    def _call(self, request: dict[str, Any], timeout: float) -> dict[str, Any]:
        """Send one request; raise card.unavailable if it never left, card.timeout if the
        answer did not come back (the caller decides about net-cancelling)."""
        try:
            sock = socket.create_connection((self.host, self.port), timeout=self.connect_timeout)
        except OSError as exc:
            raise HardwareError(
                f"the card terminal at {self.host}:{self.port} does not answer ({exc})",
                code="card.unavailable",
            ) from exc
        with sock:
            try:
                sock.settimeout(timeout)
                sock.sendall(json.dumps({"v": 1, **request}).encode("utf-8") + b"\n")
                data = b""
                while not data.endswith(b"\n"):
                    chunk = sock.recv(65536)
                    if not chunk:
                        raise ConnectionError("the terminal closed the connection")
                    data += chunk
            except (OSError, ConnectionError) as exc:
                raise HardwareError(
                    "no answer from the card terminal", code="card.timeout", reason=str(exc)
                ) from exc
        try:
            answer: dict[str, Any] = json.loads(data.decode("utf-8"))
        except ValueError as exc:
            raise HardwareError("the card terminal answered garbage", code="card.protocol") from exc
        if not answer.get("ok"):
            code = str(answer.get("code") or "declined")
            raise HardwareError(
                str(answer.get("message") or code),
                code="card.declined" if code == "declined" else f"card.{code}",
                retryable=code in ("busy",),
            )
        return answer

    def _charge(self, request: dict[str, Any], timeout: float) -> dict[str, Any]:
        try:
            return self._call(request, timeout)
        except HardwareError as exc:
            if exc.code == "card.timeout":
                self._net_cancel_or_raise(str(request["request_id"]))
            raise

    def _net_cancel_or_raise(self, request_id: str) -> None:
        last: Exception | None = None
        for attempt in range(4):
            try:
                self.net_cancel(request_id)
                log.warning("card request %s timed out and was net-cancelled", request_id)
                return
            except HardwareError as exc:
                last = exc
                time.sleep(0.2 * 2**attempt)
        raise HardwareError(
            "the card terminal did not answer and the automatic cancel failed: check the "
            "terminal before charging again",
            code="card.net_cancel_failed",
            retryable=False,
            request_id=request_id,
        ) from last

    # --- the port -----------------------------------------------------------------------------

    def approve(
        self, amount: int, *, installment_months: int = 0, request_id: str, timeout: float = 60.0
    ) -> CardApproval:
        a = self._charge(
            {
                "op": "approve",
                "request_id": request_id,
                "amount": amount,
                "installment_months": installment_months,
            },
            timeout,
        )
        return _approval(a)

    def cancel(
        self, approval_no: str, approved_at: dt.datetime, amount: int, *, request_id: str
    ) -> CardApproval:
        a = self._charge(
            {
                "op": "cancel",
                "request_id": request_id,
                "approval_no": approval_no,
                "approved_at": approved_at.isoformat(),
                "amount": amount,
            },
            30.0,
        )
        return _approval(a)

    def net_cancel(self, request_id: str) -> None:
        self._call({"op": "net_cancel", "request_id": request_id}, 10.0)

    def issue_cash_receipt(
        self, amount: int, identity: str, purpose: str, *, request_id: str
    ) -> CashReceiptApproval:
        a = self._charge(
            {
                "op": "cash_receipt",
                "request_id": request_id,
                "amount": amount,
                "identity": identity,
                "purpose": purpose,
            },
            30.0,
        )
        return _receipt(a)

    def cancel_cash_receipt(
        self, approval_no: str, approved_at: dt.datetime, amount: int, *, request_id: str
    ) -> CashReceiptApproval:
        a = self._charge(
            {
                "op": "cash_receipt_cancel",
                "request_id": request_id,
                "approval_no": approval_no,
                "approved_at": approved_at.isoformat(),
                "amount": amount,
            },
            30.0,
        )
        return _receipt(a)


def _when(text: str) -> dt.datetime:
    at = dt.datetime.fromisoformat(text)
    return at if at.tzinfo else at.replace(tzinfo=dt.UTC)


def _approval(a: dict[str, Any]) -> CardApproval:
    masked = str(a.get("card_masked") or "")
    if len(re.sub(r"\D", "", masked)) > 10:
        raise HardwareError(
            "the terminal sent an unmasked card number; refusing it",
            code="card.unmasked",
            retryable=False,
        )
    return CardApproval(
        approval_no=str(a["approval_no"]),
        approved_at=_when(str(a["approved_at"])),
        amount=int(a["amount"]),
        card_masked=masked,
        issuer=str(a.get("issuer") or ""),
        acquirer=str(a.get("acquirer") or ""),
        installment_months=int(a.get("installment_months") or 0),
        transaction_id=str(a.get("transaction_id") or ""),
    )


def _receipt(a: dict[str, Any]) -> CashReceiptApproval:
    return CashReceiptApproval(
        approval_no=str(a["approval_no"]),
        approved_at=_when(str(a["approved_at"])),
        amount=int(a["amount"]),
        identity_masked=str(a.get("identity_masked") or ""),
    )


def from_uri(uri: str) -> TcpCardTerminal:
    """``cardsim://127.0.0.1:8111`` or ``tcp://HOST:PORT`` → a terminal adapter."""
    u = urlparse(uri)
    if u.scheme not in ("cardsim", "tcp") or not u.hostname or not u.port:
        raise ValueError(f"card terminal {uri!r}: use cardsim://HOST:PORT")
    return TcpCardTerminal(u.hostname, u.port)
