"""The void-reason dialog (거래 취소 사유): a reason picked from the store's list
(posapp.usecases.holds.VOID_REASONS, data shown as is) and a free-text note, needed for the
last one ("기타"); asked before the manager's PIN."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from posapp.ui.dialogs import big_button


class VoidReasonDialog(QDialog):
    def __init__(
        self,
        reasons: tuple[str, ...],
        parent: QWidget | None = None,
        *,
        title: str | None = None,
        prompt: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("거래 취소 사유"))
        self._reasons = reasons
        layout = QVBoxLayout(self)
        self.prompt = QLabel(prompt or self.tr("취소 사유를 고르세요"))
        self.prompt.setWordWrap(True)
        layout.addWidget(self.prompt)
        self.group = QButtonGroup(self)
        self.choices: list[QRadioButton] = []
        for i, reason in enumerate(reasons):
            button = QRadioButton(reason)
            button.setStyleSheet("font-size: 13pt; min-height: 40px;")  # touch-sized
            self.group.addButton(button, i)
            self.choices.append(button)
            layout.addWidget(button)
        self.note = QLineEdit()
        self.note.setMaxLength(200)
        self.note.setPlaceholderText(self.tr("메모 ('기타'는 꼭 적으세요)"))
        self.note.setStyleSheet("font-size: 13pt; min-height: 40px;")
        layout.addWidget(self.note)
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok: QPushButton = buttons.addButton(
            self.tr("확인"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.ok.setText(self.tr("확인 (Enter)"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("취소 (Esc)"))
        for b in (self.ok, cancel):
            big_button(b)
        layout.addWidget(buttons)
        # wide enough that the note's hint ('기타'는 꼭 적으세요) is read whole
        self.note.ensurePolished()  # its style sheet's font, measured
        hint = self.note.fontMetrics().horizontalAdvance(self.note.placeholderText())
        self.setMinimumWidth(max(hint + 64, 420))

    def _accept(self) -> None:
        i = self.group.checkedId()
        if i < 0:
            self.error.setText(self.tr("사유를 고르세요."))
            return
        if i == len(self._reasons) - 1 and not self.note.text().strip():
            self.error.setText(self.tr("'기타'는 사유를 적어야 합니다."))
            return
        self.accept()

    def value(self) -> tuple[str, str]:
        return self._reasons[self.group.checkedId()], self.note.text().strip()
