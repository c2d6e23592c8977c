"""The floor for the bundle's start time: a bare PySide6 window in the same kind of bundle.

``build_bundle.py --with-floor`` bundles this next to the app; ``smoke_run.py --floor``
times both on the same machine, so the app's start time is read against what a Qt window
costs there at all. Prints ``{"painted_at": <Unix time of the first paint>}`` and quits.
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class FirstPaint(QObject):
    """Notes the first paint of the watched widget and quits soon after."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self.at is None:
            self.at = time.time()
            QTimer.singleShot(0, self.app.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    label = QLabel("WorkBoss")
    window.setCentralWidget(label)
    painted = FirstPaint(app)
    label.installEventFilter(painted)
    window.resize(1280, 800)
    window.show()
    QTimer.singleShot(30_000, app.quit)
    app.exec()
    print(json.dumps({"painted_at": painted.at}), flush=True)
    return 0 if painted.at is not None else 1


if __name__ == "__main__":
    sys.exit(main())
