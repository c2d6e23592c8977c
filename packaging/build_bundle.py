"""Build the one-folder bundle of WorkBoss Desktop (Windows: ``wb-desktop.exe``, windowed).

The bundle is made from what a user installs, not from the source tree: the project is
built as a wheel, the wheel is installed with the ``server`` and ``bundle`` extras into a
brand-new virtual environment at the locked versions (``-c requirements/lock.txt``), and
that environment's PyInstaller runs ``packaging/wb_desktop.spec``. Runs the same on Windows
and Linux (no shell); needs only Python 3.11+ and the package index::

    python packaging/build_bundle.py            # -> dist/wb-desktop/

Prints the bundle's folder, its size and its executable. CI then runs
``packaging/smoke_run.py`` on it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "wb_desktop.spec"
FLOOR_SCRIPT = ROOT / "packaging" / "floor_window.py"
FLOOR_NAME = "floor-window"
LOCK = ROOT / "requirements" / "lock.txt"
NAME = "wb-desktop"
MB = 1024 * 1024
SIZE_GOAL_MB = 150


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def executable(bundle: Path, name: str = NAME) -> Path:
    """The bundle's program: ``wb-desktop.exe`` on Windows, ``wb-desktop`` elsewhere."""
    return bundle / (f"{name}.exe" if os.name == "nt" else name)


def folder_size(folder: Path) -> int:
    """Bytes on disk; a symbolic link (PyInstaller makes some on Linux) counts once."""
    return sum(
        path.stat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def _run(*command: str | Path, cwd: Path | None = None) -> None:
    """Run a build step, echoing it; a failed step ends the build with its exit code."""
    print("+", " ".join(str(part) for part in command), flush=True)
    result = subprocess.run([str(part) for part in command], cwd=cwd, check=False)
    if result.returncode != 0:
        raise SystemExit(result.returncode)


def build(source: Path, dist: Path, work: Path, *, with_floor: bool = False) -> Path:
    """Wheel, clean venv, PyInstaller; returns the bundle's folder."""
    venv = work / "venv"
    _run(sys.executable, "-m", "venv", venv)
    python = venv_python(venv)
    pip = (python, "-m", "pip", "--disable-pip-version-check")
    _run(*pip, "install", "--quiet", "-c", LOCK, "setuptools", "wheel")
    wheels = work / "wheel"
    _run(*pip, "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", wheels, source)
    (wheel,) = wheels.glob("wb_desktop-*.whl")
    _run(*pip, "install", "--quiet", "-c", LOCK, f"{wheel}[server,bundle]")
    # From the work folder, so `import wb_desktop` in the spec finds the installed wheel.
    _run(
        python,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        dist,
        "--workpath",
        work / "build",
        SPEC,
        cwd=work,
    )
    if with_floor:
        _run(
            python,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--onedir",
            "--name",
            FLOOR_NAME,
            "--distpath",
            dist,
            "--workpath",
            work / "floor",
            "--specpath",
            work,
            FLOOR_SCRIPT,
            cwd=work,
        )
    return dist / NAME


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--dist", type=Path, default=ROOT / "dist", help="where the bundle goes (default: dist/)"
    )
    parser.add_argument(
        "--source",
        type=Path,
        default=ROOT,
        help="the project to build the wheel from (default: this repository)",
    )
    parser.add_argument(
        "--with-floor",
        action="store_true",
        help=f"also bundle a bare PySide6 window ({FLOOR_NAME}), to time starts against",
    )
    parser.add_argument(
        "--keep-work", action="store_true", help="keep the venv and PyInstaller's work folder"
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="wb-bundle-"))
    try:
        bundle = build(args.source.resolve(), args.dist.resolve(), work, with_floor=args.with_floor)
    finally:
        if args.keep_work:
            print(f"Work folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    size_mb = folder_size(bundle) / MB
    verdict = "within" if size_mb < SIZE_GOAL_MB else "OVER"
    print(f"Bundle: {bundle}")
    print(f"Executable: {executable(bundle)}")
    print(f"Bundle size: {size_mb:.1f} MB ({verdict} the {SIZE_GOAL_MB} MB goal)")
    print(f"Built in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
