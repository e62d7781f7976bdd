"""The card-terminal adapter: the :class:`~posapp.hardware.ports.CardTerminal` port over
newline-delimited JSON on TCP (``docs/card-terminal-protocol.md``), at ``[card] terminal =
"tcp://HOST:PORT"`` — a VAN agent's local bridge, or in development the simulator
``posapp-card-simulator`` (:mod:`posapp_devtools.card_simulator`, never started by the till).

One connection per operation: terminals are flaky and a fresh connection has no state to go
stale. Every socket call has a timeout. What can go wrong, and what the till is told:

* the connection is refused or never opens: nothing was sent, nothing was charged —
  ``card.unavailable`` (retryable);
* the terminal refuses (``{"ok": false}``): nothing was charged — ``card.declined`` or
  ``card.<code>`` with the terminal's words;
* the request went out but no usable answer came back (read timeout, dropped connection,
  garbage, an unmasked card number, an answer for another amount): the terminal may have
  charged, so the request is net-cancelled (망취소), retried a few times with a short backoff,
  before ``card.timeout`` / ``card.protocol`` / ``card.unmasked`` is raised — the customer is
  never charged for a sale the till did not record. If even the net-cancel fails:
  ``card.net_cancel_failed`` (not retryable; the cashier checks the terminal or the VAN first).

The till never sees or logs more of a card number than the first 6 and last 4 digits.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import socket
import time
from collections.abc import Callable
from typing import Any, TypedDict, TypeVar
from urllib.parse import urlparse

from posapp.domain import calendar
from posapp.domain.tax_parts import TaxParts
from posapp.hardware.error_codes import CardErrorCode
from posapp.hardware.ports import CardApproval, CashReceiptApproval, HardwareError

log = logging.getLogger(__name__)

PROTOCOL_VERSION = 1
MAX_LINE = 64 * 1024  # an answer is a few hundred bytes; more is a broken peer
CASH_RECEIPT_PURPOSES = ("income_deduction", "expense_proof")  # 소득공제, 지출증빙
#: the electronic vouchers an `approve` may carry as `voucher_kind` (docs/card-terminal-protocol.md)
E_VOUCHER_KINDS = ("onnuri_card", "onnuri_mobile", "local_mobile")

_OP_WORDS = {
    "approve": "카드 승인",
    "cancel": "카드 취소",
    "cash_receipt": "현금영수증 발급",
    "cash_receipt_cancel": "현금영수증 취소",
    "net_cancel": "망취소",
    "status": "단말기 상태 확인",
}
_RETRYABLE_REFUSALS = {"busy", "card_removed", "net_cancelled"}  # try again (a new request_id)
_T = TypeVar("_T")


class _NotSent(Exception):
    """The request never left: nothing can have been charged."""


class _Lost(Exception):
    """The request (maybe) went out, and no answer came back."""


class _Garbled(Exception):
    """An answer came back that cannot be read."""


class TcpCardTerminal:
    """A card terminal (or VAN agent) speaking the JSON line protocol at ``host:port``.

    ``connect_timeout`` bounds opening a connection; ``answer_timeout`` bounds the answer to a
    cancel or a cash receipt (an approval has its own ``timeout``). A lost answer is
    net-cancelled up to ``net_cancel_attempts`` times, ``net_cancel_timeout`` each, sleeping
    ``net_cancel_backoff`` seconds (doubling) in between.
    """

    def __init__(
        self,
        host: str,
        port: int,
        *,
        connect_timeout: float = 3.0,
        answer_timeout: float = 30.0,
        net_cancel_timeout: float = 5.0,
        net_cancel_attempts: int = 4,
        net_cancel_backoff: float = 0.25,
    ) -> None:
        if min(connect_timeout, answer_timeout, net_cancel_timeout) <= 0:
            raise ValueError("card terminal timeouts must be positive")
        if net_cancel_attempts < 1 or net_cancel_backoff < 0:
            raise ValueError("net_cancel_attempts >= 1 and net_cancel_backoff >= 0, please")
        self.host, self.port = host, port
        self.connect_timeout = connect_timeout
        self.answer_timeout = answer_timeout
        self.net_cancel_timeout = net_cancel_timeout
        self.net_cancel_attempts = net_cancel_attempts
        self.net_cancel_backoff = net_cancel_backoff

    def __repr__(self) -> str:
        return f"TcpCardTerminal({self.host!r}, {self.port})"

    # --- the port ------------------------------------------------------------------------

    def approve(
        self,
        amount: int,
        *,
        installment_months: int = 0,
        request_id: str,
        timeout: float = 60.0,
        tax: TaxParts | None = None,
        voucher_kind: str | None = None,
    ) -> CardApproval:
        """Charge ``amount`` won; wait up to ``timeout`` s for the customer and the VAN.
        ``tax`` is its 공급가액/부가세/면세금액/봉사료 (sent with the request). ``voucher_kind``
        (``onnuri_card``, ``onnuri_mobile``, ``local_mobile``): an electronic voucher, not a
        card — sent as such, and the answer must say the same kind."""
        _check_amount(amount, request_id)
        if type(installment_months) is not int or installment_months < 0:
            raise _bad(f"할부 개월 수가 잘못되었습니다: {installment_months!r}", request_id)
        if voucher_kind is not None and (voucher_kind not in E_VOUCHER_KINDS or installment_months):
            raise _bad(f"전자상품권 종류가 잘못되었습니다: {voucher_kind!r}", request_id)
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        request = {
            "op": "approve",
            "request_id": request_id,
            "amount": amount,
            "installment_months": installment_months,
            **_tax_fields(tax, amount, request_id),
            **({"voucher_kind": voucher_kind} if voucher_kind is not None else {}),
        }
        return self._transact(request, timeout, _card_approval)

    def cancel(
        self,
        approval_no: str,
        approved_at: dt.datetime,
        amount: int,
        *,
        request_id: str,
        tax: TaxParts | None = None,
    ) -> CardApproval:
        """Cancel (refund) ``amount`` won of an earlier approval, in full or in part."""
        _check_amount(amount, request_id)
        request = {
            "op": "cancel",
            "request_id": request_id,
            "approval_no": _check_approval_no(approval_no, request_id),
            "approved_at": _iso(approved_at),
            "amount": amount,
            **_tax_fields(tax, amount, request_id),
        }
        return self._transact(request, self.answer_timeout, _card_approval)

    def net_cancel(self, request_id: str) -> None:
        """Undo ``request_id`` (망취소), whatever became of it; one attempt, idempotent.

        Raises ``card.unavailable`` / ``card.timeout`` / ``card.<code>`` when the terminal did
        not confirm; :meth:`approve` and the others retry this themselves."""
        _check_request_id(request_id)
        try:
            answer = self._exchange(
                {"op": "net_cancel", "request_id": request_id}, self.net_cancel_timeout
            )
        except _NotSent as exc:
            raise self._unavailable("net_cancel", request_id, exc) from exc
        except (_Lost, _Garbled) as exc:
            raise HardwareError(
                f"카드 단말기가 망취소에 답하지 않았습니다 ({exc})",
                code=CardErrorCode.TIMEOUT,
                request_id=request_id,
            ) from exc
        if answer.get("ok") is not True:
            raise _refusal(answer, request_id)

    def issue_cash_receipt(
        self,
        amount: int,
        identity: str,
        purpose: str,
        *,
        request_id: str,
        tax: TaxParts | None = None,
    ) -> CashReceiptApproval:
        """Issue a cash receipt (현금영수증) for ``identity`` (phone, card or business number)."""
        _check_amount(amount, request_id)
        if purpose not in CASH_RECEIPT_PURPOSES:
            raise _bad(f"현금영수증 용도가 잘못되었습니다: {purpose!r}", request_id)
        if not isinstance(identity, str) or not re.fullmatch(r"[0-9-]{10,25}", identity.strip()):
            raise _bad("현금영수증 식별번호(휴대폰·카드·사업자 번호)가 잘못되었습니다", request_id)
        request = {
            "op": "cash_receipt",
            "request_id": request_id,
            "amount": amount,
            "identity": identity.strip().replace("-", ""),
            "purpose": purpose,
            **_tax_fields(tax, amount, request_id),
        }
        return self._transact(request, self.answer_timeout, _cash_receipt)

    def cancel_cash_receipt(
        self,
        approval_no: str,
        approved_at: dt.datetime,
        amount: int,
        *,
        request_id: str,
        tax: TaxParts | None = None,
    ) -> CashReceiptApproval:
        """Cancel an earlier cash receipt, in full or in part."""
        _check_amount(amount, request_id)
        request = {
            "op": "cash_receipt_cancel",
            "request_id": request_id,
            "approval_no": _check_approval_no(approval_no, request_id),
            "approved_at": _iso(approved_at),
            "amount": amount,
            **_tax_fields(tax, amount, request_id),
        }
        return self._transact(request, self.answer_timeout, _cash_receipt)

    def status(self, timeout: float = 2.0) -> dict[str, Any]:
        """The terminal's ``status`` answer (``{"ok": true, "result": "ready", ...}``)."""
        try:
            answer = self._exchange({"op": "status"}, timeout)
        except _NotSent as exc:
            raise self._unavailable("status", "", exc) from exc
        except (_Lost, _Garbled) as exc:
            raise HardwareError(
                f"카드 단말기가 상태 요청에 답하지 않았습니다 ({exc})", code=CardErrorCode.TIMEOUT
            ) from exc
        if answer.get("ok") is not True:
            raise _refusal(answer, "")
        return answer

    # --- one operation -------------------------------------------------------------------

    def _transact(
        self,
        request: dict[str, Any],
        timeout: float,
        parse: Callable[[dict[str, Any], dict[str, Any]], _T],
    ) -> _T:
        """Send a request that may move money; net-cancel it if its outcome is unknown."""
        op, rid = str(request["op"]), str(request["request_id"])
        _check_request_id(rid)
        what = _OP_WORDS[op]
        try:
            answer = self._exchange(request, timeout)
        except _NotSent as exc:
            raise self._unavailable(op, rid, exc) from exc
        except _Lost as exc:
            self._net_cancel_or_raise(rid, op, "card.timeout")
            raise HardwareError(
                f"카드 단말기 응답이 없어 {what} 요청을 자동 취소(망취소)했습니다: "
                "다시 시도하세요.",
                code=CardErrorCode.TIMEOUT,
                request_id=rid,
                reason=str(exc),
            ) from exc
        except _Garbled as exc:
            self._net_cancel_or_raise(rid, op, "card.protocol")
            raise HardwareError(
                f"카드 단말기가 알 수 없는 응답을 보내 {what} 요청을 자동 취소(망취소)했습니다.",
                code=CardErrorCode.PROTOCOL,
                retryable=False,
                request_id=rid,
                reason=str(exc),
            ) from exc
        if answer.get("ok") is not True:
            raise _refusal(answer, rid)  # refused: nothing happened, nothing to undo
        try:
            return parse(answer, request)
        except HardwareError as exc:  # the terminal did something the till will not record
            self._net_cancel_or_raise(rid, op, exc.code)
            raise

    def _net_cancel_or_raise(self, request_id: str, op: str, cause: str) -> None:
        last: HardwareError | None = None
        for attempt in range(self.net_cancel_attempts):
            if attempt:
                time.sleep(self.net_cancel_backoff * 2 ** (attempt - 1))
            try:
                self.net_cancel(request_id)
            except HardwareError as exc:
                last = exc
                log.warning(
                    "card %s %s: net-cancel attempt %d failed: %s (%s)",
                    op,
                    request_id,
                    attempt + 1,
                    exc.code,
                    exc,
                )
                continue
            log.warning("card %s %s: %s, net-cancelled", op, request_id, cause)
            return
        log.error(
            "card %s %s: %s and the net-cancel failed: CHECK THE TERMINAL", op, request_id, cause
        )
        raise HardwareError(
            f"카드 단말기의 응답을 받지 못했고 자동 취소(망취소)도 실패했습니다: "
            f"{_OP_WORDS[op]}이(가) 처리되었을 수 있으니 단말기/VAN의 거래 내역을 확인한 뒤 "
            f"진행하세요 "
            f"(요청 {request_id[:8]}).",
            code=CardErrorCode.NET_CANCEL_FAILED,
            retryable=False,
            request_id=request_id,
            cause=cause,
        ) from last

    def _unavailable(self, op: str, request_id: str, exc: Exception) -> HardwareError:
        return HardwareError(
            f"카드 단말기({self.host}:{self.port})에 연결할 수 없습니다: {_OP_WORDS[op]} 안 됨 "
            f"({exc})",
            code=CardErrorCode.UNAVAILABLE,
            request_id=request_id,
        )

    # --- transport -----------------------------------------------------------------------

    def _exchange(self, request: dict[str, Any], timeout: float) -> dict[str, Any]:
        """One connection, one request line, one answer line, within ``timeout`` seconds."""
        line = json.dumps({"v": PROTOCOL_VERSION, **request}, separators=(",", ":")) + "\n"
        try:
            sock = socket.create_connection(
                (self.host, self.port), timeout=min(self.connect_timeout, timeout)
            )
        except OSError as exc:
            raise _NotSent(_reason(exc)) from exc
        with sock:
            deadline = time.monotonic() + timeout
            try:
                sock.settimeout(timeout)
                sock.sendall(line.encode("utf-8"))
                raw = _read_line(sock, deadline)
            except TimeoutError as exc:
                raise _Lost(f"no answer within {timeout:g} s") from exc
            except OSError as exc:
                raise _Lost(_reason(exc)) from exc
        try:
            answer = json.loads(raw.decode("utf-8"))
        except ValueError as exc:
            raise _Garbled("not a JSON line") from exc
        if not isinstance(answer, dict) or not isinstance(answer.get("ok"), bool):
            raise _Garbled("not an answer object")
        return answer


def _read_line(sock: socket.socket, deadline: float) -> bytes:
    buf = bytearray()
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        sock.settimeout(remaining)
        chunk = sock.recv(4096)
        if not chunk:
            raise ConnectionResetError("the terminal closed the connection without answering")
        buf += chunk
        end = buf.find(b"\n")
        if end >= 0:
            return bytes(buf[:end])
        if len(buf) > MAX_LINE:
            raise _Garbled("answer line too long")


def _reason(exc: OSError) -> str:
    if isinstance(exc, TimeoutError):
        return "timed out"
    return exc.strerror or exc.__class__.__name__


# --- checks and answers -------------------------------------------------------------------


def _bad(message: str, request_id: str) -> HardwareError:
    return HardwareError(
        message, code=CardErrorCode.BAD_REQUEST, retryable=False, request_id=request_id
    )


def _check_request_id(request_id: str) -> None:
    if not isinstance(request_id, str) or not 1 <= len(request_id) <= 100:
        raise _bad("요청 번호(request_id)가 잘못되었습니다", str(request_id))


def _check_amount(amount: int, request_id: str) -> None:
    if type(amount) is not int or amount <= 0:
        raise _bad(f"금액이 잘못되었습니다: {amount!r}", request_id)


def _tax_fields(tax: TaxParts | None, amount: int, request_id: str) -> dict[str, int]:
    """The request's 공급가액/부가세/면세금액/봉사료 (none when the caller does not know them);
    they must add up to the amount, or nothing is sent."""
    if tax is None:
        return {}
    parts = (tax.supply_value, tax.vat, tax.tax_free, tax.service_charge)
    if any(type(x) is not int or x < 0 for x in parts) or tax.amount != amount:
        raise _bad(f"공급가액·부가세·면세금액의 합이 금액 {amount}원과 다릅니다", request_id)
    return {
        "supply_value": tax.supply_value,
        "vat": tax.vat,
        "tax_free": tax.tax_free,
        "service_charge": tax.service_charge,
    }


def _check_approval_no(approval_no: str, request_id: str) -> str:
    if not isinstance(approval_no, str) or not re.fullmatch(r"[0-9A-Za-z]{1,40}", approval_no):
        raise _bad(f"승인번호가 잘못되었습니다: {approval_no!r}", request_id)
    return approval_no


def _iso(at: dt.datetime) -> str:
    """``at`` on the store's wall clock with its offset: a VAN reads the date in the string as the
    original's approval date, so an aware instant is never sent in UTC (before 09:00 KST that is
    the day before)."""
    return (
        calendar.to_local(at) if at.tzinfo else at.replace(tzinfo=calendar.store_zone())
    ).isoformat()


def _refusal(answer: dict[str, Any], request_id: str) -> HardwareError:
    code = str(answer.get("code") or "declined")
    if not re.fullmatch(r"[a-z_]{1,40}", code):
        code = "declined"
    return HardwareError(
        str(answer.get("message") or "카드 단말기가 거절했습니다")[:200],
        code=f"card.{code}",
        retryable=code in _RETRYABLE_REFUSALS,
        request_id=request_id,
        terminal_code=code,
    )


def _protocol(message: str, request_id: str) -> HardwareError:
    return HardwareError(
        f"카드 단말기 응답이 잘못되어 자동 취소(망취소)했습니다: {message}",
        code=CardErrorCode.PROTOCOL,
        retryable=False,
        request_id=request_id,
    )


def _unmasked(text: str) -> bool:
    return len(re.sub(r"\D", "", text)) > 10


def _common(a: dict[str, Any], request: dict[str, Any]) -> tuple[str, dt.datetime, int]:
    rid = str(request["request_id"])
    if "request_id" in a and a["request_id"] != rid:
        raise _protocol("다른 요청의 응답", rid)
    expected = "cancelled" if str(request["op"]).endswith("cancel") else "approved"
    if a.get("result") != expected:
        raise _protocol(f"{expected!r}이 아닌 결과 {a.get('result')!r}", rid)
    approval_no = a.get("approval_no")
    if not isinstance(approval_no, str) or not re.fullmatch(r"[0-9A-Za-z]{1,40}", approval_no):
        raise _protocol("승인번호 없음", rid)
    try:
        at = dt.datetime.fromisoformat(str(a["approved_at"]))
    except (KeyError, ValueError):
        raise _protocol("승인 일시 없음", rid) from None
    amount = a.get("amount")
    if type(amount) is not int or amount != request["amount"]:
        raise _protocol(f"요청 {request['amount']}원과 다른 금액 {amount!r}", rid)
    return approval_no, at if at.tzinfo else at.replace(tzinfo=calendar.store_zone()), amount


def _text(a: dict[str, Any], key: str) -> str:
    value = a.get(key)
    return value.strip()[:40] if isinstance(value, str) else ""


def _card_approval(a: dict[str, Any], request: dict[str, Any]) -> CardApproval:
    approval_no, at, amount = _common(a, request)
    if a.get("voucher_kind") != request.get("voucher_kind"):  # a card taken as a voucher
        raise _protocol("전자상품권 종류가 요청과 다름", str(request["request_id"]))
    masked = a.get("card_masked")
    if not isinstance(masked, str) or len(masked) > 40:
        raise _protocol("카드번호 표시 없음", str(request["request_id"]))
    if _unmasked(masked):  # never pass a full card number on — and never log it
        raise HardwareError(
            "카드 단말기가 가려지지 않은 카드번호를 보냈습니다: 거래를 자동 취소(망취소)했습니다.",
            code=CardErrorCode.UNMASKED,
            retryable=False,
            request_id=str(request["request_id"]),
        )
    months = a.get("installment_months", 0)
    return CardApproval(
        approval_no=approval_no,
        approved_at=at,
        amount=amount,
        card_masked=masked,
        issuer=_text(a, "issuer"),
        acquirer=_text(a, "acquirer"),
        installment_months=months if type(months) is int and months >= 0 else 0,
        transaction_id=_text(a, "transaction_id"),
        merchant_no=_text(a, "merchant_no")[:20],
    )


def _cash_receipt(a: dict[str, Any], request: dict[str, Any]) -> CashReceiptApproval:
    approval_no, at, amount = _common(a, request)
    identity = a.get("identity_masked")
    if not isinstance(identity, str) or not identity:
        identity = mask_identity(str(request.get("identity", "")))
    if _unmasked(identity) or len(identity) > 40:
        raise HardwareError(
            "카드 단말기가 가려지지 않은 식별번호를 보냈습니다: 거래를 자동 취소(망취소)했습니다.",
            code=CardErrorCode.UNMASKED,
            retryable=False,
            request_id=str(request["request_id"]),
        )
    return CashReceiptApproval(
        approval_no=approval_no, approved_at=at, amount=amount, identity_masked=identity
    )


def mask_identity(identity: str) -> str:
    """A cash-receipt identity as receipts show it: ``01012345678`` → ``010****5678``."""
    digits = re.sub(r"\D", "", identity)
    if len(digits) < 8:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


class _UriOptions(TypedDict, total=False):
    """The options a card terminal URI may carry (``?connect_timeout=S&answer_timeout=S``)."""

    connect_timeout: float
    answer_timeout: float


def from_uri(uri: str) -> TcpCardTerminal:
    """``tcp://HOST:PORT`` (or the older ``cardsim://HOST:PORT``) → a :class:`TcpCardTerminal`.

    ``?connect_timeout=S`` and ``?answer_timeout=S`` may follow."""
    u = urlparse(uri.strip())
    try:
        port = u.port
    except ValueError:
        port = None
    if u.scheme not in ("cardsim", "tcp") or not u.hostname or not port:
        raise ValueError(f"card terminal {uri!r}: use cardsim://HOST:PORT")
    options: _UriOptions = {}
    for part in filter(None, u.query.split("&")):
        key, _, value = part.partition("=")
        if key not in ("connect_timeout", "answer_timeout"):
            raise ValueError(f"card terminal {uri!r}: unknown option {key!r}")
        try:
            seconds = float(value)
        except ValueError:
            raise ValueError(f"card terminal {uri!r}: {key} must be seconds") from None
        if key == "connect_timeout":
            options["connect_timeout"] = seconds
        else:
            options["answer_timeout"] = seconds
    return TcpCardTerminal(u.hostname, port, **options)
