"""Roster import: check every row first, show each rejected row, then import the valid ones."""
from __future__ import annotations

from pathlib import Path

from union_desk.services.changes import Change
from union_desk.services.roster.importer import (check_roster_file, commit_roster_import,
                                               save_rejections)
from union_desk.views.import_dialog import CheckOutcome, ImportDialog, long_work
from union_desk.views.ops import Ops


class RosterImportDialog(ImportDialog):
    changes = frozenset({Change.MEMBERS, Change.UNIONS})

    def __init__(self, ops: Ops, path: Path, parent=None):
        super().__init__(ops, path, parent)
        self.plan = None     # the check
        self.report = None   # the import done
        self.setObjectName("rosterImportDialog")
        self.setWindowTitle(self.tr("Import roster — {0}").format(path.name))
        self.check()

    def check_work(self):
        return long_work(check_roster_file, path=self.path)

    def checked(self, plan) -> CheckOutcome:
        self.plan = plan
        data = plan.to_json()
        text = self.counts_text(data["rows"], data["new"], data["updated"], data["unchanged"],
                                len(data["rejected"]))
        if data["unions_created"]:
            text += "\n" + self.tr("Unions to be created: {0}").format(
                "、".join(data["unions_created"]))
        return CheckOutcome(text, [(r.row, r.field, r.reason) for r in plan.rejected],
                            data["new"] + data["updated"] > 0)

    def save_work(self, dest: Path):
        plan = self.plan
        return None if plan is None else (lambda _s: save_rejections(plan, dest))

    def commit_work(self):
        return long_work(commit_roster_import, plan=self.plan)

    def committed(self, report) -> str:
        self.report = report
        data = report.to_json()
        return self.imported_text(data["new"], data["updated"], data["unchanged"])
