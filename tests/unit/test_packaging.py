"""Every package folder ships: pyproject lists packages explicitly (see its comment)."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _listed_packages() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return set(config["tool"]["setuptools"]["packages"])


def test_every_package_folder_is_listed_in_pyproject() -> None:
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for package in ("wb_desktop", "wb_server")
        for init in (ROOT / package).rglob("__init__.py")
    }
    found |= {
        "wb_desktop." + ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "migrations").rglob("__init__.py")
    }
    assert found == _listed_packages()


def test_migration_script_template_ships_as_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "script.py.mako" in config["tool"]["setuptools"]["package-data"]["wb_desktop.migrations"]
    assert (ROOT / "migrations" / "script.py.mako").is_file()
