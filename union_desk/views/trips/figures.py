"""The campaign's figures: registered, seated, waiting, boarded; by province; by employer."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from union_desk.models.trips import CampaignFigures
from union_desk.services.trips import seats as trips_seats
from union_desk.views.ops import Ops
from union_desk.views.trips.models import TripsColumns, TripsListModel
from union_desk.views.trips.passengers import make_table


class FiguresPanel(QWidget):
    loaded = Signal(object)  # CampaignFigures, for the tab's one-line summary

    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.campaign_id: str | None = None
        self.figures: CampaignFigures | None = None
        self.summary = QLabel(self)
        self.summary.setObjectName("tripsFiguresSummary")
        self.summary.setWordWrap(True)
        columns = TripsColumns()
        self.by_province = TripsListModel(columns.figures(self.tr("Destination province")),
                                          parent=self)
        self.by_employer = TripsListModel(columns.figures(self.tr("Employer")), parent=self)
        tables = QHBoxLayout()
        tables.addWidget(make_table(self, "tripsByProvince", self.by_province), 2)
        tables.addWidget(make_table(self, "tripsByEmployer", self.by_employer), 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(tables, 1)

    def set_campaign(self, campaign_id: str | None) -> None:
        self.campaign_id = campaign_id
        self.reload()

    def reload(self) -> None:
        campaign_id = self.campaign_id
        if campaign_id is None:
            self.summary.setText("")
            self.by_province.set_rows([])
            self.by_employer.set_rows([])
            return
        self.ops.read(lambda s: trips_seats.figures(s, campaign_id=campaign_id)) \
            .latest((id(self), "figures")).success(lambda f: self._arrived(campaign_id, f)).run()

    def summary_text(self, f: CampaignFigures) -> str:
        return self.tr("Registered {0} (members {1}), cancelled {2}; seated {3}, waiting {4}, "
                       "on board {5}; {6} buses with {7} seats.").format(
            f.registered, f.members, f.cancelled, f.seated, f.waiting, f.boarded, f.buses, f.seats)

    def _arrived(self, campaign_id: str, figures: CampaignFigures) -> None:
        if campaign_id != self.campaign_id:
            return
        self.figures = figures
        self.summary.setText(self.summary_text(figures))
        self.by_province.set_rows(figures.by_province)
        self.by_employer.set_rows(figures.by_employer)
        self.loaded.emit(figures)
