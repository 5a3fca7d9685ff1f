"""转到 and 帮助 in the main window's menu bar: one entry per working tab (Ctrl+1…), the user
guide shipped in the package (F1, opens offline), the list of keyboard shortcuts (read from the
menus themselves, plus the keys every list shares), the version, and where the data, the
backups and the log are, each with a button that opens its folder."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QGridLayout, QHeaderView, QLabel,
                               QMainWindow, QMenu, QTextBrowser, QVBoxLayout, QWidget)

from union_desk.views.tables import list_table
from union_desk.views.widgets import make_button
from union_desk.views.window_state import fit_to_screen


def app_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("union-desk")
    except metadata.PackageNotFoundError:  # a pyinstaller bundle carries no metadata
        from union_desk import __version__

        return __version__


class HelpActions(QObject):  # a child of the window: for tr() and the dialogs
    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.setObjectName("helpActions")
        self.window = window
        self.dialog: QDialog | None = None  # the one opened last (tests read it)

    def install(self) -> None:
        go = self.window.menuBar().addMenu(self.tr("&Go"))
        go.setObjectName("goMenu")
        tabs = self.window.tabs
        for i in range(tabs.count()):
            action = go.addAction(f"&{i + 1} {tabs.tabText(i).replace('&', '&&')}")
            action.setObjectName(f"goTab{i + 1}")
            if i < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _c=False, i=i: tabs.setCurrentIndex(i))
        menu = self.window.menuBar().addMenu(self.tr("&Help"))
        menu.setObjectName("helpMenu")
        self.menu = menu
        for name, text, keys, slot in (
                ("guideAction", self.tr("&User guide"), QKeySequence.StandardKey.HelpContents,
                 self.show_guide),
                ("shortcutsAction", self.tr("&Keyboard shortcuts"), None, self.show_shortcuts),
                ("whereAction", self.tr("&Where the data and backups are"), None,
                 self.show_where),
                ("aboutAction", self.tr("&About union_desk"), None, self.show_about)):
            action = QAction(text, self.window)
            action.setObjectName(name)
            if keys is not None:
                action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _c=False, slot=slot: slot())
            menu.addAction(action)

    # -- the dialogs -----------------------------------------------------------------------------
    def _dialog(self, name: str, title: str, body: QWidget | None = None) -> QDialog:
        dialog = QDialog(self.window)
        dialog.setObjectName(name)
        dialog.setWindowTitle(title)
        layout = QVBoxLayout(dialog)
        if body is not None:
            body.setParent(dialog)
            layout.addWidget(body, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        self.dialog = dialog
        dialog.open()
        return dialog

    def show_guide(self) -> QDialog:
        from union_desk.guide import guide_text

        browser = QTextBrowser()
        browser.setObjectName("guideText")
        browser.setOpenExternalLinks(True)
        browser.setMarkdown(guide_text())
        dialog = self._dialog("guideDialog", self.tr("User guide"), browser)
        fit_to_screen(dialog, 760, 640)
        return dialog

    def shortcuts(self) -> list[tuple[str, str]]:
        """(keys, what) for every menu entry with a shortcut, then the keys of the lists."""
        found = []
        for menu in self.window.menuBar().findChildren(QMenu):
            for action in menu.actions():
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                if keys and action.isVisible():
                    found.append((keys, f"{menu.title()} ▸ {action.text()}".replace("&", "")))
        found += [
            ("Ctrl+Tab / Ctrl+PgDown", self.tr("Next tab")),
            ("Ctrl+Shift+Tab / Ctrl+PgUp", self.tr("Previous tab")),
            ("Ctrl+F", self.tr("Search in the list")),
            ("↓", self.tr("From the search box into the list")),
            ("Enter", self.tr("Open the chosen record")),
            ("Esc", self.tr("Clear the search; close a dialog (asks before losing changes)")),
            ("Ctrl+N", self.tr("New record")),
            ("Ctrl+P", self.tr("Print (in the overview: the year report)")),
            ("Ctrl++ / Ctrl+- / Ctrl+0", self.tr("Zoom the print preview")),
            ("Tab, ← →, Enter", self.tr("Overview charts: choose a bar, open the list behind it")),
            ("Alt+" + self.tr("letter"), self.tr("Open a menu or press a button by its underlined letter")),
        ]
        return list(dict.fromkeys(found))

    def show_shortcuts(self) -> QDialog:
        rows = self.shortcuts()
        table = list_table(self.window, "shortcutsTable", [self.tr("Keys"), self.tr("Does")],
                           rows=len(rows))
        from PySide6.QtWidgets import QTableWidgetItem

        for r, (keys, what) in enumerate(rows):
            table.setItem(r, 0, QTableWidgetItem(keys))
            table.setItem(r, 1, QTableWidgetItem(what))
        table.resizeColumnToContents(0)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        dialog = self._dialog("shortcutsDialog", self.tr("Keyboard shortcuts"), table)
        fit_to_screen(dialog, 640, 520)
        return dialog

    def places(self) -> list[tuple[str, Path | None]]:
        """(what, path) shown by 数据和备份的位置: a server database has no file here."""
        from union_desk import logs
        from union_desk.services.backups.store import backups_folder

        db = self.window.ops.file_path
        return [(self.tr("Database file"), db),
                (self.tr("Automatic backups"), backups_folder(db) if db else None),
                (self.tr("Log file"), logs.log_path())]

    def show_where(self) -> QDialog:
        body = QWidget()
        grid = QGridLayout(body)
        for row, (what, path) in enumerate(self.places()):
            grid.addWidget(QLabel(what, body), row, 0)
            text = QLabel(str(path) if path else self.tr("on the database server (backed up "
                                                           "there with pg_dump)"), body)
            text.setObjectName(f"wherePath{row}")
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(text, row, 1)
            if path is not None:
                folder = path if path.is_dir() or not path.suffix else path.parent
                button = make_button(body, f"openFolder{row}", self.tr("&Open folder"),
                                     lambda folder=folder: self.open_folder(folder))
                grid.addWidget(button, row, 2)
        grid.setColumnStretch(1, 1)
        note = QLabel(self.tr("Backups are made while the window is open (at most hourly, after "
                              "a change) and when it closes; File ▸ Restore a backup… goes back "
                              "to one. Settings ▸ Backups… adds a second folder (a USB stick)."),
                      body)
        note.setWordWrap(True)
        grid.addWidget(note, len(self.places()), 0, 1, 3)
        dialog = self._dialog("whereDialog", self.tr("Where the data and backups are"), body)
        fit_to_screen(dialog, 760, 240)
        return dialog

    def open_folder(self, folder: Path) -> bool:
        """The system's file manager on `folder` (made first if the first backup is still to
        come)."""
        folder.mkdir(parents=True, exist_ok=True)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def show_about(self) -> QDialog:
        text = QLabel(self.tr(
            "<h3>union_desk {0}</h3><p>Township union workbench for the trade-union clerks of "
            "Jiande: member roster, hardship support, Spring Festival buses, rest stations, "
            "the year overview and the exchange with the city office.</p>"
            "<p>Python {1}</p>").format(app_version(), sys.version.split()[0]))
        text.setObjectName("aboutText")
        text.setWordWrap(True)
        return self._dialog("aboutDialog", self.tr("About union_desk"), text)
