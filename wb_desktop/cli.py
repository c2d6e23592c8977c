"""The ``wb-desktop`` command: the GUI by default, plus headless commands for support.

The ``db`` and ``storage`` commands never import Qt, so they run on a machine (or over a
remote shell) where the GUI cannot start. Each command imports what it uses when it runs
(the GUI, the cache's schema tools, the scenario and diagnostics tools), so none pays for
another's. Every failure a person can act on is a :class:`WorkBossError`; it is printed as
one message with exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from wb_desktop import __version__
from wb_desktop.app.settings import check_storage_quota_mb, load_settings
from wb_desktop.core.domain.clock import SystemClock
from wb_desktop.core.domain.errors import WorkBossError, format_bytes
from wb_desktop.core.paths import DEFAULT_PROFILE, DataPaths, ProfilePaths, check_profile_name

if TYPE_CHECKING:
    from wb_desktop.core.store.quota import StorageUsage

MB = 1024 * 1024
EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_ERROR = 2
PROG = "wb-desktop"


@dataclass(frozen=True)
class CommonOptions:
    """The options every command accepts, before or after the command's name."""

    data_dir: Path | None
    profile: str
    quota_mb: int | None

    def data_paths(self) -> DataPaths:
        return DataPaths(self.data_dir) if self.data_dir is not None else DataPaths.default()

    def profile_paths(self) -> ProfilePaths:
        return self.data_paths().profile(self.profile)


def _quota_mb(text: str) -> int:
    try:
        value = int(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"must be a whole number of MB, not '{text}'") from error
    try:
        return check_storage_quota_mb(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def _data_dir(text: str) -> Path:
    return Path(text).expanduser().absolute()


def _common_parser() -> argparse.ArgumentParser:
    """Options with ``SUPPRESS`` defaults, so a value given at any level is kept."""
    common = argparse.ArgumentParser(add_help=False)
    group = common.add_argument_group("common options")
    group.add_argument(
        "--data-dir",
        type=_data_dir,
        default=argparse.SUPPRESS,
        metavar="DIR",
        help="root of the app's data (default: the per-user data folder)",
    )
    group.add_argument(
        "--profile",
        default=argparse.SUPPRESS,
        metavar="NAME",
        help=f"technician profile (default: {DEFAULT_PROFILE})",
    )
    group.add_argument(
        "--quota-mb",
        type=_quota_mb,
        default=argparse.SUPPRESS,
        metavar="N",
        help="storage quota in MB for this run (overrides the profile's setting)",
    )
    return common


def _gui_parser() -> argparse.ArgumentParser:
    gui = argparse.ArgumentParser(add_help=False)
    group = gui.add_argument_group("gui options")
    group.add_argument("--server", default=argparse.SUPPRESS, metavar="URL", help="sync server")
    group.add_argument(
        "--lang", default=argparse.SUPPRESS, metavar="CODE", help="user interface language"
    )
    group.add_argument(
        "--console", action="store_true", help="open the support and QA console as well"
    )
    group.add_argument(
        "--bundle",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="PATH",
        help="open the console on this diagnostics bundle (a .zip, unpacked into a new sandbox)"
        " or on a sandbox folder opened before: every reading tab shows the sandbox",
    )
    group.add_argument(
        "--admin-token",
        default=argparse.SUPPRESS,
        metavar="TOKEN",
        help="the server's admin token, for the console's dispatcher and faults "
        "(default: $WB_ADMIN_TOKEN; the built-in demo server needs none)",
    )
    group.add_argument(
        "--smoke-test",
        action="store_true",
        help="start, wait for the first sync, print a one-line JSON report and quit "
        "(how CI checks the bundle: packaging/smoke_run.py)",
    )
    return gui


def build_parser() -> argparse.ArgumentParser:
    common = _common_parser()
    gui = _gui_parser()
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="WorkBoss Desktop, the offline-first field app. Without a command, "
        "starts the app.",
        parents=[common, gui],
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("gui", parents=[common, gui], help="start the app (the default)")

    db = commands.add_parser("db", parents=[common], help="the profile's local cache database")
    db_actions = db.add_subparsers(dest="db_action", metavar="ACTION", required=True)
    db_actions.add_parser(
        "upgrade", parents=[common], help="create the cache or upgrade it (after a backup)"
    )
    db_actions.add_parser(
        "current", parents=[common], help="show the cache's schema revision; changes nothing"
    )
    db_actions.add_parser(
        "check",
        parents=[common],
        help="compare the cache with the schema and check its integrity; changes nothing",
    )
    restore = db_actions.add_parser(
        "restore",
        parents=[common],
        help="put the newest good backup (or --backup FILE) in place of a damaged cache; "
        "the damaged file is kept beside it",
    )
    restore.add_argument(
        "--backup",
        type=_data_dir,
        metavar="FILE",
        help="the backup to restore (default: the newest that passes the integrity check)",
    )
    restore.add_argument(
        "--force",
        action="store_true",
        help="replace the cache even though it is whole (it is kept beside it)",
    )

    storage = commands.add_parser(
        "storage", parents=[common], help="storage used by the profile against its quota"
    )
    storage.add_argument("--json", action="store_true", help="print JSON instead of text")

    scenario = commands.add_parser("scenario", help="headless scenarios for support and QA")
    scenario_actions = scenario.add_subparsers(
        dest="scenario_action", metavar="ACTION", required=True
    )
    run = scenario_actions.add_parser(
        "run", help="run a scenario file; exit 0 only if every expectation and invariant held"
    )
    run.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        help="a .json, .yaml or .yml scenario, or a .wbrepro (both its variants)",
    )
    run.add_argument(
        "--server", metavar="URL", help="a running wb-server (default: an embedded one)"
    )
    run.add_argument(
        "--admin-token",
        metavar="TOKEN",
        default=os.environ.get("WB_ADMIN_TOKEN"),
        help="the server's admin token, for server steps and checks (default: $WB_ADMIN_TOKEN)",
    )
    run.add_argument("--data-dir", type=_data_dir, help="keep the client's data in this folder")
    run.add_argument("--json", action="store_true", help="print one JSON object")

    diagnostics = commands.add_parser("diagnostics", help="diagnostics bundles for support")
    diagnostics_actions = diagnostics.add_subparsers(
        dest="diagnostics_action", metavar="ACTION", required=True
    )
    export = diagnostics_actions.add_parser(
        "export", parents=[common], help="write the profile's diagnostics bundle (a zip)"
    )
    export.add_argument(
        "--redact",
        action="store_true",
        help="replace customer names, phones, emails and addresses; leave out photos",
    )
    export.add_argument("--output", type=Path, metavar="FILE", help="the zip to write")
    bundle_open = diagnostics_actions.add_parser(
        "open", parents=[common], help="open a bundle in a sandbox profile and summarise it"
    )
    bundle_open.add_argument(
        "bundle", type=Path, metavar="BUNDLE", help="a diagnostics .zip, or a sandbox folder"
    )
    bundle_open.add_argument(
        "--sandbox",
        type=_data_dir,
        metavar="DIR",
        help="folder to open sandboxes in (default: sandboxes/ in the data folder)",
    )
    bundle_open.add_argument(
        "--replay", action="store_true", help="replay its pending outbox against --server"
    )
    bundle_open.add_argument(
        "--scenario",
        type=Path,
        metavar="FILE",
        help="also save it as a scenario: a .wbrepro (as in the field and fixed, with photos)"
        " or a single .yaml or .json with the faults the diagnosis found",
    )
    bundle_open.add_argument("--server", metavar="URL", help="the reference server to replay to")
    bundle_open.add_argument(
        "--admin-token",
        metavar="TOKEN",
        default=os.environ.get("WB_ADMIN_TOKEN"),
        help="the server's admin token (default: $WB_ADMIN_TOKEN)",
    )
    return parser


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
            return _db_restore(options, backup=args.backup, force=args.force)
        return _DB_ACTIONS[args.db_action](options)
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


def _db_upgrade(options: CommonOptions) -> int:
    from wb_desktop.core.store.migrate import upgrade_database

    paths = options.profile_paths().ensure()
    result = upgrade_database(paths.database, backup_to=paths.backups, now=SystemClock().now())
    if result.changed:
        before = result.from_revision or "(empty)"
        print(f"Upgraded {result.path} from {before} to {result.to_revision}")
    else:
        print(f"{result.path} is already at {result.to_revision} (head)")
    if result.backup is not None:
        print(f"Backup of the file before this run: {result.backup}")
    return EXIT_OK


def _db_current(options: CommonOptions) -> int:
    from wb_desktop.core.store.migrate import head_revision, read_current

    path = options.profile_paths().database
    current = read_current(path)
    if not path.exists():
        print(f"no cache yet at {path}")
        return EXIT_OK
    head = head_revision()
    if current is None:
        print(f"{path} has no schema yet; head is {head} (run '{PROG} db upgrade')")
    elif current == head:
        print(f"{path} is at {current} (head)")
    else:
        print(f"{path} is at {current}; head is {head} (run '{PROG} db upgrade')")
    return EXIT_OK


def _db_check(options: CommonOptions) -> int:
    from wb_desktop.core.store.migrate import check_schema

    path = options.profile_paths().database
    check = check_schema(path)
    print(f"File:      {path}")
    if not check.exists:
        print(f"Result:    no cache yet at {path} (run '{PROG} db upgrade' to create it)")
        return EXIT_PROBLEMS
    state = "current" if check.is_current else f"not current (run '{PROG} db upgrade')"
    print(f"Revision:  {check.current or '(none)'}, head {check.head}: {state}")
    if check.differences:
        print(f"Schema:    {len(check.differences)} difference(s) from the models:")
        for difference in check.differences:
            print(f"             - {difference}")
    else:
        print("Schema:    matches the models")
    print(f"Integrity: {check.integrity}")
    print(f"Result:    {'OK' if check.ok else 'PROBLEMS FOUND'}")
    return EXIT_OK if check.ok else EXIT_PROBLEMS


def _db_restore(options: CommonOptions, *, backup: Path | None, force: bool) -> int:
    from wb_desktop.core.store.migrate import head_revision, restore_database

    paths = options.profile_paths()
    if _profile_in_use(paths):
        print(
            f"{PROG}: WorkBoss Desktop is open with profile '{paths.name}'. Close it, then"
            " run this again; nothing was changed.",
            file=sys.stderr,
        )
        return EXIT_ERROR
    result = restore_database(
        paths.database,
        paths.backups,
        paths.media,
        now=SystemClock().now(),
        backup=backup,
        force=force,
    )
    if result.previous == "damaged":
        print(f"Damaged:   {result.database} ({result.problem})")
    elif result.previous == "missing":
        print(f"Missing:   {result.database} (there was no cache)")
    else:
        print(f"Replaced:  {result.database} (it was whole; --force)")
    for aside in result.set_aside:
        print(f"Set aside: {aside}")
    revision = result.backup.revision
    print(f"Restored:  {result.database} from {result.backup.path}")
    print(f"           schema revision {revision}, SQLite's integrity check: ok")
    if result.media_folder is not None:
        print(
            f"Photos:    {result.media_moved} file(s) the backup does not refer to moved to"
            f" {result.media_folder}"
        )
    if revision != head_revision():
        print(f"The next start (or '{PROG} db upgrade') upgrades it to {head_revision()}.")
    if result.set_aside:
        print(
            "Work saved after that backup was taken is not in the restored cache; the set-aside"
            " file keeps it for support."
        )
    return EXIT_OK


def _profile_in_use(paths: ProfilePaths) -> bool:
    """Whether a running WorkBoss Desktop holds the profile's lock (``app.lock``, a
    QLockFile), found without Qt: Qt keeps an flock on it (Unix) or a share-denying handle
    open (Windows) while the lock is held; a lock left by a crash is neither."""
    lock = paths.folder / "app.lock"
    if not lock.is_file():
        return False
    if os.name == "nt":
        try:
            with lock.open("ab"):
                return False
        except PermissionError:
            return True
    import fcntl

    with lock.open("rb") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
    return False


def _read_usage(paths: ProfilePaths, limit_bytes: int) -> StorageUsage:
    """Usage read through a read-only connection: looking never backs up or upgrades."""
    from sqlalchemy.orm import Session

    from wb_desktop.core.store.database import create_cache_engine, translate_open_errors
    from wb_desktop.core.store.migrate import read_current
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


_DB_ACTIONS = {"upgrade": _db_upgrade, "current": _db_current, "check": _db_check}
