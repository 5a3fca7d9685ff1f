"""Edit dialogs of the shuttle-bus tab: campaign, bus, registration (ID and phone shown in full)."""
from __future__ import annotations

import re

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QSpinBox, QTimeEdit

from union_desk.models.personal import masked_numbers
from union_desk.models.trips import (BusCreate, BusRow, CampaignCreate, CampaignRow,
                                     RegistrationCreate, RegistrationRow, TripLeg, TripLegs)
from union_desk.services.changes import Change
from union_desk.services.errors import UserError
from union_desk.services.trips import campaigns as trips
from union_desk.services.trips import registrations as regs
from union_desk.views.form_dialog import FormDialog
from union_desk.views.ops import Ops


def _line(dialog, name: str, text: str = "", max_length: int = 100) -> QLineEdit:
    edit = QLineEdit(text, dialog)
    edit.setObjectName(name)
    edit.setMaxLength(max_length)
    return edit


def _date(dialog, name: str, value) -> QDateEdit:
    edit = QDateEdit(dialog)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate(value.year, value.month, value.day) if value else QDate.currentDate())
    return edit


class CampaignDialog(FormDialog):
    def __init__(self, ops: Ops, row: CampaignRow | None = None, parent=None):
        campaign_id = row.id if row else None

        def save(s, data):
            if campaign_id is None:
                return trips.add_campaign(s, data=data)
            return trips.update_campaign(s, campaign_id=campaign_id, data=data)

        super().__init__(ops, self.tr("Campaign") if row is None else row.name, save, {Change.TRIPS},
                         parent)
        self.setObjectName("tripsCampaignDialog")
        self.setMinimumWidth(460)
        self.name = self.add_row(self.tr("Name"), _line(self, "campaignName",
                                                         row.name if row else "", 60), "name")
        self.starts_on = self.add_row(self.tr("From"), _date(self, "campaignStarts",
                                                              row.starts_on if row else None))
        self.ends_on = self.add_row(self.tr("To"), _date(self, "campaignEnds",
                                                          row.ends_on if row else None), "ends_on")
        self.contact_phone = self.add_row(
            self.tr("Union's contact phone"),
            _line(self, "campaignPhone", row.contact_phone if row else "", 20), "contact_phone")
        self.contact_phone.setPlaceholderText(self.tr("printed on the seat notices"))
        self.notes = self.add_row(self.tr("Notes"), _line(self, "campaignNotes",
                                                           row.notes if row else "", 400))

    def payload(self) -> CampaignCreate:
        return CampaignCreate(name=self.name.text(), starts_on=self.starts_on.date().toPython(),
                              ends_on=self.ends_on.date().toPython(), notes=self.notes.text(),
                              contact_phone=self.contact_phone.text())


class BusDialog(FormDialog):
    def __init__(self, ops: Ops, campaign_id: str, row: BusRow | None = None, parent=None):
        bus_id = row.id if row else None

        def save(s, data):
            if bus_id is None:
                return trips.add_bus(s, campaign_id=campaign_id, data=data)
            return trips.update_bus(s, bus_id=bus_id, data=data)

        super().__init__(ops, self.tr("Bus"), save, {Change.TRIPS}, parent)
        self.setObjectName("tripsBusDialog")
        self.setMinimumWidth(460)
        self.leg = QComboBox(self)
        self.leg.setObjectName("busLeg")
        for leg in TripLeg:
            self.leg.addItem(leg.value, leg)
        self.plate = _line(self, "busPlate", row.plate if row else "", 12)
        self.seats = QSpinBox(self)
        self.seats.setObjectName("busSeats")
        self.seats.setRange(1, 99)
        self.seats.setValue(row.seats if row else 45)
        self.destination = _line(self, "busDestination", row.destination if row else "", 60)
        self.stops = _line(self, "busStops", "、".join(row.stops) if row else "", 300)
        self.stops.setPlaceholderText(self.tr("Stops in order, separated by 、 or commas"))
        self.departs_on = _date(self, "busDepartsOn", row.departs_on if row else None)
        self.departs_time = QTimeEdit(self)
        self.departs_time.setObjectName("busDepartsTime")
        self.departs_time.setDisplayFormat("HH:mm")
        hour, minute = (row.departs_time or "07:00").split(":") if row else ("07", "00")
        self.departs_time.setTime(QTime(int(hour), int(minute)))
        self.place = _line(self, "busPlace", row.departure_place if row else "")
        self.carrier = _line(self, "busCarrier", row.carrier if row else "")
        self.driver = _line(self, "busDriver", row.driver if row else "", 40)
        self.driver_phone = _line(self, "busDriverPhone", row.driver_phone if row else "", 20)
        self.contract_no = _line(self, "busContract", row.contract_no if row else "", 40)
        if row:
            self.leg.setCurrentIndex(list(TripLeg).index(row.leg))
        for label, widget, field in (
                (self.tr("Leg"), self.leg, "leg"), (self.tr("Plate"), self.plate, "plate"),
                (self.tr("Seats"), self.seats, "seats"),
                (self.tr("Destination"), self.destination, "destination"),
                (self.tr("Route stops"), self.stops, "stops"),
                (self.tr("Departure date"), self.departs_on, "departs_on"),
                (self.tr("Departure time"), self.departs_time, "departs_time"),
                (self.tr("Departure place"), self.place, "departure_place"),
                (self.tr("Carrier"), self.carrier, "carrier"),
                (self.tr("Driver"), self.driver, "driver"),
                (self.tr("Driver's phone"), self.driver_phone, "driver_phone"),
                (self.tr("Charter contract no."), self.contract_no, "contract_no")):
            self.add_row(label, widget, field)

    def payload(self) -> BusCreate:
        return BusCreate(
            leg=self.leg.currentData(), plate=self.plate.text(), seats=self.seats.value(),
            destination=self.destination.text(),
            stops=[s for s in re.split(r"[,，、;；\s]+", self.stops.text()) if s],
            departs_on=self.departs_on.date().toPython(),
            departs_time=self.departs_time.time().toString("HH:mm"),
            departure_place=self.place.text(), carrier=self.carrier.text(),
            driver=self.driver.text(), driver_phone=self.driver_phone.text(),
            contract_no=self.contract_no.text())


class RegistrationDialog(FormDialog):
    """One worker's registration; an edit form shows the ID number and phones in full, fetched
    through an audited reveal."""

    FIELDS = (("name", 40), ("id_number", 20), ("phone", 20), ("employer", 100),
              ("province", 20), ("city", 30), ("county", 30), ("emergency_name", 40),
              ("emergency_phone", 20), ("insurance_no", 40))

    def __init__(self, ops: Ops, campaign_id: str, row: RegistrationRow | None = None,
                 parent=None):
        reg_id = row.id if row else None

        def save(s, data):
            if reg_id is None:
                return regs.add_registration(s, campaign_id=campaign_id, data=data)
            return regs.update_registration(s, registration_id=reg_id, data=data)

        super().__init__(ops, self.tr("Registration"), save, {Change.TRIPS}, parent)
        self.setObjectName("tripsRegistrationDialog")
        self.setMinimumWidth(460)
        labels = {"name": self.tr("Name"), "id_number": self.tr("ID number"),
                  "phone": self.tr("Phone"), "employer": self.tr("Employer"),
                  "province": self.tr("Province"), "city": self.tr("City"),
                  "county": self.tr("County"), "emergency_name": self.tr("Emergency contact"),
                  "emergency_phone": self.tr("Emergency phone"),
                  "insurance_no": self.tr("Insurance no.")}
        self.edits: dict[str, QLineEdit] = {}
        self.destination = _line(self, "reg_destination", "", 120)
        self.destination.setPlaceholderText(
            self.tr("e.g. 贵州黔东南榕江, or the home address: fills in province, city, county"))
        self.destination.editingFinished.connect(self._on_destination_editing_finished)
        for field, length in self.FIELDS:
            if field == "province":
                self.add_row(self.tr("Destination"), self.destination, "destination")
            edit = _line(self, f"reg_{field}", "", length)
            if row is not None and isinstance(getattr(row, field), str):
                edit.setText(getattr(row, field))
            self.edits[field] = edit
            setattr(self, field, edit)
            self.add_row(labels[field], edit, field)
        self.legs = QComboBox(self)
        self.legs.setObjectName("reg_legs")
        for legs in TripLegs:
            self.legs.addItem(legs.value, legs)
        if row:
            self.legs.setCurrentIndex(list(TripLegs).index(row.legs))
            self.fill_in_full(
                lambda s, reason: regs.registration_for_edit(s, registration_id=reg_id,
                                                             reason=reason),
                self._fill_numbers, masked_numbers(row))
        self.add_row(self.tr("Legs"), self.legs, "legs")

    def _on_destination_editing_finished(self) -> None:
        text = self.destination.text().strip()
        if not text:
            return
        try:
            place = regs.split_destination(text)
        except UserError as err:
            self.show_error(err.message, "destination")
            return
        self.error.clear()
        for field in ("province", "city", "county"):
            self.edits[field].setText(getattr(place, field))

    def _fill_numbers(self, full: dict[str, str]) -> None:
        for field, value in full.items():
            self.edits[field].setText(value)

    def payload(self) -> RegistrationCreate:
        return RegistrationCreate(legs=self.legs.currentData(),
                                  **{f: e.text() for f, e in self.edits.items()})
