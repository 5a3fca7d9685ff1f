"""The main window: one tab per working area, status bar, File menu."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QTabWidget

from union_desk.domain.townships import township_by_code
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
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        for cls in tab_classes():
            tab = cls(ops, self)
            self.tabs.addTab(tab, tab.title())
        self.setCentralWidget(self.tabs)
        self._build_menu()
        self._build_status()
        from union_desk.views.exchange.install import install_exchange

        self.exchange = install_exchange(self, ops, self.file_menu)

    def _build_menu(self) -> None:
        menu = self.file_menu = self.menuBar().addMenu(self.tr("&File"))
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
        ctx = self.ops.db.context
        town = township_by_code(ctx.township).name if ctx.township else \
            (self.tr("city office") if ctx.city else "—")
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
        db = self.ops.db
        self.ops.read(lambda _s: db.backup(dest), parent=self) \
            .success(lambda p: self.inform(self.tr("Backup saved to {0}").format(p))).run()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.ops.wait()
        super().closeEvent(event)
