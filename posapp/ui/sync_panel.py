"""The till's view of the sync: a status button in the top bar and the online-orders dialog.

The button reads the worker's :class:`~posapp.usecases.online_orders.SyncStatus` (pending
count, last success, last error in words) and is hidden while sync is off (no platform URL).
The dialog lists online orders waiting for pick-up, hands one over (the reserved goods leave
stock through the ledger; the platform is told by the outbox) and offers "sync now".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from posapp.domain import calendar
from posapp.domain.money import format_krw
from posapp.ui.i18n import installed_locale
from posapp.ui.messages import explain, korean
from posapp.ui.tasks import Task
from posapp.usecases.online_orders import OrderInfo, SyncStatus


def _hhmm(at: dt.datetime | None) -> str:
    return calendar.to_local(at).strftime("%H:%M") if at else "-"


class SyncButton(QPushButton):
    """ "동기화 ● 대기 N" in green/amber/red; the tooltip holds the last error in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet("font-size: 11pt; min-height: 36px; padding: 0 10px;")
        self.status: SyncStatus | None = None
        self.hide()

    def show_status(self, status: SyncStatus) -> None:
        self.status = status
        if not status.enabled:
            self.hide()
            return
        if status.last_error and not status.online:
            text = self.tr("동기화 오류 · 대기 {pending}건").format(pending=status.pending)
            color = "#b00020"
        elif status.pending:
            text = self.tr("동기화 중 · 대기 {pending}건").format(pending=status.pending)
            color = "#9a6700"
        else:
            text = self.tr("동기화 완료 {time}").format(time=_hhmm(status.last_success))
            color = "#05690d"
        if status.rejected:
            text += self.tr(" · 거부 {rejected}건").format(rejected=status.rejected)
            color = "#b00020"
        self.setText(text)
        self.setStyleSheet(f"font-size: 11pt; min-height: 36px; padding: 0 10px; color: {color};")
        self.setToolTip(status_words(status))
        self.show()


def installed_locale_now() -> str:
    app = QCoreApplication.instance()
    return installed_locale(app) if app is not None else "ko"


def status_words(status: SyncStatus) -> str:
    """The whole status in sentences, for the tooltip and the dialog."""
    translate = QCoreApplication.translate
    lines = [
        translate("sync", "보낼 문서 {pending}건 · 거부 {rejected}건 · 보낸 문서 {sent}건").format(
            pending=status.pending, rejected=status.rejected, sent=status.sent
        ),
        translate("sync", "마지막 성공 {time}").format(time=_hhmm(status.last_success)),
    ]
    if status.last_error:
        error = status.last_error
        if status.last_error_code and installed_locale_now() == "ko":
            error = f"{korean(status.last_error_code, {}, error)}\n({status.last_error})"
        words = translate("sync", "마지막 오류: {error} (다시 시도까지 {seconds:.0f}초)")
        lines.append(words.format(error=error, seconds=status.next_try_in))
    return "\n".join(lines)


class OnlineOrdersDialog(QDialog):
    """Orders to hand over; Enter hands over the selected one."""

    def __init__(
        self,
        load: Callable[[], Task[list[OrderInfo]]],
        pick_up: Callable[[str], Task[OrderInfo]],
        sync_now: Callable[[], None] | None,
        status: SyncStatus | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("온라인 주문 픽업"))
        self.resize(640, 480)
        self._load = load
        self._pick_up = pick_up
        self.handed: list[OrderInfo] = []
        layout = QVBoxLayout(self)
        self.status_label = QLabel(status_words(status) if status else self.tr("동기화 꺼짐"))
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.orders = QListWidget()
        self.orders.setStyleSheet("font-size: 13pt;")
        self.orders.itemActivated.connect(lambda _: self.hand_over())
        layout.addWidget(self.orders, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.hand_btn = QPushButton(self.tr("픽업 완료 (Enter)"))
        self.hand_btn.clicked.connect(self.hand_over)
        refresh = QPushButton(self.tr("새로고침"))
        refresh.clicked.connect(self.reload)
        row.addWidget(self.hand_btn)
        row.addWidget(refresh)
        if sync_now is not None:
            now = QPushButton(self.tr("지금 동기화"))

            def ask_now() -> None:
                sync_now()
                self.message.setText(self.tr("동기화를 요청했습니다."))

            now.clicked.connect(ask_now)
            row.addWidget(now)
        close = QPushButton(self.tr("닫기"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        for b in self.findChildren(QPushButton):
            b.setStyleSheet("font-size: 12pt; min-height: 44px;")
        layout.addLayout(row)
        self.reload()

    def _sync_now(self, sync_now: Callable[[], None]) -> None:
        sync_now()
        self.message.setText(self.tr("동기화를 요청했습니다."))

    def reload(self) -> None:
        self._load().success(self._show).failure(lambda e: self.message.setText(explain(e)))

    def _show(self, orders: list[OrderInfo]) -> None:
        self.orders.clear()
        for o in orders:
            goods = ", ".join(f"{ln.name or ln.sku} ×{ln.qty}" for ln in o.lines)
            text = self.tr("{no} · {name} {phone} · {total}\n    {goods}").format(
                no=o.order_no,
                name=o.customer_name,
                phone=o.customer_phone,
                total=format_krw(o.total),
                goods=goods,
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, o.uuid)
            self.orders.addItem(item)
        if orders:
            self.orders.setCurrentRow(0)
        else:
            empty = QListWidgetItem(self.tr("픽업을 기다리는 주문이 없습니다."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.orders.addItem(empty)
        self.hand_btn.setEnabled(bool(orders))

    def hand_over(self) -> None:
        item = self.orders.currentItem()
        ident = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not ident:
            return

        def done(order: Any) -> None:
            self.handed.append(order)
            self.message.setText(
                self.tr("{no} 픽업 완료: 재고에서 차감했습니다.").format(no=order.order_no)
            )
            self.reload()

        self._pick_up(ident).success(done).failure(lambda e: self.message.setText(explain(e)))
