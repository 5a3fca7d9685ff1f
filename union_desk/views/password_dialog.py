"""The server's password, asked in the window when libpq found none (no password file, no
service entry): typed, handed to the connection, kept in memory while the window is open — never
written to a file, a setting or the log. A password file or service file spares the question."""
from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QVBoxLayout)


class PasswordDialog(QDialog):
    def __init__(self, database: str, user: str, *, refused: bool = False, parent=None):
        super().__init__(parent)
        self.setObjectName("passwordDialog")
        self.setWindowTitle(self.tr("Database server password"))
        intro = QLabel(self.tr("The database server asks for the password of {0}:\n{1}")
                       .format(user or self.tr("this account"), database), self)
        intro.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setObjectName("passwordEdit")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(self.tr("Wrong password, or this account may not use the database. "
                                    "Try again.") if refused else "", self)
        self.error.setObjectName("passwordError")
        self.error.setStyleSheet("color: #b00020")
        hint = QLabel(self.tr("It is used for this window only and saved nowhere. To be asked no "
                              "more, put it in a password file (PGPASSFILE) or a service file: "
                              "see the README."), self)
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.error):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def value(self) -> str:
        return self.password.text()
