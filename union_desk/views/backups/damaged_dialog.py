"""A database file that cannot be read: the message, the newest verified backup (its date and
what it holds) to restore from, and salvage of the readable rows into a new file."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QFileDialog, QLabel,
                               QMessageBox, QVBoxLayout)

from union_desk.services.backups.restore import lost_if_restored, missing_text, restore_backup
from union_desk.services.backups.salvage import salvage
from union_desk.services.backups.store import list_backups
from union_desk.services.errors import UserError


class DamagedFileDialog(QDialog):
    """exec() returns Accepted when a backup was restored in place (the caller reopens)."""

    def __init__(self, path: Path, message: str, parent=None):
        super().__init__(parent)
        self.path = Path(path)
        self.setObjectName("damagedFileDialog")
        self.setWindowTitle(self.tr("The database file is damaged"))
        self.setMinimumWidth(640)
        self.newest = next((b for b in list_backups(self.path) if b.readable), None)
        text = QLabel(message, self)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        offer = QLabel(self)
        offer.setObjectName("backupOffer")
        offer.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.restore_button = buttons.addButton(self.tr("Restore the newest backup"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restoreNewestButton")
        self.restore_button.clicked.connect(lambda _c=False: self._on_restore_clicked())
        self.compare_button = buttons.addButton(self.tr("What would be lost?"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.compare_button.setObjectName("compareButton")
        self.compare_button.clicked.connect(lambda _c=False: self._on_compare_clicked())
        self.salvage_button = buttons.addButton(self.tr("Salvage readable records…"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.salvage_button.setObjectName("salvageButton")
        self.salvage_button.clicked.connect(lambda _c=False: self._on_salvage_clicked())
        self.offer = offer
        if self.newest is None:
            offer.setText(self.tr("No backup of this file was found."))
            self.restore_button.setEnabled(False)
            self.compare_button.setEnabled(False)
        else:
            offer.setText(self.tr(
                "Newest verified backup: {0}, {1} ({2}). Changes made after it will be missing. "
                "The damaged file is kept aside, never deleted.").format(
                self.newest.when_text(),
                self.newest.path.name, self.newest.counts_text()))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(offer)
        layout.addWidget(buttons)

    # -- dialogs (methods, so tests can replace them) -----------------------------------------
    def ask_salvage_path(self) -> Path | None:
        default = str(self.path.with_name(self.path.stem + "-salvaged.sqlite3"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save salvaged records as"), default,
                                              self.tr("Database (*.sqlite3)"))
        return Path(path) if path else None

    def inform(self, text: str) -> None:
        QMessageBox.information(self, self.windowTitle(), text)

    # -- slots --------------------------------------------------------------------------------
    def _on_restore_clicked(self) -> None:
        try:
            result = restore_backup(self.path, self.newest.path)
        except (UserError, OSError) as err:
            self.inform(str(err))
            return
        self.inform(self.tr("Restored from {0}. The damaged file was moved to {1}.").format(
            result.restored_from.name, str(result.set_aside)))
        self.accept()

    def _on_compare_clicked(self) -> None:
        """Read what can still be read and say what the backup lacks (takes a while)."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            lost = lost_if_restored(self.path, self.newest.path)
        finally:
            QApplication.restoreOverrideCursor()
        self.offer.setText(self.offer.text() + "\n" + missing_text(lost, damaged=True))
        self.compare_button.setEnabled(False)

    def _on_salvage_clicked(self) -> None:
        out = self.ask_salvage_path()
        if out is None:
            return
        if out.resolve() == self.path.resolve() or out.exists():
            self.inform(self.tr("Choose a new file name for the salvaged records."))
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = salvage(self.path, out)
        except (ValueError, OSError) as err:
            self.inform(self.tr("Nothing could be salvaged: {0}").format(str(err)))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.inform(self.tr(
            "{0} records were salvaged into the new file {1}. The damaged file was not changed. "
            "Open the new file (File ▸ Open database…) and check it before you use it.").format(
            report.total, str(out)))
