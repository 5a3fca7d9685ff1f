"""The main window on the clerk's laptop: opened within the screen's available area (maximised
on a small screen), and its size, position, splitters and list columns remembered.

Where: QSettings (an INI file per user: %APPDATA%\\union_desk\\window.ini on Windows,
~/.config/union_desk/window.ini on Linux), not the database's settings table — the layout
belongs to the laptop's screen and the clerk, not to the data: the settings table travels to
the city office in every package, the same file may be opened on another screen, and a write
there would be audited and make the hourly backup run for nothing. One layout per user, for
every database (the lists are the same)."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter, QTableView, QWidget

DEFAULT_SIZE = (1280, 800)
MARGIN = 40  # room for the window frame around the default size
VERSION = 1  # bump when the tabs change so much that old states would mislead


def window_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "union_desk", "window")


def _key(widget: QWidget) -> str:
    """A stable name for a splitter or a list: its objectName, else its parent's name and its
    place among the parent's widgets of that kind."""
    if widget.objectName():
        return widget.objectName()
    parent = widget.parentWidget()
    siblings = [w for w in parent.findChildren(type(widget), options=Qt.FindChildOption.FindDirectChildrenOnly)] \
        if parent is not None else [widget]
    return f"{_key(parent) if parent is not None else ''}.{type(widget).__name__}{siblings.index(widget)}"


def _fits(rect: QRect) -> bool:
    """The saved frame's title bar is still on one of today's screens (not on a second monitor
    since unplugged, nor above the top), so the clerk can grab it."""
    title = QRect(rect.left(), rect.top(), rect.width(), 30)
    for screen in QGuiApplication.screens():
        shown = screen.availableGeometry().intersected(title)
        if shown.height() >= 10 and shown.width() >= min(200, rect.width() // 3):
            return True
    return False


def place_window(window: QMainWindow) -> None:
    """Before the first show: the remembered geometry if it still fits a screen, else the
    default size within the available area — maximised when that area is smaller than it."""
    settings = window_settings()
    saved = settings.value("geometry")
    if settings.value("version", 0, int) == VERSION and isinstance(saved, QByteArray) and \
            window.restoreGeometry(saved) and _fits(window.frameGeometry()):
        return
    screen = window.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    width, height = DEFAULT_SIZE
    if area.width() < width + MARGIN or area.height() < height + MARGIN:
        window.resize(min(width, area.width()), min(height, area.height() - MARGIN))
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        return
    window.resize(width, height)
    window.move(area.center().x() - width // 2, area.center().y() - height // 2)


def restore_layout(window: QWidget) -> None:
    """Splitter positions and list columns as the clerk left them (in the window, or in a tab
    built later). A list whose columns were restored is marked, so its panel does not fit them
    to the first page again."""
    settings = window_settings()
    if settings.value("version", 0, int) != VERSION:
        return
    for splitter in window.findChildren(QSplitter):
        state = settings.value(f"splitter/{_key(splitter)}")
        if isinstance(state, QByteArray):
            splitter.restoreState(state)
    for table in window.findChildren(QTableView):
        restore_columns(table, _key(table), settings)


def restore_columns(table: QTableView, key: str, settings: QSettings | None = None) -> None:
    """The columns of the list saved as `key`, as the clerk left them (marked, so the panel does
    not fit them to the first page again)."""
    settings = settings or window_settings()
    if settings.value("version", 0, int) != VERSION:
        return
    state = settings.value(f"columns/{key}")
    if isinstance(state, QByteArray) and table.horizontalHeader().restoreState(state):
        table.setProperty("columnsRestored", True)


def save_window(window: QMainWindow) -> None:
    settings = window_settings()
    settings.setValue("version", VERSION)
    settings.setValue("geometry", window.saveGeometry())
    for splitter in window.findChildren(QSplitter):
        settings.setValue(f"splitter/{_key(splitter)}", splitter.saveState())
    for table in window.findChildren(QTableView):
        if table.model() is not None and table.model().columnCount():
            settings.setValue(f"columns/{_key(table)}", table.horizontalHeader().saveState())
    settings.sync()


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize a dialog to width × height, or less on a small screen (the laptop's 1280×680
    available, or 1280×693 at 150 %): its frame stays inside the available area."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    widget.resize(min(width, area.width() - 16), min(height, area.height() - 48))
