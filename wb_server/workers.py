"""The app factory uvicorn's worker processes call (``wb-server --workers N``).

Each worker builds its own app, engine and connection pool from the environment the
``wb-server`` command set; ``create_app`` finds the schema already at head (the command
migrated it before starting the workers, and migrations run under a lock anyway).
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from fastapi import FastAPI

from wb_server.app import create_app
from wb_server.cli import (
    ADMIN_TOKEN_ENV,
    WORKER_BLOB_DIR_ENV,
    WORKER_DB_ENV,
    WORKER_TOKEN_HOURS_ENV,
)
from wb_server.config import ServerConfig


def app_from_environment() -> FastAPI:
    config = ServerConfig(
        database_url=os.environ[WORKER_DB_ENV],
        blob_dir=Path(os.environ[WORKER_BLOB_DIR_ENV]),
        admin_token=os.environ.get(ADMIN_TOKEN_ENV) or None,
        token_ttl=timedelta(hours=float(os.environ.get(WORKER_TOKEN_HOURS_ENV, "12"))),
        request_log_name=f"requests-{os.getpid()}.jsonl",  # one writer per file
    )
    return create_app(config)
