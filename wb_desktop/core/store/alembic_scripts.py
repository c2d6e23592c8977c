"""The shipped Alembic migrations of the cache: where they are, their head and revisions.

The migrations live in the repository's top-level ``migrations/`` folder and are installed
as ``wb_desktop.migrations``, so a wheel install can create and upgrade a cache by itself.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

import wb_desktop
from wb_desktop.core.domain.text import QT_TRANSLATE_NOOP, Text
from wb_desktop.core.store.errors import InstallationError

VERSION_TABLE = "alembic_version"


def migrations_dir() -> Path:
    """The installed ``wb_desktop.migrations`` package, or ``migrations/`` in a source tree."""
    spec = importlib.util.find_spec("wb_desktop.migrations")
    if spec is not None and spec.origin:
        return Path(spec.origin).parent
    source_tree = Path(wb_desktop.__file__).resolve().parent.parent / "migrations"
    if (source_tree / "env.py").is_file():
        return source_tree
    raise InstallationError(
        Text(
            QT_TRANSLATE_NOOP(
                "Domain",
                "The cache migrations are missing from this installation of WorkBoss Desktop."
                " Reinstall it (pip install --force-reinstall wb-desktop); no data was touched.",
            )
        )
    )


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None, "the migrations have no head"
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in script_directory().walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()
