"""Waiting for the op runner: views read and write off the GUI thread, so a test that
changed something waits until every op (and the re-reads its notice started) has answered."""

from __future__ import annotations

from typing import Protocol

from pytestqt.qtbot import QtBot

from wb_desktop.app.op_runner import OpRunner


class HasRunner(Protocol):
    runner: OpRunner


def settle(qtbot: QtBot, holder: HasRunner | OpRunner, timeout_ms: int = 10_000) -> None:
    """Wait until the runner is idle: every query answered, every notice heard."""
    runner = holder if isinstance(holder, OpRunner) else holder.runner
    qtbot.waitUntil(lambda: runner.idle, timeout=timeout_ms)
