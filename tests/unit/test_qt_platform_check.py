"""The start-up check that Qt can open a window: a readable message and exit code 2 instead
of Qt's abort and core dump on a Linux without a display or without the xcb libraries."""

from __future__ import annotations

import ast
import ctypes
import importlib.util
import logging
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from wb_desktop.app import qt_platform_check
from wb_desktop.app.qt_platform_check import (
    NO_DISPLAY,
    QT_LIBRARIES,
    WAYLAND_LIBRARIES,
    XCB_LIBRARIES,
    candidate_platforms,
    check_qt_platform,
    debian_packages,
    qt_platform_problem,
)

ROOT = Path(__file__).resolve().parents[2]
MODULE = ROOT / "wb_desktop" / "app" / "qt_platform_check.py"
LINUX = sys.platform.startswith("linux")
# The order libqxcb.so's DT_NEEDED names them: the real loader reports the first it misses.
PLUGIN_NEEDS = ["libGL.so.1", "libxkbcommon.so.0", *XCB_LIBRARIES]
X_DESKTOP = {"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}


def not_found(soname: str) -> OSError:
    """What ctypes.CDLL raises when glibc's dlopen cannot find a library."""
    return OSError(f"{soname}: cannot open shared object file: No such file or directory")


class FakeLoader:
    """Stands in for ctypes.CDLL: the plugin fails on the first missing library it needs,
    each library loaded by name fails when it is missing; every call is recorded."""

    def __init__(self, missing: set[str] = frozenset(), plugin_error: OSError | None = None):
        self.missing = set(missing)
        self.plugin_error = plugin_error
        self.calls: list[str] = []

    def __call__(self, name: str) -> object:
        self.calls.append(name)
        if name.endswith(("libqxcb.so", "libqwayland.so")):
            if self.plugin_error is not None:
                raise self.plugin_error
            first = next((n for n in PLUGIN_NEEDS if n in self.missing), None)
            if first is not None:
                raise not_found(first)
            return object()
        if name in self.missing:
            raise not_found(name)
        return object()


def never_called(name: str) -> object:
    raise AssertionError(f"nothing should be loaded, but {name} was")


@pytest.fixture
def qt_dir(tmp_path: Path) -> Path:
    """A stand-in for PySide6's Qt folder: the plugin files only need to exist."""
    platforms = tmp_path / "Qt" / "plugins" / "platforms"
    platforms.mkdir(parents=True)
    for name in ("libqxcb.so", "libqwayland.so", "libqoffscreen.so"):
        (platforms / name).write_bytes(b"")
    return tmp_path / "Qt"


def check(env: dict[str, str], qt_dir: Path, loader: Callable[[str], object]):
    return check_qt_platform(env, system="linux", qt_dir=qt_dir, loader=loader)


def install_line(message: str) -> list[str]:
    match = re.search(r"sudo apt-get install (.+)", message)
    assert match is not None, message
    return match[1].split()


# --- the typed result and its message -------------------------------------------------------


def test_a_desktop_with_every_library_is_ok_and_loads_only_the_plugin(qt_dir: Path) -> None:
    loader = FakeLoader()
    result = check(X_DESKTOP, qt_dir, loader)
    assert result.ok and result.checked and result.platform == "xcb"
    assert result.message == "" and result.install_command is None
    assert loader.calls == [str(qt_dir / "plugins" / "platforms" / "libqxcb.so")]


def test_every_missing_library_is_named_with_its_package_and_one_install_command(
    qt_dir: Path,
) -> None:
    missing = {"libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxkbcommon-x11.so.0"}
    result = check(X_DESKTOP, qt_dir, FakeLoader(missing))

    assert not result.ok and result.display_problem is None
    assert {m.soname for m in result.missing} == missing  # not just the loader's first one
    expected = {"libxcb-cursor0", "libxcb-icccm4", "libxkbcommon-x11-0"}
    assert set(result.packages) == expected
    for soname in missing:
        assert soname in result.message
    for package in expected:
        assert f"package {package}" in result.message
    assert sorted(install_line(result.message)) == sorted(expected)
    assert result.install_command == f"sudo apt-get install {' '.join(result.packages)}"
    assert "cannot open shared object file" not in result.message  # the plain "missing" case


def test_without_display_the_message_says_so_and_still_lists_missing_packages(
    qt_dir: Path,
) -> None:
    result = check({"QT_QPA_PLATFORM": "xcb"}, qt_dir, FakeLoader({"libxcb-cursor.so.0"}))
    assert result.display_problem == NO_DISPLAY
    assert "no graphical display: DISPLAY is not set" in result.message
    assert "QT_QPA_PLATFORM=offscreen" in result.message and "Xvfb" in result.message
    assert install_line(result.message) == ["libxcb-cursor0"]


def test_without_display_but_every_library_the_message_has_no_install_line(
    qt_dir: Path,
) -> None:
    result = check({"DISPLAY": ""}, qt_dir, FakeLoader())
    assert not result.ok and result.missing == ()
    assert NO_DISPLAY in result.message and "apt-get" not in result.message


def test_a_library_found_but_unusable_is_named_with_the_loaders_reason(qt_dir: Path) -> None:
    error = OSError("/opt/odd/libxcb-cursor.so.0: invalid ELF header")
    loader = FakeLoader(plugin_error=error)
    result = check(X_DESKTOP, qt_dir, loader)
    assert [m.soname for m in result.missing] == ["libxcb-cursor.so.0"]
    assert "/opt/odd/libxcb-cursor.so.0: invalid ELF header" in result.message
    assert install_line(result.message) == ["libxcb-cursor0"]


def test_a_missing_library_the_module_does_not_know_is_named_without_a_package(
    qt_dir: Path,
) -> None:
    loader = FakeLoader(plugin_error=not_found("libxcb-future.so.9"))
    result = check(X_DESKTOP, qt_dir, loader)
    assert [(m.soname, m.package) for m in result.missing] == [("libxcb-future.so.9", None)]
    assert "libxcb-future.so.9 (package unknown)" in result.message
    assert "apt-file search" in result.message and result.install_command is None


def test_a_plugin_failure_that_names_no_library_is_left_to_qt(qt_dir: Path) -> None:
    """Qt loads plugins lazily: an unresolved symbol at RTLD_NOW need not stop it."""
    error = OSError(f"{qt_dir}/plugins/platforms/libqxcb.so: undefined symbol: xcb_foo")
    result = check(X_DESKTOP, qt_dir, FakeLoader(plugin_error=error))
    assert result.ok


@pytest.mark.parametrize("platform", ["offscreen", "minimal", "vnc", "offscreen:size=800x600"])
def test_platforms_without_a_window_system_skip_every_check(platform: str, qt_dir: Path) -> None:
    result = check({"QT_QPA_PLATFORM": platform}, qt_dir, never_called)  # and no DISPLAY
    assert result.ok and not result.checked


def test_off_linux_nothing_is_checked(qt_dir: Path) -> None:
    for system in ("win32", "darwin"):
        result = check_qt_platform({}, system=system, qt_dir=qt_dir, loader=never_called)
        assert result.ok and not result.checked


def test_without_the_plugin_file_only_the_display_is_checked(tmp_path: Path) -> None:
    no_display = check({}, tmp_path, never_called)
    assert no_display.display_problem == NO_DISPLAY and no_display.missing == ()
    assert check({"DISPLAY": ":0"}, tmp_path, never_called).ok


# --- which plugin Qt will try ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, ["xcb"]),
        ({"DISPLAY": ":0"}, ["xcb"]),
        ({"WAYLAND_DISPLAY": "wayland-0"}, ["wayland", "xcb"]),
        ({"XDG_SESSION_TYPE": "wayland"}, ["wayland", "xcb"]),
        ({"XDG_SESSION_TYPE": "x11", "QT_QPA_PLATFORM": "offscreen"}, ["offscreen"]),
        ({"QT_QPA_PLATFORM": "xcb:dpi=96"}, ["xcb"]),
        ({"QT_QPA_PLATFORM": "wayland;xcb", "WAYLAND_DISPLAY": "w"}, ["wayland", "xcb"]),
    ],
)
def test_candidate_platforms_follow_qt(env: dict[str, str], expected: list[str]) -> None:
    assert candidate_platforms(env) == expected


def test_a_wayland_session_without_a_compositor_falls_back_to_xcb(qt_dir: Path) -> None:
    env = {"WAYLAND_DISPLAY": "wayland-0", "XDG_RUNTIME_DIR": str(qt_dir), "DISPLAY": ":0"}
    result = check(env, qt_dir, FakeLoader())
    assert result.ok and result.platform == "xcb"


def test_wayland_needs_its_socket_and_its_libraries(qt_dir: Path, tmp_path: Path) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir()
    env = {"QT_QPA_PLATFORM": "wayland", "XDG_RUNTIME_DIR": str(runtime)}
    no_socket = check(env, qt_dir, FakeLoader())
    assert no_socket.display_problem is not None and "Wayland" in no_socket.message

    (runtime / "wayland-0").touch()  # libwayland-client's default display
    assert check(env, qt_dir, FakeLoader()).ok

    loader = FakeLoader(plugin_error=not_found("libwayland-cursor.so.0"))
    missing = check(env, qt_dir, loader)
    assert install_line(missing.message) == ["libwayland-cursor0"]


# --- the call site's helper and the log -------------------------------------------------------


@pytest.mark.skipif(not LINUX, reason="off Linux there is nothing to check")
def test_qt_platform_problem_returns_the_message_and_logs_it(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another test's logging.config (import-linter's) may have disabled existing loggers.
    monkeypatch.setattr(logging.getLogger(qt_platform_check.__name__), "disabled", False)
    with caplog.at_level(logging.ERROR, logger=qt_platform_check.__name__):
        message = qt_platform_problem({"QT_QPA_PLATFORM": "xcb"})
    assert message is not None and NO_DISPLAY in message
    assert NO_DISPLAY in caplog.text
    assert qt_platform_problem({"QT_QPA_PLATFORM": "offscreen"}) is None


# --- the package list, one place, also for CI and the README -----------------------------------


def test_the_module_is_stdlib_only_so_it_runs_before_qt_and_without_the_app() -> None:
    tree = ast.parse(MODULE.read_text(encoding="utf-8"))
    imported = {
        name.split(".")[0]
        for node in ast.walk(tree)
        for name in (
            [a.name for a in node.names]
            if isinstance(node, ast.Import)
            else [node.module]
            if isinstance(node, ast.ImportFrom) and node.module
            else []
        )
    }
    assert imported <= set(sys.stdlib_module_names) | {"__future__"}


def test_the_script_prints_every_package_with_a_bare_python() -> None:
    """-I -S: no site-packages, no PYTHONPATH, run as a file, as CI does with python3."""
    done = subprocess.run(
        [sys.executable, "-I", "-S", str(MODULE), "--debian-packages"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT.parent,
    )
    assert done.returncode == 0, done.stderr
    packages = done.stdout.split()
    assert packages == debian_packages()
    assert (
        len(packages)
        == len(set(packages))
        == len(set(QT_LIBRARIES.values()) | set(XCB_LIBRARIES.values()))
    )
    for package in ("libxcb-cursor0", "libxcb-icccm4", "libxkbcommon-x11-0", "libgl1"):
        assert package in packages
    assert set(WAYLAND_LIBRARIES.values()).isdisjoint(packages)


def _pyside_qt() -> Path:
    spec = importlib.util.find_spec("PySide6")
    assert spec is not None and spec.submodule_search_locations
    return Path(next(iter(spec.submodule_search_locations))) / "Qt"


def _ldd(library: Path) -> dict[str, str]:
    """soname -> what ldd resolved it to ("not found" when missing)."""
    if not LINUX or shutil.which("ldd") is None:
        pytest.skip("needs Linux and ldd")
    if not library.is_file():
        pytest.skip(f"{library} is not in this PySide6")
    out = subprocess.run(["ldd", str(library)], capture_output=True, text=True, timeout=60)
    found = re.findall(r"^\s*(\S+) => (.+?)(?: \(0x[0-9a-f]+\))?$", out.stdout, re.MULTILINE)
    return dict(found)


def test_the_package_list_covers_every_x_library_the_xcb_plugin_needs() -> None:
    needed = _ldd(_pyside_qt() / "plugins" / "platforms" / "libqxcb.so")
    x_related = {s for s in needed if re.search(r"xcb|xkbcommon|X11", s)}
    known = set(QT_LIBRARIES) | set(XCB_LIBRARIES)
    assert x_related, needed
    assert x_related - known == set()
    if "not found" not in needed.values():  # ldd cannot follow a missing library's needs
        assert known - set(needed) == set(), "listed, but the plugin no longer needs it"


def test_the_real_loader_finds_what_ldd_finds_missing() -> None:
    """On this machine, with the real ctypes.CDLL: the same missing libraries as ldd."""
    needed = _ldd(_pyside_qt() / "plugins" / "platforms" / "libqxcb.so")
    not_found_by_ldd = {s for s, where in needed.items() if where == "not found"}
    result = check_qt_platform(X_DESKTOP, system="linux", loader=ctypes.CDLL)
    reported = {m.soname for m in result.missing}
    assert reported <= not_found_by_ldd
    assert not_found_by_ldd & (set(QT_LIBRARIES) | set(XCB_LIBRARIES)) <= reported
    assert result.ok == (not not_found_by_ldd)


# --- end to end: `python -m wb_desktop` -----------------------------------------------------


def _run_app(env: dict[str, str], data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wb_desktop", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=env,
    )


def _env(**changes: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET", "XDG_SESSION_TYPE")
    }
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update(changes)
    return env


def _assert_clean_exit_2(done: subprocess.CompletedProcess[str]) -> None:
    output = done.stdout + done.stderr
    assert done.returncode == 2, output
    for crash in ("core dumped", "Aborted", "Traceback", "qt.qpa.plugin", "could not connect"):
        assert crash not in output
    assert done.stderr.startswith("wb-desktop: Qt cannot open a window"), done.stderr


@pytest.mark.skipif(not LINUX, reason="the X11 platform is Linux's")
def test_the_app_without_display_exits_2_with_a_readable_message(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    done = _run_app(_env(QT_QPA_PLATFORM="xcb"), data_dir)
    _assert_clean_exit_2(done)
    assert NO_DISPLAY in done.stderr
    assert not data_dir.exists() or not any(data_dir.iterdir())  # no profile was touched


@pytest.mark.skipif(not LINUX, reason="glibc's loader and LD_LIBRARY_PATH")
def test_the_app_with_an_unloadable_xcb_library_names_its_package(tmp_path: Path) -> None:
    """A file that is not a library, first on LD_LIBRARY_PATH, stands in for a missing one:
    the real loader fails on it as on a missing file, and Qt would abort the same way."""
    libs = tmp_path / "libs"
    libs.mkdir()
    (libs / "libxcb-cursor.so.0").write_bytes(b"not a shared library\n")
    search = os.pathsep.join(filter(None, [str(libs), os.environ.get("LD_LIBRARY_PATH")]))
    env = _env(QT_QPA_PLATFORM="xcb", DISPLAY=":93", LD_LIBRARY_PATH=search)

    done = _run_app(env, tmp_path / "data")
    _assert_clean_exit_2(done)
    assert "libxcb-cursor.so.0 (package libxcb-cursor0)" in done.stderr
    assert "libxcb-cursor0" in install_line(done.stderr)
    assert "no graphical display" not in done.stderr

    script = subprocess.run(
        [sys.executable, str(MODULE)], capture_output=True, text=True, timeout=60, env=env
    )
    assert script.returncode == 2 and "libxcb-cursor0" in install_line(script.stderr)
