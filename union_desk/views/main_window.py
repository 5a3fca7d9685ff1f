"""The main window: one tab per working area, status bar, File menu."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QTabWidget

from union_desk.services.database_file import Workplace, save_backup, workplace
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
        self.workplace: Workplace | None = None
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        for cls in tab_classes():
            tab = cls(ops, self)
            self.tabs.addTab(tab, tab.title())
        self.setCentralWidget(self.tabs)
        for keys, step in (("Ctrl+Tab", 1), ("Ctrl+PgDown", 1), ("Ctrl+Shift+Tab", -1),
                           ("Ctrl+Backtab", -1), ("Ctrl+PgUp", -1)):
            QShortcut(QKeySequence(keys), self, lambda step=step: self.switch_tab(step))
        self._build_menu()
        self._build_status()
        self.auto_backup = AutoBackup(ops, self)
        self.auto_backup.notice.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        from union_desk.views.exchange.install import install_exchange

        self.exchange = install_exchange(self, ops, self.file_menu)
        from union_desk.views.help_menu import HelpActions
        from union_desk.views.overview_links import open_link
        from union_desk.views.window_state import place_window, restore_layout

        self.help = HelpActions(self)
        self.help.install()  # after the city's tabs: 转到 lists them all
        for i in range(self.tabs.count()):
            tab = self.tabs.widget(i)
            if hasattr(tab, "link_activated"):  # the overview: the list behind a figure or bar
                tab.link_activated.connect(lambda link: open_link(self, link))
        place_window(self)  # within the screen (maximised on a small one), or as last left
        restore_layout(self)
    def _build_menu(self) -> None:
        menu = self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        open_action = QAction(self.tr("&Open database…"), self)
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self._on_open_triggered)
        backup_action = QAction(self.tr("Save a &backup copy…"), self)
        backup_action.setObjectName("backupAction")
        backup_action.triggered.connect(self._on_backup_triggered)
        self.backup_action = backup_action  # enabled once the workplace shows a file (not a server)
        backup_action.setEnabled(False)
        restore_action = QAction(self.tr("&Restore a backup…"), self)
        restore_action.setObjectName("restoreAction")
        restore_action.triggered.connect(self._on_restore_triggered)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (open_action, backup_action, restore_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(quit_action)
        self.settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        self.settings_menu.setObjectName("settingsMenu")
        backup_settings = self.settings_menu.addAction(self.tr("&Backups…"))
        backup_settings.setObjectName("backupSettingsAction")
        backup_settings.triggered.connect(self._on_backup_settings_triggered)

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
        self.backup_action.setEnabled(not place.is_server)  # a server's backups are pg_dump's
        self.status_label.setText(self.tr("Township: {0}   Clerk: {1}   Database: {2}").format(
            place.township_name or (self.tr("city office") if place.is_city else "—"),
            place.clerk or "—", str(place.database)))

    def switch_tab(self, step: int) -> None:
        """Ctrl+Tab / Ctrl+PgDn: the next working tab; with Shift / Ctrl+PgUp the one before."""
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        # a line edit with the focus claims Ctrl+PgDn/PgUp before the shortcut sees them, then
        # leaves them unused: they arrive here
        if event.modifiers() == Qt.KeyboardModifier.ControlModifier and event.key() in (
                Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self.switch_tab(1 if event.key() == Qt.Key.Key_PageDown else -1)
            return
        super().keyPressEvent(event)

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

    def _on_restore_triggered(self) -> None:
        from union_desk.views.backups.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.ops, self)
        if dialog.exec() and dialog.chosen is not None:
            self.restore_requested.emit(dialog.chosen)

    def _on_backup_settings_triggered(self) -> None:
        from union_desk.views.settings_dialog import SettingsDialog

        SettingsDialog(self.ops, self).exec()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        from union_desk.views.window_state import save_window

        save_window(self)
        self.ops.wait()
        super().closeEvent(event)
