"""Turning a refusal into the sentence the technician reads, in their language.

The Qt-free core builds its messages as :class:`~wb_desktop.core.domain.text.Text` (English,
plus template and values); here the template is looked up in Qt's catalogue and the values
go back in, numbers written as the technician's locale writes them.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale

from wb_desktop.core.domain.errors import ValidationError, WorkBossError
from wb_desktop.core.domain.text import TEXT_CONTEXT, Text, Value, fill
from wb_desktop.ui.formatting import format_decimal


def translated(text: str, locale: QLocale | None = None) -> str:
    """``text`` in the installed language if it is a :class:`Text` (values included); any
    other string as it is (messages not yet marked stay English)."""
    if not isinstance(text, Text):
        return text
    where = locale or QLocale()
    template = QCoreApplication.translate(TEXT_CONTEXT, text.template)
    return fill(template, [_value(value, where) for value in text.values])


def _value(value: Value, locale: QLocale) -> str:
    if isinstance(value, Text):
        return translated(value, locale)
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, int):
        return locale.toString(value)
    exponent = value.as_tuple().exponent
    return format_decimal(value, max(0, -exponent) if isinstance(exponent, int) else 0, locale)


def user_message(error: WorkBossError) -> str:
    """The error's message; for input problems, the problems as sentences without the
    internal field names (the widget already shows which field it is)."""
    if isinstance(error, ValidationError):
        sentences = [translated(problem.message) for problem in error.problems]
        return " ".join(s[:1].upper() + s[1:] + ("" if s.endswith(".") else ".") for s in sentences)
    return translated(error.message)
