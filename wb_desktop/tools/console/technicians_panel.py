"""Several technicians: open another technician's window beside this one, against the same
server, to watch an office change reach one tablet and not the other."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.core.domain.errors import WorkBossError
from wb_desktop.tools.console.context import ConsoleContext
from wb_desktop.tools.console.technicians import demo_technician, demo_technicians
from wb_desktop.ui.job_sections import card
from wb_desktop.ui.messages import user_message
from wb_desktop.ui.sign_in_dialog import explain_sign_in_failure
from wb_desktop.ui.theme import TOUCH_TARGET_PX, set_role

OpenTechnician = Callable[[str, str], object]


class TechniciansPanel(QWidget):
    windowOpened = Signal(str)  # the email signed in

    def __init__(
        self,
        context: ConsoleContext,
        open_technician: OpenTechnician,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._open = open_technician
        outer = QVBoxLayout(self)
        frame, layout = card(self.tr("Technicians side by side"), self)
        outer.addWidget(frame)
        outer.addStretch(1)
        intro = QLabel(
            self.tr(
                "Open another technician's window next to this one, signed in to the same "
                "server (%1). Each window has its own profile, cache and outbox."
            ).replace("%1", context.server_url),
            frame,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.email_combo = QComboBox(frame)
        self.email_combo.setEditable(True)
        self.email_combo.setMinimumHeight(TOUCH_TARGET_PX)
        for technician in demo_technicians():
            self.email_combo.addItem(
                f"{technician.display_name} <{technician.email}>", technician.email
            )
        self.password_edit = QLineEdit(frame)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setMinimumHeight(TOUCH_TARGET_PX)
        self.password_edit.setPlaceholderText(self.tr("Filled in for the demo accounts"))
        form.addRow(self.tr("Technician"), self.email_combo)
        form.addRow(self.tr("Password"), self.password_edit)
        layout.addLayout(form)
        self.open_button = QPushButton(self.tr("Open their window"), frame)
        self.open_button.setProperty("primary", True)
        self.open_button.setMinimumHeight(TOUCH_TARGET_PX)
        self.open_button.clicked.connect(self.open_selected)
        layout.addWidget(self.open_button)
        self.message_label = QLabel(frame)
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)
        self.email_combo.currentIndexChanged.connect(self._prefill)
        self._prefill()

    def selected_email(self) -> str:
        text = self.email_combo.currentText().strip()
        data = self.email_combo.currentData()
        if isinstance(data, str) and text == self.email_combo.itemText(
            self.email_combo.currentIndex()
        ):
            return data
        return text

    def _prefill(self) -> None:
        demo = demo_technician(self.selected_email())
        self.password_edit.setText(demo.password if demo is not None else "")

    def open_selected(self) -> None:
        email, password = self.selected_email(), self.password_edit.text()
        if "@" not in email or not password:
            self._say(self.tr("Type the technician's email and password."), "error")
            return
        if email == self._signed_in_email():
            text = self.tr("This window is already signed in as %1.").replace("%1", email)
            self._say(text, "error")
            return
        try:
            self._open(email, password)
        except WorkBossError as error:
            self._say(user_message(error), "error")
            return
        except Exception as error:  # a refused sign-in or an unreachable server, explained
            self._say(explain_sign_in_failure(error, self._context.server_url), "error")
            return
        self._say(self.tr("%1's window is open on the right.").replace("%1", email), "ok")
        self.windowOpened.emit(email)

    def _signed_in_email(self) -> str | None:
        for technician in demo_technicians():
            if technician.technician_id == self._context.technician_id:
                return technician.email
        return None

    def _say(self, text: str, role: str) -> None:
        self.message_label.setText(text)
        set_role(self.message_label, role)
