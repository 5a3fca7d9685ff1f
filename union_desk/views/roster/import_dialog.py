"""Roster import: check every row first, show each rejected row and each update (before → after),
let the clerk confirm real name changes row by row, then import the valid ones."""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QInputDialog, QTableWidgetItem

from union_desk.services.changes import Change
from union_desk.services.roster.importer import (check_roster_file, commit_roster_import,
                                               save_rejections)
from union_desk.services.roster.sheet import UnionNeeded
from union_desk.views.import_dialog import (CheckOutcome, ImportDialog, long_work, rejected_rows,
                                            update_rows)
from union_desk.views.ops import Ops
from union_desk.views.tables import list_table


class RosterImportDialog(ImportDialog):
    changes = frozenset({Change.MEMBERS, Change.UNIONS})

    def __init__(self, ops: Ops, path: Path, parent=None, *, union_names: Sequence[str] = (),
                 union_hint: str = ""):
        super().__init__(ops, path, parent)
        self.plan = None     # the check
        self.report = None   # the import done
        # for a list without a 所属工会 column: the unions offered, the one offered first, and
        # the one the clerk named
        self.union_names, self.union_hint = list(union_names), union_hint
        self.union: str | None = None
        self.setObjectName("rosterImportDialog")
        self.setWindowTitle(self.tr("Import roster — {0}").format(path.name))
        self.renames = list_table(self, "renameTable", [
            self.tr("Real name change"), self.tr("Excel row"), self.tr("Changes (before → after)")])
        self.renames.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.renames.itemChanged.connect(self._on_renames_item_changed)
        self.tabs.addTab(self.renames, self.tr("Name changes to confirm ({0})").format(0))
        self.check()

    def accepted_renames(self) -> set[int]:
        """The Excel rows the clerk ticked as real name changes."""
        return {int(self.renames.item(i, 1).text()) for i in range(self.renames.rowCount())
                if self.renames.item(i, 0).checkState() == Qt.CheckState.Checked}

    def check_work(self):
        return long_work(check_roster_file, path=self.path, sheet=self.sheet, union=self.union)

    def answered(self, err: BaseException) -> bool:
        if isinstance(err, UnionNeeded) and self.union is None:
            self.union = self.choose_union(err.suggested)
            return self.union is not None
        return super().answered(err)

    def choose_union(self, suggested: str | None = None) -> str | None:
        """The union of every member of a list without a 所属工会 column, the one its title
        names (`suggested`) or else the one selected in the tab offered first; None: cancelled."""
        names = self.union_names
        offered = [n for n in (suggested, self.union_hint) if n in names]
        first = names.index(offered[0]) if offered else 0
        name, ok = QInputDialog.getItem(
            self, self.tr("Which union?"),
            self.tr("{0} does not say the members' union (所属工会). Which grassroots union "
                    "are they all in? A name not on file creates that union.").format(
                self.path.name),
            names, first, True)
        name = " ".join(name.split())
        return name if ok and name else None

    def checked(self, plan) -> CheckOutcome:
        self.plan = plan
        self.renames.blockSignals(True)
        self.renames.setRowCount(len(plan.renames))
        for i, update in enumerate(plan.renames):
            tick = QTableWidgetItem(self.tr("Same person, new name"))
            tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            tick.setCheckState(Qt.CheckState.Unchecked)
            self.renames.setItem(i, 0, tick)
            self.renames.setItem(i, 1, QTableWidgetItem(str(update.row)))
            self.renames.setItem(i, 2, QTableWidgetItem(update.text()))
        self.renames.resizeColumnToContents(0)
        self.renames.blockSignals(False)
        self.tabs.setTabText(self.tabs.indexOf(self.renames),
                             self.tr("Name changes to confirm ({0})").format(len(plan.renames)))
        return self._outcome()

    def _outcome(self) -> CheckOutcome:
        report = self.plan.report(self.accepted_renames())
        text = self.counts_text(report.rows, report.new, report.updated, report.unchanged,
                                report.rejected_rows)
        if self.union is not None:
            text += "\n" + self.tr("The list does not say the union: every member is imported "
                                   "into {0}.").format(self.union)
        if report.unions_created:
            text += "\n" + self.tr("Unions to be created: {0}").format(
                "、".join(report.unions_created))
        if report.renames:
            text += "\n" + self.tr(
                "{0} rows give an ID number on file under another name and are not imported; "
                "tick those that are real name changes under \"Name changes to confirm\".").format(
                len(report.renames))
        return CheckOutcome(text, rejected_rows(report.rejected), report.new + report.updated > 0,
                            update_rows(report.updates), report=report)

    def save_work(self, dest: Path):
        plan, accepted = self.plan, self.accepted_renames()
        return None if plan is None else (lambda _s: save_rejections(plan.report(accepted), dest))

    def commit_work(self):
        return long_work(commit_roster_import, plan=self.plan,
                         accept_renames=self.accepted_renames())

    def committed(self, report) -> str:
        self.report = report
        self.renames.setEnabled(False)
        text = self.imported_text(report.new, report.updated, report.unchanged)
        if report.rejected:
            text += " " + self.tr("Rows with problems were left out (listed below).")
        return text

    # -- slots ------------------------------------------------------------------------------------
    def _on_renames_item_changed(self, item: QTableWidgetItem) -> None:
        if self.plan is not None and self.report is None and item.column() == 0:
            self.show_outcome(self._outcome())
