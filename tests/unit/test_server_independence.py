"""The reference server may use the wire contract, the domain rules and the shared storage
building blocks of ``wb_desktop``, and nothing else of the client."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED_WITH_THE_SERVER = {
    "wb_desktop.core.protocol",
    "wb_desktop.core.domain",
    "wb_desktop.core.persistence",
}
CONTRACT = "The reference server is independent of the client"


def _children(package: str) -> set[str]:
    folder = ROOT / package.replace(".", "/")
    modules = {f"{package}.{path.stem}" for path in folder.glob("*.py") if path.stem != "__init__"}
    packages = {f"{package}.{path.parent.name}" for path in folder.glob("*/__init__.py")}
    return modules | packages


def _forbidden() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["name"] == CONTRACT]
    assert "ignore_imports" not in contract, "the server's independence has no exceptions"
    return set(contract["forbidden_modules"])


def test_the_server_contract_forbids_every_part_of_the_client_but_the_shared_ones() -> None:
    client = (_children("wb_desktop") - {"wb_desktop.core"}) | _children("wb_desktop.core")
    assert _forbidden() == client - SHARED_WITH_THE_SERVER


def test_the_shared_parts_exist() -> None:
    """Only parts that exist are allowed: a shared module that moved would leave a hole."""
    core = _children("wb_desktop.core")
    assert {"wb_desktop.core.domain", "wb_desktop.core.persistence"} <= core
