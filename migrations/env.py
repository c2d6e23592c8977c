"""Alembic environment for the local cache (run by :mod:`wb_desktop.store.migrate`)."""

from alembic import context

from wb_desktop.store.alembic_env import run_environment
from wb_desktop.store.models import Base

run_environment(context, Base.metadata, offline=True)
