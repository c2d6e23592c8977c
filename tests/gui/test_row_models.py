"""The shared list/table model base and the shared card delegate: each role a Column
declares answers from it, the rest answer None; rows are replaced whole; the models with no
test of their own pass Qt's model checks; every card is a touch target and paints its
frame in the theme in use (sunlight mode included)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from wb_desktop.core.domain.records import DeliveryState, DocumentKind, PaymentStatus
from wb_desktop.core.domain.status import JobStatus
from wb_desktop.core.domain.sync_state import SyncState
from wb_desktop.core.store.customer_views import CustomerRow
from wb_desktop.core.store.document_views import DocumentRow
from wb_desktop.core.store.job_views import JobBadge, NoteRow, ScheduleRow
from wb_desktop.core.sync.trace import TraceEvent
from wb_desktop.tools.console.trace_model import EVENT_ROLE, TraceColumn, TraceTableModel
from wb_desktop.ui.cards import ROW_ROLE
from wb_desktop.ui.customers.card_delegate import CustomerCardDelegate
from wb_desktop.ui.documents.card_delegate import DocumentCardDelegate
from wb_desktop.ui.notes_panel import NotesModel
from wb_desktop.ui.row_models import RIGHT, Column, RowListModel, RowTableModel
from wb_desktop.ui.schedule_view import JobCardDelegate
from wb_desktop.ui.theme import HIGH_CONTRAST, NORMAL, TOUCH_TARGET_PX
from wb_desktop.ui.translations import install_translations, remove_translations
from wb_desktop.ui.workday import Workday

AT = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
DISPLAY = Qt.ItemDataRole.DisplayRole


@dataclass(frozen=True)
class Part:
    name: str
    price: int


class PartsModel(RowTableModel[Part]):
    context = "PartsModel"  # nothing is translated under it: the headings stay as written

    def __init__(self) -> None:
        super().__init__(
            columns=(
                Column(QT_TRANSLATE_NOOP("PartsModel", "Part"), lambda p: p.name),
                Column(
                    QT_TRANSLATE_NOOP("PartsModel", "Price"),
                    lambda p: f"{p.price} kr",
                    RIGHT,
                    tooltip=lambda p: "free" if p.price == 0 else None,
                    colour=lambda p: QColor("red"),
                    spoken=lambda p: f"{p.price} kronor",
                ),
            ),
            roles={Qt.ItemDataRole.UserRole + 2: lambda p: p.name.upper()},
        )


PARTS = [Part("Valve", 120), Part("Washer", 0)]


def test_a_table_answers_each_role_from_its_columns(qtmodeltester: ModelTester) -> None:
    model = PartsModel()
    model.set_rows(PARTS)
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (2, 2)
    assert [model.headerData(n, Qt.Orientation.Horizontal) for n in (0, 1)] == ["Part", "Price"]
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    price = model.index(1, 1)
    assert price.data() == "0 kr"
    assert price.data(Qt.ItemDataRole.TextAlignmentRole) == int(RIGHT)
    assert price.data(Qt.ItemDataRole.ToolTipRole) == "free"
    assert price.data(Qt.ItemDataRole.ForegroundRole) == QColor("red")
    assert price.data(Qt.ItemDataRole.AccessibleTextRole) == "0 kronor"
    name = model.index(0, 0)
    assert name.data(Qt.ItemDataRole.TextAlignmentRole) is None  # not declared: Qt's default
    assert name.data(Qt.ItemDataRole.ToolTipRole) is None
    assert name.data(ROW_ROLE) == PARTS[0]  # the row itself, whichever the column
    assert price.data(Qt.ItemDataRole.UserRole + 2) == "WASHER"
    assert model.row_at(1) == PARTS[1]
    assert model.position_where(lambda part: part.price == 0) == 1
    assert model.position_where(lambda part: part.price < 0) == -1


def test_rows_are_replaced_whole_with_a_reset(qtbot: QtBot) -> None:
    model = PartsModel()
    model.set_rows(PARTS)
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset]):
        model.set_rows(PARTS[:1])
    assert model.rows() == PARTS[:1]
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no row has children


def test_a_list_shows_one_item_per_row(qtmodeltester: ModelTester) -> None:
    model: RowListModel[Part] = RowListModel(item=Column("", lambda p: p.name))
    model.set_rows(PARTS)
    qtmodeltester.check(model)
    assert [model.index(n).data() for n in range(model.rowCount())] == ["Valve", "Washer"]
    assert model.index(1).data(ROW_ROLE) == PARTS[1]


def test_notes_read_when_and_how_far_synced(workday: Workday, qtmodeltester: ModelTester) -> None:
    model = NotesModel(workday)
    note = NoteRow("n1", "Valve replaced", AT, SyncState.LOCAL_ONLY)
    model.set_notes([note])
    qtmodeltester.check(model)
    assert model.index(0).data().endswith("Local only\nValve replaced")
    assert model.index(0).data(Qt.ItemDataRole.UserRole) == "n1"


def test_the_trace_table_keeps_failures_counted(qtmodeltester: ModelTester) -> None:
    model = TraceTableModel(ZoneInfo("Europe/Stockholm"))
    ok = TraceEvent(AT, "POST", "/v1/push", 200, 12.4, 300, 40, "online", ("op-1",))
    failed = TraceEvent(AT, "GET", "/v1/pull", None, 30000, 0, 0, "half-open", error="timeout")
    model.set_events([ok])
    model.append(failed)
    qtmodeltester.check(model)
    assert model.failures() == 1
    assert model.recent(1) == [failed]
    assert model.index(0, TraceColumn.TIME).data() == "09:00:00.000"
    assert model.index(1, TraceColumn.STATUS).data() == "—"
    assert model.index(0, TraceColumn.DURATION).data(Qt.ItemDataRole.TextAlignmentRole) == int(
        RIGHT
    )
    assert model.index(0, TraceColumn.OPS).data(Qt.ItemDataRole.ToolTipRole) == "op-1"
    assert model.index(1, TraceColumn.ERROR).data(EVENT_ROLE) == failed
    assert model.headerData(TraceColumn.DURATION, Qt.Orientation.Horizontal) == "ms"


def test_trace_rows_say_what_a_pull_received_and_how_many_positions_were_sent() -> None:
    model = TraceTableModel(ZoneInfo("Europe/Stockholm"))
    pull = TraceEvent(
        AT, "GET", "/v1/changes", 200, 40, 0, 900, "online", query="since=1520&limit=500"
    )
    model.set_events(
        [
            replace(pull, records=12),
            replace(pull, records=1),
            replace(pull, status=None, error="timeout"),  # no reply, no count
            TraceEvent(AT, "POST", "/v1/locations", 200, 9, 300, 40, "online", records=3),
            TraceEvent(AT, "GET", "/v1/me", 200, 9, 0, 40, "online"),
        ]
    )
    about = [model.index(row, TraceColumn.ABOUT).data() for row in range(model.rowCount())]
    assert about == [
        "changes after 1520: 12 received",
        "changes after 1520: 1 received",
        "changes after 1520",
        "3 positions",
        "",
    ]


def test_trace_rows_count_in_the_technicians_language(qapp: QApplication) -> None:
    pull = TraceEvent(AT, "GET", "/v1/changes", 200, 40, 0, 900, "online", query="since=7")
    gps = TraceEvent(AT, "POST", "/v1/locations", 200, 9, 300, 40, "online", records=1)
    model = TraceTableModel(ZoneInfo("Europe/Stockholm"))
    before = QLocale()
    try:
        install_translations(qapp, "en")
        assert model.about(gps) == "1 position"
        install_translations(qapp, "sv")
        assert model.about(replace(pull, records=12)) == "ändringar efter 7: 12 mottagna"
        assert model.about(replace(gps, records=3)) == "3 positioner"
        assert model.about(pull) == "ändringar efter 7"
    finally:
        remove_translations(qapp)
        QLocale.setDefault(before)


SCHEDULE_ROW = ScheduleRow(
    "j1", "Replace valve", "Gustav", "Storgatan 1", AT, AT, JobStatus.EN_ROUTE, JobBadge.WAITING
)
CUSTOMER_ROW = CustomerRow("c1", "Gustav", "Storgatan 1", "070", "", 2, 1, SyncState.SYNCED, 0)
DOCUMENT_ROW = DocumentRow(
    "d1", DocumentKind.INVOICE, "INV-1", "c1", "Gustav", "j1", "Replace valve", Decimal(1),
    "SEK", DeliveryState.SENT, SyncState.SYNCED, AT, None, None, PaymentStatus.APPROVED, None,
)  # fmt: skip
CARDS = [
    (JobCardDelegate, SCHEDULE_ROW, {Qt.ItemDataRole.UserRole + 3: "09:00–10:00"}),
    (CustomerCardDelegate, CUSTOMER_ROW, {}),
    (DocumentCardDelegate, DOCUMENT_ROW, {Qt.ItemDataRole.UserRole + 3: "1,00 kr"}),
]


def card_index(row: object, roles: dict[int, str]) -> tuple[QStandardItemModel, QModelIndex]:
    model = QStandardItemModel()
    item = QStandardItem()
    item.setData(row, ROW_ROLE)
    for role, value in roles.items():
        item.setData(value, role)
    model.appendRow(item)
    return model, model.index(0, 0)


@pytest.mark.parametrize(("delegate_class", "row", "roles"), CARDS)
@pytest.mark.parametrize("high_contrast", [False, True])
def test_a_card_is_a_touch_target_framed_in_the_theme_in_use(
    qtbot: QtBot,
    delegate_class: type[QStyledItemDelegate],
    row: object,
    roles: dict[int, str],
    high_contrast: bool,
) -> None:
    app = QApplication.instance()
    before = app.property("wb_high_contrast")
    app.setProperty("wb_high_contrast", high_contrast)
    try:
        _model, index = card_index(row, roles)
        delegate = delegate_class()
        option = QStyleOptionViewItem()
        option.rect = QRect(0, 0, 900, 0)
        height = delegate.sizeHint(option, index).height()
        assert height >= TOUCH_TARGET_PX
        image = QImage(900, height, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        option.rect = QRect(0, 0, 900, height)
        option.state = QStyle.StateFlag.State_Selected
        painter = QPainter(image)
        delegate.paint(painter, option, index)
        painter.end()
        colours = HIGH_CONTRAST if high_contrast else NORMAL
        assert image.pixelColor(450, 4).name() == colours.accent  # the selected card's border
        assert image.pixelColor(450, height // 2).alpha() == 255  # the card is filled
        assert image.pixelColor(450, 1).alpha() == 0  # outside the card: nothing painted
    finally:
        app.setProperty("wb_high_contrast", before)


def test_a_row_without_its_value_paints_nothing(qtbot: QtBot) -> None:
    _model, index = card_index(None, {})
    image = QImage(400, 100, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 400, 100)
    painter = QPainter(image)
    JobCardDelegate().paint(painter, option, index)
    painter.end()
    assert all(image.pixelColor(x, 50).alpha() == 0 for x in range(0, 400, 10))
