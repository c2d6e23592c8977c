"""The ``wb-desktop`` command: the GUI by default, plus headless commands for support.

The ``db`` and ``storage`` commands never import Qt, so they run on a machine (or over a
remote shell) where the GUI cannot start. Each command imports what it uses when it runs
(the GUI, the cache's schema tools, the scenario and diagnostics tools), so none pays for
another's. Every failure a person can act on is a :class:`WorkBossError`; it is printed as
one message with exit code 2, never a traceback.

The grammar is :mod:`wb_desktop.cli_parser`; the ``db`` commands are :mod:`wb_desktop.cli_db`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TYPE_CHECKING

from wb_desktop.app.settings import load_settings
from wb_desktop.cli_db import DB_ACTIONS, db_restore
from wb_desktop.cli_parser import EXIT_ERROR, EXIT_OK, PROG, CommonOptions, build_parser
from wb_desktop.core.domain.errors import WorkBossError, format_bytes
from wb_desktop.core.paths import DEFAULT_PROFILE, DataPaths, ProfilePaths, check_profile_name

if TYPE_CHECKING:
    from wb_desktop.core.store.quota import StorageUsage

MB = 1024 * 1024


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the process exit code (0 ok, 1 problems found, 2 error)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version and usage errors
        return stop.code if isinstance(stop.code, int) else EXIT_ERROR
    command = args.command or "gui"
    if command == "scenario":
        from wb_desktop.tools.scenario.command import run_command

        return run_command(
            args.file,
            server_url=args.server,
            admin_token=args.admin_token,
            data_dir=args.data_dir,
            as_json=args.json,
        )
    if command == "diagnostics":
        return _diagnostics(args)
    if command != "gui" and (hasattr(args, "server") or hasattr(args, "lang")):
        print(f"{PROG}: --server and --lang apply only to the app (gui)", file=sys.stderr)
        return EXIT_ERROR
    options = CommonOptions(
        data_dir=getattr(args, "data_dir", None),
        profile=getattr(args, "profile", DEFAULT_PROFILE),
        quota_mb=getattr(args, "quota_mb", None),
    )
    try:
        check_profile_name(options.profile)
        if command == "gui":
            return _run_gui(options, args)
        if command == "storage":
            return _storage(options, as_json=args.json)
        if args.db_action == "restore":
            return db_restore(options, backup=args.backup, force=args.force)
        return DB_ACTIONS[args.db_action](options)
    except WorkBossError as error:
        print(f"{PROG}: {error.message}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return EXIT_ERROR


def _run_gui(options: CommonOptions, args: argparse.Namespace) -> int:
    from wb_desktop.app.qt_platform_check import qt_platform_problem

    # Before Qt is imported at all: a machine without the libraries PySide6 itself links
    # would otherwise fail on the import with a traceback instead of this message.
    problem = qt_platform_problem()
    if problem is not None:
        print(f"{PROG}: {problem}", file=sys.stderr)
        return EXIT_ERROR
    from wb_desktop import bootstrap as app

    app_options = app.AppOptions(
        data_dir=options.data_dir,
        profile=options.profile,
        quota_mb=options.quota_mb,
        server=getattr(args, "server", None),
        lang=getattr(args, "lang", None),
        open_console=bool(getattr(args, "console", False)),
        open_bundle=getattr(args, "bundle", None),
        admin_token=getattr(args, "admin_token", None) or os.environ.get("WB_ADMIN_TOKEN"),
    )
    if getattr(args, "smoke_test", False):
        from wb_desktop.smoke import run_smoke_test

        return run_smoke_test(app_options)
    return app.run(app_options)


def _read_usage(paths: ProfilePaths, limit_bytes: int) -> StorageUsage:
    """Usage read through a read-only connection: looking never backs up or upgrades."""
    from sqlalchemy.orm import Session

    from wb_desktop.core.store.cache_checks import read_current
    from wb_desktop.core.store.database import create_cache_engine, translate_open_errors
    from wb_desktop.core.store.quota import StorageQuota, StorageUsage

    quota = StorageQuota(paths, limit_bytes)
    if read_current(paths.database) is None:
        files = [p for p in paths.database_files()[:2] if p.exists()]
        return StorageUsage(sum(p.stat().st_size for p in files), 0, limit_bytes)
    engine = create_cache_engine(paths.database, read_only=True)
    try:
        with translate_open_errors(paths.database), Session(engine) as session:
            return quota.usage(session)
    finally:
        engine.dispose()


def _storage(options: CommonOptions, *, as_json: bool) -> int:
    paths = options.profile_paths()
    quota_mb = options.quota_mb
    if quota_mb is None:
        quota_mb = load_settings(paths).storage_quota_mb
    usage = _read_usage(paths, quota_mb * MB)
    percent = round(usage.ratio * 100, 1)
    if as_json:
        report = {
            "profile": paths.name,
            "database": str(paths.database),
            "database_bytes": usage.database_bytes,
            "media_bytes": usage.media_bytes,
            "used_bytes": usage.used_bytes,
            "limit_bytes": usage.limit_bytes,
            "percent": percent,
            "warning": usage.warning,
        }
        print(json.dumps(report, indent=2))
        return EXIT_OK
    print(f"Profile:  {paths.name} ({paths.folder})")
    print(f"Database: {format_bytes(usage.database_bytes)}")
    print(f"Media:    {format_bytes(usage.media_bytes)}")
    print(
        f"Used:     {format_bytes(usage.used_bytes)} of {format_bytes(usage.limit_bytes)} "
        f"({percent} %)"
    )
    if usage.warning:
        print(f"Warning:  {usage.warning}")
    return EXIT_OK


def _diagnostics(args: argparse.Namespace) -> int:
    from wb_desktop.tools.diagnostics import command

    try:
        data = DataPaths(args.data_dir) if hasattr(args, "data_dir") else DataPaths.default()
        if args.diagnostics_action == "export":
            paths = data.profile(getattr(args, "profile", DEFAULT_PROFILE))
            return command.export_command(paths, redact=args.redact, output=args.output)
        return command.open_command(
            args.bundle,
            sandbox_root=args.sandbox or command.default_sandbox_root(data),
            replay=args.replay,
            scenario=args.scenario,
            server_url=args.server,
            admin_token=args.admin_token,
        )
    except WorkBossError as error:
        print(f"{PROG}: {error.message}", file=sys.stderr)
        return EXIT_ERROR
