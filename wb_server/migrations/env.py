"""Alembic environment for the reference server (run by :func:`wb_server.db.migrate`)."""

from alembic import context

from wb_desktop.core.persistence.alembic_env import run_environment
from wb_server.models import ServerBase

run_environment(context, ServerBase.metadata, offline=False)
