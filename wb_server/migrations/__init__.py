"""Alembic environment of the reference server's database (SQLite or PostgreSQL)."""
