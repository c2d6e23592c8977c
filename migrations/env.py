"""Alembic environment for the local cache.

The app runs migrations through :mod:`wb_desktop.store.migrate`, which hands over an open
connection in ``config.attributes["connection"]`` and commits the whole upgrade at once.
Developers can also run the ``alembic`` command from the repository root (see alembic.ini).
"""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import create_engine

from wb_desktop.store.models import Base
from wb_desktop.store.types import render_plain_type

config = context.config
target_metadata = Base.metadata


def _configure(**kwargs: Any) -> None:
    context.configure(
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        render_item=render_plain_type,
        **kwargs,
    )


def run_offline() -> None:
    _configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    engine = create_engine(str(url))
    with engine.begin() as own_connection:
        _configure(connection=own_connection)
        context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
