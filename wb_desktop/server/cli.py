"""``wb-server``: run the reference cloud."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import timedelta
from pathlib import Path

import platformdirs
import uvicorn

from wb_desktop import __version__
from wb_desktop.server.config import ServerConfig

ADMIN_TOKEN_ENV = "WB_ADMIN_TOKEN"


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
    from wb_desktop.server.app import create_app
    from wb_desktop.server.demo import load_demo

    config = config_from(args)
    try:
        app = create_app(config)
    except Exception as error:  # the database URL or file is the usual culprit
        print(f"wb-server: cannot open {config.database_url}: {error}", file=sys.stderr)
        return 2
    if args.demo:
        loaded = load_demo(app.state.context, seed=args.demo_seed)
        print(loaded, file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0
