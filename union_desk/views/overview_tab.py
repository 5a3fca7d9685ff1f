"""年度概况: the township's year-end figures across every working area, as the city federation's
report words them (services/year_report.py), refreshed whenever anything changes."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QSpinBox,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from union_desk.domain.money import format_fen
from union_desk.services.year_report import YearReport, year_report
from union_desk.views.ops import Ops
from union_desk.views.tables import list_table


class OverviewTab(QWidget):
    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("overviewTab")
        self.report: YearReport | None = None
        self.year = QSpinBox(self)
        self.year.setObjectName("overviewYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.heading = QLabel(self)
        self.heading.setObjectName("overviewHeading")
        self.table = list_table(self, "overviewTable", [self.tr("Work"), self.tr("This year")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year"), self))
        top.addWidget(self.year)
        top.addWidget(self.heading, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(self.tr(
            "New unions count by founding date, new members by joining date; money counts issued "
            "payments only (voided ones are left out)."), self))
        self._stale = True  # figures are gathered when the tab is shown, not at start-up
        self.year.valueChanged.connect(self._on_year_value_changed)
        ops.changed.connect(self._on_ops_changed)

    def title(self) -> str:
        return self.tr("Overview")

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        year = self.year.value()
        self.ops.read(lambda s: year_report(s, year=year)) \
            .latest((id(self), "report")).success(self._show).run()

    def _show(self, report: YearReport) -> None:
        if report.year != self.year.value():
            return  # the clerk has moved on to another year
        self.report = report
        self.heading.setText(self.tr("{0}, {1}").format(report.township, report.year))
        lines = self.lines(report)
        self.table.setRowCount(len(lines))
        for i, (what, figure) in enumerate(lines):
            self.table.setItem(i, 0, QTableWidgetItem(what))
            self.table.setItem(i, 1, QTableWidgetItem(figure))
        self.table.resizeColumnToContents(0)

    def lines(self, report: YearReport) -> list[tuple[str, str]]:
        """The report's lines in the window's language (the CLI prints YearReport.lines())."""
        h, t = report.hardship, report.trips
        return [
            (self.tr("New grassroots unions"), self.tr("{0} (on roll {1})").format(
                report.unions_new, report.unions_on_roll)),
            (self.tr("New members"), self.tr("{0} people (on roll {1})").format(
                report.members_new, report.members_on_roll)),
            (self.tr("Hardship households supported"),
             self.tr("{0} households, {1} payments, {2}").format(
                 h.hardship_households, h.hardship_payments, format_fen(h.hardship_amount_fen))),
            (self.tr("Medical mutual aid"), self.tr("{0} cases, {1}").format(
                h.medical_cases, format_fen(h.medical_amount_fen))),
            (self.tr("Front-line epidemic workers visited"), self.tr("{0} people, {1}").format(
                h.epidemic_people, format_fen(h.epidemic_amount_fen))),
            (self.tr("Spring Festival buses home"),
             self.tr("{0} campaigns, {1} buses, {2} registered, {3} carried").format(
                 t.campaigns, t.buses, t.registered, t.carried)),
            (self.tr("New rest stations"),
             self.tr("{0} (in use {1}), {2} visits in the year").format(
                 report.stations_new, report.stations_in_service, report.people_served)),
        ]

    def _on_year_value_changed(self, _year: int) -> None:
        self.refresh()

    def _on_ops_changed(self, _changes: set) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True
