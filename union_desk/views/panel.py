"""The skeleton every working tab and panel shares.

    class StationsTab(Panel):
        def __init__(self, ops, parent=None):
            super().__init__(ops, "stationsTab", parent)   # ops, objectName, listens to ops.changed
            ...build the widgets, start the first loads...

        def title(self): return self.tr("Rest stations")
        def _on_ops_changed(self, changes): ...refresh what the write touched...

A panel opens its dialogs non-modally through `_open` (and keeps the last one in `self.dialog`, so
tests can drive it), talks to the clerk through `inform` / `confirm` / the file dialogs — methods,
so tests can replace them — and sizes a paged table's columns once, from its first page
(`size_columns_once`; rows keep a fixed height, see views/tables.py).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QTableView, QWidget

from union_desk.views.ops import Ops
from union_desk.views.tables import fit_columns


class Panel(QWidget):
    def __init__(self, ops: Ops, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.setObjectName(name)
        self.dialog = None          # the dialog opened last
        self._sized = False         # columns sized from the first page yet?
        ops.changed.connect(self._on_ops_changed)

    def title(self) -> str:
        """The panel's name, as its tab and its message boxes show it."""
        raise NotImplementedError

    # -- dialogs -------------------------------------------------------------------------------
    def _open(self, dialog):
        """Open a dialog non-modally and hand it back, so tests can drive it."""
        self.dialog = dialog
        dialog.open()
        return dialog

    def inform(self, text: str) -> None:
        QMessageBox.information(self, self.title(), text)

    def confirm(self, text: str) -> bool:
        return QMessageBox.question(self, self.tr("Please confirm"), text) == \
            QMessageBox.StandardButton.Yes

    def excel_pattern(self) -> str:
        """What exports are saved as."""
        return self.tr("Excel workbook (*.xlsx)")

    def import_pattern(self) -> str:
        """Every kind of list an import reads."""
        return self.tr("Spreadsheets and CSV (*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv *.txt);;"
                       "All files (*)")

    def open_file_dialog(self, title: str, pattern: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, title, "", pattern)
        return Path(path) if path else None

    def save_file_dialog(self, title: str, default: str, pattern: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, title, default, pattern)
        return Path(path) if path else None

    # -- lists ---------------------------------------------------------------------------------
    def size_columns_once(self, table: QTableView, rows: int) -> None:
        """Fit the columns to the first page that has rows, then leave them as the clerk sets them
        (sizing on every page would make them jump while scrolling)."""
        if not self._sized and rows:
            self._sized = True
            fit_columns(table)  # none wider than tables.COLUMN_CAP: a long name does not widen it for all

    # -- slots ---------------------------------------------------------------------------------
    def _on_ops_changed(self, changes: set) -> None:
        """A write finished: refresh what it changed. Panels that show data override this."""
