"""Alembic environment of the local cache; ships inside the package as ``wb_desktop.migrations``."""
