"""The local cache: SQLAlchemy models, the database and its migrations, the one write path."""
