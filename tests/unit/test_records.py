"""Validation of what a technician types: customers, notes, signatures; and image sniffing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import PNG_1X1
from wb_desktop.core.domain.errors import Problem, ValidationError
from wb_desktop.core.domain.images import (
    MAX_PHOTO_BYTES,
    check_photo_bytes,
    check_signature_png,
    sniff_image,
)
from wb_desktop.core.domain.records import (
    CUSTOMER_FIELDS,
    MAX_NOTE_LENGTH,
    MAX_STROKES,
    DeliveryState,
    DocumentKind,
    PaymentStatus,
    UploadState,
    clean_customer_fields,
    clean_note,
    clean_signature,
)

DETERMINISTIC = settings(derandomize=True, database=None, deadline=None, max_examples=150)


def refused(fn, *args, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        fn(*args, **kwargs)
    return caught.value


# --- errors ---------------------------------------------------------------------------------


def test_validation_error_lists_every_problem():
    error = ValidationError([Problem("a", "bad"), Problem("b", "worse")])
    assert error.fields == ["a", "b"]
    assert str(error) == "a: bad; b: worse"
    assert ValidationError.single("c", "odd").problems == [Problem("c", "odd")]
    with pytest.raises(ValueError, match="at least one problem"):
        ValidationError([])


# --- customers ------------------------------------------------------------------------------


def test_create_with_only_a_name_fills_nothing_else():
    assert clean_customer_fields({"name": "  Karin Lund "}, creating=True) == {"name": "Karin Lund"}


def test_create_with_every_field_strips_them():
    fields = {
        "name": "Karin Lund",
        "phone": " +46 (0)70-123 45 67 ",
        "email": " karin@example.se ",
        "address": "Storgatan 1, Uppsala",
        "notes": "Dog in the garden",
    }
    assert clean_customer_fields(fields, creating=True) == {
        "name": "Karin Lund",
        "phone": "+46 (0)70-123 45 67",
        "email": "karin@example.se",
        "address": "Storgatan 1, Uppsala",
        "notes": "Dog in the garden",
    }


@pytest.mark.parametrize("fields", [{}, {"name": ""}, {"name": "   "}, {"name": None}])
def test_name_is_required_on_create(fields):
    error = refused(clean_customer_fields, fields, creating=True)
    assert error.problems == [Problem("name", "is required")]


def test_name_cannot_be_blanked_on_edit():
    error = refused(clean_customer_fields, {"name": " "}, creating=False)
    assert error.problems == [Problem("name", "is required")]


def test_edit_without_name_is_fine():
    assert clean_customer_fields({"phone": "08-123 456"}, creating=False) == {"phone": "08-123 456"}


def test_edit_can_clear_an_optional_field():
    assert clean_customer_fields({"email": None, "notes": ""}, creating=False) == {
        "email": "",
        "notes": "",
    }


def test_edit_with_nothing_is_refused():
    error = refused(clean_customer_fields, {}, creating=False)
    assert error.problems == [Problem("fields", "nothing to change")]


def test_unknown_fields_are_named_together_with_other_problems():
    error = refused(
        clean_customer_fields, {"zip": "123", "Name": "x", "email": "nope"}, creating=True
    )
    assert error.fields == ["Name", "zip", "name", "email"]
    assert "is not a customer field (name, phone, email, address, notes)" in str(error)


@pytest.mark.parametrize(
    "email",
    ["karin", "karin@", "@example.se", "karin@example", "kar in@example.se", "a@b@c.se"],
)
def test_bad_email_is_refused(email):
    error = refused(clean_customer_fields, {"email": email}, creating=False)
    assert error.problems == [Problem("email", f"'{email}' is not an email address")]


@pytest.mark.parametrize("email", ["a@b.se", "karin.lund+work@mail.example.co.uk"])
def test_good_email_is_accepted(email):
    assert clean_customer_fields({"email": email}, creating=False) == {"email": email}


@pytest.mark.parametrize(
    "phone", ["12345", "+46701234567", "070-123 45 67", "(08) 123 456", "+44 20 7946 0958"]
)
def test_good_phone_is_accepted(phone):
    assert clean_customer_fields({"phone": phone}, creating=False) == {"phone": phone}


@pytest.mark.parametrize(
    "phone",
    ["1234", "call me", "070/123", "070.123.456", "++46701234", "-----", "( ) - ( )", "1-2-3-4"],
)
def test_bad_phone_is_refused(phone):
    error = refused(clean_customer_fields, {"phone": phone}, creating=False)
    assert error.fields == ["phone"]
    assert f"'{phone}' is not a phone number" in str(error)


@pytest.mark.parametrize(
    ("field", "limit"),
    [("name", 200), ("phone", 40), ("email", 254), ("address", 500), ("notes", 5000)],
)
def test_length_limits(field, limit):
    def value(length: int) -> str:
        if field == "phone":
            return "1" * length
        if field == "email":
            return "a" * (length - len("@b.se")) + "@b.se"
        return "x" * length

    assert clean_customer_fields({field: value(limit)}, creating=False) == {field: value(limit)}
    error = refused(clean_customer_fields, {field: value(limit + 1)}, creating=False)
    assert Problem(field, f"at most {limit} characters") in error.problems


def test_length_is_counted_after_stripping():
    name = "  " + "n" * 200 + "  "
    assert clean_customer_fields({"name": name}, creating=True) == {"name": "n" * 200}


@pytest.mark.parametrize("value", [12, 1.5, ["a"], b"bytes"])
def test_non_text_is_refused(value):
    error = refused(clean_customer_fields, {"name": "x", "address": value}, creating=True)
    assert error.problems == [Problem("address", f"expected text, got {type(value).__name__}")]


def test_every_customer_problem_is_reported_at_once():
    error = refused(
        clean_customer_fields,
        {"name": "", "email": "x", "phone": "abc", "notes": "n" * 5001},
        creating=True,
    )
    assert sorted(error.fields) == ["email", "name", "notes", "phone"]


def test_customer_fields_constant():
    assert CUSTOMER_FIELDS == ("name", "phone", "email", "address", "notes")


# --- notes ----------------------------------------------------------------------------------


def test_note_is_stripped():
    assert clean_note("  Replaced the valve.\n") == "Replaced the valve."


@pytest.mark.parametrize("text", ["", "   ", "\n\t", None, 5, ["a"]])
def test_empty_or_non_text_note_is_refused(text):
    error = refused(clean_note, text)
    assert error.problems == [Problem("text", "a note cannot be empty")]


def test_note_length_limit():
    assert clean_note("n" * MAX_NOTE_LENGTH) == "n" * MAX_NOTE_LENGTH
    error = refused(clean_note, "n" * (MAX_NOTE_LENGTH + 1))
    assert error.problems == [Problem("text", f"a note is at most {MAX_NOTE_LENGTH} characters")]


def test_note_limit_applies_to_the_stripped_text():
    assert clean_note("n" * MAX_NOTE_LENGTH + "\n") == "n" * MAX_NOTE_LENGTH


# --- signatures -----------------------------------------------------------------------------

LINE = [[10, 10, 0.5, 0], [40, 12, 0.6, 16], [80, 30, 0.4, 32]]


def test_valid_signature_is_cleaned_to_floats():
    name, strokes = clean_signature("  Karin Lund ", [LINE])
    assert name == "Karin Lund"
    assert strokes == [[[10.0, 10.0, 0.5, 0.0], [40.0, 12.0, 0.6, 16.0], [80.0, 30.0, 0.4, 32.0]]]
    assert all(isinstance(v, float) for point in strokes[0] for v in point)


def test_tuples_are_accepted_as_points_and_empty_strokes_dropped():
    _, strokes = clean_signature("K", [[], [(0, 0, 0, 0), (0, 5, 1, 10)]])
    assert strokes == [[[0.0, 0.0, 0.0, 0.0], [0.0, 5.0, 1.0, 10.0]]]


def test_a_short_move_in_y_counts():
    assert clean_signature("K", [[[0, 0, 0.5, 0], [0, 2, 0.5, 1]]])[1] != []


@pytest.mark.parametrize(
    "strokes",
    [
        pytest.param([], id="no strokes"),
        pytest.param([[]], id="one empty stroke"),
        pytest.param([[], []], id="empty strokes"),
        pytest.param([[[50, 50, 0.5, 0]]], id="a tap"),
        pytest.param([[[50, 50, 0.5, 0], [50, 50, 0.5, 40]]], id="a dot held still"),
        pytest.param([[[50, 50, 0.5, 0], [51.9, 51.9, 0.5, 40]]], id="a wobble under 2 px"),
        pytest.param([[[1, 1, 0.5, 0]], [[9, 9, 0.5, 100]]], id="two taps"),
    ],
)
def test_empty_or_dot_only_signature_is_refused(strokes):
    error = refused(clean_signature, "Karin", strokes)
    assert error.problems == [
        Problem("strokes", "the signature is empty; ask the customer to sign")
    ]


def test_signer_name_is_required():
    error = refused(clean_signature, "  ", [LINE])
    assert error.problems == [Problem("signer_name", "is required")]


def test_signer_name_length_limit():
    assert clean_signature("s" * 200, [LINE])[0] == "s" * 200
    error = refused(clean_signature, "s" * 201, [LINE])
    assert error.problems == [Problem("signer_name", "at most 200 characters")]


@pytest.mark.parametrize("strokes", [None, "strokes", {"a": 1}, (LINE,)])
def test_strokes_must_be_a_list(strokes):
    error = refused(clean_signature, "K", strokes)
    assert error.problems == [Problem("strokes", "expected a list of strokes")]


def test_a_stroke_must_be_a_list():
    error = refused(clean_signature, "K", [LINE, "not a stroke"])
    assert error.problems == [Problem("strokes[1]", "expected a list of points")]


BAD_POINTS = [
    pytest.param([1, 2, 0.5], id="three values"),
    pytest.param([1, 2, 0.5, 0, 9], id="five values"),
    pytest.param("1,2,0.5,0", id="text"),
    pytest.param({"x": 1}, id="mapping"),
    pytest.param(["1", 2, 0.5, 0], id="text coordinate"),
    pytest.param([1, None, 0.5, 0], id="None coordinate"),
    pytest.param([True, 2, 0.5, 0], id="bool coordinate"),
    pytest.param([1, 2, 1.01, 0], id="pressure above 1"),
    pytest.param([1, 2, -0.01, 0], id="pressure below 0"),
    pytest.param([1, 2, float("nan"), 0], id="NaN pressure"),
    pytest.param([float("nan"), 2, 0.5, 0], id="NaN x"),
    pytest.param([1, float("nan"), 0.5, 0], id="NaN y"),
    pytest.param([1, 2, 0.5, float("nan")], id="NaN time"),
    pytest.param([float("inf"), 2, 0.5, 0], id="infinite x"),
    pytest.param([1, float("-inf"), 0.5, 0], id="infinite y"),
    pytest.param([1, 2, 0.5, float("inf")], id="infinite time"),
    pytest.param([10**400, 2, 0.5, 0], id="int too large for a float"),
    pytest.param([1, 2, 0.5, -1], id="negative time"),
]


@pytest.mark.parametrize("point", BAD_POINTS)
def test_bad_point_is_refused_naming_stroke_and_point(point):
    strokes = [LINE, [[0, 0, 0.5, 0], [10, 10, 0.5, 5], point]]
    error = refused(clean_signature, "K", strokes)
    assert error.problems == [Problem("strokes[1][2]", "expected [x, y, pressure 0..1, time ms]")]


def test_every_signature_problem_is_reported_at_once():
    error = refused(clean_signature, "", [[[0, 0, 2, 0]], 5, [[0, 0, 0.5, -3]]])
    assert error.fields == ["signer_name", "strokes[0][0]", "strokes[1]", "strokes[2][0]"]


def test_too_many_strokes():
    error = refused(clean_signature, "K", [LINE] * (MAX_STROKES + 1))
    assert error.problems == [Problem("strokes", f"at most {MAX_STROKES} strokes")]


def test_too_many_points_in_all():
    stroke = [[i % 100, i % 7, 0.5, i] for i in range(50_001)]
    error = refused(clean_signature, "K", [stroke, stroke])
    assert error.problems == [Problem("strokes", "at most 100000 points in all")]


@DETERMINISTIC
@given(
    st.lists(
        st.tuples(
            st.floats(allow_nan=True, allow_infinity=True),
            st.floats(allow_nan=True, allow_infinity=True),
            st.floats(allow_nan=True, allow_infinity=True),
            st.floats(allow_nan=True, allow_infinity=True),
        ).map(list),
        min_size=1,
        max_size=20,
    )
)
def test_accepted_strokes_are_always_finite_and_in_range(points):
    try:
        _, strokes = clean_signature("K", [points])
    except ValidationError:
        return
    for stroke in strokes:
        for x, y, pressure, t_ms in stroke:
            assert all(abs(v) < float("inf") for v in (x, y, pressure, t_ms))
            assert 0 <= pressure <= 1
            assert t_ms >= 0


# --- enums ----------------------------------------------------------------------------------


def test_enum_values_are_what_the_database_and_server_store():
    assert [k.value for k in DocumentKind] == ["invoice", "estimate"]
    assert [s.value for s in DeliveryState] == ["draft", "queued", "sent"]
    assert [s.value for s in PaymentStatus] == ["pending", "approved", "declined", "unknown"]
    assert [s.value for s in UploadState] == ["waiting", "uploading", "uploaded"]


# --- images ---------------------------------------------------------------------------------

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 20
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 20
HEIC = b"\x00\x00\x00\x18ftypheic" + b"\x00" * 20


@pytest.mark.parametrize(
    ("data", "content_type", "suffix"),
    [
        (PNG_1X1, "image/png", ".png"),
        (JPEG, "image/jpeg", ".jpg"),
        (WEBP, "image/webp", ".webp"),
        (HEIC, "image/heic", ".heic"),
        (b"\x00\x00\x00\x18ftypheix" + b"\x00" * 8, "image/heic", ".heic"),
        (b"\x00\x00\x00\x18ftypmif1" + b"\x00" * 8, "image/heic", ".heic"),
    ],
)
def test_sniff_known_formats(data, content_type, suffix):
    found = sniff_image(data)
    assert found is not None
    assert (found.content_type, found.suffix) == (content_type, suffix)
    assert check_photo_bytes(data, "x") == found


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"GIF89a" + b"\x00" * 20,
        b"%PDF-1.7\n",
        b"hello, world",
        PNG_1X1[:7],  # truncated signature
        b"\xff\xd8",  # truncated JPEG marker
        b"RIFF\x24\x00\x00\x00WAVEfmt ",  # a RIFF that is audio
        b"RIFF\x24\x00\x00\x00WEB",  # too short
        b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 8,  # a video
        b"ftypheic" + b"\x00" * 8,  # brand at the wrong offset
    ],
)
def test_sniff_refuses_other_bytes(data):
    assert sniff_image(data) is None


def test_the_name_does_not_matter():
    assert sniff_image(PNG_1X1).content_type == "image/png"
    error = refused(check_photo_bytes, b"plain text", "holiday.jpg")
    assert error.problems == [
        Problem("photo", "'holiday.jpg' is not a photo (JPEG, PNG, WebP or HEIC expected)")
    ]


def test_empty_photo_is_refused():
    error = refused(check_photo_bytes, b"", "IMG_0001.jpg")
    assert error.problems == [Problem("photo", "'IMG_0001.jpg' is empty")]


def test_oversized_photo_is_refused_at_the_limit_plus_one():
    at_limit = PNG_1X1 + b"\x00" * (MAX_PHOTO_BYTES - len(PNG_1X1))
    assert check_photo_bytes(at_limit, "big.png").content_type == "image/png"
    error = refused(check_photo_bytes, at_limit + b"\x00", "big.png")
    assert error.problems == [Problem("photo", "'big.png' is larger than 30 MB")]


def test_signature_must_be_png():
    assert check_signature_png(PNG_1X1) is None
    for data in (JPEG, b"", b"not an image"):
        error = refused(check_signature_png, data)
        assert error.problems == [Problem("png", "the rendered signature must be a PNG image")]
