"""Alembic environment for the reference server; run by :func:`wb_desktop.server.db.migrate`."""

from __future__ import annotations

from typing import Any

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy import create_engine
from sqlalchemy.types import TypeDecorator

from wb_desktop.server.models import ServerBase

config = context.config


def render_item(type_: str, obj: Any, autogen_context: AutogenContext) -> str | bool:
    """Render TypeDecorators as their plain SQL type, so revisions never import app code."""
    if type_ == "type" and isinstance(obj, TypeDecorator):
        return f"sa.{obj.impl_instance!r}"
    return False


def _configure(**kwargs: Any) -> None:
    context.configure(
        target_metadata=ServerBase.metadata,
        render_as_batch=True,
        compare_type=True,
        render_item=render_item,
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
