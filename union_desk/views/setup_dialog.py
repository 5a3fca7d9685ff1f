"""First run: which township this installation belongs to, and the clerk's name."""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QVBoxLayout)

from union_desk.domain.townships import TOWNSHIPS


class SetupDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("setupDialog")
        self.setWindowTitle(self.tr("First run"))
        self.township = QComboBox(self)
        self.township.setObjectName("townshipCombo")
        for town in TOWNSHIPS:
            self.township.addItem(town.name, town.code)
        # none chosen for the clerk: a township cannot be changed later, so no default
        self.township.setPlaceholderText(self.tr("Choose your township"))
        self.township.setCurrentIndex(-1)
        self.clerk = QLineEdit(self)
        self.clerk.setObjectName("clerkEdit")
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow(self.tr("Township"), self.township)
        form.addRow(self.tr("Clerk's name"), self.clerk)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("This database belongs to one township. "
                                        "Choose it once; it cannot be changed later.")))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.township.currentIndex() < 0:
            self.show_error(self.tr("Choose your township first: it cannot be changed later."))
            self.township.setFocus()
            return
        super().accept()

    def values(self) -> tuple[str, str]:
        return self.township.currentData(), self.clerk.text()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
