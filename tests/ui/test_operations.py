"""The UI's one way to call a use case (posapp.ui.operations): success required, failures in
Korean where the person is looking, approvals asked once and bound to the request."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from posapp.errors import PosError
from posapp.ui.operations import Op, with_approval
from posapp.ui.tasks import SyncRunner
from posapp.usecases.approvals import Approval, ApprovalRequest, Approvals
from tests.conftest import Store


class Screen(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def show_message(self, text: str) -> None:
        self.messages.append(text)


class Pins:
    """A PinPort that answers the prompts it is asked, in order, and records them."""

    def __init__(self, *answers: str | None) -> None:
        self.answers = list(answers)
        self.asked: list[ApprovalRequest] = []

    def ask_pin(self, request: ApprovalRequest) -> str | None:
        self.asked.append(request)
        return self.answers.pop(0)


REQUEST = ApprovalRequest("void", "관리자 승인", "거래 취소", bound={"amount": 12_900})


def test_an_op_without_a_success_callback_is_refused(qtbot) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TypeError):
        Op(None, SyncRunner(), lambda: 1).run()


def test_a_failure_is_shown_in_korean_on_the_screen_by_default(qtbot) -> None:  # type: ignore[no-untyped-def]
    screen = Screen()
    qtbot.addWidget(screen)

    def fail() -> None:
        raise PosError("shift is not open", code="shift.not_open")

    got: list[object] = []
    Op(screen, SyncRunner(), fail).success(got.append).run()
    assert got == []
    assert len(screen.messages) == 1
    assert "shift" not in screen.messages[0]  # the person's words, not the English message


def test_an_action_needing_a_manager_runs_again_with_an_approval_bound_to_it(
    qtbot,  # type: ignore[no-untyped-def]
    store: Store,
) -> None:
    screen = Screen()
    qtbot.addWidget(screen)
    pins = Pins("2222")
    seen: list[Approval | None] = []

    def action(approval: Approval | None) -> str:
        seen.append(approval)
        if approval is None or not approval.covers("void", amount=12_900):
            raise PosError("needs a manager", code="auth.approval_required")
        return approval.approver_name

    done: list[str] = []
    with_approval(screen, SyncRunner(), Approvals(store.db), pins, REQUEST, action, done.append)
    assert pins.asked == [REQUEST]
    assert seen[0] is None and seen[1] is not None and seen[1].approver_id == store.manager
    assert done == ["박지민"]
    assert screen.messages == []


def test_a_cancelled_prompt_or_a_wrong_pin_runs_nothing_and_says_why(
    qtbot,  # type: ignore[no-untyped-def]
    store: Store,
) -> None:
    screen = Screen()
    qtbot.addWidget(screen)
    calls: list[Approval | None] = []

    def action(approval: Approval | None) -> None:
        calls.append(approval)
        if approval is None:
            raise PosError("needs a manager", code="auth.approval_required")

    done: list[None] = []
    for pins in (Pins(None), Pins("1111")):
        with_approval(screen, SyncRunner(), Approvals(store.db), pins, REQUEST, action, done.append)
    assert done == []
    assert calls == [None, None]  # a cashier's PIN never reaches the action
    assert len(screen.messages) == 2
