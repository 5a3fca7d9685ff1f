"""Shared pieces of the hardship dialogs: amounts typed in yuan, dates, the payment fields
(amount, method, date, 经办人/审核人/负责人) and a FormDialog that names a badly typed amount."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QLineEdit, QWidget

from union_desk.domain.errors import RuleError
from union_desk.domain.money import fen_to_plain, yuan_to_fen
from union_desk.models.payment import OCCASIONS, PaymentMethod
from union_desk.services.accounts.policy import review_required
from union_desk.services.database_file import workplace
from union_desk.views.form_dialog import FormDialog


class InputProblem(ValueError):
    """A value the clerk typed that cannot even be read (e.g. "12,3.4" as an amount)."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


def fen_of(text: str, label: str, field: str | None = None, *, required: bool = True) -> int | None:
    """The amount typed in yuan ("1409.5", "1,409.50", "¥1409.50") in fen."""
    if not text.strip():
        if required:
            raise InputProblem(QCoreApplication.translate(
                "PaymentFields", "{0}: please enter an amount").format(label), field)
        return None
    try:
        return yuan_to_fen(text)
    except RuleError as err:
        raise InputProblem(QCoreApplication.translate(
            "PaymentFields", "{0}: {1}").format(label, err), field) from None


def yuan_text(fen: int | None) -> str:
    return "" if fen is None else fen_to_plain(fen)


def to_qdate(value: date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else QDate.currentDate()


def date_edit(parent: QWidget, name: str, value: date | None = None) -> QDateEdit:
    edit = QDateEdit(to_qdate(value), parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def line_edit(parent: QWidget, name: str, text: str = "", max_length: int = 100) -> QLineEdit:
    edit = QLineEdit(text, parent)
    edit.setObjectName(name)
    edit.setMaxLength(max_length)
    return edit


def occasion_combo(parent: QWidget, name: str, current: str = "") -> QComboBox:
    """The usual occasions; the clerk may type their own."""
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.setEditable(True)
    combo.addItems(list(OCCASIONS))
    combo.lineEdit().setMaxLength(30)
    if current:
        combo.setCurrentText(current)
    return combo


class HardshipFormDialog(FormDialog):
    """FormDialog whose payload() may raise InputProblem: shown like a service error."""

    def _on_buttons_accepted(self) -> None:
        try:
            super()._on_buttons_accepted()
        except InputProblem as err:
            self.show_error(str(err), err.field)


def _filled_on_approval(edit: QLineEdit) -> None:
    """凭证须经审核: the 审核人 box is the approving account's (services/hardship/payments.py
    keeps no name typed at entry)."""
    edit.clear()
    edit.setEnabled(False)
    edit.setPlaceholderText(QCoreApplication.translate(
        "PaymentFields", "filled in when a reviewer approves it"))


class PaymentFields:
    """Amount, method, date and the three signatories, added as rows of a FormDialog.
    The signatories typed last are offered again (a clerk pays many households in a row)."""

    remembered: dict[str, str] = {}

    def __init__(self, dialog: QWidget, *, amount_label: str | None, paid_on: date | None = None,
                 form: QFormLayout | None = None):
        """amount_label None: no amount field (it comes from elsewhere, e.g. the Excel list)."""
        self.amount_label = amount_label
        self._dialog, self._form = dialog, form
        self.amount = None
        if amount_label is not None:
            self.amount = self._add(amount_label, line_edit(dialog, "amountEdit", "", 20),
                                    "amount_fen")
            self.amount.setPlaceholderText(
                QCoreApplication.translate("PaymentFields", "yuan, e.g. 1409.50"))
        self.method = QComboBox(dialog)
        self.method.setObjectName("methodCombo")
        for method in PaymentMethod:
            self.method.addItem(method.value, method)
        self._add(QCoreApplication.translate("PaymentFields", "Paid by"), self.method, "method")
        self.paid_on = self._add(QCoreApplication.translate("PaymentFields", "Paid on"),
                                 date_edit(dialog, "paidOnEdit", paid_on), "paid_on")
        self.handler = self._add(
            QCoreApplication.translate("PaymentFields", "Handled by (经办人)"),
            line_edit(dialog, "handlerEdit", "", 40), "handler")
        self.reviewer = self._add(
            QCoreApplication.translate("PaymentFields", "Reviewed by (审核人)"),
            line_edit(dialog, "reviewerEdit", "", 40), "reviewer")
        self.approver = self._add(
            QCoreApplication.translate("PaymentFields", "Approved by (负责人)"),
            line_edit(dialog, "approverEdit", "", 40), "approver")
        handler = self.handler  # empty: the service signs with the clerk's name; say whose
        dialog.ops.read(workplace).success(lambda w: handler.setPlaceholderText(w.clerk)).run()
        for key, edit in self._names().items():
            edit.setText(self.remembered.get(key, ""))
        self.under_review = False  # 凭证须经审核: what is entered waits for its 审核人
        dialog.ops.read(review_required).success(self._show_review).run()

    def _add(self, label: str, widget: QWidget, field: str) -> QWidget:
        """A row of the dialog's form, or of the form given (e.g. inside a group box)."""
        if isinstance(self._dialog, FormDialog):  # its errors then point at the field
            return self._dialog.add_row(label, widget, field, form=self._form)
        self._form.addRow(label, widget)
        return widget

    def _show_review(self, on: bool) -> None:
        self.under_review = on
        if on:  # the approval fills the 审核人 box, not the one entering
            _filled_on_approval(self.reviewer)

    def waiting_note(self) -> str:
        """What a form says once it has entered payments under review ("" when off)."""
        if not self.under_review:
            return ""
        return QCoreApplication.translate(
            "PaymentFields", "They wait for review: a reviewer (审核人) or head (负责人) other "
            "than you approves them in the payments list; until then they print only as drafts "
            "marked 未审核.")

    def _names(self) -> dict[str, QLineEdit]:
        return {"handler": self.handler, "reviewer": self.reviewer, "approver": self.approver}

    def set_amount(self, fen: int | None) -> None:
        self.amount.setText(yuan_text(fen))

    def values(self) -> dict:
        """amount_fen (if asked), method, paid_on and the signatories (InputProblem if an
        amount is unreadable)."""
        names = {key: edit.text().strip() for key, edit in self._names().items()}
        PaymentFields.remembered.update((k, v) for k, v in names.items()
                                        if self._names()[k].isEnabled())
        out = dict(method=self.method.currentData(), paid_on=self.paid_on.date().toPython(),
                   **names)
        if self.amount is not None:
            out["amount_fen"] = fen_of(self.amount.text(), self.amount_label, "amount_fen")
        return out

    def widgets(self) -> list[QWidget]:
        return [w for w in (self.amount, self.method, self.paid_on, *self._names().values())
                if w is not None]
