"""``posapp``: the composition root. Reads configuration, opens and migrates the database
(loading demo data into a new embedded one), and builds the Qt main window.

The only module that knows every other; nothing imports it.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

log = logging.getLogger(__name__)


def _parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="posapp", description="I·Market·U POS")
    p.add_argument("--db", metavar="URL", help="database URL (default: SQLite in the data dir)")
    p.add_argument("--config", metavar="FILE", type=Path)
    p.add_argument("--no-demo", action="store_true", help="do not load demo data into a new db")
    p.add_argument(
        "--screenshot", metavar="PNG", type=Path, help="save a screenshot of the window and quit"
    )
    p.add_argument("--query", default="", help="type this into the search box (for screenshots)")
    return p.parse_known_args(argv)[0]


def main(argv: list[str] | None = None) -> int:
    args = _parse(sys.argv[1:] if argv is None else argv)
    from posapp.config import ConfigError, load_settings, redact_url
    from posapp.logging_setup import setup_logging

    try:
        settings = load_settings(args.config, db_url=args.db)
    except ConfigError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    log_file = setup_logging(settings.log_level, stderr=True)
    log.info("starting posapp; log file %s", log_file)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from posapp.ui.fonts import app_font, register_fonts

    app = QApplication.instance() or QApplication([sys.argv[0]])
    family = register_fonts()
    app.setFont(app_font(family))

    from posapp.bootstrap import open_database
    from posapp.demo import has_data, load_demo

    try:
        db = open_database(settings)
        if settings.database.demo_on_first_start and not args.no_demo and not has_data(db):
            result = load_demo(db)
            log.info("demo data loaded into a new database: %s products", result.products)
    except Exception as exc:
        log.exception("cannot open the database")
        QMessageBox.critical(
            None,
            "I·Market·U POS",
            f"데이터베이스를 열 수 없습니다.\nCannot open the database:\n"
            f"{redact_url(settings.database.resolved_url())}\n\n{exc}",
        )
        return 3

    window = _build_window(db, settings)
    window.show()
    if args.query:
        window.query.setText(args.query)
    if args.screenshot:

        def shoot() -> None:
            window.grab().save(str(args.screenshot))
            app.quit()

        QTimer.singleShot(300, shoot)
    code = app.exec()
    db.dispose()
    return code


def _build_window(db, settings):  # type: ignore[no-untyped-def]
    from posapp.config import redact_url
    from posapp.inventory import catalog
    from posapp.sales import service
    from posapp.ui.main_window import MainWindow, ProductRow

    index = db.read(lambda uow: catalog.load_search_index(uow.conn))

    def search(query: str) -> list[ProductRow]:
        found = db.read(lambda uow: catalog.search(uow.conn, index, query, 100))
        return [
            ProductRow(
                p.name_ko,
                p.name_en,
                p.unit.value,
                p.price,
                p.tax_class.value,
                p.barcode or p.plu or "",
            )
            for p in found
        ]

    shift = db.read(lambda uow: service.current_shift(uow, settings.register.id))
    shift_text = f"근무 #{shift.id} 진행 중" if shift else "근무 시작 전"
    status = (
        f"계산대 {settings.register.id} · {shift_text} · 상품 {len(index):,}개 · "
        f"{db.dialect}: {redact_url(db.url)} · 프린터: {settings.printer.kind}"
    )
    store = settings.store
    return MainWindow(
        title=f"{store.name} POS",
        header=f"{store.name} {store.name_ko} · {store.address}",
        status=status,
        search=search,
    )


if __name__ == "__main__":
    sys.exit(main())
