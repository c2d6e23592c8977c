"""Python's cycle collector, run on the GUI thread only.

Automatic collection runs on whichever thread happens to allocate when a threshold is
crossed: an op runner worker, the sync thread, an upload thread. If that collection frees a
QObject, its C++ destructor runs on that thread: it takes Qt's signal-connection lock and
then waits for the GIL, while the GUI thread, holding the GIL, waits for the same lock (a
widget being parented). Both wait for ever: a frozen app. This was seen as a test run frozen
inside ``MainWindow.__init__`` with an op runner worker collecting garbage.

So automatic collection is switched off, and the same thresholds are checked on a timer on
the GUI thread (as Anki, pyqtgraph and others do). Memory stays bounded the same way; only
*where* collection runs changes.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500  # often enough that a burst of garbage never waits long


def collect_due(thresholds: tuple[int, int, int]) -> int:
    """Collect the generations whose counts passed their thresholds, as the automatic
    collector would have; returns how many objects were found unreachable."""
    count0, count1, count2 = gc.get_count()
    if count0 <= thresholds[0]:
        return 0
    if count1 <= thresholds[1]:
        return gc.collect(0)
    if count2 <= thresholds[2]:
        return gc.collect(1)
    return gc.collect(2)


class GuiThreadGarbageCollector(QObject):
    """Turns automatic collection off for the process and collects from a GUI-thread timer.

    Automatic collection stays off after :meth:`stop`: another thread must never collect
    while any QObject may still be alive.
    """

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        threshold0, threshold1, threshold2 = gc.get_threshold()
        self._thresholds = (threshold0, threshold1, threshold2)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    def collect(self) -> int:
        """Collect now what is due (the timer calls this)."""
        return collect_due(self._thresholds)

    def stop(self) -> None:
        self._timer.stop()
