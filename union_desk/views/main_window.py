"""The main window: one tab per working area, status bar, File menu."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QTabWidget

from union_desk.services.database_file import Workplace, save_backup, workplace
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

    def __init__(self, ops: Ops):
        super().__init__()
        self.ops = ops
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("union_desk — township union workbench"))
        self.resize(1280, 800)
        self.workplace: Workplace | None = None
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        for cls in tab_classes():
            tab = cls(ops, self)
            self.tabs.addTab(tab, tab.title())
        self.setCentralWidget(self.tabs)
        self._build_menu()
        self._build_status()

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        open_action = QAction(self.tr("Open database…"), self)
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self._on_open_triggered)
        backup_action = QAction(self.tr("Save a backup copy…"), self)
        backup_action.setObjectName("backupAction")
        backup_action.triggered.connect(self._on_backup_triggered)
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (open_action, backup_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(quit_action)

    def _build_status(self) -> None:
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        self.statusBar().addWidget(self.status_label)
        self.refresh_workplace()

    def refresh_workplace(self) -> None:
        """Show again who works here (after another account signed in)."""
        self.ops.read(workplace).success(self._show_workplace).run()

    def _show_workplace(self, place: Workplace) -> None:
        self.workplace = place
        self.status_label.setText(self.tr("Township: {0}   Clerk: {1}   Database: {2}").format(
            place.township_name or "—", place.clerk or "—", str(place.database)))

    # -- dialogs (methods, so tests can replace them) -----------------------------------------
    def ask_open_path(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open database"), "",
                                              self.tr("Database (*.sqlite3 *.db);;All files (*)"))
        return Path(path) if path else None

    def ask_backup_path(self) -> Path | None:
        default = self.workplace.backup_name() if self.workplace else ""
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
        self.ops.read(lambda s: save_backup(s, dest=dest), parent=self) \
            .success(lambda p: self.inform(self.tr("Backup saved to {0}").format(p))).run()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.ops.wait()
        super().closeEvent(event)
