"""A table model that pages rows from a service (SQL-side filter and sort), off the GUI thread.

    model = PagedTableModel(ops, columns, fetch=lambda s, q, offset, limit, sort, desc: ...)
    model.set_query(text="张", union_id=None)     # loads the first page, which then replaces the rows

Stale pages (the clerk typed again before they arrived) are dropped by a generation counter.
A new query keeps the rows shown until its first page arrives and then replaces them in one
reset: the view does not repaint an empty table while the page is read (that repaint took
Python's lock from the reading thread, and the table did not flash empty on every keystroke).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from union_desk.views.ops import Ops

PAGE_SIZE = 200  # rows a page brings (the roster's first page: app.Session.open_fast)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column:
    header: str                       # already translated by the caller
    text: Callable[[Any], str]        # row -> display text
    sort_key: str | None = None       # the service's sort name; None: not sortable
    value: Callable[[Any], Any] | None = None   # plain value for SORT_ROLE (default: text)
    align_right: bool = False


class ColumnsModel(QAbstractTableModel):
    """Rows shown in `columns` (`Column`s): what both models below read and show alike."""

    def __init__(self, columns: list[Column], rows: list[Any] = (), parent=None):
        super().__init__(parent)
        self.columns, self._rows = columns, list(rows)

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        """A cell's text, the row itself, its sort value, its alignment."""
        if not index.isValid():
            return None
        column, row = self.columns[index.column()], self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text, where a column is too narrow
            text = column.text(row)
            return text if len(text) > 8 else None
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return column.value(row) if column.value else column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ListModel(ColumnsModel):
    """A small list held whole, shown in `columns`: `set_rows` replaces it (then `loaded`)."""

    loaded = Signal()

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()
        self.loaded.emit()


class PagedTableModel(ColumnsModel):
    loaded = Signal(int)          # rows now held, after each page arrives
    failed = Signal(object)

    def __init__(self, ops: Ops, columns: list[Column], fetch: Callable, page_size: int = PAGE_SIZE,
                 parent=None):
        super().__init__(columns, parent=parent)
        self._ops, self._fetch, self._page = ops, fetch, page_size
        self._query: dict = {}
        self._sort: str | None = next((c.sort_key for c in columns if c.sort_key), None)
        self._descending = False
        self._generation = 0
        self._loading = False
        self._exhausted = True
        self._replacing = False  # the rows held belong to the previous query

    # -- queries ----------------------------------------------------------------------------
    def set_query(self, **query) -> None:
        self._query = query
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        self._exhausted, self._loading, self._replacing = False, False, True
        self._load()

    def _load(self) -> None:
        if self._loading or self._exhausted:
            return
        self._loading = True
        generation, offset = self._generation, 0 if self._replacing else len(self._rows)
        query, sort, desc, limit = dict(self._query), self._sort, self._descending, self._page
        self._ops.read(lambda s: self._fetch(s, query, offset, limit, sort, desc)) \
            .success(lambda rows: self._arrived(generation, rows)) \
            .failure(lambda err: self._failed(generation, err)).run()

    def _arrived(self, generation: int, rows: list) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._exhausted = len(rows) < self._page
        if self._replacing:
            self._replace(rows)
        elif rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self.loaded.emit(len(self._rows))

    def _replace(self, rows: list) -> None:
        self.beginResetModel()
        self._rows, self._replacing = list(rows), False
        self.endResetModel()

    def _failed(self, generation: int, err: BaseException) -> None:
        if generation == self._generation:
            self._loading, self._exhausted = False, True
            if self._replacing:  # no rows of another query stay shown under this one
                self._replace([])
            self.failed.emit(err)

    # -- Qt model API -------------------------------------------------------------------------
    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if not parent.isValid():
            self._load()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column].sort_key
        if key is None:
            return
        self._sort, self._descending = key, order == Qt.SortOrder.DescendingOrder
        self.reload()

    @property
    def page_size(self) -> int:
        return self._page

    def complete(self) -> bool:
        """Every row of the query has arrived (the last page came back short)."""
        return self._exhausted and not self._loading
