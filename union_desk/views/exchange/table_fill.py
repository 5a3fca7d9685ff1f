"""Filling a small QTableWidget from plain rows of text (the exchange's lists are small)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from union_desk.views.tables import ROW_HEIGHT

LONG = 12  # characters: longer cell texts also show whole as a tooltip


def fill(table: QTableWidget, rows: list[list[str]], *, right: set[int] = frozenset(),
         data: list | None = None) -> None:
    table.setRowCount(len(rows))
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if len(text) > LONG:
                item.setToolTip(text)  # the whole text where the column cuts it
            if c in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if data is not None and c == 0:
                item.setData(Qt.ItemDataRole.UserRole, data[r])
            table.setItem(r, c, item)
