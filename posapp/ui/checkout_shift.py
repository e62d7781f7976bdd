"""The checkout's shift keys: opening a shift by counting the float (and then doing what asked
for it — the scan that came before the shift is kept), the X report (Ctrl+X), closing the shift
with the drawer counted and the Z report printed and shown (Ctrl+E)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from posapp.domain.money import format_krw
from posapp.usecases.checkout import RegisterReport, ShiftInfo
from posapp.usecases.shift import report_text

if TYPE_CHECKING:
    from posapp.ui.checkout import CheckoutWindow


class ShiftFlow:
    """The shift of one checkout window."""

    def __init__(self, window: CheckoutWindow) -> None:
        self.w = window
        self._opening = False

    def open(self, then: Callable[[], None] | None = None) -> None:
        """Count the opening float and open a shift; ``then`` runs once it is open (on the
        database worker's answer: nothing is lost to a slow commit)."""
        w = self.w
        if w.session.shift is not None or self._opening:
            return
        self._opening = True
        try:
            counts = w.ask.counts(
                QCoreApplication.translate("CheckoutWindow", "근무 시작: 시재금 세기"), None
            )
        finally:
            self._opening = False
        if counts is None:
            return

        def opened(shift: ShiftInfo) -> None:
            w.show_message(
                QCoreApplication.translate(
                    "CheckoutWindow", "근무 #{shift} 시작 · 시재금 {amount}"
                ).format(shift=shift.id, amount=format_krw(shift.opening_float)),
                error=False,
            )
            if then is not None:
                then()

        w._do(lambda: w.session.open_shift(counts), opened)

    def x_report(self) -> None:
        w = self.w

        def show(report: RegisterReport) -> None:
            text = report_text(report)
            w.ask.text(
                QCoreApplication.translate("CheckoutWindow", "X 리포트"),
                text,
                lambda: w.print_text("X", text),
            )

        w._do(w.session.x_report, show)

    def close(self) -> None:
        w = self.w
        if w.session.shift is None:
            return

        def show(z: RegisterReport) -> None:
            text = report_text(z)
            w.print_text("Z", text)
            w.ask.text(
                QCoreApplication.translate("CheckoutWindow", "Z 정산 리포트"),
                text,
                lambda: w.print_text("Z", text),
            )

        # a blind count: the drawer is counted before the till says what it should hold (the
        # Z report then shows expected, counted and the difference)
        counts = w.ask.counts(
            QCoreApplication.translate("CheckoutWindow", "근무 마감: 현금 세기"), None
        )
        if counts is not None:
            w._do(lambda: w.session.close_shift(counts), show)
