"""The sign-in the app keeps between starts: server, email and session token, never the
password. Stored in the profile's folder, which only its user can read (per-user app data).

With it a restart opens straight onto the cached schedule, with or without the network; an
expired token makes the next sync ask the technician to sign in again. Qt-free.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from wb_desktop.core.paths import ProfilePaths
from wb_desktop.core.persistence.atomic_files import write_atomically

FILE_NAME = "sign-in.json"


@dataclass(frozen=True)
class SavedSignIn:
    server_url: str
    email: str
    token: str
    saved_at: datetime


def sign_in_file(paths: ProfilePaths) -> Path:
    return paths.folder / FILE_NAME


def load_sign_in(paths: ProfilePaths) -> SavedSignIn | None:
    """The saved sign-in, or None when there is none or it cannot be read (then the
    technician simply signs in again; nothing else depends on this file)."""
    try:
        data = json.loads(sign_in_file(paths).read_text(encoding="utf-8"))
        return SavedSignIn(
            server_url=str(data["server_url"]),
            email=str(data["email"]),
            token=str(data["token"]),
            saved_at=datetime.fromisoformat(str(data["saved_at"])),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save_sign_in(paths: ProfilePaths, saved: SavedSignIn) -> None:
    """Write atomically, so a crash leaves the old file or the new one."""
    path = sign_in_file(paths)
    text = json.dumps(
        {
            "server_url": saved.server_url,
            "email": saved.email,
            "token": saved.token,
            "saved_at": saved.saved_at.isoformat(),
        },
        indent=2,
    )
    write_atomically(path, text.encode("utf-8"))


def forget_sign_in(paths: ProfilePaths) -> None:
    sign_in_file(paths).unlink(missing_ok=True)
