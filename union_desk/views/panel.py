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

Read-only at the city office: a slot that adds, changes or removes records is marked

        @changes_records
        def new_member(self): ...

and at a city database (`ops.context.city`: township records are read-only there) it does
nothing, whichever way it is reached (button, shortcut, double-click, Enter); a button made by
`widgets.make_button` for such a slot is disabled there, with a tooltip saying why, and stays
disabled (`keep_disabled`) whatever a selection would enable.
"""
from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTableView, QWidget

from union_desk.views.ops import Ops
from union_desk.views.tables import fit_columns


def import_pattern() -> str:
    """Every kind of list an import reads: the open-file dialog's filter of every import."""
    return QCoreApplication.translate("Panel", "Spreadsheets and CSV (*.xlsx *.xlsm *.xls *.xlsb "
                                      "*.et *.ods *.xml *.csv *.txt);;All files (*)")


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
        return import_pattern()

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


# -- read-only at the city office -------------------------------------------------------------------

def changes_records(method):
    """Mark a slot (of an object with `ops`) that adds, changes or removes records: at a city
    database it does nothing, and the buttons made for it are disabled."""
    @functools.wraps(method)
    def slot(self, *args, **kwargs):
        if read_only(self):
            return None
        return method(self, *args, **kwargs)

    slot.changes_records = True
    return slot


def read_only(owner) -> bool:
    """True when `owner` (a panel, or any view with `ops`) shows a city database."""
    ops = getattr(owner, "ops", None)
    return bool(ops is not None and ops.context.city)


def changes_records_of(slot) -> bool:
    """Is `slot` (a bound method, or a functools.partial of one) marked `changes_records` and
    shown at a city database?"""
    target = slot.func if isinstance(slot, functools.partial) else slot
    return bool(getattr(target, "changes_records", False)) and read_only(
        getattr(target, "__self__", None))


class _KeptDisabled(QObject):
    """Puts a widget back to disabled whenever something enables it (a selection, a load)."""

    def tip(self) -> str:
        return self.tr("Township records are read-only at the city office: a township corrects "
                       "its own records and sends a new package.")

    def eventFilter(self, watched, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.EnabledChange and watched.isEnabled():
            watched.setEnabled(False)
        return False


def keep_disabled(widget: QWidget) -> None:
    """Disable `widget` for good, its tooltip saying that township records are read-only."""
    keeper = _KeptDisabled(widget)
    widget.installEventFilter(keeper)
    widget.setEnabled(False)
    widget.setToolTip(keeper.tip())
