"""Moving a passenger to another seat or bus, or swapping two passengers' seats, by hand."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QSpinBox

from union_desk.models.trips import BusRow, PassengerRow
from union_desk.services.changes import Change
from union_desk.services.trips import seats as trips_seats
from union_desk.services.errors import UserError
from union_desk.views.form_dialog import FormDialog
from union_desk.views.ops import Ops


class SeatDialog(FormDialog):
    """`swap=False`: choose a bus of the same leg and a seat (0: the first free one).
    `swap=True`: choose a bus and the passenger to exchange seats with."""

    def __init__(self, ops: Ops, passenger: PassengerRow, buses: list[BusRow], swap: bool,
                 parent=None):
        seat_id = passenger.seat_id

        def save(s, target):
            if swap:
                if not target:
                    raise UserError("请选择要对调座位的乘客", field="seat_b")
                return trips_seats.swap_seats(s, seat_a=seat_id, seat_b=target)
            bus_id, seat_no = target
            return trips_seats.move_passenger(s, seat_id=seat_id, bus_id=bus_id,
                                              seat_no=seat_no or None)

        title = self.tr("Swap seats") if swap else self.tr("Move passenger")
        super().__init__(ops, title, save, {Change.TRIPS}, parent)
        self.setObjectName("tripsSeatDialog")
        self.setMinimumWidth(460)
        self.swap, self.passenger = swap, passenger
        where = (self.tr("seat {0} of {1}").format(passenger.seat_no, self._plate(buses))
                 if passenger.bus_id else self.tr("waiting list"))
        self.add_row(self.tr("Passenger"), QLabel(f"{passenger.name}（{where}）", self))
        self.bus = QComboBox(self)
        self.bus.setObjectName("seatDialogBus")
        for bus in buses:
            if bus.leg == passenger.leg:
                self.bus.addItem(f"{bus.leg.value}{bus.seq} {bus.plate} {bus.destination} "
                                 f"({bus.seated}/{bus.seats})", bus)
        self.add_row(self.tr("Bus"), self.bus, "bus")
        if swap:
            self.other = QComboBox(self)
            self.other.setObjectName("seatDialogOther")
            self.add_row(self.tr("Swap with"), self.other, "seat_b")
            self.bus.currentIndexChanged.connect(self._on_bus_current_index_changed)
            self._on_bus_current_index_changed()
        else:
            self.seat = QSpinBox(self)
            self.seat.setObjectName("seatDialogSeat")
            self.seat.setSpecialValueText(self.tr("first free seat"))
            self.add_row(self.tr("Seat"), self.seat, "seat_no")
            self.bus.currentIndexChanged.connect(self._on_bus_current_index_changed)
            self._on_bus_current_index_changed()

    def _plate(self, buses: list[BusRow]) -> str:
        return next((b.plate for b in buses if b.id == self.passenger.bus_id), "")

    def payload(self):
        if self.swap:
            return self.other.currentData()
        bus = self.bus.currentData()
        return (bus.id if bus else "", self.seat.value())

    def _on_bus_current_index_changed(self, _index: int = 0) -> None:
        bus = self.bus.currentData()
        if bus is None:
            return
        if not self.swap:
            self.seat.setRange(0, bus.seats)
            self.seat.setValue(0)
            return
        self.other.clear()
        mine = self.passenger.seat_id
        self.ops.read(lambda s: [p for p in trips_seats.passengers(s, bus_id=bus.id)
                                 if p.seat_id != mine], parent=self) \
            .success(lambda rows: self._fill_others(bus.id, rows)).run()

    def _fill_others(self, bus_id: str, rows: list[PassengerRow]) -> None:
        current = self.bus.currentData()
        if current is None or current.id != bus_id:
            return  # the clerk chose another bus meanwhile
        self.other.clear()
        for p in rows:
            self.other.addItem(self.tr("seat {0}: {1}").format(p.seat_no, p.name), p.seat_id)
