"""Alembic environment for the local cache (run by :mod:`wb_desktop.core.store.migrate`)."""

from alembic import context

from wb_desktop.core.persistence.alembic_env import run_environment
from wb_desktop.core.store.models import Base

run_environment(context, Base.metadata, offline=True)
