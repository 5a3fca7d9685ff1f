"""The payments list (慰问金 / 补助): filters by occasion, month and status, the totals the city
office asks for, voiding and correcting, campaign import, printing vouchers and sign-off sheets."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QInputDialog, QLabel,
                               QLineEdit, QMenu, QPushButton, QTableView, QVBoxLayout, QWidget)

from union_desk.domain.money import format_fen
from union_desk.models.payment import OCCASIONS, PaymentReview, PaymentRow, PaymentStatus
from union_desk.services.accounts.policy import AccountsPolicy, accounts_policy
from union_desk.services.changes import Change
from union_desk.services.hardship import approval, payments, vouchers
from union_desk.services.hardship.stats import Totals, payment_totals
from union_desk.services.hardship.payment_search import PaymentFilter, list_payments, occasions_in_use
from union_desk.views.hardship.approve_button import ApproveButton
from union_desk.views.hardship.figures import YearFiguresDialog
from union_desk.views.hardship.import_dialog import CampaignImportDialog
from union_desk.views.hardship.models import PaymentsModel
from union_desk.views.hardship.payment_dialogs import CorrectionDialog, MedicalAidDialog
from union_desk.views.hardship.printing import VoucherPrinting
from union_desk.views.search_keys import SearchKeys
from union_desk.views.ops import Ops
from union_desk.views.panel import Panel
from union_desk.views.tables import configure_table, select_first
from union_desk.views.widgets import filter_combo, make_button

YEARS_BACK = 6
PENDING = "pending"  # the status filter's item for payments waiting for review


class PaymentsPanel(Panel):
    totals_shown = Signal(object)   # the Totals shown, after each refresh

    def __init__(self, ops: Ops, printing: VoucherPrinting, parent: QWidget | None = None):
        super().__init__(ops, "paymentsPanel", parent)
        self.printing = printing
        self.model = PaymentsModel(ops, self)
        self.policy: AccountsPolicy | None = None  # who works, and is 凭证须经审核 on
        self.waiting = 0  # payments waiting for review
        self._build()
        self.refresh_occasions()
        self.refresh_review()
        self.apply_filters()

    def title(self) -> str:
        return self.tr("Hardship support")

    # -- layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.search = QLineEdit(self)
        self.search.setObjectName("paymentSearch")
        self.search.setPlaceholderText(self.tr("Recipient, ID number or voucher no. — Ctrl+F"))
        self.search.setClearButtonEnabled(True)
        self.occasion_filter = filter_combo(self, "occasionFilter", self.tr("All occasions"), [])
        this_year = date.today().year
        self.year_filter = filter_combo(self, "yearFilter", self.tr("All years"), [
            (str(y), y) for y in range(this_year, this_year - YEARS_BACK, -1)])
        self.month_filter = filter_combo(self, "monthFilter", self.tr("Whole year"), [
            (self.tr("Month {0}").format(m), m) for m in range(1, 13)])
        self.month_filter.setEnabled(False)
        self.status_filter = filter_combo(self, "paymentStatusFilter", self.tr("All statuses"),
                                          [(s.value, s) for s in PaymentStatus]
                                          + [(PaymentReview.PENDING.value, PENDING)])
        top = QHBoxLayout()
        for widget in (self.search, self.occasion_filter, self.year_filter, self.month_filter,
                       self.status_filter):
            top.addWidget(widget, 3 if widget is self.search else 0)
        self.totals_label = QLabel(self)
        self.totals_label.setObjectName("paymentTotals")

        self.table = QTableView(self)
        self.table.setObjectName("paymentTable")
        self.table.setModel(self.model)
        configure_table(self.table, multi_select=True)

        buttons = QHBoxLayout()
        self.approve_button = ApproveButton(self, self.approve_chosen)
        buttons.addWidget(self.approve_button)
        for name, text, slot in (
                ("voidButton", self.tr("Void…"), self.void_payment),
                ("correctButton", self.tr("Correct…"), self.correct_payment),
                ("medicalAidButton", self.tr("Medical aid claim…"), self.medical_aid),
                ("importListButton", self.tr("Import a list…"), self.import_list),
                ("figuresButton", self.tr("Year figures…"), self.show_figures)):
            buttons.addWidget(make_button(self, name, text, slot))
        buttons.addStretch(1)
        buttons.addWidget(QLabel(self.tr("Voucher layout"), self))
        self.layout_combo = QComboBox(self)
        self.layout_combo.setObjectName("voucherLayoutCombo")
        self.layout_combo.addItem(self.tr("Two per A4 page"), "A4x2")
        self.layout_combo.addItem(self.tr("One per A5 page"), "A5")
        buttons.addWidget(self.layout_combo)
        self.signoff_check = QCheckBox(self.tr("Add the sign-off sheet"), self)
        self.signoff_check.setObjectName("signoffCheck")
        buttons.addWidget(self.signoff_check)
        self.print_button = QPushButton(self.tr("Print (Ctrl+P)"), self)
        self.print_button.setObjectName("printPaymentsButton")
        menu = QMenu(self.print_button)
        for name, text, slot in (
                ("printChosenAction", self.tr("Chosen vouchers"), self.print_chosen),
                ("printListAction", self.tr("Every voucher in the list"), self.print_list),
                ("printSignoffAction", self.tr("Only the sign-off sheet of the list"),
                 self.print_signoff)):
            action = menu.addAction(text)
            action.setObjectName(name)
            action.triggered.connect(lambda _c=False, s=slot: s())
        self.print_button.setMenu(menu)
        buttons.addWidget(self.print_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.totals_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.search.textChanged.connect(self._on_filter_changed)
        for combo in (self.occasion_filter, self.year_filter, self.month_filter,
                      self.status_filter):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.model.loaded.connect(self._on_model_loaded)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.ops.read(vouchers.voucher_layout).success(self._show_layout).run()
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_button.showMenu)
        SearchKeys(self.search, self.table)  # a payment has no form to open: Down and Esc

    def _show_layout(self, layout: str) -> None:
        self.layout_combo.blockSignals(True)
        self.layout_combo.setCurrentIndex(max(0, self.layout_combo.findData(layout)))
        self.layout_combo.blockSignals(False)
        self.layout_combo.currentIndexChanged.connect(self._on_layout_combo_changed)

    def _on_layout_combo_changed(self, _index: int) -> None:
        layout = self.layout_combo.currentData()
        self.ops.write(lambda s: vouchers.set_voucher_layout(s, layout=layout),
                       changes={Change.SETTINGS}, parent=self).run()

    # -- loading ---------------------------------------------------------------------------------
    def query(self) -> dict:
        year = self.year_filter.currentData()
        status = self.status_filter.currentData()
        review = None
        if status == PENDING:  # waiting for review: issued, not approved yet
            status, review = PaymentStatus.ISSUED, PaymentReview.PENDING
        return dict(text=self.search.text(), occasion=self.occasion_filter.currentData(),
                    year=year, month=self.month_filter.currentData() if year else None,
                    status=status, review=review)

    def payment_filter(self) -> PaymentFilter:
        return PaymentFilter(**self.query())

    def apply_filters(self) -> None:
        query = self.query()
        self.month_filter.setEnabled(query["year"] is not None)
        self.model.set_query(**query)
        flt = PaymentFilter(**query)
        self.ops.read(lambda s: payment_totals(s, by="occasion", flt=flt)) \
            .success(lambda totals: self._show_totals(query, totals)).run()

    def _show_totals(self, query: dict, totals: Totals) -> None:
        if query != self.query():
            return
        t = totals.total
        text = self.tr("Total: {0} payments to {1} people ({2} household files), {3}").format(
            t.count, t.recipients, t.households, format_fen(t.amount_fen))
        if query["status"] is None:
            text += self.tr(" — voided payments not counted")
        if query["review"] is None:
            text += self.tr(" — payments waiting for review not counted")
        self.totals_label.setText(text)
        self.totals_shown.emit(totals)

    def show_payments(self, *, year: int, month: int | None = None,
                      occasion: str | None = None) -> None:
        """The overview's click-through: the issued payments of a year (or one month of it),
        of one occasion or all — the ones its figures count."""
        combos = (self.occasion_filter, self.year_filter, self.month_filter, self.status_filter)
        for widget in (self.search, *combos):
            widget.blockSignals(True)
        self.search.clear()
        if self.year_filter.findData(year) < 0:  # older than the years listed
            self.year_filter.addItem(str(year), year)
        self.year_filter.setCurrentIndex(self.year_filter.findData(year))
        self.month_filter.setCurrentIndex(max(0, self.month_filter.findData(month)) if month else 0)
        if occasion and self.occasion_filter.findData(occasion) < 0:
            self.occasion_filter.addItem(occasion, occasion)
        self.occasion_filter.setCurrentIndex(
            self.occasion_filter.findData(occasion) if occasion else 0)
        self.status_filter.setCurrentIndex(self.status_filter.findData(PaymentStatus.ISSUED))
        for widget in (self.search, *combos):
            widget.blockSignals(False)
        self.apply_filters()

    def refresh_occasions(self) -> None:
        self.ops.read(occasions_in_use) \
            .latest((id(self), "occasions")).success(self._set_occasions).run()

    def _set_occasions(self, used: list[str]) -> None:
        current = self.occasion_filter.currentData()
        self.occasion_filter.blockSignals(True)
        while self.occasion_filter.count() > 1:
            self.occasion_filter.removeItem(1)
        for occasion in dict.fromkeys([*OCCASIONS, *used]):
            self.occasion_filter.addItem(occasion, occasion)
        self.occasion_filter.setCurrentIndex(max(0, self.occasion_filter.findData(current)))
        self.occasion_filter.blockSignals(False)

    def refresh_review(self) -> None:
        """Who works now and whether payments wait for review: the 审核 button follows."""
        self.ops.read(lambda s: (accounts_policy(s), approval.pending_count(s))) \
            .latest((id(self), "review")).success(self._show_review) \
            .failure(lambda _err: self._show_review((None, 0))).run()

    def _show_review(self, loaded: tuple[AccountsPolicy | None, int]) -> None:
        self.policy, self.waiting = loaded
        self.update_approve_button()

    def update_approve_button(self) -> None:
        self.approve_button.follow(self.policy, self.waiting, self.chosen_payments())

    def chosen_payments(self) -> list[PaymentRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r) for r in rows]

    def select_voucher(self, number: str) -> bool:
        return select_first(self.table, self.model.rows(), lambda r: r.voucher_no == number)

    # -- actions ---------------------------------------------------------------------------------
    def _one_issued(self) -> PaymentRow | None:
        chosen = self.chosen_payments()
        if len(chosen) != 1:
            self.inform(self.tr("Choose one payment in the list first."))
            return None
        if chosen[0].status == PaymentStatus.VOID:
            self.inform(self.tr("Voucher {0} is already voided.").format(chosen[0].voucher_no))
            return None
        return chosen[0]

    def approve_chosen(self) -> None:
        """Approve the chosen payments (a 审核人 or 负责人 other than who entered them); the
        service refuses the whole batch, naming each, if any cannot be approved."""
        chosen = self.chosen_payments()
        if not chosen:
            self.inform(self.tr("Choose the payments to approve in the list first."))
            return
        total = sum(p.amount_fen for p in chosen)
        if not self.confirm(self.tr("Approve {0} payments, {1} in all?\nYour name and today's "
                                    "date go on their vouchers and into the audit log.")
                            .format(len(chosen), format_fen(total))):
            return
        numbers = [p.voucher_no for p in chosen]
        self.ops.write(lambda s: approval.approve_payments(s, voucher_nos=numbers),
                       changes={Change.PAYMENTS}, parent=self) \
            .success(lambda rows: self.inform(self.tr("{0} payments approved.").format(len(rows)))) \
            .run()

    def void_payment(self) -> None:
        payment = self._one_issued()
        if payment is None:
            return
        reason = self.ask_void_reason(payment)
        if reason is None:  # the clerk cancelled
            return
        if not reason:
            self.inform(self.tr("Voucher {0} was not voided: a reason is needed.")
                        .format(payment.voucher_no))
            return
        number = payment.voucher_no
        self.ops.write(lambda s: payments.void_payment(s, voucher_no=number, reason=reason),
                       changes={Change.PAYMENTS}, parent=self).run()

    def correct_payment(self):
        payment = self._one_issued()
        if payment is None:
            return None
        return self._open(CorrectionDialog(self.ops, payment, self))

    def medical_aid(self):
        return self._open(MedicalAidDialog(self.ops, None, self))

    def import_list(self):
        path = self.ask_open_path()
        if path is None:
            return None
        dialog = CampaignImportDialog(self.ops, path, self)
        dialog.print_requested.connect(self.print_numbers)
        return self._open(dialog)

    def show_figures(self):
        return self._open(YearFiguresDialog(
            self.ops, self.year_filter.currentData() or date.today().year, self))

    def print_numbers(self, numbers: list[str], signoff: bool = True) -> None:
        """A campaign's new vouchers, with their sign-off sheet."""
        self.printing.vouchers(lambda s: payments.payments_by_numbers(s, voucher_nos=numbers),
                               signoff=signoff, title=self.tr("Vouchers"),
                               filename="慰问金发放凭证.pdf")

    def print_chosen(self) -> None:
        numbers = [p.voucher_no for p in self.chosen_payments()]
        if not numbers:
            self.inform(self.tr("Choose the payments to print in the list first."))
            return
        self.print_numbers(numbers, self.signoff_check.isChecked())

    def print_list(self) -> None:
        flt = self.payment_filter()
        self.printing.vouchers(lambda s: _whole_list(s, flt),
                               signoff=self.signoff_check.isChecked(),
                               title=self.tr("Vouchers"), filename="慰问金发放凭证.pdf")

    def print_signoff(self) -> None:
        flt = self.payment_filter()
        self.printing.signoff(lambda s: _whole_list(s, flt), title=self.tr("Sign-off sheet"),
                              filename="慰问金发放签收表.pdf")

    # -- dialogs (methods, so tests can replace them) ----------------------------------------------
    def ask_void_reason(self, payment: PaymentRow) -> str | None:
        text, ok = QInputDialog.getText(
            self, self.tr("Void voucher {0}").format(payment.voucher_no),
            self.tr("Void {0}: {1}, {2}, {3}?\nThe payment stays on record, marked 作废; "
                    "a correction is a new payment.\nReason:").format(
                payment.voucher_no, payment.recipient_name, payment.occasion,
                format_fen(payment.amount_fen)))
        return text.strip() if ok else None  # "" when OK was pressed without a reason

    def ask_open_path(self) -> Path | None:
        return self.open_file_dialog(self.tr("Import a recipients list"), self.import_pattern())

    # -- slots -------------------------------------------------------------------------------------
    def _on_filter_changed(self, *_args) -> None:
        self.apply_filters()

    def _on_model_loaded(self, rows: int) -> None:
        self.size_columns_once(self.table, rows)
        self.update_approve_button()

    def _on_selection_changed(self, *_args) -> None:
        self.update_approve_button()

    def _on_ops_changed(self, changes: set) -> None:
        if Change.PAYMENTS in changes:
            self.refresh_occasions()
            self.apply_filters()
        if changes & {Change.PAYMENTS, Change.ACCOUNTS, Change.SETTINGS}:
            self.refresh_review()


def _whole_list(session, flt: PaymentFilter) -> list[PaymentRow]:
    """The list as filtered, by voucher number; voided ones only when the filter asks for them
    (as the service selects a campaign's vouchers)."""
    if flt.status is None:
        flt = flt.model_copy(update={"status": PaymentStatus.ISSUED})
    return list_payments(session, flt=flt, limit=None)
