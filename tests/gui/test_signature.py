"""The customer signs for a job: drawing with mouse, pen and finger, and saving it."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QInputDevice, QMouseEvent, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from tests.conftest import Schedule
from tests.gui.waiting import settle
from wb_desktop.core.domain.clock import FixedClock
from wb_desktop.core.domain.records import clean_signature
from wb_desktop.core.paths import ProfilePaths
from wb_desktop.core.store.cache import LocalCache, open_cache
from wb_desktop.core.store.models import OutboxOp, Signature
from wb_desktop.ui.signature_canvas import MOUSE_PRESSURE, SignatureCanvas
from wb_desktop.ui.signature_dialog import SignatureDialog
from wb_desktop.ui.signature_strokes import pen_width_for
from wb_desktop.ui.theme import TOUCH_TARGET_PX
from wb_desktop.ui.workday import Workday

STOCKHOLM = ZoneInfo("Europe/Stockholm")


@pytest.fixture
def workday(cache: LocalCache, clock: FixedClock) -> Workday:
    return Workday(cache, clock, STOCKHOLM, technician_id=None)


@pytest.fixture
def dialog(qtbot: QtBot, workday: Workday, schedule: Schedule) -> SignatureDialog:
    return _open_dialog(qtbot, workday, schedule.job_ids[0])


@pytest.fixture
def canvas(qtbot: QtBot) -> SignatureCanvas:
    widget = SignatureCanvas()
    qtbot.addWidget(widget)
    widget.resize(700, 280)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def pen() -> Iterator[QPointingDevice]:
    device = QPointingDevice(
        "test pen",
        4242,
        QInputDevice.DeviceType.Stylus,
        QPointingDevice.PointerType.Pen,
        QInputDevice.Capability.Position | QInputDevice.Capability.Pressure,
        1,
        3,
    )
    yield device
    device.deleteLater()


def _open_dialog(qtbot: QtBot, workday: Workday, job_id: str) -> SignatureDialog:
    opened = SignatureDialog(workday, job_id)
    qtbot.addWidget(opened)
    opened.show()
    qtbot.waitExposed(opened)
    settle(qtbot, workday)  # the caption is read through the op runner
    return opened


def _wave(start: QPoint, count: int = 20) -> list[QPoint]:
    return [
        QPoint(start.x() + 12 * i, start.y() + round(25 * math.sin(i / 3))) for i in range(count)
    ]


def _mouse_stroke(qtbot: QtBot, widget: QWidget, points: list[QPoint]) -> None:
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=points[0])
    for point in points[1:]:
        QTest.mouseMove(widget, point)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=points[-1])


def _pen_stroke(
    widget: QWidget, pen: QPointingDevice, y: float, pressure: float
) -> list[QTabletEvent]:
    """A horizontal pen line from x=100 to x=500; returns the events to check acceptance."""
    sent: list[QTabletEvent] = []
    xs = range(100, 501, 10)
    for index, x in enumerate(xs):
        if index == 0:
            kind, buttons = QEvent.Type.TabletPress, Qt.MouseButton.LeftButton
        elif index == len(xs) - 1:
            kind, buttons = QEvent.Type.TabletRelease, Qt.MouseButton.NoButton
        else:
            kind, buttons = QEvent.Type.TabletMove, Qt.MouseButton.LeftButton
        position = QPointF(x, y)
        event = QTabletEvent(
            kind,
            pen,
            position,
            widget.mapToGlobal(position),
            pressure,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            Qt.KeyboardModifier.NoModifier,
            Qt.MouseButton.LeftButton,
            buttons,
        )
        QApplication.sendEvent(widget, event)
        sent.append(event)
    return sent


def _ink_rows(png: bytes, column: int, rows: range) -> int:
    """How many pixels of one column, within ``rows``, the rendered signature inked dark."""
    image = QImage.fromData(png)
    assert not image.isNull()
    return sum(1 for row in rows if image.pixelColor(column, row).value() < 128)


def _saved_counts(cache: LocalCache) -> tuple[int, int]:
    with cache.database.reader() as session:
        signatures = session.scalar(select(func.count()).select_from(Signature))
        ops = session.scalar(
            select(func.count()).select_from(OutboxOp).where(OutboxOp.kind == "signature.create")
        )
    return signatures or 0, ops or 0


def test_a_mouse_stroke_records_one_stroke_of_points(qtbot: QtBot, canvas: SignatureCanvas) -> None:
    points = _wave(QPoint(60, 120))
    with qtbot.waitSignal(canvas.changed):
        _mouse_stroke(qtbot, canvas, points)

    strokes = canvas.strokes()
    assert len(strokes) == 1
    assert len(strokes[0]) == len(points)
    first = strokes[0][0]
    assert first[:2] == [60.0, 120.0]
    assert all(len(point) == 4 and point[2] == MOUSE_PRESSURE for point in strokes[0])
    times = [point[3] for point in strokes[0]]
    assert times == sorted(times) and times[0] >= 0
    assert not canvas.is_empty() and canvas.is_signed()
    assert clean_signature("Karin Lund", strokes)[1] == strokes  # the store's format


def test_harder_pen_pressure_records_and_paints_a_wider_line(
    canvas: SignatureCanvas, pen: QPointingDevice
) -> None:
    light = _pen_stroke(canvas, pen, y=70, pressure=0.1)
    firm = _pen_stroke(canvas, pen, y=190, pressure=0.95)

    assert all(event.isAccepted() for event in light + firm)  # so Qt synthesizes no mouse
    strokes = canvas.strokes()
    assert len(strokes) == 2
    assert {point[2] for point in strokes[0]} == {0.1}
    assert {point[2] for point in strokes[1]} == {0.95}
    assert pen_width_for(0.95) > pen_width_for(0.5) > pen_width_for(0.1)

    png = canvas.render_png(scale=1)
    light_rows = _ink_rows(png, 300, range(0, 130))
    firm_rows = _ink_rows(png, 300, range(130, 280))
    assert light_rows >= 1
    assert firm_rows >= light_rows + 3


def test_mouse_events_synthesized_from_pen_or_touch_draw_nothing(
    canvas: SignatureCanvas, pen: QPointingDevice
) -> None:
    for kind, buttons in (
        (QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseMove, Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton),
    ):
        x = 100 if kind == QEvent.Type.MouseButtonPress else 300
        position = QPointF(x, 100)
        event = QMouseEvent(
            kind,
            position,
            canvas.mapToGlobal(position),
            Qt.MouseButton.LeftButton,
            buttons,
            Qt.KeyboardModifier.NoModifier,
            pen,
        )
        QApplication.sendEvent(canvas, event)
    assert canvas.is_empty()


def test_a_finger_draws_one_stroke_and_a_second_finger_is_ignored(
    canvas: SignatureCanvas,
) -> None:
    screen = QTest.createTouchDevice()
    QTest.touchEvent(canvas, screen).press(0, QPoint(80, 100), canvas).commit()
    for step in range(1, 12):
        sequence = QTest.touchEvent(canvas, screen)
        sequence.move(0, QPoint(80 + 15 * step, 100 + 4 * step), canvas)
        if step == 3:
            sequence.press(1, QPoint(600, 250), canvas)  # the heel of the hand lands
        elif step > 3:
            sequence.stationary(1)
        sequence.commit()
    QTest.touchEvent(canvas, screen).release(0, QPoint(245, 144), canvas).release(
        1, QPoint(600, 250), canvas
    ).commit()

    strokes = canvas.strokes()
    assert len(strokes) == 1
    assert strokes[0][0][:2] == [80.0, 100.0]
    assert strokes[0][-1][:2] == [245.0, 144.0]
    assert {point[2] for point in strokes[0]} == {MOUSE_PRESSURE}
    assert all(point[0] < 600 for point in strokes[0])


def test_undo_removes_the_last_stroke_and_clear_removes_all(
    qtbot: QtBot, dialog: SignatureDialog
) -> None:
    assert not dialog.undo_button.isEnabled()
    assert not dialog.clear_button.isEnabled()
    _mouse_stroke(qtbot, dialog.canvas, _wave(QPoint(40, 60)))
    _mouse_stroke(qtbot, dialog.canvas, _wave(QPoint(60, 150)))
    _mouse_stroke(qtbot, dialog.canvas, _wave(QPoint(80, 200)))
    assert len(dialog.canvas.strokes()) == 3
    assert dialog.undo_button.isEnabled() and dialog.clear_button.isEnabled()
    first = dialog.canvas.strokes()[0]

    with qtbot.waitSignal(dialog.canvas.changed):
        qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert len(dialog.canvas.strokes()) == 2

    dialog.canvas.setFocus()
    QTest.keyClick(dialog.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dialog.canvas.strokes() == [first]

    _mouse_stroke(qtbot, dialog.canvas, _wave(QPoint(60, 150)))
    with qtbot.waitSignal(dialog.canvas.changed):
        qtbot.mouseClick(dialog.clear_button, Qt.MouseButton.LeftButton)
    assert dialog.canvas.is_empty()
    assert dialog.canvas.strokes() == []
    assert not dialog.undo_button.isEnabled()
    assert not dialog.clear_button.isEnabled()


def test_an_empty_signature_is_refused_and_nothing_is_written(
    qtbot: QtBot, dialog: SignatureDialog, cache: LocalCache
) -> None:
    qtbot.keyClicks(dialog.name_edit, "Karin Lund")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.isVisible()
    assert "has not signed" in dialog.error_label.text()

    qtbot.mouseClick(dialog.canvas, Qt.MouseButton.LeftButton, pos=QPoint(200, 100))
    assert not dialog.canvas.is_empty()  # a tap leaves a dot ...
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "has not signed" in dialog.error_label.text()  # ... but is not a signature

    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.receipt is None
    assert _saved_counts(cache) == (0, 0)
    assert not list(cache.paths.media.rglob("*.png"))


def test_a_missing_name_is_refused_and_the_message_follows_the_fix(
    qtbot: QtBot, dialog: SignatureDialog, cache: LocalCache
) -> None:
    _mouse_stroke(qtbot, dialog.canvas, _wave(QPoint(60, 120)))
    dialog.name_edit.setText("   ")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.error_label.isVisible()
    assert dialog.error_label.property("role") == "error"
    assert "name" in dialog.error_label.text()
    assert "signed" not in dialog.error_label.text()
    assert dialog.isVisible() and dialog.receipt is None
    assert _saved_counts(cache) == (0, 0)
    assert len(dialog.canvas.strokes()) == 1

    qtbot.keyClicks(dialog.name_edit, "Karin")
    assert not dialog.error_label.isVisible()


def test_a_signature_is_saved_with_its_strokes_png_and_outbox_op(
    qtbot: QtBot,
    dialog: SignatureDialog,
    workday: Workday,
    cache: LocalCache,
    profile: ProfilePaths,
    schedule: Schedule,
) -> None:
    job_id = schedule.job_ids[0]
    assert "Boiler service" in dialog.job_label.text()
    qtbot.keyClicks(dialog.name_edit, "  Karin Lund ")
    _mouse_stroke(qtbot, dialog.canvas, _wave(QPoint(60, 120)))
    _mouse_stroke(qtbot, dialog.canvas, _wave(QPoint(90, 180), count=10))
    drawn = dialog.canvas.strokes()

    with qtbot.waitSignal(workday.changed) as announced, qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert announced.args == [job_id]
    assert dialog.result() == QDialog.DialogCode.Accepted
    receipt = dialog.receipt
    assert receipt is not None and receipt.record_type == "signature" and receipt.changed
    with cache.database.reader() as session:
        signature = session.get(Signature, receipt.record_id)
        assert signature is not None
        assert signature.job_id == job_id
        assert signature.signer_name == "Karin Lund"
        assert signature.strokes == drawn
        png_path, png_sha256 = signature.png_path, signature.png_sha256
        op = session.scalars(select(OutboxOp).where(OutboxOp.op_id == receipt.op_id)).one()
        assert op.kind == "signature.create"
        assert op.record_id == receipt.record_id
        assert op.payload["signer_name"] == "Karin Lund"
    stored = cache.media.absolute(png_path)
    assert stored.is_file()
    assert stored.is_relative_to(profile.media)
    data = stored.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert hashlib.sha256(data).hexdigest() == png_sha256
    assert _saved_counts(cache) == (1, 1)


def test_a_write_error_is_shown_and_the_drawing_kept(
    qtbot: QtBot, workday: Workday, cache: LocalCache
) -> None:
    gone = _open_dialog(qtbot, workday, "no-such-job")
    assert not gone.job_label.isVisible()
    qtbot.keyClicks(gone.name_edit, "Karin Lund")
    _mouse_stroke(qtbot, gone.canvas, _wave(QPoint(60, 120)))
    drawn = gone.canvas.strokes()

    qtbot.mouseClick(gone.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, workday)

    assert gone.isVisible() and gone.receipt is None
    assert gone.error_label.isVisible()
    assert "not saved" in gone.error_label.text()
    assert "no-such-job" in gone.error_label.text()
    assert gone.canvas.strokes() == drawn
    assert gone.name_edit.text() == "Karin Lund"
    assert _saved_counts(cache) == (0, 0)
    assert not list(cache.paths.media.rglob("*.png"))  # the file written first was removed


def test_a_full_quota_is_shown_and_the_drawing_kept(
    qtbot: QtBot, schedule: Schedule, profile: ProfilePaths, clock: FixedClock
) -> None:
    tiny = open_cache(profile, clock, quota_bytes=1024, busy_timeout_ms=500)
    try:
        small = Workday(tiny, clock, STOCKHOLM, None)
        full = _open_dialog(qtbot, small, schedule.job_ids[0])
        qtbot.keyClicks(full.name_edit, "Karin Lund")
        _mouse_stroke(qtbot, full.canvas, _wave(QPoint(60, 120)))

        qtbot.mouseClick(full.save_button, Qt.MouseButton.LeftButton)
        settle(qtbot, small)

        assert full.isVisible() and full.receipt is None
        assert "Storage full" in full.error_label.text()
        assert len(full.canvas.strokes()) == 1
        assert _saved_counts(tiny) == (0, 0)
    finally:
        tiny.close()


def test_controls_are_touch_sized_and_tab_in_a_sensible_order(
    qtbot: QtBot, dialog: SignatureDialog
) -> None:
    _mouse_stroke(qtbot, dialog.canvas, _wave(QPoint(60, 120)))
    buttons = [dialog.undo_button, dialog.clear_button, dialog.cancel_button, dialog.save_button]
    assert all(button.height() >= TOUCH_TARGET_PX for button in buttons)
    assert all(button.width() >= TOUCH_TARGET_PX for button in buttons)
    assert dialog.name_edit.height() >= TOUCH_TARGET_PX
    assert dialog.canvas.width() >= 600 and dialog.canvas.height() >= 240
    assert dialog.save_button.property("primary") is True

    expected = [dialog.name_edit, dialog.canvas, *buttons]
    order = [expected[0]]
    widget: QWidget = expected[0]
    while len(order) < len(expected):
        widget = widget.nextInFocusChain()
        if widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            order.append(widget)
    assert order == expected
