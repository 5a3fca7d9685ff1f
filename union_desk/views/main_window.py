"""The main window: one tab per working area, status bar, File menu.

Start-up (issue 13): a tab's panel, and the modules behind it, are made the first time the tab
is shown (views/lazy_tabs.py). The window is made in two steps, so that its frame can be shown
before the database is open (app.Session.open_fast): `MainWindow.frame(...)` — title, tabs by
name, File and Settings menus, status bar, placed as the clerk left it — and `attach(ops)`,
which gives it the open database: the panels, the rest of the menus, the automatic backup.
`MainWindow(ops)` does both at once.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from union_desk.views.lazy_tabs import LazyTabWidget
from union_desk.views.tab_titles import tab_title

# The working tabs, in order: objectName, then where the panel's class is (imported when the
# tab is first shown). Each class takes (ops, parent) and has a `title()`.
TABS = (("rosterTab", "union_desk.views.roster.tab", "RosterTab"),
        ("hardshipTab", "union_desk.views.hardship.tab", "HardshipTab"),
        ("tripsTab", "union_desk.views.trips.tab", "TripsTab"),
        ("stationsTab", "union_desk.views.stations.tab", "StationsTab"),
        ("overviewTab", "union_desk.views.overview_tab", "OverviewTab"))


def tab_class(name: str) -> type:
    """The panel class of the working tab named `name` (imports its module)."""
    import importlib

    _name, module, cls = next(t for t in TABS if t[0] == name)
    return getattr(importlib.import_module(module), cls)


def tab_classes() -> list[type]:
    """The working tabs' classes, in order (imports every tab's module)."""
    return [tab_class(name) for name, _m, _c in TABS]


class MainWindow(QMainWindow):
    open_requested = Signal(Path)
    restore_requested = Signal(Path)  # a backup to put in place of the open file (app.Session)

    def __init__(self, ops=None, *, city: bool = False, first_page: list | None = None):
        """`MainWindow(ops)`: the whole window. `ops=None`: the frame only (see `frame`)."""
        super().__init__()
        self.ops = None
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("union_desk — township union workbench"))
        self.workplace = None  # services.database_file.Workplace, once read
        self.first_page = None  # views/roster/first_page.FirstPageView until the roster is in
        self.tabs = LazyTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.held = True  # no panel before the database is open
        city = ops.context.city if ops is not None else city
        for name, _module, _cls in TABS:
            self.tabs.add_lazy(lambda name=name: self._make_tab(name), name,
                               tab_title(name, city=city))
        if first_page is not None:
            from union_desk.views.roster.first_page import FirstPageView

            self.first_page = FirstPageView(first_page, self)
            QVBoxLayout(self.tabs.placeholder(0)).setContentsMargins(0, 0, 0, 0)
            self.tabs.placeholder(0).layout().addWidget(self.first_page)
        self.setCentralWidget(self.tabs)
        for keys, step in (("Ctrl+Tab", 1), ("Ctrl+PgDown", 1), ("Ctrl+Shift+Tab", -1),
                           ("Ctrl+Backtab", -1), ("Ctrl+PgUp", -1)):
            QShortcut(QKeySequence(keys), self, lambda step=step: self.switch_tab(step))
        self._build_menu()
        self.menuBar().setEnabled(ops is not None)  # the menus act on the open database
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        self.statusBar().addWidget(self.status_label)
        from union_desk.views.window_state import place_window, restore_layout

        place_window(self)  # within the screen (maximised on a small one), or as last left
        restore_layout(self)
        self.tabs.built.connect(self._on_tabs_built)
        if ops is not None:
            self.attach(ops)

    @classmethod
    def frame(cls, *, city: bool, first_page: list) -> "MainWindow":
        """The window before the database is open: the tabs by name, the roster's first page
        (`first_page.FirstPageMember`s, masked) in the first, menus that need no database."""
        return cls(None, city=city, first_page=first_page)

    def attach(self, ops) -> None:
        """The open database: the shown tab's panel (the roster's takes over from the first
        page once its own first page is in), the status bar, the city's or the township's
        exchange menus and tabs, 转到 and 帮助, the automatic backup."""
        from union_desk.views.backups.auto import AutoBackup

        self.ops = ops
        self.menuBar().setEnabled(True)
        if self.first_page is not None:
            self._take_over_first_page()
        else:
            self.tabs.release()
        self.refresh_workplace()
        self.auto_backup = AutoBackup(ops, self)
        self.auto_backup.notice.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        from union_desk.views.exchange.install import install_exchange

        self.exchange = install_exchange(self, ops, self.file_menu)
        from union_desk.views.help_menu import HelpActions

        self.help = HelpActions(self)
        self.help.install()  # after the city's tabs: 转到 lists them all

    def _make_tab(self, name: str) -> QWidget:
        from union_desk.views.window_state import restore_layout

        panel = tab_class(name)(self.ops, self)
        restore_layout(panel)  # its splitters and lists as the clerk left them, before it shows
        return panel

    def _take_over_first_page(self) -> None:
        """The roster panel replaces the first page when its own first page has arrived (the
        same rows: no blank list in between); asked for sooner, it is put in place at once."""
        roster = self._make_tab("rosterTab")
        placeholder = self.tabs.placeholder(0)
        placeholder.make = lambda: roster
        self.tabs.held = False
        if self.tabs.currentIndex() != 0:  # the clerk chose another tab meanwhile: build it
            self.tabs.widget(self.tabs.currentIndex())

        def arrived(*_args) -> None:
            for signal in (roster.model.loaded, roster.model.failed):
                signal.disconnect(arrived)
            if self.tabs.placeholder(0) is placeholder:
                self.tabs.put(0, roster)
            self.first_page = None

        roster.model.loaded.connect(arrived)
        roster.model.failed.connect(arrived)  # (the roster shows why)

    def _on_tabs_built(self, panel: QWidget) -> None:
        if hasattr(panel, "link_activated"):  # the overview: the list behind a figure or bar
            from union_desk.views.overview_links import open_link

            panel.link_activated.connect(lambda link: open_link(self, link))

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

    def refresh_workplace(self) -> None:
        """Show again who works here (after another account signed in)."""
        from union_desk.services.database_file import workplace

        self.ops.read(workplace).success(self._show_workplace).run()

    def _show_workplace(self, place) -> None:
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
        from union_desk.services.database_file import save_backup

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
        if self.ops is not None:
            self.ops.wait()
        super().closeEvent(event)
