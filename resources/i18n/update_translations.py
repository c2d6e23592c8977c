"""Refresh the translation catalogues from the code and compile them for the app.

Run from anywhere, as often as strings change::

    python resources/i18n/update_translations.py

1. lupdate reads every ``.py`` under ``wb_desktop/`` (plus the strings that go through a
   small wrapper, see ``i18n_wrappers.py``) into ``resources/i18n/wb_desktop_{sv,en}.ts``:
   new strings come in unfinished, removed ones go. No line numbers are stored, so the
   catalogues change only when the strings do.
2. It prints each string that still needs a translation. Swedish needs every string;
   English only the plural forms of ``%n`` strings. Translate them in the ``.ts`` with Qt
   Linguist, or as JSON::

       python resources/i18n/update_translations.py --todo todo.json
       (fill in the empty values of todo.json)
       python resources/i18n/update_translations.py --apply todo.json

3. lrelease compiles the catalogues into ``wb_desktop/i18n/*.qm``, which ship with the
   package (``--apply`` ends with steps 1-3, so the ``.qm`` match the ``.ts``).

``tests/unit/test_translations.py`` fails while a string has no Swedish translation or a
``.qm`` is older than its ``.ts``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import PySide6

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from i18n_catalogue import Message, read_catalogue  # noqa: E402
from i18n_fill import apply_translations, read_todo, todo_entries, write_todo  # noqa: E402
from i18n_wrappers import wrapped_strings, write_shim  # noqa: E402

ROOT = HERE.parents[1]
SOURCES = ROOT / "wb_desktop"
COMPILED = SOURCES / "i18n"
SOURCE_LANGUAGE = "en"
LANGUAGES = {"sv": "sv_SE", "en": "en"}  # file suffix -> the catalogue's language
PLURAL_FORMS = {"sv": 2, "en": 2}  # singular, plural


def catalogue_path(code: str) -> Path:
    return HERE / f"wb_desktop_{code}.ts"


def compiled_path(code: str) -> Path:
    return COMPILED / f"wb_desktop_{code}.qm"


def qt_tool(name: str) -> Path:
    """lupdate and lrelease ship inside the PySide6 wheel, next to its package."""
    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (folder / f"{name}.exe", folder / name):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"{name} is not in {folder}; install PySide6")


def extract(ts_file: Path, language: str, root: Path = ROOT) -> None:
    """Merge the strings of the code under ``root`` into ``ts_file`` (created if missing)."""
    with tempfile.TemporaryDirectory() as folder:
        shim = Path(folder) / "wrapped_strings.py"
        write_shim(wrapped_strings(root), shim)
        command = [
            str(qt_tool("lupdate")),
            "-silent",
            "-extensions",
            "py",
            "-locations",
            "none",
            "-no-obsolete",
            "-source-language",
            SOURCE_LANGUAGE,
            "-target-language",
            language,
            str(root / "wb_desktop"),
            str(shim),
            "-ts",
            str(ts_file),
        ]
        subprocess.run(command, check=True, capture_output=True, text=True)


def release(ts_file: Path, qm_file: Path) -> None:
    """Compile next to the target, then rename over it: a running app (or test) has the old
    file mapped, and rewriting it in place would crash that process with a bus error."""
    qm_file.parent.mkdir(parents=True, exist_ok=True)
    fresh = qm_file.with_suffix(".qm.new")
    command = [str(qt_tool("lrelease")), "-silent", str(ts_file), "-qm", str(fresh)]
    subprocess.run(command, check=True, capture_output=True, text=True)
    fresh.replace(qm_file)


def needs_work(code: str, messages: list[Message]) -> list[Message]:
    """What a translator still has to do: every Swedish string; English plurals only."""
    if code == SOURCE_LANGUAGE:
        return [message for message in messages if message.numerus and not message.finished]
    return [message for message in messages if not message.finished]


def update() -> dict[str, list[Message]]:
    """Steps 1 and 3 for every catalogue; what each still needs, printed and returned."""
    waiting: dict[str, list[Message]] = {}
    for code, language in LANGUAGES.items():
        ts_file = catalogue_path(code)
        extract(ts_file, language)
        release(ts_file, compiled_path(code))
        waiting[code] = needs_work(code, read_catalogue(ts_file))
        print(f"{ts_file.relative_to(ROOT)}: {len(waiting[code])} to translate")
        for message in waiting[code]:
            print(f"    {message}")
    return waiting


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--todo", type=Path, help="also write what needs translating as JSON")
    parser.add_argument("--apply", type=Path, help="first apply translations from that JSON")
    options = parser.parse_args(argv)
    if options.apply:
        for code, entries in read_todo(options.apply).items():
            count = apply_translations(catalogue_path(code), entries)
            print(f"{catalogue_path(code).name}: {count} translations applied")
    waiting = update()
    if options.todo:
        todo = {code: todo_entries(items, PLURAL_FORMS[code]) for code, items in waiting.items()}
        write_todo(options.todo, todo)
        print(f"Wrote {options.todo}: fill in the empty values, then --apply it.")
    elif any(waiting.values()):
        print("Translate these (see --todo), then run this script again.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
