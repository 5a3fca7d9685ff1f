"""设置 ▸ Backups…: where the automatic backups go, the folder's size, and an optional second
folder (a USB stick, a network share) that each backup is also copied to when it is there."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QVBoxLayout)

from union_desk.services.changes import Change
from union_desk.services.backups.auto import second_folder, set_second_folder
from union_desk.services.backups.store import backups_folder, folder_size, size_text
from union_desk.views.ops import Ops, error_text
from union_desk.views.widgets import make_button


class SettingsDialog(QDialog):
    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Backup settings"))
        self.resize(640, 220)
        path = ops.file_path
        self.folder_label = QLabel(self)
        self.folder_label.setObjectName("backupFolderLabel")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.second = QLineEdit(self)
        self.second.setObjectName("secondFolderEdit")
        self.second.setPlaceholderText(self.tr("e.g. E:\\union backups (optional)"))
        row = QHBoxLayout()
        row.addWidget(self.second)
        row.addWidget(make_button(self, "browseFolderButton", self.tr("Browse…"),
                                  self._on_browse_clicked))
        self.error = QLabel(self)
        self.error.setObjectName("settingsError")
        self.error.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow(self.tr("Backups folder"), self.folder_label)
        form.addRow(self.tr("Second folder"), row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr(
            "Each automatic backup is also copied to the second folder when it is there; "
            "when it is not (the USB stick is not plugged in), the copy is skipped with a notice.")))
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        ops.read(lambda s: (second_folder(s), folder_size(path)), parent=self) \
            .success(lambda values: self._show(*values)).run()

    def _show(self, second, size: int) -> None:
        self.folder_label.setText(self.tr("{0} ({1})").format(
            str(backups_folder(self.ops.file_path)), size_text(size)))
        self.second.setText(str(second) if second else "")

    # -- dialogs (methods, so tests can replace them) -----------------------------------------
    def ask_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self, self.tr("Second backups folder"),
                                                self.second.text())

    # -- slots --------------------------------------------------------------------------------
    def _on_browse_clicked(self) -> None:
        folder = self.ask_folder()
        if folder:
            self.second.setText(folder)

    def _on_save_clicked(self) -> None:
        text = self.second.text()
        self.ops.write(lambda s: set_second_folder(s, folder=text), changes={Change.SETTINGS},
                       parent=self) \
            .success(lambda _r: self.accept()) \
            .failure(lambda err: self.error.setText(error_text(err))).run()
