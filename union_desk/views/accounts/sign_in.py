"""Who is working: the sign-in form (name and password) of the start-up dialog and of the lock
screen."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QPushButton, QVBoxLayout, QWidget)


class SignInForm(QWidget):
    """Name (from the active accounts), password, a message line and a Sign-in button."""

    submitted = Signal(str, str)  # name, password

    def __init__(self, names: list[str], current: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.name = QComboBox(self)
        self.name.setObjectName("signInName")
        self.set_names(names, current)
        self.password = QLineEdit(self)
        self.password.setObjectName("signInPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self._on_submit)
        self.error = QLabel(self)
        self.error.setObjectName("signInError")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.button = QPushButton(self.tr("Sign in"), self)
        self.button.setObjectName("signInButton")
        self.button.setDefault(True)
        self.button.clicked.connect(lambda _checked=False: self._on_submit())
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Password"), self.password)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)

    def set_names(self, names: list[str], current: str = "") -> None:
        self.name.clear()
        self.name.addItems(names)
        if current in names:
            self.name.setCurrentIndex(names.index(current))

    def values(self) -> tuple[str, str]:
        return self.name.currentText(), self.password.text()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.password.clear()
        self.password.setFocus()
        self.button.setEnabled(True)

    def _on_submit(self) -> None:
        self.error.clear()
        self.button.setEnabled(False)  # until the check comes back
        self.submitted.emit(*self.values())


class SignInDialog(QDialog):
    """At start-up, when the installation has two or more accounts: who is working?"""

    def __init__(self, names: list[str], township: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Who is working?"))
        self.form = SignInForm(names, parent=self)
        self.form.submitted.connect(lambda _name, _password: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if township:
            layout.addWidget(QLabel(township, self))
        layout.addWidget(self.form)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, str]:
        return self.form.values()

    def show_error(self, text: str) -> None:
        self.form.show_error(text)
