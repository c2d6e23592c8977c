"""Alembic environment for the reference server (run by :func:`wb_desktop.server.db.migrate`)."""

from alembic import context

from wb_desktop.server.models import ServerBase
from wb_desktop.store.alembic_env import run_environment

run_environment(context, ServerBase.metadata, offline=False)
