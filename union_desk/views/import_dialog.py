"""What every Excel import shares: check every row first (with progress and cancel), show each
rejected row with its Excel row number, the person's name, field and reason (every problem of the
row), and every update as before → after, then write the valid rows in one transaction. Each
area's subclass says how to check, how to commit and what to tell the clerk."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from PySide6.QtWidgets import (QDialog, QFileDialog, QHBoxLayout, QHeaderView, QInputDialog,
                               QLabel, QLayout, QPushButton, QTableWidget, QTableWidgetItem,
                               QTabWidget, QVBoxLayout)

from union_desk.services.changes import Change
from union_desk.services.common.import_plan import ImportReport, row_ranges, townships_text
from union_desk.services.common.import_sheet import SheetChoiceNeeded
from union_desk.views.ops import Ops, error_text
from union_desk.views.tables import list_table
from union_desk.views.widgets import make_button

Work = Callable[..., Any]   # what an op runs: (session[, progress=, cancelled=]) -> result


def long_work(fn: Callable[..., Any], **kwargs) -> Work:
    """fn(session, **kwargs, progress=, cancelled=) as an op with progress; kwargs read now."""
    return lambda s, progress, cancelled: fn(s, progress=progress, cancelled=cancelled, **kwargs)


@dataclass
class CheckOutcome:
    """What a finished check shows the clerk."""
    summary: str
    rejected: list[tuple[Any, str, str, str]]  # (Excel row, name, field, reason), in sheet order
    can_commit: bool
    updates: list[tuple[Any, str, str]] = field(default_factory=list)  # (row, name, before → after)
    report: ImportReport | None = None  # the check's report: the rows and columns it left out


def rejected_rows(rejections) -> list[tuple[Any, str, str, str]]:
    """A service's rejections (row, name, field, reason) as the table shows them."""
    return [(r.row, r.name, r.field, r.reason) for r in rejections]


def update_rows(updates) -> list[tuple[Any, str, str]]:
    """A service's row updates as the table shows them: what changes, before → after."""
    return [(u.row, u.name, u.text()) for u in updates]


def fill_table(table: QTableWidget, rows: list[tuple]) -> None:
    table.setRowCount(len(rows))
    for i, values in enumerate(rows):
        for j, value in enumerate(values):
            table.setItem(i, j, QTableWidgetItem(str(value)))
    for column in range(table.columnCount() - 1):
        table.resizeColumnToContents(column)


class ImportDialog(QDialog):
    """[options], summary, rejected rows, then [Save rejected rows…] … [commit] [Cancel].

    Subclasses fill the hooks below and call `check()` at the end of their __init__. Widgets are
    made top to bottom, left to right, so the tab order (and the first focus) follows the eye."""

    changes: frozenset[Change] = frozenset()   # what a commit changes, for the tabs to refresh
    saves_rejections = True                 # the service can write the rejected rows to Excel
    retry_after_failure = False             # a failed commit may be started again
    shows_updates = True                    # the import may update records on file

    def __init__(self, ops: Ops, path: Path, parent=None):
        super().__init__(parent)
        self.ops, self.path = ops, path
        self.sheet: str | None = None           # the sheet the clerk chose, when asked
        self.resize(760, 520)
        self.body = QVBoxLayout(self)
        options = self.build_options()
        if options is not None:
            self.body.addLayout(options)
        self.summary = QLabel(self.tr("Checking every row…"), self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("importTabs")
        self.rejections = list_table(self, "rejectionTable",
                                     [self.tr("Excel row"), self.tr("Name"), self.tr("Field"),
                                      self.tr("Reason")])
        self.rejections.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.updates = list_table(self, "updateTable",
                                  [self.tr("Excel row"), self.tr("Name"),
                                   self.tr("Changes (before → after)")])
        self.updates.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tabs.addTab(self.rejections, "")
        if self.shows_updates:
            self.tabs.addTab(self.updates, "")
        else:
            self.updates.hide()
        self._name_tabs(0, 0)
        self.save_button = None
        buttons = QHBoxLayout()
        if self.saves_rejections:
            self.save_button = make_button(self, "saveRejectionsButton",
                                           self.tr("Save rejected rows…"),
                                           self._on_save_button_clicked)
            self.save_button.setEnabled(False)
            buttons.addWidget(self.save_button)
        for button in self.build_leading_buttons():
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.commit_button = make_button(self, "commitImportButton",
                                         self.tr("Import the valid rows"),
                                         self._on_commit_button_clicked)
        self.commit_button.setEnabled(False)
        buttons.addWidget(self.commit_button)
        for button in self.build_extra_buttons():
            buttons.addWidget(button)
        self.cancel_button = make_button(self, "cancelImportButton", self.tr("Cancel"),
                                         self.reject)
        buttons.addWidget(self.cancel_button)
        self.body.addWidget(self.summary)
        self.body.addWidget(self.tabs, 1)
        self.body.addLayout(buttons)

    # -- hooks ------------------------------------------------------------------------------------
    def build_options(self) -> QLayout | None:
        """Option widgets above the summary (made while the base is built)."""
        return None

    def build_leading_buttons(self) -> list[QPushButton]:
        """Buttons at the left, after "Save rejected rows…"."""
        return []

    def build_extra_buttons(self) -> list[QPushButton]:
        """Buttons between the commit button and Cancel."""
        return []

    def check_work(self) -> Work:
        """fn(session, progress=, cancelled=) that checks the file and returns what it found."""
        raise NotImplementedError

    def checked(self, result) -> CheckOutcome:
        """Keep the check's result and say what to show."""
        raise NotImplementedError

    def commit_work(self) -> Work | None:
        """fn(session, progress=, cancelled=) that writes the valid rows; None: not now."""
        raise NotImplementedError

    def committed(self, result) -> str:
        """Keep the import's result; return the summary to show."""
        raise NotImplementedError

    def save_work(self, dest: Path) -> Work | None:
        """fn(session) that writes the rejected rows to dest; None: nothing checked yet."""
        raise NotImplementedError

    def commit_label(self) -> str:
        return self.tr("Importing…")

    # -- shared wording ---------------------------------------------------------------------------
    def counts_text(self, rows: int, new: int, updated: int, unchanged: int,
                    rejected: int) -> str:
        return self.tr("{0} rows: {1} new, {2} updated, {3} unchanged, {4} rejected.").format(
            rows, new, updated, unchanged, rejected)

    def imported_text(self, new: int, updated: int, unchanged: int) -> str:
        return self.tr("Imported: {0} new, {1} updated, {2} unchanged.").format(
            new, updated, unchanged)

    # -- dialogs (methods, so tests can replace them) ---------------------------------------------
    def ask_save_path(self) -> Path | None:
        default = str(self.path.with_name(self.path.stem + "-未导入行.xlsx"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save rejected rows"), default,
                                              self.tr("Excel workbook (*.xlsx)"))
        return Path(path) if path else None

    def choose_sheet(self, names: list[str]) -> str | None:
        """Which of several sheets that look like the list to read; None: cancelled."""
        name, ok = QInputDialog.getItem(
            self, self.tr("Which sheet?"),
            self.tr("Several sheets of {0} look like the list. Import which one?")
            .format(self.path.name), names, 0, False)
        return name if ok else None

    # -- work -------------------------------------------------------------------------------------
    def check(self) -> None:
        self.summary.setText(self.tr("Checking every row…"))
        self.commit_button.setEnabled(False)
        self.ops.read(self.check_work(), parent=self) \
            .with_progress(self.tr("Checking {0}…").format(self.path.name), self) \
            .success(self._on_check_done).failure(self._on_check_failed).run()

    def _on_check_done(self, result) -> None:
        self.show_outcome(self.checked(result))

    def show_outcome(self, outcome: CheckOutcome) -> None:
        summary = outcome.summary
        if outcome.report is not None:
            summary += self._left_out_text(outcome.report)
        self.summary.setText(summary)
        fill_table(self.rejections, outcome.rejected)
        fill_table(self.updates, outcome.updates)
        self._name_tabs(len({r[0] for r in outcome.rejected}), len(outcome.updates))
        if self.save_button is not None:
            self.save_button.setEnabled(bool(outcome.rejected))
        self.commit_button.setEnabled(outcome.can_commit)
        self._open_first_filled_tab()

    def _left_out_text(self, report: ImportReport) -> str:
        """The lines on what the check did not read: rows hidden, other townships' rows,
        columns."""
        text = ""
        if report.hidden_rows:
            text += "\n" + self.tr(
                "{0} rows hidden or filtered out in the spreadsheet were not read: rows {1}. To "
                "import them, show them in Excel and import again.").format(
                len(report.hidden_rows), row_ranges(report.hidden_rows))
        if report.other_townships:
            text += "\n" + self.tr(
                "{0} rows of other townships in the list were not read: {1} (by its township "
                "column).").format(sum(report.other_townships.values()),
                                   townships_text(report.other_townships))
        if report.unread:
            text += "\n" + self.tr(
                "Columns not read: {0}. The program does not keep these, or does not know the "
                "column's name; if one of them should be imported, give it a usual name and import "
                "again.").format("、".join(report.unread))
        return text

    def _open_first_filled_tab(self) -> None:
        """The first tab with rows in it (the rejected rows, else the updates, else what the
        importer adds, such as the destinations read), so the clerk sees what to look at."""
        for index in range(self.tabs.count()):
            table = self.tabs.widget(index)
            if self.tabs.isTabVisible(index) and table.model().rowCount() > 0:
                self.tabs.setCurrentIndex(index)
                return

    def _name_tabs(self, rejected: int, updates: int) -> None:
        self.tabs.setTabText(self.tabs.indexOf(self.rejections),
                             self.tr("Rejected rows ({0})").format(rejected))
        if self.shows_updates:
            self.tabs.setTabText(self.tabs.indexOf(self.updates),
                                 self.tr("Updates ({0})").format(updates))

    def _on_check_failed(self, err: BaseException) -> None:
        if self.answered(err):
            self.check()
            return
        self.summary.setText(error_text(err))
        self.commit_button.setEnabled(False)

    def answered(self, err: BaseException) -> bool:
        """Whether the clerk answered the question the check stopped at (which sheet; a
        subclass adds its own), so that it runs again."""
        if isinstance(err, SheetChoiceNeeded) and self.sheet is None:
            self.sheet = self.choose_sheet(err.names)
            return self.sheet is not None
        return False

    def _on_commit_done(self, result) -> None:
        self.summary.setText(self.committed(result))
        self.cancel_button.setText(self.tr("Close"))
        if hasattr(result, "rejected") and hasattr(result, "updates"):
            # what the import did: rows that changed since the check are rejected now
            fill_table(self.rejections, rejected_rows(result.rejected))
            fill_table(self.updates, update_rows(result.updates))
            self._name_tabs(len({r.row for r in result.rejected}), len(result.updates))

    def _on_commit_failed(self, err: BaseException) -> None:
        self.summary.setText(error_text(err))
        self.commit_button.setEnabled(self.retry_after_failure)

    # -- slots ------------------------------------------------------------------------------------
    def _on_save_button_clicked(self) -> None:
        dest = self.ask_save_path()
        work = None if dest is None else self.save_work(dest)
        if work is None:
            return
        self.ops.read(work, parent=self) \
            .success(lambda p: self.summary.setText(
                self.summary.text() + "\n" + self.tr("Rejected rows saved to {0}").format(p))) \
            .run()

    def _on_commit_button_clicked(self) -> None:
        work = self.commit_work()
        if work is None:
            return
        self.commit_button.setEnabled(False)
        self.ops.write(work, changes=set(self.changes), parent=self) \
            .with_progress(self.commit_label(), self) \
            .success(self._on_commit_done).failure(self._on_commit_failed).run()
