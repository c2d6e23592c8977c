"""Messages from the Qt-free core that the UI can say in the technician's language.

The core must not import Qt, yet its refusals ("'12.345' has too many decimals") are read by
a technician who may work in Swedish. So a message is built as a :class:`Text`: it *is* the
English string (what ``str()``, logs, the server and the tests see), and it also keeps its
template and values, which ``wb_desktop.ui.messages.translated`` looks up in Qt's catalogue
and fills in again in the technician's locale.

Templates are marked with :func:`QT_TRANSLATE_NOOP` and the context :data:`TEXT_CONTEXT`, so
``lupdate`` finds them by name like the Qt macro (it needs both arguments as literals).
"""

from __future__ import annotations

import re
from decimal import Decimal

TEXT_CONTEXT = "Domain"
MAX_VALUES = 9  # %1..%9, as in QString::arg
Value = str | int | Decimal
_PLACEHOLDER = re.compile(r"%([1-9])")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate knows this name
    """Mark ``text`` for translation in ``context`` without translating it here."""
    del context
    return text


class Text(str):
    """English text that remembers its template and values, so it can be said again in
    another language. Equal to (and usable as) the plain English string."""

    template: str
    values: tuple[Value, ...]

    def __new__(cls, template: str, *values: Value) -> Text:
        text = super().__new__(cls, fill(template, [str(value) for value in values]))
        text.template = template
        text.values = values
        return text

    @classmethod
    def join(cls, separator: str, items: list[Value]) -> Text:
        """``items`` joined by ``separator``; a Text item is translated along with the rest."""
        if len(items) > MAX_VALUES:
            return cls(separator.join(str(item) for item in items))
        return cls(separator.join(f"%{index}" for index in range(1, len(items) + 1)), *items)


def fill(template: str, values: list[str]) -> str:
    """Replace %1..%9 in one pass, so a value that itself contains "%2" stays as it is."""

    def value_for(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return values[index] if index < len(values) else match.group(0)

    return _PLACEHOLDER.sub(value_for, template)
