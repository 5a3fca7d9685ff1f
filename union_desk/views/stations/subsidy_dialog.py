"""A station's subsidies: the one-off build grant and running subsidies, each paid to the host
unit with a payment voucher (listed and printed with the hardship payments)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialogButtonBox, QHBoxLayout,
                               QInputDialog, QLabel, QLineEdit, QPushButton,
                               QTableWidgetItem, QVBoxLayout)

from union_desk.domain.errors import RuleError
from union_desk.domain.money import format_fen, yuan_to_fen
from union_desk.models.payment import PaymentMethod
from union_desk.models.stations import StationRow, SubsidyKind, SubsidyRow
from union_desk.services.changes import Change
from union_desk.services.stations import subsidies as station_subsidies
from union_desk.views.form_dialog import GuardedDialog
from union_desk.views.ops import Ops, error_text
from union_desk.views.stations.dialog import date_edit, from_qdate
from union_desk.views.tables import list_table


class StationSubsidyDialog(GuardedDialog):
    def __init__(self, ops: Ops, station: StationRow, parent=None):
        super().__init__(parent)
        self.ops, self.station = ops, station
        self.setObjectName("stationSubsidyDialog")
        self.setWindowTitle(self.tr("Subsidies — {0} {1}").format(station.code, station.name))
        self.table = list_table(self, "subsidyTable", [
            self.tr("Paid on"), self.tr("Kind"), self.tr("Amount"), self.tr("Voucher no."),
            self.tr("Note")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumSize(760, 200)
        self.kind = QComboBox(self)
        self.kind.setObjectName("subsidyKindCombo")
        self.kind.addItem(self.tr("Build grant (建设补助, once)"), SubsidyKind.BUILD)
        self.kind.addItem(self.tr("Running subsidy (运行补助)"), SubsidyKind.RUNNING)
        self.amount = QLineEdit(self)
        self.amount.setObjectName("subsidyAmountEdit")
        self.amount.setPlaceholderText(self.tr("yuan, e.g. 5000.00"))
        self.paid_on = date_edit(self, "subsidyDateEdit")
        self.note = QLineEdit(self)
        self.note.setObjectName("subsidyNoteEdit")
        self.note.setPlaceholderText(self.tr("Note"))
        self.method = QComboBox(self)
        self.method.setObjectName("subsidyMethodCombo")
        self.method.addItem(self.tr("Bank transfer"), PaymentMethod.BANK)
        self.method.addItem(self.tr("Cash"), PaymentMethod.CASH)
        self.handler, self.reviewer, self.approver = (
            self._name_edit(name, text) for name, text in (
                ("subsidyHandlerEdit", self.tr("Handled by (blank: you)")),
                ("subsidyReviewerEdit", self.tr("Reviewed by")),
                ("subsidyApproverEdit", self.tr("Approved by"))))
        add = QPushButton(self.tr("Add"), self)
        add.setObjectName("addSubsidyButton")
        void = QPushButton(self.tr("Withdraw selected"), self)
        void.setObjectName("voidSubsidyButton")
        self.error = QLabel(self)
        self.error.setObjectName("errorLabel")
        self.error.setStyleSheet("color: #b00020")
        self.total = QLabel(self)
        self.total.setObjectName("subsidyTotalLabel")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        add.clicked.connect(self._on_add_clicked)
        void.clicked.connect(self._on_void_clicked)
        entry = QHBoxLayout()
        for widget in (self.kind, self.amount, self.paid_on, self.note, add):
            entry.addWidget(widget, 1 if widget is self.note else 0)
        signers = QHBoxLayout()
        signers.addWidget(QLabel(self.tr("Paid by"), self))
        for widget in (self.method, self.handler, self.reviewer, self.approver):
            signers.addWidget(widget)
        bottom = QHBoxLayout()
        bottom.addWidget(void)
        bottom.addWidget(self.total, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Each subsidy is paid to the host unit with a payment "
                                        "voucher; print it from the payments list."), self))
        layout.addWidget(self.table)
        layout.addLayout(entry)
        layout.addLayout(signers)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        self.reload()

    def form_state(self) -> tuple:
        """A subsidy typed but not added (after adding, its fields are empty again)."""
        return self.amount.text().strip(), self.note.text().strip()

    def _name_edit(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(40)
        return edit

    def reload(self) -> None:
        station_id = self.station.id
        self.ops.read(lambda s: station_subsidies.list_subsidies(s, station_id=station_id)) \
            .latest((id(self), "subsidies")).success(self._show).run()

    def _show(self, rows: list[SubsidyRow]) -> None:
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            cells = (f"{row.paid_on:%Y-%m-%d}", row.kind.value, format_fen(row.amount_fen),
                     row.voucher_no or self.tr("(none)"), row.note)
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        self.total.setText(self.tr("Total: {0}").format(
            format_fen(sum(r.amount_fen for r in rows))))

    def ask_reason(self) -> str | None:
        text, ok = QInputDialog.getText(self, self.windowTitle(), self.tr(
            "Withdraw the selected subsidy? Its payment voucher is voided.\nReason:"))
        return text if ok else None

    def _failed(self, err: BaseException) -> None:
        self.error.setText(error_text(err))

    # -- slots --------------------------------------------------------------------------------------
    def _on_add_clicked(self) -> None:
        try:
            fen = yuan_to_fen(self.amount.text())
        except RuleError as err:
            self.error.setText(str(err))
            return
        station_id, kind = self.station.id, self.kind.currentData()
        paid_on, note = from_qdate(self.paid_on.date()), self.note.text()
        signers = {"method": self.method.currentData(), "handler": self.handler.text(),
                   "reviewer": self.reviewer.text(), "approver": self.approver.text()}
        self.error.clear()
        self.ops.write(lambda s: station_subsidies.add_subsidy(
            s, station_id=station_id, kind=kind, amount_fen=fen, paid_on=paid_on, note=note,
            **signers),
            changes={Change.STATION_SUBSIDIES, Change.PAYMENTS}, parent=self) \
            .success(lambda _r: (self.amount.clear(), self.note.clear(), self.reload())) \
            .failure(self._failed).run()

    def _on_void_clicked(self) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        if item is None:
            return
        reason = self.ask_reason()
        if reason is None:
            return
        subsidy_id = item.data(Qt.ItemDataRole.UserRole)
        self.ops.write(lambda s: station_subsidies.void_subsidy(s, subsidy_id=subsidy_id,
                                                                reason=reason),
                       changes={Change.STATION_SUBSIDIES, Change.PAYMENTS}, parent=self) \
            .success(lambda _r: self.reload()).failure(self._failed).run()
