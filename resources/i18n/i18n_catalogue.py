"""Reading Qt ``.ts`` catalogues and finding what is not (properly) translated yet."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

PLACEHOLDER = re.compile(r"%(?:[1-9]|n)")
_GONE = {"obsolete", "vanished"}  # kept by lupdate for reference, never shipped


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    numerus: bool
    translations: tuple[str, ...]  # one per plural form, or one
    finished: bool

    @property
    def key(self) -> tuple[str, str]:
        return (self.context, self.source)

    def __str__(self) -> str:
        plural = " (plural)" if self.numerus else ""
        return f"[{self.context}] {self.source!r}{plural}"


def read_catalogue(path: Path) -> list[Message]:
    """The live messages of a ``.ts`` file (not the obsolete or vanished ones)."""
    messages: list[Message] = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            if kind in _GONE:
                continue
            numerus = message.get("numerus") == "yes"
            if translation is None:
                forms: tuple[str, ...] = ()
            elif numerus:
                forms = tuple(form.text or "" for form in translation.iter("numerusform"))
            else:
                forms = (translation.text or "",)
            finished = kind != "unfinished" and bool(forms) and all(forms)
            source = message.findtext("source") or ""
            messages.append(Message(name, source, numerus, forms, finished))
    return messages


def placeholder_problem(message: Message) -> str | None:
    """What a translation lost or added of %1..%9 and %n, or None when they match."""
    wanted = sorted(set(PLACEHOLDER.findall(message.source)))
    for form in message.translations:
        found = sorted(set(PLACEHOLDER.findall(form)))
        if found != wanted:
            return f"{message}: translation {form!r} has {found}, the source has {wanted}"
    return None


def untranslated(sources: list[Message], catalogue: list[Message]) -> list[str]:
    """Each source message without a finished translation in ``catalogue``, or whose
    translation changes its placeholders, as a line naming it."""
    translated = {message.key: message for message in catalogue}
    lines: list[str] = []
    for source in sources:
        message = translated.get(source.key)
        if message is None or not message.finished:
            lines.append(f"{source}: no finished translation")
            continue
        problem = placeholder_problem(message)
        if problem is not None:
            lines.append(problem)
    return lines
