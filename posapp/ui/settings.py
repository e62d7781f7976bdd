"""The settings screen: register this till (id, name), its printer and cash drawer, scanner and
scale ports, the database it uses (with a connection test), the online platform and the UI
language; and the last scheduled backup and the last failure since (read only).

Qt only: it edits a :class:`posapp.usecases.settings.TillSetup`; the connection test and the
save are calls of :class:`posapp.usecases.settings.TillSettings` — the test an ``IoOp`` on the
I/O pool (a server that does not answer takes seconds), the save an ``Op`` on the database
worker — and report back in words. Nothing typed is lost when something is refused.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from posapp.ui.i18n import QT_TRANSLATE_NOOP
from posapp.ui.inventory_edit import local_time
from posapp.ui.messages import explain, row_problem
from posapp.ui.operations import IoOp, Op, Runner
from posapp.usecases.settings import (
    DRAWER_PINS,
    PAPER_WIDTHS,
    PRINTER_KINDS,
    SCALE_KINDS,
    SCANNER_KINDS,
    BackupView,
    CardCheck,
    DbCheck,
    Saved,
    TillSettings,
    TillSetup,
)

# what each choice is called on screen (the value is what the file holds)
CHOICE_NAMES = {
    "preview": QT_TRANSLATE_NOOP("SettingsDialog", "미리보기 (프린터 없음)"),
    "network": QT_TRANSLATE_NOOP("SettingsDialog", "네트워크 (LAN)"),
    "usb": QT_TRANSLATE_NOOP("SettingsDialog", "USB"),
    "serial": QT_TRANSLATE_NOOP("SettingsDialog", "시리얼 포트"),
    "file": QT_TRANSLATE_NOOP("SettingsDialog", "장치 파일"),
    "wedge": QT_TRANSLATE_NOOP("SettingsDialog", "키보드 방식 (USB)"),
    "": QT_TRANSLATE_NOOP("SettingsDialog", "없음 (무게 입력)"),
    "cas": QT_TRANSLATE_NOOP("SettingsDialog", "CAS PD-II"),
    "generic": QT_TRANSLATE_NOOP("SettingsDialog", "기타 (정규식)"),
    "ko": QT_TRANSLATE_NOOP("SettingsDialog", "한국어"),
    "en": QT_TRANSLATE_NOOP("SettingsDialog", "English"),
}
FIELD_NAMES = {
    "register_id": QT_TRANSLATE_NOOP("SettingsDialog", "계산대 번호"),
    "register_name": QT_TRANSLATE_NOOP("SettingsDialog", "계산대 이름"),
    "printer_kind": QT_TRANSLATE_NOOP("SettingsDialog", "프린터 종류"),
    "printer_host": QT_TRANSLATE_NOOP("SettingsDialog", "프린터 주소"),
    "printer_port": QT_TRANSLATE_NOOP("SettingsDialog", "프린터 포트"),
    "printer_device": QT_TRANSLATE_NOOP("SettingsDialog", "프린터 장치"),
    "paper_mm": QT_TRANSLATE_NOOP("SettingsDialog", "용지 폭"),
    "drawer_pin": QT_TRANSLATE_NOOP("SettingsDialog", "돈통 핀"),
    "scanner_kind": QT_TRANSLATE_NOOP("SettingsDialog", "스캐너"),
    "scanner_device": QT_TRANSLATE_NOOP("SettingsDialog", "스캐너 포트"),
    "scale_kind": QT_TRANSLATE_NOOP("SettingsDialog", "저울"),
    "scale_device": QT_TRANSLATE_NOOP("SettingsDialog", "저울 포트"),
    "database_url": QT_TRANSLATE_NOOP("SettingsDialog", "데이터베이스 주소"),
    "database_password": QT_TRANSLATE_NOOP("SettingsDialog", "데이터베이스 비밀번호"),
    "platform_url": QT_TRANSLATE_NOOP("SettingsDialog", "플랫폼 주소"),
    "platform_token": QT_TRANSLATE_NOOP("SettingsDialog", "플랫폼 토큰"),
    "locale": QT_TRANSLATE_NOOP("SettingsDialog", "화면 언어"),
    "card_terminal": QT_TRANSLATE_NOOP("SettingsDialog", "카드 단말기"),
}


def where_words(where: str) -> str:
    """Where the secret store keeps the token, in the UI's words (the store says it in
    English for the CLI and the log: "not set", "OS keyring", "environment (NAME)", "file P")."""
    translate = QCoreApplication.translate
    if not where or where == "not set":
        return translate("SettingsDialog", "저장된 토큰 없음")
    if where == "OS keyring":
        return translate("SettingsDialog", "OS 키링")
    if where.startswith("environment (") and where.endswith(")"):
        name = where[len("environment (") : -1]
        return translate("SettingsDialog", "환경 변수 {name}").format(name=name)
    if where.startswith("file "):
        return translate("SettingsDialog", "파일 {path}").format(path=where[len("file ") :])
    return where


def _when(iso: str) -> str:
    """A recorded UTC time in the store's time zone (``2026-12-01 11:00``)."""
    try:
        return local_time(dt.datetime.fromisoformat(iso))
    except ValueError:
        return iso


def _size(n: int) -> str:
    return f"{n / 1_000_000:,.1f} MB" if n >= 100_000 else f"{max(n, 0) / 1000:,.0f} KB"


class SettingsDialog(QDialog):
    """Edit the till's setup; 연결 시험 (Ctrl+T) checks the database URL, 저장 (Ctrl+S) saves."""

    def __init__(
        self,
        settings: TillSettings,
        runner: Runner,
        *,
        actor_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings, self.runner, self.actor_id = settings, runner, actor_id
        setup = self.setup = settings.read()
        locales = list(settings.locales)
        token_where = settings.token_where()
        self.saved: Saved | None = None
        self.setWindowTitle(self.tr("설정 — 계산대 등록"))
        root = QVBoxLayout(self)

        till = QGroupBox(self.tr("계산대"))
        f = QFormLayout(till)
        self.register_id = QLineEdit(setup.register_id)
        self.register_id.setMaxLength(16)
        self.register_name = QLineEdit(setup.register_name)
        self.register_name.setMaxLength(60)
        f.addRow(self.tr(FIELD_NAMES["register_id"]), self.register_id)
        f.addRow(self.tr(FIELD_NAMES["register_name"]), self.register_name)
        self.locale_box = self._combo(locales, setup.locale)
        f.addRow(self.tr(FIELD_NAMES["locale"]), self.locale_box)
        top = QHBoxLayout()  # the till and its backups side by side: the whole fits 1024×768
        top.addWidget(till, 1)
        upper = QVBoxLayout()  # and under them, the whole width, a backup's failure
        upper.setSpacing(2)
        upper.addLayout(top)
        root.addLayout(upper)

        dev = QGroupBox(self.tr("프린터·돈통·스캐너·저울"))
        f = QFormLayout(dev)
        self.printer_kind = self._combo(PRINTER_KINDS, setup.printer_kind)
        self.printer_host = QLineEdit(setup.printer_host)
        self.printer_host.setPlaceholderText("192.168.0.50")
        self.printer_port = QSpinBox()
        self.printer_port.setRange(1, 65535)
        self.printer_port.setValue(setup.printer_port)
        self.printer_device = QLineEdit(setup.printer_device)
        self.printer_device.setPlaceholderText("/dev/ttyUSB0")
        self.paper_mm = self._combo(PAPER_WIDTHS, setup.paper_mm, suffix=" mm")
        self.drawer_pin = self._combo(DRAWER_PINS, setup.drawer_pin)
        self.scanner_kind = self._combo(SCANNER_KINDS, setup.scanner_kind)
        self.scanner_device = QLineEdit(setup.scanner_device)
        self.scale_kind = self._combo(SCALE_KINDS, setup.scale_kind)
        self.scale_device = QLineEdit(setup.scale_device)
        printer_row = QHBoxLayout()
        printer_row.addWidget(self.printer_kind, 1)
        printer_row.addWidget(self.paper_mm)
        f.addRow(self.tr(FIELD_NAMES["printer_kind"]), printer_row)
        host_row = QHBoxLayout()
        host_row.addWidget(self.printer_host, 1)
        host_row.addWidget(self.printer_port)
        f.addRow(self.tr(FIELD_NAMES["printer_host"]), host_row)
        f.addRow(self.tr(FIELD_NAMES["printer_device"]), self.printer_device)
        f.addRow(self.tr(FIELD_NAMES["drawer_pin"]), self.drawer_pin)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scanner_kind)
        scan_row.addWidget(self.scanner_device, 1)
        f.addRow(self.tr(FIELD_NAMES["scanner_kind"]), scan_row)
        scale_row = QHBoxLayout()
        scale_row.addWidget(self.scale_kind)
        scale_row.addWidget(self.scale_device, 1)
        f.addRow(self.tr(FIELD_NAMES["scale_kind"]), scale_row)
        root.addWidget(dev)

        card = QGroupBox(self.tr("카드 단말기"))
        f = QFormLayout(card)
        self.card_terminal = QLineEdit(setup.card_terminal)
        self.card_terminal.setPlaceholderText(
            self.tr("비우면 카드 수기 입력 (별도 단말기 승인번호) · tcp://주소:포트")
        )
        self.card_test_btn = QPushButton(self.tr("단말기 시험"))
        self.card_test_btn.clicked.connect(self.test_card_terminal)
        card_row = QHBoxLayout()
        card_row.addWidget(self.card_terminal, 1)
        card_row.addWidget(self.card_test_btn)
        f.addRow(self.tr(FIELD_NAMES["card_terminal"]), card_row)
        self.card_state = QLabel("")
        self.card_state.setWordWrap(True)
        f.addRow("", self.card_state)
        root.addWidget(card)

        data = QGroupBox(self.tr("데이터베이스·온라인 플랫폼"))
        f = QFormLayout(data)
        self.database_url = QLineEdit(setup.database_url)
        self.database_url.setPlaceholderText(
            self.tr("비우면 이 컴퓨터의 SQLite · postgresql://사용자@서버:5432/posapp")
        )
        self.test_btn = QPushButton(self.tr("연결 시험 (Ctrl+T)"))
        self.test_btn.setShortcut("Ctrl+T")
        self.test_btn.clicked.connect(self.test_connection)
        url_row = QHBoxLayout()
        url_row.addWidget(self.database_url, 1)
        url_row.addWidget(self.test_btn)
        f.addRow(self.tr(FIELD_NAMES["database_url"]), url_row)
        self.db_state = QLabel("")
        self.db_state.setWordWrap(True)
        f.addRow("", self.db_state)
        self.platform_url = QLineEdit(setup.platform_url)
        self.platform_url.setPlaceholderText(self.tr("비우면 동기화 안 함 · https://..."))
        f.addRow(self.tr(FIELD_NAMES["platform_url"]), self.platform_url)
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(
            self.tr("비우면 그대로 ({where})").format(where=where_words(token_where))
        )
        f.addRow(self.tr(FIELD_NAMES["platform_token"]), self.token)
        root.addWidget(data)

        backup = QGroupBox(self.tr("백업"))  # beside 계산대, at the top
        f = QFormLayout(backup)
        self.backup_folder = QLabel("")
        self.backup_folder.setWordWrap(True)
        f.addRow(self.tr("백업 폴더"), self.backup_folder)
        self.backup_state = QLabel(self.tr("읽는 중…"))
        self.backup_state.setWordWrap(True)
        f.addRow(self.tr("마지막 백업"), self.backup_state)
        self.backup_disk = QLabel("")  # a disk that dies takes the database and its backups
        self.backup_disk.setWordWrap(True)
        self.backup_disk.setStyleSheet("color: #b00020;")
        self.backup_disk.hide()
        f.addRow(self.backup_disk)
        self.backup_failure = QLabel("")
        self.backup_failure.setWordWrap(True)
        self.backup_failure.setStyleSheet("color: #b00020;")
        self.backup_failure.hide()
        top.addWidget(backup, 1)
        upper.addWidget(self.backup_failure)  # the whole width: a long folder's words fit

        self.message = QLabel(
            self.tr("저장한 설정은 다시 시작하면 적용됩니다 (계산대 이름은 바로).")
        )
        self.message.setWordWrap(True)
        bottom = QHBoxLayout()  # the message beside 저장/닫기: the dialog fits 768 px high
        bottom.addWidget(self.message, 1)
        root.addLayout(bottom)
        buttons = QDialogButtonBox()
        self.save_btn = buttons.addButton(
            self.tr("저장 (Ctrl+S)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_btn.setShortcut("Ctrl+S")
        self.close_btn = buttons.addButton(
            self.tr("닫기 (Esc)"), QDialogButtonBox.ButtonRole.RejectRole
        )
        for b in (self.save_btn, self.close_btn):  # a finger's, like the till's own keys
            b.setStyleSheet("font-size: 13pt; min-height: 40px; padding: 0 12px;")
            b.setMinimumHeight(40)
        self.save_btn.clicked.connect(self.save)
        self.close_btn.clicked.connect(self.reject)
        bottom.addWidget(buttons)
        self.printer_kind.currentIndexChanged.connect(self._enable)
        self.scanner_kind.currentIndexChanged.connect(self._enable)
        self.scale_kind.currentIndexChanged.connect(self._enable)
        self._enable()
        self.resize(900, 660)
        Op(self, self.runner, settings.backup_view).success(self._backup_shown).failure(
            lambda exc: self.backup_state.setText(explain(exc))
        ).run()

    def _combo(self, values: Any, current: Any, suffix: str = "") -> QComboBox:
        combo = QComboBox()
        for v in values:
            name = CHOICE_NAMES.get(v) if isinstance(v, str) else None
            combo.addItem(self.tr(name) if name else f"{v}{suffix}", v)
        i = combo.findData(current)
        if i < 0:  # a value the file holds that the list does not know: keep it
            combo.addItem(f"{current}{suffix}", current)
            i = combo.count() - 1
        combo.setCurrentIndex(i)
        return combo

    def _enable(self) -> None:
        kind = self.printer_kind.currentData()
        self.printer_host.setEnabled(kind == "network")
        self.printer_port.setEnabled(kind == "network")
        self.printer_device.setEnabled(kind in ("serial", "file", "usb"))
        self.scanner_device.setEnabled(self.scanner_kind.currentData() == "serial")
        self.scale_device.setEnabled(bool(self.scale_kind.currentData()))

    def value(self) -> TillSetup:
        """What the screen holds now (checked when it is saved)."""
        return TillSetup(
            register_id=self.register_id.text(),
            register_name=self.register_name.text(),
            printer_kind=self.printer_kind.currentData(),
            printer_host=self.printer_host.text(),
            printer_port=self.printer_port.value(),
            printer_device=self.printer_device.text(),
            paper_mm=self.paper_mm.currentData(),
            drawer_pin=self.drawer_pin.currentData(),
            scanner_kind=self.scanner_kind.currentData(),
            scanner_device=self.scanner_device.text(),
            scale_kind=self.scale_kind.currentData(),
            scale_device=self.scale_device.text(),
            database_url=self.database_url.text(),
            platform_url=self.platform_url.text(),
            locale=self.locale_box.currentData(),
            card_terminal=self.card_terminal.text().strip(),
        )

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")

    # --- the scheduled backups ------------------------------------------------------------

    def _backup_shown(self, view: BackupView) -> None:
        s = view.status
        self.backup_folder.setText(view.folder)
        if s.at:
            text = self.tr("{when} · 계산대 {register} · {size}").format(
                when=_when(s.at), register=s.register, size=_size(s.bytes)
            )
        else:
            text = self.tr("아직 없습니다")
        if not view.makes_backups:
            text += " · " + self.tr(
                "이 계산대는 정기 백업을 하지 않습니다 (백오피스 계산대가 합니다)"
            )
        self.backup_state.setText(text)
        self.backup_disk.setText(
            self.tr("데이터베이스와 같은 디스크입니다: USB 드라이브나 네트워크 공유를 쓰세요")
        )
        self.backup_disk.setVisible(view.same_disk)
        if view.failing:
            said = row_problem(s.failed_code, dict(s.failed_data), s.failed_code)
            self.backup_failure.setText(
                self.tr("{when} 실패 · 계산대 {register}: {why}").format(
                    when=_when(s.failed_at), register=s.failed_register, why=said
                )
            )
        self.backup_failure.setVisible(view.failing)

    # --- the database connection test --------------------------------------------------

    def test_connection(self) -> None:
        self.test_btn.setEnabled(False)
        self.db_state.setStyleSheet("")
        self.db_state.setText(self.tr("연결하는 중…"))
        url = self.database_url.text().strip()
        IoOp(self, self.runner, lambda: self.settings.check(url)).success(self._checked).failure(
            self._check_failed
        ).run()

    def _checked(self, c: DbCheck) -> None:
        self.test_btn.setEnabled(True)
        states = {
            "current": self.tr("연결됨 · {server} · 스키마 {revision} (최신)"),
            "behind": self.tr("연결됨 · {server} · 스키마 {revision}: 시작할 때 {head}로 올립니다"),
            "empty": self.tr("연결됨 · {server} · 빈 데이터베이스: 시작할 때 만듭니다"),
            "new_file": self.tr("새 SQLite 파일: 시작할 때 만듭니다"),
        }
        self.db_state.setStyleSheet("color: #1b5e20;")
        self.db_state.setText(
            states[c.state].format(server=c.server, revision=c.revision or "", head=c.head or "")
        )

    def _check_failed(self, exc: BaseException) -> None:
        self.test_btn.setEnabled(True)
        self.db_state.setStyleSheet("color: #b00020;")
        self.db_state.setText(explain(exc))

    # --- the card terminal test ----------------------------------------------------------

    def test_card_terminal(self) -> None:
        self.card_test_btn.setEnabled(False)
        self.card_state.setStyleSheet("")
        self.card_state.setText(self.tr("단말기에 연결하는 중…"))
        uri = self.card_terminal.text().strip()
        IoOp(self, self.runner, lambda: self.settings.check_card_terminal(uri)).success(
            self._card_checked
        ).failure(self._card_failed).run()

    def _card_checked(self, c: CardCheck) -> None:
        self.card_test_btn.setEnabled(True)
        if c.simulator:  # no money moves through it: said before anybody relies on it
            self.card_state.setStyleSheet("color: #b00020;")
            self.card_state.setText(
                self.tr("연결됨 · 카드 시뮬레이터입니다: 연습 모드 — 실제 결제 아님")
            )
            return
        self.card_state.setStyleSheet("color: #1b5e20;")
        self.card_state.setText(self.tr("연결됨 · 단말기가 준비되었습니다"))

    def _card_failed(self, exc: BaseException) -> None:
        self.card_test_btn.setEnabled(True)
        self.card_state.setStyleSheet("color: #b00020;")
        self.card_state.setText(explain(exc))

    # --- saving --------------------------------------------------------------------------

    def save(self) -> None:
        self.save_btn.setEnabled(False)
        self.say(self.tr("저장하는 중…"))
        new, token, actor = self.value(), self.token.text(), self.actor_id
        Op(self, self.runner, lambda: self.settings.save(new, actor_id=actor, token=token)).success(
            self._saved
        ).failure(self._failed).run()

    def _saved(self, saved: Saved) -> None:
        self.save_btn.setEnabled(True)
        self.saved = saved
        self.token.clear()
        if not saved.changed:
            self.say(self.tr("바뀐 설정이 없습니다."))
            return
        text = self.tr("저장했습니다.")
        if saved.restart:
            names = ", ".join(self.tr(FIELD_NAMES[n]) for n in saved.restart)
            text += " " + self.tr("다시 시작해야 적용: {names}").format(names=names)
        if not saved.registered:
            text += " " + self.tr("새 데이터베이스에는 다시 시작한 뒤 근무를 열 때 등록됩니다.")
        self.say(text)

    def _failed(self, exc: BaseException) -> None:
        self.save_btn.setEnabled(True)
        self.say(explain(exc), error=True)
