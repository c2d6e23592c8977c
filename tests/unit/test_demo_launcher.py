"""The demo launcher: the sign-in it reports, the server loaded only when started; and, from
it and from ``wb-server``, a clear word about the missing install extra, not a traceback."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import textwrap
import tomllib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.domain.errors import WorkBossError
from wb_desktop.tools.demo.accounts import demo_sign_ins
from wb_desktop.tools.demo.server import (
    DemoServerError,
    ServerExtraMissingError,
    launch_demo_server,
    start_demo_server,
)
from wb_server.demo_data import DEMO_ACCOUNTS
from wb_server.web_stack import WEB_STACK

ROOT = Path(__file__).resolve().parents[2]
CLOCK = FixedClock(datetime(2026, 3, 11, 9, 0, tzinfo=UTC))


def test_the_app_signs_in_as_the_first_demo_account() -> None:
    first = demo_sign_ins()[0]
    assert (first.email, first.password) == next(iter(DEMO_ACCOUNTS.items()))
    assert first.display_name == "Anna Lindqvist"


@pytest.mark.parametrize("missing", ["fastapi", "uvicorn"])
@pytest.mark.parametrize("in_child", [True, False])
def test_without_the_server_extra_the_launcher_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, missing: str, in_child: bool
) -> None:
    monkeypatch.setitem(sys.modules, missing, None)  # as if it were not installed
    children = multiprocessing.active_children()

    with pytest.raises(ServerExtraMissingError) as caught:
        launch_demo_server(tmp_path / "server", CLOCK, in_child=in_child)

    assert 'pip install "wb-desktop[server]"' in str(caught.value)
    assert f"{missing} is not installed" in str(caught.value)
    assert "--server URL" in str(caught.value)
    assert multiprocessing.active_children() == children  # nothing was started
    assert not (tmp_path / "server").exists()


def test_starting_in_a_thread_checks_the_extra_too(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "starlette", None)
    with pytest.raises(ServerExtraMissingError, match="starlette"):
        start_demo_server(tmp_path, CLOCK)


def test_the_launcher_loads_no_server_until_it_starts_one() -> None:
    code = textwrap.dedent(
        """
        import sys
        import wb_desktop.tools.demo.server
        print(sorted(m for m in sys.modules if m.startswith(("wb_server", "fastapi", "uvicorn"))))
        """
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=os.environ
    ).stdout.strip()
    assert loaded == "[]"


def test_the_server_extra_is_the_web_stack_the_launcher_checks() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    base = {Requirement(text).name.lower() for text in project["dependencies"]}
    server = {Requirement(text).name.lower() for text in extras["server"]}
    assert server == set(WEB_STACK) and not base & server
    assert "wb-desktop[server]" in extras["test"]


def test_wb_server_without_its_extra_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from wb_server.cli import main

    monkeypatch.setitem(sys.modules, "fastapi", None)
    assert main(["--db", f"sqlite:///{tmp_path / 'server.sqlite3'}", "--migrate-only"]) == 2
    error = capsys.readouterr().err
    assert "fastapi is missing" in error and 'pip install "wb-desktop[server]"' in error
    assert not (tmp_path / "server.sqlite3").exists()


def test_a_demo_server_that_cannot_start_is_a_readable_refusal(tmp_path: Path) -> None:
    """Its folder is a file: the child reports why, and the app gets a WorkBossError (shown
    to the person, profile released) instead of a traceback."""
    blocked = tmp_path / "server"
    blocked.write_text("not a folder")
    pending = launch_demo_server(blocked, CLOCK, in_child=True)
    with pytest.raises(DemoServerError) as caught:
        pending.wait()
    assert isinstance(caught.value, WorkBossError)
    assert "FileExistsError" in caught.value.reason
    assert str(caught.value).startswith("The built-in demo server did not start (")
