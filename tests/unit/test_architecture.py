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
# Folders the import-linter contracts name: a contract over a folder that has moved away
# would hold vacuously.
QT_FREE = [
    "wb_desktop/core",
    "wb_server",
    "wb_desktop/tools/scenario",
    "wb_desktop/tools/diagnostics",
    "wb_desktop/tools/netsim",
    "wb_desktop/tools/demo",
]


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
    files = sorted((ROOT / folder).rglob("*.py"))
    assert files, f"{folder} holds no Python files: the check would pass vacuously"
    return files


@pytest.mark.parametrize("folder", QT_FREE)
def test_qt_free_folders_never_import_qt(folder: str) -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(m for m in _imports(path) if m.startswith("PySide6"))
        for path in _python_files(folder)
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_domain_has_no_sql_http_or_qt() -> None:
    banned = ("sqlalchemy", "requests", "PySide6", "alembic", "urllib", "http")
    offenders = {
        str(path.relative_to(ROOT)): sorted(m for m in _imports(path) if m.startswith(banned))
        for path in _python_files("wb_desktop/core/domain")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_every_contract_names_modules_that_exist() -> None:
    """A contract over a module that has moved away holds vacuously."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    missing: list[str] = []
    for contract in config["tool"]["importlinter"]["contracts"]:
        named = [
            *contract.get("source_modules", []),
            *contract.get("forbidden_modules", []),
            *(part.strip() for layer in contract.get("layers", []) for part in layer.split("|")),
        ]
        for module in named:
            if not module.startswith(("wb_desktop", "wb_server")):
                continue
            path = ROOT / module.replace(".", "/")
            if not (path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()):
                missing.append(f"{contract['name']}: {module}")
    assert missing == []


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
