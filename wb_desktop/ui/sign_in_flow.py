"""Asking the technician to sign in: at start-up, when the profile has no sign-in the
server accepts, and again while running, when the server stops accepting the saved one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from wb_desktop.app.connection import ServerLink, SignInCall, sign_in_call
from wb_desktop.app.saved_sign_in import SavedSignIn, save_sign_in
from wb_desktop.app.sync_service import SyncService
from wb_desktop.core.domain.clock import Clock
from wb_desktop.core.paths import ProfilePaths
from wb_desktop.core.sync.protocol_client import SignIn
from wb_desktop.ui.sign_in_dialog import SignInDialog


def ask_with_dialog(
    url: str, call: SignInCall, email: str, may_work_offline: bool
) -> tuple[SignIn, str] | bool | None:
    """The start-up question (see :data:`~wb_desktop.app.connection.AskSignIn`)."""
    dialog = SignInDialog(url, call, email=email, allow_offline=may_work_offline)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    if dialog.work_offline:
        return False
    assert dialog.signed_in is not None and dialog.password is not None
    return dialog.signed_in, dialog.password


class SignInAgain(QObject):
    """The saved sign-in expired: ask, keep the new token for the next start, and hand it
    to the sync worker. Only the profile's own technician may sign in to it. A child of the
    window, which keeps it while the window's button can ask."""

    def __init__(
        self,
        link: ServerLink,
        paths: ProfilePaths,
        service: SyncService,
        clock: Clock,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._link = link
        self._paths = paths
        self._service = service
        self._clock = clock
        self._window = parent

    def ask(self) -> None:
        link = self._link
        email = link.technician.email if link.technician else link.email
        dialog = SignInDialog(link.url, sign_in_call(link.url), email=email, parent=self._window)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.signed_in is None:
            return
        signed_in = dialog.signed_in
        if link.technician is not None and signed_in.technician_id != link.technician.id:
            QMessageBox.warning(
                self._window,
                QCoreApplication.translate("MainWindow", "Another technician"),
                QCoreApplication.translate(
                    "MainWindow", "This profile belongs to %1; sign in as them."
                ).replace("%1", link.technician.display_name),
            )
            return
        save_sign_in(
            self._paths,
            SavedSignIn(link.server_key, signed_in.email, signed_in.token, self._clock.now()),
        )
        self._service.use_credentials(signed_in.email, dialog.password, signed_in.token)
