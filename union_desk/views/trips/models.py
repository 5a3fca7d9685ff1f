"""Table models of the shuttle-bus tab: buses, passengers (with the boarding tick), waiting list,
registrations (paged from SQL) and figures. ID numbers and phones show masked (their type,
models/personal.py)."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, Signal

from union_desk.views.paged_model import Column, ListModel


class TripsListModel(ListModel):
    """A small list loaded whole. `check` = (column, is_checked) makes that column a checkbox;
    ticking it emits `toggled(row, checked)` and leaves the write to the panel."""

    toggled = Signal(object, bool)

    def __init__(self, columns: list[Column],
                 check: tuple[int, Callable[[Any], bool]] | None = None, parent=None):
        super().__init__(columns, parent=parent)
        self._check = check

    def flags(self, index):
        flags = super().flags(index)
        if self._check and index.column() == self._check[0]:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role == Qt.ItemDataRole.CheckStateRole and self._check and \
                index.column() == self._check[0]:
            row = self._rows[index.row()]
            return Qt.CheckState.Checked if self._check[1](row) else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or not self._check or \
                index.column() != self._check[0]:
            return False
        self.toggled.emit(self._rows[index.row()], Qt.CheckState(value) == Qt.CheckState.Checked)
        return True


def _clock(value) -> str:
    return value.astimezone().strftime("%m-%d %H:%M") if value else ""


BOARDED_COLUMN = 1  # of the passengers' columns: the boarding tick


class TripsColumns(QObject):
    """The columns of each list, with translated headers."""

    def buses(self) -> list[Column]:
        return [Column(self.tr("Bus"), lambda b: f"{b.leg.value}{b.seq}",
                       value=lambda b: (b.leg, b.seq)),
                Column(self.tr("Plate"), lambda b: b.plate),
                Column(self.tr("Destination"), lambda b: b.destination),
                Column(self.tr("Departs"), lambda b: b.departs_text),
                Column(self.tr("Seats"), lambda b: f"{b.seated}/{b.seats}", align_right=True),
                Column(self.tr("Boarded"), lambda b: str(b.boarded), align_right=True),
                Column(self.tr("Missing"), lambda b: str(b.missing), align_right=True)]

    def passengers(self) -> list[Column]:
        return [Column(self.tr("Seat"), lambda p: str(p.seat_no or ""),
                       value=lambda p: p.seat_no or 0, align_right=True),
                Column(self.tr("Boarded"), lambda p: _clock(p.boarded_at)),
                Column(self.tr("Name"), lambda p: p.name),
                Column(self.tr("ID number"), lambda p: str(p.id_number)),
                Column(self.tr("Phone"), lambda p: str(p.phone)),
                Column(self.tr("Destination"), lambda p: p.destination),
                Column(self.tr("Employer"), lambda p: p.employer),
                Column(self.tr("Reg. no."), lambda p: str(p.seq), align_right=True)]

    def waiting(self) -> list[Column]:
        return [Column(self.tr("Reg. no."), lambda p: str(p.seq), align_right=True),
                Column(self.tr("Leg"), lambda p: p.leg.value),
                Column(self.tr("Name"), lambda p: p.name),
                Column(self.tr("ID number"), lambda p: str(p.id_number)),
                Column(self.tr("Destination"), lambda p: p.destination),
                Column(self.tr("Employer"), lambda p: p.employer)]

    def seat_text(self, row) -> str:
        return "; ".join(self.tr("{0} {1} seat {2}").format(s.leg.value, s.plate, s.seat_no)
                         if s.bus_id else self.tr("{0} waiting").format(s.leg.value)
                         for s in row.seats)

    def registrations(self) -> list[Column]:
        member = self.tr("yes")
        return [Column(self.tr("Reg. no."), lambda r: str(r.seq), "seq", align_right=True),
                Column(self.tr("Name"), lambda r: r.name, "name"),
                Column(self.tr("ID number"), lambda r: str(r.id_number), "id_number"),
                Column(self.tr("Phone"), lambda r: str(r.phone), "phone"),
                Column(self.tr("Employer"), lambda r: r.employer, "employer"),
                Column(self.tr("Destination"), lambda r: r.destination, "destination"),
                Column(self.tr("Legs"), lambda r: r.legs.value, "legs"),
                Column(self.tr("Seat"), self.seat_text),
                Column(self.tr("Member"), lambda r: member if r.is_member else ""),
                Column(self.tr("Status"), lambda r: r.status.value, "status")]

    def figures(self, label: str) -> list[Column]:
        return [Column(label, lambda f: f.label),
                Column(self.tr("Registered"), lambda f: str(f.registered), align_right=True),
                Column(self.tr("Seated"), lambda f: str(f.seated), align_right=True),
                Column(self.tr("Waiting"), lambda f: str(f.waiting), align_right=True),
                Column(self.tr("Boarded"), lambda f: str(f.boarded), align_right=True)]
