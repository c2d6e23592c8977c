"""Exact money: parsing, per-line half-up rounding, VAT per line, document totals, refusals."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wb_desktop.core.domain.errors import ValidationError
from wb_desktop.core.domain.money import (
    MAX_LINES,
    MINOR_UNITS,
    QUANTITY_DECIMALS,
    LineInput,
    parse_amount,
    parse_currency,
    parse_decimal,
    parse_quantity,
    parse_vat_rate,
    price_document,
    price_line,
    round_money,
)

D = Decimal
DETERMINISTIC = settings(derandomize=True, database=None, deadline=None, max_examples=200)


def exponent(value: Decimal) -> int:
    result = value.as_tuple().exponent
    assert isinstance(result, int)
    return result


# --- exact totals ---------------------------------------------------------------------------


def test_three_times_33_33_at_25_percent():
    totals = price_document([LineInput("Labour", "3", "33.33", "25")], "SEK")
    (line,) = totals.lines
    assert (line.quantity, line.unit_price, line.vat_rate) == (D("3"), D("33.33"), D("25"))
    assert line.net == D("99.99")
    assert line.vat == D("25.00")  # 24.9975 rounds half-up
    assert line.total == D("124.99")
    assert (totals.subtotal, totals.vat_total, totals.total) == (
        D("99.99"),
        D("25.00"),
        D("124.99"),
    )
    assert str(totals.total) == "124.99"
    assert totals.currency == "SEK"


def test_net_is_rounded_half_up_not_half_even():
    # 0.5 × 0.05 = 0.025: half-even would give 0.02.
    line = price_line(LineInput("Washer", "0.5", "0.05", "0"), "SEK", 0)
    assert line.net == D("0.03")
    assert line.vat == D("0.00")
    assert line.total == D("0.03")
    # 1.5 × 0.01 = 0.015 → 0.02 (and 2.5 × 0.01 = 0.025 → 0.03, where half-even gives 0.02)
    assert price_line(LineInput("x", "1.5", "0.01", "0"), "SEK", 0).net == D("0.02")
    assert price_line(LineInput("x", "2.5", "0.01", "0"), "SEK", 0).net == D("0.03")


def test_vat_is_rounded_half_up_per_line():
    line = price_line(LineInput("Fuse", "1", "0.10", "25"), "SEK", 0)
    assert line.vat == D("0.03")  # 0.025 → 0.03


def test_vat_is_computed_per_line_then_summed():
    # Per line: 3 × round(0.025) = 0.09. On the document subtotal it would be round(0.075) = 0.08.
    lines = [LineInput(f"Part {i}", "1", "0.10", "25") for i in range(3)]
    totals = price_document(lines, "SEK")
    assert [line.vat for line in totals.lines] == [D("0.03")] * 3
    assert totals.subtotal == D("0.30")
    assert totals.vat_total == D("0.09")
    assert totals.total == D("0.39")


def test_mixed_rates_and_vat_by_rate():
    lines = [
        LineInput("Labour", "2", "650", "25"),
        LineInput("Food", "1", "99.90", "12"),
        LineInput("Book", "3", "10.10", "6"),
        LineInput("Export", "1", "100", "0"),
        LineInput("Valve", "1", "19.99", "25.00"),
    ]
    totals = price_document(lines, "SEK")
    assert [(line.net, line.vat, line.total) for line in totals.lines] == [
        (D("1300.00"), D("325.00"), D("1625.00")),
        (D("99.90"), D("11.99"), D("111.89")),  # 11.988 → 11.99
        (D("30.30"), D("1.82"), D("32.12")),  # 1.818 → 1.82
        (D("100.00"), D("0.00"), D("100.00")),
        (D("19.99"), D("5.00"), D("24.99")),  # 4.9975 → 5.00
    ]
    assert totals.subtotal == D("1550.19")
    assert totals.vat_total == D("343.81")
    assert totals.total == D("1894.00")
    # "25" and "25.00" are the same rate and are summed together.
    assert totals.vat_by_rate() == {
        D("25"): D("330.00"),
        D("12"): D("11.99"),
        D("6"): D("1.82"),
        D("0"): D("0.00"),
    }


def test_fractional_vat_rate_and_fractional_quantity():
    line = price_line(LineInput("Hours", "1.25", "480.00", "12.5"), "SEK", 0)
    assert line.net == D("600.00")
    assert line.vat == D("75.00")
    line = price_line(LineInput("Cable, m", "2.333", "9.99", "25"), "SEK", 0)
    assert line.net == D("23.31")  # 23.30667
    assert line.vat == D("5.83")  # 5.8275 → 5.83


def test_jpy_has_no_minor_unit():
    totals = price_document([LineInput("Work", "3", "333", "10")], "JPY")
    (line,) = totals.lines
    assert line.unit_price == D("333")
    assert line.net == D("999")
    assert line.vat == D("100")  # 99.9 → 100
    assert totals.total == D("1099")
    assert str(totals.total) == "1099"


def test_currency_is_case_and_space_insensitive():
    assert parse_currency(" sek ") == "SEK"
    assert price_document([LineInput("x", "1", "1", "0")], "eur").currency == "EUR"


def test_integers_and_decimals_are_accepted_as_well_as_text():
    line = price_line(LineInput("x", 2, D("12.5"), 25), "SEK", 0)
    assert line.unit_price == D("12.50")
    assert str(line.unit_price) == "12.50"
    assert line.net == D("25.00")
    assert line.vat == D("6.25")


def test_default_vat_rate_is_25():
    assert LineInput("x", "1", "100").vat_rate == "25"
    assert price_line(LineInput("x", "1", "100"), "SEK", 0).vat == D("25.00")


def test_description_is_stripped():
    assert price_line(LineInput("  Labour \n", "1", "1", "0"), "SEK", 0).description == "Labour"


def test_vat_rate_bounds_are_inclusive():
    assert parse_vat_rate("0") == D("0")
    assert parse_vat_rate("100") == D("100")
    assert price_line(LineInput("x", "1", "10", "100"), "SEK", 0).total == D("20.00")


def test_amount_limits():
    assert parse_amount("999999999.99") == D("999999999.99")
    assert parse_amount("0") == D("0.00")
    with pytest.raises(ValidationError) as caught:
        parse_amount("1000000000")
    assert caught.value.fields == ["amount"]
    assert "too large" in str(caught.value)


def test_quantity_limits():
    assert parse_quantity("1000000") == D("1000000")
    assert parse_quantity("0.001") == D("0.001")
    with pytest.raises(ValidationError) as caught:
        parse_quantity("1000000.001")
    assert caught.value.fields == ["quantity"]
    assert "too large" in str(caught.value)


def test_negative_zero_is_plain_zero():
    # Decimal("-0") is not negative, but must not show up as "-0.00" on an invoice.
    assert str(parse_amount("-0")) == "0.00"
    assert str(parse_amount(D("-0.00"))) == "0.00"
    line = price_line(LineInput("Free check", "1", "-0.00", "25"), "SEK", 0)
    assert (str(line.net), str(line.vat), str(line.total)) == ("0.00", "0.00", "0.00")


def test_exponent_decimals_come_back_as_plain_numbers():
    # Decimal("100").normalize() is Decimal("1E+2"); its text must still be a plain number,
    # because payloads carry Decimals as text and the text parser refuses "1E+2".
    quantity = parse_quantity(D("100").normalize())
    assert quantity == D("100")
    assert str(quantity) == "100"
    assert str(parse_vat_rate(D("2.5E+1"))) == "25"
    assert str(parse_amount(D("1E+3"))) == "1000.00"


# --- refusals -------------------------------------------------------------------------------


def refused(fn, *args, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        fn(*args, **kwargs)
    return caught.value


@pytest.mark.parametrize("value", ["-1", "0", "0.000", "-0.5", 0, -3, D("0"), D("-2")])
def test_quantity_must_be_more_than_zero(value):
    error = refused(price_line, LineInput("x", value, "10", "25"), "SEK", 2)
    assert error.fields == ["lines[2].quantity"]
    assert "must be more than zero" in str(error)


@pytest.mark.parametrize("value", ["-0.01", "-100", -1, D("-5")])
def test_negative_unit_price_refused(value):
    error = refused(price_line, LineInput("x", "1", value, "25"), "SEK", 0)
    assert error.fields == ["lines[0].unit_price"]
    assert "negative" in str(error)


@pytest.mark.parametrize("field", ["quantity", "unit_price", "vat_rate"])
@pytest.mark.parametrize("value", [0.1, 1.0, 25.0, float("nan"), float("inf")])
def test_floats_are_refused(field, value):
    inputs = {"description": "x", "quantity": "1", "unit_price": "10", "vat_rate": "25"}
    inputs[field] = value
    error = refused(price_line, LineInput(**inputs), "SEK", 0)
    assert error.fields == [f"lines[0].{field}"]
    assert "not a float" in str(error)


@pytest.mark.parametrize("field", ["quantity", "unit_price", "vat_rate"])
@pytest.mark.parametrize("value", [True, False])
def test_bools_are_refused(field, value):
    inputs = {"description": "x", "quantity": "1", "unit_price": "10", "vat_rate": "25"}
    inputs[field] = value
    error = refused(price_line, LineInput(**inputs), "SEK", 0)
    assert error.fields == [f"lines[0].{field}"]
    assert f"expected a number, got {value!r}" in str(error)


@pytest.mark.parametrize("value", [None, [1], {"a": 1}, b"12", object()])
def test_other_types_are_refused(value):
    error = refused(parse_decimal, value, "price", 2)
    assert error.fields == ["price"]
    assert f"expected a number, got {type(value).__name__}" in str(error)


@pytest.mark.parametrize(
    ("currency", "value"),
    [
        ("SEK", "1.005"),
        ("SEK", "0.001"),
        ("EUR", "12.345"),
        ("SEK", D("1.005")),
        ("JPY", "1.5"),
        ("JPY", "0.1"),
        ("ISK", D("100.5")),
    ],
)
def test_too_many_decimals_for_the_currency(currency, value):
    error = refused(parse_amount, value, currency, "unit_price")
    assert error.fields == ["unit_price"]
    assert f"at most {MINOR_UNITS[currency]}" in str(error)


@pytest.mark.parametrize(
    ("currency", "value", "expected"),
    [
        ("SEK", "1.50", "1.50"),
        ("SEK", "1.500000", "1.50"),  # trailing zeros are not extra precision
        ("SEK", "7", "7.00"),
        ("JPY", "1500", "1500"),
        ("JPY", "1500.00", "1500"),
        ("JPY", D("1.0"), "1"),
    ],
)
def test_amount_is_quantized_to_the_minor_unit(currency, value, expected):
    assert str(parse_amount(value, currency)) == expected


def test_quantity_and_vat_decimals():
    assert parse_quantity("1.125") == D("1.125")
    assert refused(parse_quantity, "1.1255").fields == ["quantity"]
    assert parse_vat_rate("12.55") == D("12.55")
    assert refused(parse_vat_rate, "12.555").fields == ["vat_rate"]


@pytest.mark.parametrize(
    "text",
    [
        "12,50",
        "1e3",
        "1E3",
        "abc",
        "",
        "   ",
        "1.",
        ".5",
        "1 000",
        "1_000",
        "0x10",
        "+-1",
        "12.50 kr",
        "NaN",
        "Infinity",
        "-inf",
        "1/2",
    ],
)
def test_malformed_strings_are_refused(text):
    error = refused(parse_decimal, text, "unit_price", 2)
    assert error.fields == ["unit_price"]
    assert str(error) == (
        f"unit_price: '{text}' is not a number (use digits and a point, like 1250.50)"
    )


def test_surrounding_spaces_and_sign_are_accepted():
    assert parse_decimal("  12.50 ", "x", 2) == D("12.50")
    assert parse_decimal("+3", "x", 0) == D("3")


@pytest.mark.parametrize("value", ["NaN", "sNaN", "Infinity", "-Infinity"])
def test_non_finite_decimals_are_refused(value):
    error = refused(parse_decimal, D(value), "quantity", 3)
    assert error.fields == ["quantity"]
    assert "is not a finite number" in str(error)


def test_empty_document_is_refused():
    error = refused(price_document, [], "SEK")
    assert error.fields == ["lines"]
    assert "at least one line" in str(error)


def test_too_many_lines_is_refused():
    error = refused(price_document, [LineInput("x", "1", "1")] * (MAX_LINES + 1), "SEK")
    assert error.fields == ["lines"]
    assert len(price_document([LineInput("x", "1", "1")] * MAX_LINES, "SEK").lines) == MAX_LINES


@pytest.mark.parametrize("currency", ["XYZ", "", "kronor", "SE", None, 752, "US D"])
def test_unsupported_currency_is_refused(currency):
    error = refused(price_document, [LineInput("x", "1", "1")], currency)
    assert error.fields == ["currency"]
    assert f"'{currency}' is not a supported currency" in str(error)
    assert "SEK" in str(error)


@pytest.mark.parametrize("rate", ["-1", "-0.01", "100.01", "101", "250", -5, 1000])
def test_vat_outside_0_to_100_is_refused(rate):
    error = refused(price_line, LineInput("x", "1", "10", rate), "SEK", 4)
    assert error.fields == ["lines[4].vat_rate"]
    assert "from 0 to 100" in str(error)


@pytest.mark.parametrize("description", ["", "   ", None, 12])
def test_line_needs_a_description(description):
    error = refused(price_line, LineInput(description, "1", "10"), "SEK", 0)
    assert error.fields == ["lines[0].description"]


def test_description_length_limit():
    assert price_line(LineInput("d" * 500, "1", "1"), "SEK", 0).description == "d" * 500
    error = refused(price_line, LineInput("d" * 501, "1", "1"), "SEK", 0)
    assert error.fields == ["lines[0].description"]
    assert "at most 500 characters" in str(error)


def test_every_problem_of_a_multi_line_document_is_reported_at_once():
    lines = [
        LineInput("Fine", "1", "10", "25"),
        LineInput("", "-1", "12,50", "25"),
        LineInput("Fine too", "2", "5", "25"),
        LineInput("Pipe", 0.5, "1.005", "120"),
        LineInput(None, "1", "1", True),
    ]
    error = refused(price_document, lines, "SEK")
    assert error.fields == [
        "lines[1].description",
        "lines[1].quantity",
        "lines[1].unit_price",
        "lines[3].quantity",
        "lines[3].unit_price",
        "lines[3].vat_rate",
        "lines[4].description",
        "lines[4].vat_rate",
    ]
    assert len(error.problems) == 8
    # The message lists them all, so the form can show every one.
    for field in error.fields:
        assert f"{field}: " in str(error)


def test_round_money():
    assert round_money(D("2.345"), "SEK") == D("2.35")
    assert round_money(D("2.344999"), "SEK") == D("2.34")
    assert round_money(D("2.5"), "JPY") == D("3")
    assert round_money(D("3.5"), "JPY") == D("4")
    assert exponent(round_money(D("7"), "SEK")) == -2


# --- properties -----------------------------------------------------------------------------

CURRENCIES = st.sampled_from(sorted(MINOR_UNITS))


def as_input(value: Decimal, form: str):
    return str(value) if form == "text" else value


@st.composite
def documents(draw):
    currency = draw(CURRENCIES)
    minor = MINOR_UNITS[currency]
    count = draw(st.integers(min_value=1, max_value=8))
    lines = []
    for index in range(count):
        quantity = draw(
            st.decimals(min_value=D("0.001"), max_value=D("10000"), places=QUANTITY_DECIMALS)
        )
        price = draw(st.decimals(min_value=0, max_value=D("1000000"), places=minor))
        rate = draw(
            st.one_of(
                st.sampled_from([D("0"), D("6"), D("12"), D("12.5"), D("25")]),
                st.decimals(min_value=0, max_value=100, places=2),
            )
        )
        form = draw(st.sampled_from(["text", "decimal"]))
        lines.append(
            LineInput(f"line {index}", as_input(quantity, form), as_input(price, form), str(rate))
        )
    return currency, lines


def half_up(value: Fraction, minor: int) -> Fraction:
    """Independent oracle: round a non-negative exact fraction half-up to ``minor`` decimals."""
    scale = 10**minor
    scaled = value * scale
    whole = scaled.numerator // scaled.denominator
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    return Fraction(whole, scale)


@DETERMINISTIC
@given(documents())
def test_totals_add_up_and_are_quantized(document):
    currency, lines = document
    minor = MINOR_UNITS[currency]
    totals = price_document(lines, currency)
    assert totals.total == totals.subtotal + totals.vat_total
    assert totals.total == sum((line.total for line in totals.lines), D(0))
    assert totals.subtotal == sum((line.net for line in totals.lines), D(0))
    assert totals.vat_total == sum((line.vat for line in totals.lines), D(0))
    assert totals.vat_total == sum(totals.vat_by_rate().values(), D(0))
    for line in totals.lines:
        assert line.total == line.net + line.vat
        for amount in (line.unit_price, line.net, line.vat, line.total):
            assert exponent(amount) == -minor
    for amount in (totals.subtotal, totals.vat_total, totals.total):
        assert exponent(amount) == -minor
        assert amount >= 0


@DETERMINISTIC
@given(documents())
def test_each_line_matches_exact_half_up_arithmetic(document):
    currency, lines = document
    minor = MINOR_UNITS[currency]
    for index, line_input in enumerate(lines):
        line = price_line(line_input, currency, index)
        exact_net = Fraction(str(line_input.quantity)) * Fraction(str(line_input.unit_price))
        net = half_up(exact_net, minor)
        vat = half_up(net * Fraction(line_input.vat_rate) / 100, minor)
        assert Fraction(line.net) == net
        assert Fraction(line.vat) == vat
        assert Fraction(line.total) == net + vat


@DETERMINISTIC
@given(
    st.integers(min_value=0, max_value=3).flatmap(
        lambda places: st.tuples(
            st.just(places),
            st.decimals(
                min_value=D("-1e12"),
                max_value=D("1e12"),
                places=places,
                allow_nan=False,
                allow_infinity=False,
            ),
        )
    )
)
def test_parsing_a_decimals_text_round_trips(case):
    places, value = case
    parsed = parse_decimal(str(value), "x", places)
    assert parsed == value
    assert parse_decimal(value, "x", places) == value
    if not value.is_zero():
        assert str(parsed) == str(value)


@DETERMINISTIC
@given(st.decimals(allow_nan=False, allow_infinity=False), st.integers(min_value=0, max_value=3))
def test_whatever_parse_accepts_prints_as_text_it_accepts_again(value, places):
    try:
        parsed = parse_decimal(value, "x", places)
    except ValidationError:
        return
    text = str(parsed)
    assert "E" not in text
    assert not text.startswith("-0")
    assert parse_decimal(text, "x", places) == parsed == value


@DETERMINISTIC
@given(CURRENCIES, st.decimals(min_value=0, max_value=D("999999999"), places=3))
def test_parse_amount_always_on_the_minor_unit(currency, value):
    minor = MINOR_UNITS[currency]
    try:
        amount = parse_amount(str(value), currency)
    except ValidationError as error:
        assert error.fields == ["amount"]
        assert value != value.quantize(D(1).scaleb(-minor))  # refused only for extra decimals
        return
    assert amount == value
    assert exponent(amount) == -minor
