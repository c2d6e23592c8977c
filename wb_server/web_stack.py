"""The web stack the reference server runs on: the install extra ``server`` of
``pyproject.toml``. Standard library only, so a launcher can ask before importing any of it."""

from __future__ import annotations

import importlib.util

WEB_STACK = ("fastapi", "starlette", "anyio", "uvicorn")
INSTALL_COMMAND = 'pip install "wb-desktop[server]"'


def missing_web_stack() -> str | None:
    """The first package of the web stack that is not installed, found without importing
    any of them; None when all are there."""
    for name in WEB_STACK:
        if importlib.util.find_spec(name) is None:
            return name
    return None
