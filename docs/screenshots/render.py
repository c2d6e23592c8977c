"""Render the app's windows offscreen into PNGs for the README.

Run: ``QT_QPA_PLATFORM=offscreen python docs/screenshots/render.py``. Uses a throwaway data
dir with a small demo cache, so it never touches a real profile.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from wb_desktop.app import AppOptions, build
from wb_desktop.domain.clock import FixedClock
from wb_desktop.paths import DataPaths
from wb_desktop.store.cache import open_cache
from wb_desktop.store.seed import add_server_customer, add_server_job

HERE = Path(__file__).resolve().parent


def main() -> int:
    clock = FixedClock(datetime(2026, 11, 23, 7, 30, tzinfo=UTC))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        cache = open_cache(DataPaths(root).profile("anna.lindqvist"), clock)
        with cache.database.writer() as session, session.begin():
            customers = [
                add_server_customer(session, clock.now(), name, address=address)
                for name, address in [
                    ("Karin Lund", "Storgatan 12, 753 20 Uppsala"),
                    ("Oliver Smith", "12 High Street, Bath"),
                    ("Björk & Co AB", "Kungsgatan 4, 111 43 Stockholm"),
                ]
            ]
            jobs = [
                add_server_job(session, clock.now(), c, title, clock.now() + timedelta(hours=h))
                for h, (c, title) in enumerate(
                    zip(
                        customers, ["Boiler service", "Leaking tap", "Heat pump check"], strict=True
                    )
                )
            ]
            first_job = jobs[0].id
        cache.changes.jobs.set_status(first_job, "en_route")
        cache.changes.jobs.add_note(first_job, "Gate code 4711")
        cache.changes.time.clock_in(first_job)
        cache.close()
        built = build(AppOptions(data_dir=root, profile="anna.lindqvist"), clock=clock)
        built.window.resize(720, 480)
        built.window.show()
        built.qt_app.processEvents()
        target = HERE / "cache-status.png"
        built.window.grab().save(str(target))
        built.close()
        print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
