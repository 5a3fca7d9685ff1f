"""审计日志 (a 负责人's): reveals of full numbers with their reasons, approvals of payments,
changes to accounts and to the review settings — filtered by kind and date, exported to Excel."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QFileDialog,
                               QHBoxLayout, QLabel, QMessageBox, QTableView, QVBoxLayout, QWidget)

from union_desk.services.accounts.audit_log import (
    AuditKind, AuditLine, AuditQuery, export_audit, list_audit,
)
from union_desk.views.ops import Ops
from union_desk.views.paged_model import Column, PagedTableModel
from union_desk.views.tables import configure_table
from union_desk.views.widgets import filter_combo, make_button


def _fetch(session, query: dict, offset: int, limit: int, _sort, _descending) -> list[AuditLine]:
    return list_audit(session, query=AuditQuery(**query), offset=offset, limit=limit)


class AuditModel(PagedTableModel):
    COL_AT, COL_ACTOR, COL_KIND, COL_SUBJECT, COL_DETAIL = range(5)

    def __init__(self, ops: Ops, parent=None):
        super().__init__(ops, [
            Column(self.tr("Time"), lambda r: f"{r.at:%Y-%m-%d %H:%M}"),
            Column(self.tr("Account"), lambda r: r.actor),
            Column(self.tr("Kind"), lambda r: r.kind.value),
            Column(self.tr("What"), lambda r: r.subject),
            Column(self.tr("Details"), lambda r: r.detail),
        ], _fetch, parent=parent)


class AuditLogDialog(QDialog):
    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("auditLogDialog")
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(980, 560)
        self.kind = filter_combo(self, "auditKindFilter", self.tr("All kinds"),
                                 [(k.value, k) for k in AuditKind])
        self.dated = QCheckBox(self.tr("From"), self)
        self.dated.setObjectName("auditDatedCheck")
        self.start = self._date_edit("auditStartEdit", QDate.currentDate().addMonths(-1))
        self.end = self._date_edit("auditEndEdit", QDate.currentDate())
        self.model = AuditModel(ops, self)
        self.table = QTableView(self)
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        configure_table(self.table, sortable=False)  # newest first
        top = QHBoxLayout()
        top.addWidget(self.kind)
        top.addWidget(self.dated)
        top.addWidget(self.start)
        top.addWidget(QLabel(self.tr("to"), self))
        top.addWidget(self.end)
        top.addStretch(1)
        top.addWidget(make_button(self, "auditExportButton", self.tr("Export to Excel…"),
                                  self.export))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        self.kind.currentIndexChanged.connect(self._on_filter_changed)
        self.dated.toggled.connect(self._on_filter_changed)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self._on_filter_changed)
        self.model.loaded.connect(lambda _rows: self.table.resizeColumnsToContents())
        self.apply_filters()

    def _date_edit(self, name: str, value: QDate) -> QDateEdit:
        edit = QDateEdit(value, self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def query(self) -> dict:
        dated = self.dated.isChecked()
        self.start.setEnabled(dated)
        self.end.setEnabled(dated)
        return dict(kind=self.kind.currentData(),
                    start=self.start.date().toPython() if dated else None,
                    end=self.end.date().toPython() if dated else None)

    def apply_filters(self) -> None:
        self.model.set_query(**self.query())

    def export(self) -> None:
        path = self.ask_save_path()
        if path is None:
            return
        query = AuditQuery(**self.query())
        self.ops.read(lambda s: export_audit(s, path=path, query=query), parent=self) \
            .success(lambda n: self.inform(self.tr("{0} entries exported to {1}").format(n, path))) \
            .run()

    # -- dialogs (methods, so tests can replace them) ---------------------------------------------
    def ask_save_path(self) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit log"),
                                              f"审计日志-{date.today():%Y%m%d}.xlsx",
                                              self.tr("Excel workbook (*.xlsx)"))
        return Path(path) if path else None

    def inform(self, text: str) -> None:
        QMessageBox.information(self, self.windowTitle(), text)

    def _on_filter_changed(self, *_args) -> None:
        self.apply_filters()
