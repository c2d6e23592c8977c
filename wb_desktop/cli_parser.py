"""The ``wb-desktop`` command line: its parser, the options every command shares, the
program's name and its exit codes (argparse's usage errors exit 2, as ``EXIT_ERROR`` does).

Apart from the commands: this is what every command shares, and nothing any one of them runs.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from pathlib import Path

from wb_desktop import __version__
from wb_desktop.app.settings import check_storage_quota_mb
from wb_desktop.core.paths import DEFAULT_PROFILE, DataPaths, ProfilePaths

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
