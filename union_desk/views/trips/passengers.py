"""The selected bus's passengers (boarding check, who is missing, move, swap, back to waiting)
and the waiting list (seat someone by hand)."""
from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QMessageBox, QTableView,
                               QVBoxLayout, QWidget)

from union_desk.models.trips import BusRow, PassengerRow
from union_desk.services.changes import Change
from union_desk.services.trips import seats as trips_seats
from union_desk.views.ops import Ops
from union_desk.views.tables import configure_table, select_first
from union_desk.views.trips.models import BOARDED_COLUMN, TripsColumns, TripsListModel
from union_desk.views.trips.seat_dialog import SeatDialog
from union_desk.views.widgets import make_button
from union_desk.views.panel import changes_records


def make_table(parent: QWidget, name: str, model, *, sortable: bool = False,
               multi_select: bool = False) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    configure_table(table, sortable=sortable, multi_select=multi_select, stretch_last=False)
    if hasattr(model, "set_rows"):  # small lists loaded whole: fit the columns to their text
        model.loaded.connect(table.resizeColumnsToContents)
    return table


class _SeatsPanel(QWidget):
    """What both lists share: a table of PassengerRow, the buses for the dialogs, a dialog slot."""

    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.buses: list[BusRow] = []
        self.dialog: SeatDialog | None = None

    def selected(self) -> PassengerRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_name(self, name: str) -> bool:
        return select_first(self.table, self.model.rows(), lambda r: r.name == name)

    @changes_records
    def open_seat_dialog(self, swap: bool) -> SeatDialog | None:
        passenger = self.selected()
        if passenger is None:
            return None
        self.dialog = SeatDialog(self.ops, passenger, self.buses, swap, self)
        self.dialog.open()
        return self.dialog


class PassengersPanel(_SeatsPanel):
    def __init__(self, ops: Ops, parent=None):
        super().__init__(ops, parent)
        self.bus: BusRow | None = None
        self.title = QLabel(self)
        self.title.setObjectName("tripsBusTitle")
        self.missing_only = QCheckBox(self.tr("Only those not yet on board"), self)
        self.missing_only.setObjectName("tripsMissingOnly")
        self.missing_only.toggled.connect(self._on_missing_only_toggled)
        self.model = TripsListModel(TripsColumns().passengers(),
                                    check=(BOARDED_COLUMN, lambda p: p.boarded_at is not None),
                                    parent=self)
        self.model.toggled.connect(self._on_model_toggled)
        self.table = make_table(self, "tripsPassengerTable", self.model)
        self.move_button = make_button(self, "tripsMoveButton", self.tr("Move…"),
                                       partial(self.open_seat_dialog, False))
        self.swap_button = make_button(self, "tripsSwapButton", self.tr("Swap seats…"),
                                       partial(self.open_seat_dialog, True))
        self.unseat_button = make_button(self, "tripsUnseatButton", self.tr("Back to waiting list"),
                                         self.unseat_selected)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.missing_only)
        buttons = QHBoxLayout()
        for button in (self.move_button, self.swap_button, self.unseat_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def set_bus(self, bus: BusRow | None, buses: list[BusRow]) -> None:
        self.bus, self.buses = bus, buses
        self.reload()

    def reload(self) -> None:
        bus = self.bus
        if bus is None:
            self.title.setText(self.tr("Choose a bus on the left."))
            self.model.set_rows([])
            return
        self.title.setText(self.tr("{0} {1} to {2}, departs {3}: {4} of {5} seats taken, "
                                   "{6} on board, {7} missing").format(
            f"{bus.leg.value}{bus.seq}", bus.plate, bus.destination, bus.departs_text,
            bus.seated, bus.seats, bus.boarded, bus.missing))
        only = self.missing_only.isChecked()
        bus_id = bus.id
        self.ops.read(lambda s: trips_seats.passengers(s, bus_id=bus_id, missing_only=only)) \
            .latest((id(self), "passengers")) \
            .success(lambda rows: self._arrived(bus_id, rows)).run()

    def _arrived(self, bus_id: str, rows: list[PassengerRow]) -> None:
        if self.bus is not None and self.bus.id == bus_id:
            self.model.set_rows(rows)

    # -- dialogs (methods, so tests can replace them) -------------------------------------------
    def confirm(self, text: str) -> bool:
        return QMessageBox.question(self, self.tr("Please confirm"), text) == \
            QMessageBox.StandardButton.Yes

    # -- actions and slots ------------------------------------------------------------------------
    @changes_records
    def unseat_selected(self) -> None:
        p = self.selected()
        if p is None:
            return
        if not self.confirm(self.tr(
                "Take {0} off this bus and put them back on the waiting list?").format(p.name)):
            return
        self.ops.write(lambda s: trips_seats.unseat(s, seat_id=p.seat_id), changes={Change.TRIPS},
                       parent=self).run()

    def _on_model_toggled(self, passenger: PassengerRow, checked: bool) -> None:
        seat_id = passenger.seat_id
        self.ops.write(lambda s: trips_seats.set_boarded(s, seat_id=seat_id, boarded=checked),
                       changes={Change.TRIPS}, parent=self).run()

    def _on_missing_only_toggled(self, _checked: bool) -> None:
        self.reload()


class WaitingPanel(_SeatsPanel):
    def __init__(self, ops: Ops, parent=None):
        super().__init__(ops, parent)
        self.campaign_id: str | None = None
        self.count = QLabel(self)
        self.count.setObjectName("tripsWaitingCount")
        self.model = TripsListModel(TripsColumns().waiting(), parent=self)
        self.table = make_table(self, "tripsWaitingTable", self.model)
        self.seat_button = make_button(self, "tripsSeatButton", self.tr("Seat on a bus…"),
                                       partial(self.open_seat_dialog, False))
        buttons = QHBoxLayout()
        buttons.addWidget(self.seat_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def set_campaign(self, campaign_id: str | None, buses: list[BusRow]) -> None:
        self.campaign_id, self.buses = campaign_id, buses
        self.reload()

    def reload(self) -> None:
        campaign_id = self.campaign_id
        if campaign_id is None:
            self.model.set_rows([])
            self.count.setText("")
            return
        self.ops.read(lambda s: trips_seats.waiting_list(s, campaign_id=campaign_id)) \
            .latest((id(self), "waiting")).success(lambda rows: self._arrived(campaign_id, rows)) \
            .run()

    def _arrived(self, campaign_id: str, rows: list[PassengerRow]) -> None:
        if campaign_id != self.campaign_id:
            return
        self.model.set_rows(rows)
        self.count.setText(self.tr("{0} waiting, in registration order. A cancelled seat goes "
                                   "to the first one its bus can take.").format(len(rows)))
