"""Exact money for invoices and estimates.

Amounts are ``Decimal`` end to end: parsed from text (never from floats), rounded per line
half-up to the currency's minor unit, and summed. The same inputs always give the same öre,
on the tablet and on the server.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from wb_desktop.core.domain.errors import Problem, ValidationError
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text

MINOR_UNITS: dict[str, int] = {
    "SEK": 2,
    "NOK": 2,
    "DKK": 2,
    "EUR": 2,
    "USD": 2,
    "GBP": 2,
    "CHF": 2,
    "PLN": 2,
    "ISK": 0,
    "JPY": 0,
}
DEFAULT_CURRENCY = "SEK"
MAX_AMOUNT = Decimal("1000000000")  # one billion: far above any field invoice, catches typos
MAX_QUANTITY = Decimal("1000000")
QUANTITY_DECIMALS = 3
VAT_DECIMALS = 2

_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


def parse_currency(value: Any, field: str = "currency") -> str:
    if not isinstance(value, str) or value.strip().upper() not in MINOR_UNITS:
        known = ", ".join(sorted(MINOR_UNITS))
        raise ValidationError.single(
            field,
            Text(
                QT_TRANSLATE_NOOP("Domain", "'%1' is not a supported currency (%2)"),
                str(value),
                known,
            ),
        )
    return value.strip().upper()


def parse_decimal(value: Any, field: str, max_decimals: int) -> Decimal:
    """Parse a plain decimal number from text, int or Decimal; refuse floats and oddities.

    Floats are refused because 0.1 + 0.2 is not 0.3 in binary; the UI hands us text.
    """
    if isinstance(value, bool):
        raise ValidationError.single(
            field, Text(QT_TRANSLATE_NOOP("Domain", "expected a number, got %1"), repr(value))
        )
    if isinstance(value, float):
        raise ValidationError.single(
            field,
            Text(
                QT_TRANSLATE_NOOP(
                    "Domain", "%1 must be given as text or a whole number, not a float"
                ),
                repr(value),
            ),
        )
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise ValidationError.single(
                field, Text(QT_TRANSLATE_NOOP("Domain", "'%1' is not a finite number"), str(value))
            )
        number = value
    elif isinstance(value, str):
        text = value.strip()
        if not _PLAIN_NUMBER.match(text):
            raise ValidationError.single(
                field,
                Text(
                    QT_TRANSLATE_NOOP(
                        "Domain", "'%1' is not a number (use digits and a point, like 1250.50)"
                    ),
                    value,
                ),
            )
        try:
            number = Decimal(text)
        except InvalidOperation:  # pragma: no cover - the pattern already ruled this out
            raise ValidationError.single(
                field, Text(QT_TRANSLATE_NOOP("Domain", "'%1' is not a number"), value)
            ) from None
    else:
        raise ValidationError.single(
            field,
            Text(QT_TRANSLATE_NOOP("Domain", "expected a number, got %1"), type(value).__name__),
        )
    exponent = number.normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    if -exponent > max_decimals:
        raise ValidationError.single(
            field,
            Text(
                QT_TRANSLATE_NOOP("Domain", "'%1' has too many decimals (at most %2)"),
                str(value),
                max_decimals,
            ),
        )
    raw_exponent = number.as_tuple().exponent
    assert isinstance(raw_exponent, int)
    if raw_exponent > 0:
        # Decimal("1E+2") is exact but its text is not a plain number; store it as "100".
        number = Decimal(format(number, "f"))
    if number.is_zero():
        number = number.copy_abs()  # "-0" would print as -0.00 on an invoice
    return number


def parse_amount(value: Any, currency: str = DEFAULT_CURRENCY, field: str = "amount") -> Decimal:
    """A money amount (may be zero, never negative) quantized to the currency's minor unit."""
    decimals = MINOR_UNITS[parse_currency(currency)]
    amount = parse_decimal(value, field, decimals)
    if amount < 0:
        raise ValidationError.single(
            field,
            Text(
                QT_TRANSLATE_NOOP("Domain", "'%1' is negative; amounts must be 0 or more"),
                str(value),
            ),
        )
    if amount >= MAX_AMOUNT:
        raise ValidationError.single(
            field,
            Text(
                QT_TRANSLATE_NOOP("Domain", "'%1' is too large (limit %2)"), str(value), MAX_AMOUNT
            ),
        )
    return amount.quantize(Decimal(1).scaleb(-decimals))


def parse_quantity(value: Any, field: str = "quantity") -> Decimal:
    quantity = parse_decimal(value, field, QUANTITY_DECIMALS)
    if quantity <= 0:
        raise ValidationError.single(
            field, Text(QT_TRANSLATE_NOOP("Domain", "'%1' must be more than zero"), str(value))
        )
    if quantity > MAX_QUANTITY:
        raise ValidationError.single(
            field,
            Text(
                QT_TRANSLATE_NOOP("Domain", "'%1' is too large (limit %2)"),
                str(value),
                MAX_QUANTITY,
            ),
        )
    return quantity


def parse_vat_rate(value: Any, field: str = "vat_rate") -> Decimal:
    """VAT as a percentage, e.g. 25 for Swedish standard rate."""
    rate = parse_decimal(value, field, VAT_DECIMALS)
    if not Decimal(0) <= rate <= Decimal(100):
        raise ValidationError.single(
            field,
            Text(
                QT_TRANSLATE_NOOP("Domain", "'%1' must be a percentage from 0 to 100"), str(value)
            ),
        )
    return rate


def round_money(amount: Decimal, currency: str) -> Decimal:
    return amount.quantize(Decimal(1).scaleb(-MINOR_UNITS[currency]), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class LineInput:
    """A document line as the technician typed it, before validation."""

    description: Any
    quantity: Any
    unit_price: Any
    vat_rate: Any = "25"


@dataclass(frozen=True)
class PricedLine:
    description: str
    quantity: Decimal
    unit_price: Decimal
    vat_rate: Decimal
    net: Decimal
    vat: Decimal
    total: Decimal


@dataclass(frozen=True)
class DocumentTotals:
    currency: str
    lines: tuple[PricedLine, ...]
    subtotal: Decimal
    vat_total: Decimal
    total: Decimal

    def vat_by_rate(self) -> dict[Decimal, Decimal]:
        """VAT summed per rate, as an invoice must show it."""
        result: dict[Decimal, Decimal] = {}
        for line in self.lines:
            result[line.vat_rate] = result.get(line.vat_rate, Decimal(0)) + line.vat
        return result


MAX_LINES = 500
MAX_DESCRIPTION = 500


def price_line(line: LineInput, currency: str, index: int) -> PricedLine:
    """Validate one line and round its net and VAT to the currency's minor unit."""
    prefix = f"lines[{index}]"
    problems: list[Problem] = []
    description = line.description.strip() if isinstance(line.description, str) else ""
    if not description:
        problems.append(
            Problem(
                f"{prefix}.description",
                Text(QT_TRANSLATE_NOOP("Domain", "a line needs a description")),
            )
        )
    elif len(description) > MAX_DESCRIPTION:
        problems.append(
            Problem(
                f"{prefix}.description",
                Text(QT_TRANSLATE_NOOP("Domain", "at most %1 characters"), MAX_DESCRIPTION),
            )
        )
    values: dict[str, Decimal] = {}
    parsers = {
        "quantity": lambda v, f: parse_quantity(v, f),
        "unit_price": lambda v, f: parse_amount(v, currency, f),
        "vat_rate": lambda v, f: parse_vat_rate(v, f),
    }
    for name, parse in parsers.items():
        try:
            values[name] = parse(getattr(line, name), f"{prefix}.{name}")
        except ValidationError as error:
            problems.extend(error.problems)
    if problems:
        raise ValidationError(problems)
    net = round_money(values["quantity"] * values["unit_price"], currency)
    vat = round_money(net * values["vat_rate"] / 100, currency)
    return PricedLine(
        description=description,
        quantity=values["quantity"],
        unit_price=values["unit_price"],
        vat_rate=values["vat_rate"],
        net=net,
        vat=vat,
        total=net + vat,
    )


def price_document(lines: Sequence[LineInput], currency: Any = DEFAULT_CURRENCY) -> DocumentTotals:
    """Validate every line and total them; an empty document is refused."""
    code = parse_currency(currency)
    if not lines:
        raise ValidationError.single(
            "lines",
            Text(QT_TRANSLATE_NOOP("Domain", "an invoice or estimate needs at least one line")),
        )
    if len(lines) > MAX_LINES:
        raise ValidationError.single(
            "lines", Text(QT_TRANSLATE_NOOP("Domain", "at most %1 lines"), MAX_LINES)
        )
    problems: list[Problem] = []
    priced: list[PricedLine] = []
    for index, line in enumerate(lines):
        try:
            priced.append(price_line(line, code, index))
        except ValidationError as error:
            problems.extend(error.problems)
    if problems:
        raise ValidationError(problems)
    subtotal = sum((line.net for line in priced), Decimal(0))
    vat_total = sum((line.vat for line in priced), Decimal(0))
    return DocumentTotals(
        currency=code,
        lines=tuple(priced),
        subtotal=subtotal,
        vat_total=vat_total,
        total=subtotal + vat_total,
    )
