"""The quick-key editor (퀵키 편집, Ctrl+Shift+K on the checkout's 관리 page): a manager lays
out the checkout's quick keys — pages (add, rename, move, remove), and on each page the keys
(a product found with the till's Hangul / 초성 search, a label, a colour of the fixed palette,
its place: dragged, or moved with Ctrl+↑ / Ctrl+↓ and the buttons; Delete removes it).

Keyboard first: Tab walks the three columns (pages, keys, the key's product, label and colour),
Enter in the search field adds the product found (never saves the dialog), Ctrl+S saves and
Esc closes (with changes not saved, only a second Esc: the first says so). Every control is
at least 40 px high (a finger's). Saving goes through the use case
(:class:`posapp.usecases.quick_keys.QuickKeysAdmin`), checked for the ``quick_keys``
permission in its transaction and audited; ``on_saved`` then refreshes the checkout's keys.
Qt only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.money import format_krw
from posapp.domain.quick_keys import (
    DEFAULT_COLOUR,
    MAX_LABEL,
    MAX_PAGE_NAME,
    PALETTE,
    colour,
)
from posapp.ui.checkout_view import quick_key_style, unit_ko
from posapp.ui.i18n import QT_TRANSLATE_NOOP
from posapp.ui.keyboard import SearchBox, enter_stays
from posapp.ui.operations import Op, Runner
from posapp.ui.screen_fit import fit_to_screen
from posapp.usecases.quick_keys import (
    Layout,
    PageSpec,
    ProductInfo,
    QuickKeyInfo,
    QuickKeysAdmin,
)

ROW_HEIGHT = 44  # a finger's: every row of the lists, every button
BUTTON_STYLE = "font-size: 11pt; min-height: 44px; padding: 0 8px;"


#: the palette's colours by name (posapp.domain.quick_keys.PALETTE keys)
COLOUR_NAMES: dict[str, str] = {
    "default": QT_TRANSLATE_NOOP("QuickKeysEditor", "기본"),
    "red": QT_TRANSLATE_NOOP("QuickKeysEditor", "빨강"),
    "orange": QT_TRANSLATE_NOOP("QuickKeysEditor", "주황"),
    "yellow": QT_TRANSLATE_NOOP("QuickKeysEditor", "노랑"),
    "green": QT_TRANSLATE_NOOP("QuickKeysEditor", "초록"),
    "mint": QT_TRANSLATE_NOOP("QuickKeysEditor", "연두"),
    "blue": QT_TRANSLATE_NOOP("QuickKeysEditor", "파랑"),
    "sky": QT_TRANSLATE_NOOP("QuickKeysEditor", "하늘"),
    "purple": QT_TRANSLATE_NOOP("QuickKeysEditor", "보라"),
    "pink": QT_TRANSLATE_NOOP("QuickKeysEditor", "분홍"),
    "brown": QT_TRANSLATE_NOOP("QuickKeysEditor", "갈색"),
    "grey": QT_TRANSLATE_NOOP("QuickKeysEditor", "회색"),
}


@dataclass
class _Page:
    name: str
    keys: list[QuickKeyInfo] = field(default_factory=list)


class _OrderList(QListWidget):
    """A list whose rows a person reorders: dragged, or Ctrl+↑ / Ctrl+↓; Delete removes one.
    ``on_move(row, delta)``, ``on_remove(row)`` and ``on_dropped(order)`` tell the editor."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on_move: Callable[[int, int], None] = lambda row, delta: None
        self.on_remove: Callable[[int], None] = lambda row: None
        self.on_dropped: Callable[[list[int]], None] = lambda order: None
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setStyleSheet("font-size: 12pt;")
        self.model().rowsMoved.connect(lambda *_: self._dropped())

    def keyPressEvent(self, e: QKeyEvent) -> None:
        row = self.currentRow()
        ctrl = e.modifiers() & Qt.KeyboardModifier.ControlModifier
        if row >= 0 and ctrl and e.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.on_move(row, -1 if e.key() == Qt.Key.Key_Up else 1)
            e.accept()
            return
        if row >= 0 and e.key() == Qt.Key.Key_Delete:
            self.on_remove(row)
            e.accept()
            return
        super().keyPressEvent(e)

    def _dropped(self) -> None:
        order = [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())]
        self.on_dropped([int(i) for i in order])


def _button(text: str, fn: Callable[[], None]) -> QPushButton:
    b = QPushButton(text)
    b.setAutoDefault(False)  # Enter in a field never presses a button of this dialog
    b.setStyleSheet(BUTTON_STYLE)
    b.clicked.connect(lambda _checked=False: fn())
    return b


class QuickKeysEditor(QDialog):
    """Edit the quick-key layout; ``on_saved`` is called with the layout saved."""

    keys: _OrderList

    def __init__(
        self,
        admin: QuickKeysAdmin,
        runner: Runner,
        *,
        actor_id: int,
        parent: QWidget | None = None,
        on_saved: Callable[[Layout], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.admin = admin
        self.runner = runner
        self.actor_id = actor_id
        self.on_saved = on_saved
        self.pages_state: list[_Page] = []
        self.custom = False
        self.dirty = False
        self._warned = False
        self.setWindowTitle(self.tr("퀵키 편집"))
        root = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet("font-size: 11pt;")
        root.addWidget(self.intro)
        body = QHBoxLayout()
        root.addLayout(body, 1)

        # pages
        left = QVBoxLayout()
        left.addWidget(self._heading(self.tr("페이지")))
        self.pages = _OrderList()
        self.pages.setMinimumWidth(170)
        self.pages.on_move = self.move_page
        self.pages.on_remove = lambda row: self.remove_page()
        self.pages.on_dropped = self._pages_dropped
        self.pages.currentRowChanged.connect(self._page_chosen)
        left.addWidget(self.pages, 1)
        self.page_name = QLineEdit()
        self.page_name.setPlaceholderText(self.tr("페이지 이름"))
        self.page_name.setMaxLength(MAX_PAGE_NAME)
        self.page_name.setMinimumHeight(ROW_HEIGHT)
        self.page_name.textEdited.connect(self._rename_page)
        enter_stays(self.page_name)
        self.page_name.returnPressed.connect(lambda: self.keys.setFocus())
        left.addWidget(self.page_name)
        self.add_page_btn = _button(self.tr("페이지 추가 (Ctrl+N)"), self.add_page)
        left.addWidget(self.add_page_btn)
        page_moves = QHBoxLayout()
        self.page_up_btn = _button(self.tr("▲ 위로"), lambda: self.move_page(self._page_row(), -1))
        self.page_down_btn = _button(
            self.tr("▼ 아래로"), lambda: self.move_page(self._page_row(), 1)
        )
        page_moves.addWidget(self.page_up_btn)
        page_moves.addWidget(self.page_down_btn)
        left.addLayout(page_moves)
        self.remove_page_btn = _button(self.tr("페이지 삭제"), self.remove_page)
        left.addWidget(self.remove_page_btn)
        body.addLayout(left, 2)

        # the keys of the page in front
        middle = QVBoxLayout()
        middle.addWidget(self._heading(self.tr("키 (계산대에 이 순서로, 한 줄에 3개)")))
        self.keys = _OrderList()
        self.keys.on_move = self.move_key
        self.keys.on_remove = lambda row: self.remove_key()
        self.keys.on_dropped = self._keys_dropped
        self.keys.currentRowChanged.connect(self._key_chosen)
        middle.addWidget(self.keys, 1)
        key_moves = QHBoxLayout()
        self.key_up_btn = _button(self.tr("◀ 앞으로"), lambda: self.move_key(self._key_row(), -1))
        self.key_down_btn = _button(self.tr("뒤로 ▶"), lambda: self.move_key(self._key_row(), 1))
        self.remove_key_btn = _button(self.tr("키 삭제"), self.remove_key)
        for b in (self.key_up_btn, self.key_down_btn, self.remove_key_btn):
            b.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            key_moves.addWidget(b)
        middle.addLayout(key_moves)
        hint = QLabel(self.tr("Ctrl+↑/↓ 또는 끌어서 옮기기 · Delete 삭제"))
        hint.setStyleSheet("font-size: 10pt; color: #444;")
        middle.addWidget(hint)
        body.addLayout(middle, 3)

        # a product to add, the key's label and colour
        right = QVBoxLayout()
        right.addWidget(self._heading(self.tr("상품 찾아 키 추가")))
        self.search = SearchBox()
        self.search.setPlaceholderText(self.tr("이름·초성(ㅅㄱ)·바코드"))
        self.search.setMinimumHeight(ROW_HEIGHT)
        self.search.setStyleSheet("font-size: 12pt;")
        self.search.textEdited.connect(self._find)
        enter_stays(self.search)  # Enter adds what was found, never saves the dialog
        self.search.returnPressed.connect(self.add_found)
        right.addWidget(self.search)
        self.results = QListWidget()
        self.results.setStyleSheet("font-size: 12pt;")
        self.results.setMaximumHeight(ROW_HEIGHT * 3 + 8)
        self.results.itemActivated.connect(lambda _item: self.add_found())
        self.search.results = self.results  # Down/Up move through them from the field
        right.addWidget(self.results)
        self.add_key_btn = _button(self.tr("키 추가 (Enter)"), self.add_found)
        right.addWidget(self.add_key_btn)
        right.addWidget(self._heading(self.tr("키 이름 (비우면 상품명)")))
        self.label = QLineEdit()
        self.label.setMaxLength(MAX_LABEL)
        self.label.setPlaceholderText(self.tr("상품명"))
        self.label.setMinimumHeight(ROW_HEIGHT)
        self.label.textEdited.connect(self._relabel)
        enter_stays(self.label)
        self.label.returnPressed.connect(lambda: self.keys.setFocus())
        right.addWidget(self.label)
        right.addWidget(self._heading(self.tr("색")))
        colours = QGridLayout()
        colours.setSpacing(4)
        self.colour_buttons: dict[str, QPushButton] = {}
        self._colour_names: dict[str, str] = {}
        for i, c in enumerate(PALETTE):
            name = QCoreApplication.translate("QuickKeysEditor", COLOUR_NAMES.get(c.key, c.key))
            b = _button(name, partial(self.set_colour, c.key))
            b.setCheckable(True)
            b.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            b.setStyleSheet(
                f"QPushButton {{ {BUTTON_STYLE} background: {c.background}; color: {c.text};"
                " border: 1px solid #777; border-radius: 4px; }"
                " QPushButton:checked { border: 4px solid #000000; font-weight: bold; }"
            )
            self._colour_names[c.key] = name
            self.colour_buttons[c.key] = b
            colours.addWidget(b, i // 4, i % 4)
        right.addLayout(colours)
        right.addWidget(self._heading(self.tr("계산대에서 보이는 모양")))
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFixedHeight(60)
        right.addWidget(self.preview)
        right.addStretch(1)
        body.addLayout(right, 3)

        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("font-size: 12pt; color: #b00020; min-height: 28px;")
        root.addWidget(self.message)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.save_btn = _button(self.tr("저장 (Ctrl+S)"), self.save)
        self.save_btn.setStyleSheet(BUTTON_STYLE + " font-weight: bold; background: #dbeafe;")
        self.close_btn = _button(self.tr("닫기 (Esc)"), self.reject)
        bottom.addWidget(self.save_btn)
        bottom.addWidget(self.close_btn)
        root.addLayout(bottom)
        for key, fn in (("Ctrl+S", self.save), ("Ctrl+N", self.add_page)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(fn)
        self._found: list[ProductInfo] = []
        self._sync_controls()
        fit_to_screen(self, 1000, 700)

    # --- reading ------------------------------------------------------------------------

    def load(self) -> None:
        """Read the layout (as saved, or by region when none was saved)."""
        Op(self, self.runner, self.admin.layout).success(self.show_layout).run()

    def show_layout(self, layout: Layout) -> None:
        self.custom = layout.custom
        self.pages_state = [_Page(p.name, list(p.keys)) for p in layout.pages]
        self.dirty = False
        self.intro.setText(
            self.tr("계산대의 퀵키를 편집합니다. 저장하면 열린 계산대에 바로 나타납니다.")
            if layout.custom
            else self.tr(
                "지금은 지역별 자동 배치입니다. 고쳐서 저장하면 이 배치가 쓰입니다"
                " (페이지를 모두 지우고 저장하면 자동 배치로 돌아갑니다)."
            )
        )
        self._show_pages(0)

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-size: 11pt; font-weight: bold;")
        return label

    # --- pages --------------------------------------------------------------------------

    def _page_row(self) -> int:
        return self.pages.currentRow()

    def _page(self) -> _Page | None:
        row = self._page_row()
        return self.pages_state[row] if 0 <= row < len(self.pages_state) else None

    def _show_pages(self, current: int) -> None:
        self.pages.blockSignals(True)
        self.pages.clear()
        for i, page in enumerate(self.pages_state):
            item = QListWidgetItem(
                self.tr("{name} ({count}개)").format(name=page.name, count=len(page.keys))
            )
            item.setData(Qt.ItemDataRole.UserRole, i)
            item.setSizeHint(item.sizeHint().expandedTo(self._row_size()))
            self.pages.addItem(item)
        self.pages.blockSignals(False)
        if self.pages_state:
            self.pages.setCurrentRow(max(0, min(current, len(self.pages_state) - 1)))
        self._page_chosen(self.pages.currentRow())

    def _row_size(self) -> QSize:
        return QSize(10, ROW_HEIGHT)

    def _page_chosen(self, row: int) -> None:
        page = self._page()
        self.page_name.setText(page.name if page else "")
        self._show_keys(0)

    def add_page(self) -> None:
        names = {p.name for p in self.pages_state}
        n = len(self.pages_state) + 1
        while self.tr("새 페이지 {n}").format(n=n) in names:
            n += 1
        self.pages_state.append(_Page(self.tr("새 페이지 {n}").format(n=n)))
        self._changed()
        self._show_pages(len(self.pages_state) - 1)
        self.page_name.setFocus()
        self.page_name.selectAll()  # typing renames it at once

    def _rename_page(self, text: str) -> None:
        page = self._page()
        if page is None:
            return
        page.name = text
        item = self.pages.currentItem()
        if item is not None:
            item.setText(self.tr("{name} ({count}개)").format(name=text, count=len(page.keys)))
        self._changed()

    def move_page(self, row: int, delta: int) -> None:
        to = row + delta
        if not (0 <= row < len(self.pages_state) and 0 <= to < len(self.pages_state)):
            return
        pages = self.pages_state
        pages[row], pages[to] = pages[to], pages[row]
        self._changed()
        self._show_pages(to)
        self.pages.setFocus()

    def _pages_dropped(self, order: list[int]) -> None:
        current = self.pages.currentItem()
        moved = int(current.data(Qt.ItemDataRole.UserRole)) if current is not None else 0
        self.pages_state = [self.pages_state[i] for i in order]
        self._changed()
        self._show_pages(order.index(moved) if moved in order else 0)

    def remove_page(self) -> None:
        row = self._page_row()
        if not 0 <= row < len(self.pages_state):
            return
        del self.pages_state[row]
        self._changed()
        self._show_pages(row)
        self.pages.setFocus()

    # --- keys ---------------------------------------------------------------------------

    def _key_row(self) -> int:
        return self.keys.currentRow()

    def _key(self) -> QuickKeyInfo | None:
        page, row = self._page(), self._key_row()
        return page.keys[row] if page is not None and 0 <= row < len(page.keys) else None

    def _show_keys(self, current: int) -> None:
        page = self._page()
        self.keys.blockSignals(True)
        self.keys.clear()
        for i, key in enumerate(page.keys if page else []):
            p = key.product
            text = f"{i + 1}. {key.text} — {format_krw(p.price)}"
            if key.label and key.label != p.name_ko:
                text += f"  ({p.name_ko})"
            if not p.active:
                text += "  " + self.tr("[판매 중지: 계산대에 안 보임]")
            item = QListWidgetItem(text)
            c = colour(key.colour)
            item.setBackground(QBrush(QColor(c.background)))
            item.setForeground(QBrush(QColor(c.text)))
            item.setData(Qt.ItemDataRole.UserRole, i)
            item.setSizeHint(item.sizeHint().expandedTo(self._row_size()))
            self.keys.addItem(item)
        self.keys.blockSignals(False)
        if page is not None and page.keys:
            self.keys.setCurrentRow(max(0, min(current, len(page.keys) - 1)))
        self._key_chosen(self.keys.currentRow())

    def _key_chosen(self, _row: int) -> None:
        key = self._key()
        self.label.setText(key.label if key else "")
        self.label.setPlaceholderText(key.product.name_ko if key else self.tr("상품명"))
        for k, b in self.colour_buttons.items():
            chosen = key is not None and key.colour == k
            b.setChecked(chosen)  # said in the text too: a border alone is lost on dark keys
            b.setText(("✓ " if chosen else "") + self._colour_names[k])
        self._show_preview(key)
        self._sync_controls()

    def _show_preview(self, key: QuickKeyInfo | None) -> None:
        """The chosen key as the checkout draws it (the list's highlight hides its colour)."""
        if key is None:
            self.preview.setText("")
            self.preview.setStyleSheet("")
            return
        p = key.product
        self.preview.setText(f"{key.text}\n{format_krw(p.price)}/{unit_ko(p)}")
        self.preview.setStyleSheet(quick_key_style(key.colour) + " font-size: 11pt;")

    def _set_key(self, key: QuickKeyInfo) -> None:
        page, row = self._page(), self._key_row()
        if page is None or not 0 <= row < len(page.keys):
            return
        page.keys[row] = key
        self._changed()
        self._show_keys(row)

    def _relabel(self, text: str) -> None:
        key = self._key()
        if key is None:
            return
        page, row = self._page(), self._key_row()
        assert page is not None
        page.keys[row] = replace(key, label=text.strip())
        self._changed()
        self._show_preview(page.keys[row])
        item = self.keys.item(row)
        if item is not None:  # the list row follows the typing; the field keeps focus
            p = key.product
            item.setText(f"{row + 1}. {text.strip() or p.name_ko} — {format_krw(p.price)}")

    def set_colour(self, key_name: str) -> None:
        key = self._key()
        if key is None:
            self.colour_buttons[key_name].setChecked(False)
            self.show_message(self.tr("색을 바꿀 키를 먼저 고르세요."))
            return
        self._set_key(replace(key, colour=key_name))

    def move_key(self, row: int, delta: int) -> None:
        page = self._page()
        if page is None:
            return
        to = row + delta
        if not (0 <= row < len(page.keys) and 0 <= to < len(page.keys)):
            return
        page.keys[row], page.keys[to] = page.keys[to], page.keys[row]
        self._changed()
        self._show_keys(to)
        self.keys.setFocus()

    def _keys_dropped(self, order: list[int]) -> None:
        page = self._page()
        if page is None:
            return
        current = self.keys.currentItem()
        moved = int(current.data(Qt.ItemDataRole.UserRole)) if current is not None else 0
        page.keys = [page.keys[i] for i in order]
        self._changed()
        self._show_keys(order.index(moved) if moved in order else 0)

    def remove_key(self) -> None:
        page, row = self._page(), self._key_row()
        if page is None or not 0 <= row < len(page.keys):
            return
        del page.keys[row]
        self._changed()
        self._show_keys(row)
        self.keys.setFocus()

    # --- finding a product ----------------------------------------------------------------

    def _find(self, text: str) -> None:
        query = text.strip()
        if not query:
            self._show_found([])
            return
        Op(self, self.runner, lambda: self.admin.search(query)).success(self._show_found).run()

    def _show_found(self, found: list[ProductInfo]) -> None:
        self._found = found
        self.results.clear()
        for p in found:
            item = QListWidgetItem(f"{p.name_ko} — {format_krw(p.price)}")
            item.setSizeHint(item.sizeHint().expandedTo(self._row_size()))
            self.results.addItem(item)
        if found:
            self.results.setCurrentRow(0)
        self._sync_controls()

    def add_found(self) -> None:
        """The product found (the row chosen in the results) becomes the page's last key."""
        row = self.results.currentRow()
        if not 0 <= row < len(self._found):
            self.show_message(self.tr("추가할 상품을 먼저 찾으세요 (이름·초성·바코드)."))
            return
        page = self._page()
        if page is None:
            self.add_page()
            page = self._page()
            assert page is not None
        product = self._found[row]
        page.keys.append(QuickKeyInfo(product, "", DEFAULT_COLOUR))
        self._changed()
        self._show_pages(self._page_row())
        self._show_keys(len(page.keys) - 1)
        self.show_message(self.tr("추가했습니다: {name}").format(name=product.name_ko), error=False)
        self.search.clear()
        self._show_found([])
        self.search.setFocus()

    # --- saving -------------------------------------------------------------------------

    def specs(self) -> list[PageSpec]:
        return [PageSpec(p.name, tuple(k.spec() for k in p.keys)) for p in self.pages_state]

    def save(self) -> None:
        specs = self.specs()
        Op(self, self.runner, lambda: self.admin.save(self.actor_id, specs)).success(
            self._saved
        ).run()

    def _saved(self, layout: Layout) -> None:
        row, key_row = self._page_row(), self._key_row()
        self.show_layout(layout)
        self._show_pages(row)
        self._show_keys(key_row)
        self.show_message(
            self.tr("저장했습니다. 계산대에 새 퀵키가 나타납니다.")
            if layout.custom
            else self.tr("저장했습니다. 계산대는 지역별 자동 배치로 돌아갑니다."),
            error=False,
        )
        if self.on_saved is not None:
            self.on_saved(layout)

    def show_message(self, text: str, *, error: bool = True) -> None:
        color = "#b00020" if error else "#05690d"
        self.message.setStyleSheet(f"font-size: 12pt; color: {color}; min-height: 28px;")
        self.message.setText(text)

    def _changed(self) -> None:
        self.dirty = True
        self._warned = False
        self._sync_controls()

    def reject(self) -> None:
        """닫기 / Esc: with changes not saved, the first press says so and a second closes."""
        if self.dirty and not self._warned:
            self._warned = True
            self.show_message(
                self.tr(
                    "저장하지 않은 변경이 있습니다. 저장하려면 Ctrl+S, 버리고 닫으려면 "
                    "Esc를 한 번 더 누르세요."
                )
            )
            return
        super().reject()

    def _sync_controls(self) -> None:
        has_page = self._page() is not None
        has_key = self._key() is not None
        for w in (self.page_name, self.remove_page_btn, self.page_up_btn, self.page_down_btn):
            w.setEnabled(has_page)
        for w in (self.key_up_btn, self.key_down_btn, self.remove_key_btn, self.label):
            w.setEnabled(has_key)
        for b in self.colour_buttons.values():
            b.setEnabled(has_key)


__all__ = ["QuickKeysEditor"]
