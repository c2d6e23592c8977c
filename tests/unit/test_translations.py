"""The catalogues keep up with the code: every string the app can show has a finished
Swedish translation (and English plural forms), placeholders survive translation, the
shipped .qm files are compiled from the committed .ts, and translatable strings are written
so that lupdate can find them.

When a test here fails after strings changed, run ``python resources/i18n/update_translations.py``,
translate what it lists, and run it again.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "resources" / "i18n"))

from i18n_catalogue import Message, placeholder_problem, read_catalogue, untranslated  # noqa: E402
from i18n_wrappers import find_wrappers, wrapped_strings  # noqa: E402
from update_translations import (  # noqa: E402
    LANGUAGES,
    catalogue_path,
    compiled_path,
    extract,
    release,
)

from wb_desktop.core.domain.text import TEXT_CONTEXT, Text  # noqa: E402
from wb_desktop.ui.translations import choose_locale  # noqa: E402

FIX = "run `python resources/i18n/update_translations.py`, translate what it lists, run it again"
QT_FREE = (
    "wb_desktop/core",
    "wb_desktop/tools/scenario",
    "wb_desktop/tools/diagnostics",
    "wb_desktop/tools/netsim",
    "wb_server",
)
TRANSLATING_CALLS = {"tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP"}


@pytest.fixture(scope="module")
def in_code(tmp_path_factory: pytest.TempPathFactory) -> list[Message]:
    """What lupdate finds in the code right now, in a fresh catalogue."""
    fresh = tmp_path_factory.mktemp("lupdate") / "fresh_sv.ts"
    extract(fresh, LANGUAGES["sv"])
    return read_catalogue(fresh)


def test_the_code_has_strings_to_translate(in_code: list[Message]) -> None:
    contexts = {message.context for message in in_code}
    assert {"MainWindow", "Labels", TEXT_CONTEXT} <= contexts  # self.tr, a wrapper, the core
    assert len(in_code) > 200


def test_every_string_has_a_finished_swedish_translation(in_code: list[Message]) -> None:
    missing = untranslated(in_code, read_catalogue(catalogue_path("sv")))
    assert not missing, f"{len(missing)} strings lack Swedish ({FIX}):\n" + "\n".join(missing)


def test_every_plural_has_english_singular_and_plural(in_code: list[Message]) -> None:
    plurals = [message for message in in_code if message.numerus]
    missing = untranslated(plurals, read_catalogue(catalogue_path("en")))
    assert not missing, f"{len(missing)} plurals lack English forms ({FIX}):\n" + "\n".join(missing)


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_no_translation_loses_or_adds_a_placeholder(code: str) -> None:
    problems = [placeholder_problem(m) for m in read_catalogue(catalogue_path(code)) if m.finished]
    assert [problem for problem in problems if problem] == []


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_the_shipped_qm_is_compiled_from_the_committed_ts(code: str, tmp_path: Path) -> None:
    fresh = tmp_path / f"wb_desktop_{code}.qm"
    release(catalogue_path(code), fresh)
    shipped = compiled_path(code)
    assert shipped.is_file(), f"{shipped} is missing: {FIX}"
    assert fresh.read_bytes() == shipped.read_bytes(), f"{shipped.name} is out of date: {FIX}"


def test_every_context_is_one_qt_looks_up(in_code: list[Message]) -> None:
    """``app.window.tr("...")`` is filed under "app.window", but Qt looks the text up under
    the widget's class: such a string is never translated."""
    dotted = sorted({str(message) for message in in_code if "." in message.context})
    assert dotted == [], (
        "use self.tr() inside the class, or QCoreApplication.translate('ClassName', ...):\n"
        + "\n".join(dotted)
    )


# Contexts that are a shared vocabulary rather than one class: each is looked up by a
# module of its own (``QCoreApplication.translate("Labels", ...)`` and the like). "" is
# where lupdate files a module-level ``tr()`` wrapper's strings; the wrapper translates them
# under its own context, which test_strings_behind_a_wrapper_are_found checks.
SHARED_CONTEXTS = {
    "",
    TEXT_CONTEXT,
    "ConsolePanels",
    "CustomerTexts",
    "DocumentLabels",
    "Labels",
    "RelativeTime",
    "SyncStatus",
    "TimeClock",
}


def _class_names() -> set[str]:
    return {
        node.name
        for _, tree in _python_files()
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
    }


def test_every_context_is_a_class_or_a_shared_vocabulary(in_code: list[Message]) -> None:
    """A context that names no class in wb_desktop (``dialog.tr("Mine: %1")`` is filed
    under "dialog") is one Qt never looks up at run time: the string shows in English."""
    known = _class_names() | SHARED_CONTEXTS
    stray = sorted({str(message) for message in in_code if message.context not in known})
    assert stray == [], (
        "use self.tr() inside the class that shows it, or "
        "QCoreApplication.translate('ThatClass', ...):\n" + "\n".join(stray)
    )


def test_tr_is_only_called_on_self() -> None:
    """``widget.tr("...")`` is filed by lupdate under the calling code's context (or the
    variable's name) but looked up at run time under the widget's class: the two rarely
    match, so the string stays English. Use ``self.tr`` in the class that shows it, or
    ``QCoreApplication.translate("ThatClass", ...)``."""
    elsewhere: list[str] = []
    for path, tree in _python_files():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "tr"
                and not (isinstance(node.func.value, ast.Name) and node.func.value.id == "self")
            ):
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                elsewhere.append(f"{where}: {ast.unparse(node.func)}(...)")
    assert elsewhere == []


def _python_files(*packages: str) -> Iterator[tuple[Path, ast.Module]]:
    folders = [ROOT / folder for folder in packages] or [ROOT / "wb_desktop"]
    for folder in folders:
        for path in sorted(folder.rglob("*.py")):
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def _called(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return node.func.id if isinstance(node.func, ast.Name) else None


def _text_argument(node: ast.Call, wrappers: set[str]) -> ast.expr | None:
    name = _called(node)
    index = 1 if name in {"translate", "QT_TRANSLATE_NOOP"} else 0
    if name in TRANSLATING_CALLS | wrappers and len(node.args) > index:
        return node.args[index]
    return None


def test_translated_text_is_one_literal_lupdate_can_read() -> None:
    """f-strings, ``+`` and ``.format()`` inside ``tr()`` hide the text from lupdate (and
    ask for a string the catalogue never has): use "%1" and ``.replace`` instead."""
    built: list[str] = []
    for path, tree in _python_files():
        wrappers = set(find_wrappers(tree))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            text = _text_argument(node, wrappers)
            if isinstance(text, ast.JoinedStr | ast.BinOp | ast.Call):
                built.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(text)}")
    assert built == []


def test_plurals_with_a_literal_text_go_through_tr() -> None:
    """lupdate reads ``QCoreApplication.translate(context, "%n …", disambiguation, n)`` as
    nothing at all, so such a plural never reaches the catalogues; ``self.tr`` it is."""
    unread: list[str] = []
    for path, tree in _python_files():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "translate"
                and len(node.args) == 4
                and isinstance(node.args[1], ast.Constant)
            ):
                unread.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.args[1].value!r}")
    assert unread == []


def test_core_messages_are_marked_for_the_domain_context() -> None:
    """The UI looks core messages up in TEXT_CONTEXT: a template marked under another
    context, or a Text made from an unmarked literal, would stay English."""
    wrong: list[str] = []
    for path, tree in _python_files(*QT_FREE):
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            first = node.args[0]
            if _called(node) == "QT_TRANSLATE_NOOP" and not (
                isinstance(first, ast.Constant) and first.value == TEXT_CONTEXT
            ):
                wrong.append(f"{where}: context {ast.unparse(first)}, not {TEXT_CONTEXT!r}")
            if _called(node) == Text.__name__ and isinstance(
                first, ast.Constant | ast.JoinedStr | ast.BinOp
            ):
                wrong.append(f"{where}: Text({ast.unparse(first)}) is not marked")
    assert wrong == []


def test_strings_behind_a_wrapper_are_found() -> None:
    found = {(item.context, item.text) for item in wrapped_strings(ROOT)}
    assert ("Labels", "Local only") in found
    assert ("RelativeTime", "%n min ago") in found


@pytest.mark.parametrize(
    ("asked", "system", "expected"),
    [
        ("sv", "en_US", "sv_SE"),
        ("en", "sv_SE", "en_SE"),  # English words, Swedish dates and kronor
        ("en", "en_GB", "en_GB"),
        ("en", "C", "en_US"),
        ("en-GB", "sv_SE", "en_GB"),
        ("sv_FI", "sv_SE", "sv_FI"),
        ("de", "sv_SE", "en_SE"),  # no German: English, formats of the tablet
        (None, "sv_SE", "sv_SE"),
        (None, "en_GB", "en_GB"),
        (None, "de_DE", "en_DE"),
        (None, "C", "C"),  # no locale (CI): formats as before, English words
    ],
)
def test_the_language_and_formats_chosen(asked: str | None, system: str, expected: str) -> None:
    assert choose_locale(asked, QLocale(system)).name() == expected


def test_no_class_inherits_a_method_that_calls_tr() -> None:
    """PySide looks ``self.tr`` up under the class of the *instance*, lupdate files it
    under the class whose code calls it: a subclass that inherits such a method (or calls
    it through ``super()``) shows its strings in English. The context must be the class
    that shows the string."""
    classes: dict[str, tuple[list[str], dict[str, tuple[bool, bool]]]] = {}
    for _path, tree in _python_files():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases = [ast.unparse(base).rsplit(".", 1)[-1] for base in node.bases]
                methods = {  # name -> (calls self.tr, calls super())
                    item.name: (_calls(item, "tr"), _calls(item, "super"))
                    for item in node.body
                    if isinstance(item, ast.FunctionDef)
                }
                classes[node.name] = (bases, methods)

    def runs_tr_of(name: str, replaced: set[str]) -> list[str]:
        """Methods of ``name``'s bases that call tr and run for an instance of it."""
        found = []
        for base in classes.get(name, ([], {}))[0]:
            if base not in classes:
                continue
            methods = classes[base][1]
            found += [
                f"{base}.{m}" for m, (tr, _sup) in methods.items() if tr and m not in replaced
            ]
            replaced_here = replaced | {m for m, (_tr, sup) in methods.items() if not sup}
            found += runs_tr_of(base, replaced_here)
        return found

    wrong = sorted(
        f"{name} runs {method}"
        for name, (_bases, methods) in classes.items()
        for method in runs_tr_of(name, {m for m, (_tr, sup) in methods.items() if not sup})
    )
    assert wrong == [], "\n".join(wrong)


def _calls(function: ast.FunctionDef, name: str) -> bool:
    """Whether ``function`` calls ``x.name(...)`` or ``name(...)``."""
    return any(isinstance(n, ast.Call) and _called(n) == name for n in ast.walk(function))
