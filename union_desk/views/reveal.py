"""Asking why full personal numbers are to be shown (services/accounts/reveals.py): the reason
goes into the audit entry of the reveal. One small dialog for every door that asks."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget


def ask_reveal_reason(parent: QWidget | None, what: str) -> str | None:
    """The reason typed, or None when the clerk cancelled or gave none."""
    text, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("reveal", "Show full numbers"),
        QCoreApplication.translate(
            "reveal", "{0}\nFull ID numbers and phones are personal information: every time "
                      "they are shown, the account and the reason go into the audit log.\n"
                      "Reason:").format(what), QLineEdit.EchoMode.Normal, "")
    text = " ".join(text.split())
    return text if ok and text else None
