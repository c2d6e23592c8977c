"""Signing in to a real server: email and password, checked off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wb_desktop.app.op_runner import OpRunner
from wb_desktop.core.domain.errors import WorkBossError
from wb_desktop.core.sync.errors import SyncProblem
from wb_desktop.core.sync.protocol_client import ServerRefusedError, SignIn
from wb_desktop.core.sync.transport import TransportError
from wb_desktop.ui.messages import translated, user_message
from wb_desktop.ui.theme import TOUCH_TARGET_PX

SignInCall = Callable[[str, str], SignIn]  # (email, password) -> SignIn; may raise


EXPECTED_FAILURES = (ServerRefusedError, TransportError, SyncProblem, WorkBossError)


def _t(text: str) -> str:
    return QCoreApplication.translate("SignInDialog", text)


def explain_sign_in_failure(error: Exception, server_url: str) -> str:
    if isinstance(error, ServerRefusedError) and error.status in (401, 403):
        return _t("The email or password is not right. Check them and try again.")
    if isinstance(error, TransportError):
        return _t("Cannot reach the server at %1. Check the connection.").replace("%1", server_url)
    if isinstance(error, ServerRefusedError):
        return _t("The server refused the sign-in: %1").replace("%1", error.reason)
    if isinstance(error, SyncProblem):
        return _t("Sign-in failed: %1").replace("%1", translated(error.reason))
    if isinstance(error, WorkBossError):
        return _t("Sign-in failed: %1").replace("%1", user_message(error))
    return _t("Sign-in failed: %1").replace("%1", str(error))


class SignInDialog(QDialog):
    """Accepted once the server has said yes; :attr:`signed_in` and :attr:`password` hold
    the answer (the password only for this run's token renewals, never saved)."""

    def __init__(
        self,
        server_url: str,
        sign_in: SignInCall,
        *,
        email: str = "",
        allow_offline: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in — WorkBoss Desktop"))
        self.setMinimumWidth(520)
        self._server_url = server_url
        self._sign_in = sign_in
        self._runner = OpRunner(parent=self)  # the cache may not be open yet: calls only
        self.signed_in: SignIn | None = None
        self.password: str | None = None
        self.work_offline = False

        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Sign in to %1 to sync your jobs.").replace("%1", server_url), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.email_edit = QLineEdit(email, self)
        self.email_edit.setPlaceholderText(self.tr("name@company.se"))
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Email"), self.email_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.offline_button = QPushButton(self.tr("Work offline"), self)
        self.offline_button.setVisible(allow_offline)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.sign_in_button = QPushButton(self.tr("Sign in"), self)
        self.sign_in_button.setProperty("primary", True)
        self.sign_in_button.setDefault(True)
        for button in (self.offline_button, self.cancel_button, self.sign_in_button):
            button.setMinimumSize(TOUCH_TARGET_PX * 3, TOUCH_TARGET_PX)
        buttons.addWidget(self.offline_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.sign_in_button)
        layout.addLayout(buttons)
        self.sign_in_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self.offline_button.clicked.connect(self._offline)
        (self.password_edit if email else self.email_edit).setFocus()

    def submit(self) -> None:
        email, password = self.email_edit.text().strip(), self.password_edit.text()
        if not email or not password:
            self._show(self.tr("Enter your email and password."))
            return
        self._busy(True)
        call = self._sign_in

        def attempt() -> tuple[SignIn, str] | Exception:
            try:
                return call(email, password), password
            except EXPECTED_FAILURES as error:  # said in words; the dialog stays open
                return error

        # Anything unforeseen is logged by the runner and said in words all the same.
        self._runner.call(attempt, self._finished, self._finished)

    def _finished(self, outcome: object) -> None:
        self._busy(False)
        if isinstance(outcome, Exception):
            self._show(explain_sign_in_failure(outcome, self._server_url))
            return
        assert isinstance(outcome, tuple)
        self.signed_in, self.password = outcome
        self.accept()

    def _offline(self) -> None:
        self.work_offline = True
        self.accept()

    def _busy(self, busy: bool) -> None:
        self.sign_in_button.setEnabled(not busy)
        self.sign_in_button.setText(self.tr("Signing in…") if busy else self.tr("Sign in"))
        if busy:
            self.message.hide()

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
