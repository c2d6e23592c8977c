"""How the app looks on a rugged tablet: big touch targets, a normal and a sunlight theme.

Sizes are in device-independent pixels, so Windows display scaling (150 %, 200 %) scales
them with the text. Nothing here depends on hover: every control shows its state at rest.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

TOUCH_TARGET_PX = 48
SPACING_PX = 12
BUTTON_PADDING_PX = 16  # each side of a labelled button's text
BAR_PADDING_PX = 8  # the top bar's buttons: an icon beside the text already sets them apart
BASE_POINT_SIZE = 11.0


@dataclass(frozen=True)
class Colours:
    """The colours every widget takes its meaning from (state chips, badges, banners)."""

    window: str
    surface: str
    text: str
    muted: str
    accent: str
    accent_text: str
    online: str
    offline: str
    warning: str
    error: str
    synced: str
    pending: str
    border: str
    offline_bar: str  # the status bar's background while offline: offline text still reads


NORMAL = Colours(
    window="#eef1f5",
    surface="#ffffff",
    text="#1b1f24",
    muted="#4a5260",
    accent="#0b5cad",
    accent_text="#ffffff",
    online="#1d7a3a",
    offline="#a33a00",
    warning="#8a5a00",
    error="#b00020",
    synced="#1d7a3a",
    pending="#8a5a00",
    border="#b8c0cc",
    offline_bar="#fde9dc",
)

HIGH_CONTRAST = Colours(
    window="#ffffff",
    surface="#ffffff",
    text="#000000",
    muted="#000000",
    accent="#0000c8",
    accent_text="#ffffff",
    online="#005a00",
    offline="#8a0000",
    warning="#5a3a00",
    error="#8a0000",
    synced="#005a00",
    pending="#5a3a00",
    border="#000000",
    offline_bar="#ffe4d6",
)


def colours_for(high_contrast: bool) -> Colours:
    return HIGH_CONTRAST if high_contrast else NORMAL


def style_sheet(colours: Colours, high_contrast: bool) -> str:
    """One application style sheet: minimum sizes for touch, visible focus, no hover states.

    Buttons get a minimum *height* only: a style-sheet ``min-width`` becomes an explicit
    minimum size, which layouts honour instead of the size hint, and so let a labelled
    button shrink until its text is cut. Padding keeps a labelled button wider than a touch
    target; the few with a one-character label set their minimum width in code.
    """
    border = 3 if high_contrast else 1
    weight = 700 if high_contrast else 500
    return f"""
QWidget {{ color: {colours.text}; }}
QMainWindow, QDialog {{ background: {colours.window}; }}
QPushButton, QToolButton {{
    min-height: {TOUCH_TARGET_PX}px; padding: 0 {BUTTON_PADDING_PX}px;
    border: {border}px solid {colours.border}; border-radius: 6px;
    background: {colours.surface}; font-weight: {weight};
}}
QPushButton:pressed, QToolButton:pressed {{ background: {colours.border}; }}
QPushButton:disabled, QToolButton:disabled {{ color: {colours.muted}; border-style: dashed; }}
QPushButton:checked, QToolButton:checked {{
    background: {colours.text}; color: {colours.window}; border-color: {colours.text};
}}
QPushButton[bar="true"] {{ padding: 0 {BAR_PADDING_PX}px; }}
QPushButton[primary="true"] {{
    background: {colours.accent}; color: {colours.accent_text}; border-color: {colours.accent};
}}
QPushButton[role="online"] {{
    background: {colours.online}; color: {colours.accent_text}; border-color: {colours.online};
    font-size: 14pt;
}}
QPushButton[role="offline"] {{
    background: {colours.offline}; color: {colours.accent_text}; border-color: {colours.offline};
    font-size: 14pt;
}}
QPushButton[primary="true"]:disabled {{
    background: {colours.surface}; color: {colours.muted}; border-color: {colours.border};
}}
QPushButton:focus, QToolButton:focus, QLineEdit:focus, QPlainTextEdit:focus,
QListView:focus, QTableView:focus {{ outline: none; border: 3px solid {colours.accent}; }}
QLineEdit, QPlainTextEdit {{
    min-height: {TOUCH_TARGET_PX}px; padding: 4px 8px; background: {colours.surface};
    border: {border}px solid {colours.border}; border-radius: 4px;
}}
QLineEdit:read-only, QPlainTextEdit[readOnly="true"] {{
    background: transparent; border-color: transparent;
}}
QListView, QTableView, QTreeView {{
    background: {colours.surface}; border: {border}px solid {colours.border};
}}
QScrollBar:vertical {{ width: 24px; }}
QScrollBar:horizontal {{ height: 24px; }}
QLabel[role="muted"] {{ color: {colours.muted}; }}
QLabel[role="heading"] {{ font-size: 16pt; font-weight: 700; }}
QLabel[role="error"] {{ color: {colours.error}; font-weight: 700; }}
QLabel[role="warning"] {{ color: {colours.warning}; font-weight: 700; }}
QLabel[role="ok"] {{ color: {colours.synced}; font-weight: 700; }}
QStatusBar[offline="true"] {{
    background: {colours.offline_bar}; border-top: {border + 2}px solid {colours.offline};
}}
QFrame[role="card"] {{
    background: {colours.surface}; border: {border}px solid {colours.border}; border-radius: 8px;
}}
"""


def apply_theme(app: QApplication, *, high_contrast: bool) -> Colours:
    """Set the palette, base font and style sheet on the whole application."""
    colours = colours_for(high_contrast)
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(colours.window))
    palette.setColor(QPalette.ColorRole.Base, QColor(colours.surface))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor(colours.window))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colours.text))
    palette.setColor(QPalette.ColorRole.Text, QColor(colours.text))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(colours.text))
    palette.setColor(QPalette.ColorRole.Button, QColor(colours.surface))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(colours.accent))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor(colours.accent_text))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(colours.muted))
    app.setPalette(palette)
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE)
    app.setFont(font)
    app.setStyleSheet(style_sheet(colours, high_contrast))
    app.setProperty("wb_high_contrast", high_contrast)
    return colours


def repolish(widget: QWidget) -> None:
    """Qt reads style-sheet selectors (``[role=…]``, ``:read-only``) only when it polishes a
    widget, so a widget whose property or state changed must be polished again."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def set_flag(widget: QWidget, name: str, on: bool) -> None:
    """Set a boolean style-sheet property (``[offline="true"]``…) and show the change."""
    if bool(widget.property(name)) != on:
        widget.setProperty(name, on)
        repolish(widget)


def set_role(widget: QWidget, role: str) -> None:
    """Change a widget's style-sheet role (``error``, ``ok``, ``muted``…) and show it."""
    if widget.property("role") != role:
        widget.setProperty("role", role)
        repolish(widget)
