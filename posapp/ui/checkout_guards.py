"""What the checkout does when the catalogue or a lot stands in the way of a sale: a scan or an
add stopped by an expired lot or by the store's sanity limits (a label beyond the line limit)
asks a manager in place and runs again with the approval
(store policy ``expired_lots_block`` 1), an expired lot sold is said in front of the cashier
with a sound (0), and the catalogue's changes (posapp.usecases.catalog_watch) refresh the quick
keys and the open ticket; Ctrl+Shift+P finds any earlier receipt to print again (재발행).

Qt only: a mixin of :class:`posapp.ui.checkout.CheckoutWindow`, whose session, runner and
approvals it uses; every call goes through posapp.ui.operations.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication

from posapp.domain.money import format_krw
from posapp.ui.checkout_view import CheckoutView
from posapp.ui.messages import explain
from posapp.ui.operations import Op, Runner, approve_first
from posapp.ui.receipt_finder import ReceiptFinderDialog
from posapp.usecases.approvals import Approval, ApprovalRequest, Approvals
from posapp.usecases.catalog_watch import CatalogUpdate
from posapp.usecases.error_codes import SessionErrorCode
from posapp.usecases.expiry import expired_request, take_warning
from posapp.usecases.receipt_search import ReceiptSearch
from posapp.usecases.ticket import OVER_LIMIT
from posapp.usecases.till import Till

T = TypeVar("T")


class SellingGuards(CheckoutView):
    """Expired lots and the live catalogue at the checkout (mixed into the window)."""

    till: Till
    runner: Runner
    approvals: Approvals

    def _do(self, fn: Callable[[], T], then: Callable[[T], None] | None = None) -> None:
        raise NotImplementedError

    def install_receipt_finder(self) -> None:
        """Ctrl+Shift+P: 영수증 찾기 (any earlier receipt, printed again as 재발행)."""
        self.receipt_finder: ReceiptFinderDialog | None = None
        shortcut = QShortcut(QKeySequence("Ctrl+Shift+P"), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(self.find_receipt)

    def find_receipt(self) -> None:
        """The receipt finder, on today's receipts first."""
        search = ReceiptSearch(self.till.session, self.till.printing)
        d = ReceiptFinderDialog(search, self.runner, self)
        self.receipt_finder = d
        d.open()
        d.search_now()

    def ask_pin(self, request: ApprovalRequest) -> str | None:
        raise NotImplementedError

    def _sell(
        self, fn: Callable[[Approval | None], T], then: Callable[[T], None] | None = None
    ) -> None:
        """A scan or an add that an expired lot (store policy ``expired_lots_block``) or the
        store's sanity limits (a 35 kg scale label) may stop: the manager's PIN is asked in
        place, naming the product, and the same scan or add runs again with that approval —
        and with any asked before for it (one approval per thing approved, never more)."""

        def ok(value: T) -> None:
            if then is not None:
                then(value)
            self.refresh()
            self._warn_expired()

        def attempt(given: Approval | None) -> None:
            Op(self, self.runner, lambda: fn(given)).success(ok).failure(
                lambda exc: fail(exc, given)
            ).run()

        def fail(exc: BaseException, given: Approval | None) -> None:
            self.show_message(explain(exc))
            request = self._sale_request(exc)
            if request is None or (given is not None and len(given.also) >= 2):
                self.refresh()
                return
            QApplication.beep()
            approve_first(
                self,
                self.runner,
                self.approvals,
                self,
                request,
                lambda approval: attempt(approval.joined(given)),
            )

        attempt(None)

    def _sale_request(self, exc: BaseException) -> ApprovalRequest | None:
        """What a manager may approve in place for a scan or an add that was refused."""
        code = getattr(exc, "code", None)
        data = getattr(exc, "data", None) or {}
        if code == SessionErrorCode.EXPIRED_LOT:
            return expired_request(
                int(data["product_id"]),
                title=self.tr("관리자 승인"),
                prompt=self.tr("유통기한 지난 상품 판매: {name} (기한 {expiry})").format(
                    name=data.get("name", ""), expiry=data.get("expiry", "")
                ),
            )
        if code == SessionErrorCode.OVER_LIMIT and data.get("approvable") and "line" in data:
            return ApprovalRequest(
                action=OVER_LIMIT,
                title=self.tr("관리자 승인"),
                prompt=self.tr("한도를 넘는 품목: {name} {value} (한도 {limit})").format(
                    name=data.get("name", ""),
                    value=data.get("value", ""),
                    limit=data.get("limit", ""),
                ),
                line=int(data["line"]),
                bound=dict(data["bound"]),
            )
        return None

    def _warn_expired(self) -> None:
        """An expired lot just went on the ticket: said in front of the cashier, with a sound."""
        warning = take_warning(self.session)
        if warning is None:
            return
        QApplication.beep()
        if warning.approved_by:
            text = self.tr("유통기한 지난 상품: {name} (기한 {expiry}) — {who} 승인").format(
                name=warning.name, expiry=warning.expiry.isoformat(), who=warning.approved_by
            )
        else:
            text = self.tr("유통기한 지난 상품: {name} (기한 {expiry}, {days}일 지남)").format(
                name=warning.name, expiry=warning.expiry.isoformat(), days=warning.days_past
            )
        self.show_message(text)

    # --- the live catalogue -------------------------------------------------------------

    def reload_quick_keys(self) -> None:
        """Read the quick keys again (a product, its price or the layout changed)."""
        Op(self, self.runner, self.till.quick_keys).success(self.set_quick_keys).run()

    def catalog_changed(self, update: CatalogUpdate) -> None:
        """The catalogue changed (a poll of posapp.usecases.catalog_watch): fresh quick keys,
        and the open ticket as it follows new prices and loses withdrawn products; a quick-key
        layout saved (at this till or another) shows too."""
        if not update.refresh_keys:
            return
        self.reload_quick_keys()
        if update.ticket_changed:
            self.refresh()
            parts = [
                self.tr("{name} 가격 변경 {old} → {new}").format(
                    name=r.name, old=format_krw(r.old_price), new=format_krw(r.new_price)
                )
                for r in update.repriced
            ] + [
                self.tr("{name} 판매 중지: 거래에서 뺐습니다").format(name=name)
                for name in update.withdrawn
            ]
            self.show_message(" · ".join(parts))


__all__ = ["SellingGuards"]
