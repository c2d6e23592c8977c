"""The lock file, the README's commands and CI agree, and the tests run on the locked versions.

``requirements/lock.txt`` is ``uv pip compile --universal`` output; both Quick start commands
and CI install with ``-c requirements/lock.txt``. These tests fail when pyproject.toml gains
or changes a requirement the lock does not satisfy (refresh it with the command in its
header, which the README documents), when the README or ``.ci/run`` stop using it, and when
the environment running the tests holds another version of a locked package.
"""

from __future__ import annotations

import importlib.metadata
import re
import tomllib
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "requirements" / "lock.txt"
PIN = re.compile(r"^(?P<name>[A-Za-z0-9_.\-]+)==(?P<version>[^\s;]+)\s*(?:;\s*(?P<marker>.+))?$")


def locked() -> dict[str, list[tuple[Version, Marker | None]]]:
    pins: dict[str, list[tuple[Version, Marker | None]]] = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        found = PIN.match(line.strip())
        if found:
            marker = Marker(found["marker"]) if found["marker"] else None
            pins.setdefault(canonicalize_name(found["name"]), []).append(
                (Version(found["version"]), marker)
            )
    return pins


def declared() -> list[Requirement]:
    """Every third-party requirement; an extra that names the project itself (``test``
    includes ``wb-desktop[server]``) adds that extra's requirements, listed on their own."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [Requirement(text) for text in project["dependencies"]]
    for extra in project["optional-dependencies"].values():
        requirements += [Requirement(text) for text in extra]
    own = canonicalize_name(project["name"])
    return [r for r in requirements if canonicalize_name(r.name) != own]


def readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = quick_start.split("```", 2)[1]
    return [line.strip() for line in block.strip().splitlines() if line.strip()]


def test_the_lock_was_made_by_the_documented_command() -> None:
    header = LOCK.read_text(encoding="utf-8").splitlines()[:2]
    command = header[1].lstrip("# ").strip()
    assert command.startswith("uv pip compile pyproject.toml")
    assert "--universal" in command
    assert command in (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_declared_requirement_is_locked_within_its_bounds() -> None:
    pins = locked()
    for requirement in declared():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement} is not in {LOCK.name}: refresh the lock"
        for version, _ in pins[name]:
            assert requirement.specifier.contains(version, prereleases=True), (
                f"{name}=={version} in {LOCK.name} does not satisfy {requirement}"
            )


def test_every_lock_entry_is_exact() -> None:
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            assert PIN.match(line.strip()), f"not an exact pin: {line!r}"


def test_both_quick_start_commands_and_ci_install_from_the_lock() -> None:
    install, test = readme_commands()

    assert install.startswith('python -m pip install -c requirements/lock.txt ".[server]"')
    assert test.startswith('python -m pip install -c requirements/lock.txt -e ".[test]"')
    assert test.endswith("python -m pytest")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci.splitlines(), ".ci/run must call the README's test command unchanged"


FOR_THIS_PLATFORM = [r for r in declared() if r.marker is None or r.marker.evaluate()]


@pytest.mark.parametrize("requirement", FOR_THIS_PLATFORM, ids=str)
def test_the_running_environment_holds_the_locked_versions(requirement: Requirement) -> None:
    name = canonicalize_name(requirement.name)
    try:
        installed = Version(importlib.metadata.version(name))
    except importlib.metadata.PackageNotFoundError:
        return  # an extra this environment did not install (uv, for refreshing the lock)
    applicable = [v for v, marker in locked()[name] if marker is None or marker.evaluate()]
    assert installed in applicable, (
        f"{name} {installed} is installed, the lock says {applicable}: "
        'install with `python -m pip install -c requirements/lock.txt -e ".[test]"`'
    )
