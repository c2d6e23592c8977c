"""An install without the server extra: the demo profile says, in the technician's
language, which extra to install, instead of a traceback; nothing is left locked."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import gui_test_options
from wb_desktop.bootstrap import build
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.tools.demo.server import ServerExtraMissingError
from wb_desktop.ui.messages import user_message
from wb_desktop.ui.translations import remove_translations


def test_the_demo_profile_names_the_extra_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, clock: FixedClock
) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if it were not installed
    try:
        with pytest.raises(ServerExtraMissingError) as caught:
            build(gui_test_options(tmp_path / "data", lang="sv"), clock)
        message = user_message(caught.value)
    finally:
        remove_translations(QApplication.instance())

    assert message.startswith("Den inbyggda demoservern behöver tillägget ”server”")
    assert 'pip install "wb-desktop[server]"' in message and "uvicorn" in message
    monkeypatch.delitem(sys.modules, "uvicorn")
    with pytest.raises(ServerExtraMissingError):  # the profile was released: it can try again
        monkeypatch.setitem(sys.modules, "fastapi", None)
        build(gui_test_options(tmp_path / "data"), clock)
