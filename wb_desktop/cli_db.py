"""The ``wb-desktop db`` commands on a profile's cache: upgrade, current, check, restore.

None imports Qt: they run where the GUI cannot start. Each imports the cache's schema tools
when it runs, so the other commands never pay for them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from wb_desktop.cli_parser import EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS, PROG, CommonOptions
from wb_desktop.core.domain.clock import SystemClock
from wb_desktop.core.paths import ProfilePaths


def db_upgrade(options: CommonOptions) -> int:
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


def db_current(options: CommonOptions) -> int:
    from wb_desktop.core.store.cache_checks import read_current
    from wb_desktop.core.store.migrate import head_revision

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


def db_check(options: CommonOptions) -> int:
    from wb_desktop.core.store.cache_checks import check_schema

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


def db_restore(options: CommonOptions, *, backup: Path | None, force: bool) -> int:
    from wb_desktop.core.store.migrate import head_revision
    from wb_desktop.core.store.restore import restore_database

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


DB_ACTIONS = {"upgrade": db_upgrade, "current": db_current, "check": db_check}
