"""Feedback where the eyes are (issue 18, item 3): the change due stays large after a cash sale
until the next scan (it used to drop to 받을 금액 ₩0 at once), an unknown barcode is said in
the notice panel with a sound, and the sounds never crash a headless till."""

from __future__ import annotations

from typing import Any

from posapp.domain.barcodes import gtin_check_digit
from posapp.sales.tenders import Tender
from posapp.ui.feedback import Sounds, sounds
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE
from tests.support.scanning import scan
from tests.ui.test_checkout_flow import sign_in
from tests.ui.test_scan_routing import till  # noqa: F401  (the fixture)


def test_the_change_due_stays_until_the_next_scan(qtbot: Any, till: Any) -> None:  # noqa: F811
    window, script, _ = till
    sign_in(qtbot, window, script)
    scan(APPLE_CODE, window.search)  # ₩12,900
    script.push("tender", ([Tender.cash(20_000)], None))
    window.tender()
    assert window.due.text() == "거스름돈 ₩7,100"
    assert window.notice.isVisible() and "₩7,100" in window.notice.plain
    assert "받은 현금 ₩20,000" in window.notice.plain
    window.refresh()  # a sync status, the clock: still there
    assert window.due.text() == "거스름돈 ₩7,100" and window.notice.isVisible()
    scan(GOCHUJANG_CODE, window.search)
    assert window.due.text() == "받을 금액 ₩8,500"
    assert not window.notice.isVisible()


def test_an_unknown_barcode_is_said_large_with_a_sound(qtbot: Any, till: Any) -> None:  # noqa: F811
    window, script, _ = till
    sign_in(qtbot, window, script)
    unknown = "880999999999"
    unknown += str(gtin_check_digit(unknown))
    before = len(sounds().played)
    scan(unknown, window.search)
    assert window.notice.isVisible() and window.notice.kind == "error"
    assert unknown in window.notice.plain or "바코드" in window.notice.plain
    assert sounds().played[before:] == ["error"]
    assert window.message.text() == window.notice.plain  # the status line only repeats
    scan(APPLE_CODE, window.search)
    assert not window.notice.isVisible()


def test_sounds_play_headless_without_crashing(qtbot: Any) -> None:
    s = Sounds()
    for kind in ("ok", "warn", "error"):
        s.play(kind)  # type: ignore[arg-type]
    assert s.played == ["ok", "warn", "error"]
    assert s.backend in ("bell", "qsoundeffect")
