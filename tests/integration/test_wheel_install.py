"""A wheel of the repository, installed in a fresh venv, can create and check a cache by itself.

The Alembic environment lives at the top-level ``migrations/`` folder of the source tree and
must ship inside the package as ``wb_desktop.migrations``; this is the test that notices if
it does not. The venv borrows the test environment's site-packages for the dependencies (a
``.pth`` file; the tests may themselves run in a venv, whose packages ``--system-site-packages``
would not see), so nothing is downloaded, and every command runs from a folder outside the
repository.
"""

from __future__ import annotations

import importlib.metadata
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from wb_desktop.core.store.migrate import head_revision

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
# The project's `license = "..."` string (PEP 639) needs setuptools 77 to build.
MIN_SETUPTOOLS_MAJOR = 77
NOT_SOURCE = shutil.ignore_patterns(
    ".git",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".*_cache",
    ".hypothesis",
    ".venv",
    "*.sqlite3*",
)


def run(command: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    return subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def ok(finished: subprocess.CompletedProcess[str]) -> str:
    assert finished.returncode == 0, f"{finished.args}\n{finished.stdout}\n{finished.stderr}"
    return finished.stdout


def isolation_flags() -> list[str]:
    """Build with the installed setuptools when it can; otherwise let pip fetch one.

    Only the build backend is ever fetched; the venv below installs nothing from an index.
    """
    try:
        major = int(importlib.metadata.version("setuptools").split(".")[0])
    except importlib.metadata.PackageNotFoundError:
        return []
    return ["--no-build-isolation"] if major >= MIN_SETUPTOOLS_MAJOR else []


def venv_program(venv: Path, name: str) -> Path:
    if os.name == "nt":
        return venv / "Scripts" / f"{name}.exe"
    return venv / "bin" / name


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from a clean copy of the source, so no stale ``build/`` can leak in."""
    workspace = tmp_path_factory.mktemp("wheel")
    source = workspace / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    wheelhouse = workspace / "wheelhouse"
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", *isolation_flags()]
    ok(run([*build, "--wheel-dir", wheelhouse, source], cwd=workspace))
    (built,) = wheelhouse.glob("wb_desktop-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with only the wheel installed; its dependencies come from ours.

    The wheel's own files come first on ``sys.path``; the borrowed folders are plain path
    entries, so no ``.pth`` in them (the editable install of this checkout) is processed.
    """
    folder = tmp_path_factory.mktemp("venv") / "env"
    ok(run([sys.executable, "-m", "venv", "--without-pip", folder], ROOT))
    python = venv_program(folder, "python")
    where = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    purelib = Path(ok(run([python, "-c", where], folder.parent)).strip())
    ours = sysconfig.get_paths()
    borrowed = sorted({ours["purelib"], ours["platlib"]})
    (purelib / "_borrowed_test_environment.pth").write_text("\n".join(borrowed) + "\n")
    ok(run([python, "-m", "pip", "install", "--no-deps", "--no-index", wheel], folder.parent))
    return folder


def test_the_wheel_holds_every_migration(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())

    expected = {"wb_desktop/migrations/env.py", "wb_desktop/migrations/script.py.mako"}
    expected |= {
        f"wb_desktop/migrations/versions/{version.name}"
        for version in (ROOT / "migrations" / "versions").glob("*.py")
    }
    assert len(expected) > 3
    assert expected <= names


def test_the_installed_command_upgrades_and_checks_a_cache(venv: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    data = tmp_path / "data"
    program = venv_program(venv, "wb-desktop")
    database = data / "profiles" / "demo" / "cache.sqlite3"

    upgraded = ok(run([program, "db", "upgrade", "--data-dir", data], elsewhere))
    checked = ok(run([program, "db", "check", "--data-dir", data], elsewhere))

    assert upgraded == f"Upgraded {database} from (empty) to {head_revision()}\n"
    assert database.is_file()
    assert "Schema:    matches the models\n" in checked
    assert checked.endswith("Result:    OK\n")


def test_the_installed_package_finds_its_own_migrations(venv: Path, tmp_path: Path) -> None:
    script = (
        "import sysconfig, wb_desktop, wb_desktop.migrations\n"
        "from wb_desktop.core.store.alembic_scripts import migrations_dir\n"
        "print(sysconfig.get_paths()['purelib'])\n"
        "print(wb_desktop.migrations.__file__)\n"
        "print(migrations_dir())\n"
    )

    out = ok(run([venv_program(venv, "python"), "-c", script], tmp_path))

    purelib, migrations_init, used = (Path(line).resolve() for line in out.splitlines())
    assert purelib.is_relative_to(venv.resolve())
    assert migrations_init == purelib / "wb_desktop" / "migrations" / "__init__.py"
    assert used == purelib / "wb_desktop" / "migrations"
    assert not used.is_relative_to(ROOT)
