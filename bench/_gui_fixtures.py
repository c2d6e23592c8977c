"""Qt helpers for the GUI benchmarks: a first-paint watch, a heartbeat, an event pump, test
photos, and the instruments behind ``gui_stall.py --explain`` (event timing, stack samples).

PySide6 and the standard library only, so a cold-start child that imports this module after
timing its own imports adds nothing to them (Qt is loaded by then) and never pulls in the app.
"""

from __future__ import annotations

import random
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from types import FrameType

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

MB = 1024 * 1024
JPEG_QUALITY = 85
NOISE_JPEG_BYTES_PER_PIXEL = 0.75  # measured: random RGB pixels at quality 85
POLL_MS = 20


class FirstPaint(QObject):
    """Calls ``on_painted(perf_counter())`` once the first paint of ``widget`` for which
    ``ready()`` holds has finished: the paint event is seen here, and a zero-delay timer
    fires after the whole repaint (and its flush to the screen) has returned to the loop."""

    def __init__(
        self,
        widget: QWidget,
        on_painted: Callable[[float], None],
        ready: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(widget)
        self._on_painted = on_painted
        self._ready = ready
        self.paint_started: float | None = None
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if self.paint_started is None and event.type() == QEvent.Type.Paint and self._ready():
            self.paint_started = time.perf_counter()
            QTimer.singleShot(0, lambda: self._on_painted(time.perf_counter()))
        return False


class Heartbeat(QObject):
    """A precise GUI-thread timer; the gaps between its beats beyond the interval are the
    time the GUI thread could not run it: what a technician feels as a frozen window."""

    def __init__(self, interval_ms: int = 5, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.interval_ms = interval_ms
        self.beats: list[float] = []
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(lambda: self.beats.append(time.perf_counter()))

    def start(self) -> None:
        self.beats = [time.perf_counter()]
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self.beats.append(time.perf_counter())

    def stalls_ms(self) -> list[float]:
        """Each gap minus the interval, never below zero."""
        return [max(0.0, (b - a) * 1000 - self.interval_ms) for a, b in pairwise(self.beats)]

    def worst(self, count: int) -> list[tuple[float, float]]:
        """The ``count`` longest gaps as (start, stall ms), longest first."""
        gaps = [(a, max(0.0, (b - a) * 1000 - self.interval_ms)) for a, b in pairwise(self.beats)]
        return sorted(gaps, key=lambda gap: gap[1], reverse=True)[:count]


def pump_until(done: Callable[[], bool], timeout_s: float, what: str) -> float:
    """Run the event loop until ``done()`` (polled every 20 ms) or the timeout; no sleeping.

    Returns the seconds it took; a timeout ends the benchmark with a message naming ``what``.
    """
    started = time.perf_counter()
    deadline = started + timeout_s
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(POLL_MS)
    poll.timeout.connect(lambda: (done() or time.perf_counter() > deadline) and loop.quit())
    if not done():
        poll.start()
        loop.exec()
        poll.stop()
    if not done():
        raise SystemExit(f"timed out after {timeout_s:g} s waiting for {what}")
    return time.perf_counter() - started


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def noise_jpegs(
    folder: Path, count: int, seed: int, min_mb: float = 1.0, max_mb: float = 3.0
) -> list[Path]:
    """``count`` camera-like JPEGs (4:3, random pixels, so they do not compress) of between
    ``min_mb`` and ``max_mb`` each: the decoder and the write path get real bytes to chew."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for n in range(count):
        pixels = rng.uniform(min_mb, max_mb) * MB / NOISE_JPEG_BYTES_PER_PIXEL
        height = max(3, int((pixels * 3 / 4) ** 0.5) // 3 * 3)
        width = height * 4 // 3
        image = QImage(
            rng.randbytes(width * height * 3), width, height, width * 3, QImage.Format.Format_RGB888
        )
        path = folder / f"IMG_{n:04}.jpg"
        if not image.save(str(path), "JPEG", JPEG_QUALITY):
            raise SystemExit(f"could not write the test photo {path}")
        paths.append(path)
    return paths


@dataclass(frozen=True)
class SlowEvent:
    started: float
    seconds: float
    receiver: str
    event: str


class TimedApplication(QApplication):
    """A QApplication that, while ``recording``, notes every event the GUI thread handled
    for longer than ``threshold_s`` (outermost only: nested sends are part of their parent)."""

    def __init__(self, argv: list[str], threshold_s: float = 0.002) -> None:
        super().__init__(argv)
        self.recording = False
        self.threshold_s = threshold_s
        self.slow: list[SlowEvent] = []
        self._gui_thread = threading.get_ident()
        self._depth = 0

    def notify(self, receiver: QObject, event: QEvent) -> bool:
        if not self.recording or threading.get_ident() != self._gui_thread:
            return super().notify(receiver, event)
        kind = event.type()
        self._depth += 1
        started = time.perf_counter()
        try:
            return super().notify(receiver, event)
        finally:
            self._depth -= 1
            seconds = time.perf_counter() - started
            if self._depth == 0 and seconds >= self.threshold_s:
                kind_name = getattr(kind, "name", str(kind))
                self.slow.append(SlowEvent(started, seconds, _describe(receiver), kind_name))


def _describe(receiver: QObject) -> str:
    """The receiver's class and object name; only the class once the event deleted it."""
    name = type(receiver).__name__
    try:
        object_name = receiver.objectName()
    except RuntimeError:  # the C++ object is gone (a deleteLater, say)
        return name
    return f"{name} '{object_name}'" if object_name else name


@dataclass(frozen=True)
class Sample:
    at: float
    app_frames: tuple[str, ...]  # the app's own frames, outermost first
    leaf: str  # the innermost Python frame, whatever its module
    others: tuple[str, ...]  # every other thread: its innermost app frame ← its leaf


class StackSampler:
    """Samples one thread's Python stack from a side thread every ``interval_s``.

    A sample shows the GUI thread's Python frames when it ran Python, or the last Python frame
    that called into C (a query, a Qt call) when it did not; with no app frame at all the
    thread was in Qt itself (layout, painting, style) or waiting for the GIL.
    """

    def __init__(self, thread_id: int, interval_s: float = 0.002, package: str = "wb_desktop"):
        self.samples: list[Sample] = []
        self._thread_id = thread_id
        self._interval_s = interval_s
        self._package = package
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="bench-sampler", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me = threading.get_ident()
        while not self._stop.wait(self._interval_s):
            frames = sys._current_frames()
            frame = frames.pop(self._thread_id, None)
            frames.pop(me, None)
            if frame is None:
                continue
            chain = self._app_chain(frame)
            others = []
            for other in frames.values():
                inner = self._app_chain(other)
                others.append(f"{inner[-1] if inner else '-'} ← {_frame_name(other)}")
            sample = Sample(time.perf_counter(), chain, _frame_name(frame), tuple(others))
            self.samples.append(sample)

    def _app_chain(self, frame: FrameType) -> tuple[str, ...]:
        chain = []
        current: FrameType | None = frame
        while current is not None:
            if self._package in current.f_code.co_filename:
                chain.append(_frame_name(current))
            current = current.f_back
        return tuple(reversed(chain))

    def between(self, start: float, end: float) -> list[Sample]:
        return [s for s in self.samples if start <= s.at <= end]


def _frame_name(frame: FrameType) -> str:
    code = frame.f_code
    return f"{Path(code.co_filename).stem}.{code.co_qualname}"
