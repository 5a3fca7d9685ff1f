"""File ▸ Restore a backup…: the backups with date, size and record counts; restoring first says
what the backup lacks against the current file (counts per area)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QMessageBox,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)

from union_desk.services.backups.restore import changes_since, missing_text
from union_desk.services.backups.store import backups_folder, list_backups, size_text
from union_desk.views.ops import Ops


class RestoreDialog(QDialog):
    """exec() returns Accepted with `chosen` set to the backup the clerk confirmed."""

    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore a backup"))
        self.resize(820, 420)
        self.folder_label = QLabel(self)
        self.folder_label.setObjectName("backupFolderLabel")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("backupTable")
        self.table.setHorizontalHeaderLabels([self.tr("Taken at"), self.tr("Size"),
                                              self.tr("Records")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = buttons.addButton(self.tr("Restore this backup…"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(lambda _c=False: self._on_restore_clicked())
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.table)
        layout.addWidget(QLabel(self.tr(
            "A backup is taken automatically at most once an hour while the window is open and "
            "when it closes, and verified before it counts. Restoring first keeps a copy of the "
            "current file beside it; nothing is deleted.")))
        layout.addWidget(buttons)
        self.backups = []
        self.chosen: Path | None = None
        self.reload()

    def reload(self) -> None:
        path = self.ops.file_path
        self.ops.read(lambda _s: list_backups(path), parent=self) \
            .success(lambda items: self._show(items)).run()

    def _show(self, items) -> None:
        self.backups = items
        total = sum(b.size for b in items)
        self.folder_label.setText(self.tr("Backups folder: {0} ({1} backups, {2} in all)").format(
            str(backups_folder(self.ops.file_path)), len(items), size_text(total)))
        self.table.setRowCount(len(items))
        for row, b in enumerate(items):
            for col, text in enumerate((b.when_text(), size_text(b.size), b.counts_text())):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        if items:
            self.table.selectRow(0)
        self.restore_button.setEnabled(bool(items))

    # -- dialogs (methods, so tests can replace them) -----------------------------------------
    def confirm(self, text: str) -> bool:
        return QMessageBox.question(self, self.windowTitle(), text) == \
            QMessageBox.StandardButton.Yes

    # -- slots --------------------------------------------------------------------------------
    def _on_restore_clicked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        backup = self.backups[rows[0].row()]
        current = self.ops.file_path
        self.ops.read(lambda _s: changes_since(current, backup.path), parent=self) \
            .success(lambda missing: self._on_compared(backup, missing)).run()

    def _on_compared(self, backup, missing: dict) -> None:
        when = backup.when_text()
        text = self.tr("Restore the backup of {0}?\n\n{1}\n\nThe current file is first copied "
                       "aside (never deleted); the window then reopens on the restored data.") \
            .format(when, missing_text(missing))
        if self.confirm(text):
            self.chosen = backup.path
            self.accept()
