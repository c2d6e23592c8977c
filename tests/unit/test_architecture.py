"""The layers point one way and the core never imports Qt: checked on every test run."""

from __future__ import annotations

import ast
import logging
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "wb_desktop"
QT_FREE = ["domain", "store", "server", "scenario", "support", "media"]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _python_files(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


@pytest.mark.parametrize("folder", QT_FREE)
def test_core_layers_never_import_qt(folder: str) -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(m for m in _imports(path) if m.startswith("PySide6"))
        for path in _python_files(folder)
    }
    assert {k: v for k, v in offenders.items() if v} == {}


QT_ADAPTERS = ("service.py", "worker.py")  # the QThread worker and the GUI's facade over it


def test_sync_engine_is_qt_free_except_the_service() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in _python_files("sync")
        if path.name not in QT_ADAPTERS and any(m.startswith("PySide6") for m in _imports(path))
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("lower", "higher"),
    [
        ("domain", "wb_desktop.store"),
        ("domain", "wb_desktop.sync"),
        ("domain", "wb_desktop.ui"),
        ("store", "wb_desktop.sync"),
        ("store", "wb_desktop.ui"),
        ("sync", "wb_desktop.ui"),
    ],
)
def test_lower_layers_do_not_import_higher_ones(lower: str, higher: str) -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in _python_files(lower)
        if any(m == higher or m.startswith(higher + ".") for m in _imports(path))
    ]
    assert offenders == []


def test_domain_has_no_sql_http_or_qt() -> None:
    banned = ("sqlalchemy", "requests", "PySide6", "alembic", "urllib", "http")
    offenders = {
        str(path.relative_to(ROOT)): sorted(m for m in _imports(path) if m.startswith(banned))
        for path in _python_files("domain")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_import_linter_contracts_hold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    # import-linter configures logging with disable_existing_loggers: put back every logger it
    # turned off, or later tests that read the app's log records see nothing.
    enabled = [
        logger
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger) and not logger.disabled
    ]
    try:
        status = lint_imports(
            config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True
        )
    finally:
        for logger in enabled:
            logger.disabled = False
    assert status == 0


def test_ruff_lint_and_format_are_clean() -> None:
    lint = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert lint.returncode == 0, lint.stdout + lint.stderr
    fmt = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr


def test_the_qt_free_sync_contract_lists_every_engine_module() -> None:
    """The import-linter contract names modules one by one; a new one must not slip past."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(
        c
        for c in config["tool"]["importlinter"]["contracts"]
        if c["name"].startswith("The sync engine never imports Qt")
    )
    modules = {
        f"wb_desktop.sync.{path.stem}"
        for path in _python_files("sync")
        if path.name != "__init__.py" and path.name not in QT_ADAPTERS
    }
    assert set(contract["source_modules"]) == modules
