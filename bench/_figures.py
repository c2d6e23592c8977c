"""Conditions and summaries shared by the benchmarks: every script prints where it ran (cores,
load average before and after, Python, SQLite) and, for each figure measured over several runs,
its median, min and max, next to its floor and their ratio.

Standard library only, so any child process may import it without adding to what it measures.
"""

from __future__ import annotations

import os
import platform
import sqlite3
import statistics
from collections.abc import Sequence
from pathlib import Path


def load_average() -> str:
    """The 1, 5 and 15 minute load averages, as ``/proc/loadavg`` (or the OS) gives them."""
    proc = Path("/proc/loadavg")
    if proc.exists():
        return " ".join(proc.read_text().split()[:3])
    try:
        return " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:  # Windows
        return "n/a"


def machine() -> str:
    return (
        f"{os.cpu_count()} CPUs, {platform.system()} {platform.machine()}, Python "
        f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )


def conditions_before() -> str:
    line = f"conditions: {machine()}; load average before: {load_average()}"
    print(line, flush=True)
    return line


def conditions_after() -> None:
    print(f"conditions: load average after: {load_average()}", flush=True)


def spread(values: Sequence[float], digits: int = 2, unit: str = "") -> str:
    """``median (min–max)``, or the one value when there is only one."""
    low, high = min(values), max(values)
    median = statistics.median(values)
    if len(values) == 1:
        return f"{median:,.{digits}f}{unit}"
    return f"{median:,.{digits}f}{unit} ({low:,.{digits}f}–{high:,.{digits}f})"


def ratios(values: Sequence[float], floors: Sequence[float]) -> list[float]:
    """Each run's figure over that run's floor."""
    return [value / floor for value, floor in zip(values, floors, strict=True)]


def verdict(ratio: float, target: float | None) -> str:
    if target is None:
        return "no ratio target"
    return "met" if ratio <= target else "NOT met"
