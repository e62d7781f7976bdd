"""No silent simulator: a till whose card terminal is the simulator (the demo sets [card]
practice) says 연습 모드 — 실제 결제 아님 in its top bar and on every document it prints; a till
configured as shipped has no terminal at all (cards keyed in by hand) and says nothing of it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from posapp.app import build
from posapp.config import Settings
from posapp.hardware.printer import PreviewPrinter
from posapp.hardware.receipt import layout_sale, layout_text
from posapp.sales.tenders import Tender
from posapp.ui.tasks import SyncRunner
from posapp.usecases.receipts import sale_receipt, store_header
from tests.conftest import APPLE_CODE, Store

WORDS = "연습 모드 — 실제 결제 아님"


def test_the_shipped_default_has_no_terminal_and_no_practice_mode() -> None:
    assert Settings().card.terminal == "" and Settings().card.practice is False


def test_practice_mode_is_on_screen_and_on_every_receipt(
    qtbot, store: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    settings = replace(Settings(), card=replace(Settings().card, terminal="", practice=True))
    parts = build(
        store.db, settings, runner=SyncRunner(), printer=PreviewPrinter(tmp_path / "receipts")
    )
    try:
        window = parts.window
        qtbot.addWidget(window)
        window.resize(1024, 768)
        window.show()
        assert window.practice_label.isVisible() and window.practice_label.text() == WORDS
        session = window.session
        session.sign_in("1111")
        session.scan(APPLE_CODE)
        sale = window.payments.pay([Tender.cash(20_000)]).sale
        assert WORDS in layout_sale(sale_receipt(sale, settings, cashier="김하늘")).text()
        x = layout_text("X", ["X 중간 리포트"], store_header(settings)).text()
        assert WORDS in x
    finally:
        parts.shutdown()


def test_a_real_till_prints_no_practice_words(store: Store, tmp_path: Path) -> None:
    assert WORDS not in layout_text("X", ["x"], store_header(Settings())).text()
