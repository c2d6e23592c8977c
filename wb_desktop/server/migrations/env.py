"""Alembic environment for the reference server; run by :func:`wb_desktop.server.db.migrate`."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import create_engine

from wb_desktop.server.models import ServerBase
from wb_desktop.store.types import render_plain_type

config = context.config


def _configure(**kwargs: Any) -> None:
    context.configure(
        target_metadata=ServerBase.metadata,
        render_as_batch=True,
        compare_type=True,
        render_item=render_plain_type,
        **kwargs,
    )


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
    raise SystemExit("the server migrations run online only: wb-server migrates on start")
run_online()
