"""Putting two technicians' windows next to each other on the screen the first one is on."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def place_side_by_side(left: QWidget, right: QWidget) -> None:
    """``left`` on the left half of its screen, ``right`` on the right half."""
    screen = left.screen()
    if screen is None:
        return
    area = screen.availableGeometry()
    half = area.width() // 2
    left.setGeometry(area.x(), area.y(), half, area.height())
    right.setGeometry(area.x() + half, area.y(), area.width() - half, area.height())
