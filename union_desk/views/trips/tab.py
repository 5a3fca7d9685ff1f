"""返乡专车: campaigns, their buses, registrations, seats, the boarding check, figures, printing."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLabel, QSplitter,
                               QTabWidget, QVBoxLayout, QWidget)

from union_desk.models.trips import AssignReport, BusRow, CampaignRow
from union_desk.services.changes import Change
from union_desk.services.trips import campaigns as trips, export as trips_export
from union_desk.services.trips.assign import assign_seats
from union_desk.views.ops import Ops
from union_desk.views.panel import Panel, changes_records
from union_desk.views.reveal import ask_reveal_reason
from union_desk.views.pdf_preview import PdfPreviewDialog
from union_desk.views.tables import select_first
from union_desk.views.trips.dialogs import BusDialog, CampaignDialog
from union_desk.views.trips.figures import FiguresPanel
from union_desk.views.trips.models import TripsColumns, TripsListModel
from union_desk.views.trips.passengers import PassengersPanel, WaitingPanel, make_table
from union_desk.views.trips.people import RegistrationsPanel
from union_desk.views.widgets import make_button
from union_desk.views.tab_titles import tab_title


class TripsTab(Panel):
    def __init__(self, ops: Ops, parent=None):
        super().__init__(ops, "tripsTab", parent)
        self.campaigns: list[CampaignRow] = []
        self.campaign_id: str | None = None
        self.buses: list[BusRow] = []
        self.preview: PdfPreviewDialog | None = None
        self._build()
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        QShortcut(QKeySequence.StandardKey.New, self, self.registrations.new_registration)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_manifests)
        self.reload_campaigns()

    def title(self) -> str:
        return tab_title("tripsTab")

    def _build(self) -> None:
        self.campaign = QComboBox(self)
        self.campaign.setObjectName("tripsCampaignCombo")
        self.campaign.setMinimumWidth(220)
        self.campaign.currentIndexChanged.connect(self._on_campaign_current_index_changed)
        self.summary = QLabel(self)
        self.summary.setObjectName("tripsSummary")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Campaign"), self))
        top.addWidget(self.campaign)
        top.addWidget(make_button(self, "tripsNewCampaign", self.tr("New campaign…"),
                                  self.new_campaign))
        top.addWidget(make_button(self, "tripsEditCampaign", self.tr("Edit campaign…"),
                                  self.edit_campaign))
        top.addWidget(self.summary, 1)

        self.bus_model = TripsListModel(TripsColumns().buses(), parent=self)
        self.bus_table = make_table(self, "tripsBusTable", self.bus_model, multi_select=True)
        self.bus_table.selectionModel().selectionChanged.connect(self._on_bus_selection_changed)
        self.bus_table.doubleClicked.connect(lambda _index: self.edit_bus())
        grid = QGridLayout()
        for i, (name, text, slot) in enumerate((
                ("tripsAddBus", self.tr("Add bus…"), self.add_bus),
                ("tripsEditBus", self.tr("Edit bus…"), self.edit_bus),
                ("tripsRemoveBus", self.tr("Remove bus"), self.remove_bus),
                ("tripsAssignButton", self.tr("Assign seats"), self.assign),
                ("tripsPrintButton", self.tr("Print manifests… (Ctrl+P)"), self.print_manifests),
                ("tripsNoticesButton", self.tr("Seat notices…"), self.print_notices),
                ("tripsExportButton", self.tr("Export to Excel…"), self.export_excel))):
            grid.addWidget(make_button(self, name, text, slot), i // 3, i % 3)
        hint = QLabel(self.tr("Select buses to print only those; none selected prints all."), self)
        hint.setWordWrap(True)
        # off by default, every time the tab opens: the manifests' phones in full are logged
        self.full_phones = QCheckBox(self.tr("Passengers' and emergency phones in full on the "
                                             "manifests (for the driver and escort; logged)"), self)
        self.full_phones.setObjectName("tripsFullPhones")
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.bus_table, 1)
        left_layout.addLayout(grid)
        left_layout.addWidget(self.full_phones)
        left_layout.addWidget(hint)

        self.passengers = PassengersPanel(self.ops, self)
        self.registrations = RegistrationsPanel(self.ops, self)
        self.registrations.message.connect(self.show_status)
        self.waiting = WaitingPanel(self.ops, self)
        self.figures = FiguresPanel(self.ops, self)
        self.figures.loaded.connect(self._on_figures_loaded)
        self.pages = QTabWidget(self)
        self.pages.setObjectName("tripsPages")
        self.pages.addTab(self.passengers, self.tr("Passengers and boarding"))
        self.pages.addTab(self.registrations, self.tr("Registrations"))
        self.pages.addTab(self.waiting, self.tr("Waiting list"))
        self.pages.addTab(self.figures, self.tr("Figures"))
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([470, 800])
        self.status = QLabel(self)
        self.status.setObjectName("tripsStatusLabel")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

    # -- loading ----------------------------------------------------------------------------------
    def reload_campaigns(self, select_id: str | None = None) -> None:
        keep = select_id or self.campaign_id
        self.ops.read(trips.list_campaigns) \
            .latest((id(self), "campaigns")) \
            .success(lambda rows: self._campaigns_arrived(rows, keep)).run()

    def _campaigns_arrived(self, rows: list[CampaignRow], keep: str | None) -> None:
        self.campaigns = rows
        self.campaign.blockSignals(True)
        self.campaign.clear()
        for row in rows:
            self.campaign.addItem(row.name, row.id)
        index = next((i for i, r in enumerate(rows) if r.id == keep), 0 if rows else -1)
        self.campaign.setCurrentIndex(index)
        self.campaign.blockSignals(False)
        if not rows:
            self.summary.setText(self.tr("No campaign yet: start with “New campaign…”."))
        self.set_campaign(rows[index].id if rows else None)

    def show_registrations(self, *, campaign_id: str | None, text: str = "") -> None:
        """The overview's click-through: a campaign's registrations (not cancelled), searched by
        `text` (a destination province)."""
        self.pages.setCurrentWidget(self.registrations)
        self.registrations.show_search(text)
        if campaign_id is None or campaign_id == self.campaign_id:
            return
        index = self.campaign.findData(campaign_id)
        if index < 0:  # made after the list was read
            self.reload_campaigns(select_id=campaign_id)
        else:
            self.campaign.setCurrentIndex(index)

    def set_campaign(self, campaign_id: str | None) -> None:
        self.campaign_id = campaign_id
        self.registrations.set_campaign(campaign_id)
        self.figures.set_campaign(campaign_id)
        self.reload_buses()

    def reload_buses(self) -> None:
        campaign_id = self.campaign_id
        if campaign_id is None:
            self._buses_arrived(None, [])
            return
        self.ops.read(lambda s: trips.list_buses(s, campaign_id=campaign_id)) \
            .latest((id(self), "buses")) \
            .success(lambda rows: self._buses_arrived(campaign_id, rows)).run()

    def _buses_arrived(self, campaign_id: str | None, rows: list[BusRow]) -> None:
        if campaign_id != self.campaign_id:
            return
        selected = {b.id for b in self.selected_buses()}
        current = self.passengers.bus.id if self.passengers.bus else None
        self.buses = rows
        self.bus_model.set_rows(rows)
        selection = self.bus_table.selectionModel()
        selection.blockSignals(True)  # restoring the clerk's selection is not a new choice
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for i, bus in enumerate(rows):
            if bus.id in selected:
                selection.select(self.bus_model.index(i, 0), flags)
        selection.blockSignals(False)
        self.bus_table.viewport().update()
        bus = next((b for b in rows if b.id == current), None)
        self.passengers.set_bus(bus, rows)
        self.waiting.set_campaign(campaign_id, rows)

    def selected_buses(self) -> list[BusRow]:
        rows = sorted(i.row() for i in self.bus_table.selectionModel().selectedRows())
        return [self.bus_model.row_at(r) for r in rows if r < self.bus_model.rowCount()]

    def select_bus(self, plate: str) -> None:
        select_first(self.bus_table, self.bus_model.rows(), lambda bus: bus.plate == plate)

    # -- dialogs (methods, so tests can replace them) -------------------------------------------
    def ask_save_path(self, title: str, default: str, pattern: str) -> Path | None:
        return self.save_file_dialog(title, default, pattern)

    def show_preview(self, pdf: bytes, title: str, filename: str) -> PdfPreviewDialog:
        self.preview = PdfPreviewDialog(self.ops, pdf, title, filename, self)
        self.preview.open()
        return self.preview

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    # -- actions ----------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.pages.setCurrentWidget(self.registrations)
        self.registrations.search.setFocus()
        self.registrations.search.selectAll()

    @changes_records
    def new_campaign(self) -> CampaignDialog:
        dialog = self._open(CampaignDialog(self.ops, parent=self))
        dialog.accepted.connect(lambda: self.reload_campaigns(dialog.result_row.id))
        return dialog

    @changes_records
    def edit_campaign(self) -> CampaignDialog | None:
        row = next((c for c in self.campaigns if c.id == self.campaign_id), None)
        return None if row is None else self._open(CampaignDialog(self.ops, row, parent=self))

    @changes_records
    def add_bus(self) -> BusDialog | None:
        if self.campaign_id is None:
            return None
        return self._open(BusDialog(self.ops, self.campaign_id, parent=self))

    @changes_records
    def edit_bus(self) -> BusDialog | None:
        buses = self.selected_buses()
        if len(buses) != 1:
            return None
        return self._open(BusDialog(self.ops, self.campaign_id, buses[0], parent=self))

    @changes_records
    def remove_bus(self) -> None:
        buses = self.selected_buses()
        if len(buses) != 1 or not self.confirm(self.tr(
                "Remove bus {0}? Its {1} passengers go back to the waiting list.").format(
                buses[0].plate, buses[0].seated)):
            return
        bus_id = buses[0].id
        self.ops.write(lambda s: trips.remove_bus(s, bus_id=bus_id), changes={Change.TRIPS},
                       parent=self).run()

    @changes_records
    def assign(self) -> None:
        campaign_id = self.campaign_id
        if campaign_id is None:
            return
        self.ops.write(lambda s, progress, cancelled: assign_seats(
            s, campaign_id=campaign_id, progress=progress, cancelled=cancelled),
            changes={Change.TRIPS}, parent=self) \
            .with_progress(self.tr("Assigning seats…"), self).success(self._assigned).run()

    def _assigned(self, report: AssignReport) -> None:
        text = self.tr("Seats assigned: {0} seated now, {1} still waiting.").format(
            report.seated_now, len(report.waiting))
        if report.unserved:
            text += " " + self.tr("No bus goes to: {0}").format("、".join(report.unserved))
        self.show_status(text)

    def _campaign_name(self) -> str:
        return next((c.name for c in self.campaigns if c.id == self.campaign_id), "")

    def print_manifests(self) -> None:
        full = self.full_phones.isChecked()  # an audited reveal, with its reason, when ticked
        reason = ""
        if full:
            reason = self.ask_reveal_reason()
            if reason is None:
                return
        self._print(lambda s, **which: trips_export.manifest_pdf(s, full_phones=full,
                                                                 reason=reason, **which),
                    self.tr("Manifests"), "乘车名单", audited=full)

    def ask_reveal_reason(self) -> str | None:
        return ask_reveal_reason(self, self.tr("Passengers' and emergency phones in full on "
                                               "the manifest"))

    def print_notices(self) -> None:
        self._print(trips_export.notices_pdf, self.tr("Seat notices"), "乘车通知")

    def _print(self, build, title: str, suffix: str, audited: bool = False) -> None:
        campaign_id = self.campaign_id
        if campaign_id is None:
            return
        ids = [b.id for b in self.selected_buses()] or None
        name = f"{self._campaign_name()}-{suffix}.pdf"
        self.ops.read(lambda s: build(s, campaign_id=campaign_id, bus_ids=ids), parent=self,
                      audited=audited) \
            .success(lambda result: self.show_preview(result[0], title, name)).run()

    def export_excel(self) -> None:
        campaign_id = self.campaign_id
        if campaign_id is None:
            return
        dest = self.ask_save_path(self.tr("Export manifests"), f"{self._campaign_name()}-乘车名单.xlsx",
                                  self.excel_pattern())
        if dest is None:
            return
        ids = [b.id for b in self.selected_buses()] or None
        self.ops.read(lambda s: trips_export.export_manifests_xlsx(
            s, campaign_id=campaign_id, path=dest, bus_ids=ids), parent=self) \
            .success(lambda n: self.show_status(self.tr(
                "Exported {0} passengers to {1} (ID numbers and phones masked).")
                .format(n, dest))).run()

    # -- slots ------------------------------------------------------------------------------------
    def _on_campaign_current_index_changed(self, _index: int) -> None:
        self.set_campaign(self.campaign.currentData())

    def _on_bus_selection_changed(self, *_args) -> None:
        buses = self.selected_buses()
        self.passengers.set_bus(buses[0] if buses else None, self.buses)

    def _on_figures_loaded(self, figures) -> None:
        self.summary.setText(self.tr("Registered {0} · seated {1} · waiting {2} · on board {3}")
                             .format(figures.registered, figures.seated, figures.waiting,
                                     figures.boarded))

    def _on_ops_changed(self, changes: set) -> None:
        if changes & {Change.TRIPS, Change.MEMBERS}:
            self.reload_campaigns()
