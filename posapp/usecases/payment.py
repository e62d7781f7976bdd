"""Paying for the ticket: approve each electronic payment → commit the sale → on ANY failure
after an approval, cancel every approval already given. A customer is never charged for a sale
that does not exist.

- :meth:`Payments.approve_card` charges a card on the terminal and returns the card tender
  (the tender dialog calls it for each card part).
- :meth:`Payments.pay` issues the 현금영수증 (when asked for and a terminal is there; a terminal
  that cannot issue it leaves it pending, the sale goes on), commits the sale, and then runs
  what follows a sale in one place (the receipt and drawer through :class:`ReceiptPrinting`, the
  sync worker woken). When the commit fails, every card approval among the tenders and the
  issued 현금영수증 are cancelled on the terminal and :class:`PaymentCancelled` says what was
  cancelled (and what could not be: the cashier then cancels it on the terminal by hand).
- :meth:`Payments.cancel` undoes approvals given for a payment the cashier abandoned (the
  tender dialog closed with an approved card part).
- :meth:`Payments.refund` gives money back the way the sale was paid: each card part is a
  cancel of the sale's own approval on the terminal (original approval number, date, amount;
  partial for a partial refund), recorded with the cancel's own approval number. When the
  terminal cannot make it, nothing is recorded and :class:`CardRefundNotMade` says so; the
  cashier then leaves it waiting for the terminal (``queue_cards``) or a manager types the
  approval of a cancel made on a standalone terminal (``typed_cancels``). A refund that fails
  after a cancel net-cancels (망취소) it: the card company's totals follow the till's.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from posapp.domain import tax_parts
from posapp.domain.errors import TenderError
from posapp.domain.tax_parts import TaxParts
from posapp.errors import PosError
from posapp.hardware.error_codes import CardErrorCode
from posapp.hardware.ports import CardTerminal, HardwareError
from posapp.reports.error_codes import TaxInvoiceErrorCode
from posapp.sales.error_codes import TenderErrorCode
from posapp.sales.exchanges import CompletedExchange, ExchangeTerms
from posapp.sales.refunds import RefundQuote
from posapp.sales.sale_records import CompletedSale
from posapp.sales.tenders import (
    CARD_METHODS,
    E_VOUCHERS,
    VOUCHER_CHANGE_FLOOR,
    CashReceiptRequest,
    Method,
    ReceiptPurpose,
    Tender,
    VoucherKind,
    VoucherRule,
    cash_receipt_amount,
    check_accepted,
    check_masked_card,
    settle,
    voucher_tender,
    with_cash_rounding,
)
from posapp.usecases import exchange as exchange_uc
from posapp.usecases import no_receipt as no_receipt_uc
from posapp.usecases import rules as ticket_rules
from posapp.usecases.approvals import Approval
from posapp.usecases.error_codes import PaymentErrorCode
from posapp.usecases.receipts import ReceiptPrinting
from posapp.usecases.tax_invoice import (
    Buyer,
    TaxInvoiceError,
    TaxInvoiceInfo,
    check_buyer,
    check_tenders,
    print_slip,
)

if TYPE_CHECKING:
    from posapp.usecases.checkout import CheckoutSession
    from posapp.usecases.exchange import PendingExchange

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Cancelled:
    """One approval that was given and then cancelled (``ok``) or could not be (``error``)."""

    kind: str  # "card" | "cash_receipt"
    amount: int
    approval_no: str
    ok: bool
    error: str = ""


class PaymentCancelled(PosError):
    """The sale could not be committed after electronic approvals; they were cancelled.

    ``cause`` is why the sale failed; ``cancelled`` lists every approval and whether its
    cancel went through."""

    def __init__(self, cause: BaseException, cancelled: Sequence[Cancelled]) -> None:
        super().__init__(
            f"the sale failed after {len(cancelled)} approval(s), which were cancelled: {cause}",
            code=PaymentErrorCode.CANCELLED,
        )
        self.cause = cause
        self.cancelled = tuple(cancelled)


@dataclass(frozen=True)
class PaymentResult:
    """A committed sale; ``cash_receipt_error`` when its 현금영수증 is pending (the terminal
    could not issue it: the receipt says so and it is issued later)."""

    sale: CompletedSale
    cash_receipt_error: BaseException | None = None
    #: the 세금계산서 request recorded with the sale (asked for with ``tax_invoice``)
    tax_invoice: TaxInvoiceInfo | None = None
    #: asked for but not recorded (the till went offline): the cashier asks for it later
    tax_invoice_error: BaseException | None = None


@dataclass(frozen=True)
class CardPart:
    """A card part of a refund the terminal did not cancel: which approval, how much, why."""

    original_approval_no: str
    amount: int
    card_masked: str
    standalone: bool  # approved on a standalone terminal: it is cancelled there
    error: str = ""


class CardRefundNotMade(PosError):
    """A refund's card part could not be cancelled on the terminal; nothing was recorded and
    any cancel already made for it was undone. ``parts`` are the card parts still to do."""

    def __init__(self, parts: Sequence[CardPart], why: str) -> None:
        super().__init__(
            f"card refund not made on the terminal: {why}",
            code=PaymentErrorCode.CARD_REFUND_NOT_MADE,
            why=why,
        )
        self.parts = tuple(parts)


def _request_id() -> str:
    return str(uuid.uuid4())


class Payments:
    """Electronic payments of one till (its card terminal, or none: cards keyed in by hand)."""

    def __init__(
        self,
        session: CheckoutSession,
        terminal: CardTerminal | None,
        *,
        card_timeout: float = 60.0,
        printing: ReceiptPrinting | None = None,
        sync_now: Callable[[], None] | None = None,
        cash_rounding_unit: int | None = None,
        installment_from: int | None = None,
        voucher_rule: VoucherRule | None = None,
        cash_receipt_mandatory_from: int | None = None,
    ) -> None:
        self._session = session
        # the money rules are store policy (posapp.store_policy: 원단위 절사, 할부, vouchers'
        # change, the mandatory 현금영수증), read on the database worker; a value given here
        # fixes that rule for this object (a test's, a tool's)
        fixed: dict[str, int] = {}
        if cash_rounding_unit is not None:
            fixed["cash_rounding_unit"] = cash_rounding_unit
        if installment_from is not None:
            fixed["installment_from"] = installment_from
        if voucher_rule is not None:
            fixed["voucher_change_percent_small"] = voucher_rule.small_percent
            fixed["voucher_small_face"] = voucher_rule.small_face
        if cash_receipt_mandatory_from is not None:
            fixed["cash_receipt_mandatory"] = 1
            fixed["cash_receipt_mandatory_from"] = cash_receipt_mandatory_from
        self._fixed = fixed
        self.terminal = terminal
        self._card_timeout = card_timeout
        self._printing = printing
        self._sync_now = sync_now

    def _rules(self, *, fresh: bool = True) -> Mapping[str, int]:
        """The store policy (read again after :data:`~posapp.usecases.rules.POLICY_TTL_S`;
        ``fresh=False``: as last read, never waiting for the database — the Qt thread's)."""
        s = self._session
        base = ticket_rules.policy(s) if fresh else ticket_rules.known_policy(s)
        return {**base, **self._fixed} if self._fixed else base

    @property
    def cash_rounding_unit(self) -> int:
        """원단위 절사 of the cash part, as last read (1: off)."""
        return self._rules(fresh=False)["cash_rounding_unit"]

    @property
    def installment_from(self) -> int:
        """할부 is offered for a card part of this many won or more, as last read."""
        return self._rules(fresh=False)["installment_from"]

    @property
    def voucher_rule(self) -> VoucherRule:
        """When a paper voucher's rest is repaid in cash, as last read."""
        return _voucher_rule(self._rules(fresh=False))

    @property
    def accepted_vouchers(self) -> frozenset[VoucherKind]:
        """The voucher kinds the store takes, as last read (``pay`` checks them again)."""
        return ticket_rules.known_accepted_vouchers(self._session)

    @property
    def has_terminal(self) -> bool:
        return self.terminal is not None

    def _require_terminal(self) -> CardTerminal:
        if self.terminal is None:
            raise HardwareError("no card terminal is configured", code=CardErrorCode.UNAVAILABLE)
        return self.terminal

    # --- approvals -------------------------------------------------------------------------

    def tax_whole(self) -> TaxParts:
        """The ticket's 공급가액/부가세/면세금액 as the VAN is told them."""
        return tax_parts.of_split(self._session.priced().tax)

    def approve_card(
        self,
        amount: int,
        installment_months: int = 0,
        earlier: Sequence[int] = (),
        voucher_kind: VoucherKind | None = None,
    ) -> Tender:
        """Charge ``amount`` on the terminal: the card tender with its approval. ``earlier``
        are the amounts of the card parts already approved for this ticket: the request
        carries this part's share of the ticket's tax split (:mod:`posapp.domain.tax_parts`).
        할부 (2–12 months) only from :attr:`installment_from` won. ``voucher_kind``: a card or
        mobile voucher (온누리 카드/모바일, 지역사랑 모바일) approved the same way, if the store
        takes that kind (policy ``accepted_vouchers``); refused before the terminal if not."""
        if voucher_kind is not None:
            if voucher_kind not in E_VOUCHERS:
                raise TenderError(
                    "a paper voucher is not approved through the terminal",
                    code=TenderErrorCode.VOUCHER_KIND,
                )
            check_accepted(voucher_kind, ticket_rules.accepted_vouchers(self._session))
            if installment_months:
                raise TenderError(
                    "a voucher is paid in one go", code=TenderErrorCode.VOUCHER_INSTALLMENT
                )
        least = self._rules()["installment_from"]
        if installment_months and (amount < least or not 2 <= installment_months <= 12):
            raise TenderError(
                f"할부 2–12 months, for {least:,} won or more",
                code=TenderErrorCode.INSTALLMENT,
                least=least,
            )
        tax: TaxParts | None = tax_parts.share(self.tax_whole(), earlier, amount)
        if tax is not None and tax.amount != amount:  # more than the ticket: no split to tell
            log.warning("card part %d is more than what is left of the ticket's split", amount)
            tax = None
        a = self._require_terminal().approve(
            amount,
            installment_months=installment_months,
            request_id=_request_id(),
            timeout=self._card_timeout,
            tax=tax,
            **({"voucher_kind": voucher_kind.value} if voucher_kind is not None else {}),
        )
        return Tender(
            Method.CARD,
            a.amount,
            voucher_kind=voucher_kind,
            approval_no=a.approval_no,
            approved_at=a.approved_at,
            card_masked=a.card_masked,
            card_issuer=a.issuer,
            installment_months=a.installment_months,
            card_acquirer=a.acquirer or None,
            merchant_no=a.merchant_no or None,
        )

    def issue_cash_receipt(
        self, amount: int, request: CashReceiptRequest, tax: TaxParts | None = None
    ) -> CashReceiptRequest:
        """현금영수증 through the terminal/VAN; the request comes back with its approval."""
        a = self._require_terminal().issue_cash_receipt(
            amount,
            request.normalized_identity(),
            request.purpose.value,
            request_id=_request_id(),
            tax=tax,
        )
        return replace(request, approval_no=a.approval_no, approved_at=a.approved_at)

    # --- the payment -----------------------------------------------------------------------

    def pay(
        self,
        tenders: Sequence[Tender],
        cash_receipt: CashReceiptRequest | None = None,
        approval: Approval | None = None,
        tax_invoice: Buyer | None = None,
    ) -> PaymentResult:
        """Commit the ticket paid by ``tenders``; cancel every approval when it fails.

        ``tax_invoice``: the sale is marked for a 세금계산서 / 계산서 to that buyer in its own
        transaction; refused before anything is charged with a card part or a 현금영수증
        (부가가치세법 §33②). The mandatory 현금영수증 is not issued for it: a registered
        business given a 세금계산서 / 계산서 needs none (소득세법 시행령 §210조의3)."""
        s = self._session
        unit = self._rules()["cash_rounding_unit"]
        _check_rounding(tenders, unit)
        if tax_invoice is not None:
            tax_invoice = check_buyer(tax_invoice)
            check_tenders(tenders, cash_receipt=cash_receipt is not None)
        tenders = with_cash_rounding(s.priced().total, list(tenders), unit)
        if tax_invoice is None:
            cash_receipt = cash_receipt or self._mandatory_receipt(tenders)
        issued: CashReceiptRequest | None = None
        receipt_error: BaseException | None = None
        try:
            accepted = ticket_rules.accepted_vouchers(s)
            for t in tenders:  # a voucher the store does not take (its approvals cancelled)
                if t.voucher_kind is not None:
                    check_accepted(t.voucher_kind, accepted)
            if cash_receipt is not None and self.terminal is not None:
                amount = cash_receipt_amount(s.priced().total, tenders)
                if amount > 0:
                    try:
                        cards = [t.amount for t in tenders if t.method in CARD_METHODS]
                        tax = _part(tax_parts.rest(self.tax_whole(), cards), amount)
                        issued = self.issue_cash_receipt(amount, cash_receipt, tax)
                    except HardwareError as exc:
                        # the customer paid: the sale is recorded, the 현금영수증 is pending
                        log.warning("cash receipt not issued at the till: %s", exc)
                        receipt_error = exc
            if tax_invoice is None:
                sale = s.complete(tenders, issued or cash_receipt, approval=approval)
                invoice = None
            else:
                sale, invoice = s.complete_invoiced(tenders, tax_invoice, approval=approval)
        except BaseException as exc:
            cancelled = self.cancel(tenders, issued)
            if not cancelled:
                raise
            log.error("sale failed after %d approval(s), cancelled: %s", len(cancelled), exc)
            raise PaymentCancelled(exc, cancelled) from exc
        invoice_error: BaseException | None = None
        if tax_invoice is not None and invoice is None:  # sold on the offline spool
            invoice_error = TaxInvoiceError(
                "offline: the request waits for the store's database",
                code=TaxInvoiceErrorCode.OFFLINE,
            )
        self.after_sale(sale, invoice)
        return PaymentResult(sale, receipt_error, invoice, invoice_error)

    def _mandatory_receipt(self, tenders: Sequence[Tender]) -> CashReceiptRequest | None:
        """의무발행업종: a 현금영수증 to the NTS self-issue number for a cash payment of the
        threshold or more the customer did not ask one for (issued now, or pending: within the
        5 days the law gives)."""
        rules = self._rules()
        if not rules["cash_receipt_mandatory"]:
            return None
        least = rules["cash_receipt_mandatory_from"]
        amount = cash_receipt_amount(self._session.priced().total, list(tenders))
        return CashReceiptRequest(None) if amount >= least else None

    def refund_quote(self, receipt_no: str, lines: dict[int, int] | None) -> RefundQuote:
        """What a refund of ``lines`` gives back, and how by default (the sale's tenders)."""
        return self._session.refund_quote(receipt_no, lines)

    def refund(
        self,
        receipt_no: str,
        lines: dict[int, int] | None,
        reason: str = "",
        approval: Approval | None = None,
        *,
        cash_instead: bool = False,
        tender_reason: str = "",
        queue_cards: bool = False,
        typed_cancels: Mapping[str, str] | None = None,
    ) -> CompletedSale:
        """Refund an earlier receipt (a manager's approval given for it), then its receipt.

        Card parts are cancelled on the terminal first; ``typed_cancels`` {original approval:
        the standalone terminal's cancel approval} records cancels made elsewhere;
        ``queue_cards`` leaves the ones the terminal cannot make waiting for it.
        ``cash_instead`` pays everything back in cash (``tender_reason`` and the manager's
        approval required, recorded)."""
        s = self._session
        quote = self.refund_quote(receipt_no, lines)
        tenders, made = self._give_back(
            quote, cash_instead=cash_instead, queue_cards=queue_cards, typed_cancels=typed_cancels
        )
        receipt_cancel = self._cancel_cash_receipt(quote, tenders, made)
        try:
            sale = s.refund(
                receipt_no,
                lines,
                reason,
                approval,
                tenders=tenders,
                tender_reason=tender_reason,
                cash_receipt_cancel=receipt_cancel,
            )
        except BaseException as exc:
            undone = self._undo_cancels(made)
            if not undone:
                raise
            raise PaymentCancelled(exc, undone) from exc
        self.after_sale(sale)
        return sale

    def exchange(
        self,
        pending: PendingExchange,
        pay: Sequence[Tender] = (),
        *,
        cash_receipt: CashReceiptRequest | None = None,
        cash_instead: bool = False,
        tender_reason: str = "",
        queue_cards: bool = False,
        typed_cancels: Mapping[str, str] | None = None,
        discount_approval: Approval | None = None,
    ) -> CompletedExchange:
        """Settle an exchange (교환) once: the returned goods pay for the new ones; what the
        new goods cost more is ``pay`` (card parts approved by :meth:`approve_card`); what
        they cost less is given back as a refund is — each card part a partial cancel of the
        earlier sale's approval on the terminal, cash as cash (``cash_instead``: all in cash,
        with ``tender_reason``). The refund and the sale commit together; when they do not,
        every cancel made is net-cancelled and every approval of ``pay`` cancelled. One
        receipt shows both (:meth:`ReceiptPrinting.print_exchange`)."""
        s = self._session
        exchange_uc.require_new_goods(s)  # before any card is cancelled
        now = exchange_uc.terms(s, pending)
        quote = exchange_uc.quote(s, pending, now.credit)
        terms = ExchangeTerms(quote.total, now.new)  # as the database has it now
        credit = terms.credit
        if credit != now.credit:  # the receipt changed since it was read: quote it again
            quote = exchange_uc.quote(s, pending, credit)
        unit = self._rules()["cash_rounding_unit"]
        _check_rounding(pay, unit)
        paid = with_cash_rounding(terms.to_pay, list(pay), unit) if pay else []
        made: list[tuple[str, Tender]] = []
        give_back: list[Tender] = []
        receipt_cancel = None
        try:
            if terms.to_give:
                give_back, made = self._give_back(
                    quote,
                    cash_instead=cash_instead,
                    queue_cards=queue_cards,
                    typed_cancels=typed_cancels,
                )
                receipt_cancel = self._cancel_cash_receipt(quote, give_back, made)
            done = exchange_uc.commit(
                s,
                pending,
                give_back,
                paid,
                tender_reason=tender_reason,
                cash_receipt_cancel=receipt_cancel,
                discount_approval=discount_approval,
                cash_receipt=cash_receipt,
            )
        except BaseException as exc:
            undone = self._undo_cancels(made) + self.cancel(paid)
            if not undone:
                raise
            log.error("exchange failed after %d terminal action(s), undone: %s", len(undone), exc)
            raise PaymentCancelled(exc, undone) from exc
        try:
            if self._printing is not None:
                self._printing.print_exchange(done)
        except Exception:
            log.exception("the receipt of exchange %s could not be queued", done.exchange_id)
        if self._sync_now is not None:
            self._sync_now()
        return done

    def refund_without_receipt(self, reason: str, approval: Approval | None) -> CompletedSale:
        """A return without a receipt (:mod:`posapp.usecases.no_receipt`): the ticket's goods
        taken back in cash only (no card to cancel, no 현금영수증), then its receipt."""
        sale = no_receipt_uc.refund(self._session, reason, approval)
        self.after_sale(sale)
        return sale

    def _give_back(
        self,
        quote: RefundQuote,
        *,
        cash_instead: bool,
        queue_cards: bool,
        typed_cancels: Mapping[str, str] | None,
    ) -> tuple[list[Tender], list[tuple[str, Tender]]]:
        """The tenders giving back ``quote``'s default tenders: each card part cancelled on the
        terminal (or typed, or left waiting), cash rounded as a sale's; and the cancels made
        (to undo when the refund is not recorded). :class:`CardRefundNotMade` when a card
        part could not be cancelled (the cancels made for the others undone)."""
        standalone = {
            p.approval_no
            for p in quote.original.payments
            if p.method == Method.CARD_MANUAL.value and p.approval_no
        }
        typed = dict(typed_cancels or {})
        tenders: list[Tender] = []
        made: list[tuple[str, Tender]] = []  # (request id, tender) of cancels made here
        missing: list[CardPart] = []
        why = ""
        if cash_instead:
            rest = sum(t.amount for t in quote.tenders)
            tenders = [Tender.cash(rest)] if rest else []
        whole = tax_parts.of_split(quote.tax)
        card_amounts: list[int] = []  # the card parts before this one, for the tax shares
        for t in () if cash_instead else quote.tenders:
            orig = t.original_approval_no
            if t.method is not Method.CARD_PENDING or orig is None:
                tenders.append(t)
                continue
            earlier = list(card_amounts)
            card_amounts.append(t.amount)
            assert t.original_approved_at is not None
            if orig in typed:
                tenders.append(replace(t, method=Method.CARD_MANUAL, approval_no=typed[orig]))
                continue
            error = ""
            if self.terminal is not None and orig not in standalone:
                rid = _request_id()
                tax = tax_parts.share(whole, earlier, t.amount)
                try:
                    c = self.terminal.cancel(
                        orig, t.original_approved_at, t.amount, request_id=rid, tax=tax
                    )
                except HardwareError as exc:
                    log.warning(
                        "card refund of %s (%s) not cancelled: %s",
                        quote.original.receipt_no,
                        orig,
                        exc,
                    )
                    error = str(exc)
                else:
                    done = replace(
                        t, method=Method.CARD, approval_no=c.approval_no, approved_at=c.approved_at
                    )
                    made.append((rid, done))
                    tenders.append(done)
                    continue
            else:
                error = "별도 단말기 승인" if orig in standalone else "단말기 없음"
            if queue_cards:
                tenders.append(t)
                continue
            why = why or error
            missing.append(CardPart(orig, t.amount, t.card_masked or "", orig in standalone, error))
        if missing:
            self._undo_cancels(made)
            raise CardRefundNotMade(missing, why)
        return self._round_refund_cash(tenders), made

    def _cancel_cash_receipt(
        self, quote: RefundQuote, tenders: Sequence[Tender], made: list[tuple[str, Tender]]
    ) -> str | None:
        """Cancel the refunded part of the sale's issued 현금영수증 on the terminal: its cancel
        approval, or None (no terminal, or it failed: the cancel then waits for it)."""
        cr = quote.cash_receipt
        amount = sum(t.amount for t in tenders if t.method not in CARD_METHODS)
        if cr is None or not cr.approval_no or cr.pending_id is not None or amount <= 0:
            return None
        if self.terminal is None:
            return None
        rid = _request_id()
        cards = [t.amount for t in tenders if t.method in CARD_METHODS]
        tax = _part(tax_parts.rest(tax_parts.of_split(quote.tax), cards), amount)
        try:
            c = self.terminal.cancel_cash_receipt(
                cr.approval_no, cr.approved_at, amount, request_id=rid, tax=tax
            )
        except HardwareError as exc:
            log.warning("cash receipt %s not cancelled, it waits: %s", cr.approval_no, exc)
            return None
        made.append((rid, Tender(Method.CASH, amount, approval_no=c.approval_no)))
        return c.approval_no

    def _round_refund_cash(self, tenders: list[Tender]) -> list[Tender]:
        """원단위 절사 of a refund's cash part, as of a sale's: the drawer pays out whole tens."""
        unit = self._rules()["cash_rounding_unit"]
        cash = [t for t in tenders if t.method is Method.CASH]
        if unit <= 1 or len(cash) != 1 or cash[0].amount % unit == 0:
            return tenders
        r = cash[0].amount % unit
        out = [t for t in tenders if t.method is not Method.CASH]
        if cash[0].amount > r:
            out.append(Tender.cash(cash[0].amount - r))
            out.append(Tender(Method.ROUNDING, r))
            return out
        return tenders

    def _undo_cancels(self, made: Sequence[tuple[str, Tender]]) -> tuple[Cancelled, ...]:
        """Net-cancel (망취소) card cancels made for a refund that is not recorded: the card
        is charged again as the till's records say it is."""
        out: list[Cancelled] = []
        for rid, t in made:
            assert self.terminal is not None and t.approval_no is not None
            kind = "card_refund" if t.method in CARD_METHODS else "cash_receipt_cancel"
            try:
                self.terminal.net_cancel(rid)
                out.append(Cancelled(kind, t.amount, t.approval_no, True))
            except HardwareError as exc:
                log.error("%s %s NOT undone: %s", kind, t.approval_no, exc)
                out.append(Cancelled(kind, t.amount, t.approval_no, False, str(exc)))
        return tuple(out)

    def after_sale(self, sale: CompletedSale, tax_invoice: TaxInvoiceInfo | None = None) -> None:
        """What follows a committed sale or refund, in one place: the receipt (and the drawer
        journal) to the print queue — with the 세금계산서 요청서 after it when the sale was
        marked for one — the sync worker woken. A failure here never undoes the sale: it is
        logged (a printer failure shows on the print queue's banner)."""
        try:
            if self._printing is not None:
                self._printing.print_sale(sale, False, tax_invoice)
                if tax_invoice is not None:
                    print_slip(self._printing, tax_invoice)
        except Exception:
            log.exception("the receipt of %s could not be queued", sale.receipt_no)
        if self._sync_now is not None:
            self._sync_now()

    def cancel(
        self, tenders: Sequence[Tender], cash_receipt: CashReceiptRequest | None = None
    ) -> tuple[Cancelled, ...]:
        """Cancel every terminal approval among ``tenders`` (cards) and ``cash_receipt``, each
        with its original approval number, date and amount. A card keyed in by hand was
        approved elsewhere: the cashier cancels it there."""
        out: list[Cancelled] = []
        terminal = self.terminal
        for t in tenders:
            if t.method is not Method.CARD or not t.approval_no:
                continue
            if terminal is None:
                out.append(Cancelled("card", t.amount, t.approval_no, False, "단말기 없음"))
                continue
            at = t.approved_at or dt.datetime.now(dt.UTC)
            try:
                terminal.cancel(t.approval_no, at, t.amount, request_id=_request_id())
                out.append(Cancelled("card", t.amount, t.approval_no, True))
            except HardwareError as exc:
                log.error("card approval %s NOT cancelled: %s", t.approval_no, exc)
                out.append(Cancelled("card", t.amount, t.approval_no, False, str(exc)))
        receipt = cash_receipt
        if receipt is not None and receipt.approval_no and terminal is not None:
            at = receipt.approved_at or dt.datetime.now(dt.UTC)
            amount = cash_receipt_amount(self._session.priced().total, list(tenders))
            try:
                terminal.cancel_cash_receipt(
                    receipt.approval_no, at, amount, request_id=_request_id()
                )
                out.append(Cancelled("cash_receipt", amount, receipt.approval_no, True))
            except HardwareError as exc:
                log.error("cash receipt %s NOT cancelled: %s", receipt.approval_no, exc)
                out.append(Cancelled("cash_receipt", amount, receipt.approval_no, False, str(exc)))
        return tuple(out)


def _part(rest: TaxParts, amount: int) -> TaxParts | None:
    """The tax split of the 현금영수증's ``amount`` out of what is left after the card parts
    (less than it by the 원단위 절사 of the cash part)."""
    if not 0 < amount <= rest.amount:
        return None
    return tax_parts.apportion(rest, [amount, rest.amount - amount])[0]


def approved_parts(tenders: Sequence[Tender]) -> list[Tender]:
    """The tenders a terminal approved (what must be cancelled if the payment is abandoned)."""
    return [t for t in tenders if t.method is Method.CARD and t.approval_no]


def _voucher_rule(rules: Mapping[str, int]) -> VoucherRule:
    return VoucherRule(
        VOUCHER_CHANGE_FLOOR,
        rules["voucher_change_percent_small"],
        rules["voucher_small_face"],
    )


def _check_rounding(tenders: Sequence[Tender], unit: int) -> None:
    """A rounding adjustment the tender dialog added is less than the store's unit (none when
    rounding is off): no till rounds more than the store rounds."""
    for t in tenders:
        if t.method is Method.ROUNDING and not 0 < t.amount < unit:
            raise TenderError(
                f"a rounding adjustment of {t.amount} won with a rounding unit of {unit}",
                code=TenderErrorCode.ROUNDING,
                amount=t.amount,
                unit=unit,
            )


__all__ = [
    "Cancelled",
    "CardPart",
    "CardRefundNotMade",
    "CashReceiptRequest",
    "Method",
    "PaymentCancelled",
    "PaymentResult",
    "Payments",
    "ReceiptPurpose",
    "Tender",
    "VoucherKind",
    "VoucherRule",
    "approved_parts",
    "cash_receipt_amount",
    "check_accepted",
    "check_masked_card",
    "settle",
    "voucher_tender",
]
