"""The roster's first page as the window shows it before the database is opened (issue 13,
start-up): the members `first_page.first_page` read with the bare sqlite3 module — real rows,
personal numbers masked — in the roster's own columns (views/roster/columns.py), read-only,
until the roster tab takes over with the same rows (views/main_window.py)."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QTableView, QVBoxLayout, QWidget

from union_desk.views.paged_model import ListModel
from union_desk.views.roster.columns import member_columns
from union_desk.views.tables import configure_table, fit_columns
from union_desk.views.window_state import restore_columns


class FirstPageView(QWidget):
    """The first page, in the roster list's look (its saved column widths, else fitted).
    `painted` once its rows have been drawn (the window then opens the file: app.py)."""

    painted = Signal()

    def __init__(self, rows: list, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("rosterFirstPage")
        self.model = ListModel(member_columns(), rows, self)
        self.table = QTableView(self)
        self.table.setObjectName("rosterFirstPageTable")
        self.table.setModel(self.model)
        configure_table(self.table)
        restore_columns(self.table, "rosterTable")  # the roster list's widths, as the clerk left them
        fit_columns(self.table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self._painted = False
        self.table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.painted.emit)  # after this paint has reached the screen
        return False
