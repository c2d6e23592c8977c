"""``wb-server``: run the reference cloud, as one process or several on one database.

``--workers N`` starts N uvicorn worker processes on one port; several ``wb-server``
instances on other hosts or ports behind a reverse proxy work the same way, as long as they
share the database (PostgreSQL) and the blob folder. The server keeps no state in a process
that another needs: tokens, feed, answers and fault rules are all in the database.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import timedelta
from pathlib import Path

import platformdirs

from wb_desktop import __version__
from wb_server.config import ServerConfig
from wb_server.web_stack import INSTALL_COMMAND, missing_web_stack

ADMIN_TOKEN_ENV = "WB_ADMIN_TOKEN"
WORKER_DB_ENV = "WB_SERVER_DB"
WORKER_BLOB_DIR_ENV = "WB_SERVER_BLOB_DIR"
WORKER_TOKEN_HOURS_ENV = "WB_SERVER_TOKEN_HOURS"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("WorkBoss Server", "WorkBoss", roaming=False))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wb-server", description="The WorkBoss reference cloud (sync protocol server)."
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8765, help="port to listen on")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="SQLAlchemy URL: sqlite:///path or postgresql+psycopg://… "
        "(default: a SQLite file in the per-user data folder)",
    )
    parser.add_argument("--blob-dir", type=Path, help="where attachments are kept")
    parser.add_argument("--demo", action="store_true", help="load the demo data if empty")
    parser.add_argument("--demo-seed", type=int, default=1, help="seed of the demo data")
    parser.add_argument(
        "--admin-token",
        default=os.environ.get(ADMIN_TOKEN_ENV),
        help=f"enables the dispatcher and fault API (or set {ADMIN_TOKEN_ENV})",
    )
    parser.add_argument("--token-hours", type=float, default=12.0, help="sign-in lifetime")
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="server processes on this port (use PostgreSQL for more than one)",
    )
    parser.add_argument(
        "--migrate-only",
        action="store_true",
        help="upgrade the database (and load --demo data), then exit without serving",
    )
    parser.add_argument("--version", action="version", version=f"wb-server {__version__}")
    return parser


def config_from(args: argparse.Namespace) -> ServerConfig:
    data = default_data_dir()
    url = args.db or f"sqlite:///{(data / 'server.sqlite3').as_posix()}"
    return ServerConfig(
        database_url=url,
        blob_dir=args.blob_dir or data / "blobs",
        admin_token=args.admin_token or None,
        token_ttl=timedelta(hours=args.token_hours),
    )


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    missing = missing_web_stack()
    if missing is not None:  # the app was installed without the extra "server"
        print(
            f"wb-server: its web stack is not installed ({missing} is missing);"
            f" install it with: {INSTALL_COMMAND}",
            file=sys.stderr,
        )
        return 2
    import uvicorn

    from wb_server.app import create_app
    from wb_server.demo import load_demo
    from wb_server.header_limit import uvicorn_options

    if args.workers < 1:
        print("wb-server: --workers must be 1 or more", file=sys.stderr)
        return 2
    config = config_from(args)
    try:
        app = create_app(config)  # migrates once, here, before any worker starts
    except Exception as error:  # the database URL or file is the usual culprit
        print(f"wb-server: cannot open {config.database_url}: {error}", file=sys.stderr)
        return 2
    if args.demo:
        loaded = load_demo(app.state.context, seed=args.demo_seed)
        print(loaded, file=sys.stderr)
    if args.migrate_only:
        app.state.context.engine.dispose()
        return 0
    if args.workers == 1:
        uvicorn.run(app, host=args.host, port=args.port, log_level="info", **uvicorn_options())
        return 0
    app.state.context.engine.dispose()
    os.environ.update(worker_environment(config))
    uvicorn.run(
        "wb_server.workers:app_from_environment",
        factory=True,
        workers=args.workers,
        host=args.host,
        port=args.port,
        log_level="info",
        **uvicorn_options(),
    )
    return 0


def worker_environment(config: ServerConfig) -> dict[str, str]:
    """What a worker process needs to build the same app (see server.workers)."""
    environment = {
        WORKER_DB_ENV: config.database_url,
        WORKER_BLOB_DIR_ENV: str(config.blob_dir),
        WORKER_TOKEN_HOURS_ENV: str(config.token_ttl.total_seconds() / 3600),
    }
    if config.admin_token:
        environment[ADMIN_TOKEN_ENV] = config.admin_token
    return environment
