"""UI language: Korean by default, English switchable (``locale`` in the settings).

The source strings in the code are Korean (the store's language), so Korean needs no catalogue.
Other languages come from Qt Linguist catalogues bundled as package data of
``posapp.resources`` (the top-level ``resources/`` folder): ``resources/i18n/posapp_<lang>.ts``
(edited, kept in git) compiled to ``posapp_<lang>.qm`` (loaded here). See that folder's
README.md for how to update them.

Printed receipts and reports stay Korean whatever the UI language.
"""

from __future__ import annotations

import logging
from importlib import resources
from importlib.resources.abc import Traversable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTranslator

if TYPE_CHECKING:

    def QT_TRANSLATE_NOOP(context: str, message: str, /) -> str:
        """Mark ``message`` for lupdate; returns it as it is (PySide6's stub says object)."""
        ...

else:  # the same function, re-exported for the screens
    from PySide6.QtCore import QT_TRANSLATE_NOOP as QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

SOURCE_LOCALE = "ko"  # the language the strings are written in: no catalogue needed
CATALOGUE_PREFIX = "posapp_"
_ATTR = "_posapp_translator"  # where the installed translator is kept alive, on the app


def _catalogue_dir() -> Traversable:
    return resources.files("posapp.resources") / "i18n"


def _language(locale: str) -> str:
    """``"en"``, ``"en_US"``, ``"en-US"``, ``"EN"`` → ``"en"``; empty → Korean."""
    return (locale or SOURCE_LOCALE).strip().replace("-", "_").split("_")[0].lower()


def available_locales() -> list[str]:
    """The UI languages that can be shown: Korean first, then every compiled catalogue."""
    found: set[str] = set()
    folder = _catalogue_dir()
    if folder.is_dir():
        for entry in folder.iterdir():
            name = entry.name
            if name.startswith(CATALOGUE_PREFIX) and name.endswith(".qm"):
                found.add(name[len(CATALOGUE_PREFIX) : -len(".qm")])
    found.discard(SOURCE_LOCALE)
    return [SOURCE_LOCALE, *sorted(found)]


def installed_locale(app: QCoreApplication) -> str:
    """The language of the catalogue installed by :func:`install_translator` (Korean if none)."""
    translator = getattr(app, _ATTR, None)
    return getattr(translator, "posapp_locale", SOURCE_LOCALE) if translator else SOURCE_LOCALE


def remove_translator(app: QCoreApplication) -> bool:
    """Back to Korean: uninstall the catalogue :func:`install_translator` put in, if any.

    Widgets built afterwards are Korean; widgets already on screen keep their texts."""
    translator: QTranslator | None = getattr(app, _ATTR, None)
    if translator is None:
        return False
    app.removeTranslator(translator)
    setattr(app, _ATTR, None)
    return True


def install_translator(app: QCoreApplication, locale: str) -> bool:
    """Install the UI catalogue for ``locale``; call before any window is built.

    Korean (the default) installs nothing. Any other language loads
    ``resources/i18n/posapp_<lang>.qm``; the translator is kept on the app object
    (replacing one installed earlier). An unknown locale or a missing or unreadable catalogue
    is logged as a warning and the UI stays Korean.

    Returns True when the UI will show the requested language, False when it fell back to Korean.
    """
    remove_translator(app)
    lang = _language(locale)
    if lang == SOURCE_LOCALE:
        return True
    folder = _catalogue_dir()
    qm = folder / f"{CATALOGUE_PREFIX}{lang}.qm"
    ts = folder / f"{CATALOGUE_PREFIX}{lang}.ts"
    if not qm.is_file():
        if ts.is_file():
            log.warning(
                "UI locale %r: catalogue %s is missing (run pyside6-lrelease); keeping Korean",
                locale,
                qm.name,
            )
        else:
            log.warning(
                "unknown UI locale %r (available: %s); keeping Korean",
                locale,
                ", ".join(available_locales()),
            )
        return False
    data = qm.read_bytes()
    translator = QTranslator(app)
    if not translator.load(data):
        log.warning("UI locale %r: cannot read catalogue %s; keeping Korean", locale, qm.name)
        translator.deleteLater()
        return False
    # Qt reads the catalogue in place, it does not copy it: keep the bytes with the translator.
    translator.posapp_data = data  # type: ignore[attr-defined]  # the bytes Qt reads, kept alive
    translator.posapp_locale = lang  # type: ignore[attr-defined]  # which language it holds
    if not app.installTranslator(translator):
        log.warning("UI locale %r: Qt refused the catalogue %s; keeping Korean", locale, qm.name)
        return False
    setattr(app, _ATTR, translator)
    log.info("UI language: %s (%s)", lang, qm.name)
    return True


def install_qt_translations(app: QCoreApplication, locale: str) -> bool:
    """Qt's own texts (OK/Cancel, Yes/No, spin box buttons) in the UI language, from the
    catalogues PySide6 ships (qtbase_ko.qm ...)."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    lang = _language(locale)
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{lang}", folder):
        log.info("no Qt base translation for %s in %s", lang, folder)
        return False
    app.installTranslator(translator)
    app._posapp_qt_translator = translator  # type: ignore[attr-defined]  # keep it alive
    if lang == "ko":  # Qt's catalogue lags its own sources: the strings it misses, here
        extra = _QtGaps(app)
        app.installTranslator(extra)
        app._posapp_qt_gaps = extra  # type: ignore[attr-defined]
    return True


# Qt's own texts that qtbase_ko.qm (PySide6 6.x) has no entry for: the file dialog's labels
# gained a mnemonic ("&Look in:") after the catalogue was last translated
QT_KO_GAPS = {
    ("QFileDialog", "&Look in:"): "찾는 위치(&L):",
    ("QFileDialog", "Files of &type:"): "파일 형식(&T):",
}


class _QtGaps(QTranslator):
    """Korean for the few Qt texts its own catalogue misses (``QT_KO_GAPS``)."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None (a null string): not ours — an empty string would be taken as the translation
        # and blank every other text of the app
        return QT_KO_GAPS.get((context, source))

    def isEmpty(self) -> bool:
        return False
