"""Amounts, quantities and dates as the technician's locale writes them.

Money stays a Decimal everywhere else; only here does it become text, so "1 234,50 kr" in
Swedish and "SEK 1,234.50" in American English come from one place.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QDate, QLocale, QTime

ISO_CODE = QLocale.CurrencySymbolFormat.CurrencyIsoCode


def format_money(amount: Decimal, currency: str, locale: QLocale | None = None) -> str:
    """``amount`` with two decimals, grouped, with the locale's symbol for its own currency
    ("kr" for SEK in Sweden) and the ISO code otherwise."""
    where = locale or QLocale()
    number = format_decimal(amount, 2, where)
    if where.currencySymbol(ISO_CODE) == currency:
        return where.toCurrencyString(float(amount), where.currencySymbol(), 2)
    return f"{currency} {number}" if amount >= 0 else f"-{currency} {number[1:]}"


def format_decimal(value: Decimal, places: int, locale: QLocale | None = None) -> str:
    """A grouped decimal number with exactly ``places`` decimals."""
    return (locale or QLocale()).toString(float(value), "f", places)


def format_quantity(value: Decimal, locale: QLocale | None = None) -> str:
    """A quantity with as many decimals as it has (2, not 2.000; 1.5, not 1.50)."""
    exponent = value.normalize().as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    return format_decimal(value, places, locale)


def format_date(day: date, locale: QLocale | None = None) -> str:
    """A short date in the locale's order (2026-11-25 in Sweden, 11/25/26 in the US)."""
    return (locale or QLocale()).toString(
        QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat
    )


def format_time(moment: datetime, locale: QLocale | None = None) -> str:
    """A wall-clock time, already in the technician's zone, in the locale's short form."""
    return (locale or QLocale()).toString(
        QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat
    )
