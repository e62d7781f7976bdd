"""The settings screen's card terminal field: a connection test in words (the bare protocol
fake answers ``status``; the project's simulator says it is one, and the screen says 연습 모드),
a wrong address refused with a clear message and nothing lost, and the address saved."""

from __future__ import annotations

import tomllib

from PySide6.QtCore import Qt

from posapp_devtools.card_simulator import CardTerminalSimulator
from tests.conftest import Store
from tests.support.fake_terminal import FakeTerminal
from tests.ui.test_checkout_flow import sign_in, till  # noqa: F401 (the fixture)
from tests.ui.test_settings_dialog import config, open_settings, setup_till  # noqa: F401


def test_the_card_terminal_field_tests_and_saves(
    qtbot,
    setup_till,  # noqa: F811
    store: Store,
    fake: FakeTerminal,
) -> None:  # type: ignore[no-untyped-def]
    window, script, config_path = setup_till
    sign_in(qtbot, window, script)
    script.push("pin", "9999")
    d = open_settings(qtbot, window)
    assert d.card_terminal.text() == ""  # as shipped: cards keyed in by hand
    d.card_terminal.setText("cardsim:nowhere")
    qtbot.mouseClick(d.card_test_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: d.card_test_btn.isEnabled(), timeout=5000)
    assert "tcp://" in d.card_state.text()  # refused in words
    d.card_terminal.setText(f"tcp://127.0.0.1:{fake.port}")
    qtbot.mouseClick(d.card_test_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "연결됨" in d.card_state.text(), timeout=5000)
    assert fake.ops() == ["status"]
    with CardTerminalSimulator() as sim:
        d.card_terminal.setText(f"tcp://127.0.0.1:{sim.port}")
        qtbot.mouseClick(d.card_test_btn, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "시뮬레이터" in d.card_state.text(), timeout=5000)
        assert "연습 모드" in d.card_state.text()
    fake.down()
    d.card_terminal.setText(f"tcp://127.0.0.1:{fake.port}")
    qtbot.mouseClick(d.card_test_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: d.card_test_btn.isEnabled(), timeout=8000)
    assert "연결할 수 없습니다" in d.card_state.text()
    assert d.card_terminal.text() == f"tcp://127.0.0.1:{fake.port}"  # nothing typed is lost
    qtbot.mouseClick(d.save_btn, Qt.MouseButton.LeftButton)
    data = tomllib.loads(config_path.read_text(encoding="utf-8"))
    assert data["card"] == {"terminal": f"tcp://127.0.0.1:{fake.port}"}
