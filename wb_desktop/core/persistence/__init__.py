"""Building blocks of durable storage shared by the local cache and the reference server:
exact SQL column types, the body of an Alembic ``env.py``, atomic file writes.

Qt-free and free of the rest of the client, so ``wb_server`` can use them without importing
the cache (the import-linter contracts in ``pyproject.toml`` hold both sides to that).
"""
