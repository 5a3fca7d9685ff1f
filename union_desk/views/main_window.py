"""The main window: one tab per working area, status bar, File menu."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QTabWidget

from union_desk.domain.townships import township_by_code
from union_desk.services.backups.store import verified_snapshot
from union_desk.views.backups.auto import AutoBackup
from union_desk.views.ops import Ops


def tab_classes() -> list[type]:
    """The working tabs, in order. Each takes (ops, parent) and has a `title()`."""
    from union_desk.views.roster.tab import RosterTab
    from union_desk.views.hardship.tab import HardshipTab
    from union_desk.views.stations.tab import StationsTab
    from union_desk.views.overview_tab import OverviewTab
    from union_desk.views.trips.tab import TripsTab

    return [RosterTab, HardshipTab, TripsTab, StationsTab, OverviewTab]


class MainWindow(QMainWindow):
    open_requested = Signal(Path)
    restore_requested = Signal(Path)  # a backup to put in place of the open file (app.Session)

    def __init__(self, ops: Ops):
        super().__init__()
        self.ops = ops
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("union_desk — township union workbench"))
        self.resize(1280, 800)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        for cls in tab_classes():
            tab = cls(ops, self)
            self.tabs.addTab(tab, tab.title())
        self.setCentralWidget(self.tabs)
        self._build_menu()
        self._build_status()
        self.auto_backup = AutoBackup(ops, self)
        self.auto_backup.notice.connect(lambda text: self.statusBar().showMessage(text, 15_000))

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        open_action = QAction(self.tr("Open database…"), self)
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self._on_open_triggered)
        backup_action = QAction(self.tr("Save a backup copy…"), self)
        backup_action.setObjectName("backupAction")
        backup_action.triggered.connect(self._on_backup_triggered)
        restore_action = QAction(self.tr("Restore a backup…"), self)
        restore_action.setObjectName("restoreAction")
        restore_action.triggered.connect(self._on_restore_triggered)
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (open_action, backup_action, restore_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(quit_action)
        self.settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        self.settings_menu.setObjectName("settingsMenu")
        backup_settings = self.settings_menu.addAction(self.tr("Backups…"))
        backup_settings.setObjectName("backupSettingsAction")
        backup_settings.triggered.connect(self._on_backup_settings_triggered)

    def _build_status(self) -> None:
        ctx = self.ops.db.context
        town = township_by_code(ctx.township).name if ctx.township else "—"
        self.status_label = QLabel(
            self.tr("Township: {0}   Clerk: {1}   Database: {2}").format(
                town, ctx.clerk or "—", str(self.ops.db.path)))
        self.status_label.setObjectName("statusLabel")
        self.statusBar().addWidget(self.status_label)

    # -- dialogs (methods, so tests can replace them) -----------------------------------------
    def ask_open_path(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open database"), "",
                                              self.tr("Database (*.sqlite3 *.db);;All files (*)"))
        return Path(path) if path else None

    def ask_backup_path(self) -> Path | None:
        default = str(self.ops.db.path.with_name(self.ops.db.path.stem + "-backup.sqlite3"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save a backup copy"), default,
                                              self.tr("Database (*.sqlite3)"))
        return Path(path) if path else None

    def inform(self, text: str) -> None:
        QMessageBox.information(self, self.windowTitle(), text)

    # -- slots ----------------------------------------------------------------------------------
    def _on_open_triggered(self) -> None:
        path = self.ask_open_path()
        if path is not None:
            self.open_requested.emit(path)

    def _on_backup_triggered(self) -> None:
        dest = self.ask_backup_path()
        if dest is None:
            return
        source = self.ops.db.path
        self.ops.read(lambda _s: verified_snapshot(source, dest), parent=self) \
            .success(lambda _counts: self.inform(self.tr("Backup saved to {0}").format(dest))).run()

    def _on_restore_triggered(self) -> None:
        from union_desk.views.backups.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.ops, self)
        if dialog.exec() and dialog.chosen is not None:
            self.restore_requested.emit(dialog.chosen)

    def _on_backup_settings_triggered(self) -> None:
        from union_desk.views.settings_dialog import SettingsDialog

        SettingsDialog(self.ops, self).exec()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.ops.wait()
        super().closeEvent(event)
