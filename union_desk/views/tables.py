"""How every list on screen looks and behaves: whole rows selected, nothing edited in place,
fixed row heights (resizing rows to their contents is far too slow on big lists), no row
numbers, the last column filling the width, sorting by a header click."""
from __future__ import annotations

from typing import Any, Callable, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTableWidget, QWidget

ROW_HEIGHT = 24
COLUMN_CAP = 170  # px: a long name or union is elided (its tooltip shows it) rather than
                  # widening its column for every row
View = TypeVar("View", bound=QTableView)


def configure_table(view: View, *, sortable: bool = True, multi_select: bool = False,
                    sort_order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
                    stretch_last: bool = True) -> View:
    """Set a list up the house way; `sortable` sorts it by the first column at once."""
    if sortable:
        view.setSortingEnabled(True)
        view.sortByColumn(0, sort_order)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi_select
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    rows = view.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(ROW_HEIGHT)
    rows.setVisible(False)
    view.horizontalHeader().setStretchLastSection(stretch_last)
    return view


def fit_columns(view: QTableView, cap: int = COLUMN_CAP) -> None:
    """Size the columns to their headers and contents, none wider than `cap` — unless the clerk's
    own widths were restored (views/window_state.py)."""
    if view.property("columnsRestored"):
        return
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count()):
        if header.sectionSize(column) > cap:
            header.resizeSection(column, cap)


def select_first(view: QTableView, rows, matches: Callable[[Any], bool]) -> bool:
    """Select the first of the view's rows (its model's row objects, in order) that matches."""
    row = next((i for i, r in enumerate(rows) if matches(r)), -1)
    if row >= 0:
        view.selectRow(row)
    return row >= 0


def list_table(parent: QWidget, name: str, headers: list[str], *, rows: int = 0) -> QTableWidget:
    """A small list filled item by item (history, totals, rejected rows): named, with its
    column headers and no row numbers."""
    table = QTableWidget(rows, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    return table
