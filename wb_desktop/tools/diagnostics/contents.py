"""What a bundle carried besides the cache, for its summary: the app's logs, the settings
and the sync trace (support should see at a glance that the log is there to read)."""

from __future__ import annotations

from dataclasses import dataclass

from wb_desktop.core.paths import ProfilePaths


@dataclass(frozen=True)
class BundleContents:
    log_files: int
    log_bytes: int
    settings: bool
    trace_files: int

    def describe(self) -> str:
        """In English, for the command line."""
        return ", ".join(
            (
                f"{self.log_files} log file(s), {self.log_bytes / 1024:.0f} KiB"
                if self.log_files
                else "no log files",
                "settings.json" if self.settings else "no settings",
                f"{self.trace_files} trace file(s)" if self.trace_files else "no trace",
            )
        )


def bundle_contents(paths: ProfilePaths) -> BundleContents:
    """The logs, settings and trace files in a (sandbox) profile's folder."""
    logs = sorted(p for p in paths.logs.rglob("*") if p.is_file()) if paths.logs.is_dir() else []
    return BundleContents(
        log_files=len(logs),
        log_bytes=sum(p.stat().st_size for p in logs),
        settings=paths.settings.is_file(),
        trace_files=len(list(paths.trace.parent.glob("sync-trace*.jsonl"))),
    )
