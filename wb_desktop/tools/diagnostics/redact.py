"""Scrubbing customer data out of text and JSON, with stable placeholders.

The real values are collected first (from the cache and the trace), then every occurrence is
replaced wherever it appears: a name typed into a note, an address in a pull reply in the
trace, an email in a log line. The same real value always becomes the same placeholder, so
support can still tell "Customer 1" from "Customer 2" across every file of a bundle.

Credentials (bearer tokens, passwords) are removed from traces and logs whether or not
customer data is redacted: they must never leave the tablet.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

REMOVED = "[removed]"
REDACTED = "[redacted]"
MIN_VALUE_LENGTH = 2  # a one-letter "name" would wipe out every text it occurs in
WHOLE_WORD_BELOW = 4  # short values only match as whole words ("Bo" but not "Body")
PHONE_DIGITS = 8  # phones match by their last digits, whatever the spacing or prefix

SECRET_KEYS = frozenset({"password", "token", "authorization", "admin_token", "access_token"})
# JSON keys whose string value is customer data wherever it appears.
PII_KEYS = {
    "phone": "phone",
    "email": "email",
    "address": "address",
    "signer_name": "signer",
    "customer_name": "name",
}
_SHAPE_KEYS = frozenset({"phone", "email", "address"})
# A GPS fix at a job site is the customer's address by another name: kept to ~1 km.
COORDINATE_KEYS = frozenset({"latitude", "longitude", "lat", "lon", "lng"})
COORDINATE_DECIMALS = 2
# Keys and columns that hold codes, ids and hashes, never free text: left exactly as they are,
# so a customer unluckily named like a status cannot corrupt the data around it.
STRUCTURAL_KEYS = frozenset(
    {
        "kind",
        "record_type",
        "status",
        "previous_status",
        "state",
        "sync_state",
        "upload_state",
        "delivery_state",
        "result",
        "original_result",
        "sha256",
        "png_sha256",
        "relative_path",
        "stored_path",
        "png_path",
        "content_type",
        "currency",
        "reference",
        "event",
        "level",
        "winner",
        "resolution",
        "field",
        "idempotency_key",
        "card_last4",
    }
)


def is_structural(key: str) -> bool:
    lowered = key.lower()
    return lowered in STRUCTURAL_KEYS or lowered == "id" or lowered.endswith("_id")


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE_LIKE = re.compile(r"\+?\d[\d ().-]{5,}\d")
_BEARER = re.compile(r"(?i)\bbearer\s+[\w.~+/=-]+")
_SECRET_PAIR = re.compile(
    r"(?i)(\"?(?:password|token|authorization|admin_token|access_token)\"?\s*[:=]\s*)"
    r"(\"[^\"]*\"|[^\s,}&]+)"
)


def _label(kind: str, number: int, variant: int = 1) -> str:
    """``Customer 3``; a customer's earlier name (before an edit) is ``Customer 3 (2)``."""
    suffix = f" ({variant})" if variant > 1 else ""
    if kind == "name":
        return f"Customer {number}{suffix}"
    if kind == "signer":
        return f"Signer {number}{suffix}"
    if kind == "phone":
        groups = f"{number // 10000 % 1000:03d} {number // 100 % 100:02d} {number % 100:02d}"
        return f"+46 00 {groups}{suffix}"
    if kind == "email":
        dot = f".{variant}" if variant > 1 else ""
        return f"customer{number}{dot}@redacted.invalid"
    return f"Address {number}{suffix}"


def strip_secrets(text: str) -> str:
    """Bearer tokens and ``password=...``-style pairs out of a line of text."""
    text = _BEARER.sub("Bearer " + REMOVED, text)
    return _SECRET_PAIR.sub(lambda m: m.group(1) + json.dumps(REMOVED), text)


class Redactor:
    """Real value → placeholder, per kind (name, signer, phone, email, address).

    With ``enabled`` false it only strips credentials, so one code path writes both kinds
    of bundle.
    """

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self._replacements: dict[str, str] = {}
        self._phones: dict[str, str] = {}
        self._used: dict[str, dict[int, int]] = {}  # kind -> number -> values
        self._pattern: re.Pattern[str] | None = None

    def add(self, kind: str, value: object, number: int | None = None) -> str | None:
        """Register a real value; returns its placeholder (the existing one if known).

        ``number`` ties a customer's name, phone, email and address to the same number, and
        their earlier values (a name before an edit) to the same placeholder."""
        if not isinstance(value, str) or not value.strip():
            return None
        key = value.strip().casefold()
        known = self._replacements.get(key)
        if known is not None:
            return known
        used = self._used.setdefault(kind, {})
        if number is None:  # a value of no known customer: the next free number
            number = max(used, default=0) + 1
        used[number] = variant = used.get(number, 0) + 1
        placeholder = _label(kind, number, variant)
        self._replacements[key] = placeholder
        escaped = json.dumps(value.strip())[1:-1].casefold()
        self._replacements.setdefault(escaped, placeholder)
        if kind == "phone":
            digits = re.sub(r"\D", "", value)
            if len(digits) >= PHONE_DIGITS:
                self._phones.setdefault(digits[-PHONE_DIGITS:], placeholder)
        self._pattern = None
        return placeholder

    def placeholder(self, kind: str, value: str) -> str:
        """The placeholder for a whole field's value (registering it if new)."""
        return self.add(kind, value) or value

    @property
    def values(self) -> list[str]:
        """Every registered real value, as matched (case-folded)."""
        return list(self._replacements)

    # --- collecting -------------------------------------------------------------------

    def collect_json(self, value: Any) -> None:
        """Register customer data found by its key, or in a customer-shaped object."""
        if isinstance(value, dict):
            shaped = bool(_SHAPE_KEYS & set(value))
            for key, item in value.items():
                kind = PII_KEYS.get(str(key).lower())
                if kind is None and shaped and str(key).lower() == "name":
                    kind = "name"
                if kind is not None and isinstance(item, str):
                    self.add(kind, item)
                else:
                    self.collect_json(item)
        elif isinstance(value, list):
            for item in value:
                self.collect_json(item)
        elif isinstance(value, str) and value[:1] in "{[":
            parsed = _json_or_none(value)
            if parsed is not None:
                self.collect_json(parsed)

    # --- scrubbing --------------------------------------------------------------------

    def text(self, text: str) -> str:
        """``text`` with every known value, email and phone number replaced, and no secrets."""
        text = strip_secrets(text)
        if not self.enabled or not text:
            return text
        pattern = self._compiled()
        if pattern is not None:
            text = pattern.sub(self._replace, text)
        text = _EMAIL.sub(self._replace_email, text)
        if self._phones:
            text = _PHONE_LIKE.sub(self._replace_phone, text)
        return text

    def json(self, value: Any) -> Any:
        """A JSON value scrubbed field by field; nested JSON in strings is scrubbed too."""
        if isinstance(value, dict):
            shaped = bool(_SHAPE_KEYS & set(value))
            return {key: self._field(str(key), item, shaped) for key, item in value.items()}
        if isinstance(value, list):
            return [self.json(item) for item in value]
        if isinstance(value, str):
            parsed = _json_or_none(value) if value[:1] in "{[" else None
            if parsed is not None:
                return json.dumps(self.json(parsed), ensure_ascii=False)
            return self.text(value)
        return value

    def json_line(self, line: str) -> str:
        """One line of a JSON-lines file; a line that is not JSON is scrubbed as text."""
        stripped = line.rstrip("\r\n")
        ending = line[len(stripped) :]
        parsed = _json_or_none(stripped)
        if parsed is None:
            return self.text(stripped) + ending
        return json.dumps(self.json(parsed), ensure_ascii=False) + ending

    def _field(self, key: str, item: Any, shaped: bool) -> Any:
        lowered = key.lower()
        if lowered in SECRET_KEYS and isinstance(item, str):
            return REMOVED
        if isinstance(item, str) and is_structural(lowered):
            return item
        if self.enabled and lowered in COORDINATE_KEYS and isinstance(item, float):
            return round(item, COORDINATE_DECIMALS)
        if not self.enabled or not isinstance(item, str) or not item.strip():
            return self.json(item)
        kind = PII_KEYS.get(lowered) or ("name" if shaped and lowered == "name" else None)
        return self.placeholder(kind, item) if kind is not None else self.json(item)

    def _compiled(self) -> re.Pattern[str] | None:
        if self._pattern is None and self._replacements:
            parts = []
            for value in sorted(self._replacements, key=len, reverse=True):
                if len(value) < MIN_VALUE_LENGTH:
                    continue
                escaped = re.escape(value)
                if len(value) < WHOLE_WORD_BELOW:
                    escaped = rf"(?<!\w){escaped}(?!\w)"
                parts.append(escaped)
            self._pattern = re.compile("|".join(parts), re.IGNORECASE) if parts else None
        return self._pattern

    def _replace(self, match: re.Match[str]) -> str:
        return self._replacements.get(match.group(0).casefold(), REDACTED)

    def _replace_email(self, match: re.Match[str]) -> str:
        found = match.group(0)
        if found.lower().endswith("@redacted.invalid"):
            return found
        return self.placeholder("email", found)

    def _replace_phone(self, match: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", match.group(0))
        if len(digits) < PHONE_DIGITS:
            return match.group(0)
        return self._phones.get(digits[-PHONE_DIGITS:], match.group(0))


def _json_or_none(text: str) -> Any:
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return None


LineScrubber = Callable[[str], str]
