"""Can Qt open a window here? Checked before the QApplication is made.

On Linux, a missing system library or display makes Qt abort the process (a core dump)
while it makes the QApplication, and its message names one library at best (and not always
the right one). This check asks the dynamic loader the same question first, lists *every*
missing library with its Debian/Ubuntu package and one ``apt-get install`` line, so the app
can say so and exit with code 2 instead.

Stdlib only, and it never imports Qt: it runs before Qt is loaded, and runs as a script
with the system Python, without the app installed::

    python3 wb_desktop/app/qt_platform_check.py --debian-packages   # the full package list
    python3 wb_desktop/app/qt_platform_check.py                     # check this machine

On Windows and macOS Qt's platform plugin ships with PySide6, so nothing is checked there.
"""

from __future__ import annotations

import argparse
import ctypes
import importlib.util
import logging
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

Loader = Callable[[str], object]
"""Loads a shared library or raises OSError with the loader's message (``ctypes.CDLL``)."""

# What Qt's own libraries (QtCore, QtGui, QtWidgets, QtDBus) load from the system, whatever
# the platform plugin: from `ldd` of PySide6's Qt/lib and `dpkg -S` of each library. The
# C and C++ runtimes, zlib and zstd are left out: every Debian and Ubuntu has them.
QT_LIBRARIES: dict[str, str] = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11.so.6": "libx11-6",
}
# What the xcb plugin (libqxcb.so, libQt6XcbQpa.so.6) adds: the X11 window system link.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}
# What the Wayland plugin (libqwayland.so) adds.
WAYLAND_LIBRARIES: dict[str, str] = {
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
}

XCB = "xcb"
WAYLAND = "wayland"
_PLUGIN_FILES = {XCB: "libqxcb.so", WAYLAND: "libqwayland.so"}
_LIBRARIES = {
    XCB: {**QT_LIBRARIES, **XCB_LIBRARIES},
    WAYLAND: {**QT_LIBRARIES, **WAYLAND_LIBRARIES},
}
NO_DISPLAY = (
    "no graphical display: DISPLAY is not set; run on a desktop, or under Xvfb, "
    "or set QT_QPA_PLATFORM=offscreen"
)
NO_WAYLAND_DISPLAY = (
    "no Wayland display: WAYLAND_DISPLAY is not set and XDG_RUNTIME_DIR has no wayland-0 "
    "socket; run on a Wayland desktop, or set QT_QPA_PLATFORM=xcb or offscreen"
)
# glibc's dlerror(): "libxcb-cursor.so.0: cannot open shared object file: No such file or
# directory", or "/some/dir/libfoo.so.1: invalid ELF header" for a file it found but can't use.
_LOADER_ERROR = re.compile(r"^(?P<library>[^:]+\.so[.\d]*): ")
_NOT_FOUND = "cannot open shared object file"
_log = logging.getLogger(__name__)


def debian_packages(platform: str = XCB) -> list[str]:
    """Every Debian/Ubuntu package Qt needs for ``platform``, installed or not, in order."""
    return list(dict.fromkeys(_LIBRARIES[platform].values()))


@dataclass(frozen=True)
class MissingLibrary:
    """A library the platform plugin needs that the dynamic loader cannot load."""

    soname: str
    package: str | None  # the Debian/Ubuntu package, None when this module does not know it
    reason: str  # the loader's message

    def describe(self) -> str:
        package = f"package {self.package}" if self.package else "package unknown"
        if _NOT_FOUND in self.reason:
            return f"{self.soname} ({package})"
        return f"{self.soname} ({package}): {self.reason}"  # found, but not loadable


@dataclass(frozen=True)
class PlatformCheck:
    """What the check found for one Qt platform plugin; ``message`` is empty when Qt can start.

    ``checked`` is False off Linux and for plugins that need nothing beyond Qt itself
    (offscreen, minimal, vnc, ...): Qt is left to decide. Where the plugin file cannot be
    found (PySide6 not installed), only the display is checked.
    """

    platform: str
    checked: bool
    display_problem: str | None = None
    missing: tuple[MissingLibrary, ...] = ()

    @property
    def ok(self) -> bool:
        return self.display_problem is None and not self.missing

    @property
    def packages(self) -> tuple[str, ...]:
        """The Debian/Ubuntu packages that provide the missing libraries, each once."""
        return tuple(dict.fromkeys(m.package for m in self.missing if m.package))

    @property
    def install_command(self) -> str | None:
        return f"sudo apt-get install {' '.join(self.packages)}" if self.packages else None

    @property
    def message(self) -> str:
        """One readable message for a person: what is wrong and the one command to fix it."""
        if self.ok:
            return ""
        lines = [f'Qt cannot open a window: its "{self.platform}" platform plugin cannot start.']
        if self.display_problem:
            lines.append(f"- {self.display_problem}")
        if self.missing:
            lines.append("- libraries it needs are missing or unusable:")
            lines.extend(f"    {library.describe()}" for library in self.missing)
        if self.install_command:
            lines.append("  Install them on Debian or Ubuntu with:")
            lines.append(f"    {self.install_command}")
        if any(library.package is None for library in self.missing):
            lines.append("  Find the package of an unknown library with: apt-file search NAME")
        return "\n".join(lines)


def candidate_platforms(environ: Mapping[str, str]) -> list[str]:
    """The plugins Qt will try, in order, as QGuiApplication picks them (Qt 6.5 and later).

    QT_QPA_PLATFORM wins ("xcb", "wayland;xcb", "xcb:dpi=96"); otherwise Wayland comes first
    in a Wayland session, then xcb.
    """
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        names = (entry.split(":", 1)[0].strip() for entry in chosen.split(";"))
        return [name for name in names if name] or [XCB]
    wayland_session = bool(environ.get("WAYLAND_DISPLAY")) or (
        environ.get("XDG_SESSION_TYPE") == WAYLAND
    )
    return [WAYLAND, XCB] if wayland_session else [XCB]


def check_qt_platform(
    environ: Mapping[str, str] | None = None,
    *,
    system: str = sys.platform,
    qt_dir: Path | None = None,
    loader: Loader = ctypes.CDLL,
) -> PlatformCheck:
    """Whether Qt's platform plugin can start here, before a QApplication is made.

    Returns the first plugin Qt would start successfully or, when none would, the first
    one's problems. ``environ``, ``system``, ``qt_dir`` (PySide6's ``Qt`` folder) and
    ``loader`` are for tests.
    """
    env = os.environ if environ is None else environ
    if not system.startswith("linux"):
        return PlatformCheck(platform="", checked=False)
    folder = qt_dir if qt_dir is not None else _pyside_qt_dir()
    failures: list[PlatformCheck] = []
    for name in candidate_platforms(env):
        result = _check_one(name, env, folder, loader)
        if result.ok:
            return result
        failures.append(result)
    return failures[0]


def qt_platform_problem(environ: Mapping[str, str] | None = None) -> str | None:
    """The message to show and exit with, or None when Qt can start; logged if a log exists."""
    result = check_qt_platform(environ)
    if result.ok:
        return None
    if logging.getLogger().hasHandlers():
        _log.error("%s", result.message)
    return result.message


def _pyside_qt_dir() -> Path | None:
    """PySide6's ``Qt`` folder, found without importing PySide6 (that would load Qt)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "Qt"


def _check_one(
    platform: str, env: Mapping[str, str], qt_dir: Path | None, loader: Loader
) -> PlatformCheck:
    family = WAYLAND if platform.startswith(WAYLAND) else platform  # wayland-egl, ...
    if family not in _PLUGIN_FILES:
        return PlatformCheck(platform=platform, checked=False)  # offscreen, minimal, vnc, ...
    display_problem = _display_problem(family, env)
    plugin = _plugin_file(family, env, qt_dir)  # None: Qt will say itself that it is missing
    missing = () if plugin is None else _missing_libraries(plugin, _LIBRARIES[family], loader)
    return PlatformCheck(platform, True, display_problem, missing)


def _display_problem(family: str, env: Mapping[str, str]) -> str | None:
    if family == XCB:
        return None if env.get("DISPLAY") else NO_DISPLAY
    if env.get("WAYLAND_SOCKET"):
        return None  # a connection handed over by the compositor
    name = env.get("WAYLAND_DISPLAY") or "wayland-0"  # libwayland-client's default
    runtime = env.get("XDG_RUNTIME_DIR")
    socket = Path(name) if Path(name).is_absolute() else Path(runtime) / name if runtime else None
    if socket is not None and socket.exists():
        return None
    if not env.get("WAYLAND_DISPLAY"):
        return NO_WAYLAND_DISPLAY
    where = socket or f"{name} (XDG_RUNTIME_DIR is not set)"
    return f"no Wayland display: no compositor socket at {where}"


def _plugin_file(family: str, env: Mapping[str, str], qt_dir: Path | None) -> Path | None:
    """The plugin file Qt will load, or None when there is none."""
    folders = [qt_dir / "plugins" / "platforms"] if qt_dir is not None else []
    if env.get("QT_QPA_PLATFORM_PLUGIN_PATH"):
        folders.insert(0, Path(env["QT_QPA_PLATFORM_PLUGIN_PATH"]))
    files = (folder / _PLUGIN_FILES[family] for folder in folders)
    return next((file for file in files if file.is_file()), None)


def _missing_libraries(
    plugin: Path, libraries: Mapping[str, str], loader: Loader
) -> tuple[MissingLibrary, ...]:
    """Every library the plugin needs that does not load, not just the loader's first one.

    Loading the plugin is the question Qt will ask; only when it fails is each known library
    loaded by name, since the loader stops at the first one it cannot find.
    """
    first = _load_error(loader, str(plugin))
    if first is None:
        return ()
    by_name = (_load_error(loader, soname) for soname in libraries)
    found: dict[str, MissingLibrary] = {}
    for soname, reason in [first, *(error for error in by_name if error is not None)]:
        # A failure that names no library (an undefined symbol in the plugin, say) is left
        # to Qt: it loads plugins lazily and may still manage, or explains it itself.
        if soname in libraries or _NOT_FOUND in reason:
            found.setdefault(soname, MissingLibrary(soname, libraries.get(soname), reason))
    return tuple(found.values())


def _load_error(loader: Loader, name: str) -> tuple[str, str] | None:
    """``(soname, the loader's message)`` for the library it could not load, or None."""
    try:
        loader(name)
    except OSError as error:
        text = str(error).strip()
        match = _LOADER_ERROR.match(text)
        return (Path(match["library"] if match else name).name, text)
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Print the package list, or check this machine: exit 0 when Qt can start, 2 when not."""
    parser = argparse.ArgumentParser(
        description="Can Qt open a window here? Checks the display and the libraries Qt's "
        "platform plugin needs on Linux, and names the Debian/Ubuntu packages to install."
    )
    parser.add_argument(
        "--debian-packages",
        action="store_true",
        help="print every package a window needs (xcb), space-separated, installed or not",
    )
    args = parser.parse_args(argv)
    if args.debian_packages:
        print(" ".join(debian_packages(XCB)))
        return 0
    result = check_qt_platform()
    if result.ok:
        where = result.platform or sys.platform
        print(f"ok: Qt can start ({where}{'' if result.checked else ', nothing to check'})")
        return 0
    print(result.message, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
