"""The one shape of every list and table model in the app: a list of plain row values,
replaced whole after each read, with a role that hands back the row and columns declared
once as :class:`Column` specs.

A model says *what* each column shows (heading, text, alignment, tooltip, colour, spoken
text); rows, counts, headings and the role dispatch are written here once. Headings are
source texts marked with ``QT_TRANSLATE_NOOP(context, text)`` and translated in the model's
:attr:`~RowModel.context` when shown, so each model keeps its own translation context.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

RowT = TypeVar("RowT")
ModelIndex = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row value itself, unless a model says otherwise
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter  # text cells and card lines
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
Role = Qt.ItemDataRole
_OPTIONAL_ROLES = {  # the roles a Column may fill, and the field that fills each
    Role.ToolTipRole: "tooltip",
    Role.ForegroundRole: "colour",
    Role.AccessibleTextRole: "spoken",
}


@dataclass(frozen=True)
class Column(Generic[RowT]):
    """What one column shows for a row: a heading and a text, and optionally an alignment,
    tooltip, text colour and spoken text; a role left None answers None (Qt's default)."""

    header: str  # the source text; translated in the model's context when shown
    text: Callable[[RowT], str | None]
    align: Qt.AlignmentFlag | None = None
    tooltip: Callable[[RowT], str | None] | None = None
    colour: Callable[[RowT], Any] | None = None  # a QColor or QBrush for the text
    spoken: Callable[[RowT], str] | None = None  # what a screen reader says for the cell


class RowModel(Generic[RowT]):
    """The part list and table models share; mixed in before the Qt model class.

    Subclasses pass their columns (and per-row roles such as an id) to the constructor;
    a model with cells no spec can say (the old ``cell`` hook) overrides :meth:`cell`.
    """

    context: ClassVar[str] = ""  # the translation context of the headings; "" shows them as given
    row_role: ClassVar[int | None] = ROW_ROLE
    _rows: list[RowT]
    _columns: tuple[Column[RowT], ...]
    _roles: Mapping[int, Callable[[RowT], Any]]

    def _start(
        self,
        columns: Sequence[Column[RowT]],
        roles: Mapping[int, Callable[[RowT], Any]] | None,
    ) -> None:
        self._rows = []
        self._columns = tuple(columns)
        self._roles = dict(roles or {})

    def set_rows(self, rows: Iterable[RowT]) -> None:
        """Show these rows instead of the ones shown (views keep no stale index)."""
        self._replace(rows)

    def _replace(self, rows: Iterable[RowT], columns: Sequence[Column[RowT]] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if columns is not None:
            self._columns = tuple(columns)
        self.endResetModel()

    def rows(self) -> list[RowT]:
        return list(self._rows)

    def row_at(self, position: int) -> RowT:
        return self._rows[position]

    def position_where(self, wanted: Callable[[RowT], bool]) -> int:
        """The position of the first row ``wanted`` accepts, or -1."""
        return next((n for n, row in enumerate(self._rows) if wanted(row)), -1)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.cell(self._rows[index.row()], index.column(), role)

    def cell(self, row: RowT, column_number: int, role: int) -> Any:
        """What the cell shows for ``role``: the row's own roles first, then the column's."""
        if role == self.row_role:
            return row
        per_row = self._roles.get(role)
        if per_row is not None:
            return per_row(row)
        if not 0 <= column_number < len(self._columns):
            return None
        column = self._columns[column_number]
        if role == Role.DisplayRole:
            return column.text(row)
        if role == Role.TextAlignmentRole:
            return None if column.align is None else int(column.align)
        name = _OPTIONAL_ROLES.get(role)
        answer = getattr(column, name) if name is not None else None
        return answer(row) if answer is not None else None

    def headers(self) -> Sequence[str]:
        """The column headings in the language in use."""
        if not self.context:
            return [column.header for column in self._columns]
        return [QCoreApplication.translate(self.context, c.header) for c in self._columns]


class RowTableModel(RowModel[RowT], QAbstractTableModel):
    """Rows as a table: one :class:`Column` per column, headings across the top."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        columns: Sequence[Column[RowT]] = (),
        roles: Mapping[int, Callable[[RowT], Any]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._start(columns, roles)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Role.DisplayRole:
            return None
        headers = self.headers()
        return headers[section] if 0 <= section < len(headers) else None


class RowListModel(RowModel[RowT], QAbstractListModel):
    """Rows as a list (one item per row, painted by a delegate or shown as text)."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        item: Column[RowT],
        roles: Mapping[int, Callable[[RowT], Any]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._start((item,), roles)
