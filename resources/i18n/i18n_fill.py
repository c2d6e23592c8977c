"""Translating by hand without Qt Linguist: the strings to do as JSON, and back.

``--todo FILE`` writes ``{"sv": {context: {source: ""}}, "en": {...}}`` with one entry per
unfinished string (a list of forms for a plural, singular first). Fill in the empty values
and ``--apply FILE`` writes them into the ``.ts`` files as finished; entries left empty
stay unfinished.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from i18n_catalogue import Message

Todo = dict[str, dict[str, str | list[str]]]


def todo_entries(messages: list[Message], forms: int) -> Todo:
    """The unfinished ``messages`` by context, with empty translations to fill in."""
    todo: Todo = {}
    for message in messages:
        empty: str | list[str] = [""] * forms if message.numerus else ""
        todo.setdefault(message.context, {})[message.source] = empty
    return todo


def write_todo(path: Path, todo: dict[str, Todo]) -> None:
    path.write_text(json.dumps(todo, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def read_todo(path: Path) -> dict[str, Todo]:
    loaded: dict[str, Todo] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def apply_translations(ts_file: Path, todo: Todo) -> int:
    """Write the filled-in translations of ``todo`` into ``ts_file``; returns how many."""
    tree = ET.parse(ts_file)
    applied = 0
    for context in tree.getroot().iter("context"):
        wanted = todo.get(context.findtext("name") or "", {})
        for message in context.iter("message"):
            value = wanted.get(message.findtext("source") or "")
            translation = message.find("translation")
            if not value or translation is None or (isinstance(value, list) and not all(value)):
                continue
            for child in list(translation):
                translation.remove(child)
            if isinstance(value, list):
                translation.text = None
                for form in value:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = value
            translation.attrib.pop("type", None)
            applied += 1
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    return applied
