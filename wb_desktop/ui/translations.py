"""The technician's language: Qt translators for the app and Qt's own dialogs, and the
locale that dates, times, numbers and amounts follow.

The words are Swedish or English; the formats follow a territory. ``--lang sv`` means
Swedish in Sweden (sv_SE). ``--lang en`` means English words with the *tablet's* territory
when Qt has English for it: a Swedish tablet gets en_SE (2026-11-23, 16:40, 1 234,50 kr),
a British one en_GB, others Qt's en_US. A code with a territory (``sv_FI``, ``en-GB``) is
taken as it is. Without ``--lang`` the first of the system's UI languages that is Swedish
or English decides, so the system locale works on its own; English is the fallback. A
system with no locale at all (C/POSIX: CI, containers) keeps Qt's neutral C formats then.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

_log = logging.getLogger(__name__)
CATALOGUE = "wb_desktop"  # wb_desktop/i18n/wb_desktop_sv.qm
QT_CATALOGUE = "qtbase"  # the standard dialogs' buttons ("Cancel", "Yes")
LANGUAGES = {QLocale.Language.Swedish: "sv", QLocale.Language.English: "en"}
_HOME = {QLocale.Language.Swedish: QLocale.Country.Sweden}
_MARK = "wb_desktop.translations"  # objectName of the translators installed here


def catalogue_folder() -> Path:
    """Where the compiled catalogues ship (package data, so installs and source agree)."""
    return Path(str(resources.files("wb_desktop") / "i18n"))


def choose_locale(language: str | None, system: QLocale | None = None) -> QLocale:
    """The locale for ``language`` ("sv", "en", "sv_FI", "en-GB" or None for the system's
    choice), following the rules in the module docstring."""
    system = system or QLocale.system()
    if language is None:
        return _from_system(system)
    asked = QLocale(language)
    if asked.language() not in LANGUAGES:
        _log.warning("no translation for language %r; using English", language)
        return _with_territory(QLocale.Language.English, system)
    if _names_territory(language):
        return asked
    return _with_territory(asked.language(), system)


def _from_system(system: QLocale) -> QLocale:
    if system.language() == QLocale.Language.C:
        return QLocale.c()
    for name in system.uiLanguages():
        candidate = QLocale(name)
        if candidate.language() in LANGUAGES:
            if _names_territory(name):
                return candidate
            return _with_territory(candidate.language(), system)
    return _with_territory(QLocale.Language.English, system)


def _names_territory(code: str) -> bool:
    return len(code.replace("-", "_").split("_")) > 1


def _with_territory(language: QLocale.Language, system: QLocale) -> QLocale:
    """``language`` in the system's territory if Qt knows that pair, else at its home."""
    territory = system.territory()
    paired = QLocale(language, territory)
    if territory != QLocale.Country.AnyCountry and paired.territory() == territory:
        return paired
    return QLocale(language, _HOME.get(language, QLocale.Country.AnyCountry))


def install_translations(qt_app: QCoreApplication, language: str | None) -> QLocale:
    """Install the app's and Qt's translators for ``language`` (replacing any installed
    here before), make its locale the default for formatting, and return that locale.

    Call it before building widgets: they translate their texts once, when built. A missing
    catalogue is logged, not fatal: the app then speaks its English sources.
    """
    remove_translations(qt_app)
    locale = choose_locale(language)
    code = LANGUAGES.get(locale.language(), "en")  # the C locale speaks English
    app_catalogue = catalogue_folder() / f"{CATALOGUE}_{code}.qm"
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    _install(qt_app, app_catalogue)
    _install(qt_app, Path(qt_folder) / f"{QT_CATALOGUE}_{code}.qm")
    QLocale.setDefault(locale)
    return locale


def _install(qt_app: QCoreApplication, catalogue: Path) -> None:
    translator = QTranslator(qt_app)
    translator.setObjectName(_MARK)
    if not catalogue.is_file() or not translator.load(str(catalogue)):
        _log.warning("no translation catalogue at %s", catalogue)
        translator.deleteLater()
        return
    qt_app.installTranslator(translator)


def remove_translations(qt_app: QCoreApplication) -> None:
    """Remove the translators installed by :func:`install_translations` (back to English
    sources); the default locale is left to the caller."""
    for translator in qt_app.findChildren(QTranslator, _MARK):
        qt_app.removeTranslator(translator)
        translator.setObjectName("")  # found no more, even before it is deleted
        translator.deleteLater()
