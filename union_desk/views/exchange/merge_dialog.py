"""导入乡镇数据包: the chosen package files, merged one by one (each all or nothing), with what
each brought or why it was refused."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QLabel, QVBoxLayout,
                               QWidget)

from union_desk.services.changes import Change
from union_desk.services.exchange.merge import MergeResult, merge_into_this_database
from union_desk.views.exchange.table_fill import fill
from union_desk.views.ops import Ops, show_error
from union_desk.views.tables import list_table
from union_desk.views.widgets import make_button

# every kind of record the tabs refresh on: a merge (or another township chosen) changes them all
ALL_RECORDS = frozenset(Change)


class MergeDialog(QDialog):
    def __init__(self, ops: Ops, paths: list[Path], parent: QWidget | None = None):
        super().__init__(parent)
        self.ops, self.paths = ops, list(paths)
        self.results: list[MergeResult] | None = None
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Import township packages"))
        self.resize(980, 420)
        self.intro = QLabel(self.tr(
            "Each package is checked (signature, city key, version, every record) and merged on "
            "its own: all of it or nothing. Merging a package twice changes nothing."), self)
        self.intro.setWordWrap(True)
        self.table = list_table(self, "mergeTable", [
            self.tr("File"), self.tr("Township"), self.tr("No."), self.tr("Result"),
            self.tr("New"), self.tr("Updated"), self.tr("Unchanged"), self.tr("Removed"),
            self.tr("Review"), self.tr("Reason")])
        self.table.horizontalHeader().setSectionResizeMode(9, QHeaderView.ResizeMode.Stretch)
        fill(self.table, [[p.name, "", "", self.tr("waiting"), "", "", "", "", "", ""]
                          for p in self.paths])
        self.summary = QLabel(self)
        self.summary.setObjectName("mergeSummary")
        self.merge_button = make_button(self, "mergeButton", self.tr("Merge"), self._on_merge_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)

    def _on_merge_clicked(self) -> None:
        self.merge_button.setEnabled(False)
        paths = self.paths
        # each package keeps its own transaction: run beside the window's writes
        self.ops.read(lambda s, progress, cancelled: merge_into_this_database(
                          s, paths=paths, progress=progress), parent=self) \
            .with_progress(self.tr("Merging township packages…"), self) \
            .success(self._show).failure(self._on_failed).run()

    def _on_failed(self, err: BaseException) -> None:
        self.merge_button.setEnabled(True)
        show_error(self, err)

    def _show(self, results: list[MergeResult]) -> None:
        self.results = results
        rows = []
        for r in results:
            total = {k: sum(getattr(c, k) for c in r.counts.values())
                     for k in ("new", "updated", "unchanged", "tombstoned")}
            rows.append([r.file, r.township_name, str(r.sequence or ""), r.outcome.value,
                         str(total["new"]), str(total["updated"]), str(total["unchanged"]),
                         str(total["tombstoned"]), str(r.review_items),
                         r.reason or (self.tr("first package: signing key {0} registered")
                                      .format(r.signer_fingerprint) if r.new_signer else "")])
        fill(self.table, rows, right={2, 4, 5, 6, 7, 8})
        self.table.resizeColumnsToContents()
        refused = sum(1 for r in results if not r.ok)
        self.summary.setText(self.tr("{0} merged, {1} refused.").format(
            len(results) - refused, refused))
        self.ops.changed.emit(ALL_RECORDS)
