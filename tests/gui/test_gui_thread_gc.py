"""Garbage is collected on the GUI thread only (app/gui_thread_gc.py).

A cycle holding a QObject freed by an automatic collection on a worker thread runs the
QObject's destructor there, which deadlocks against the GUI thread (Qt's connection lock
against the GIL). Here a worker allocates far past the collector's thresholds: nothing is
collected there, and the GUI thread's timer frees the cycle.
"""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from wb_desktop.app.gui_thread_gc import GuiThreadGarbageCollector


class _Cycle:
    def __init__(self) -> None:
        self.itself = self
        self.qobject = QObject()


def test_a_worker_allocating_past_every_threshold_never_collects_and_the_gui_thread_does(
    qtbot: QtBot, qapp: QApplication
) -> None:
    gc.collect()  # counts from zero, whatever ran before
    collector = GuiThreadGarbageCollector(qapp, interval_ms=20)
    try:
        assert not gc.isenabled()
        freed_on: list[str] = []
        cycle = _Cycle()
        weakref.finalize(cycle, lambda: freed_on.append(threading.current_thread().name))
        del cycle

        kept: list[list[int]] = []  # alive until the end: the counts stay past the thresholds

        def allocate() -> None:
            kept.extend([index] for index in range(50 * gc.get_threshold()[0]))

        worker = threading.Thread(target=allocate, name="worker")
        worker.start()
        worker.join()
        assert freed_on == []  # the worker allocated a lot and collected nothing

        assert gc.get_count()[0] > gc.get_threshold()[0]
        qtbot.waitUntil(lambda: freed_on != [], timeout=5_000)
        assert freed_on == [threading.main_thread().name]
        kept.clear()
    finally:
        collector.stop()
        collector.deleteLater()
