"""Registrations of the campaign: searched, sorted and paged in SQL; add, edit, cancel, import."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QInputDialog, QLabel,
                               QLineEdit, QVBoxLayout, QWidget)

from union_desk.models.trips import CancelResult, RegistrationRow, RegistrationStatus
from union_desk.services.changes import Change
from union_desk.services.trips import registrations as regs
from union_desk.views.search_keys import SearchKeys
from union_desk.views.ops import Ops
from union_desk.views.paged_model import PagedTableModel
from union_desk.views.trips.dialogs import RegistrationDialog
from union_desk.views.trips.import_dialog import TripsImportDialog
from union_desk.views.trips.models import TripsColumns
from union_desk.views.trips.passengers import make_table
from union_desk.views.widgets import make_button
from union_desk.views.panel import changes_records, import_pattern


def _fetch(s, query, offset, limit, sort, descending):
    if not query.get("campaign_id"):
        return []
    return regs.list_registrations(s, campaign_id=query["campaign_id"], text=query["text"],
                                   status=query["status"], sort=sort or "seq",
                                   descending=descending, offset=offset, limit=limit)


class RegistrationsPanel(QWidget):
    message = Signal(str)  # what a cancellation did, for the tab's status line

    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.campaign_id: str | None = None
        self.dialog = None
        self.search = QLineEdit(self)
        self.search.setObjectName("tripsSearch")
        self.search.setPlaceholderText(self.tr("Name, pinyin initials, ID, phone, employer, place"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.status = QComboBox(self)
        self.status.setObjectName("tripsStatusFilter")
        self.status.addItem(self.tr("Registered"), RegistrationStatus.REGISTERED)
        self.status.addItem(self.tr("Cancelled"), RegistrationStatus.CANCELLED)
        self.status.addItem(self.tr("All"), None)
        self.status.currentIndexChanged.connect(self._on_status_current_index_changed)
        self.model = PagedTableModel(ops, TripsColumns().registrations(), _fetch, parent=self)
        self.table = make_table(self, "tripsRegistrationTable", self.model, sortable=True)
        for column, width in enumerate((56, 72, 150, 100, 150, 190, 50, 130, 46, 60)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        SearchKeys(self.search, self.table, self.edit_selected)
        self.count = QLabel(self)
        self.count.setObjectName("tripsRegistrationCount")
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.status)
        buttons = QHBoxLayout()
        for name, text, slot in (
                ("tripsNewRegistration", self.tr("New registration… (Ctrl+N)"),
                 self.new_registration),
                ("tripsEditRegistration", self.tr("Edit…"), self.edit_selected),
                ("tripsCancelRegistration", self.tr("Cancel registration…"), self.cancel_selected),
                ("tripsImportButton", self.tr("Import employer's list…"), self.import_file)):
            buttons.addWidget(make_button(self, name, text, slot))
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def set_campaign(self, campaign_id: str | None) -> None:
        self.campaign_id = campaign_id
        self.reload()

    def reload(self) -> None:
        self.model.set_query(campaign_id=self.campaign_id, text=self.search.text(),
                             status=self.status.currentData())
        campaign_id, text, status = self.campaign_id, self.search.text(), self.status.currentData()
        if campaign_id is None:
            self.count.setText("")
            return
        self.ops.read(lambda s: regs.count_registrations(s, campaign_id=campaign_id, text=text,
                                                         status=status)) \
            .latest((id(self), "count")) \
            .success(lambda n: self.count.setText(self.tr("{0} registrations").format(n))).run()

    def show_search(self, text: str) -> None:
        """Registered people matching `text` (the overview's click-through)."""
        self.status.blockSignals(True)
        self.status.setCurrentIndex(self.status.findData(RegistrationStatus.REGISTERED))
        self.status.blockSignals(False)
        if self.search.text() == text:
            self.reload()
        else:
            self.search.setText(text)  # reloads

    def selected(self) -> RegistrationRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    # -- dialogs (methods, so tests can replace them) -------------------------------------------
    def ask_open_path(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import employer's list"), "",
                                              import_pattern())
        return Path(path) if path else None

    def ask_cancel_reason(self, name: str) -> str | None:
        text, ok = QInputDialog.getText(self, self.tr("Cancel registration"),
                                        self.tr("Why does {0} no longer travel?").format(name))
        return text if ok else None

    # -- actions ----------------------------------------------------------------------------------
    @changes_records
    def new_registration(self) -> RegistrationDialog | None:
        if self.campaign_id is None:
            return None
        self.dialog = RegistrationDialog(self.ops, self.campaign_id, parent=self)
        self.dialog.open()
        return self.dialog

    @changes_records
    def edit_selected(self) -> RegistrationDialog | None:
        row = self.selected()
        if row is None or row.status != RegistrationStatus.REGISTERED:
            return None
        self.dialog = RegistrationDialog(self.ops, row.campaign_id, row, parent=self)
        self.dialog.open()
        return self.dialog

    @changes_records
    def cancel_selected(self) -> None:
        row = self.selected()
        if row is None or row.status != RegistrationStatus.REGISTERED:
            return
        reason = self.ask_cancel_reason(row.name)
        if reason is None:
            return
        self.ops.write(lambda s: regs.cancel_registration(s, registration_id=row.id,
                                                          reason=reason),
                       changes={Change.TRIPS}, parent=self).success(self._cancelled).run()

    def _cancelled(self, result: CancelResult) -> None:
        text = self.tr("Registration of {0} cancelled.").format(result.registration.name)
        if result.freed:
            text += " " + self.tr("Freed: {0}.").format("、".join(result.freed))
        if result.offered_to:
            text += " " + self.tr("Given to the first on the waiting list: {0}.").format(
                "、".join(p.name for p in result.offered_to))
        self.message.emit(text)

    @changes_records
    def import_file(self) -> TripsImportDialog | None:
        if self.campaign_id is None:
            return None
        path = self.ask_open_path()
        if path is None:
            return None
        self.dialog = TripsImportDialog(self.ops, self.campaign_id, path, self)
        self.dialog.open()
        return self.dialog

    # -- slots ------------------------------------------------------------------------------------
    def _on_search_text_changed(self, _text: str) -> None:
        self.reload()

    def _on_status_current_index_changed(self, _index: int) -> None:
        self.reload()

    def _on_table_double_clicked(self, _index) -> None:
        self.edit_selected()
