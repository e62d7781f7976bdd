"""The store-policy screen (매장 정책), for whoever holds ``settings``: every policy key (the
discount limit, the PIN lock time, the open ticket's sanity limits, the money rules: 원단위
절사, 할부, small vouchers' change, the mandatory 현금영수증, expired lots) with its value —
a number in a spin box, a yes/no key in a check box, a key of a few values in a list — saved
through posapp.usecases.policy.StorePolicyAdmin on the database worker: the same for every
till, each change an audit event. The keys' words are the policy's own
(posapp.store_policy.KEYS, Korean data).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from posapp.ui.operations import Op, Runner
from posapp.usecases.policy import PolicyRow, StorePolicyAdmin

W = TypeVar("W", bound=QWidget)
_SPIN_MAX = 2_000_000_000  # QSpinBox holds a 32-bit int


class StorePolicyDialog(QDialog):
    def __init__(
        self,
        policy: StorePolicyAdmin,
        runner: Runner,
        *,
        actor_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("매장 정책"))
        self._policy = policy
        self._runner = runner
        self._actor_id = actor_id
        self.spins: dict[str, QSpinBox] = {}
        self.checks: dict[str, QCheckBox] = {}
        self.lists: dict[str, QComboBox] = {}
        self.texts: dict[str, QLineEdit] = {}
        self._form = QFormLayout()
        self.message = QLabel("")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.addButton(self.tr("저장"), QDialogButtonBox.ButtonRole.ApplyRole)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("모든 계산대에 같이 적용됩니다.")))
        layout.addLayout(self._form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def refresh(self) -> None:
        Op(self, self._runner, self._policy.current).success(self._show).run()

    def _show(self, rows: list[PolicyRow]) -> None:
        for row in rows:
            if row.text is not None:
                self._text(row).setText(row.text)
            elif row.is_switch:
                self._check(row).setChecked(bool(row.value))
            elif row.choices:
                box = self._list(row)
                box.setCurrentIndex(max(0, box.findData(row.value)))
            else:
                self._spin(row).setValue(row.value)

    def _field(self, row: PolicyRow, kept: dict[str, W], make: Callable[[], W]) -> W:
        """The row's widget, made and put on the form the first time."""
        widget = kept.get(row.name)
        if widget is None:
            widget = kept[row.name] = make()
            self._form.addRow(row.label, widget)
        return widget

    def _spin(self, row: PolicyRow) -> QSpinBox:
        def make() -> QSpinBox:
            spin = QSpinBox()
            spin.setRange(row.low, min(row.high, _SPIN_MAX))
            spin.setGroupSeparatorShown(True)
            return spin

        return self._field(row, self.spins, make)

    def _check(self, row: PolicyRow) -> QCheckBox:
        return self._field(row, self.checks, lambda: QCheckBox(self.tr("예")))

    def _list(self, row: PolicyRow) -> QComboBox:
        def make() -> QComboBox:
            box = QComboBox()
            for value in row.choices:
                box.addItem(f"{value:,}", value)
            return box

        return self._field(row, self.lists, make)

    def _text(self, row: PolicyRow) -> QLineEdit:
        return self._field(row, self.texts, QLineEdit)

    def values(self) -> dict[str, int | str]:
        """What the screen shows, key by key."""
        out: dict[str, int | str] = {name: spin.value() for name, spin in self.spins.items()}
        out |= {name: edit.text() for name, edit in self.texts.items()}
        out |= {name: int(check.isChecked()) for name, check in self.checks.items()}
        out |= {name: int(box.currentData()) for name, box in self.lists.items()}
        return out

    def save(self) -> None:
        values = self.values()
        actor = self._actor_id

        def saved(rows: list[PolicyRow]) -> None:
            self._show(rows)
            self.show_message(self.tr("저장했습니다. 모든 계산대에 적용됩니다."))

        Op(self, self._runner, lambda: self._policy.change(actor, values)).success(saved).run()
