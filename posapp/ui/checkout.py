"""The cashier's checkout screen: the actions behind its keys — sign-in and shifts, scanning
and search, editing the ticket, approvals, paying, hold/recall/void, refunds, X/Z, the drawer,
online orders. Its widgets are :class:`~posapp.ui.checkout_view.CheckoutView`'s; paying is
:mod:`posapp.ui.checkout_payment`.

Keyboard first (every action has an F-key or shortcut shown on its button), touch-friendly,
Korean labels (translatable: ``self.tr``, see posapp.ui.i18n). Every action is a use case
(:mod:`posapp.usecases`) run through :mod:`posapp.ui.operations`; results come back on the Qt
thread. A manager's approval is asked through this window's PIN port and passed to the action
it was given for. Dialogs are opened through an :class:`~posapp.ui.checkout_asker.Asker` so
tests can answer them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QListWidgetItem

from posapp.domain.cart import CartLine
from posapp.domain.money import format_krw
from posapp.hardware.ports import CashDrawer, Scale
from posapp.ui.checkout_asker import Asker
from posapp.ui.checkout_exchange import ExchangeFlow
from posapp.ui.checkout_guards import SellingGuards
from posapp.ui.checkout_no_receipt import NoReceiptFlow
from posapp.ui.checkout_payment import PaymentFlow
from posapp.ui.checkout_refund import RefundFlow
from posapp.ui.checkout_shift import ShiftFlow
from posapp.ui.checkout_view import Action, unit_ko
from posapp.ui.messages import explain
from posapp.ui.operations import IoOp, Op, Runner, approve_first, with_approval
from posapp.ui.ticket_approval import TicketApproval, set_qty_within_limits
from posapp.usecases.approvals import Approval, ApprovalRequest
from posapp.usecases.cash_office import CashMove, CashOffice
from posapp.usecases.checkout import (
    HeldInfo,
    ProductInfo,
    SaleSummary,
    ScanOutcome,
    UserInfo,
)
from posapp.usecases.holds import VOID, VOID_REASONS
from posapp.usecases.price_check import PriceCheck
from posapp.usecases.sale import NO_SALE_DRAWER
from posapp.usecases.ticket import discount_request, price_request, void_request
from posapp.usecases.till import QuickPage, Till

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class Devices:
    """What the checkout drives itself: the cash drawer (a no-sale opening), the scale, the
    sync worker's wake-up (None: that device or sync is not there)."""

    drawer: CashDrawer | None = None
    scale: Scale | None = None
    sync_now: Callable[[], None] | None = None


class CheckoutWindow(SellingGuards):
    def __init__(
        self,
        till: Till,
        devices: Devices,
        runner: Runner,
        *,
        quick_keys: list[QuickPage] | None = None,
        title: str = "I·Market·U POS",
    ) -> None:
        super().__init__()
        self.till = till
        self.session = till.session
        self.payments = till.payments
        self.printing = till.printing
        self.approvals = till.approvals
        self.devices = devices
        self.runner = runner
        self.ask: Asker = Asker(self, runner)
        self._payment = PaymentFlow(self)
        self._shift = ShiftFlow(self)
        self._no_receipt = NoReceiptFlow(self)
        self.prices = PriceCheck(self.session)  # 가격 확인: reads only, never the ticket
        self.cash_office = CashOffice(self.session)  # the drawer is opened here (IoOp)
        self.ticket_approval = TicketApproval()  # the discounts' approval, for this ticket
        self.on_inventory: Callable[[], None] | None = None  # set by app.py (manager window)
        self.on_classes: Callable[[], None] | None = None  # set by app.py (classes window)
        self.on_reports: Callable[[], None] | None = None  # set by app.py (reports window)
        self.on_settings: Callable[[], None] | None = None  # set by app.py (settings dialog)
        self.on_staff: Callable[[], None] | None = None  # set by app.py (staff and permissions)
        self.on_quick_keys: Callable[[], None] | None = None  # set by app.py (the key editor)
        self.setWindowTitle(title)
        self._build(quick_keys or [])
        self.sale_completed.connect(self.show_change)
        self.install_receipt_finder()
        self.refresh()

    def offer_recovery(self) -> None:
        """A ticket left open by a crash: offered back (or dropped) at start."""
        session = self.session
        ticket = session.recoverable()
        if ticket is None:
            return
        total = ticket.priced().total
        question = self.tr("저장되지 않은 거래가 있습니다 ({count}건, {total}). 불러올까요?")
        if self.ask.confirm(
            self.tr("이전 거래 복구"),
            question.format(count=len(ticket.lines), total=format_krw(total)),
        ):
            session.restore(ticket)
            self.refresh()
        else:
            session.clear_recovery()

    def _actions(self) -> list[Action]:
        return [
            (self.tr("수량 (F2)"), "F2", self.change_qty),
            (self.tr("삭제 (F3)"), "F3", self.remove_line),
            (self.tr("품목할인 (F4)"), "F4", self.line_discount),
            (self.tr("전체할인 (F5)"), "F5", self.ticket_discount),
            (self.tr("가격 변경 (Shift+F2)"), "Shift+F2", self.override_price),
            (self.tr("보류 (F6)"), "F6", self.hold),
            (self.tr("보류목록 (F7)"), "F7", self.recall),
            (self.tr("환불 (F8)"), "F8", lambda: self.refund(None)),
            (self.tr("교환 (Shift+F8)"), "Shift+F8", self.exchange),
            (self.tr("무영수증 반품 (Ctrl+F8)"), "Ctrl+F8", self.no_receipt_return),
            (self.tr("거래취소 (F9)"), "F9", self.void),
            (self.tr("결제 (F12)"), "F12", self.tender),
            (self.tr("세금계산서 (Shift+F12)"), "Shift+F12", self.tax_invoice),
            (self.tr("가격 확인 (Ctrl+K)"), "Ctrl+K", self.price_check),
        ]

    def _office_actions(self) -> list[Action]:
        return [
            (self.tr("재발행 (Ctrl+P)"), "Ctrl+P", self.reprint),
            (self.tr("X 리포트 (Ctrl+X)"), "Ctrl+X", self.x_report),
            (self.tr("근무 마감 (Ctrl+E)"), "Ctrl+E", self.close_shift),
            (self.tr("돈통 열기 (Ctrl+D)"), "Ctrl+D", self.no_sale),
            (self.tr("입금·출금 (Ctrl+M)"), "Ctrl+M", self.cash_move),
            (self.tr("온라인 주문 (Ctrl+O)"), "Ctrl+O", self.online_orders),
            (self.tr("재고 관리 (F10)"), "F10", self.open_inventory),
            (self.tr("쿠킹클래스 (F11)"), "F11", self.open_classes),
            (self.tr("보고서 (Ctrl+R)"), "Ctrl+R", self.open_reports),
            (self.tr("퀵키 편집 (Ctrl+Shift+K)"), "Ctrl+Shift+K", self.edit_quick_keys),
        ]

    def _selected(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            return rows[0].row()
        n = len(self.session.ticket.lines)
        return n - 1 if n else None

    def ready_to_sell(self, then: Callable[[], None] | None = None) -> bool:
        """Signed in with a shift open. Without a shift, the opening count is asked and
        ``then`` (what the cashier was doing: the scan that asked for it) runs once the shift
        is open — on the database worker's answer, so nothing is lost to a slow commit."""
        if self.session.user is None:
            self.show_message(self.tr("먼저 로그인하세요 (F1)."))
            return False
        if self.session.shift is None:
            self.show_message(self.tr("근무를 시작하세요: 시재금을 세어 입력합니다."), error=False)
            self.open_shift(then)
            return False
        return True

    def _do(self, fn: Callable[[], T], then: Callable[[T], None] | None = None) -> None:
        """Run ``fn`` on the database worker; refresh and report on the Qt thread."""

        def ok(value: T) -> None:
            if then is not None:
                then(value)
            self.refresh()
            self._warn_expired()

        def fail(exc: BaseException) -> None:
            self.show_message(explain(exc))
            self.refresh()

        Op(self, self.runner, fn).success(ok).failure(fail).run()

    # --- sign-in and shifts ----------------------------------------------------------------

    def sign_in_or_out(self) -> None:
        if self.session.user is not None:
            self.session.sign_out()
            self.ticket_approval.forget()
            self.refresh()
            return
        pin = self.ask.pin(self.tr("로그인"), self.tr("PIN을 입력하세요"))
        if pin is None:
            return

        def done(user: UserInfo) -> None:
            self.show_message(self.tr("{name}님 환영합니다.").format(name=user.name), error=False)
            if self.session.shift is None:
                QTimer.singleShot(0, self.open_shift)

        self._do(lambda: self.session.sign_in(pin), done)

    def enable_idle_sign_out(self, interval_ms: int) -> None:
        """Sign the cashier out after ``interval_ms`` without a key press or touch."""
        from posapp.ui.audit import IdleWatch

        self._idle = IdleWatch(interval_ms, self._idle_sign_out)

    def _idle_sign_out(self) -> None:
        if self.session.user is None:
            return
        if QApplication.activeModalWidget() is not None:  # mid-payment: ask again later
            self._idle.timer.start()
            return
        self.session.sign_out()
        self.refresh()
        self.show_message(self.tr("자리를 비워 로그아웃했습니다 (F1: 로그인)."), error=False)

    def open_shift(self, then: Callable[[], None] | None = None) -> None:
        self._shift.open(then)

    # --- scanning and search -----------------------------------------------------------

    def take_scan(self, code: str) -> bool:
        """The checkout's scan target (posapp.ui.scan_targets): a code onto the ticket."""
        self.on_scanned(code)
        return True

    def on_scanned(self, code: str) -> None:
        """A whole code from the wedge filter or a serial scanner (through the scan router)."""
        if not self.ready_to_sell(lambda: self.on_scanned(code)):
            return
        self.clear_change()
        self._sell(lambda approval: self.session.scan(code, approval), self._after_scan)

    def _after_scan(self, outcome: ScanOutcome) -> None:
        if outcome.kind == "receipt" and outcome.sale is not None:
            self.refund(outcome.sale)
        elif outcome.kind == "weigh" and outcome.product is not None:
            self.add_product(outcome.product)
        else:
            self.show_message("")

    def _on_search_text(self, text: str) -> None:
        if not text.strip():
            self.results.hide()
            return
        limit = self.results.limit_for(text)  # a page; more as the list is scrolled

        def found(products: list[ProductInfo]) -> None:
            if self.search.text() == text:  # a late answer to what is no longer typed: not shown
                self._show_results(products, limit)

        Op(self, self.runner, lambda: self.session.search(text, limit)).success(found).run()

    def _more_results(self) -> None:
        """The next page of the search results (scrolled to the end of the list)."""
        self._on_search_text(self.search.text())

    def _show_results(self, found: list[ProductInfo], limit: int = 20) -> None:
        rows = [(f"{p.name_ko}   {format_krw(p.price)}/{unit_ko(p)}", p) for p in found]
        self.results.fill(rows, limit)

    def _on_search_enter(self) -> None:
        text = self.search.text().strip()
        if not text:
            return
        if (text.isdigit() and len(text) in (8, 12, 13)) or "-" in text:
            self.search.clear()
            self.results.hide()
            self.on_scanned(text)
            return
        item = self.results.currentItem()
        if item is not None:
            self._on_result(item)

    def _on_result(self, item: QListWidgetItem) -> None:
        self.search.clear()
        self.results.hide()
        self.add_product(item.data(Qt.ItemDataRole.UserRole))

    def add_product(self, product: ProductInfo) -> None:
        if not self.ready_to_sell(lambda: self.add_product(product)):
            return
        self.clear_change()
        scale = self.devices.scale
        if product.unit.is_weighed and scale is not None:

            def weighed(grams: int) -> None:
                self._sell(lambda a: self.session.add_product(product, grams, a))

            def no_weight(exc: BaseException) -> None:  # scale off or unstable: type it
                self.show_message(explain(exc))
                self._add_typed_weight(product)

            IoOp(self, self.runner, lambda: scale.read_stable(timeout=3.0).grams).success(
                weighed
            ).failure(no_weight).run()
            return
        if product.unit.is_weighed:
            self._add_typed_weight(product)
            return
        self._sell(lambda a: self.session.add_product(product, None, a))

    def _add_typed_weight(self, product: ProductInfo) -> None:
        grams = self.ask.number(product.name_ko, self.tr("무게 (g)"), 500)
        if grams is not None:
            self._sell(lambda a: self.session.add_product(product, grams, a))

    # --- editing the ticket --------------------------------------------------------------

    def change_qty(self) -> None:
        i = self._selected()
        if i is None:
            return
        line = self.session.ticket.lines[i]
        label = self.tr("무게 (g)") if line.unit.is_weighed else self.tr("수량")
        qty = self.ask.number(self.tr("수량 변경"), label, line.qty)
        if qty is not None:  # beyond the store's limit: a manager approves
            set_qty_within_limits(self, i, qty)

    def remove_line(self) -> None:
        """F3: the selected line off the ticket; a manager's PIN first when the store's policy
        asks for one (after the total, or a while after the scan), for that line only."""
        i = self._selected()
        if i is None:
            return
        s = self.session
        request = void_request(
            s,
            i,
            s.ticket.lines[i].qty,
            self.tr("관리자 승인"),
            self.tr("품목 삭제에는 관리자 승인이 필요합니다: {name}").format(
                name=s.ticket.lines[i].name
            ),
        )
        with_approval(
            self,
            self.runner,
            self.approvals,
            self,
            request,
            lambda approval: s.remove(i, approval),
            lambda _: self.refresh(),
        )

    def line_discount(self) -> None:
        i = self._selected()
        if i is None:
            return
        d = self.ask.discount(self.tr("품목 할인"))
        if d is not False:
            self._do(lambda: self.session.set_line_discount(i, d), self._approval_if_needed)

    def ticket_discount(self) -> None:
        d = self.ask.discount(self.tr("전체 할인"))
        if d is not False:
            self._do(lambda: self.session.set_ticket_discount(d), self._approval_if_needed)

    def override_price(self) -> None:
        """Shift+F2: change the selected line's unit price (a shelf tag that disagrees, damaged
        goods). The cashier's own ``price_override`` permission allows it; otherwise a manager
        types their PIN in place, approving this line down to this price."""
        i = self._selected()
        if i is None or self.session.user is None:
            if self.session.user is None:
                self.show_message(self.tr("먼저 로그인하세요 (F1)."))
            return
        line = self.session.ticket.lines[i]
        answer = self.ask.price(line.name, line.regular_price, line.unit_price)
        if answer is None:
            return
        price, reason = answer

        def changed(who: UserInfo) -> None:
            self.show_message(
                self.tr("가격 변경: {name} {old} → {new} ({who})").format(
                    name=line.name,
                    old=format_krw(line.regular_price),
                    new=format_krw(price),
                    who=who.name,
                ),
                error=False,
            )
            self.refresh()

        def not_allowed(exc: BaseException) -> None:
            self.show_message(explain(exc))
            self.refresh()

        request = price_request(
            self.session, i, price, self.tr("관리자 승인"), self.tr("가격 변경: 관리자 승인")
        )
        with_approval(
            self,
            self.runner,
            self.approvals,
            self,
            request,
            lambda approval: self.session.override_price(i, price, reason, approval),
            changed,
            on_failure=not_allowed,
        )

    def _approval_if_needed(self, needs: bool) -> None:
        """A discount above the limit: a manager approves it in place, for its percent."""
        if not needs:
            return
        request = discount_request(
            self.session, self.tr("관리자 승인"), self.tr("할인 한도를 넘었습니다: 관리자 승인")
        )
        approve_first(self, self.runner, self.approvals, self, request, self._discount_approved)

    def _discount_approved(self, approval: Approval) -> None:
        self.ticket_approval.keep(self.session.ticket.uuid, approval)
        self._say_approved(approval)

    def _say_approved(self, approval: Approval) -> None:
        self.show_message(
            self.tr("{name} 관리자 승인").format(name=approval.approver_name), error=False
        )

    def _approve(
        self,
        action: str,
        permission: str,
        prompt: str,
        then: Callable[[Approval], None],
    ) -> None:
        """A manager's PIN for ``action`` (void, refund, drawer), checked off the Qt thread."""
        request = ApprovalRequest(
            action=action, title=self.tr("관리자 승인"), prompt=prompt, permission=permission
        )

        def approved(approval: Approval) -> None:
            self._say_approved(approval)
            then(approval)

        approve_first(self, self.runner, self.approvals, self, request, approved)

    def approve(self, why: str, then: Callable[[int], None]) -> None:
        """A manager's approval for another screen's action (a class booking's refund or
        cancel): ``then(approver_id)`` once the PIN is verified."""
        request = ApprovalRequest(action="class.booking", title=self.tr("관리자 승인"), prompt=why)
        approve_first(
            self, self.runner, self.approvals, self, request, lambda a: then(a.approver_id)
        )

    def ask_pin(self, request: ApprovalRequest) -> str | None:
        """The :class:`~posapp.usecases.approvals.PinPort` of this screen."""
        return self.ask.pin(request.title, request.prompt)

    def open_inventory(self) -> None:
        if self.on_inventory is not None:
            self.on_inventory()

    def open_classes(self) -> None:
        if self.on_classes is not None:
            self.on_classes()

    def add_booking_line(self, line: CartLine) -> None:
        """A class booking to pay (from the classes window) as a line of this ticket."""
        self.session.add_line(line)
        self.refresh()
        self.raise_()
        self.activateWindow()

    def open_reports(self) -> None:
        if self.on_reports is not None:
            self.on_reports()

    def edit_quick_keys(self) -> None:
        """Ctrl+Shift+K: the quick-key editor, for a holder of ``quick_keys``."""
        if self.on_quick_keys is not None:
            self.on_quick_keys()

    def open_settings(self) -> None:
        if self.on_settings is not None:
            self.on_settings()

    def open_staff(self) -> None:
        if self.on_staff is not None:
            self.on_staff()

    # --- paying (posapp.ui.checkout_payment) -----------------------------------------

    def tender(self) -> None:
        if self.session.pending_exchange is not None:  # 교환: one settlement of the difference
            ExchangeFlow(self).pay()
            return
        self._payment.start()

    def tax_invoice(self) -> None:
        """Shift+F12 세금계산서: pay the open ticket with a 세금계산서 요청 (cash or transfer),
        or, with no ticket open, ask for one for the sale just completed."""
        if self.session.ticket.lines:
            self._payment.start(tax_invoice=True)
        else:
            self._payment.tax_invoice_later()

    def reprint(self) -> None:
        sale = self.session.last_sale
        if sale is not None:
            self._do(lambda: self.printing.print_sale(sale, True))

    def print_text(self, title: str, text: str) -> None:
        self._do(lambda: self.printing.print_text(title, text.split("\n")))

    # --- hold, void, refund --------------------------------------------------------------

    def hold(self) -> None:
        if self.session.ticket.lines:
            self._do(
                lambda: self.session.hold(""),
                lambda h: self.say(
                    self.tr("보류했습니다 ({total})").format(total=format_krw(h.total)), "ok"
                ),
            )

    def recall(self) -> None:
        def choose(held: list[HeldInfo]) -> None:
            if not held:
                self.show_message(self.tr("보류된 거래가 없습니다."))
                return
            held_id = self.ask.held(held)
            if held_id is not None:
                self._do(lambda: self.session.recall(held_id))

        self._do(self.session.held, choose)

    def void(self) -> None:
        if not self.session.ticket.lines:
            return

        def voided(_: None) -> None:
            self.ticket_approval.forget()
            self.show_message(self.tr("거래를 취소했습니다."), error=False)

        answer = self.ask.void_reason(VOID_REASONS)  # a reason from the list, and a note
        if answer is None:
            return
        reason, note = answer
        self._approve(
            VOID,
            "void",
            self.tr("거래 취소: 관리자 승인"),
            lambda approval: self._do(
                lambda: self.session.void(reason, approval, note),  # data: stays Korean
                voided,
            ),
        )

    def refund(self, sale: SaleSummary | None) -> None:
        """F8 (the receipt typed in the search field, or asked for) or a receipt scanned:
        :mod:`posapp.ui.checkout_refund`."""
        if sale is None:
            number = self.search.text().strip()
            self.search.clear()
        else:
            number = sale.receipt_no
        RefundFlow(self).start(number)

    def exchange(self) -> None:
        """Shift+F8: an exchange of the receipt typed in the search field, or asked for
        (:mod:`posapp.ui.checkout_exchange`)."""
        number = self.search.text().strip()
        self.search.clear()
        ExchangeFlow(self).start(number)

    def no_receipt_return(self) -> None:
        """Ctrl+F8: the goods on the ticket taken back without a receipt
        (:mod:`posapp.ui.checkout_no_receipt`)."""
        self._no_receipt.start()

    # --- reports and drawer --------------------------------------------------------------

    def x_report(self) -> None:
        self._shift.x_report()

    def close_shift(self) -> None:
        self._shift.close()

    # --- online orders and sync ---------------------------------------------------------

    def online_orders(self) -> None:
        if self.session.user is None:
            self.show_message(self.tr("먼저 로그인하세요 (F1)."))
            return
        handed = self.ask.online_orders(
            lambda: self.runner.db(self.session.online_orders),
            lambda ident: self.runner.db(lambda: self.session.pick_up(ident)),
            self.devices.sync_now,
            self.sync_btn.status,
        )
        if handed:
            self.show_message(
                self.tr("온라인 주문 {count}건 픽업 완료").format(count=len(handed)), error=False
            )
        if self.devices.sync_now is not None:
            self.devices.sync_now()  # tell the platform soon

    def price_check(self) -> None:
        """Ctrl+K 가격 확인: a scan or a search answers with price, stock and expiry; the
        ticket is never touched (the dialog takes the scans while it is open)."""
        prices, db = self.prices, self.runner.db
        self.ask.price_check(
            lambda code: db(lambda: prices.look(code)),
            lambda text: db(lambda: prices.search(text, 30)),
            lambda product: db(lambda: prices.of(product)),
        )
        self.search.setFocus()

    def cash_move(self) -> None:
        """Ctrl+M 입금 / 출금 / 중간 입금 on the open shift, with its reason; the cashier's
        own drawer right or a manager's PIN in place for that amount; the drawer opens after
        the commit; the X/Z list it."""
        if not self.ready_to_sell():
            return
        answer = self.ask.cash_move()
        if answer is None:
            return
        kind, amount, reason = answer
        from posapp.ui.office_dialogs import kind_word

        word = kind_word(kind.value)
        request = CashOffice.request(
            amount,
            title=self.tr("관리자 승인"),
            prompt=self.tr("{kind} {amount}: 관리자 승인").format(
                kind=word, amount=format_krw(amount)
            ),
        )

        def done(move: CashMove) -> None:
            self.say(
                self.tr("{kind} {amount} · {reason}").format(
                    kind=word, amount=format_krw(move.amount), reason=move.reason
                ),
                "ok",
            )
            self._open_drawer()

        def failed(exc: BaseException) -> None:
            self.show_message(explain(exc))

        office = self.cash_office
        with_approval(
            self,
            self.runner,
            self.approvals,
            self,
            request,
            lambda approval: office.record(kind, amount, reason, approval),
            done,
            on_failure=failed,
        )

    def _open_drawer(self) -> None:
        drawer = self.devices.drawer
        if drawer is None:
            return
        IoOp(self, self.runner, drawer.open_drawer).success(lambda _: None).failure(
            lambda exc: self.show_message(
                self.tr("돈통을 열 수 없습니다: {error}").format(error=explain(exc))
            )
        ).run()

    def no_sale(self) -> None:
        if self.session.user is None:
            return

        def open_drawer(_: None) -> None:
            self._open_drawer()

        self._approve(
            NO_SALE_DRAWER,
            "no_sale_drawer",
            self.tr("돈통 열기: 관리자 승인"),
            lambda approval: self._do(
                lambda: self.session.record_drawer(None, approval), open_drawer
            ),
        )
