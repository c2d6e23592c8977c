"""The body of an Alembic ``env.py``, shared by the cache's and the server's migrations.

The app hands over an open connection in ``config.attributes["connection"]`` and commits the
whole upgrade itself; developers running the ``alembic`` command pass ``-x url=…`` instead.
"""

from __future__ import annotations

from typing import Any

from alembic.runtime.environment import EnvironmentContext
from sqlalchemy import MetaData, create_engine

from wb_desktop.core.persistence.column_types import render_plain_type


def run_environment(context: EnvironmentContext, metadata: MetaData, *, offline: bool) -> None:
    """Run the migrations; ``offline`` says whether ``alembic --sql`` is supported."""

    def configure(**kwargs: Any) -> None:
        context.configure(
            target_metadata=metadata,
            render_as_batch=True,
            compare_type=True,
            render_item=render_plain_type,
            **kwargs,
        )

    config = context.config
    if context.is_offline_mode():
        if not offline:
            raise SystemExit("these migrations run online only: the app migrates on start")
        configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    connection = config.attributes.get("connection")
    if connection is not None:
        configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    engine = create_engine(str(url))
    with engine.begin() as own_connection:
        configure(connection=own_connection)
        context.run_migrations()
    engine.dispose()
