"""An employer's Excel list into a campaign: check every row, show each rejected row and, when the
destination is one column, where each way of writing it was placed; then import the valid ones
in one transaction (or cancel)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHeaderView

from union_desk.services.changes import Change
from union_desk.services.trips.importer import (check_trips_file, commit_trips_import,
                                              save_rejections)
from union_desk.views.import_dialog import (CheckOutcome, ImportDialog, fill_table, long_work,
                                            rejected_rows, update_rows)
from union_desk.views.ops import Ops
from union_desk.views.tables import list_table


class TripsImportDialog(ImportDialog):
    changes = frozenset({Change.TRIPS})

    def __init__(self, ops: Ops, campaign_id: str, path: Path, parent=None):
        super().__init__(ops, path, parent)
        self.campaign_id = campaign_id
        self.plan = None     # the check
        self.report = None   # the import done
        self.setObjectName("tripsImportDialog")
        self.setWindowTitle(self.tr("Import registrations — {0}").format(path.name))
        self.placements = list_table(self, "placementTable", [
            self.tr("Placed as"), self.tr("Rows"), self.tr("First Excel row"),
            self.tr("As written")])
        self.placements.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.tabs.addTab(self.placements, "")
        self.tabs.setTabVisible(self.tabs.indexOf(self.placements), False)
        self.check()

    def check_work(self):
        return long_work(check_trips_file, campaign_id=self.campaign_id, path=self.path,
                         sheet=self.sheet)

    def checked(self, plan) -> CheckOutcome:
        self.plan = plan
        placements = plan.placements()
        fill_table(self.placements, [
            (p.place, p.rows, p.first_row, "、".join(p.written) + (
                self.tr(" and {0} more ways").format(p.more_written) if p.more_written else ""))
            for p in placements])
        index = self.tabs.indexOf(self.placements)
        self.tabs.setTabText(index, self.tr("Destinations read ({0})").format(len(placements)))
        self.tabs.setTabVisible(index, bool(placements))
        report = plan.report()
        text = self.counts_text(report.rows, report.new, report.updated, report.unchanged,
                                report.rejected_rows)
        if placements:
            text += "\n" + self.tr(
                "The destinations were read from one column as {0} places: check them under "
                "\"Destinations read\".").format(len(placements))
        return CheckOutcome(text, rejected_rows(report.rejected), report.new + report.updated > 0,
                            update_rows(report.updates), report=report)

    def save_work(self, dest: Path):
        report = None if self.plan is None else self.plan.report()
        return None if report is None else (lambda _s: save_rejections(report, dest))

    def commit_work(self):
        return long_work(commit_trips_import, campaign_id=self.campaign_id, plan=self.plan)

    def committed(self, report) -> str:
        self.report = report
        return self.imported_text(report.new, report.updated, report.unchanged)
