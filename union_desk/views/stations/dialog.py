"""Register or edit a rest station, with its facilities checklist. The edit form shows the
manager's phone in full, fetched through an audited reveal (masked in the list; in full on the
registration form for the city office, also audited)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QGridLayout, QGroupBox, QLabel,
                               QLineEdit)

from union_desk.domain.creditcode import credit_code_problem
from union_desk.domain.station_standard import CHECKLIST, FACILITY_KEYS
from union_desk.models.personal import masked_numbers
from union_desk.models.stations import StationCreate, StationKind, StationRow, StationUpdate
from union_desk.services.changes import Change
from union_desk.services.stations import registry as stations
from union_desk.views.form_dialog import FormDialog


def to_qdate(value: date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else QDate.currentDate()


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(parent, object_name: str, value: date | None = None) -> QDateEdit:
    edit = QDateEdit(to_qdate(value), parent)
    edit.setObjectName(object_name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class StationDialog(FormDialog):
    def __init__(self, ops, unions: list[tuple[str, str]], station: StationRow | None = None,
                 parent=None):
        if station is None:
            title = self.tr("Register a rest station")
            save = lambda s, data: stations.register_station(s, data=data)  # noqa: E731
        else:
            title = self.tr("Edit rest station — {0}").format(station.code)
            station_id = station.id
            save = lambda s, data: stations.update_station(  # noqa: E731
                s, station_id=station_id, data=data)
        super().__init__(ops, title, save, {Change.STATIONS}, parent)
        self.setObjectName("stationDialog")
        self.station = station
        if station is not None:
            self.add_row(self.tr("Code"), QLabel(station.code, self))
        self.name = self._line("stationNameEdit", self.tr("Name"), "name")
        self.kind = QComboBox(self)
        self.kind.setObjectName("stationKindCombo")
        self.kind.addItem(self.tr("Self-built (自建)"), StationKind.SELF_BUILT)
        self.kind.addItem(self.tr("Co-built (共建)"), StationKind.CO_BUILT)
        self.add_row(self.tr("Built"), self.kind, "kind")
        self.host_unit = self._line("hostUnitEdit", self.tr("Host unit"), "host_unit")
        self.credit_code = self._line("creditCodeEdit", self.tr("Host unit credit code"),
                                      "host_credit_code")
        self.credit_note = QLabel(self)
        self.credit_note.setObjectName("creditWarningLabel")
        self.credit_note.setStyleSheet("color: #a05a00")
        self.add_row("", self.credit_note)
        self.union = QComboBox(self)
        self.union.setObjectName("stationUnionCombo")
        self.union.addItem(self.tr("— none —"), None)
        for union_id, name in unions:
            self.union.addItem(name, union_id)
        self.add_row(self.tr("Co-building union"), self.union, "union_id")
        self.address = self._line("addressEdit", self.tr("Address"), "address")
        self.latitude = self._line("latitudeEdit", self.tr("Latitude (optional)"), "latitude")
        self.longitude = self._line("longitudeEdit", self.tr("Longitude (optional)"), "longitude")
        self.area = self._line("areaEdit", self.tr("Floor area (m²)"), "area_m2")
        self.is_24h = QCheckBox(self.tr("Open 24 hours"), self)
        self.is_24h.setObjectName("open24hCheck")
        self.add_row("", self.is_24h, "is_24h")
        self.hours = self._line("openingHoursEdit", self.tr("Opening hours"), "opening_hours")
        self.hours.setPlaceholderText("07:00-19:00")
        self.manager = self._line("managerEdit", self.tr("Person in charge"), "manager")
        self.phone = self._line("managerPhoneEdit", self.tr("Mobile phone"), "manager_phone")
        self.registered_on = date_edit(self, "registeredOnEdit")
        self.add_row(self.tr("Registered on"), self.registered_on, "registered_on")
        self.facility_checks: dict[str, QCheckBox] = {}
        self.add_row(self.tr("Facilities"), self._facilities_box(), "facilities")
        self.credit_code.textChanged.connect(self._on_credit_code_text_changed)
        self.is_24h.toggled.connect(self._on_is_24h_toggled)
        self._fill(station)

    def _line(self, object_name: str, label: str, field: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(object_name)
        self.add_row(label, edit, field)
        return edit

    def _facilities_box(self) -> QGroupBox:
        box = QGroupBox(self)
        grid = QGridLayout(box)
        labels = {item.key: item.label for item in CHECKLIST}
        for n, key in enumerate(FACILITY_KEYS):
            check = QCheckBox(labels[key], box)
            check.setObjectName(f"facility_{key}")
            self.facility_checks[key] = check
            grid.addWidget(check, n // 3, n % 3)
        return box

    def _fill(self, station: StationRow | None) -> None:
        if station is None:
            return
        self.name.setText(station.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(station.kind)))
        self.host_unit.setText(station.host_unit)
        self.credit_code.setText(station.host_credit_code)
        self.union.setCurrentIndex(max(0, self.union.findData(station.union_id)))
        self.address.setText(station.address)
        if station.latitude is not None:
            self.latitude.setText(f"{station.latitude:.6f}")
            self.longitude.setText(f"{station.longitude:.6f}")
        self.area.setText(str(station.area_m2))
        self.is_24h.setChecked(station.is_24h)
        self.hours.setText(station.opening_hours)
        self.manager.setText(station.manager)
        station_id = station.id
        self.fill_in_full(
            lambda s, reason: stations.station_for_edit(s, station_id=station_id, reason=reason),
            lambda numbers: self.phone.setText(numbers["manager_phone"]),
            masked_numbers(station))
        self.registered_on.setDate(to_qdate(station.registered_on))
        for key, check in self.facility_checks.items():
            check.setChecked(key in station.facilities)

    def _number(self, edit: QLineEdit, what: str) -> float | None:
        text = edit.text().strip()
        if not text:
            return None
        try:
            return float(text)
        except ValueError:
            raise ValueError(self.tr("{0} must be a number").format(what)) from None

    def payload(self) -> StationCreate | StationUpdate:
        try:
            area = Decimal(self.area.text().strip() or "0")
        except InvalidOperation:
            raise ValueError(self.tr("Floor area must be a number of square metres")) from None
        cls = StationCreate if self.station is None else StationUpdate
        return cls(
            name=self.name.text(), kind=self.kind.currentData(), host_unit=self.host_unit.text(),
            host_credit_code=self.credit_code.text(), union_id=self.union.currentData(),
            address=self.address.text(),
            latitude=self._number(self.latitude, self.tr("Latitude")),
            longitude=self._number(self.longitude, self.tr("Longitude")),
            area_m2=area, is_24h=self.is_24h.isChecked(), opening_hours=self.hours.text(),
            manager=self.manager.text(), manager_phone=self.phone.text(),
            registered_on=from_qdate(self.registered_on.date()),
            facilities=[k for k, c in self.facility_checks.items() if c.isChecked()])

    # -- slots --------------------------------------------------------------------------------------
    def _on_credit_code_text_changed(self, text: str) -> None:
        problem = credit_code_problem(text) if text.strip() else None
        self.credit_note.setText(
            self.tr("Warning (saved anyway): {0}").format(problem) if problem else "")

    def _on_is_24h_toggled(self, checked: bool) -> None:
        self.hours.setPlaceholderText(self.tr("optional when open 24 hours") if checked
                                      else "07:00-19:00")
