"""The server's schema is owned by its migrations, never by create_all."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from tests.integration.postgres import PostgresServer
from wb_server.db import (
    WRITE_OPTION,
    alembic_config,
    create_server_engine,
    current_revision,
    head_revision,
    migrate,
)
from wb_server.models import ServerBase


def test_upgrade_creates_a_schema_equal_to_the_models(tmp_path: Path) -> None:
    engine = create_server_engine(f"sqlite:///{(tmp_path / 's.sqlite3').as_posix()}")
    migrate(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, ServerBase.metadata) == []
    engine.dispose()


def test_downgrade_to_base_and_up_again(tmp_path: Path) -> None:
    engine = create_server_engine(f"sqlite:///{(tmp_path / 's.sqlite3').as_posix()}")
    migrate(engine)
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as connection:
        command.downgrade(alembic_config(connection), "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    migrate(engine)
    assert set(ServerBase.metadata.tables) <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_the_same_migrations_build_the_schema_on_postgresql(postgres: PostgresServer) -> None:
    engine = create_server_engine(postgres.new_database())
    migrate(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, ServerBase.metadata) == []
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "base")
    migrate(engine)
    assert current_revision(engine) == head_revision()
    engine.dispose()
