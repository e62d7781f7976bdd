"""The staff screen (직원·권한), for whoever holds ``user_admin``: the users — add one, change
a role, reset a forgotten PIN, lift a lockout, stop or resume — and a grid of which role may do
what, changed by ticking a box. Every change is a call of posapp.usecases.staff.StaffAdmin on the
database worker and is an audit event; a refused change is said in words and the screen shows
what the database holds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.auth.error_codes import StaffErrorCode
from posapp.errors import PosError
from posapp.ui.i18n import QT_TRANSLATE_NOOP
from posapp.ui.messages import explain
from posapp.ui.operations import Op, Runner
from posapp.ui.tables import cell
from posapp.ui.tasks import Task
from posapp.usecases.staff import (
    Permission,
    Role,
    StaffAdmin,
    StaffOverview,
    StaffRow,
    validate_pin,
)

ROLE_NAMES = {
    Role.CASHIER: QT_TRANSLATE_NOOP("StaffDialog", "계산원"),
    Role.MANAGER: QT_TRANSLATE_NOOP("StaffDialog", "매니저"),
    Role.CLASS_STAFF: QT_TRANSLATE_NOOP("StaffDialog", "쿠킹클래스 직원"),
    Role.ADMIN: QT_TRANSLATE_NOOP("StaffDialog", "관리자"),
}
PERMISSION_NAMES = {
    Permission.VOID: QT_TRANSLATE_NOOP("StaffDialog", "거래 취소"),
    Permission.REFUND: QT_TRANSLATE_NOOP("StaffDialog", "환불"),
    Permission.DISCOUNT_OVER_LIMIT: QT_TRANSLATE_NOOP("StaffDialog", "한도 넘는 할인"),
    Permission.PRICE_OVERRIDE: QT_TRANSLATE_NOOP("StaffDialog", "가격 변경"),
    Permission.NO_SALE_DRAWER: QT_TRANSLATE_NOOP("StaffDialog", "판매 없이 돈통 열기"),
    Permission.STOCK_ADJUSTMENT: QT_TRANSLATE_NOOP("StaffDialog", "재고 조정·폐기"),
    Permission.SETTINGS: QT_TRANSLATE_NOOP("StaffDialog", "설정·감사 기록"),
    Permission.USER_ADMIN: QT_TRANSLATE_NOOP("StaffDialog", "직원·권한 관리"),
    Permission.QUICK_KEYS: QT_TRANSLATE_NOOP("StaffDialog", "퀵키 편집"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("StaffDialog", text)


class PinPairDialog(QDialog):
    """A PIN typed twice (a first PIN, or a reset); refuses a bad or mismatched PIN before
    anything is saved. Subclasses add rows above it."""

    def __init__(self, title: str, pin_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        self._rows_above()
        self.pin = QLineEdit()
        self.pin2 = QLineEdit()
        for w in (self.pin, self.pin2):
            w.setEchoMode(QLineEdit.EchoMode.Password)
            w.setMaxLength(6)
        self.form.addRow(pin_label, self.pin)
        self.form.addRow(QCoreApplication.translate("PinPairDialog", "PIN 확인"), self.pin2)
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b00020;")
        self.form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)

    def _rows_above(self) -> None:
        pass

    def _problem(self) -> str:
        """What is wrong with the rows above, in words ("" when nothing)."""
        return ""

    def _check(self) -> None:
        problem = self._problem()
        if not problem and self.pin.text() != self.pin2.text():
            problem = QCoreApplication.translate("PinPairDialog", "두 PIN이 다릅니다.")
        if not problem:
            try:
                validate_pin(self.pin.text())
            except PosError as exc:
                problem = explain(exc)
        if problem:
            self.error.setText(problem)
            return
        self.accept()


class NewUserDialog(PinPairDialog):
    """Name, role and a first PIN typed twice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("직원 추가"), self.tr("PIN (4~6자리)"), parent)

    def _rows_above(self) -> None:
        self.name = QLineEdit()
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(_tr(ROLE_NAMES[role]), role.value)
        self.form.addRow(self.tr("이름"), self.name)
        self.form.addRow(self.tr("역할"), self.role)

    def _problem(self) -> str:
        return "" if self.name.text().strip() else self.tr("이름을 입력하세요.")

    def value(self) -> tuple[str, Role, str]:
        return self.name.text().strip(), Role(self.role.currentData()), self.pin.text()


class StaffAsker:
    """Opens the real small dialogs; tests replace it with scripted answers."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def new_user(self) -> tuple[str, Role, str] | None:
        d = NewUserDialog(self.parent)
        return d.value() if d.exec() == QDialog.DialogCode.Accepted else None

    def new_pin(self, name: str) -> str | None:
        d = PinPairDialog(
            QCoreApplication.translate("PinPairDialog", "PIN 재설정: {name}").format(name=name),
            QCoreApplication.translate("PinPairDialog", "새 PIN"),
            self.parent,
        )
        return d.pin.text() if d.exec() == QDialog.DialogCode.Accepted else None

    def role(self, name: str, current: Role) -> Role | None:
        from PySide6.QtWidgets import QInputDialog

        names = [_tr(ROLE_NAMES[r]) for r in Role]
        text, ok = QInputDialog.getItem(
            self.parent,
            QCoreApplication.translate("StaffDialog", "역할 변경"),
            QCoreApplication.translate("StaffDialog", "{name}의 역할").format(name=name),
            names,
            list(Role).index(current),
            False,
        )
        return list(Role)[names.index(text)] if ok else None


class StaffDialog(QDialog):
    def __init__(
        self,
        staff: StaffAdmin,
        runner: Runner,
        *,
        actor_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.staff, self.runner = staff, runner
        self.actor_id = actor_id
        self.ask: Any = StaffAsker(self)
        self.rows: list[StaffRow] = []
        self._loading = False
        self.setWindowTitle(self.tr("직원·권한"))
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        people = QWidget()
        pl = QVBoxLayout(people)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("이름"), self.tr("역할"), self.tr("상태")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        pl.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, label, shortcut, fn in (
            # Alt keys: the checkout's F-keys and Ctrl keys are application-wide
            ("add", self.tr("추가 (Alt+N)"), "Alt+N", self.add_user),
            ("role", self.tr("역할 변경 (Alt+R)"), "Alt+R", self.change_role),
            ("pin", self.tr("PIN 재설정 (Alt+P)"), "Alt+P", self.reset_pin),
            ("unlock", self.tr("잠금 해제 (Alt+U)"), "Alt+U", self.unlock),
            ("active", self.tr("사용 중지/재개 (Alt+S)"), "Alt+S", self.toggle_active),
        ):
            b = QPushButton(label)
            b.setMinimumHeight(44)
            b.clicked.connect(fn)
            QShortcut(QKeySequence(shortcut), self).activated.connect(fn)
            row.addWidget(b)
            self.buttons[key] = b
        pl.addLayout(row)
        self.tabs.addTab(people, self.tr("직원"))

        self.grid = QTableWidget(len(Permission), len(Role))
        self.grid.setHorizontalHeaderLabels([_tr(ROLE_NAMES[r]) for r in Role])
        self.grid.setVerticalHeaderLabels([_tr(PERMISSION_NAMES[p]) for p in Permission])
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for i in range(len(Permission)):
            for j in range(len(Role)):
                item = QTableWidgetItem()
                item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.grid.setItem(i, j, item)
        self.grid.itemChanged.connect(self._on_grid_changed)
        grid_page = QWidget()
        gl = QVBoxLayout(grid_page)
        gl.addWidget(
            QLabel(
                self.tr(
                    "칸을 누르면 바로 저장되고 감사 기록에 남습니다. "
                    "관리자는 언제나 직원·권한 관리를 가집니다."
                )
            )
        )
        gl.addWidget(self.grid, 1)
        self.tabs.addTab(grid_page, self.tr("권한"))

        self.message = QLabel("")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.resize(820, 520)

    # --- loading ------------------------------------------------------------------------

    def refresh(self) -> Task[StaffOverview]:
        actor = self.actor_id
        return (
            Op(self, self.runner, lambda: self.staff.overview(actor))
            .success(self._show)
            .failure(self._fail)
            .run()
        )

    def _show(self, overview: StaffOverview) -> None:
        keep = self._selected_id()
        rows, matrix = list(overview.rows), overview.matrix
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            if not r.active:
                state = self.tr("사용 중지")
            elif r.locked():
                state = self.tr("잠김 (PIN {n}회 틀림)").format(n=r.failed_attempts)
            else:
                state = self.tr("사용 중")
            for j, text in enumerate((r.name, _tr(ROLE_NAMES[r.role]), state)):
                self.table.setItem(i, j, QTableWidgetItem(text))
            if r.id == keep:
                self.table.selectRow(i)
        self._loading = True
        try:
            for i, p in enumerate(Permission):
                for j, role in enumerate(Role):
                    on = p in matrix.get(role, frozenset())
                    cell(self.grid, i, j).setCheckState(
                        Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
                    )
        finally:
            self._loading = False

    def _fail(self, exc: BaseException) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(explain(exc))

    def _done(self, text: str) -> None:
        self.message.setStyleSheet("color: #05690d;")
        self.message.setText(text)
        self.refresh()

    def _selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if rows and rows[0].row() < len(self.rows):
            return self.rows[rows[0].row()].id
        return None

    def _selected(self) -> StaffRow | None:
        uid = self._selected_id()
        row = next((r for r in self.rows if r.id == uid), None)
        if row is None:
            self._fail(PosError("choose a person first", code=StaffErrorCode.NONE_SELECTED))
        return row

    def _write(self, fn: Callable[[], object], done: str) -> None:
        def refused(exc: BaseException) -> None:
            self._fail(exc)
            self.refresh()  # show what the database holds (a refused tick goes back)

        Op(self, self.runner, fn).success(lambda _: self._done(done)).failure(refused).run()

    # --- actions ------------------------------------------------------------------------

    def add_user(self) -> None:
        answer = self.ask.new_user()
        if answer is None:
            return
        name, role, pin = answer
        self._write(
            lambda: self.staff.add(self.actor_id, name, role, pin),
            self.tr("{name} 추가됨").format(name=name),
        )

    def change_role(self) -> None:
        row = self._selected()
        if row is None:
            return
        role = self.ask.role(row.name, row.role)
        if role is None or role is row.role:
            return
        self._write(
            lambda: self.staff.set_role(self.actor_id, row.id, role),
            self.tr("{name}: {role}").format(name=row.name, role=_tr(ROLE_NAMES[role])),
        )

    def reset_pin(self) -> None:
        row = self._selected()
        if row is None:
            return
        pin = self.ask.new_pin(row.name)
        if pin is None:
            return
        self._write(
            lambda: self.staff.reset_pin(self.actor_id, row.id, pin),
            self.tr("{name}: 새 PIN 저장됨 (잠금도 풀림)").format(name=row.name),
        )

    def unlock(self) -> None:
        row = self._selected()
        if row is None:
            return
        self._write(
            lambda: self.staff.unlock(self.actor_id, row.id),
            self.tr("{name}: 잠금 해제됨").format(name=row.name),
        )

    def toggle_active(self) -> None:
        row = self._selected()
        if row is None:
            return
        active = not row.active
        done = (
            self.tr("{name}: 다시 사용").format(name=row.name)
            if active
            else self.tr("{name}: 사용 중지 (기록은 남습니다)").format(name=row.name)
        )
        self._write(
            lambda: self.staff.set_active(self.actor_id, row.id, active),
            done,
        )

    def _on_grid_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        perm = list(Permission)[item.row()]
        role = list(Role)[item.column()]
        on = item.checkState() == Qt.CheckState.Checked
        words = self.tr("{role}: {permission} 허용") if on else self.tr("{role}: {permission} 해제")
        self._write(
            lambda: self.staff.set_permission(self.actor_id, role, perm, on),
            words.format(role=_tr(ROLE_NAMES[role]), permission=_tr(PERMISSION_NAMES[perm])),
        )
