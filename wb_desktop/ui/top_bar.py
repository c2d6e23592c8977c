"""The window's top bar: who is signed in, the pages, and the tablet's switches.

It never clips. Each button shows an icon and its text; when the bar is too narrow for the
texts (a small or scaled screen, a long Swedish word), the switches on the right fold to
their icons first, then the page buttons, each keeping its text as tooltip and accessible
name. The technician's name gives way with a deliberate "…" and a tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from wb_desktop.ui.bar_icons import ICON_PX, bar_icon
from wb_desktop.ui.elided_label import ElidedLabel
from wb_desktop.ui.theme import SPACING_PX, TOUCH_TARGET_PX

NAME_ROOM_CHARACTERS = 14  # the name's share of the bar before the buttons fold


class BarButton(QPushButton):
    """A button with an icon and a text, or the icon alone (``compact``) with the text in
    its tooltip; its accessible name is the text either way."""

    def __init__(
        self, text: str, icon: str, *, checkable: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._text = text
        self._hint = ""
        self._compact = False
        self.setIcon(bar_icon(icon))
        self.setIconSize(QSize(ICON_PX, ICON_PX))
        self.setCheckable(checkable)
        self.setMinimumSize(TOUCH_TARGET_PX, TOUCH_TARGET_PX)
        self.setProperty("bar", True)  # the theme's narrower padding
        self.setAccessibleName(text)
        self.set_compact(False)

    @property
    def full_text(self) -> str:
        return self._text

    @property
    def compact(self) -> bool:
        return self._compact

    def set_hint(self, hint: str) -> None:
        """A longer explanation, shown as the tooltip (after the text when compact)."""
        self._hint = hint
        self._show_tooltip()

    def set_compact(self, compact: bool) -> None:
        self._compact = compact
        self.setText("" if compact else self._text)
        self._show_tooltip()

    def _show_tooltip(self) -> None:
        if self._compact:
            self.setToolTip(f"{self._text}\n{self._hint}" if self._hint else self._text)
        else:
            self.setToolTip(self._hint)

    def width_for(self, *, compact: bool) -> int:
        """The width this button asks for with or without its text (QPushButton.sizeHint's
        sum, for the text it may not be showing right now)."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        width = self.iconSize().width() + 4
        height = self.iconSize().height()
        if not compact:
            option.text = self._text
            width += self.fontMetrics().horizontalAdvance(self._text)
            height = max(height, self.fontMetrics().height())
        size = self.style().sizeFromContents(
            QStyle.ContentsType.CT_PushButton, option, QSize(width, height), self
        )
        return max(size.width(), self.minimumWidth())


class TopBar(QWidget):
    """The name on the left, ``pages`` after it, ``switches`` on the right."""

    def __init__(
        self,
        name: str,
        pages: list[BarButton],
        switches: list[BarButton],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.name_label = ElidedLabel(name, self)
        self.name_label.setProperty("role", "heading")
        self._pages = pages
        self._switches = switches
        self._fixed: list[QWidget] = []  # added later (the bell): never folds, always counted
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING_PX // 2)
        layout.addWidget(self.name_label)
        layout.addSpacing(SPACING_PX)
        for button in pages:
            layout.addWidget(button)
        layout.addStretch(1)
        for button in switches:
            layout.addWidget(button)

    def add_before(self, widget: QWidget, anchor: QWidget) -> None:
        """Put a fixed-size widget (the notifications bell) before ``anchor``; its width is
        counted when the bar decides what to fold."""
        layout = self.layout()
        assert isinstance(layout, QHBoxLayout)
        layout.insertWidget(layout.indexOf(anchor), widget)
        self._fixed.append(widget)
        self.fit()

    def _fixed_width(self) -> int:
        return sum(w.sizeHint().width() + self.layout().spacing() for w in self._fixed)

    def width_needed(self, *, pages_compact: bool, switches_compact: bool) -> int:
        """The width the bar needs with the pages and switches folded or not."""
        metrics = self.name_label.fontMetrics()
        name = min(
            self.name_label.sizeHint().width(),
            metrics.horizontalAdvance("M" * (NAME_ROOM_CHARACTERS // 2) + "n" * 7),
        )
        buttons = sum(b.width_for(compact=pages_compact) for b in self._pages)
        buttons += sum(b.width_for(compact=switches_compact) for b in self._switches)
        spacing = self.layout().spacing() * (len(self._pages) + len(self._switches) + 2)
        return name + SPACING_PX + buttons + spacing + self._fixed_width()

    def minimumSizeHint(self) -> QSize:
        """Folded: the name's few letters and every button's icon."""
        hint = super().minimumSizeHint()
        buttons = sum(b.width_for(compact=True) for b in self._pages + self._switches)
        spacing = self.layout().spacing() * (len(self._pages) + len(self._switches) + 2)
        name = self.name_label.minimumSizeHint().width()
        return QSize(name + SPACING_PX + buttons + spacing + self._fixed_width(), hint.height())

    def fit(self) -> None:
        """Fold as little as the width allows: the switches first, then the pages."""
        width = self.width()
        if self.width_needed(pages_compact=False, switches_compact=False) <= width:
            pages, switches = False, False
        elif self.width_needed(pages_compact=False, switches_compact=True) <= width:
            pages, switches = False, True
        else:
            pages, switches = True, True
        for buttons, compact in ((self._pages, pages), (self._switches, switches)):
            for button in buttons:
                if button.compact != compact:
                    button.set_compact(compact)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit()

    def changeEvent(self, event: QEvent) -> None:
        """Sunlight mode draws bolder text: the same width may no longer hold it."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self.fit()
