"""The close-shift count is blind (issue 18, item 11): the count dialog shows no expected cash
before the drawer is counted; the Z report then shows expected, counted and the difference.

Seen before: the close-shift count showed the expected cash before counting.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from posapp.sales.tenders import Tender
from posapp.ui.dialogs import CountDialog
from tests.conftest import APPLE_CODE
from tests.ui import test_checkout_flow as flow

till = flow.till


class Counting(flow.Script):
    """The script, noting what the count dialog was told to show."""

    def __init__(self) -> None:
        super().__init__()
        self.expected_shown: list[int | None] = []

    def counts(self, title: str, expected: int | None) -> Any:
        self.expected_shown.append(expected)
        return super().counts(title, expected)


def test_closing_the_shift_counts_blind_then_shows_the_difference(qtbot, till) -> None:  # type: ignore[no-untyped-def]
    window, _script, _parts, _ = till
    script = Counting()
    window.ask = script  # type: ignore[assignment]
    flow.sign_in(qtbot, window, script)
    flow.burst(qtbot, window.search, APPLE_CODE)
    script.push("tender", lambda total: ([Tender.cash(total)], None))
    qtbot.keyClick(window, Qt.Key.Key_F12)
    script.push("counts", {10_000: 15})  # ₩150,000 counted; ₩100,000 + ₩50,000 float + ₩12,900
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert script.expected_shown == [None]  # nothing to copy from before counting
    z = script.texts[-1]
    assert "현금 예상" in z and "₩162,900" in z and "₩150,000" in z and "부족" in z
    assert window.session.shift is None


def test_the_count_dialog_without_an_expected_amount_shows_none(qtbot) -> None:  # type: ignore[no-untyped-def]
    d = CountDialog("근무 마감: 현금 세기", None)
    qtbot.addWidget(d)
    d.spins[10_000].setValue(3)
    assert d.total.text() == "합계 ₩30,000" and d.diff.text() == ""
